using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ContactOps.Modules.Demo;
using ContactOps.Modules.Organization;

namespace ContactOps.Tests.Security;

/// <summary>
/// Where a security walk gets the value of each parameter of each operation: one table, "(path template, parameter) →
/// a record of the client (<see cref="TenantRecords"/>) or a plain value". A key's path matches the route and every
/// route below it ("/api/v1/sales/{id} id" serves "/api/v1/sales/{id}/steps" too); "*" matches every route. A parameter
/// of an operation that no key covers is reported by <see cref="Build"/>: a new endpoint is walked with real records or
/// fails the walks until someone says here where its values come from.
/// </summary>
public static class OperationInputs
{
    /// <summary>Where one value comes from; <see cref="Record"/>: a record (or code) of the client, not a plain value.</summary>
    public sealed record Source(bool Record, Func<InputContext, string?, Task<string?>> Value);

    private static Source Rec(string name) => new(true, (c, _) => Task.FromResult<string?>(c.Records.Get(name, c.Operation)));

    private static Source Lit(string? value) => new(false, (_, _) => Task.FromResult(value));

    private static readonly Source Omit = Lit(null);

    private static readonly Source Op = new(true, (c, _) => Task.FromResult<string?>(c.Operation));

    /// <summary>A user, membership or key made for the call when the caller may destroy it (the role table), else the shared one.</summary>
    private static readonly Source VictimUser = new(true, async (c, _) => c.Sacrificial ? (await c.VictimAsync()).UserId.ToString() : c.Records.Get("agentId", c.Operation));

    private static readonly Source VictimMembership = new(true, async (c, _) => c.Sacrificial ? (await c.VictimAsync()).MembershipId.ToString() : c.Records.Get("membership", c.Operation));

    private static readonly Source VictimKey = new(true, async (c, _) => c.Sacrificial ? (await c.Records.NewApiKeyAsync(c.Operation)).ToString() : c.Records.Get("apiKey"));

    /// <summary>A sale made for the call when the caller may change it (its version goes in the body), else the shared one.</summary>
    private static readonly Source VictimSale = new(true, async (c, _) =>
    {
        if (!c.Sacrificial)
        {
            return c.Records.Get("sale");
        }

        var (id, version) = await c.Records.NewSaleAsync(c.Operation);
        c.SaleVersion = version;
        return id.ToString();
    });

    /// <summary>An agent filter: the agent's id where the parameter is a uuid, else the agent's login.</summary>
    private static readonly Source Agent = new(true, (c, format) => Task.FromResult<string?>(c.Records.Get(format == "uuid" ? "agentId" : "agent", c.Operation)));

