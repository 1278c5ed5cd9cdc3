using ContactOps.Platform.Localization;
using System.Globalization;
using ContactOps.Modules.Customers.Contracts;
using ContactOps.Modules.Organization;
using ContactOps.Platform.Auth;
using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Interactions;

/// <summary>The answer promised to the customer: the due instant in the client's zone, and as a sentence in Spanish.</summary>
public sealed record PromisedAnswer(DateTimeOffset DueAt, string DueLocal, string DueText, string TimeZone, int BusinessHours, string DestinationArea);

public sealed record EscalationView(
    Guid Id, string TypeCode, string TypeName, string DestinationArea, int TargetBusinessHours,
    DateTimeOffset OpenedAt, PromisedAnswer Promised, string State, DateTimeOffset? AnsweredAt, string? Answer, string? AnsweredBy);

public sealed record InteractionView(
    Guid Id, string Operation, string Channel, string? CallId, string? Extension, string? AgentLogin,
    Guid? CustomerId, string? CustomerName, DateTimeOffset OpenedAt, DateTimeOffset? ClosedAt,
    string? Request, string? Typology, string? PremiseCheck, string? Disposition, string? Resolution,
    bool? SolvedInFirstContact, string? NotSolvedReason, EscalationView? Escalation, Guid Version);

/// <summary>Who may do what with interactions and escalations, and the lookups every use case needs.</summary>
public static class InteractionRules
{
    /// <summary>Open, identify, record and close interactions.</summary>
    public static readonly Role[] DeskRoles = [Role.Agent, Role.Supervisor, Role.Coordinator, Role.Manager, Role.Admin];

    /// <summary>See and answer the escalation queue.</summary>
    public static readonly Role[] QueueRoles = [Role.BackOffice, Role.Supervisor, Role.Coordinator, Role.Manager, Role.Admin];

    /// <summary>Create and change escalation types.</summary>
    public static readonly Role[] TypeAdminRoles = [Role.Coordinator, Role.Manager, Role.Admin];

    public static Error ConcurrencyConflict => Error.Conflict("interaction.concurrent_change");

    private static readonly CultureInfo Spanish = CultureInfo.GetCultureInfo("es-CO");

    /// <summary>An operation of the caller by code (404 when unknown or not theirs; 403 without one of the roles).</summary>
    public static async Task<Result<Operation>> OperationAsync(AppDbContext db, AccessScope scope, string? code, Role[] roles, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return Error.Invalid("operation", "operation.required#2");
        }

        var c = code.Trim();
        var op = await db.Operations.AsNoTracking().FirstOrDefaultAsync(o => o.Code == c, ct);
        if (op is null)
        {
            return Error.NotFound("operation.not_found", c);
        }

        return scope.HasRole(op.Id, roles) ? op : Error.Forbidden("interaction.forbidden#3");
    }

    /// <summary>An interaction the caller can see (tracked), checking their role in its operation.</summary>
    public static async Task<Result<Interaction>> InteractionAsync(AppDbContext db, AccessScope scope, Guid id, Role[] roles, CancellationToken ct)
    {
        var interaction = await db.Interactions.FirstOrDefaultAsync(i => i.Id == id, ct);
        if (interaction is null)
        {
            return Error.NotFound("interaction.not_found");
        }

        return scope.HasRole(interaction.OperationId, roles) ? interaction : Error.Forbidden("interaction.forbidden#3");
    }

    public static Result RequireOpen(Interaction interaction) =>
        interaction.IsClosed ? Error.Conflict("interaction.closed") : Result.Success();

    /// <summary>The promised answer in the client's zone: ISO text with offset and a Spanish sentence to read to the customer.</summary>
    public static PromisedAnswer Promise(DateTimeOffset dueAt, string timeZoneId, int businessHours, string area)
    {
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out var tz) ? tz : TimeZoneInfo.Utc;
        var local = TimeZoneInfo.ConvertTime(dueAt, zone);
        var text = local.ToString("dddd d 'de' MMMM 'de' yyyy, 'a las' h:mm tt", Spanish);
        return new PromisedAnswer(dueAt, local.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture), text, zone.Id, businessHours, area);
    }

    public static EscalationView View(Escalation e, string timeZoneId) => new(
        e.Id, e.TypeCode, e.TypeName, e.DestinationArea, e.TargetBusinessHours, e.OpenedAt,
        Promise(e.DueAt, timeZoneId, e.TargetBusinessHours, e.DestinationArea), e.State.ToString(), e.AnsweredAt, e.Answer, e.AnsweredBy);

    /// <summary>The full view of an interaction (operation code, customer name, escalation), read in the caller's scope.</summary>
    public static async Task<InteractionView> ViewAsync(AppDbContext db, Interaction i, CancellationToken ct)
    {
        var op = await db.Operations.AsNoTracking().Where(o => o.Id == i.OperationId).Select(o => new { o.Code, o.ClientId }).FirstAsync(ct);
        var zone = await db.Clients.AsNoTracking().Where(c => c.Id == op.ClientId).Select(c => c.TimeZoneId).FirstAsync(ct);
        var name = i.CustomerId is { } cid ? await CustomerDirectory.NameAsync(db, i.ClientId, cid, ct) : null;
        var escalation = await db.Escalations.AsNoTracking().Where(e => e.InteractionId == i.Id).OrderByDescending(e => e.OpenedAt).FirstOrDefaultAsync(ct);
        return new InteractionView(i.Id, op.Code, i.Channel.ToString(), i.CallId, i.Extension, i.AgentLogin, i.CustomerId, name, i.OpenedAt, i.ClosedAt,
            i.Request, i.Typology, i.PremiseCheck?.ToString(), i.DispositionCode, i.Resolution?.ToString(), i.SolvedInFirstContact, i.NotSolvedReason,
            escalation is null ? null : View(escalation, zone), i.Version);
    }

    /// <summary>Parses an enum value by name (not by number); adds a Spanish field error listing the values when invalid.</summary>
    public static TEnum? ParseEnum<TEnum>(Dictionary<string, string[]> fields, string field, string? value, string label)
        where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value) || value.Trim().All(char.IsDigit)
            || !Enum.TryParse<TEnum>(value.Trim(), ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
        {
            fields[field] = [Messages.Text("Field.InteractionSupport.field", label, string.Join(", ", Enum.GetNames<TEnum>()))];
            return null;
        }

        return parsed;
    }

    public static void MaxLength(Dictionary<string, string[]> fields, string field, string? value, int max, string label)
    {
        if (value is not null && value.Trim().Length > max)
        {
            fields[field] = [Messages.Text("Field.InteractionSupport.field#2", label, max)];
        }
    }
}
