using System.Globalization;
using ContactOps.Modules.Customers.Contracts;
using ContactOps.Platform.Data;
using ContactOps.Platform.Files;
using ContactOps.Platform.Results;
using ContactOps.Platform.Tenancy;
using ContactOps.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Sales.Features;

/// <summary>
/// Filters of the sales sheet and the back-office queue. <see cref="From"/>/<see cref="To"/> bound the sale instant
/// (to exclusive); <see cref="MinAgeDays"/> keeps sales sold at least that many days ago; <see cref="FollowUpDue"/> keeps
/// sales whose follow-up is due; <see cref="OpenOnly"/> hides legalized, rejected and cancelled sales.
/// </summary>
public sealed record SaleListRequest(
    string? Operation = null,
    SaleState? State = null,
    SaleKind? Kind = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    Guid? Agent = null,
    Guid? AssignedTo = null,
    bool? Unassigned = null,
    int? MinAgeDays = null,
    bool? FollowUpDue = null,
    bool? OpenOnly = null,
    int? Page = null,
    int? PageSize = null);

public sealed record SaleRow(
    Guid Id, string OperationCode, SaleKind Kind, SaleLine Line, WorkOrder WorkOrder, SaleState State, DateTimeOffset SoldAt, DateTimeOffset StateChangedAt,
    Guid CustomerId, string CustomerName, string? AccountNumber, string? LineNumber, Guid? SellerUserId, string? SellerName,
    Guid? AssignedToUserId, string? AssignedToName, DateTimeOffset? FollowUpAt, bool FollowUpDue, string? AccountMarking,
    decimal MonthlyValue, decimal OneOffValue, string Currency, int? ChecklistVersion, int Version);

/// <summary>The sales sheet: the same rows for the front, the back office and the reports, filtered and paged in SQL.</summary>
public sealed class ListSales(IDbContextFactory<AppDbContext> dbs, AccessScope scope, TimeProvider time)
{
    private static readonly SaleState[] Closed = [SaleState.Legalized, SaleState.Rejected, SaleState.Cancelled];

    /// <summary>
    /// Deepest page end (offset + page size) an operation's sheet reads as two merged halves. Each half reads up to this many
    /// rows, so past it the two reads cost more than the OR query's one scan and sort: deeper pages (and the exports, which
    /// read up to 100,000 rows) use the OR query. 10,000 is also the count cap, the depth the lists are meant to be paged to.
    /// </summary>
    internal const int MergeDepth = 10_000;

    /// <summary><see cref="MergeDepth"/>; tests lower it to check that deeper pages read the OR query with the same rows.</summary>
    internal int MergeRows { get; init; } = MergeDepth;

    /// <summary>
    /// The filtered sales: <see cref="All"/> with every filter; with an operation, also its two disjoint halves, the sales
    /// it sold (<see cref="Own"/>) and those routed to it as back office and sold by another operation (<see cref="Routed"/>).
    /// </summary>
    private sealed record SheetQuery(IQueryable<Sale> All, IQueryable<Sale>? Own, IQueryable<Sale>? Routed);

    public Task<Result<Page<SaleRow>>> HandleAsync(SaleListRequest request, CancellationToken ct) => HandleAsync(request, null, ct);

    /// <summary>With <paramref name="limit"/>: the request's page is ignored and one page of up to that many rows is read (the exports), <c>TotalCapped</c> when there were more.</summary>
    public async Task<Result<Page<SaleRow>>> HandleAsync(SaleListRequest request, int? limit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var paging = limit is { } size ? Result<Paging>.Success(new Paging(1, size)) : Paging.From(request.Page, request.PageSize);
        if (!paging.IsSuccess)
        {
            return paging.Error!;
        }

        await using var db = await dbs.CreateDbContextAsync(ct);
        var query = await FilterAsync(db, request, ct);
        if (!query.IsSuccess)
        {
            return query.Error!;
        }

        var sheet = query.Value!;
        Page<Sale> page;
        if (limit is null && sheet.Own is { } own && sheet.Routed is { } routed && paging.Value.Skip + paging.Value.PageSize <= MergeRows)
        {
            page = await MergedPageAsync(own, routed, paging.Value, ct);
        }
        else
        {
            var ordered = sheet.All.OrderByDescending(s => s.SoldAt).ThenBy(s => s.Id);
            page = limit is { } cap ? await ordered.ToPageAsync(paging.Value, cap, ct) : await ordered.ToPageAsync(paging.Value, ct);
        }

        return await RowsAsync(db, page, ct);
    }