    public static readonly IReadOnlyDictionary<string, Source> Parameters = new Dictionary<string, Source>(StringComparer.Ordinal)
    {
        // Any route: the operation, the client and the people and records filters name are the client's own.
        ["* operation"] = Op,
        ["* Operation"] = Op,
        ["* client"] = Rec("client"),
        ["* ClientId"] = Rec("clientId"),
        ["* OperationId"] = Rec("operationId"),
        ["* Agent"] = Agent,
        ["* agent"] = Agent,
        ["* AssignedTo"] = Rec("agentId"),
        ["* User"] = Rec("agent"),
        ["* EntityId"] = Rec("customer"),
        ["* Team"] = Rec("team"),
        ["* team"] = Rec("team"),
        ["* Q"] = Rec("document"),
        ["* q"] = Rec("agent"),
        ["* phone"] = Rec("phone"),
        ["* segment"] = Rec("segment"),

        // Any route: plain filters, periods and paging (no record in them).
        ["* page"] = Omit, ["* pageSize"] = Omit, ["* Page"] = Omit, ["* PageSize"] = Omit, ["* take"] = Omit,
        ["* from"] = Lit("2026-11-01"), ["* to"] = Lit("2026-11-30"), ["* From"] = Lit("2026-11-01"), ["* To"] = Lit("2026-11-30"),
        ["* format"] = Omit, ["* Format"] = Omit, ["* timeZone"] = Omit, ["* Granularity"] = Omit,
        ["* year"] = Lit("2026"), ["* businessHours"] = Lit("8"), ["* at"] = Omit, ["* date"] = Lit("2026-11-23"),
        ["* month"] = Lit("2026-10"), ["* week"] = Lit("2026-W10"), ["* Week"] = Omit,
        ["* State"] = Omit, ["* Kind"] = Omit, ["* kind"] = Omit, ["* all"] = Lit("true"), ["* includeInactive"] = Lit("true"),
        ["* Filter"] = Omit, ["* DueSoonHours"] = Omit, ["* category"] = Omit, ["* duplicates"] = Omit, ["* Stale"] = Omit,
        ["* OpenOnly"] = Omit, ["* Unassigned"] = Omit, ["* MinAgeDays"] = Omit, ["* FollowUpDue"] = Omit, ["* Flag"] = Omit,
        ["* Hour"] = Omit, ["* Cause"] = Omit, ["* Clock"] = Omit, ["* DueBefore"] = Omit, ["* Assigned"] = Omit, ["* Sort"] = Omit,
        ["* Entity"] = Omit, ["* Action"] = Omit,

        // Records named by the path.
        ["/api/v1/clients/{code} code"] = Rec("client"),
        ["/api/v1/clients/{code}/calendar/overrides/{date} date"] = new(true, async (c, _) => c.Sacrificial ? await c.Records.NewOverrideAsync() : c.Records.Get("override")),
        ["/api/v1/clients/{client}/legalization-layouts/{kind} kind"] = Rec("layout"),
        ["/api/v1/operations/{code} code"] = Op,
        ["/api/v1/operations/{code}/kpi-targets/{kpi} kpi"] = Rec("kpi"),
        ["/api/v1/operations/{code}/dispositions/{disposition} disposition"] = Rec("disposition"),
        ["/api/v1/operations/{code}/teams/{teamId} teamId"] = Rec("team"),
        ["/api/v1/operations/{operation}/mappings/{fileKind}/{name} fileKind"] = Rec("mappingKind"),
        ["/api/v1/operations/{operation}/mappings/{fileKind}/{name} name"] = Rec("mappingName"),
        ["/api/v1/users/{id} id"] = VictimUser,
        ["/api/v1/memberships/{id} id"] = VictimMembership,
        ["/api/v1/api-keys/{id} id"] = VictimKey,
        ["/api/v1/customers/{id} id"] = Rec("customer"),
        ["/api/v1/customers/imports/{batchId} batchId"] = Rec("customerImport"),
        ["/api/v1/sales/{id} id"] = Rec("sale"),
        ["/api/v1/sales/{id}/assign id"] = VictimSale,
        ["/api/v1/sales/{saleId} saleId"] = Rec("sale"),
        ["/api/v1/sales/{saleId}/attachments/{attachmentId} attachmentId"] = Rec("attachment"),
        ["/api/v1/sales/checklists/{id} id"] = Rec("checklist"),
        ["/api/v1/sales/reconciliation/cuts/{id} id"] = Rec("cut"),
        ["/api/v1/sales/reconciliation/claims/{id} id"] = Rec("claim"),
        ["/api/v1/sales/legalization/runs/{runId}/{part} runId"] = Rec("legalizationRun"),
        ["/api/v1/sales/legalization/runs/{runId}/{part} part"] = Lit("zip"),
        ["/api/v1/devices/sales/{saleId} saleId"] = Rec("deviceSale"),
        ["/api/v1/interactions/{id} id"] = Rec("interaction"),
        ["/api/v1/escalations/{id} id"] = Rec("escalation"),
        ["/api/v1/escalations/types/{id} id"] = Rec("escalationType"),
        ["/api/v1/outbound/call-logs/{id} id"] = Rec("callLog"),
        ["/api/v1/outbound/bases/{id} id"] = Rec("leadBase"),
        ["/api/v1/outbound/bases/{id}/file id"] = Rec("receivedBase"),
        ["/api/v1/outbound/bases/{id}/rejected id"] = Rec("receivedBase"),
        ["/api/v1/outbound/dnc phone"] = new(true, async (c, _) => c.Sacrificial ? await c.Records.NewDncAsync(c.Operation) : c.Records.Get("dnc")),
        ["/api/v1/outbound/management/runs/{id} id"] = Rec("managementRun"),
        ["/api/v1/adjustments/{id} id"] = Rec("adjustment"),
        ["/api/v1/adjustments/{id}/{action} action"] = Lit("assign"),
        ["/api/v1/adjustments/causes/{letter} letter"] = Rec("cause"),
        ["/api/v1/adjustments/coaching/{id} id"] = Rec("coaching"),
        ["/api/v1/users q"] = Rec("agent"),
        ["/api/v1/clients/{code}/calendar/due from"] = Lit("2026-11-19T10:00:00-05:00"),
    };

