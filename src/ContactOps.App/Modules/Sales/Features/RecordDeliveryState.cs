using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Sales.Features;

/// <summary>A delivery state recorded by hand (e.g. the carrier's portal said so on the phone). <see cref="At"/> defaults to now.</summary>
public sealed record RecordDeliveryStateRequest(int? Version, DeliveryState? State, string? CarrierState, DateTimeOffset? At, string? Guide, string? Note);

/// <summary>Records one delivery state by hand; a delivered device moves the sale to "Entregada".</summary>
public sealed class RecordDeliveryState(IDbContextFactory<AppDbContext> dbs, AccessScope scope, TimeProvider time)
{
    public async Task<Result<DeviceSaleView>> HandleAsync(Guid saleId, RecordDeliveryStateRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var loaded = await DeviceUnits.LoadAsync(db, scope, saleId, request.Version, ct);
        if (!loaded.IsSuccess)
        {
            return loaded.Error!;
        }

        var unit = loaded.Value!;
        if (unit.Fulfilment.ReservationNumber is null)
        {
            return Error.Conflict("devices.not_reserved");
        }

        if (request.State is not { } state || !Enum.IsDefined(state))
        {
            return Error.Invalid("state", "devices.delivery_state_required");
        }

        var now = time.GetUtcNow();
        var at = request.At?.ToUniversalTime() ?? now;
        if (at > now.AddMinutes(5))
        {
            return Error.Invalid("at", "devices.delivery_in_future");
        }

        var carrier = DeviceUnits.Clean(request.CarrierState) ?? DeliveryStates.Spanish(state);
        var events = await db.DeliveryEvents.Where(e => e.SaleId == saleId).ToListAsync(ct);
        var applied = DeliveryUpdates.Apply(db, unit.Sale.Sale, unit.Fulfilment, events, state, Truncate(carrier, 120)!, at, DeliverySource.Manual, null,
            Truncate(DeviceUnits.Clean(request.Guide), 80), Truncate(DeviceUnits.Clean(request.Note), 400), scope, dateGiven: true, now);
        if (!applied.IsSuccess)
        {
            return applied.Error!;
        }

        var saved = await DeviceUnits.SaveAsync(unit, scope, now, ct);
        return await GetDeviceSale.AfterAsync(db, scope, time, saved, saleId, ct);
    }

    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(value))]
    private static string? Truncate(string? value, int max) => value is { Length: var l } && l > max ? value[..max] : value;
}
