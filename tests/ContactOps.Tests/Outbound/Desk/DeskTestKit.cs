using System.Net.Http.Json;
using System.Text.Json;
using ContactOps.Modules.Outbound;
using ContactOps.Platform.Data;
using ContactOps.Platform.Tenancy;
using ContactOps.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ContactOps.Tests.Outbound.Desk;

/// <summary>The product with a clock the test moves, the devices-outbound campaign in preview with a small base of leads, and API clients.</summary>
internal sealed class DeskApp : IAsyncDisposable
{
    public const string Operation = "devices-outbound";
    public const string Agent = "agent.devices-outbound";
    public const string Supervisor = "supervisor.devices-outbound";

    private readonly TestApp _app;

    private DeskApp(TestApp app, FakeTimeProvider clock)
    {
        _app = app;
        Clock = clock;
    }

    public FakeTimeProvider Clock { get; }

    /// <summary>The leads of the test base, in file order: (id, document, E.164 phone).</summary>
    public List<(Guid Id, string Document, string Phone)> Leads { get; } = [];

    public IServiceProvider Services => _app.Services;

    public static async Task<DeskApp> StartAsync(TestApp app, DateTimeOffset now, Action<OutboundCampaign>? configure = null, int leads = 4)
    {
        var clock = new FakeTimeProvider(now);
        var clocked = app.WithClock(clock);
        var desk = new DeskApp(clocked, clock);
        await desk.SeedAsync(configure, leads);
        return desk;
    }

    public Task<HttpClient> ClientAsync(string userName) =>
        _app.ClientForAsync(userName);

    public async Task<TResult> DbAsync<TResult>(Func<AppDbContext, Task<TResult>> call)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AccessScope>().SetSystem("tests");
        return await call(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public T Get<T>()
        where T : notnull => _app.Services.GetRequiredService<T>();

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private async Task SeedAsync(Action<OutboundCampaign>? configure, int count)
    {
        await DbAsync(async db =>
        {
            var op = await db.Operations.SingleAsync(o => o.Code == Operation);
            var campaign = await db.OutboundCampaigns.FirstOrDefaultAsync(c => c.OperationId == op.Id);
            if (campaign is null)
            {
                campaign = new OutboundCampaign(op.ClientId, op.Id, "CO");
                db.OutboundCampaigns.Add(campaign);
            }

            campaign.DialMode = Modules.Outbound.Dialer.DialMode.Preview;
            campaign.IsRunning = false;
            campaign.RecycleMinutesJson = "{}";
            campaign.ContactWindowsJson = """{"Monday":[["07:00","19:00"]],"Tuesday":[["07:00","19:00"]],"Wednesday":[["07:00","19:00"]],"Thursday":[["07:00","19:00"]],"Friday":[["07:00","19:00"]],"Saturday":[["08:00","15:00"]]}""";
            campaign.NoCallsOnHolidays = true;
            campaign.MaxContactsPerDay = 1;
            campaign.MaxAttemptsPerDay = 10;
            campaign.MaxAttemptsTotal = 20;
            campaign.WrapUpLimitSeconds = 60;
            campaign.WrapUpDefaultDispositionCode = "NO_CONTESTA";
            campaign.PauseReasonsJson = """[{"code":"break","name":"Descanso","minutes":15},{"code":"training","name":"Capacitación","minutes":60}]""";
            campaign.ScriptJson = """
                [{"kind":"greeting","title":"Saludo","text":"Buenos días, ¿hablo con {nombre}?"},
                 {"kind":"offer","title":"Oferta","text":"Tiene aprobado un {equipo} con cuota de {cuota} para su plan {plan}."},
                 {"kind":"close","title":"Cierre","text":"¿Lo enviamos a {ciudad}?"},
                 {"kind":"contract","title":"Lectura del contrato","text":"{nombre}, documento {documento}, acepta la compra del {equipo}."},
                 {"kind":"farewell","title":"Despedida","text":"Gracias, {nombre}."}]
                """;
            configure?.Invoke(campaign);

            // The demo data's bases and segments must not take part: these tests bring their own leads.
            await Policy.PolicyKit.IsolateAsync(db);

            var leadBase = new LeadBase(op.ClientId, op.Id, "desk-tests", "desk-tests.csv", Clock.GetUtcNow(), null);
            db.LeadBases.Add(leadBase);
            for (var i = 1; i <= count; i++)
            {
                var document = (79000000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture);
                var phone = "+5730011100" + i.ToString("00", System.Globalization.CultureInfo.InvariantCulture);
                var lead = new Lead(op.ClientId, op.Id, leadBase.Id, "CC", document, i == 1 ? "Carlos Andrés Pérez Gómez" : "Cliente Prueba " + i.ToString(System.Globalization.CultureInfo.InvariantCulture), i)
                {
                    AttributesJson = """{"plan":"Pospago 45","equipo":"Galaxy A55","cuota":"89900","ciudad":"Medellín"}""",
                };
                lead.Phones.Add(new LeadPhone(op.ClientId, op.Id, lead.Id, phone, 1));
                db.Leads.Add(lead);
                Leads.Add((lead.Id, document, phone));
            }

            await db.SaveChangesAsync();
            return 0;
        });
    }
}

internal static class DeskApi
{
    public const string Q = "?operation=" + DeskApp.Operation;

    public static async Task<JsonElement> OkAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Xunit.Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>The ProblemDetails of a refused call: status and its stable code.</summary>
    public static async Task<(int Status, string? Code, string Body)> ProblemAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Xunit.Assert.False(response.IsSuccessStatusCode, body);
        using var doc = JsonDocument.Parse(body);
        var code = doc.RootElement.TryGetProperty("code", out var c) ? c.GetString() : null;
        return ((int)response.StatusCode, code, body);
    }

    public static Task<HttpResponseMessage> PostAsync(this HttpClient client, string path, object? body = null) =>
        client.PostAsJsonAsync("/api/v1/outbound/desk/" + path + Q, body ?? new { });

    public static async Task<JsonElement> ReadyForLeadAsync(HttpClient agent)
    {
        await OkAsync(await agent.PostAsync("join"));
        await OkAsync(await agent.PostAsync("ready"));
        return await OkAsync(await agent.PostAsync("next"));
    }

    /// <summary>Takes the next lead (already ready), dials it and returns (view, attemptId, leadId).</summary>
    public static async Task<(JsonElement View, Guid AttemptId, Guid LeadId)> CallNextAsync(HttpClient agent)
    {
        var next = await OkAsync(await agent.PostAsync("next"));
        var leadId = next.GetProperty("lead").GetProperty("leadId").GetGuid();
        var started = await OkAsync(await agent.PostAsync("calls", new { leadId }));
        return (started, started.GetProperty("attempt").GetProperty("attemptId").GetGuid(), leadId);
    }
}
