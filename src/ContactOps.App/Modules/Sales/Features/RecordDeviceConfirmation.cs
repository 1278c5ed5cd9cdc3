using ContactOps.Platform.Localization;
using ContactOps.Modules.Customers.Contracts;
using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Sales.Features;

/// <summary>
/// The recorded confirmation call: the device confirmed (or not), the delivery address confirmed or corrected, the reference
/// of the recording. <see cref="Address"/> is the address read to the customer (default: the customer's address on file).
/// </summary>
public sealed record RecordDeviceConfirmationRequest(
    int? Version, bool? DeviceConfirmed, string? Device, bool? AddressConfirmed, string? Address, string? CorrectedAddress, string? Recording, string? Notes);

/// <summary>
/// Records the confirmation call (who, when; the original address is kept beside the corrected one). A confirmed device
/// puts the sale "En validación". Refused once the device is reserved.
/// </summary>
public sealed class RecordDeviceConfirmation(IDbContextFactory<AppDbContext> dbs, AccessScope scope, TimeProvider time)
{
    public async Task<Result<DeviceSaleView>> HandleAsync(Guid saleId, RecordDeviceConfirmationRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var loaded = await DeviceUnits.LoadAsync(db, scope, saleId, request.Version, ct);
        if (!loaded.IsSuccess)
        {
            return loaded.Error!;
        }

        var unit = loaded.Value!;
        var f = unit.Fulfilment;
        if (f.ReservationNumber is not null)
        {
            return Error.Conflict("devices.already_reserved#2");
        }

        var address = DeviceUnits.Clean(request.Address) ?? await CustomerFacts.AddressAsync(db, unit.Sale.Sale.CustomerId, ct);
        var corrected = DeviceUnits.Clean(request.CorrectedAddress);
        var fields = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (request.DeviceConfirmed is null)
        {
            fields["deviceConfirmed"] = [Messages.Text("Field.RecordDeviceConfirmation.deviceConfirmed")];
        }

        if (request.AddressConfirmed is null)
        {
            fields["addressConfirmed"] = [Messages.Text("Field.RecordDeviceConfirmation.addressConfirmed")];
        }
        else if (request.AddressConfirmed == false && corrected is null)
        {
            fields["correctedAddress"] = [Messages.Text("Field.RecordDeviceConfirmation.correctedAddress")];
        }

        if (address is null)
        {
            fields["address"] = [Messages.Text("Field.RecordDeviceConfirmation.address")];
        }

        if (DeviceUnits.Clean(request.Recording) is null)
        {
            fields["recording"] = [Messages.Text("Field.RecordDeviceConfirmation.recording")];
        }

        foreach (var (name, value, max) in new[] { ("address", address, 300), ("correctedAddress", corrected, 300), ("device", DeviceUnits.Clean(request.Device), 200), ("recording", DeviceUnits.Clean(request.Recording), 200), ("notes", DeviceUnits.Clean(request.Notes), 400) })
        {
            if (value is { Length: var length } && length > max)
            {
                fields[name] = [Messages.Text("Field.RecordDeviceConfirmation.name", max)];
            }
        }

        if (fields.Count > 0)
        {
            return Error.Validation(fields);
        }

        var now = time.GetUtcNow();
        var device = DeviceUnits.Clean(request.Device) ?? unit.Sale.Sale.Products.FirstOrDefault()?.Description;
        f.RecordConfirmation(request.DeviceConfirmed!.Value, device, address, request.AddressConfirmed!.Value, corrected,
            DeviceUnits.Clean(request.Recording), DeviceUnits.Clean(request.Notes), scope.UserId, scope.UserName, now);
        if (f.IsConfirmed && unit.Sale.Sale.State == SaleState.Registered)
        {
            var moved = DeviceUnits.AdvanceTo(unit, SaleState.InValidation, scope, now);
            if (!moved.IsSuccess)
            {
                return moved.Error!;
            }
        }

        var saved = await DeviceUnits.SaveAsync(unit, scope, now, ct);
        return await GetDeviceSale.AfterAsync(db, scope, time, saved, saleId, ct);
    }
}
