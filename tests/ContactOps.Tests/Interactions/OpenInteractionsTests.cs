using System.Net;
using System.Net.Http.Json;
using ContactOps.Modules.Interactions;
using ContactOps.Modules.Interactions.Features;
using ContactOps.Tests.Infrastructure;
using ContactOps.Tests.Platform;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Tests.Interactions;

/// <summary>
/// Nothing is lost on reload: an agent's open interactions are listed for the desk to resume, and the ones left idle
/// longer than the operation allows are closed by the abandonment rule with a reason — never left open for ever.
/// </summary>
public class OpenInteractionsTests
{
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task An_agent_sees_only_their_own_open_interactions_newest_first(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var agent = await app.ClientForAsync("agent.premium-sales");
        var supervisor = await app.ClientForAsync("supervisor.premium-sales");

        var first = await OpenAsync(agent, "Voice", "1700000201");
        var second = await OpenAsync(agent, "WhatsApp", null);
        var theirs = await OpenAsync(supervisor, "Voice", "1700000299");

        var mine = await Demo.JsonAsync(await agent.GetAsync("/api/v1/interactions/mine?operation=premium-sales"));
        var ids = mine.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();
        Assert.Contains(first, ids);
        Assert.Contains(second, ids);
        Assert.DoesNotContain(theirs, ids);
        Assert.True(ids.IndexOf(second) < ids.IndexOf(first), "newest first");

        // Closed: gone from the list.
        var closed = await agent.PostAsJsonAsync($"/api/v1/interactions/{first}/close", new { disposition = "INFORMACION" });
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        var after = await Demo.JsonAsync(await agent.GetAsync("/api/v1/interactions/mine?operation=premium-sales"));
        Assert.DoesNotContain(first, after.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));

        // No operation, or another client's operation: refused, nothing listed.
        Assert.Equal(HttpStatusCode.BadRequest, (await agent.GetAsync("/api/v1/interactions/mine")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await agent.GetAsync("/api/v1/interactions/mine?operation=digital-sales")).StatusCode);

        // An agent cannot close one as abandoned by hand.
        var abandoned = await agent.PostAsJsonAsync($"/api/v1/interactions/{second}/close", new { disposition = "INFORMACION", resolution = "Abandoned" });
        Assert.Equal(HttpStatusCode.BadRequest, abandoned.StatusCode);
        Assert.True((await Demo.JsonAsync(abandoned)).GetProperty("errors").TryGetProperty("resolution", out _));
        Assert.Empty(app.LoggedErrors);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task The_abandonment_rule_closes_idle_interactions_with_a_reason_and_leaves_busy_ones(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await using var clocked = ClockedApp.Start(app, Bogota.At(2026, 12, 9, 8));
        var idle = await OpenAsync(clocked, "1700000301");
        var busy = await OpenAsync(clocked, "1700000302");

        // Three hours later the busy one changes; nothing has been idle for four hours yet.
        clocked.Clock.Advance(TimeSpan.FromHours(3));
        var request = await clocked.RunAsync<RecordPremiseCheck, ContactOps.Platform.Results.Result<InteractionView>>(h =>
            h.HandleAsync(busy, new RecordPremiseCheckRequest(null, "Quiere cambiar de plan", null), CancellationToken.None));
        Assert.True(request.IsSuccess, request.Error?.Message);
        Assert.Equal(0, await clocked.RunAsync<CloseAbandonedInteractions, int>(h => h.RunAsync(CancellationToken.None)));

        // Five hours after opening: the idle one goes, with a reason that says since when (Bogotá time); the busy one stays.
        clocked.Clock.Advance(TimeSpan.FromHours(2));
        Assert.True(await clocked.RunAsync<CloseAbandonedInteractions, int>(h => h.RunAsync(CancellationToken.None)) >= 1);
        var (idleRow, busyRow) = await clocked.DbAsync(async db => (
            await db.Interactions.AsNoTracking().SingleAsync(i => i.Id == idle),
            await db.Interactions.AsNoTracking().SingleAsync(i => i.Id == busy)));
        Assert.Equal(InteractionResolution.Abandoned, idleRow.Resolution);
        Assert.Equal(Bogota.At(2026, 12, 9, 13), idleRow.ClosedAt);
        Assert.False(idleRow.SolvedInFirstContact);
        Assert.Contains("4 h", idleRow.NotSolvedReason, StringComparison.Ordinal);
        Assert.Contains("2026-12-09 08:00", idleRow.NotSolvedReason, StringComparison.Ordinal);
        Assert.Null(busyRow.ClosedAt);

        // Closed is closed: the desk cannot close it again, and the audit names the rule.
        var again = await clocked.RunAsync<CloseInteraction, ContactOps.Platform.Results.Result<CloseInteractionResponse>>(h =>
            h.HandleAsync(idle, new CloseInteractionRequest(Disposition: "INFORMACION"), CancellationToken.None));
        Assert.Equal("interaction.closed", again.Error?.Code);
        Assert.True(await clocked.DbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityId == idle.ToString() && a.UserName == "regla de abandono")));

        // Exactly four hours after its last change it is still open; a minute later the rule closes it too.
        clocked.Clock.Advance(TimeSpan.FromHours(2));
        await clocked.RunAsync<CloseAbandonedInteractions, int>(h => h.RunAsync(CancellationToken.None));
        Assert.Null(await clocked.DbAsync(db => db.Interactions.Where(i => i.Id == busy).Select(i => i.Resolution).SingleAsync()));
        clocked.Clock.Advance(TimeSpan.FromMinutes(1));
        await clocked.RunAsync<CloseAbandonedInteractions, int>(h => h.RunAsync(CancellationToken.None));
        Assert.Equal(InteractionResolution.Abandoned, await clocked.DbAsync(db => db.Interactions.Where(i => i.Id == busy).Select(i => i.Resolution).SingleAsync()));
    }

    private static async Task<Guid> OpenAsync(HttpClient client, string channel, string? callId)
    {
        var opened = await client.PostAsJsonAsync("/api/v1/interactions", new { operation = "premium-sales", channel, callId, extension = "4101", agentLogin = "login" });
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        return (await Demo.JsonAsync(opened)).GetProperty("id").GetGuid();
    }

    private static async Task<Guid> OpenAsync(ClockedApp clocked, string callId)
    {
        var opened = await clocked.RunAsync<OpenInteraction, ContactOps.Platform.Results.Result<InteractionView>>(h =>
            h.HandleAsync(new OpenInteractionRequest("premium-sales", "Voice", callId, "4101", "login"), CancellationToken.None));
        Assert.True(opened.IsSuccess, opened.Error?.Message);
        return opened.Value!.Id;
    }
}
