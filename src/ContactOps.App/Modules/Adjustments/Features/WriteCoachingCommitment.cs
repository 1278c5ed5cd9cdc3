using ContactOps.Platform.Localization;
using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Adjustments.Features;

/// <summary>POST /api/v1/adjustments/coaching: the supervisor's improvement commitment for an agent of a week's top 5.</summary>
public sealed record WriteCoachingCommitmentRequest(string? Operation, string? Week, string? Login, string? Commitment);

/// <summary>
/// Writes (or rewrites, until the agent acknowledged it) the coaching record of one agent for one ISO week. Only supervisors,
/// coordinators and managers of the operation (403 otherwise); the agent must be in that week's top 5 (400 otherwise); the
/// baseline (rejected and total of the week) is stored when written; once acknowledged the record is closed (409).
/// </summary>
public sealed class WriteCoachingCommitment(AppDbContext db, AccessScope scope, TimeProvider time)
{
    public const int MaxLength = 2000;

    public async Task<Result<CoachingView>> HandleAsync(WriteCoachingCommitmentRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var week = AdjustmentsReportAccess.Week(request.Week);
        if (!week.IsSuccess)
        {
            errors["week"] = [week.Error!.Message];
        }

        var login = request.Login?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(login))
        {
            errors["login"] = [Messages.Text("Field.WriteCoachingCommitment.login")];
        }

        var commitment = request.Commitment?.Trim();
        if (string.IsNullOrEmpty(commitment))
        {
            errors["commitment"] = [Messages.Text("Field.WriteCoachingCommitment.commitment")];
        }
        else if (commitment.Length > MaxLength)
        {
            errors["commitment"] = [Messages.Text("Field.WriteCoachingCommitment.commitment#2", MaxLength)];
        }

        if (errors.Count > 0)
        {
            return Error.Validation(errors);
        }

        var op = await AdjustmentsReportAccess.OperationAsync(db, scope, request.Operation, ct);
        if (!op.IsSuccess)
        {
            return op.Error!;
        }

        if (!AdjustmentsReportAccess.CanCoach(scope, op.Value!.Id))
        {
            return Error.Forbidden("coaching.forbidden");
        }

        var top = await GetCoachingTop.TopAsync(db, op.Value, week.Value, withImprovement: false, ct);
        var agent = top.Agents.FirstOrDefault(a => string.Equals(a.Login, login, StringComparison.Ordinal));
        if (agent is null)
        {
            return Error.Invalid("login", "coaching.not_in_top", login, GetCoachingTop.Size, week.Value);
        }

        var weekText = week.Value.ToString();
        var record = await db.CoachingRecords.FirstOrDefaultAsync(c => c.OperationId == op.Value.Id && c.IsoWeek == weekText && c.AgentLogin == login, ct);
        if (record?.AcknowledgedAt is not null)
        {
            return Error.Conflict("coaching.acknowledged");
        }

        if (record is null)
        {
            record = new CoachingRecord(op.Value.ClientId, op.Value.Id, login!, weekText);
            db.CoachingRecords.Add(record);
        }

        record.Rejected = agent.Rejected;
        record.Total = agent.Total;
        record.Commitment = commitment;
        record.SupervisorUserId = scope.UserId;
        record.SupervisorName = scope.UserName.Length > 120 ? scope.UserName[..120] : scope.UserName;
        record.CommittedAt = time.GetUtcNow();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Error.Conflict("coaching.concurrent");
        }

        return CoachingView.Of(record, op.Value.Code, op.Value.Name, null);
    }
}
