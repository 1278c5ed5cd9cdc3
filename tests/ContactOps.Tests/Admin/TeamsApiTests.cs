using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ContactOps.Tests.Infrastructure;

namespace ContactOps.Tests.Admin;

public class TeamsApiTests
{
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Client_admin_creates_teams_sets_supervisor_and_moves_members(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var admin = await app.ClientForAsync("admin.telco-co");

        var start = await Body(await admin.GetAsync("/api/v1/operations/premium-sales/teams"));
        var agent = start.GetProperty("teams").EnumerateArray().SelectMany(t => t.GetProperty("members").EnumerateArray())
            .Concat(start.GetProperty("withoutTeam").EnumerateArray())
            .First(m => m.GetProperty("userName").GetString() == "agent.premium-sales");
        var membershipId = agent.GetProperty("membershipId").GetGuid();

        var empty = await admin.PostAsJsonAsync("/api/v1/operations/premium-sales/teams", new { name = " " });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var stranger = await admin.PostAsJsonAsync("/api/v1/operations/premium-sales/teams", new { name = "Equipo Norte", supervisor = "agent.digital-sales" });
        Assert.Equal(HttpStatusCode.BadRequest, stranger.StatusCode);
        Assert.Contains("no es miembro", await stranger.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var created = await admin.PostAsJsonAsync("/api/v1/operations/premium-sales/teams", new { name = "Equipo Norte", supervisor = "supervisor.premium-sales" });
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var north = (await Body(created)).GetProperty("teams").EnumerateArray().Single(t => t.GetProperty("name").GetString() == "Equipo Norte");
        Assert.False(string.IsNullOrEmpty(north.GetProperty("supervisorName").GetString()));
        var northId = north.GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsJsonAsync("/api/v1/operations/premium-sales/teams", new { name = "Equipo Norte" })).StatusCode);

        var moved = await Body(await admin.PostAsJsonAsync($"/api/v1/operations/premium-sales/teams/{northId}/members", new { membershipIds = new[] { membershipId } }));
        var northMembers = moved.GetProperty("teams").EnumerateArray().Single(t => t.GetProperty("id").GetGuid() == northId).GetProperty("members");
        Assert.Equal("agent.premium-sales", Assert.Single(northMembers.EnumerateArray()).GetProperty("userName").GetString());

        // A membership of another operation cannot be moved into this one's team.
        var other = await Body(await admin.GetAsync("/api/v1/operations/sales-cell/teams"));
        var otherMember = other.GetProperty("teams").EnumerateArray().SelectMany(t => t.GetProperty("members").EnumerateArray())
            .Concat(other.GetProperty("withoutTeam").EnumerateArray()).First().GetProperty("membershipId").GetGuid();
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync($"/api/v1/operations/premium-sales/teams/{northId}/members", new { membershipIds = new[] { otherMember } })).StatusCode);

        var renamed = await admin.PutAsJsonAsync($"/api/v1/operations/premium-sales/teams/{northId}", new { name = "Equipo Sur" });
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        var south = (await Body(renamed)).GetProperty("teams").EnumerateArray().Single(t => t.GetProperty("id").GetGuid() == northId);
        Assert.Equal("Equipo Sur", south.GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, south.GetProperty("supervisorUserId").ValueKind);

        var removed = await Body(await admin.PostAsJsonAsync("/api/v1/operations/premium-sales/teams/without-team", new { membershipIds = new[] { membershipId } }));
        Assert.Contains(removed.GetProperty("withoutTeam").EnumerateArray(), m => m.GetProperty("membershipId").GetGuid() == membershipId);

        // Another client's operation does not exist for this admin; an agent is refused.
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/v1/operations/digital-sales/teams")).StatusCode);
        var agentClient = await app.ClientForAsync("agent.premium-sales");
        Assert.Equal(HttpStatusCode.Forbidden, (await agentClient.GetAsync("/api/v1/operations/premium-sales/teams")).StatusCode);
    }

    private static async Task<JsonElement> Body(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
