using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Sales.Features;

/// <summary>A checklist step done on a sale. <see cref="Version"/> is the sale version the caller saw.</summary>
public sealed record RecordSaleStepRequest(string? StepCode, StepResult? Result, string? Evidence, int? Version);

/// <summary>
/// Records a step (who, when, result, evidence). Refused when an earlier step is not OK, when the evidence the step
/// requires is missing, or when someone else changed the sale meanwhile. A step that completes what a state needs
/// moves the sale there.
/// </summary>
public sealed class RecordSaleStep(IDbContextFactory<AppDbContext> dbs, AccessScope scope, TimeProvider time)
{
    public async Task<Result<SaleDetail>> HandleAsync(Guid saleId, RecordSaleStepRequest request, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var loaded = await SaleUnits.LoadForWorkAsync(db, scope, saleId, request.Version, ct);
        if (!loaded.IsSuccess)
        {
            return loaded.Error!;
        }

        var unit = loaded.Value!;
        if (string.IsNullOrWhiteSpace(request.StepCode))
        {
            return Error.Invalid("stepCode", "sale.step_required");
        }

        if (request.Result is not { } result || !Enum.IsDefined(result))
        {
            return Error.Invalid("result", "sale.result_required");
        }

        var now = time.GetUtcNow();
        var checklist = unit.Checklist;
        if (checklist is null)
        {
            // A sale registered before its operation had a checklist starts with the current version.
            checklist = await SaleUnits.CurrentChecklistAsync(db, unit.Sale.BackOfficeOperationId ?? unit.Sale.OperationId, unit.Sale.Kind, ct);
            unit.Sale.ChecklistId = checklist?.Id;
            unit.Sale.ChecklistVersion = checklist?.Version;
        }

        var step = SaleWorkflow.RecordStep(unit.Sale, checklist, unit.Steps, request.StepCode, result, request.Evidence, scope.UserId, scope.UserName, now, out var change);
        if (!step.IsSuccess)
        {
            return step.Error!;
        }

        db.SaleSteps.Add(step.Value!);
        if (change is not null)
        {
            db.SaleStateChanges.Add(change);
        }

        SaleUnits.ClaimIfFree(unit, scope, now);
        return await GetSale.AfterAsync(db, await SaleUnits.SaveAsync(unit, ct), saleId, ct);
    }
}
