using System.Globalization;
using ContactOps.Modules.Customers.Contracts;
using ContactOps.Modules.Sales.Features;
using ContactOps.Platform.Data;
using ContactOps.Platform.Files;
using ContactOps.Platform.Results;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Sales;

/// <summary>A device sale loaded for a change: the sale unit of the sales sheet and its device back-office record.</summary>
internal sealed record DeviceUnit(SaleUnit Sale, DeviceFulfilment Fulfilment, bool IsNew)
{
    public AppDbContext Db => Sale.Db;
}

/// <summary>Loading, guarding and saving a device sale for the device back-office use cases (one unit of work each).</summary>
internal static class DeviceUnits
{
    public static Error NotDeviceSale => Error.Conflict("devices.not_device_sale");

    /// <summary>Loads the sale (tenancy, roles, version, assignment checked as the sales sheet does) and its device record, created when missing.</summary>
    public static async Task<Result<DeviceUnit>> LoadAsync(AppDbContext db, AccessScope scope, Guid saleId, int? version, CancellationToken ct)
    {
        var loaded = await SaleUnits.LoadForWorkAsync(db, scope, saleId, version, ct);
        if (!loaded.IsSuccess)
        {
            return loaded.Error!;
        }

        var unit = loaded.Value!;
        if (unit.Sale.Kind != SaleKind.DeviceOnCredit)
        {
            return NotDeviceSale;
        }

        var fulfilment = await db.DeviceFulfilments.FirstOrDefaultAsync(f => f.SaleId == saleId, ct);
        if (fulfilment is not null)
        {
            return new DeviceUnit(unit, fulfilment, false);
        }

        var document = (await CustomerDocuments.NumbersAsync(db, [unit.Sale.CustomerId], ct)).GetValueOrDefault(unit.Sale.CustomerId);
        fulfilment = new DeviceFulfilment(unit.Sale, document);
        db.DeviceFulfilments.Add(fulfilment);
        return new DeviceUnit(unit, fulfilment, true);
    }

    /// <summary>Moves the sale to <paramref name="to"/> when it is not there yet, recording the state change.</summary>
    public static Result AdvanceTo(DeviceUnit unit, SaleState to, AccessScope scope, DateTimeOffset at)
    {
        var sale = unit.Sale.Sale;
        if (sale.State == to)
        {
            return Result.Success();
        }

        var change = SaleWorkflow.Advance(sale, to, scope.UserId, scope.UserName, at);
        if (!change.IsSuccess)
        {
            return change.Error!;
        }

        unit.Db.SaleStateChanges.Add(change.Value!);
        if (to is SaleState.Delivered)
        {
            sale.FollowUpAt = null;
        }

        return Result.Success();
    }

    /// <summary>Saves the unit; a concurrent change answers 409, as does a reservation number taken meanwhile.</summary>
    public static async Task<Result> SaveAsync(DeviceUnit unit, AccessScope scope, DateTimeOffset now, CancellationToken ct)
    {
        SaleUnits.ClaimIfFree(unit.Sale, scope, now);
        try
        {
            return await SaleUnits.SaveAsync(unit.Sale, ct);
        }
        catch (DbUpdateException) when (unit.Fulfilment.ReservationNumber is not null)
        {
            return ReservationTaken(unit.Fulfilment.ReservationNumber);
        }
    }

    public static Error ReservationTaken(string number) => Error.Conflict("devices.reservation_taken", number);

    /// <summary>A reservation number as stored and matched: trimmed, upper case, without inner spaces.</summary>
    public static string NormalizeReservation(string? value) =>
        new((value ?? "").Where(c => !char.IsWhiteSpace(c)).Select(char.ToUpperInvariant).ToArray());

    /// <summary>Trims a text; null when blank.</summary>
    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>The carrier's delivery states in its own words → the normalised <see cref="DeliveryState"/>.</summary>
public static class DeliveryStates
{
    // Checked in order on the normalised text (lower case, no accents, no spaces or punctuation): "no entregado" before "entregado".
    private static readonly (string Key, DeliveryState State)[] Keys =
    [
        ("noentregad", DeliveryState.Failed),
        ("fallid", DeliveryState.Failed),
        ("failed", DeliveryState.Failed),
        ("rechazad", DeliveryState.Failed),
        ("siniestr", DeliveryState.Failed),
        ("direccionerrada", DeliveryState.Failed),
        ("devuelt", DeliveryState.Returned),
        ("devolucion", DeliveryState.Returned),
        ("return", DeliveryState.Returned),
        ("entregad", DeliveryState.Delivered),
        ("entregaexitosa", DeliveryState.Delivered),
        ("delivered", DeliveryState.Delivered),
        ("transito", DeliveryState.InTransit),
        ("transit", DeliveryState.InTransit),
        ("enruta", DeliveryState.InTransit),
        ("reparto", DeliveryState.InTransit),
        ("distribucion", DeliveryState.InTransit),
        ("despachad", DeliveryState.InTransit),
        ("enviad", DeliveryState.InTransit),
        ("pendiente", DeliveryState.Pending),
        ("alistamiento", DeliveryState.Pending),
        ("pordespachar", DeliveryState.Pending),
        ("reservad", DeliveryState.Pending),
        ("pending", DeliveryState.Pending),
    ];

    /// <summary>The normalised state of the carrier's words, or null when they are not recognised.</summary>
    public static DeliveryState? Parse(string? carrierState)
    {
        var key = HeaderNormalizer.Normalize(carrierState);
        if (key.Length == 0)
        {
            return null;
        }

        if (Enum.TryParse<DeliveryState>(key, ignoreCase: true, out var exact) && Enum.IsDefined(exact))
        {
            return exact;
        }

        foreach (var (k, state) in Keys)
        {
            if (key.Contains(k, StringComparison.Ordinal))
            {
                return state;
            }
        }

        return null;
    }

    public static string Spanish(DeliveryState state) => state switch
    {
        DeliveryState.Pending => "Pendiente",
        DeliveryState.InTransit => "En tránsito",
        DeliveryState.Delivered => "Entregado",
        DeliveryState.Returned => "Devuelto",
        _ => "Fallido",
    };
}
