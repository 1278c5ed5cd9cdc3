using ContactOps.Modules.Organization;
using ContactOps.Modules.Organization.Contracts;
using ContactOps.Platform.Auth;
using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ContactOps.Modules.Outbound;

/// <summary>The campaign a desk action works on: the operation, its client and its outbound settings.</summary>
public sealed class DeskUnit(Operation operation, Client client, OutboundCampaign campaign)
{
    public Operation Operation { get; } = operation;

    public Client Client { get; } = client;

    public OutboundCampaign Campaign { get; } = campaign;

    public TimeZoneInfo Zone(Lead? lead = null)
    {
        var id = lead?.TimeZoneId ?? Client.TimeZoneId;
        return TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;
    }
}

/// <summary>Shared look-ups of the desk handlers.</summary>
public static class DeskUnits
{
    /// <summary>Who works the desk.</summary>
    public static readonly Role[] AgentRoles = [Role.Agent];

    /// <summary>Who watches the floor and starts/stops the dialer.</summary>
    public static readonly Role[] FloorRoles = [Role.Supervisor, Role.Coordinator, Role.Manager, Role.Admin];

    public static Error DispositionRequired => Error.Conflict("desk.disposition_required");

    public static Error NotJoined => Error.Conflict("desk.not_joined");

    /// <summary>Resolves the operation (code or id; optional when the caller works in one), its client and campaign, and checks the role.</summary>
    public static async Task<Result<DeskUnit>> LoadAsync(AppDbContext db, AccessScope scope, string? operation, Role[] roles, CancellationToken ct)
    {
        var text = operation?.Trim();
        Operation? op;
        if (string.IsNullOrEmpty(text))
        {
            var mine = scope.Memberships.Where(m => roles.Contains(m.Role)).Select(m => m.OperationId).Distinct().ToList();
            if (mine.Count != 1)
            {
                return Error.Invalid("operation", "desk.operation_required");
            }

            op = await db.Operations.FirstOrDefaultAsync(o => o.Id == mine[0], ct);
        }
        else
        {
            op = Guid.TryParse(text, out var id)
                ? await db.Operations.FirstOrDefaultAsync(o => o.Id == id, ct)
                : await db.Operations.FirstOrDefaultAsync(o => o.Code == text, ct);
        }

        if (op is null)
        {
            return Error.NotFound("operation.not_found#3", text);
        }

        if (!scope.SeesAll && !scope.HasRole(op.Id, roles))
        {
            return roles.Contains(Role.Agent)
                ? Error.Forbidden("desk.not_agent")
                : Error.Forbidden("floor.not_supervisor");
        }

        var campaign = await db.OutboundCampaigns.FirstOrDefaultAsync(c => c.OperationId == op.Id, ct);
        if (campaign is null)
        {
            return Error.Validation("desk.no_campaign");
        }

        var client = await db.Clients.FirstAsync(c => c.Id == op.ClientId, ct);
        return new DeskUnit(op, client, campaign);
    }

    /// <summary>The agent's attempt that still lacks a disposition (the disposition is required before the next call).</summary>
    public static Task<CallAttempt?> PendingAttemptAsync(AppDbContext db, Guid operationId, Guid userId, CancellationToken ct) =>
        db.CallAttempts.Where(a => a.OperationId == operationId && a.AgentUserId == userId && a.DispositionAt == null)
            .OrderBy(a => a.StartedAt).FirstOrDefaultAsync(ct);

    public static async Task<LeadCard?> LeadCardAsync(AppDbContext db, DeskUnit unit, Guid leadId, string agentName, string? phone, Guid? callbackId, IStringLocalizer<OutboundText> text, CancellationToken ct)
    {
        var lead = await db.Leads.AsNoTracking().Include(l => l.Phones).FirstOrDefaultAsync(l => l.Id == leadId && l.OperationId == unit.Operation.Id, ct);
        if (lead is null)
        {
            return null;
        }

        var history = await db.CallAttempts.AsNoTracking().Where(a => a.LeadId == leadId)
            .OrderByDescending(a => a.StartedAt).Take(20)
            .Select(a => new LeadAttemptView(a.Id, a.StartedAt, a.PhoneE164, a.Result, a.DispositionCode, a.DispositionDefaulted, a.AgentLogin))
            .ToListAsync(ct);
        string? segment = null;
        if (lead.SegmentId is { } segmentId)
        {
            segment = await db.Segments.Where(s => s.Id == segmentId).Select(s => s.Name).FirstOrDefaultAsync(ct);
        }

        // Carrier columns are shown and read by the label the base's mapping gives them (the file's header), not their keys.
        var schema = await db.LeadBases.Where(b => b.Id == lead.BaseId).Select(b => b.AttributeSchemaJson).FirstOrDefaultAsync(ct);
        var labels = LeadAttributeSchema.Labels([schema]);
        string LabelOf(string key) => labels.TryGetValue(key, out var label) ? label : LeadAttributeSchema.Humanize(key);
        var attributes = DeskSettings.Attributes(lead.AttributesJson);
        var byKeyOrLabel = new Dictionary<string, string>(attributes, StringComparer.OrdinalIgnoreCase);
        foreach (var (key, label) in labels)
        {
            // {campo:Plan actual} names the column by its label: its key form finds the value too.
            if (attributes.TryGetValue(key, out var value))
            {
                byKeyOrLabel.TryAdd(LeadFileColumns.AttributeKey(label), value);
            }
        }

        var values = new ScriptPlaceholders.Values(agentName, lead.FullName, lead.Document, phone, byKeyOrLabel, LabelOf,
            name => text["Desk_Placeholder_" + name]);
        var script = DeskSettings.Render(DeskSettings.Script(unit.Campaign), values, what => text["Desk_ScriptGap", what]);
        var fields = attributes.Select(a => new LeadFieldView(a.Key, LabelOf(a.Key), a.Value)).ToList();
        return new LeadCard(
            lead.Id, lead.FullName, lead.DocumentType, lead.Document, attributes,
            lead.Phones.OrderBy(p => p.Position).Select(p => new LeadPhoneView(p.E164, p.IsUnusable, p.ExclusionReason)).ToList(),
            history, script, segment, callbackId)
        {
            Fields = fields,
        };
    }

    public static async Task<IReadOnlyList<DispositionTraits>> CatalogAsync(AppDbContext db, Guid operationId, CancellationToken ct) =>
        (await OperationCatalog.DispositionTraitsAsync(db, operationId, ct)).Where(d => d.IsActive).ToList();

    /// <summary>Persists a change of the agent's state (the presence log).</summary>
    public static void Log(AppDbContext db, DeskUnit unit, AgentSession session) =>
        db.AgentStateChanges.Add(new AgentStateChange(unit.Client.Id, unit.Operation.Id, session.UserId, session.Login, session.State, session.ReasonCode, session.Since));
}
