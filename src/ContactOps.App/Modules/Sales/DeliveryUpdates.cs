using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Sales;

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
