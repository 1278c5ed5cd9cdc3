using ContactOps.Modules.Customers.Contracts;
using ContactOps.Modules.Sales.Features;
using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Sales.Features;

/// <summary>One state of the delivery history.</summary>
public sealed record DeliveryEventView(DeliveryState State, string StateName, string CarrierState, DateTimeOffset At, DeliverySource Source, Guid? BatchId, string? Guide, string? Note, string UserName);

/// <summary>A device sale as the device back office works it: the sale, the three forms and the delivery history.</summary>
public sealed record DeviceSaleView(
    Guid SaleId,
    int Version,
    SaleState State,
    string StateName,
    DateTimeOffset SoldAt,
    Guid CustomerId,
    string? CustomerName,
    string? CustomerDocument,
    string? CustomerAddress,
    string? Device,
    string? SellerLogin,
    DeviceConfirmationView? Confirmation,
    CreditCheckView? Credit,
    ReservationView? Reservation,
    DeliveryState? DeliveryState,
    string? CarrierState,
    DateTimeOffset? LastNewsAt,
    int? DaysWithoutNews,
    bool Stale,
    int StaleAfterDays,
    bool HasCallRecording,
    IReadOnlyList<DeliveryEventView> Deliveries,
    IReadOnlyList<SaleState> NextStates);

public sealed record DeviceConfirmationView(bool DeviceConfirmed, string? Device, bool AddressConfirmed, string? OriginalAddress, string? CorrectedAddress, string? Recording, string? Notes, string? By, DateTimeOffset At);

public sealed record CreditCheckView(CreditResult Result, decimal? ApprovedQuota, string? Currency, string? Conditions, string? Recording, string? By, DateTimeOffset At);

public sealed record ReservationView(
    string ReservationNumber, string? Material, string? DeliveryAddress, string? ReceiverName, string? ReceiverDocumentType, string? ReceiverDocument,
    IReadOnlyList<string> Phones, string? StockReference, string? By, DateTimeOffset At);

/// <summary>Reads a device sale for the device back office (404 when the caller does not see it).</summary>
public sealed class GetDeviceSale(IDbContextFactory<AppDbContext> dbs, AccessScope scope, TimeProvider time)
{
    public async Task<Result<DeviceSaleView>> HandleAsync(Guid saleId, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await ReadAsync(db, scope, time.GetUtcNow(), saleId, ct);
    }

    internal static async Task<Result<DeviceSaleView>> AfterAsync(AppDbContext db, AccessScope scope, TimeProvider time, Result saved, Guid saleId, CancellationToken ct)
    {
        if (!saved.IsSuccess)
        {
            return saved.Error!;
        }

        db.ChangeTracker.Clear();
        return await ReadAsync(db, scope, time.GetUtcNow(), saleId, ct);
    }

    internal static async Task<Result<DeviceSaleView>> ReadAsync(AppDbContext db, AccessScope scope, DateTimeOffset now, Guid saleId, CancellationToken ct)
    {
        var sale = await db.Sales.AsNoTracking().Include(s => s.Products).FirstOrDefaultAsync(s => s.Id == saleId, ct);
        if (sale is null)
        {
            return Error.NotFound("sale.not_found");
        }

        if (sale.Kind != SaleKind.DeviceOnCredit)
        {
            return DeviceUnits.NotDeviceSale;
        }

        var f = await db.DeviceFulfilments.AsNoTracking().FirstOrDefaultAsync(x => x.SaleId == saleId, ct);
        var events = await db.DeliveryEvents.AsNoTracking().Where(e => e.SaleId == saleId).OrderBy(e => e.At).ThenBy(e => e.Id).ToListAsync(ct);
        var customer = await CustomerFacts.FindAsync(db, sale.CustomerId, ct);
        var document = f?.CustomerDocument ?? (await CustomerDocuments.NumbersAsync(db, [sale.CustomerId], ct)).GetValueOrDefault(sale.CustomerId);
        var address = await CustomerFacts.AddressAsync(db, sale.CustomerId, ct);
        var staleDays = await ManageDeviceSettings.StaleAfterDaysAsync(db, sale.BackOfficeOperationId ?? sale.OperationId, ct);
        var hasRecording = await db.SaleAttachments.AnyAsync(a => a.SaleId == saleId && a.Kind == SaleAttachmentKind.CallRecording, ct);
        var (days, stale) = Staleness(sale.State, f, now, staleDays);
        return new DeviceSaleView(
            sale.Id, sale.Version, sale.State, SaleWorkflow.Spanish(sale.State), sale.SoldAt, sale.CustomerId, customer?.FullName, document, address,
            sale.Products.FirstOrDefault()?.Description, sale.SellerLogin,
            f?.ConfirmedAt is { } confirmedAt
                ? new DeviceConfirmationView(f.DeviceConfirmed, f.ConfirmedDevice, f.AddressConfirmed, f.OriginalAddress, f.CorrectedAddress, f.ConfirmationRecording, f.ConfirmationNotes, f.ConfirmedBy, confirmedAt)
                : null,
            f?.CreditCheckedAt is { } creditAt && f.CreditResult is { } credit
                ? new CreditCheckView(credit, f.ApprovedQuota, f.Currency, f.CreditConditions, f.CreditRecording, f.CreditCheckedBy, creditAt)
                : null,
            f?.ReservationNumber is { } number
                ? new ReservationView(number, f.Material, f.DeliveryAddress, f.ReceiverName, f.ReceiverDocumentType, f.ReceiverDocument,
                    (f.Phones ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries), f.StockReference, f.ReservedBy, f.ReservedAt!.Value)
                : null,
            f?.DeliveryState, f?.CarrierState, f?.LastNewsAt, days, stale, staleDays, hasRecording,
            events.Select(e => new DeliveryEventView(e.State, DeliveryStates.Spanish(e.State), e.CarrierState, e.At, e.Source, e.BatchId, e.Guide, e.Note, e.UserName)).ToList(),
            scope.HasRoleOnSale(sale, SaleRoles.Work) ? SaleWorkflow.NextStates(sale.State) : []);
    }

    /// <summary>Whole days since the last news of a reserved, undelivered device, and whether that reaches the operation's limit.</summary>
    internal static (int? Days, bool Stale) Staleness(SaleState state, DeviceFulfilment? f, DateTimeOffset now, int staleAfterDays)
    {
        if (f?.LastNewsAt is not { } last || state != SaleState.Reserved || f.DeliveryState == DeliveryState.Delivered)
        {
            return (null, false);
        }

        var days = (int)Math.Floor((now - last).TotalDays);
        return (days, days >= staleAfterDays);
    }
}
