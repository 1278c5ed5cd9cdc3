using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Adjustments.Features;

/// <summary>
/// POST /api/v1/adjustments/coaching/{id}/acknowledge: the agent's "estoy enterado", signed in the app with the time stamp
/// (TimeProvider). Only the signed-in user whose user name equals the record's front-agent login (case-insensitive) and who
/// belongs to the record's client may sign it (403 for anyone else of the client; 404 outside it), once (409 the second
/// time), and only after the supervisor wrote the commitment (409). The front agents usually belong to another operation
/// than the adjustments cell, so the record is read past the operation filter — by id, then checked against the caller.
/// </summary>
public sealed class AcknowledgeCoaching(AppDbContext db, AccessScope scope, TimeProvider time)
{
    public async Task<Result<CoachingView>> HandleAsync(Guid id, CancellationToken ct)
    {
        var record = await db.CoachingRecords.IgnoreQueryFilters().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (record is null || !scope.CanSeeClient(record.ClientId))
        {
            return Error.NotFound("coaching.not_found");
        }

        var login = await MyCoaching.LoginAsync(db, scope, ct);
        if (login is null || !string.Equals(login, record.AgentLogin, StringComparison.Ordinal))
        {
            return Error.Forbidden("coaching.not_yours");
        }

        if (record.AcknowledgedAt is not null)
        {
            return Error.Conflict("coaching.already_acknowledged");
        }

        if (record.Commitment is null)
        {
            return Error.Conflict("coaching.no_commitment");
        }

        record.AcknowledgedAt = time.GetUtcNow();
        record.AcknowledgedByUserId = scope.UserId;
        await db.SaveChangesAsync(ct);
        var op = await MyCoaching.OperationNamesAsync(db, [record.OperationId], ct);
        var (code, name) = op.GetValueOrDefault(record.OperationId, ("", ""));
        return CoachingView.Of(record, code, name, null);
    }
}
