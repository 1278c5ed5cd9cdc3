using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ContactOps.Modules.Adjustments;
using ContactOps.Modules.Organization;
using ContactOps.Modules.Sales;
using ContactOps.Platform.Auth;
using ContactOps.Platform.Data;
using ContactOps.Tests.Infrastructure;
using ContactOps.Tests.Sales;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContactOps.Tests.Security;

/// <summary>
/// Real records of one client (telco-co), one of each kind an operation of the API names: read from the demo data or,
/// where the demo has none, created first (through the API as the client's own users, or as the product's entities),
/// so every id the security walks send really exists. <see cref="Get"/> answers by name, optionally per operation
/// ("team@sales-cell"). Which operation serves which route: <see cref="OperationInputs.KindFor"/>.
/// </summary>
public sealed class TenantRecords
{
    public const string CustomersCsv = "tipo_documento;documento;nombre;telefono\nCC;80555111;Ana Ruiz;3001234567\n";

    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly TestApp _app;

    private TenantRecords(TestApp app, string client)
    {
        _app = app;
        Client = client;
    }

    public string Client { get; }

    public Guid ClientId { get; private set; }

    /// <summary>Operation code by kind (telco-co has one operation of each kind but digital sales).</summary>
    public IReadOnlyDictionary<OperationKind, string> Operations { get; private set; } = new Dictionary<OperationKind, string>();

    public IReadOnlyDictionary<string, Guid> OperationIds { get; private set; } = new Dictionary<string, Guid>();

    /// <summary>A record by name, the operation's own first ("team@premium-sales"), else the client's.</summary>
    public string Get(string name, string? operation = null) =>
        operation is not null && _values.TryGetValue(name + "@" + operation, out var own) ? own
        : _values.TryGetValue(name, out var any) ? any
        : throw new InvalidOperationException($"TenantRecords has no '{name}' (operation {operation}): add it to PrepareAsync.");

    public static async Task<TenantRecords> PrepareAsync(TestApp app, string client = "telco-co")
    {
        var r = new TenantRecords(app, client);
        await r.ReadAsync();
        await r.CreateAsync();
        return r;
    }

    private void Set(string name, object value, string? operation = null) => _values[operation is null ? name : name + "@" + operation] = value.ToString()!;

