using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Sales.Devices.Features;

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
            return Error.Conflict("devices.not_reserved", "El equipo aún no está reservado: registre la reserva antes de seguir la entrega.");
        }

        if (request.State is not { } state || !Enum.IsDefined(state))
        {
            return Error.Validation("devices.delivery_state_required", "Indique el estado de la entrega: Pending, InTransit, Delivered, Returned o Failed.", "state");
        }

        var now = time.GetUtcNow();
        var at = request.At?.ToUniversalTime() ?? now;
        if (at > now.AddMinutes(5))
        {
            return Error.Validation("devices.delivery_in_future", "La fecha del estado no puede estar en el futuro.", "at");
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

/// <summary>The one place where a delivery state is applied to a device sale (manual or imported).</summary>
internal static class DeliveryUpdates
{
    /// <summary>
    /// Adds the state to the history unless the same state (same normalised state and carrier words, at the same instant —
    /// or, when the report gives no date, already the latest) is there; updates the current state; a delivered device moves
    /// a reserved sale to Delivered. Returns whether anything changed.
    /// </summary>
    public static Result<bool> Apply(
        AppDbContext db, Sale sale, DeviceFulfilment f, List<DeliveryEvent> events, DeliveryState state, string carrierState, DateTimeOffset at,
        DeliverySource source, Guid? batchId, string? guide, string? note, AccessScope scope, bool dateGiven, DateTimeOffset now)
    {
        var latest = events.OrderBy(e => e.At).ThenBy(e => e.CreatedAt).LastOrDefault();
        var duplicate = dateGiven
            ? events.Any(e => e.State == state && e.At == at && string.Equals(e.CarrierState, carrierState, StringComparison.OrdinalIgnoreCase))
            : latest is not null && latest.State == state && string.Equals(latest.CarrierState, carrierState, StringComparison.OrdinalIgnoreCase);
        if (duplicate)
        {
            return false;
        }

        var isLatest = latest is null || at >= latest.At;
        var added = new DeliveryEvent(f, state, carrierState, at, source, batchId, guide, note, scope.UserName);
        db.DeliveryEvents.Add(added);
        events.Add(added);
        f.ApplyDelivery(state, carrierState, guide, at, isLatest);
        if (state == DeliveryState.Delivered && sale.State == SaleState.Reserved)
        {
            var change = SaleWorkflow.Advance(sale, SaleState.Delivered, scope.UserId, scope.UserName, now);
            if (!change.IsSuccess)
            {
                return change.Error!;
            }

            db.SaleStateChanges.Add(change.Value!);
            sale.FollowUpAt = null;
        }

        return true;
    }
}
