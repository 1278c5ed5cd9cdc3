using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Adjustments.Features;

/// <summary>What one cut said about the adjustment.</summary>
public sealed record AdjustmentCutRow(DateOnly Cutoff, int Line, string? CarrierStatus, string CauseLetter, string Approval, decimal? Amount, string? FilingNumber, string AgentLogin, string? RejectionReason);

/// <summary>One step of the timeline (who, when, what).</summary>
public sealed record AdjustmentStepRow(DateTimeOffset At, string Action, string FromState, string ToState, string UserName, string? Note, string? DataJson);

/// <summary>The cause as the verifier sees it (evidence to check).</summary>
public sealed record AdjustmentCauseInfo(string Letter, string Name, IReadOnlyList<string> Evidence, bool IsActive);

/// <summary>
/// One adjustment: the queue row (carrier values, clocks), the rest of the carrier's values, the cell's work, the history by
/// cut, the steps, and the actions the caller may run now (route segments of POST /api/v1/adjustments/{id}/{action}).
/// </summary>
public sealed record AdjustmentDetail(
    AdjustmentRow Row, string Operation, DateOnly Today, string? CarrierStatus, string? RejectionReason, DateOnly FilingDate,
    AdjustmentCauseInfo? Cause, IReadOnlyList<string> EvidenceChecked, string? PqrDestination, DateOnly? PqrAnsweredOn,
    DateOnly? AnswerNotifiedOn, DateTimeOffset? AppealFiledAt, DateTimeOffset? CorrectedAt, DateOnly? RejectedCutoff, DateOnly? ApprovedCutoff,
    int MaxContactAttempts, int RetryHours, string AmountText, IReadOnlyList<AdjustmentCutRow> Cuts, IReadOnlyList<AdjustmentStepRow> Steps,
    IReadOnlyList<string> AllowedActions, IReadOnlyList<AdjustmentCauseInfo> ActiveCauses);

/// <summary>One adjustment in full, as the caller may see it (404 for another client's, 403 for roles that cannot see the cell's work).</summary>
public sealed class GetAdjustment(IDbContextFactory<AppDbContext> dbs, AccessScope scope, TimeProvider time)
{
    public async Task<Result<AdjustmentDetail>> HandleAsync(Guid id, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await ReadAsync(db, scope, time, id, ct);
    }

    internal static async Task<Result<AdjustmentDetail>> ReadAsync(AppDbContext db, AccessScope scope, TimeProvider time, Guid id, CancellationToken ct)
    {
        var a = await db.Adjustments.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (a is null)
        {
            return Error.NotFound("adjustment.not_found");
        }

        if (!scope.HasRole(a.OperationId, AdjustmentWorkflow.ViewRoles))
        {
            return Error.Forbidden("adjustment.forbidden#3");
        }

        var context = await AdjustmentLookups.ContextAsync(db, a.OperationId, ct);
        var today = context.Today(time);
        var causes = await db.AdjustmentCauses.AsNoTracking().Where(c => c.OperationId == a.OperationId).OrderBy(c => c.SortOrder).ThenBy(c => c.Letter).ToListAsync(ct);
        var cause = causes.FirstOrDefault(c => c.Id == a.CauseId) ?? causes.FirstOrDefault(c => c.Letter == a.CauseLetter);
        var cuts = await db.AdjustmentCutRecords.AsNoTracking().Where(r => r.AdjustmentId == a.Id).OrderBy(r => r.Cutoff)
            .Select(r => new AdjustmentCutRow(r.Cutoff, r.Line, r.CarrierStatus, r.CauseLetter, r.Approval.ToString(), r.Amount, r.FilingNumber, r.AgentLogin, r.RejectionReason))
            .ToListAsync(ct);
        var steps = (await db.AdjustmentSteps.AsNoTracking().Where(s => s.AdjustmentId == a.Id).ToListAsync(ct))
            .OrderBy(s => s.At).ThenBy(s => s.Id)
            .Select(s => new AdjustmentStepRow(s.At, s.Action.ToString(), s.FromState.ToString(), s.ToState.ToString(), s.UserName, s.Note, s.DataJson))
            .ToList();
        var allowed = AdjustmentWorkflow.AllowedFor(a.State, scope.RoleIn(a.OperationId)).Select(AdjustmentWorkflow.RouteOf).ToList();
        return new AdjustmentDetail(
            ListAdjustments.Row(a, context, today), context.Operation.Code, today, a.CarrierStatus, a.RejectionReason, a.FilingDate,
            cause is null ? null : Info(cause), a.EvidenceChecked, a.PqrDestination, a.PqrAnsweredOn, a.AnswerNotifiedOn, a.AppealFiledAt, a.CorrectedAt,
            a.RejectedCutoff, a.ApprovedCutoff, context.Settings.MaxContactAttempts, context.Settings.RetryHours, AdjustmentLookups.Money(a.Amount, a.Currency),
            cuts, steps, allowed, causes.Where(c => c.IsActive).Select(Info).ToList());
    }

    public static AdjustmentCauseInfo Info(AdjustmentCause c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return new(c.Letter, c.Name, c.Evidence, c.IsActive);
    }
}