    private async Task ReadAsync()
    {
        await using var scope = _app.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var c = await db.Clients.IgnoreQueryFilters().SingleAsync(x => x.Code == Client);
        ClientId = c.Id;
        Set("client", c.Code);
        Set("clientId", c.Id);
        var ops = await db.Operations.IgnoreQueryFilters().Where(o => o.ClientId == c.Id).ToListAsync();
        Operations = ops.GroupBy(o => o.Kind).ToDictionary(g => g.Key, g => g.OrderBy(o => o.Code).First().Code);
        OperationIds = ops.ToDictionary(o => o.Code, o => o.Id);
        foreach (var op in ops)
        {
            Set("operationId", op.Id, op.Code);
            Set("team", await db.Teams.IgnoreQueryFilters().Where(t => t.OperationId == op.Id).Select(t => t.Id).FirstAsync(), op.Code);
            var disposition = await db.Dispositions.IgnoreQueryFilters().Where(d => d.OperationId == op.Id).OrderBy(d => d.SortOrder).FirstAsync();
            Set("disposition", disposition.Code, op.Code);
            Set("dispositionId", disposition.Id, op.Code);
            // A target the API can name (SetKpiTarget takes lower-case names; the demo also seeds camelCase ones).
            Set("kpi", op.KpiTargets.Select(k => k.Kpi).Where(k => k.All(ch => char.IsAsciiLetterLower(ch) || char.IsAsciiDigit(ch) || ch == '-')).Order(StringComparer.Ordinal).FirstOrDefault() ?? "walk-kpi", op.Code);
            Set("agent", "agent." + op.Code, op.Code);
            Set("supervisor", "supervisor." + op.Code, op.Code);
            var agent = await db.Users.IgnoreQueryFilters().SingleAsync(u => u.UserName == "agent." + op.Code);
            Set("agentId", agent.Id, op.Code);
            Set("membership", await db.Memberships.IgnoreQueryFilters().Where(m => m.UserId == agent.Id).Select(m => m.Id).SingleAsync(), op.Code);
        }

        var customer = await db.Customers.IgnoreQueryFilters().Where(x => x.ClientId == c.Id).OrderBy(x => x.CreatedAt).ThenBy(x => x.Id).FirstAsync(x => x.DocumentNumber == "1020304050");
        Set("customer", customer.Id);
        Set("document", customer.DocumentNumber);
        Set("phone", (await db.CustomerPhones.IgnoreQueryFilters().FirstAsync(p => p.CustomerId == customer.Id)).E164);
        var salesCell = ops.Single(o => o.Kind == OperationKind.SalesCell);
        Set("sale", await db.Sales.IgnoreQueryFilters().Where(s => s.OperationId == salesCell.Id && s.State == SaleState.Registered).Select(s => s.Id).FirstAsync());
        Set("checklist", await db.SaleChecklists.IgnoreQueryFilters().Where(s => s.OperationId == salesCell.Id).Select(s => s.Id).FirstAsync());
        Set("interaction", await db.Interactions.IgnoreQueryFilters().Where(i => i.ClientId == c.Id).Select(i => i.Id).FirstAsync());
        Set("escalation", await db.Escalations.IgnoreQueryFilters().Where(i => i.ClientId == c.Id).Select(i => i.Id).FirstAsync());
        Set("escalationType", await db.EscalationTypes.IgnoreQueryFilters().Where(i => i.ClientId == c.Id).Select(i => i.Id).FirstAsync());
        Set("leadBase", await db.LeadBases.IgnoreQueryFilters().Where(i => i.ClientId == c.Id).Select(i => i.Id).FirstAsync());
        Set("lead", await db.Leads.IgnoreQueryFilters().Where(i => i.ClientId == c.Id).Select(i => i.Id).FirstAsync());
        Set("segment", await db.Segments.IgnoreQueryFilters().Where(i => i.ClientId == c.Id).Select(i => i.Name).FirstAsync());
        Set("dnc", await db.DncEntries.IgnoreQueryFilters().Where(i => i.ClientId == c.Id).Select(i => i.E164).FirstAsync());
        Set("adjustment", await db.Adjustments.IgnoreQueryFilters().Where(i => i.ClientId == c.Id).OrderBy(i => i.Id).Select(i => i.Id).FirstAsync());
        Set("adjustmentVersion", await db.Adjustments.IgnoreQueryFilters().Where(i => i.ClientId == c.Id).OrderBy(i => i.Id).Select(i => i.Version).FirstAsync());
        Set("cause", await db.AdjustmentCauses.IgnoreQueryFilters().Where(i => i.ClientId == c.Id).OrderBy(i => i.Letter).Select(i => i.Letter).FirstAsync());
    }

