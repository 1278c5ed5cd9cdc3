using ContactOps.Platform.Localization;
using System.Globalization;
using System.Text.RegularExpressions;
using ContactOps.Modules.Organization.Contracts;
using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Interactions.Features;

/// <summary>
/// Closes an interaction. <c>Disposition</c> (code) or <c>DispositionId</c> is required; <c>Resolution</c> is
/// SolvedFirstContact (default) or Escalated, the latter with <c>EscalationType</c> (code). <c>Version</c> (optional)
/// is the version the agent saw: a different one means someone else changed it.
/// </summary>
public sealed record CloseInteractionRequest(
    Guid? DispositionId = null, string? Disposition = null, string? Resolution = null, string? EscalationType = null,
    string? Typology = null, Guid? Version = null);

public sealed record CloseInteractionResponse(InteractionView Interaction, PromisedAnswer? Promised, IReadOnlyList<Guid> MarkedNotSolved);

/// <summary>
/// Ends an interaction with a disposition of the operation's catalog — never without one — either solved in first
/// contact or escalated (the due instant is computed on the client's business calendar and returned, formatted in
/// the client's zone, for the agent to read to the customer). A closed interaction of the same customer and
/// typology inside the operation's FCR window (calendar days) is marked as not solved in first contact.
/// </summary>
public sealed partial class CloseInteraction(IDbContextFactory<AppDbContext> dbs, AccessScope scope, TimeProvider time)
{
    public static Error DispositionRequired => Error.Invalid("disposition", "interaction.disposition_required");

    public static bool IsTypologyCode(string value) => TypologyPattern().IsMatch(value.Trim().ToUpperInvariant());

    public async Task<Result<CloseInteractionResponse>> HandleAsync(Guid interactionId, CloseInteractionRequest request, CancellationToken ct)
    {
        if (request.DispositionId is null && string.IsNullOrWhiteSpace(request.Disposition))
        {
            return DispositionRequired;
        }

        var fields = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var resolution = string.IsNullOrWhiteSpace(request.Resolution)
            ? InteractionResolution.SolvedFirstContact
            : InteractionRules.ParseEnum<InteractionResolution>(fields, "resolution", request.Resolution, "La resolución");
        if (resolution == InteractionResolution.Abandoned)
        {
            fields["resolution"] = [Messages.Text("Field.CloseInteraction.resolution_abandoned")];
        }

        if (resolution == InteractionResolution.Escalated && string.IsNullOrWhiteSpace(request.EscalationType))
        {
            fields["escalationType"] = [Messages.Text("Field.CloseInteraction.escalationType")];
        }

        if (resolution == InteractionResolution.SolvedFirstContact && !string.IsNullOrWhiteSpace(request.EscalationType))
        {
            fields["escalationType"] = [Messages.Text("Field.CloseInteraction.escalationType#2")];
        }

        if (!string.IsNullOrWhiteSpace(request.Typology) && !IsTypologyCode(request.Typology))
        {
            fields["typology"] = [Messages.Text("Field.CloseInteraction.typology")];
        }

        if (fields.Count > 0)
        {
            return Error.Validation(fields);
        }

        await using var db = await dbs.CreateDbContextAsync(ct);
        var found = await InteractionRules.InteractionAsync(db, scope, interactionId, InteractionRules.DeskRoles, ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var interaction = found.Value!;
        var open = InteractionRules.RequireOpen(interaction);
        if (!open.IsSuccess)
        {
            return open.Error!;
        }

        if (request.Version is { } seen && seen != interaction.Version)
        {
            return InteractionRules.ConcurrencyConflict;
        }

        var catalog = await OperationCatalog.DispositionsAsync(db, interaction.OperationId, ct);
        var code = request.Disposition?.Trim();
        var disposition = catalog.FirstOrDefault(d => request.DispositionId is { } id ? d.Id == id : string.Equals(d.Code, code, StringComparison.OrdinalIgnoreCase));
        if (disposition is null || !disposition.IsActive)
        {
            return Error.Invalid("disposition", "interaction.disposition_unknown");
        }

        var now = time.GetUtcNow();
        EscalationType? type = null;
        PromisedAnswer? promised = null;
        Escalation? escalation = null;
        if (resolution == InteractionResolution.Escalated)
        {
            var typeCode = request.EscalationType!.Trim();
            type = await db.EscalationTypes.AsNoTracking().FirstOrDefaultAsync(t => t.OperationId == interaction.OperationId && t.Code == typeCode.ToUpperInvariant(), ct);
            if (type is null || !type.IsActive)
            {
                return Error.Invalid("escalationType", "escalation.type_unknown", typeCode);
            }

            var calendar = await OperationCatalog.CalendarAsync(db, interaction.ClientId, ct);
            if (calendar is not { } cal)
            {
                return Error.NotFound();
            }

            var due = cal.Calendar.AddBusinessHours(now, type.TargetBusinessHours);
            escalation = new Escalation(interaction, type, now, due);
            promised = InteractionRules.Promise(due, cal.Client.TimeZoneId, type.TargetBusinessHours, type.DestinationArea);
        }

        interaction.RecordRequest(null, request.Typology);
        interaction.Close(disposition.Id, disposition.Code, resolution!.Value, now);
        if (escalation is not null)
        {
            db.Escalations.Add(escalation);
        }

        var marked = await MarkEarlierNotSolvedAsync(db, interaction, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return InteractionRules.ConcurrencyConflict;
        }

        return new CloseInteractionResponse(await InteractionRules.ViewAsync(db, interaction, ct), promised, marked);
    }

    /// <summary>
    /// FCR: earlier interactions of this customer with the same typology, handled as solved in first contact and
    /// closed within the operation's window (calendar days) before this one was opened, were not solved after all.
    /// </summary>
    private static async Task<IReadOnlyList<Guid>> MarkEarlierNotSolvedAsync(AppDbContext db, Interaction later, CancellationToken ct)
    {
        if (later.CustomerId is not { } customerId || later.Typology is not { } typology)
        {
            return [];
        }

        var windowDays = await db.Operations.AsNoTracking().Where(o => o.Id == later.OperationId).Select(o => o.FcrWindowDays).FirstAsync(ct);
        var since = later.OpenedAt.AddDays(-windowDays);
        var opened = later.OpenedAt;
        var earlier = await db.Interactions
            .Where(i => i.Id != later.Id && i.OperationId == later.OperationId && i.CustomerId == customerId && i.Typology == typology
                && i.SolvedInFirstContact == true && i.ClosedAt != null && i.ClosedAt >= since && i.ClosedAt <= opened)
            .ToListAsync(ct);
        foreach (var first in earlier)
        {
            var reason = string.Create(CultureInfo.InvariantCulture,
                $"Segunda interacción de la misma tipología ({typology}) dentro de {windowDays} días: {later.Id}.");
            first.MarkNotSolved(later.Id, reason);
        }

        return earlier.Select(e => e.Id).ToList();
    }

    [GeneratedRegex("^[A-Z0-9][A-Z0-9_]{0,59}$", RegexOptions.CultureInvariant)]
    private static partial Regex TypologyPattern();
}
