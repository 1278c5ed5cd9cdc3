using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using ContactOps.Platform.Tenancy;
using ContactOps.Platform.Web;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace ContactOps.Modules.Sales.Features;

public sealed record CutView(
    Guid Id,
    string Operation,
    DateOnly CutDate,
    string FileName,
    string FileSha256,
    string KeyFields,
    DateOnly? PeriodFrom,
    DateOnly? PeriodTo,
    string UserName,
    DateTimeOffset StartedAt,
    long Ours,
    long Carrier,
    long Matched,
    long MissingAtCarrier,
    long CarrierOnly,
    long Mismatched,
    long DuplicateOurs,
    long DuplicateCarrier,
    long Claimed);

public sealed record ItemView(Guid Id, ReconciliationCategory Category, string Key, Guid? SaleId, long? CarrierLine, bool DuplicateKey, string? Differences, ClaimState? Claim);

/// <summary>
/// Cuts of an operation, one cut, its items (filtered by category or duplicates, paged) and its XLSX, for those who reconcile
/// the operation (<see cref="ReconcileSales.CanReconcile"/>: back office and importers; anyone else 403). Other clients' cuts
/// are not found (404).
/// </summary>
public sealed class BrowseReconciliation(AppDbContext db, AccessScope scope)
{
    private static Error Forbidden => Error.Forbidden("reconciliation.forbidden");

    /// <summary>Null when the caller may read the cut; else why not (404 unseen, 403 not a reconciler of its operation).</summary>
    internal static async Task<Error?> DeniedAsync(AppDbContext db, AccessScope scope, Guid cutId, CancellationToken ct)
    {
        var operationId = await db.ReconciliationCuts.AsNoTracking().Where(c => c.Id == cutId).Select(c => (Guid?)c.OperationId).FirstOrDefaultAsync(ct);
        return operationId is null ? NotFound : ReconcileSales.CanReconcile(scope, operationId.Value) ? null : Forbidden;
    }

    public async Task<Result<Page<CutView>>> ListCutsAsync(string? operationCode, int? page, int? pageSize, CancellationToken ct)
    {
        var paging = Paging.From(page, pageSize);
        if (!paging.IsSuccess)
        {
            return paging.Error!;
        }

        // Only the operations the caller reconciles: the one named, or all of them.
        IQueryable<ReconciliationCut> mine = db.ReconciliationCuts.AsNoTracking();
        if (operationCode is not null)
        {
            var operationId = await db.Operations.AsNoTracking().Where(o => o.Code == operationCode).Select(o => (Guid?)o.Id).FirstOrDefaultAsync(ct);
            if (operationId is null)
            {
                return Error.NotFound("operation.not_found#2", operationCode);
            }

            if (!ReconcileSales.CanReconcile(scope, operationId.Value))
            {
                return Forbidden;
            }

            mine = mine.Where(c => c.OperationId == operationId.Value);
        }
        else if (!scope.SeesAll)
        {
            var reconciled = scope.Memberships.Select(m => m.OperationId).Where(id => ReconcileSales.CanReconcile(scope, id)).Distinct().ToList();
            if (reconciled.Count == 0)
            {
                return Forbidden;
            }

            mine = mine.Where(c => reconciled.Contains(c.OperationId));
        }

        var cuts = from c in mine
                   join o in db.Operations.AsNoTracking() on c.OperationId equals o.Id
                   orderby c.StartedAt descending
                   select new CutView(c.Id, o.Code, c.CutDate, c.FileName, c.FileSha256, c.KeyFields, c.PeriodFrom, c.PeriodTo, c.UserName, c.StartedAt,
                       c.Ours, c.Carrier, c.Matched, c.MissingAtCarrier, c.CarrierOnly, c.Mismatched, c.DuplicateOurs, c.DuplicateCarrier, c.Claimed);
        return await cuts.ToPageAsync(paging.Value!, ct);
    }

    public async Task<Result<CutView>> GetCutAsync(Guid cutId, CancellationToken ct)
    {
        if (await DeniedAsync(db, scope, cutId, ct) is { } denied)
        {
            return denied;
        }

        var cut = await (from c in db.ReconciliationCuts.AsNoTracking()
                         join o in db.Operations.AsNoTracking() on c.OperationId equals o.Id
                         where c.Id == cutId
                         select new CutView(c.Id, o.Code, c.CutDate, c.FileName, c.FileSha256, c.KeyFields, c.PeriodFrom, c.PeriodTo, c.UserName, c.StartedAt,
                             c.Ours, c.Carrier, c.Matched, c.MissingAtCarrier, c.CarrierOnly, c.Mismatched, c.DuplicateOurs, c.DuplicateCarrier, c.Claimed))
            .FirstOrDefaultAsync(ct);
        return cut is null ? NotFound : cut;
    }

