using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Interactions.Features;

public sealed record AnswerEscalationRequest(string? Answer, Guid? Version = null);

/// <summary>Records the area's answer to an escalation, which closes it (on time or late against its due instant).</summary>
public sealed class AnswerEscalation(IDbContextFactory<AppDbContext> dbs, AccessScope scope, TimeProvider time)
{
    public async Task<Result<EscalationView>> HandleAsync(Guid escalationId, AnswerEscalationRequest request, CancellationToken ct)
    {
        var answer = request.Answer?.Trim() ?? "";
        if (answer.Length < 3)
        {
            return Error.Invalid("answer", "escalation.answer_required");
        }

        if (answer.Length > 2000)
        {
            return Error.Invalid("answer", "escalation.answer_too_long");
        }

        await using var db = await dbs.CreateDbContextAsync(ct);
        var escalation = await db.Escalations.FirstOrDefaultAsync(e => e.Id == escalationId, ct);
        if (escalation is null)
        {
            return Error.NotFound("escalation.not_found");
        }

        if (!scope.HasRole(escalation.OperationId, InteractionRules.QueueRoles))
        {
            return Error.Forbidden("interaction.forbidden");
        }

        if (escalation.State == EscalationState.Answered)
        {
            return Error.Conflict("escalation.already_answered");
        }

        if (request.Version is { } seen && seen != escalation.Version)
        {
            return InteractionRules.ConcurrencyConflict;
        }

        escalation.AnswerWith(answer, scope.UserId, scope.UserName, time.GetUtcNow());
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return InteractionRules.ConcurrencyConflict;
        }

        var zone = await db.Clients.AsNoTracking().Where(c => c.Id == escalation.ClientId).Select(c => c.TimeZoneId).FirstAsync(ct);
        return InteractionRules.View(escalation, zone);
    }
}