    /// <summary>What the demo has none of: made by the client's own users through the API, or as entities.</summary>
    private async Task CreateAsync()
    {
        var premium = Operations[OperationKind.InboundSales];
        var outbound = Operations[OperationKind.Outbound];
        var cell = Operations[OperationKind.SalesCell];
        var adjustments = Operations[OperationKind.Adjustments];
        var admin = await _app.ClientForAsync("admin." + Client);

        // Sales of the operations that work them: a device sale of the outbound campaign, a premium sale to claim.
        var deviceSale = await SalesTestData.AddSaleAsync(_app, new SalesTestData.SaleSpec(SaleKind.DeviceOnCredit, TimeProvider.System.GetUtcNow().AddDays(-2), SaleState.Registered, Operation: outbound));
        Set("deviceSale", deviceSale);
        var premiumSale = await SalesTestData.AddSaleAsync(_app, new SalesTestData.SaleSpec(SaleKind.HomeUpgrade, TimeProvider.System.GetUtcNow().AddDays(-40), SaleState.Installed, Operation: premium));
        Set("premiumSale", premiumSale);

        // An attachment of the sales cell's sale, uploaded by the cell's back office.
        var attached = await SalesTestData.UploadAsync(await _app.ClientForAsync("backoffice." + cell), Guid.Parse(Get("sale")), "CallRecording", "llamada.ogg", [.. "OggS"u8, 0, 2, 0, 0]);
        Set("attachment", await IdAsync(attached, "id"));

        Set("apiKey", await IdAsync(await admin.PostAsJsonAsync("/api/v1/api-keys", new { name = "Walk key", operation = premium, role = "Agent" }), "apiKey", "id"));
        await Ok(await admin.PostAsJsonAsync($"/api/v1/clients/{Client}/calendar/overrides", new { date = "2026-12-24", removal = false, name = "Nochebuena" }));
        Set("override", "2026-12-24");
        await Ok(await (await _app.ClientForAsync("datamarshall." + outbound)).PutAsJsonAsync($"/api/v1/operations/{outbound}/mappings/customers/base-walk", new Dictionary<string, string> { ["documento"] = "CEDULA_TITULAR" }));
        Set("mappingKind", "customers");
        Set("mappingName", "base-walk");
        await Ok(await (await _app.ClientForAsync("admin." + premium)).PutAsJsonAsync($"/api/v1/clients/{Client}/legalization-layouts/recordings", new[] { new { header = "LLAMADA", field = "CallId" } }));
        Set("layout", "recordings");

        Set("customerImport", await IdAsync(await UploadAsync(await _app.ClientForAsync("datamarshall." + premium), "/api/v1/customers/imports", premium, CustomersCsv + "CC;;Sin Documento;3007654321\n"), "batchId"));
        const string callLog = "fecha_hora;telefono;documento;agente;resultado;tipificacion;segundos\n2025-03-04 09:10:00;3001000001;;;contestada;VENTA;300\n";
        var supervisor = await _app.ClientForAsync("supervisor." + outbound);
        Set("callLog", await IdAsync(await UploadAsync(supervisor, "/api/v1/outbound/call-logs", outbound, callLog), "importId"));
        Set("managementRun", await IdAsync(await supervisor.PostAsJsonAsync("/api/v1/outbound/management/runs", new { operation = outbound, date = "2026-11-23", format = "csv" }), "id"));
        var legalized = await (await _app.ClientForAsync("backoffice." + premium)).PostAsJsonAsync("/api/v1/sales/legalization/runs", new { operation = premium, month = "2026-10" });
        Set("legalizationRun", await IdAsync(legalized, "id"));

        // A lead base received through the API (its file kept encrypted) with a rejected row, by the campaign's data marshall.
        const string leads = "documento;nombre;celular\n80777111;Base Walk;3002221111\n;Sin Documento;3002222222\n";
        Set("receivedBase", await IdAsync(await UploadAsync(await _app.ClientForAsync("datamarshall." + outbound), "/api/v1/outbound/bases", outbound, leads, new Dictionary<string, string> { ["base"] = "Base walk recibida" }), "baseId"));

        await using var scope = _app.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var cut = new ReconciliationCut(ClientId, OperationIds[premium], new DateOnly(2026, 11, 2), "operador.csv", new string('a', 64), "cuenta", "admin." + Client, TimeProvider.System.GetUtcNow());
        db.ReconciliationCuts.Add(cut);
        var claim = new SaleClaim(ClientId, OperationIds[premium], cut.Id, Guid.NewGuid(), premiumSale, "8005|TVHD|20261104", "admin." + Client);
        db.SaleClaims.Add(claim);
        var coaching = new CoachingRecord(ClientId, OperationIds[adjustments], "agent." + adjustments, "2026-W10") { Rejected = 2, Total = 5, Commitment = "Adjuntar la factura antes de radicar." };
        db.CoachingRecords.Add(coaching);

        // A call of the campaign's agent still waiting for its disposition.
        var attempt = new Modules.Outbound.CallAttempt(ClientId, OperationIds[outbound], Guid.Parse(Get("lead")), "+573002221111", Modules.Outbound.Dialer.DialMode.Preview, TimeProvider.System.GetUtcNow().AddMinutes(-5), Modules.Outbound.AttemptSource.ContactOps)
        {
            AgentUserId = Guid.Parse(Get("agentId", outbound)),
            AgentLogin = "agent." + outbound,
        };
        db.CallAttempts.Add(attempt);
        await db.SaveChangesAsync();
        Set("attempt", attempt.Id);
        Set("cut", cut.Id);
        Set("claim", claim.Id);
        Set("coaching", coaching.Id);
    }

