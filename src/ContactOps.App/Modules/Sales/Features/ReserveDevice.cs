using ContactOps.Platform.Localization;
using ContactOps.Modules.Customers.Contracts;
using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Sales.Features;

/// <summary>
/// The reservation form: material/device, delivery address (default: the confirmed one), the person authorised to receive,
/// their ID (type + number, validated with the platform's document rules), phones (normalised to E.164), the inventory or
/// stock reference and the reservation number (unique in the operation).
/// </summary>
public sealed record ReserveDeviceRequest(
    int? Version,
    string? ReservationNumber,
    string? Material,
    string? DeliveryAddress,
    string? ReceiverName,
    string? ReceiverDocumentType,
    string? ReceiverDocument,
    IReadOnlyList<string>? Phones,
    string? StockReference);

/// <summary>
/// Reserves the device: only after the confirmation call (device confirmed) and an approved credit check (409 otherwise,
/// in Spanish); the sale moves to "Reservada" and the delivery clock starts.
/// </summary>
public sealed class ReserveDevice(IDbContextFactory<AppDbContext> dbs, AccessScope scope, TimeProvider time)
{
    public async Task<Result<DeviceSaleView>> HandleAsync(Guid saleId, ReserveDeviceRequest request, CancellationToken ct)
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
        var sale = unit.Sale.Sale;
        if (f.ReservationNumber is not null)
        {
            return Error.Conflict("devices.already_reserved#3", f.ReservationNumber);
        }

        if (!f.IsConfirmed)
        {
            return Error.Conflict("devices.confirmation_required#2");
        }

        if (f.CreditResult != CreditResult.Approved)
        {
            return Error.Conflict(f.CreditResult == CreditResult.Denied ? "devices.credit_required#denied" : "devices.credit_required");
        }

        if (sale.State != SaleState.Validated)
        {
            return Error.Conflict("devices.not_validated", SaleWorkflow.Spanish(sale.State));
        }

        var country = await db.Clients.AsNoTracking().Where(c => c.Id == sale.ClientId).Select(c => c.Country).FirstAsync(ct);
        var fields = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var number = DeviceUnits.NormalizeReservation(request.ReservationNumber);
        if (number.Length == 0)
        {
            fields["reservationNumber"] = [Messages.Text("Field.ReserveDevice.reservationNumber")];
        }
        else if (number.Length > 40)
        {
            fields["reservationNumber"] = [Messages.Text("Field.ReserveDevice.reservationNumber#2")];
        }

        var material = DeviceUnits.Clean(request.Material) ?? f.ConfirmedDevice;
        Required(fields, "material", material, 200, "Indique el material o equipo reservado.");
        var address = DeviceUnits.Clean(request.DeliveryAddress) ?? f.ConfirmedAddress;
        Required(fields, "deliveryAddress", address, 300, "Escriba la dirección de entrega.");
        var receiver = DeviceUnits.Clean(request.ReceiverName);
        Required(fields, "receiverName", receiver, 160, "Escriba el nombre de la persona autorizada para recibir.");
        var stock = DeviceUnits.Clean(request.StockReference);
        Required(fields, "stockReference", stock, 80, "Escriba la referencia de inventario o stock.");

        NormalizedDocument? document = null;
        var doc = ContactValues.NormalizeDocument(DeviceUnits.Clean(request.ReceiverDocumentType), DeviceUnits.Clean(request.ReceiverDocument), country);
        if (doc.IsSuccess)
        {
            document = doc.Value!;
        }
        else
        {
            fields["receiverDocument"] = [Messages.Text("Field.ReserveDevice.receiverDocument", doc.Error!.Message)];
        }

        var phones = new List<string>();
        var given = (request.Phones ?? []).Where(p => !string.IsNullOrWhiteSpace(p)).ToList();
        if (given.Count == 0)
        {
            fields["phones"] = [Messages.Text("Field.ReserveDevice.phones")];
        }

        foreach (var raw in given)
        {
            var phone = ContactValues.NormalizePhone(raw, country);
            if (!phone.IsSuccess)
            {
                fields["phones"] = [Messages.Text("Field.ReserveDevice.phones#2", raw.Trim(), phone.Error!.Message)];
                break;
            }

            if (!phones.Contains(phone.Value!, StringComparer.Ordinal))
            {
                phones.Add(phone.Value!);
            }
        }

        if (fields.Count > 0)
        {
            return Error.Validation(fields);
        }

        if (await db.DeviceFulfilments.IgnoreQueryFilters().AnyAsync(x => x.WorkOperationId == f.WorkOperationId && x.ReservationNumber == number && x.Id != f.Id, ct))
        {
            return DeviceUnits.ReservationTaken(number);
        }

        var now = time.GetUtcNow();
        f.Reserve(number, material!, address!, receiver!, document!.Type, document.Number, string.Join(',', phones), stock!, scope.UserId, scope.UserName, now);
        var moved = DeviceUnits.AdvanceTo(unit, SaleState.Reserved, scope, now);
        if (!moved.IsSuccess)
        {
            return moved.Error!;
        }

        var saved = await DeviceUnits.SaveAsync(unit, scope, now, ct);
        return await GetDeviceSale.AfterAsync(db, scope, time, saved, saleId, ct);
    }

    private static void Required(Dictionary<string, string[]> fields, string name, string? value, int max, string message)
    {
        if (value is null)
        {
            fields[name] = [message];
        }
        else if (value.Length > max)
        {
            fields[name] = [Messages.Text("Field.ReserveDevice.name", max)];
        }
    }
}
