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

        var ordered = query.Value!.OrderByDescending(s => s.SoldAt).ThenBy(s => s.Id);
        var page = limit is { } cap ? await ordered.ToPageAsync(paging.Value, cap, ct) : await ordered.ToPageAsync(paging.Value, ct);
        return await RowsAsync(db, page, ct);
    }

    /// <summary>How many open sales of the operation have their follow-up due now.</summary>
    public async Task<Result<int>> DueFollowUpsAsync(string? operation, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var query = await FilterAsync(db, new SaleListRequest(operation, FollowUpDue: true, OpenOnly: true), ct);
        return query.IsSuccess ? await query.Value!.CountAsync(ct) : query.Error!;
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

        var sales = await query.Value!.OrderByDescending(s => s.SoldAt).ThenBy(s => s.Id).Take(100_000).ToListAsync(ct);
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

    private async Task<Result<IQueryable<Sale>>> FilterAsync(AppDbContext db, SaleListRequest request, CancellationToken ct)
    {
        IQueryable<Sale> q = db.Sales.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(request.Operation))
        {
            var op = await SaleUnits.OperationAsync(db, request.Operation, scope, ct);
            if (!op.IsSuccess)
            {
                return op.Error!;
            }

            var opId = op.Value!.Id;
            // An operation's sheet holds its own sales and those routed to it as back office.
            q = q.Where(s => s.OperationId == opId || s.BackOfficeOperationId == opId);
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

        return Result<IQueryable<Sale>>.Success(q);
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