    /// <summary>The kind of operation a route serves (its records are in the client's operation of that kind).</summary>
    public static OperationKind KindFor(string path) => path switch
    {
        _ when path.StartsWith("/api/v1/outbound", StringComparison.Ordinal) || path.StartsWith("/api/v1/devices", StringComparison.Ordinal) => OperationKind.Outbound,
        _ when path.StartsWith("/api/v1/adjustments", StringComparison.Ordinal) => OperationKind.Adjustments,
        _ when path.StartsWith("/api/v1/sales/reconciliation", StringComparison.Ordinal) || path.StartsWith("/api/v1/sales/legalization", StringComparison.Ordinal) => OperationKind.InboundSales,
        _ when path.StartsWith("/api/v1/sales", StringComparison.Ordinal) => OperationKind.SalesCell,
        _ => OperationKind.InboundSales,
    };

    /// <summary>The source of one parameter: the most specific key whose path is the route or a route above it.</summary>
    public static Source? SourceFor(ApiOperation op, ApiParameter p)
    {
        Source? best = null;
        var bestLength = -1;
        foreach (var (key, source) in Parameters)
        {
            var space = key.LastIndexOf(' ');
            var (path, name) = (key[..space], key[(space + 1)..]);
            if (name != p.Name)
            {
                continue;
            }

            var length = path == "*" ? 0 : op.Path == path || op.Path.StartsWith(path + "/", StringComparison.Ordinal) ? path.Length : -1;
            if (length > bestLength)
            {
                (best, bestLength) = (source, length);
            }
        }

        return best;
    }

    /// <summary>The parameters of the operation that the table does not cover (each a failure of the walks).</summary>
    public static IEnumerable<string> Unmapped(ApiOperation op) =>
        op.Parameters.Where(p => p.In is "path" or "query" && SourceFor(op, p) is null).Select(p => $"{op}: add \"{(p.In == "path" ? op.Path : "*")} {p.Name}\" to OperationInputs.Parameters");

    /// <summary>A request for the operation with the client's records, and whether it names any of them.</summary>
    public static async Task<(HttpRequestMessage Request, bool CarriesRecord, string Sent)> Build(OpenApiOperations api, ApiOperation op, InputContext context)
    {
        var path = op.Path;
        var query = new List<string>();
        var carries = false;
        foreach (var p in op.Parameters)
        {
            var source = SourceFor(op, p) ?? throw new InvalidOperationException(Unmapped(op).First());
            var value = await source.Value(context, api.FormatOf(p.Schema));
            if (value is null)
            {
                continue;
            }

            carries |= source.Record;
            if (p.In == "path")
            {
                path = path.Replace("{" + p.Name + "}", Uri.EscapeDataString(value), StringComparison.Ordinal);
            }
            else if (p.In == "query")
            {
                query.Add(Uri.EscapeDataString(p.Name) + "=" + Uri.EscapeDataString(value));
            }
        }

        var request = new HttpRequestMessage(new HttpMethod(op.Method), path + (query.Count > 0 ? "?" + string.Join('&', query) : ""));
        var sent = request.RequestUri!.ToString();
        if (op.BodyType is null)
        {
            return (request, carries, sent);
        }

        if (op.BodyType.StartsWith("multipart/", StringComparison.Ordinal))
        {
            // Every upload binds these form fields (the OpenAPI document does not describe them): a small valid CSV.
            var fields = new Dictionary<string, string> { ["base"] = "Base walk " + Guid.NewGuid().ToString("N")[..8], ["kind"] = "CallRecording", ["cutoff"] = "2026-11-02" };
            var form = new MultipartFormDataContent { { new StringContent(context.Operation), "operation" } };
            foreach (var (k, v) in fields)
            {
                form.Add(new StringContent(v), k);
            }

            // A sale's attachment is a recording (a CSV is refused as one), every other upload a small valid CSV.
            var recording = op.Path.Contains("attachments", StringComparison.Ordinal);
            var file = new ByteArrayContent(recording ? [.. "OggS"u8, 0, 2, 0, 0] : Encoding.UTF8.GetBytes(TenantRecords.CustomersCsv));
            file.Headers.ContentType = new MediaTypeHeaderValue(recording ? "audio/ogg" : "text/csv");
            form.Add(file, "file", recording ? "llamada.ogg" : "datos.csv");
            request.Content = form;
            return (request, true, sent + " " + context.Operation + " " + string.Join(' ', fields.Values) + " " + TenantRecords.CustomersCsv);
        }

        var json = await BodyAsync(api, op, context);
        carries |= context.BodyCarriesRecord;
        var text = json?.ToJsonString() ?? "{}";
        request.Content = new StringContent(text, Encoding.UTF8, "application/json");
        return (request, carries, sent + " " + text);
    }

