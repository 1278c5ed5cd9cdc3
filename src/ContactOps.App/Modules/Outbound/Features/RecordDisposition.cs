using ContactOps.Platform.Localization;
using ContactOps.Modules.Customers.Contracts;
using ContactOps.Modules.Outbound.Contracts;
using ContactOps.Modules.Outbound.Dialer;
using ContactOps.Modules.Sales.Contracts;
using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using ContactOps.Platform.Storage;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Outbound.Features;

/// <summary>The sale a sale-flagged disposition opens: the identity validation is required (evidence: the confirmation, optionally a recording or document).</summary>
public sealed record DeskSaleRequest(
    bool IdentityValidated,
    string? TariffCode,
    string? Description,
    decimal? MonthlyValue,
    decimal? OneOffValue,
    string? EvidenceFileName = null,
    string? EvidenceBase64 = null,
    string? Notes = null);

/// <summary>The disposition of an attempt; a callback-flagged one needs <see cref="CallbackAt"/> and <see cref="CallbackForMe"/>.</summary>
public sealed record DeskDispositionRequest(
    Guid AttemptId,
    string? Code,
    DateTimeOffset? CallbackAt = null,
    bool? CallbackForMe = null,
    string? Note = null,
    DeskSaleRequest? Sale = null);

/// <summary>
/// Records the disposition of the agent's attempt (required before the next call) with its effects on the lead
/// (<see cref="LeadOutcomes"/>: final, recycle, unusable number, do-not-call), a callback when the disposition asks for one
/// (in the future and allowed by the contact policy at its due instant), and the sale on the sales sheet when it is a sale.
/// The agent is ready again afterwards.
/// </summary>
public sealed class RecordDisposition(
    IDbContextFactory<AppDbContext> dbs, AccessScope scope, AgentPresence presence, IContactPolicy policy, IFileStorage storage,
    AgentDesk desk, TimeProvider time)
{
    // The callback replaces the recycle delay and any earlier callback: those reasons don't refuse its instant.
    private static readonly HashSet<string> IgnoredForCallback = [PolicyReasons.RecycleDelay, PolicyReasons.CallbackScheduled];

    public async Task<Result<DeskView>> HandleAsync(string? operation, DeskDispositionRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var loaded = await DeskUnits.LoadAsync(db, scope, operation, DeskUnits.AgentRoles, ct);
        if (!loaded.IsSuccess)
        {
            return loaded.Error!;
        }

        var unit = loaded.Value!;
        var user = scope.UserId!.Value;
        var attempt = await db.CallAttempts.FirstOrDefaultAsync(a => a.Id == request.AttemptId && a.OperationId == unit.Operation.Id, ct);
        if (attempt is null)
        {
            return Error.NotFound("attempt.not_found");
        }

        if (attempt.AgentUserId != user)
        {
            return Error.Forbidden("desk.not_your_call");
        }

        if (attempt.DispositionAt is not null)
        {
            return Error.Conflict("desk.already_dispositioned");
        }

        var catalog = await DeskUnits.CatalogAsync(db, unit.Operation.Id, ct);
        var disposition = catalog.FirstOrDefault(d => string.Equals(d.Code, request.Code?.Trim(), StringComparison.OrdinalIgnoreCase));
        if (disposition is null)
        {
            return Error.Invalid("code", "desk.disposition_unknown");
        }

        var lead = attempt.LeadId is { } leadId
            ? await db.Leads.Include(l => l.Phones).FirstOrDefaultAsync(l => l.Id == leadId, ct)
            : null;
        var now = time.GetUtcNow();
        var fields = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (request.Note is { Length: > 2000 })
        {
            fields["note"] = [Messages.Text("Field.RecordDisposition.note")];
        }

        if (disposition.Callback)
        {
            await ValidateCallbackAsync(unit, attempt, lead, request, now, fields, ct);
        }

        byte[]? evidence = null;
        if (disposition.Sale)
        {
            evidence = ValidateSale(lead, request.Sale, fields);
        }

        if (fields.Count > 0)
        {
            return Error.Validation(fields);
        }

        IReadOnlyList<string> storedKeys = [];
        if (disposition.Sale)
        {
            var opened = await OpenSaleAsync(db, unit, attempt, lead!, request.Sale!, evidence, now, ct);
            if (!opened.IsSuccess)
            {
                return opened.Error!;
            }

            storedKeys = opened.Value!.StoredKeys;
            attempt.SaleId = opened.Value.SaleId;
        }

        LeadOutcomes.CompleteAttempt(attempt, disposition, now);
        if (!string.IsNullOrWhiteSpace(request.Note))
        {
            attempt.Notes = request.Note.Trim();
        }

        await LeadOutcomes.ApplyDispositionAsync(db, attempt, lead, disposition, unit.Campaign, now, user, defaulted: false, ct);
        await LeadOutcomes.CloseCallbacksAsync(db, attempt, ct);
        if (disposition.Callback && lead is not null)
        {
            db.Callbacks.Add(new Callback(unit.Client.Id, unit.Operation.Id, lead.Id, request.CallbackAt!.Value, request.CallbackForMe == true ? user : null, user, request.Note?.Trim()));
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            foreach (var key in storedKeys)
            {
                await storage.DeleteAsync(key, CancellationToken.None);
            }

            throw;
        }

        if (presence.Get(unit.Operation.Id, user) is { } session && session.State is AgentFloorState.InCall or AgentFloorState.WrapUp)
        {
            presence.Move(unit.Operation.Id, user, AgentFloorState.Ready, null, s => s with { Call = null });
        }

        return await desk.ViewAsync(db, unit, ct);
    }

    private async Task ValidateCallbackAsync(
        DeskUnit unit, CallAttempt attempt, Lead? lead, DeskDispositionRequest request, DateTimeOffset now, Dictionary<string, string[]> fields, CancellationToken ct)
    {
        if (lead is null)
        {
            fields["callbackAt"] = [Messages.Text("Field.RecordDisposition.callbackAt")];
            return;
        }

        if (request.CallbackForMe is null)
        {
            fields["callbackForMe"] = [Messages.Text("Field.RecordDisposition.callbackForMe")];
        }

        if (request.CallbackAt is not { } due)
        {
            fields["callbackAt"] = [Messages.Text("Field.RecordDisposition.callbackAt#2")];
            return;
        }

        if (due <= now)
        {
            fields["callbackAt"] = [Messages.Text("Field.RecordDisposition.callbackAt#3")];
            return;
        }

        if (due > now.AddDays(60))
        {
            fields["callbackAt"] = [Messages.Text("Field.RecordDisposition.callbackAt#4")];
            return;
        }

        var decision = await policy.CheckAsync(unit.Operation.Id, attempt.PhoneE164, lead.Id, due, CallOrigin.Check, ct);
        var reasons = decision.Reasons.Where(r => !IgnoredForCallback.Contains(r)).ToList();
        if (reasons.Count > 0)
        {
            fields["callbackAt"] = [Messages.Text("Field.RecordDisposition.callbackAt#5", DeskSettings.Describe(reasons))];
        }
    }

    private static byte[]? ValidateSale(Lead? lead, DeskSaleRequest? sale, Dictionary<string, string[]> fields)
    {
        if (lead is null)
        {
            fields["sale"] = [Messages.Text("Field.RecordDisposition.sale")];
            return null;
        }

        if (sale is null)
        {
            fields["sale"] = [Messages.Text("Field.RecordDisposition.sale#2")];
            return null;
        }

        if (!sale.IdentityValidated)
        {
            fields["sale.identityValidated"] = [Messages.Text("Field.RecordDisposition.sale.identityValidated")];
        }

        if (string.IsNullOrWhiteSpace(sale.EvidenceBase64))
        {
            return null;
        }

        try
        {
            var bytes = Convert.FromBase64String(sale.EvidenceBase64);
            if (bytes.Length > 20 * 1024 * 1024)
            {
                fields["sale.evidence"] = [Messages.Text("Field.RecordDisposition.sale.evidence")];
            }

            return bytes;
        }
        catch (FormatException)
        {
            fields["sale.evidence"] = [Messages.Text("Field.RecordDisposition.sale.evidence#2")];
            return null;
        }
    }

    private async Task<Result<OutboundSales.OpenedSale>> OpenSaleAsync(
        AppDbContext db, DeskUnit unit, CallAttempt attempt, Lead lead, DeskSaleRequest sale, byte[]? evidence, DateTimeOffset now, CancellationToken ct)
    {
        var customer = await CustomerEnrollment.FindOrCreateAsync(db, unit.Client.Id, unit.Client.Country, lead.DocumentType, lead.Document, lead.FullName, attempt.PhoneE164, ct);
        if (!customer.IsSuccess)
        {
            return Error.Invalid("sale", "desk.sale_customer", customer.Error!.Message);
        }

        var attributes = DeskSettings.Attributes(lead.AttributesJson);
        var login = attempt.AgentLogin ?? scope.UserName;
        var confirmation = string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"Validación de identidad confirmada por {login} ({scope.UserName}) el {now:yyyy-MM-dd HH:mm:ss} UTC en la llamada {attempt.Id:N} al {attempt.PhoneE164}: titular {lead.FullName}, {lead.DocumentType} {lead.Document}.");
        return await OutboundSales.OpenAsync(db, storage, new OutboundSaleInput(
            unit.Operation.Id, customer.Value!.Id, attempt.Id, scope.UserId!.Value, login,
            sale.TariffCode?.Trim() is { Length: > 0 } code ? code : attributes.GetValueOrDefault("codigo_equipo") ?? attributes.GetValueOrDefault("equipo") ?? "",
            sale.Description?.Trim() is { Length: > 0 } description ? description : attributes.GetValueOrDefault("equipo") ?? "",
            sale.MonthlyValue ?? 0m, sale.OneOffValue ?? 0m, null, sale.Notes?.Trim(), now,
            new IdentityEvidence(confirmation, sale.EvidenceFileName, evidence)), ct);
    }
}