    /// <summary>
    /// A record made for a destructive call (deactivate, reset, remove, revoke): a new user of the operation with an
    /// Agent membership, so the demo users the walk signs in with keep working.
    /// </summary>
    public async Task<(Guid UserId, Guid MembershipId)> NewUserAsync(string operation)
    {
        await using var scope = _app.SystemScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var user = new AppUser { UserName = "walk." + Guid.NewGuid().ToString("N")[..10], DisplayName = "Walk user", Email = null };
        var created = await users.CreateAsync(user); // no password: nobody signs in as a victim, and hashing is slow
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        var membership = new Membership(user.Id, ClientId, OperationIds[operation], Role.Agent);
        db.Memberships.Add(membership);
        await db.SaveChangesAsync();
        return (user.Id, membership.Id);
    }

    /// <summary>A registered sale of the operation made for one call that may change it, with its version.</summary>
    public async Task<(Guid Id, int Version)> NewSaleAsync(string operation)
    {
        var id = await SalesTestData.AddSaleAsync(_app, new SalesTestData.SaleSpec(SaleKind.HomeUpgrade, TimeProvider.System.GetUtcNow().AddDays(-1), SaleState.Registered, Operation: operation));
        await using var scope = _app.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return (id, await db.Sales.IgnoreQueryFilters().Where(s => s.Id == id).Select(s => s.Version).SingleAsync());
    }

    public async Task<string> NewDncAsync(string operation)
    {
        await using var scope = _app.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var phone = "+5730" + Random.Shared.Next(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        db.DncEntries.Add(new Modules.Outbound.DncEntry(ClientId, OperationIds[operation], phone, "walk", null, "walk"));
        await db.SaveChangesAsync();
        return phone;
    }

    private int _overrides;

    public async Task<string> NewOverrideAsync()
    {
        var date = new DateOnly(2027, 1, 1).AddDays(Interlocked.Increment(ref _overrides)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await Ok(await (await AdminAsync()).PostAsJsonAsync($"/api/v1/clients/{Client}/calendar/overrides", new { date, removal = false, name = "Walk" }));
        return date;
    }

    public async Task<Guid> NewApiKeyAsync(string operation)
    {
        var admin = await AdminAsync();
        return Guid.Parse(await IdAsync(await admin.PostAsJsonAsync("/api/v1/api-keys", new { name = "Walk key " + Guid.NewGuid().ToString("N")[..6], operation, role = "Agent" }), "apiKey", "id"));
    }

    private HttpClient? _admin;

    private async Task<HttpClient> AdminAsync() => _admin ??= await _app.ClientForAsync("admin." + Client);

    public static Task<HttpResponseMessage> UploadAsync(HttpClient http, string url, string operation, string csv, IDictionary<string, string>? fields = null)
    {
        var form = new MultipartFormDataContent { { new StringContent(operation), "operation" } };
        foreach (var (k, v) in fields ?? new Dictionary<string, string>())
        {
            form.Add(new StringContent(v), k);
        }

        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "datos.csv");
        return http.PostAsync(url, form);
    }

    private static async Task Ok(HttpResponseMessage response) =>
        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");

    private static async Task<string> IdAsync(HttpResponseMessage response, params string[] path)
    {
        await Ok(response);
        var text = await response.Content.ReadAsStringAsync();
        using var doc = JsonDocument.Parse(text);
        var node = doc.RootElement;
        foreach (var step in path)
        {
            Assert.True(node.TryGetProperty(step, out node), $"{response.RequestMessage?.RequestUri}: no '{step}' in {text[..Math.Min(text.Length, 300)]}");
        }

        return node.ToString();
    }
}