    /// <summary>
    /// One page of an operation's sheet read as two index-ordered halves merged here: its own sales
    /// (<c>IX_Sales_OperationId_SoldAt</c>) and those routed to it and sold elsewhere (<c>IX_Sales_BackOfficeOperationId_SoldAt</c>),
    /// each the first offset + page size rows in <c>SoldAt DESC, Id</c>, then merged in that order and paged. The same rows in the
    /// same order as the OR query (a sale both sold by and routed to the operation is in the own half only), whose
    /// <c>OperationId = @op OR BackOfficeOperationId = @op</c> neither engine answers from an index (a scan of every sale and a sort).
    /// Total: the sum of the two halves' counts, each capped like <see cref="PagingQueries.ToPageAsync{T}(IQueryable{T}, Paging, CancellationToken)"/>
    /// (the halves are disjoint, so the sum is exact up to the cap, and past the cap when either half is).
    /// </summary>
    private static async Task<Page<Sale>> MergedPageAsync(IQueryable<Sale> own, IQueryable<Sale> routed, Paging paging, CancellationToken ct)
    {
        const int cap = PagingQueries.CountCap;
        var ownCount = await own.Take(cap + 1).LongCountAsync(ct);
        var routedCount = await routed.Take(cap + 1).LongCountAsync(ct);
        var counted = ownCount + routedCount;
        var take = paging.Skip + paging.PageSize;
        var a = await HalfAsync(own, ownCount, take, ct);
        var b = await HalfAsync(routed, routedCount, take, ct);
        var merged = new List<Sale>(Math.Min(take, a.Count + b.Count));
        int i = 0, j = 0;
        while (merged.Count < take && (i < a.Count || j < b.Count))
        {
            merged.Add(j >= b.Count || (i < a.Count && SheetOrder(a[i], b[j]) <= 0) ? a[i++] : b[j++]);
        }

        var items = merged.Skip(paging.Skip).Take(paging.PageSize).ToList();
        return new Page<Sale>(items, paging.Page, paging.PageSize, Math.Min(counted, cap), counted > cap);
    }

    /// <summary>
    /// The first <paramref name="take"/> rows of a half in sheet order. A half with no more rows than that (its capped count
    /// says so) is read whole, without ORDER BY/LIMIT, and sorted here: an ordered read with a LIMIT makes both engines walk
    /// the operation's <c>SoldAt</c> index until enough rows pass the filters, which for a few matching rows (e.g. the
    /// cell's own open and unassigned sales) is the whole range (124 ms at 200,000 rows on PostgreSQL), while the filters'
    /// own index (<c>(OperationId, AssignedToUserId, State)</c>) finds them at once.
    /// </summary>
    private static async Task<List<Sale>> HalfAsync(IQueryable<Sale> half, long count, int take, CancellationToken ct)
    {
        if (count == 0)
        {
            return [];
        }

        if (count <= take)
        {
            var all = await half.ToListAsync(ct);
            all.Sort(SheetOrder);
            return all;
        }

        return await half.OrderByDescending(s => s.SoldAt).ThenBy(s => s.Id).Take(take).ToListAsync(ct);
    }

    /// <summary>
    /// <c>ORDER BY SoldAt DESC, Id</c> as both engines sort: instants (UTC ticks on SQLite, <c>timestamptz</c> on PostgreSQL),
    /// then the id in the order of its text (PostgreSQL's <c>uuid</c> compares its bytes, which is the order of the text; SQLite
    /// stores the text, upper case, and compares it binary; hex digits sort the same in either case). Only ties of the instant
    /// reach the id.
    /// </summary>
    internal static int SheetOrder(Sale x, Sale y)
    {
        var bySoldAt = y.SoldAt.CompareTo(x.SoldAt);
        return bySoldAt != 0 ? bySoldAt : string.CompareOrdinal(x.Id.ToString("N"), y.Id.ToString("N"));
    }

    /// <summary>How many open sales of the operation have their follow-up due now.</summary>
    public async Task<Result<int>> DueFollowUpsAsync(string? operation, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var query = await FilterAsync(db, new SaleListRequest(operation, FollowUpDue: true, OpenOnly: true), ct);
        return query.IsSuccess ? await query.Value!.All.CountAsync(ct) : query.Error!;
    }

    /// <summary>The filtered sheet as CSV (semicolon, UTF-8 with BOM), at most 100 000 rows, newest first.</summary>
    public async Task<Result<byte[]>> ExportCsvAsync(SaleListRequest request, TimeZoneInfo zone, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var query = await FilterAsync(db, request, ct);
        if (!query.IsSuccess)
        {
            return query.Error!;
        }

        // Up to 100,000 rows: the OR query's one scan and sort (see MergeDepth).
        var sales = await query.Value!.All.OrderByDescending(s => s.SoldAt).ThenBy(s => s.Id).Take(100_000).ToListAsync(ct);
        var rows = await RowsAsync(db, new Page<Sale>(sales, 1, sales.Count, sales.Count), ct);
        using var stream = new MemoryStream();
        using (var csv = CsvExport.Create(stream, ';', utf8Bom: true, protectFormulas: true))
        {
            csv.WriteHeader("id", "operacion", "fecha_venta", "tipo", "orden_trabajo", "estado", "cliente", "cuenta", "linea", "asesor", "responsable",
                "seguimiento", "marcacion", "valor_mensual", "valor_unico", "moneda", "version_checklist");
            foreach (var r in rows.Items)
            {
                csv.WriteRow(
                    r.Id.ToString(), r.OperationCode, Local(r.SoldAt, zone), r.Kind.ToString(), r.WorkOrder.ToString(), SaleWorkflow.Spanish(r.State),
                    r.CustomerName, r.AccountNumber ?? "", r.LineNumber ?? "", r.SellerName ?? "", r.AssignedToName ?? "",
                    r.FollowUpAt is { } f ? Local(f, zone) : "", r.AccountMarking ?? "",
                    r.MonthlyValue.ToString("0.##", CultureInfo.InvariantCulture), r.OneOffValue.ToString("0.##", CultureInfo.InvariantCulture), r.Currency,
                    r.ChecklistVersion?.ToString(CultureInfo.InvariantCulture) ?? "");
            }
        }

        return stream.ToArray();
    }