    private static async Task<JsonNode?> BodyAsync(OpenApiOperations api, ApiOperation op, InputContext c)
    {
        c.BodyCarriesRecord = false;
        switch (op.Path)
        {
            case "/api/v1/auth/token":
                return new JsonObject { ["userName"] = c.Caller, ["password"] = DemoSeeder.DemoPassword };
            case "/api/v1/auth/refresh":
                return new JsonObject { ["refreshToken"] = c.RefreshToken ?? "walk-not-a-refresh-token" };
            case "/api/v1/auth/revoke":
                return new JsonObject { ["refreshToken"] = "walk-not-a-refresh-token" };
            case "/api/v1/operations/{operation}/mappings/{fileKind}/{name}":
                return new JsonObject { ["documento"] = "CEDULA_TITULAR" };
        }

        // Leaves by property name: the client's records where the body names one, plausible values elsewhere.
        var victim = op.Path.StartsWith("/api/v1/users", StringComparison.Ordinal) || op.Path.StartsWith("/api/v1/memberships", StringComparison.Ordinal);
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var name in new[] { "operation", "client", "customerId", "saleId", "userId", "sellerUserId", "interactionId", "baseId", "teamId", "membershipIds", "dispositionId", "disposition", "leadId", "phone", "phones", "login", "agentLogin", "sellerLogin", "supervisor", "escalationType", "receiverDocument", "attemptId" })
        {
            values[name] = name switch
            {
                "operation" => c.Operation,
                "client" => c.Records.Get("client"),
                "customerId" => c.Records.Get("customer"),
                "saleId" => c.Records.Get("sale"),
                "userId" or "sellerUserId" => c.Records.Get("agentId", c.Operation),
                "interactionId" => c.Records.Get("interaction"),
                "baseId" => c.Records.Get("leadBase"),
                "teamId" => c.Records.Get("team", c.Operation),
                "membershipIds" => victim || !c.Sacrificial ? c.Records.Get("membership", c.Operation) : (await c.VictimAsync()).MembershipId.ToString(),
                "dispositionId" => c.Records.Get("dispositionId", c.Operation),
                "disposition" => c.Records.Get("disposition", c.Operation),
                "leadId" => c.Records.Get("lead"),
                "phone" or "phones" => c.Records.Get("phone"),
                "login" or "agentLogin" or "sellerLogin" => c.Records.Get("agent", c.Operation),
                "supervisor" => c.Records.Get("supervisor", c.Operation),
                "escalationType" => null,
                "receiverDocument" => c.Records.Get("document"),
                "attemptId" => c.Records.Get("attempt"),
                _ => null,
            };
        }

        if (op.BodySchema is not { } schema)
        {
            return new JsonObject();
        }

