using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Sales.Features;

/// <summary>The recorded credit quota and conditions check: result, approved quota (client's currency), conditions, recording reference.</summary>
public sealed record RecordCreditCheckRequest(int? Version, CreditResult? Result, decimal? ApprovedQuota, string? Conditions, string? Recording);

/// <summary>
/// Records the credit check. Needs the confirmation call with the device confirmed first (409). An approved check puts
/// the sale "Validada". Refused once the device is reserved.
/// </summary>
public sealed class RecordCreditCheck(IDbContextFactory<AppDbContext> dbs, AccessScope scope, TimeProvider time)
{
    public async Task<Result<DeviceSaleView>> HandleAsync(Guid saleId, RecordCreditCheckRequest request, CancellationToken ct)
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
            return Error.Conflict("devices.already_reserved", "El equipo ya está reservado: la verificación de cupo no se puede cambiar.");
        }

        if (!f.IsConfirmed)
        {
            return Error.Conflict("devices.confirmation_required", "Primero registre la llamada de confirmación con el equipo confirmado por el cliente.");
        }

        var fields = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (request.Result is not { } result || !Enum.IsDefined(result))
        {
            fields["result"] = ["Indique el resultado del estudio de cupo: Approved (aprobado) o Denied (negado)."];
        }
        else if (result == CreditResult.Approved && request.ApprovedQuota is not > 0)
        {
            fields["approvedQuota"] = ["Escriba el cupo aprobado (mayor que 0)."];
        }

        var conditions = DeviceUnits.Clean(request.Conditions);
        if (request.Result == CreditResult.Approved && conditions is null)
        {
            fields["conditions"] = ["Escriba las condiciones del crédito (plazo, cuota inicial, tasa…)."];
        }

        if (conditions is { Length: > 1000 })
        {
            fields["conditions"] = ["Las condiciones admiten hasta 1000 caracteres."];
        }

        var recording = DeviceUnits.Clean(request.Recording);
        if (recording is null)
        {
            fields["recording"] = ["Indique la referencia de la grabación donde se leyeron cupo y condiciones."];
        }
        else if (recording.Length > 200)
        {
            fields["recording"] = ["La referencia admite hasta 200 caracteres."];
        }

        if (fields.Count > 0)
        {
            return Error.Validation(fields);
        }

        var now = time.GetUtcNow();
        f.RecordCredit(request.Result!.Value, request.ApprovedQuota, unit.Sale.Sale.Currency, conditions, recording, scope.UserId, scope.UserName, now);
        if (f.CreditResult == CreditResult.Approved && unit.Sale.Sale.State == SaleState.InValidation)
        {
            var moved = DeviceUnits.AdvanceTo(unit, SaleState.Validated, scope, now);
            if (!moved.IsSuccess)
            {
                return moved.Error!;
            }
        }

        var saved = await DeviceUnits.SaveAsync(unit, scope, now, ct);
        return await GetDeviceSale.AfterAsync(db, scope, time, saved, saleId, ct);
    }
}
