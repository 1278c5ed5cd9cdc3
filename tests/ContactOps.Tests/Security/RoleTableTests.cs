using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using ContactOps.Platform.Auth;
using ContactOps.Tests.Infrastructure;
using Xunit.Abstractions;
using static ContactOps.Tests.Security.RoleTableTests.Who;

namespace ContactOps.Tests.Security;

/// <summary>
/// Issue 13, the role table: every operation of the OpenAPI document × every role of an operation of the kind it serves
/// (<c>&lt;role&gt;.&lt;operation&gt;</c>) and the two admin tiers above them (client admin <c>admin.telco-co</c>, platform
/// admin <c>admin</c>), called with real records of that operation (<see cref="OperationInputs"/>). Allowed: neither
/// 401, 403, 404 nor 5xx (a 400/409/422 of the handler's own validation got past the access check). Refused: the row's
/// status. An operation missing from <see cref="Table"/> fails the test, so a new endpoint needs an access rule.
/// </summary>
public class RoleTableTests(ITestOutputHelper output)
{
    private const string Client = "telco-co";

    /// <summary>The columns of the table: the roles of the row's operation, then the client admin and the platform admin.</summary>
    [Flags]
    public enum Who
    {
        None = 0,
        Agent = 1,
        BackOffice = 2,
        Supervisor = 4,
        Coordinator = 8,
        Manager = 16,
        DataMarshall = 32,
        QualityAnalyst = 64,
        Admin = 128,
        ClientAdmin = 256,
        PlatformAdmin = 512,
        Leaders = Supervisor | Coordinator | Manager | Admin,
        Importers = DataMarshall | Admin | Coordinator | Manager,
        Roles = Agent | BackOffice | Supervisor | Coordinator | Manager | DataMarshall | QualityAnalyst | Admin,
        Tiers = ClientAdmin | PlatformAdmin,
        Anyone = Roles | Tiers,

        /// <summary>Any role of the operation, and the platform admin (who acts as Admin everywhere).</summary>
        Members = Roles | PlatformAdmin,

        /// <summary>Work sales and cases in the back office (<c>SaleRoles.Work</c>).</summary>
        Work = BackOffice | Leaders,

        /// <summary>The desk and those who lead it.</summary>
        Front = Agent | Leaders,

        /// <summary>Reconcile the sales sheet with the carrier's (<c>ReconcileSales.CanReconcile</c>).</summary>
        Reconcilers = BackOffice | Importers,

        /// <summary>Manage lead bases, segments, call logs, the do-not-call list (<c>LeadAccess.CanManageBases</c>).</summary>
        Bases = Supervisor | Importers,

        /// <summary>Read reports and KPIs.</summary>
        Readers = QualityAnalyst | Leaders,

        /// <summary>Edit catalogs: checklists, escalation types.</summary>
        Catalogs = Coordinator | Manager | Who.Admin,

        /// <summary>Administer the client: the operation's Admin and both tiers.</summary>
        Administration = Who.Admin | Tiers,

        /// <summary>The client admin is no member of the operation: its records are hidden from it (404).</summary>
        NoMember = ClientAdmin,
    }

    /// <summary>
    /// One operation's rule: the operation it is exercised in, who is allowed, what the other columns get: 404 for those in
    /// <paramref name="Hidden"/> (the record is not theirs to see), <paramref name="Refused"/> (403, or 404 where the product
    /// hides the record from every refused role) for the rest.
    /// </summary>
    public sealed record Rule(string Operation, Who Allowed, int Refused = 403, Who Hidden = None)
    {
        public int RefusalFor(Who who) => Hidden.HasFlag(who) ? 404 : Refused;
    }

    private const string Premium = "premium-sales", Cell = "sales-cell", Outbound = "devices-outbound", Adjust = "adjustments-cell";