        return api.Sample(schema, (name, type, format) =>
        {
            if (values.TryGetValue(name, out var record) && record is not null)
            {
                c.BodyCarriesRecord = true;
                return JsonValue.Create(record);
            }

            return name switch
            {
                "code" when op.Path.Contains("{disposition}", StringComparison.Ordinal) => JsonValue.Create(c.Records.Get("disposition", c.Operation)),
                "code" when op.Path.Contains("dispositions", StringComparison.Ordinal) => JsonValue.Create("WALK_" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant()),
                "channel" => JsonValue.Create("Voice"),
                "extension" => JsonValue.Create("4101"),
                "dialerLogin" => JsonValue.Create("walk.agente"),
                "escalationType" => JsonValue.Create(""),
                "resolution" => JsonValue.Create("SolvedFirstContact"),
                "typology" => JsonValue.Create("CONSULTA_GENERAL"),
                "outcome" when op.Path.Contains("premise-check", StringComparison.Ordinal) => JsonValue.Create("Clear"),
                "outcome" when op.Path.Contains("claims", StringComparison.Ordinal) => JsonValue.Create("Accepted"),
                "weeklyHours" => JsonValue.Create("Mon-Fri 08:00-18:00"),
                "evidence" when type == "array" => new JsonArray(JsonValue.Create("Factura")),
                "defaultAreaCode" => JsonValue.Create(""),
                "salesBackOffice" => JsonValue.Create(c.Records.Operations[OperationKind.SalesCell]),
                "expiresAt" => JsonValue.Create("2030-01-01T00:00:00+00:00"),
                "target" => JsonValue.Create(0.5),
                "code" => JsonValue.Create("walk" + Guid.NewGuid().ToString("N")[..6]),
                "name" or "displayName" => JsonValue.Create("Prueba walk"),
                "userName" => JsonValue.Create("walk." + Guid.NewGuid().ToString("N")[..10]),
                "email" => JsonValue.Create($"walk{Guid.NewGuid().ToString("N")[..8]}@correo.demo"),
                "password" or "newPassword" => JsonValue.Create("Walk-Passw0rd!2026"),
                "role" => JsonValue.Create("Agent"),
                "kind" when type == "" => JsonValue.Create(op.Path.StartsWith("/api/v1/operations", StringComparison.Ordinal) ? "InboundSales" : "CallRecording"),
                "month" => JsonValue.Create("2026-10"),
                "week" => JsonValue.Create("2026-W10"),
                "date" => JsonValue.Create(op.Path.Contains("calendar", StringComparison.Ordinal) ? "2026-12-31" : "2026-11-23"),
                "from" => JsonValue.Create("2026-11-01"),
                "to" => JsonValue.Create("2026-11-30"),
                "at" => JsonValue.Create("2026-11-23T10:00:00-05:00"),
                "format" => JsonValue.Create("csv"),
                "granted" or "removal" => JsonValue.Create(false),
                "version" when format == "uuid" => JsonValue.Create(c.Records.Get("adjustmentVersion")),
                "version" => JsonValue.Create(c.SaleVersion ?? 1),
                _ => null,
            };
        });
    }
}

/// <summary>One caller's walk over one operation: the client's records, the operation exercised, who calls.</summary>
public sealed class InputContext(TenantRecords records, string operation, string caller, bool sacrificial)
{
    private (Guid UserId, Guid MembershipId)? _victim;

    public TenantRecords Records { get; } = records;

    public string Operation { get; } = operation;

    public string Caller { get; } = caller;

    /// <summary>Destructive calls get records made for them (the caller may be allowed to destroy them).</summary>
    public bool Sacrificial { get; } = sacrificial;

    public bool BodyCarriesRecord { get; set; }

    /// <summary>The version of the sale made for this call (<c>version</c> in the body), when one was.</summary>
    public int? SaleVersion { get; set; }

    /// <summary>A real refresh token of the caller for <c>POST /auth/refresh</c> (the role table's, from its sign-in call).</summary>
    public string? RefreshToken { get; set; }

    public async Task<(Guid UserId, Guid MembershipId)> VictimAsync() => _victim ??= await Records.NewUserAsync(Operation);
}
