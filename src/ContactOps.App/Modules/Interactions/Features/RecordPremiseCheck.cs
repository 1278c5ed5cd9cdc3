using ContactOps.Platform.Localization;
using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Interactions.Features;

/// <summary>Outcome: Clear, BuildingNotEnabled, Occupied, NotCreated, CancelledOwing, Cancelled, CancelledCredit, WrittenOff. Request and typology are optional.</summary>
public sealed record RecordPremiseCheckRequest(string? Outcome, string? Request = null, string? Typology = null);

/// <summary>Records what the customer asked for and the outcome of the premise / account check.</summary>
public sealed class RecordPremiseCheck(IDbContextFactory<AppDbContext> dbs, AccessScope scope)
{
    public async Task<Result<InteractionView>> HandleAsync(Guid interactionId, RecordPremiseCheckRequest request, CancellationToken ct)
    {
        var fields = new Dictionary<string, string[]>(StringComparer.Ordinal);
        PremiseCheck? outcome = null;
        if (!string.IsNullOrWhiteSpace(request.Outcome))
        {
            outcome = InteractionRules.ParseEnum<PremiseCheck>(fields, "outcome", request.Outcome, "El resultado de la verificación del predio");
        }
        else if (string.IsNullOrWhiteSpace(request.Request) && string.IsNullOrWhiteSpace(request.Typology))
        {
            fields["outcome"] = [Messages.Text("Field.RecordPremiseCheck.outcome")];
        }

        InteractionRules.MaxLength(fields, "request", request.Request, 2000, "La solicitud");
        if (!string.IsNullOrWhiteSpace(request.Typology) && !CloseInteraction.IsTypologyCode(request.Typology))
        {
            fields["typology"] = [Messages.Text("Field.RecordPremiseCheck.typology")];
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

        interaction.RecordRequest(request.Request, request.Typology);
        if (outcome is { } o)
        {
            interaction.RecordPremiseCheck(o);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return InteractionRules.ConcurrencyConflict;
        }

        return await InteractionRules.ViewAsync(db, interaction, ct);
    }
}
