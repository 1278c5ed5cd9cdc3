using ContactOps.Modules.Organization.Contracts;
using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using ContactOps.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Organization.Features;

public sealed record DispositionRow(Guid Id, string Operation, string Code, string Name, IReadOnlyList<string> Flags, int SortOrder, bool IsActive)
{
    internal static DispositionRow From(Disposition d, string operationCode) =>
        new(d.Id, operationCode, d.Code, d.Name, DispositionFlagNames.Of(d.Flags), d.SortOrder, d.IsActive);
}

/// <summary>The disposition catalog (tipificaciones) of an operation the caller administers.</summary>
public sealed class ListDispositions(IDbContextFactory<AppDbContext> dbs, AdminAccess access)
{
    public async Task<Result<Page<DispositionRow>>> HandleAsync(string? operationCode, int? page, int? pageSize, CancellationToken ct)
    {
        var paging = Paging.From(page, pageSize);
        if (!paging.IsSuccess)
        {
            return paging.Error!;
        }

        await using var db = await dbs.CreateDbContextAsync(ct);
        var op = await access.OperationAsync(db, operationCode, ct);
        if (!op.IsSuccess)
        {
            return op.Error!;
        }

        var opId = op.Value!.Id;
        var query = db.Dispositions.IgnoreQueryFilters().AsNoTracking().Where(d => d.OperationId == opId);
        var items = await query.OrderBy(d => d.SortOrder).ThenBy(d => d.Code).ToPageAsync(paging.Value, ct);
        return items.Map(d => DispositionRow.From(d, op.Value.Code));
    }
}