    /// <summary>Key: "METHOD path" as in the OpenAPI document.</summary>
    public static readonly IReadOnlyDictionary<string, Rule> Table = new Dictionary<string, Rule>(StringComparer.Ordinal)
    {
        ["POST /api/v1/auth/token"] = new(Premium, Anyone),
        ["POST /api/v1/auth/refresh"] = new(Premium, Anyone), // with the refresh token of the caller's own sign-in (the row above)
        ["POST /api/v1/auth/revoke"] = new(Premium, Anyone), // a token that matches nothing ends nothing
        ["GET /api/v1/audit"] = new(Premium, Leaders | Tiers),
        ["GET /api/v1/operations/{operation}/mappings"] = new(Premium, Members, Hidden: NoMember),
        ["PUT /api/v1/operations/{operation}/mappings/{fileKind}/{name}"] = new(Premium, Importers | PlatformAdmin, Hidden: NoMember),
        ["GET /api/v1/clients/{code}/calendar/due"] = new(Premium, Anyone),
        ["GET /api/v1/clients/{code}/calendar/holidays"] = new(Premium, Anyone),
        ["GET /api/v1/clients"] = new(Premium, Administration),
        ["POST /api/v1/clients"] = new(Premium, PlatformAdmin),
        ["PUT /api/v1/clients/{code}"] = new(Premium, Tiers),
        ["GET /api/v1/clients/{code}/calendar"] = new(Premium, Administration),
        ["PUT /api/v1/clients/{code}/calendar/opening-hours"] = new(Premium, Tiers),
        ["POST /api/v1/clients/{code}/calendar/overrides"] = new(Premium, Tiers),
        ["DELETE /api/v1/clients/{code}/calendar/overrides/{date}"] = new(Premium, Tiers),
        ["GET /api/v1/operations"] = new(Premium, Administration),
        ["POST /api/v1/operations"] = new(Premium, Tiers),
        ["PUT /api/v1/operations/{code}"] = new(Premium, Administration),
        ["PUT /api/v1/operations/{code}/kpi-targets/{kpi}"] = new(Premium, Administration),
        ["GET /api/v1/operations/{code}/dispositions"] = new(Premium, Administration),
        ["POST /api/v1/operations/{code}/dispositions"] = new(Premium, Administration),
        ["PUT /api/v1/operations/{code}/dispositions/{disposition}"] = new(Premium, Administration),
        ["GET /api/v1/operations/{code}/teams"] = new(Premium, Administration),
        ["POST /api/v1/operations/{code}/teams"] = new(Premium, Administration),
        ["PUT /api/v1/operations/{code}/teams/{teamId}"] = new(Premium, Administration),
        ["POST /api/v1/operations/{code}/teams/{teamId}/members"] = new(Premium, Administration),
        ["POST /api/v1/operations/{code}/teams/without-team"] = new(Premium, Administration),
        ["GET /api/v1/users"] = new(Premium, Administration),
        ["POST /api/v1/users"] = new(Premium, Administration),
        ["PUT /api/v1/users/{id}/client-admin/{client}"] = new(Premium, Tiers),
        ["PUT /api/v1/users/{id}/active"] = new(Premium, Administration),
        ["PUT /api/v1/users/{id}/desk"] = new(Premium, Administration),
        ["POST /api/v1/users/{id}/unlock"] = new(Premium, Administration),
        ["POST /api/v1/users/{id}/password"] = new(Premium, Administration),
        ["POST /api/v1/users/{id}/memberships"] = new(Premium, Administration),
        ["PUT /api/v1/memberships/{id}"] = new(Premium, Administration),
        ["DELETE /api/v1/memberships/{id}"] = new(Premium, Administration),
        ["GET /api/v1/me/profile"] = new(Premium, Anyone), // the caller's own profile: every signed-in user, whatever the role
        ["PUT /api/v1/me/profile"] = new(Premium, Anyone),
        ["GET /api/v1/api-keys"] = new(Premium, Administration),
        ["POST /api/v1/api-keys"] = new(Premium, Administration),
        ["DELETE /api/v1/api-keys/{id}"] = new(Premium, Administration),
        ["GET /api/v1/customers"] = new(Premium, Anyone), // a search: the client admin, no member, finds nothing
        ["GET /api/v1/customers/{id}"] = new(Premium, Members, Hidden: NoMember),
        // Full personal data by need: the operation's PersonalDataRoles (default back office and leaders), not the desk, the
        // files or the evaluators. Exercised in the sales cell: the table's PUT /operations/{code} rewrites premium-sales' setting.
        ["POST /api/v1/customers/{id}/reveal"] = new(Cell, Work | PlatformAdmin, Hidden: NoMember),
        ["POST /api/v1/customers"] = new(Premium, Agent | BackOffice | Bases | PlatformAdmin, Hidden: NoMember), // CreateCustomer.Roles: those who serve or load customers, not quality
        ["POST /api/v1/customers/{id}/verify"] = new(Premium, Members, Hidden: NoMember), // what the others get instead: match / no match
        ["POST /api/v1/customers/imports"] = new(Premium, Importers | PlatformAdmin, Hidden: NoMember),
        ["GET /api/v1/customers/imports/{batchId}/rejected"] = new(Premium, Importers | PlatformAdmin, 404), // the rejects are hidden from anyone who did not load them
        ["POST /api/v1/sales"] = new(Cell, Agent | Work | PlatformAdmin, Hidden: NoMember), // fixed: data marshalls and quality analysts do not register sales
        ["GET /api/v1/sales"] = new(Cell, Members, Hidden: NoMember),
        ["GET /api/v1/sales/backoffice/export"] = new(Cell, Work | PlatformAdmin, Hidden: NoMember), // the back-office queue's page: SaleRoles.Work
        ["GET /api/v1/sales/export.csv"] = new(Cell, Members, Hidden: NoMember),
        ["GET /api/v1/sales/follow-ups/due"] = new(Cell, Members, Hidden: NoMember),
        ["GET /api/v1/sales/assignees"] = new(Cell, Members, Hidden: NoMember),
        ["GET /api/v1/sales/{id}"] = new(Cell, Members, Hidden: NoMember),
        ["POST /api/v1/sales/{id}/steps"] = new(Cell, Work | PlatformAdmin, Hidden: NoMember),
        ["POST /api/v1/sales/{id}/transitions"] = new(Cell, Work | PlatformAdmin, Hidden: NoMember),
        ["POST /api/v1/sales/{id}/marking"] = new(Cell, Work | PlatformAdmin, Hidden: NoMember),
        ["POST /api/v1/sales/{id}/claim"] = new(Cell, Work | PlatformAdmin, Hidden: NoMember),
        ["POST /api/v1/sales/{id}/assign"] = new(Cell, Leaders | PlatformAdmin, Hidden: NoMember), // on a sale made for the call, with its version: the back office works sales, supervisors assign them
        ["PUT /api/v1/sales/{id}/follow-up"] = new(Cell, Work | PlatformAdmin, Hidden: NoMember),
        ["GET /api/v1/sales/checklists"] = new(Cell, Members, Hidden: NoMember),
        ["POST /api/v1/sales/checklists"] = new(Cell, Catalogs | PlatformAdmin, Hidden: NoMember),
        ["GET /api/v1/sales/checklists/{id}"] = new(Cell, Members, Hidden: NoMember),
        ["POST /api/v1/sales/imports"] = new(Cell, Importers | PlatformAdmin, Hidden: NoMember),
        ["GET /api/v1/sales/export"] = new(Cell, BackOffice | Supervisor | Importers | PlatformAdmin, Hidden: NoMember),
        ["POST /api/v1/sales/reconciliation"] = new(Premium, Reconcilers | PlatformAdmin, Hidden: NoMember),
        ["GET /api/v1/sales/reconciliation/cuts"] = new(Premium, Reconcilers | PlatformAdmin, Hidden: NoMember), // fixed: those who reconcile, no longer anyone (the list: any client admin)
        ["GET /api/v1/sales/reconciliation/cuts/{id}"] = new(Premium, Reconcilers | PlatformAdmin, Hidden: NoMember), // fixed: those who reconcile, no longer anyone (the list: any client admin)
        ["GET /api/v1/sales/reconciliation/cuts/{id}/items"] = new(Premium, Reconcilers | PlatformAdmin, Hidden: NoMember), // fixed: those who reconcile, no longer anyone (the list: any client admin)
        ["GET /api/v1/sales/reconciliation/cuts/{id}/xlsx"] = new(Premium, Reconcilers | PlatformAdmin, Hidden: NoMember), // fixed: those who reconcile, no longer anyone (the list: any client admin)
        ["POST /api/v1/sales/reconciliation/cuts/{id}/claims"] = new(Premium, Reconcilers | PlatformAdmin, Hidden: NoMember),
        ["GET /api/v1/sales/reconciliation/cuts/{id}/claims"] = new(Premium, Reconcilers | PlatformAdmin, Hidden: NoMember), // fixed: those who reconcile, no longer anyone (the list: any client admin)
        ["POST /api/v1/sales/reconciliation/claims/{id}/send"] = new(Premium, Reconcilers | PlatformAdmin, Hidden: NoMember),
        ["POST /api/v1/sales/reconciliation/claims/{id}/answer"] = new(Premium, Reconcilers | PlatformAdmin, Hidden: NoMember),
        ["GET /api/v1/sales/{saleId}/attachments"] = new(Cell, Members, Hidden: NoMember),
        ["POST /api/v1/sales/{saleId}/attachments"] = new(Cell, Agent | Work | PlatformAdmin, Hidden: NoMember),
        ["GET /api/v1/sales/{saleId}/attachments/{attachmentId}"] = new(Cell, Members, Hidden: NoMember),
        ["GET /api/v1/sales/legalization"] = new(Premium, Work | PlatformAdmin, Hidden: NoMember),
        ["POST /api/v1/sales/legalization/runs"] = new(Premium, Work | PlatformAdmin, Hidden: NoMember),
        ["GET /api/v1/sales/legalization/runs"] = new(Premium, Work | PlatformAdmin, Hidden: NoMember),
        ["GET /api/v1/sales/legalization/runs/{runId}/{part}"] = new(Premium, Work | PlatformAdmin, Hidden: NoMember),
        ["GET /api/v1/clients/{client}/legalization-layouts/{kind}"] = new(Premium, Members, Hidden: NoMember),
        ["PUT /api/v1/clients/{client}/legalization-layouts/{kind}"] = new(Premium, Who.Admin | PlatformAdmin, Hidden: NoMember),
        ["GET /api/v1/devices/queue"] = new(Outbound, Members, Hidden: NoMember),
        ["GET /api/v1/devices/settings"] = new(Outbound, Members, Hidden: NoMember),
        ["PUT /api/v1/devices/settings"] = new(Outbound, Leaders | PlatformAdmin, Hidden: NoMember),
        ["POST /api/v1/devices/deliveries"] = new(Outbound, BackOffice | Supervisor | Importers | PlatformAdmin, Hidden: NoMember),
        ["GET /api/v1/devices/sales/{saleId}"] = new(Outbound, Members, Hidden: NoMember),
        ["POST /api/v1/devices/sales/{saleId}/confirmation"] = new(Outbound, Work | PlatformAdmin, Hidden: NoMember),
        ["POST /api/v1/devices/sales/{saleId}/credit"] = new(Outbound, Work | PlatformAdmin, Hidden: NoMember),
        ["POST /api/v1/devices/sales/{saleId}/reservation"] = new(Outbound, Work | PlatformAdmin, Hidden: NoMember),
        ["POST /api/v1/devices/sales/{saleId}/deliveries"] = new(Outbound, Work | PlatformAdmin, Hidden: NoMember),
        ["POST /api/v1/devices/sales/{saleId}/legalize"] = new(Outbound, Work | PlatformAdmin, Hidden: NoMember),
        ["GET /api/v1/reports/kpis"] = new(Premium, Readers | PlatformAdmin, Hidden: NoMember),
        ["POST /api/v1/interactions"] = new(Premium, Front | PlatformAdmin, Hidden: NoMember),
        ["GET /api/v1/interactions/mine"] = new(Premium, Front | PlatformAdmin, Hidden: NoMember), // the desk's own open interactions
        ["GET /api/v1/interactions/{id}"] = new(Premium, Agent | Work | PlatformAdmin, Hidden: NoMember),
        ["PUT /api/v1/interactions/{id}/customer"] = new(Premium, Front | PlatformAdmin, Hidden: NoMember),
        ["PUT /api/v1/interactions/{id}/premise-check"] = new(Premium, Front | PlatformAdmin, Hidden: NoMember),
        ["POST /api/v1/interactions/{id}/close"] = new(Premium, Front | PlatformAdmin, Hidden: NoMember),
        ["GET /api/v1/interactions/close-options"] = new(Premium, Front | PlatformAdmin, Hidden: NoMember),
        ["GET /api/v1/escalations"] = new(Premium, Work | PlatformAdmin, Hidden: NoMember),
        ["GET /api/v1/escalations/export"] = new(Premium, Work | PlatformAdmin, Hidden: NoMember), // the queue's rule
        ["POST /api/v1/escalations/{id}/answer"] = new(Premium, Work | PlatformAdmin, Hidden: NoMember),
        ["GET /api/v1/escalations/types"] = new(Premium, Agent | Work | PlatformAdmin, Hidden: NoMember),
        ["POST /api/v1/escalations/types"] = new(Premium, Catalogs | PlatformAdmin, Hidden: NoMember),
        ["PUT /api/v1/escalations/types/{id}"] = new(Premium, Catalogs | PlatformAdmin, Hidden: NoMember),
        ["GET /api/v1/outbound/policy/check"] = new(Outbound, Members, Hidden: NoMember),
        ["GET /api/v1/outbound/campaign"] = new(Outbound, Members, Hidden: NoMember),
        ["PUT /api/v1/outbound/campaign"] = new(Outbound, Leaders | PlatformAdmin, Hidden: NoMember),
        ["GET /api/v1/outbound/segments"] = new(Outbound, Members, Hidden: NoMember),
        ["PUT /api/v1/outbound/segments"] = new(Outbound, Bases | PlatformAdmin, Hidden: NoMember),
        ["POST /api/v1/outbound/segments/preview"] = new(Outbound, Members, Hidden: NoMember),
        ["POST /api/v1/outbound/segments/apply"] = new(Outbound, Bases | PlatformAdmin, Hidden: NoMember),
        ["GET /api/v1/outbound/diagnosis"] = new(Outbound, Members, Hidden: NoMember),
        ["GET /api/v1/outbound/attempts"] = new(Outbound, Readers | PlatformAdmin, Hidden: NoMember),
        ["GET /api/v1/outbound/attempts.csv"] = new(Outbound, Readers | PlatformAdmin, Hidden: NoMember),
        ["GET /api/v1/outbound/goals"] = new(Outbound, Readers | PlatformAdmin, Hidden: NoMember),
        ["PUT /api/v1/outbound/goals"] = new(Outbound, Leaders | PlatformAdmin, Hidden: NoMember),
        ["POST /api/v1/outbound/call-logs"] = new(Outbound, Bases | PlatformAdmin, Hidden: NoMember),
        ["GET /api/v1/outbound/call-logs/{id}/rejected"] = new(Outbound, Bases | PlatformAdmin, 404), // the rejects are hidden from anyone who does not manage the bases
        ["GET /api/v1/outbound/dialer-list"] = new(Outbound, Bases | PlatformAdmin, Hidden: NoMember),
        ["GET /api/v1/outbound/desk"] = new(Outbound, Agent | PlatformAdmin, Hidden: NoMember),
        ["POST /api/v1/outbound/desk/join"] = new(Outbound, Agent | PlatformAdmin, Hidden: NoMember),
        ["POST /api/v1/outbound/desk/ready"] = new(Outbound, Agent | PlatformAdmin, Hidden: NoMember),
        ["POST /api/v1/outbound/desk/pause"] = new(Outbound, Agent | PlatformAdmin, Hidden: NoMember),
        ["POST /api/v1/outbound/desk/logout"] = new(Outbound, Agent | PlatformAdmin, Hidden: NoMember),
        ["POST /api/v1/outbound/desk/next"] = new(Outbound, Agent | PlatformAdmin, Hidden: NoMember),
        ["POST /api/v1/outbound/desk/calls"] = new(Outbound, Agent | PlatformAdmin, Hidden: NoMember),
        ["POST /api/v1/outbound/desk/calls/end"] = new(Outbound, Agent | PlatformAdmin, Hidden: NoMember),
        ["POST /api/v1/outbound/desk/dispositions"] = new(Outbound, Agent, Hidden: NoMember), // the call of agent.devices-outbound: only its agent records its disposition
        ["GET /api/v1/outbound/desk/callbacks"] = new(Outbound, Agent | PlatformAdmin, Hidden: NoMember),
        ["GET /api/v1/outbound/floor"] = new(Outbound, Leaders | PlatformAdmin, Hidden: NoMember),
        ["GET /api/v1/outbound/floor/export"] = new(Outbound, Leaders | PlatformAdmin, Hidden: NoMember),
        ["POST /api/v1/outbound/floor/start"] = new(Outbound, Leaders | PlatformAdmin, Hidden: NoMember),
        ["POST /api/v1/outbound/floor/stop"] = new(Outbound, Leaders | PlatformAdmin, Hidden: NoMember),
        ["POST /api/v1/outbound/bases"] = new(Outbound, Bases | PlatformAdmin, Hidden: NoMember),
        ["GET /api/v1/outbound/bases"] = new(Outbound, Members, Hidden: NoMember),
        ["POST /api/v1/outbound/bases/{id}/close"] = new(Outbound, Bases | PlatformAdmin, Hidden: NoMember),
        ["GET /api/v1/outbound/bases/{id}/file"] = new(Outbound, Bases | PlatformAdmin, Hidden: NoMember),
        ["GET /api/v1/outbound/bases/{id}/rejected"] = new(Outbound, Bases | PlatformAdmin, 404), // the rejects are hidden from anyone who does not manage the bases
        ["GET /api/v1/outbound/dnc"] = new(Outbound, Bases | PlatformAdmin, Hidden: NoMember),
        ["POST /api/v1/outbound/dnc"] = new(Outbound, Bases | PlatformAdmin, Hidden: NoMember),
        ["DELETE /api/v1/outbound/dnc"] = new(Outbound, Bases | PlatformAdmin, Hidden: NoMember),
        ["GET /api/v1/outbound/reports/kpis"] = new(Outbound, Readers | PlatformAdmin, Hidden: NoMember),
        ["GET /api/v1/outbound/reports/hourly"] = new(Outbound, Readers | PlatformAdmin, Hidden: NoMember),
        ["GET /api/v1/outbound/management/runs"] = new(Outbound, Bases | PlatformAdmin, Hidden: NoMember),
        ["POST /api/v1/outbound/management/runs"] = new(Outbound, Bases | PlatformAdmin, Hidden: NoMember),
        ["GET /api/v1/outbound/management/runs/{id}/file"] = new(Outbound, Bases | PlatformAdmin, Hidden: NoMember),
        ["GET /api/v1/outbound/management/layout"] = new(Outbound, Bases | PlatformAdmin, Hidden: NoMember),
        ["PUT /api/v1/outbound/management/layout"] = new(Outbound, Bases | PlatformAdmin, Hidden: NoMember),
        ["GET /api/v1/adjustments"] = new(Adjust, Members & ~Agent, Hidden: NoMember),
        ["GET /api/v1/adjustments/export"] = new(Adjust, Members & ~Agent, Hidden: NoMember), // the queue's rule
        ["GET /api/v1/adjustments/{id}"] = new(Adjust, Members & ~Agent, Hidden: NoMember),
        ["POST /api/v1/adjustments/{id}/{action}"] = new(Adjust, Work | PlatformAdmin, Hidden: NoMember),
        ["GET /api/v1/adjustments/causes"] = new(Adjust, Members & ~Agent, Hidden: NoMember),
        ["PUT /api/v1/adjustments/causes/{letter}"] = new(Adjust, Who.Admin | PlatformAdmin, Hidden: NoMember),
        ["GET /api/v1/adjustments/settings"] = new(Adjust, Members & ~Agent, Hidden: NoMember),
        ["PUT /api/v1/adjustments/settings"] = new(Adjust, Who.Admin | PlatformAdmin, Hidden: NoMember),
        ["GET /api/v1/adjustments/cuts"] = new(Adjust, Members, Hidden: NoMember), // metadata of the loaded files: anyone who sees the operation
        ["POST /api/v1/adjustments/cuts"] = new(Adjust, BackOffice | Supervisor | Importers | PlatformAdmin, Hidden: NoMember),
        ["GET /api/v1/adjustments/kpis"] = new(Adjust, Readers | PlatformAdmin, Hidden: NoMember),
        ["GET /api/v1/adjustments/kpis/detail"] = new(Adjust, Readers | PlatformAdmin, Hidden: NoMember),
        ["GET /api/v1/adjustments/kpis/records"] = new(Adjust, Readers | PlatformAdmin, Hidden: NoMember),
        ["GET /api/v1/adjustments/kpis.xlsx"] = new(Adjust, Readers | PlatformAdmin, Hidden: NoMember),
        ["GET /api/v1/adjustments/coaching/top"] = new(Adjust, Readers | PlatformAdmin, Hidden: NoMember),
        ["POST /api/v1/adjustments/coaching"] = new(Adjust, Supervisor | Coordinator | Manager | PlatformAdmin, Hidden: NoMember), // those who coach (AdjustmentsReportAccess.CanCoach), not the operation's Admin
        ["POST /api/v1/adjustments/coaching/{id}/acknowledge"] = new(Adjust, Agent, Hidden: NoMember), // only the coached agent
        ["GET /api/v1/adjustments/coaching/mine"] = new(Adjust, Anyone),
    };