    /// <param name="category">Only this category; null → all.</param>
    /// <param name="duplicatesOnly">Only rows whose key is repeated on a side.</param>
    public async Task<Result<Page<ItemView>>> ListItemsAsync(Guid cutId, ReconciliationCategory? category, bool duplicatesOnly, int? page, int? pageSize, CancellationToken ct)
    {
        var paging = Paging.From(page, pageSize);
        if (!paging.IsSuccess)
        {
            return paging.Error!;
        }

        if (await DeniedAsync(db, scope, cutId, ct) is { } denied)
        {
            return denied;
        }

        var items = db.ReconciliationItems.AsNoTracking().Where(i => i.CutId == cutId);
        if (category is { } only)
        {
            items = items.Where(i => i.Category == only);
        }

        if (duplicatesOnly)
        {
            items = items.Where(i => i.DuplicateKey);
        }

        var query = from i in items
                    join claim in db.SaleClaims.AsNoTracking() on i.Id equals claim.ItemId into claims
                    from claim in claims.DefaultIfEmpty()
                    orderby i.Category, i.CarrierLine, i.Key
                    select new ItemView(i.Id, i.Category, i.Key, i.SaleId, i.CarrierLine, i.DuplicateKey, i.Differences, claim == null ? null : claim.State);
        return await query.ToPageAsync(paging.Value!, ct);
    }

    /// <summary>The cut as a workbook: sheet "resumen" (the counts) and sheet "detalle" (every item).</summary>
    public async Task<Result<bool>> WriteXlsxAsync(Guid cutId, Stream output, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(output);
        var cut = await GetCutAsync(cutId, ct);
        if (!cut.IsSuccess)
        {
            return cut.Error!;
        }

        var c = cut.Value!;
        var summary = new List<Dictionary<string, object?>>
        {
            Pair("operacion", c.Operation), Pair("fecha_corte", c.CutDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            Pair("archivo", c.FileName), Pair("sha256", c.FileSha256), Pair("llave", c.KeyFields), Pair("usuario", c.UserName),
            Pair("nuestras", c.Ours), Pair("operador", c.Carrier), Pair("coinciden", c.Matched), Pair("faltan_en_operador", c.MissingAtCarrier),
            Pair("solo_operador", c.CarrierOnly), Pair("difieren", c.Mismatched), Pair("duplicadas_nuestras", c.DuplicateOurs),
            Pair("duplicadas_operador", c.DuplicateCarrier), Pair("reclamadas", c.Claimed),
        };
        var items = db.ReconciliationItems.AsNoTracking().Where(i => i.CutId == cutId).OrderBy(i => i.Category).ThenBy(i => i.CarrierLine).ThenBy(i => i.Key)
            .AsAsyncEnumerable();
        var detail = new List<Dictionary<string, object?>>();
        await foreach (var i in items.WithCancellation(ct))
        {
            detail.Add(new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["categoria"] = CategoryName(i.Category),
                ["llave"] = i.Key,
                ["id_venta"] = i.SaleId?.ToString(),
                ["linea_operador"] = i.CarrierLine,
                ["llave_duplicada"] = i.DuplicateKey ? "si" : "no",
                ["diferencias"] = i.Differences,
            });
        }

        var sheets = new Dictionary<string, object>(StringComparer.Ordinal) { ["resumen"] = summary, ["detalle"] = detail };
        await MiniExcel.SaveAsAsync(output, sheets, cancellationToken: ct);
        return true;
    }

    /// <summary>Spanish name of a category (sheets, UI).</summary>
    public static string CategoryName(ReconciliationCategory category) => category switch
    {
        ReconciliationCategory.Matched => "coincide",
        ReconciliationCategory.MissingAtCarrier => "falta en operador",
        ReconciliationCategory.CarrierOnly => "solo en operador",
        _ => "difiere",
    };

    private static Error NotFound => Error.NotFound("reconciliation.not_found");

    private static Dictionary<string, object?> Pair(string name, object? value) =>
        new(StringComparer.Ordinal) { ["dato"] = name, ["valor"] = value };
}
