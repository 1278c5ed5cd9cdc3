using ContactOps.Modules.Customers.Contracts;
using ContactOps.Modules.Sales.Features;
using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using ContactOps.Platform.Tenancy;
using ContactOps.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Sales.Features;

/// <summary>Filters of the device back-office queue: operation (code), sale state, only stale ("sin novedad"), text (reservation or document), page.</summary>
public sealed record DeviceQueueRequest(string? Operation, SaleState? State, bool? Stale, bool? OpenOnly, string? Q, int? Page, int? PageSize);

/// <summary>One row of the queue.</summary>
public sealed record DeviceQueueRow(
    Guid SaleId, DateTimeOffset SoldAt, string? CustomerName, string? Device, SaleState State, string StateName, string? ReservationNumber,
    DeliveryState? DeliveryState, string? CarrierState, DateTimeOffset? LastNewsAt, int? DaysWithoutNews, bool Stale);

public sealed record DeviceQueuePage(string Operation, string TimeZone, int StaleAfterDays, long StaleCount, Page<DeviceQueueRow> Page);

/// <summary>
/// The device back-office queue of an operation: its DeviceOnCredit sales (those it works: its own without back office, or
/// routed to it), newest first, with the reservation and delivery state; a reserved device without news for the operation's
/// N days is flagged "sin novedad hace N días". Filters and paging in SQL.
/// </summary>
public sealed class ListDeviceQueue(IDbContextFactory<AppDbContext> dbs, AccessScope scope, TimeProvider time)
{
    public async Task<Result<DeviceQueuePage>> HandleAsync(DeviceQueueRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var paging = Paging.From(request.Page, request.PageSize);
        if (!paging.IsSuccess)
        {
            return paging.Error!;
        }

        if (request.State is { } s && !Enum.IsDefined(s))
        {
            return Error.Invalid("state", "devices.state_invalid");
        }

        var op = await SaleUnits.OperationAsync(db, request.Operation, scope, ct);
        if (!op.IsSuccess)
        {
            return op.Error!;
        }

        var opId = op.Value!.Id;
        var now = time.GetUtcNow();
        var staleDays = await ManageDeviceSettings.StaleAfterDaysAsync(db, opId, ct);
        var cutoff = now.AddDays(-staleDays);
        var sales = db.Sales.AsNoTracking()
            .Where(x => x.Kind == SaleKind.DeviceOnCredit && ((x.OperationId == opId && x.BackOfficeOperationId == null) || x.BackOfficeOperationId == opId));
        var staleQuery = sales.Where(x => x.State == SaleState.Reserved
            && db.DeviceFulfilments.Any(f => f.SaleId == x.Id && f.LastNewsAt <= cutoff && f.DeliveryState != DeliveryState.Delivered));
        var staleCount = await staleQuery.LongCountAsync(ct);
        var query = request.Stale == true ? staleQuery : sales;
        if (request.State is { } state)
        {
            query = query.Where(x => x.State == state);
        }

        if (request.OpenOnly == true)
        {
            query = query.Where(x => x.State != SaleState.Legalized && x.State != SaleState.Cancelled && x.State != SaleState.Rejected);
        }

        if (DeviceUnits.Clean(request.Q) is { } q)
        {
            var number = DeviceUnits.NormalizeReservation(q);
            var document = CustomerDocuments.Normalize(q);
            query = query.Where(x => db.DeviceFulfilments.Any(f => f.SaleId == x.Id && (f.ReservationNumber == number || f.CustomerDocument == document)));
        }

        var page = await query.OrderByDescending(x => x.SoldAt).ThenBy(x => x.Id).Select(x => new { x.Id, x.SoldAt, x.CustomerId, x.State }).ToPageAsync(paging.Value, ct);
        var ids = page.Items.Select(x => x.Id).ToList();
        var fulfilments = await db.DeviceFulfilments.AsNoTracking().Where(f => ids.Contains(f.SaleId)).ToDictionaryAsync(f => f.SaleId, ct);
        var devices = (await db.SaleProducts.AsNoTracking().Where(p => ids.Contains(p.SaleId)).Select(p => new { p.SaleId, p.Description }).ToListAsync(ct))
            .GroupBy(p => p.SaleId).ToDictionary(g => g.Key, g => g.First().Description);
        var names = await CustomerFacts.NamesAsync(db, page.Items.Select(x => x.CustomerId).ToList(), ct);
        var rows = page.Map(x =>
        {
            var f = fulfilments.GetValueOrDefault(x.Id);
            var (days, stale) = GetDeviceSale.Staleness(x.State, f, now, staleDays);
            return new DeviceQueueRow(x.Id, x.SoldAt, names.GetValueOrDefault(x.CustomerId), devices.GetValueOrDefault(x.Id), x.State, SaleWorkflow.Spanish(x.State),
                f?.ReservationNumber, f?.DeliveryState, f?.CarrierState, f?.LastNewsAt, days, stale);
        });
        var zone = await db.Clients.AsNoTracking().Where(c => c.Id == op.Value.ClientId).Select(c => c.TimeZoneId).FirstAsync(ct);
        return new DeviceQueuePage(op.Value.Code, zone, staleDays, staleCount, rows);
    }
}
