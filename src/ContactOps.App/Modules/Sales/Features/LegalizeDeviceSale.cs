using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Sales.Features;

public sealed record LegalizeDeviceSaleRequest(int? Version);

/// <summary>
/// Legalizes a delivered device sale: only once delivered (409 otherwise) and with the call recording attached (the
/// sales sheet's attachments, kind CallRecording; 409 when missing). The sale moves to "Legalizada" through the sales
/// state machine; the month's legalization run (TyT report) keeps the uploaded records.
/// </summary>
public sealed class LegalizeDeviceSale(IDbContextFactory<AppDbContext> dbs, AccessScope scope, TimeProvider time)
{
    public async Task<Result<DeviceSaleView>> HandleAsync(Guid saleId, LegalizeDeviceSaleRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var loaded = await DeviceUnits.LoadAsync(db, scope, saleId, request.Version, ct);
        if (!loaded.IsSuccess)
        {
            return loaded.Error!;
        }

        var unit = loaded.Value!;
        var sale = unit.Sale.Sale;
        if (sale.State != SaleState.Delivered)
        {
            return Error.Conflict("devices.not_delivered", SaleWorkflow.Spanish(sale.State));
        }

        if (!await db.SaleAttachments.AnyAsync(a => a.SaleId == saleId && a.Kind == SaleAttachmentKind.CallRecording, ct))
        {
            return Error.Conflict("devices.recording_required");
        }

        var now = time.GetUtcNow();
        var change = SaleWorkflow.Transition(sale, unit.Sale.Checklist, unit.Sale.Steps, SaleState.Legalized, null, scope.UserId, scope.UserName, now);
        if (!change.IsSuccess)
        {
            return change.Error!;
        }

        db.SaleStateChanges.Add(change.Value!);
        var saved = await DeviceUnits.SaveAsync(unit, scope, now, ct);
        return await GetDeviceSale.AfterAsync(db, scope, time, saved, saleId, ct);
    }
}
