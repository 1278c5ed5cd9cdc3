using ContactOps.Platform.Localization;
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
            return Error.Conflict("devices.already_reserved");
        }

        if (!f.IsConfirmed)
        {
            return Error.Conflict("devices.confirmation_required");
        }

        var fields = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (request.Result is not { } result || !Enum.IsDefined(result))
        {
            fields["result"] = [Messages.Text("Field.RecordCreditCheck.result")];
        }
        else if (result == CreditResult.Approved && request.ApprovedQuota is not > 0)
        {
            fields["approvedQuota"] = [Messages.Text("Field.RecordCreditCheck.approvedQuota")];
        }

        var conditions = DeviceUnits.Clean(request.Conditions);
        if (request.Result == CreditResult.Approved && conditions is null)
        {
            fields["conditions"] = [Messages.Text("Field.RecordCreditCheck.conditions")];
        }

        if (conditions is { Length: > 1000 })
        {
            fields["conditions"] = [Messages.Text("Field.RecordCreditCheck.conditions#2")];
        }

        var recording = DeviceUnits.Clean(request.Recording);
        if (recording is null)
        {
            fields["recording"] = [Messages.Text("Field.RecordCreditCheck.recording")];
        }
        else if (recording.Length > 200)
        {
            fields["recording"] = [Messages.Text("Field.RecordCreditCheck.recording#2")];
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