    private static readonly Who[] Columns = [Who.Agent, Who.BackOffice, Who.Supervisor, Who.Coordinator, Who.Manager, Who.DataMarshall, Who.QualityAnalyst, Who.Admin, Who.ClientAdmin, Who.PlatformAdmin];

    /// <summary>Callers working at once (each caller's calls stay in the document's order).</summary>
    private const int Parallelism = 6;

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Every_operation_allows_exactly_the_roles_of_its_row(Provider provider)
    {
        var clock = Stopwatch.StartNew();
        await using var app = await TestApp.StartAsync(provider);
        var started = clock.Elapsed;
        var api = await OpenApiOperations.LoadAsync(app);
        var records = await TenantRecords.PrepareAsync(app, Client);
        var prepared = clock.Elapsed;
        var failures = new ConcurrentQueue<string>(api.All.SelectMany(OperationInputs.Unmapped));

        // Every (operation, column) call, grouped by the user who makes it.
        var calls = (from op in api.All
                     let rule = Table.GetValueOrDefault(op.ToString())
                     let operation = rule?.Operation ?? records.Operations[OperationInputs.KindFor(op.Path)]
                     from who in Columns
                     select (Op: op, Rule: rule, Operation: operation, Who: who, User: UserFor(who, operation))).ToList();
        var byUser = calls.GroupBy(c => c.User, StringComparer.Ordinal).ToList();

        // Sign every user in once, at once (password hashing is the slow part of a sign-in).
        var clients = (await Task.WhenAll(byUser.Select(async g => (g.Key, Http: await app.ClientForAsync(g.Key))))).ToDictionary(c => c.Key, c => c.Http, StringComparer.Ordinal);
        var signedIn = clock.Elapsed;

        var seen = new ConcurrentDictionary<(string Op, Who Who), int>();
        var spent = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        var checks = 0;
        await Parallel.ForEachAsync(byUser.OrderByDescending(g => g.Count()), new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (mine, ct) =>
        {
            var http = clients[mine.Key];
            string? refreshToken = null;
            foreach (var (op, rule, operation, who, user) in mine)
            {
                var context = new InputContext(records, operation, user, sacrificial: true) { RefreshToken = refreshToken };
                var watch = Stopwatch.StartNew();
                var (request, _, sent) = await OperationInputs.Build(api, op, context);
                using (request)
                {
                    using var response = await http.SendAsync(request, ct);
                    spent.AddOrUpdate(op.ToString(), watch.ElapsedMilliseconds, (_, t) => t + watch.ElapsedMilliseconds);
                    var status = (int)response.StatusCode;
                    seen[(op.ToString(), who)] = status;
                    if (op.ToString() == "POST /api/v1/auth/token" && response.IsSuccessStatusCode)
                    {
                        using var token = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
                        refreshToken = token.RootElement.GetProperty("refreshToken").GetString();
                    }

                    if (status >= 500)
                    {
                        failures.Enqueue($"{op} [{operation}] as {user}: {status} {await response.Content.ReadAsStringAsync(ct)}");
                    }
                    else if (rule is not null)
                    {
                        Interlocked.Increment(ref checks);
                        var allowed = rule.Allowed.HasFlag(who);
                        if (allowed && status is 401 or 403 or 404)
                        {
                            failures.Enqueue($"{op} [{operation}] as {user}: allowed by the table, answered {status} {Excerpt(await response.Content.ReadAsStringAsync(ct))} (sent {Excerpt(sent)})");
                        }
                        else if (!allowed && status != rule.RefusalFor(who))
                        {
                            failures.Enqueue($"{op} [{operation}] as {user}: refused by the table ({rule.RefusalFor(who)}), answered {status} {Excerpt(await response.Content.ReadAsStringAsync(ct))}");
                        }
                    }
                }
            }
        });

        foreach (var c in clients.Values)
        {
            c.Dispose();
        }

        // An operation without a row: the row as the product answers today, to review against its handler.
        var covered = 0;
        foreach (var op in api.All)
        {
            if (Table.ContainsKey(op.ToString()))
            {
                covered++;
                continue;
            }

            var operation = records.Operations[OperationInputs.KindFor(op.Path)];
            var answers = Columns.Select(w => (Who: w, Status: seen.GetValueOrDefault((op.ToString(), w)))).ToList();
            var allowedNow = answers.Where(s => s.Status is not (401 or 403 or 404) && s.Status < 500).Aggregate(None, (a, s) => a | s.Who);
            var refusedWith = answers.Where(s => s.Status is 403 or 404).Select(s => s.Status).DefaultIfEmpty(403).GroupBy(s => s).OrderByDescending(g => g.Count()).First().Key;
            failures.Enqueue($"{op} has no row in RoleTableTests.Table; as answered now: [\"{op}\"] = new(\"{operation}\", {allowedNow.ToString().Replace(", ", " | ", StringComparison.Ordinal)}, {refusedWith}), // {string.Join(" ", answers.Select(s => $"{s.Who}={s.Status}"))}");
        }

        var documented = api.All.Select(o => o.ToString()).ToHashSet(StringComparer.Ordinal);
        var ahead = Table.Keys.Where(k => !documented.Contains(k)).ToList();
        output.WriteLine($"{provider}: {covered} of {api.All.Count} operations in the table, {checks} of {api.All.Count * Columns.Length} operation × role checks made, {byUser.Count} users; "
            + $"host and demo database {started.TotalSeconds:0.0} s, records prepared at {prepared.TotalSeconds:0.0} s, users signed in at {signedIn.TotalSeconds:0.0} s, done at {clock.Elapsed.TotalSeconds:0.0} s");
        output.WriteLine("Slowest operations (ms over their calls): " + string.Join(", ", spent.OrderByDescending(s => s.Value).Take(12).Select(s => $"{s.Key} {s.Value}")));
        if (ahead.Count > 0)
        {
            output.WriteLine("Rows for operations not in the document (yet): " + string.Join(", ", ahead));
        }

        Assert.True(failures.IsEmpty, $"{failures.Count} failures:\n" + string.Join('\n', failures.Order(StringComparer.Ordinal)));
        Assert.Equal(api.All.Count, covered);

        // Callers in parallel collide on unique indexes (same team name, same goal day…); the product answers 409 and EF
        // Core itself logs the refused insert. Any failure that was not handled answered 5xx and failed the table above.
        Assert.DoesNotContain(app.LoggedErrors, e => !e.StartsWith("Microsoft.EntityFrameworkCore.", StringComparison.Ordinal));
    }

    private static string UserFor(Who who, string operation) => who switch
    {
        PlatformAdmin => "admin",
        ClientAdmin => "admin." + Client,
        _ => Enum.Parse<Role>(who.ToString()).ToString().ToLowerInvariant() + "." + operation,
    };

    private static string Excerpt(string body) => body.Length > 200 ? body[..200] : body;
}
