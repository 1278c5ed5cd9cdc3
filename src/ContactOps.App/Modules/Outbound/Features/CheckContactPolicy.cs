using ContactOps.Platform.Localization;
using System.Globalization;
using ContactOps.Modules.Customers.Contracts;
using ContactOps.Modules.Outbound.Contracts;
using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Outbound.Features;

public sealed record CheckContactPolicyRequest(string? Operation, string? Phone, string? At);

public sealed record CheckContactPolicyResponse(bool Allowed, IReadOnlyList<string> Reasons, string Phone, Guid? LeadId);

/// <summary>
/// `contact-policy check` and GET /outbound/policy/check: may this number be called by the operation at that instant?
/// The lead is found by phone in the operation's open bases (so its limits apply). The check is logged like any refusal.
/// </summary>
public sealed class CheckContactPolicy(AppDbContext db, AccessScope scope, ContactPolicy policy)
{
    public async Task<Result<CheckContactPolicyResponse>> HandleAsync(CheckContactPolicyRequest request, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        DateTimeOffset at = default;
        if (string.IsNullOrWhiteSpace(request.At))
        {
            errors["at"] = [Messages.Text("Field.CheckContactPolicy.at")];
        }
        else if (!HasOffset(request.At) || !DateTimeOffset.TryParse(request.At.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.None, out at)
                 || !Platform.Calendar.PlausibleDates.Contains(at))
        {
            errors["at"] = [Messages.Text("Field.CheckContactPolicy.at#2", request.At)];
        }

        if (string.IsNullOrWhiteSpace(request.Phone))
        {
            errors["phone"] = [Messages.Text("Field.CheckContactPolicy.phone")];
        }

        var op = await PolicyOperations.FindAsync(db, scope, request.Operation, ct);
        if (!op.IsSuccess)
        {
            if (op.Error!.Kind != ErrorKind.Validation)
            {
                return op.Error;
            }

            errors["operation"] = [op.Error.Message];
        }

        if (errors.Count > 0)
        {
            return Error.Validation(errors);
        }

        var phone = ContactValues.NormalizePhone(request.Phone, op.Value!.Country);
        if (!phone.IsSuccess)
        {
            return Error.Invalid("phone", "policy.phone_invalid", request.Phone, phone.Error!.Message);
        }

        var e164 = phone.Value!;
        var operationId = op.Value.Id;
        var leadId = await db.LeadPhones.AsNoTracking()
            .Where(p => p.OperationId == operationId && p.E164 == e164)
            .Join(db.Leads, p => p.LeadId, l => l.Id, (p, l) => l)
            .Join(db.LeadBases.Where(b => b.Status == LeadBaseStatus.Open), l => l.BaseId, b => b.Id, (l, b) => l)
            .OrderBy(l => l.IsFinal).ThenByDescending(l => l.LastAttemptAt)
            .Select(l => (Guid?)l.Id)
            .FirstOrDefaultAsync(ct);

        var decision = await policy.CheckAsync(operationId, e164, leadId, at, CallOrigin.Check, ct);
        return new CheckContactPolicyResponse(decision.Allowed, decision.Reasons, e164, leadId);
    }

    private static bool HasOffset(string value)
    {
        var v = value.Trim();
        var t = v.IndexOf('T', StringComparison.Ordinal);
        if (t < 0)
        {
            return false;
        }

        var time = v[(t + 1)..];
        return time.EndsWith('Z') || time.EndsWith('z') || time.Contains('+', StringComparison.Ordinal) || time.Contains('-', StringComparison.Ordinal);
    }
}
