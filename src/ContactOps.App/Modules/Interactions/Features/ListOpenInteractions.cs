using ContactOps.Modules.Customers.Contracts;
using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using ContactOps.Platform.Tenancy;
using ContactOps.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Interactions.Features;

public sealed record OpenInteractionRow(Guid Id, string Channel, string? CallId, DateTimeOffset OpenedAt, DateTimeOffset LastChangeAt, Guid? CustomerId, string? CustomerName);

/// <summary>
/// The caller's own interactions still open in an operation, newest first: what a reload, a closed tab or an outage left
/// behind, for the desk to resume and close.
/// </summary>
public sealed class ListOpenInteractions(IDbContextFactory<AppDbContext> dbs, AccessScope scope)
{
    public async Task<Result<Page<OpenInteractionRow>>> HandleAsync(string? operation, int? page, int? pageSize, CancellationToken ct)
    {
        var paging = Paging.From(page, pageSize ?? 20);
        if (!paging.IsSuccess)
        {
            return paging.Error!;
        }

        await using var db = await dbs.CreateDbContextAsync(ct);
        var op = await InteractionRules.OperationAsync(db, scope, operation, InteractionRules.DeskRoles, ct);
        if (!op.IsSuccess)
        {
            return op.Error!;
        }

        var operationId = op.Value!.Id;
        var userId = scope.UserId;
        var rows = await db.Interactions.AsNoTracking()
            .Where(i => i.OperationId == operationId && i.AgentUserId == userId && i.ClosedAt == null)
            .OrderByDescending(i => i.OpenedAt).ThenBy(i => i.Id)
            .Select(i => new { i.Id, i.Channel, i.CallId, i.OpenedAt, i.UpdatedAt, i.CustomerId })
            .ToPageAsync(paging.Value, ct);
        var names = await CustomerDirectory.NamesAsync(db, rows.Items.Where(r => r.CustomerId != null).Select(r => r.CustomerId!.Value).Distinct().ToArray(), ct);
        return rows.Map(r => new OpenInteractionRow(r.Id, r.Channel.ToString(), r.CallId, r.OpenedAt, r.UpdatedAt, r.CustomerId,
            r.CustomerId is { } c ? names.GetValueOrDefault(c) : null));
    }
}
