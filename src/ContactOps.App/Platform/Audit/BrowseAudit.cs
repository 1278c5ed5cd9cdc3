using ContactOps.Platform.Auth;
using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using ContactOps.Platform.Tenancy;
using ContactOps.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Platform.Audit;

public sealed record AuditQuery(
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    string? Entity = null,
    string? EntityId = null,
    string? User = null,
    Guid? OperationId = null,
    AuditAction? Action = null,
    int? Page = null,
    int? PageSize = null);

public sealed record AuditRow(long Id, DateTimeOffset At, string UserName, Guid? ClientId, Guid? OperationId, string Entity, string EntityId, AuditAction Action, string? Changes);

/// <summary>
/// Supervisors, coordinators, managers and admins browse the audit trail of the operations they lead (with their clients' records
/// that belong to no operation); client admins their whole clients; platform admins all.
/// </summary>
public sealed class BrowseAudit(AppDbContext db, AccessScope scope)
{
    private static readonly Role[] Leaders = [Role.Supervisor, Role.Coordinator, Role.Manager, Role.Admin];

    public async Task<Result<Page<AuditRow>>> HandleAsync(AuditQuery q, CancellationToken ct)
    {
        var paging = Paging.From(q.Page, q.PageSize);
        if (!paging.IsSuccess)
        {
            return paging.Error!;
        }

        if (!scope.HasAnyRole(Leaders) && scope.AdministeredClientIds.Count == 0)
        {
            return Error.Forbidden("audit.forbidden");
        }

        if (q.From is { } f && q.To is { } t && f > t)
        {
            return Error.Invalid("from", "audit.range");
        }

        var query = db.AuditEntries.AsNoTracking();
        if (!scope.SeesAll)
        {
            // The operations the caller leads (a leader's role there, an operation admin's Admin membership) and the records of
            // their clients that belong to no operation (customers, calendars: shared by the client's operations); the whole of
            // the clients they administer. Never another operation's entries. Past the query filter, which knows memberships
            // only (a client admin has none), and narrower than it for members.
            var leading = scope.Memberships.Where(m => Leaders.Contains(m.Role)).ToArray();
            var led = leading.Select(m => m.OperationId).Distinct().ToArray();
            var ledClients = leading.Select(m => m.ClientId).Distinct().ToArray();
            var administered = scope.AdministeredClientIds.ToArray();
            query = db.AuditEntries.IgnoreQueryFilters().AsNoTracking()
                .Where(e => (e.OperationId != null && led.Contains(e.OperationId.Value))
                    || (e.OperationId == null && e.ClientId != null && ledClients.Contains(e.ClientId.Value))
                    || (e.ClientId != null && administered.Contains(e.ClientId.Value)));
        }

        if (q.From is { } from)
        {
            query = query.Where(e => e.At >= from.ToUniversalTime());
        }

        if (q.To is { } to)
        {
            query = query.Where(e => e.At <= to.ToUniversalTime());
        }

        if (!string.IsNullOrWhiteSpace(q.Entity))
        {
            query = query.Where(e => e.Entity == q.Entity.Trim());
        }

        if (!string.IsNullOrWhiteSpace(q.EntityId))
        {
            query = query.Where(e => e.EntityId == q.EntityId.Trim());
        }

        if (!string.IsNullOrWhiteSpace(q.User))
        {
            var u = q.User.Trim();
            query = query.Where(e => e.UserName.Contains(u));
        }

        if (q.OperationId is { } op)
        {
            query = query.Where(e => e.OperationId == op);
        }

        if (q.Action is { } action)
        {
            query = query.Where(e => e.Action == action);
        }

        var p = paging.Value;
        var page = await query.OrderByDescending(e => e.Id)
            .Select(e => new AuditRow(e.Id, e.At, e.UserName, e.ClientId, e.OperationId, e.Entity, e.EntityId, e.Action, e.Changes))
            .ToPageAsync(p, ct);
        return page.Map(r => r with { Changes = PersonalDataRedaction.MaskChanges(r.Changes) });
    }
}