    private static string Local(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private async Task<Result<SheetQuery>> FilterAsync(AppDbContext db, SaleListRequest request, CancellationToken ct)
    {
        IQueryable<Sale> q = db.Sales.AsNoTracking();
        Guid? opId = null;
        if (!string.IsNullOrWhiteSpace(request.Operation))
        {
            var op = await SaleUnits.OperationAsync(db, request.Operation, scope, ct);
            if (!op.IsSuccess)
            {
                return op.Error!;
            }

            opId = op.Value!.Id;
        }

        if (request.From is { } from && request.To is { } to && to <= from)
        {
            return Error.Invalid("to", "sale.range_invalid");
        }

        if (request.MinAgeDays is < 0 or > 3650)
        {
            return Error.Invalid("minAgeDays", "sale.age_invalid");
        }

        var now = time.GetUtcNow();
        if (request.State is { } state)
        {
            q = q.Where(s => s.State == state);
        }

        if (request.Kind is { } kind)
        {
            q = q.Where(s => s.Kind == kind);
        }

        if (request.From is { } f)
        {
            var fu = f.ToUniversalTime();
            q = q.Where(s => s.SoldAt >= fu);
        }

        if (request.To is { } t)
        {
            var tu = t.ToUniversalTime();
            q = q.Where(s => s.SoldAt < tu);
        }

        if (request.Agent is { } agent)
        {
            q = q.Where(s => s.SellerUserId == agent);
        }

        if (request.AssignedTo is { } assigned)
        {
            q = q.Where(s => s.AssignedToUserId == assigned);
        }

        if (request.Unassigned == true)
        {
            q = q.Where(s => s.AssignedToUserId == null);
        }

        if (request.MinAgeDays is { } days and > 0)
        {
            var before = now.AddDays(-days);
            q = q.Where(s => s.SoldAt <= before);
        }

        if (request.FollowUpDue == true)
        {
            q = q.Where(s => s.FollowUpAt != null && s.FollowUpAt <= now);
        }

        if (request.OpenOnly == true || request.FollowUpDue == true)
        {
            q = q.Where(s => !Closed.Contains(s.State));
        }

        if (opId is not { } id)
        {
            return new SheetQuery(q, null, null);
        }

        // An operation's sheet holds its own sales and those routed to it as back office.
        return new SheetQuery(
            q.Where(s => s.OperationId == id || s.BackOfficeOperationId == id),
            q.Where(s => s.OperationId == id),
            // "OperationId differs from the back office" (which is the cell here) rather than "OperationId <> @cell": the same rows,
            // but SQLite (with statistics) would answer "<> @cell" by skip-scanning the indexes led by OperationId.
            q.Where(s => s.BackOfficeOperationId == id && s.OperationId != s.BackOfficeOperationId));
    }

    private async Task<Page<SaleRow>> RowsAsync(AppDbContext db, Page<Sale> page, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var customers = await CustomerFacts.NamesAsync(db, page.Items.Select(s => s.CustomerId).ToList(), ct);
        var userIds = page.Items.SelectMany(s => new[] { s.SellerUserId, s.AssignedToUserId }).OfType<Guid>().Distinct().ToArray();
        var users = await db.Users.Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var opIds = page.Items.Select(s => s.OperationId).Distinct().ToArray();
        var ops = await SaleUnits.OperationCodesAsync(db, opIds, ct);
        return page.Map(s => new SaleRow(
            s.Id, ops.GetValueOrDefault(s.OperationId, ""), s.Kind, s.Line, s.WorkOrder, s.State, s.SoldAt, s.StateChangedAt,
            s.CustomerId, customers.GetValueOrDefault(s.CustomerId, "—"), s.AccountNumber, s.LineNumber,
            s.SellerUserId, s.SellerUserId is { } x ? users.GetValueOrDefault(x) : null,
            s.AssignedToUserId, s.AssignedToUserId is { } y ? users.GetValueOrDefault(y) : null,
            s.FollowUpAt, s.FollowUpAt is { } fu && fu <= now && !SaleWorkflow.IsClosed(s.State), s.AccountMarking,
            s.MonthlyValue, s.OneOffValue, s.Currency, s.ChecklistVersion, s.Version));
    }
}
