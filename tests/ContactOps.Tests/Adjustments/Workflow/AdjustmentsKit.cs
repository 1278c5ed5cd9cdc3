using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ContactOps.Modules.Adjustments;
using ContactOps.Platform.Data;
using ContactOps.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ContactOps.Tests.Adjustments.Workflow;

/// <summary>
/// The product on a demo database with a fake clock, and adjustments of adjustments-cell written directly as the importer
/// writes them (new Adjustment + ApplyCut + AdjustmentCut + AdjustmentCutRecord), with accounts of this kit only.
/// </summary>
internal sealed class AdjustmentsKit
{
    public const string Operation = "adjustments-cell";
    public const string BackOffice = "backoffice.adjustments-cell";
    public const string Supervisor = "supervisor.adjustments-cell";
    public const string CellAdmin = "admin.adjustments-cell";
    public const string Agent = "agent.adjustments-cell";

    private readonly TestApp _app;

    private AdjustmentsKit(TestApp app, FakeTimeProvider clock)
    {
        _app = app;
        Clock = clock;
    }

    public FakeTimeProvider Clock { get; }

    /// <summary>Now is Friday 2026-12-04 15:00 UTC (10:00 in Bogotá) unless told: PQRs filed "today" cross Dec 8 and Dec 25.</summary>
    public static AdjustmentsKit Start(TestApp app, DateTimeOffset? now = null)
    {
        var clock = new FakeTimeProvider(now ?? new DateTimeOffset(2026, 12, 4, 15, 0, 0, TimeSpan.Zero));
        var clocked = app.WithClock(clock);
        return new AdjustmentsKit(clocked, clock);
    }

    private readonly List<(HttpClient Client, string UserName)> _clients = [];

    /// <summary>Moves the fake clock to 10:00 Bogotá of a date, and signs the kit's clients in again (bearer tokens last 8 hours of that clock).</summary>
    public async Task SetTodayAsync(string date)
    {
        Clock.SetUtcNow(new DateTimeOffset(D(date).ToDateTime(new TimeOnly(15, 0)), TimeSpan.Zero));
        foreach (var (client, userName) in _clients)
        {
            client.DefaultRequestHeaders.Authorization = new("Bearer", await TokenAsync(userName));
        }
    }

    public static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public async Task<HttpClient> ClientAsync(string userName)
    {
        var client = _app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", await TokenAsync(userName));
        _clients.Add((client, userName));
        return client;
    }

    /// <summary>A client signed in with the sign-in form (cookie), for the pages.</summary>
    public async Task<HttpClient> BrowserAsync(string userName)
    {
        var client = _app.CreateClient();
        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = userName,
            ["password"] = Modules.Demo.DemoSeeder.DemoPassword,
            ["returnUrl"] = "/",
        }));
        Xunit.Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return client;
    }

    private async Task<string> TokenAsync(string userName)
    {
        using var anonymous = _app.CreateClient();
        var response = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { userName, password = Modules.Demo.DemoSeeder.DemoPassword });
        response.EnsureSuccessStatusCode();
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return doc.RootElement.GetProperty("accessToken").GetString()!;
    }

    public AsyncServiceScope SystemScope()
    {
        var scope = _app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ContactOps.Platform.Tenancy.AccessScope>().SetSystem("tests");
        return scope;
    }

    /// <summary>Writes one adjustment as the importer would for a cut (created, or updated when the key exists) and returns its id.</summary>
    public async Task<Guid> CutAsync(
        string escalationRef, CarrierApproval approval, string cutoff = "2026-12-03", string cause = "A", decimal? amount = null, string? filing = null,
        string agent = "asesor.kit", string? reason = null, string account = "KIT-0001")
    {
        await using var scope = SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var op = await db.Operations.SingleAsync(o => o.Code == Operation);
        var causeId = await db.AdjustmentCauses.Where(c => c.OperationId == op.Id && c.Letter == cause).Select(c => (Guid?)c.Id).SingleAsync();
        var cut = D(cutoff);
        var values = new AdjustmentCutValues(cut, account, escalationRef, approval.ToString().ToUpperInvariant(), causeId, cause, approval, amount, "COP", filing, cut, agent, reason);
        var key = Adjustment.KeyFor(escalationRef, account, cause, cut);
        var adjustment = await db.Adjustments.SingleOrDefaultAsync(a => a.OperationId == op.Id && a.Key == key);
        if (adjustment is null)
        {
            adjustment = new Adjustment(op.ClientId, op.Id, key, cut) { FilingDate = cut };
            db.Adjustments.Add(adjustment);
        }

        var now = Clock.GetUtcNow();
        if (adjustment.ApplyCut(values, now))
        {
            adjustment.Version = Guid.NewGuid();
        }

        var cutRow = new AdjustmentCut(op.ClientId, op.Id, cut, $"ajustes_{cutoff}.xlsx", now, "tests") { Rows = 1 };
        db.AdjustmentCuts.Add(cutRow);
        var record = await db.AdjustmentCutRecords.SingleOrDefaultAsync(r => r.AdjustmentId == adjustment.Id && r.Cutoff == cut);
        if (record is null)
        {
            db.AdjustmentCutRecords.Add(new AdjustmentCutRecord(adjustment, cutRow.Id, 2, values));
        }
        else
        {
            record.Set(cutRow.Id, 2, values);
        }

        await db.SaveChangesAsync();
        return adjustment.Id;
    }

    public async Task<Adjustment> LoadAsync(Guid id)
    {
        await using var scope = SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Adjustments.AsNoTracking().SingleAsync(a => a.Id == id);
    }

    public async Task<int> StepCountAsync(Guid id)
    {
        await using var scope = SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.AdjustmentSteps.CountAsync(s => s.AdjustmentId == id);
    }

    public static async Task<JsonElement> GetAsync(HttpClient client, Guid id) => await OkAsync(await client.GetAsync($"/api/v1/adjustments/{id}"));

    /// <summary>Runs an action with the version the caller sees now (read first), plus the given fields.</summary>
    public static async Task<HttpResponseMessage> ActAsync(HttpClient client, Guid id, string action, Dictionary<string, object?>? fields = null)
    {
        var detail = await GetAsync(client, id);
        var body = new Dictionary<string, object?>(fields ?? [], StringComparer.Ordinal) { ["version"] = Version(detail) };
        return await client.PostAsJsonAsync($"/api/v1/adjustments/{id}/{action}", body);
    }

    /// <summary>Runs an action that must succeed; returns the new detail.</summary>
    public static async Task<JsonElement> DoAsync(HttpClient client, Guid id, string action, Dictionary<string, object?>? fields = null) =>
        await OkAsync(await ActAsync(client, id, action, fields));

    public static Guid Version(JsonElement detail) => detail.GetProperty("row").GetProperty("version").GetGuid();

    public static string State(JsonElement detail) => detail.GetProperty("row").GetProperty("state").GetString()!;

    public static string? Str(JsonElement e, string name) => e.GetProperty(name).ValueKind == JsonValueKind.Null ? null : e.GetProperty(name).GetString();

    public static async Task<JsonElement> OkAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Xunit.Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {text}");
        using var doc = JsonDocument.Parse(text);
        return doc.RootElement.Clone();
    }

    public static async Task<(HttpStatusCode Status, string Code, string Detail, JsonElement Body)> ProblemAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        using var doc = JsonDocument.Parse(text);
        var root = doc.RootElement.Clone();
        return (response.StatusCode, root.TryGetProperty("code", out var c) ? c.GetString() ?? "" : "", root.TryGetProperty("detail", out var d) ? d.GetString() ?? "" : "", root);
    }
}
