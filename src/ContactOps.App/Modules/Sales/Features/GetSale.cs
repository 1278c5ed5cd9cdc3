using ContactOps.Modules.Customers.Contracts;
using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using ContactOps.Platform.Tenancy;
using ContactOps.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Sales.Features;

public sealed record SaleProductView(string TariffCode, string Description, int Quantity, decimal MonthlyValue, decimal OneOffValue, bool NeedsTechnicianVisit);

public sealed record SaleStepView(int Sequence, string StepCode, string StepName, int StepOrder, StepResult Result, string? Evidence, string UserName, DateTimeOffset At);

public sealed record SaleStateChangeView(SaleState From, SaleState To, string? Reason, string UserName, DateTimeOffset At);

/// <summary>One checklist step as it stands on this sale: whether it applies, its last result and whether it may be recorded now.</summary>
public sealed record SaleChecklistStepView(int Order, string Code, string Name, string? Evidence, bool EvidenceRequired, SaleState? Unlocks, bool OpenWorkOrderOnly, bool Applies, StepResult? LastResult, string? LastEvidence, bool CanRecord);

public sealed record SaleDetail(
    Guid Id, Guid ClientId, Guid OperationId, string OperationCode, Guid CustomerId, string CustomerName, Guid? InteractionId, SaleOrigin Origin,
    SaleLine Line, SaleKind Kind, WorkOrder WorkOrder, SaleState State, string StateName, string? StateReason, DateTimeOffset StateChangedAt, DateTimeOffset SoldAt,
    Guid? SellerUserId, string? SellerName, string? SellerLogin, string? CallId, string? Extension,
    string? AccountNumber, string? LineNumber, string? DonorOperator, decimal MonthlyValue, decimal OneOffValue, string Currency,
    Guid? ChecklistId, int? ChecklistVersion, string? ChecklistName, Guid? AssignedToUserId, string? AssignedToName, DateTimeOffset? AssignedAt,
    DateTimeOffset? FollowUpAt, string? AccountMarking, DateTimeOffset? MarkedAt, string? Notes, int Version,
    IReadOnlyList<SaleProductView> Products, IReadOnlyList<SaleChecklistStepView> Checklist, IReadOnlyList<SaleStepView> Steps,
    IReadOnlyList<SaleStateChangeView> History, IReadOnlyList<SaleState> NextStates,
    Guid? BackOfficeOperationId = null, string? BackOfficeOperationCode = null);

/// <summary>A sale with its products, its checklist as it stands, the steps recorded and the state history.</summary>
public sealed class GetSale(IDbContextFactory<AppDbContext> dbs)
{
    public async Task<Result<SaleDetail>> HandleAsync(Guid id, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await LoadAsync(db, id, ct);
    }

    internal static async Task<Result<SaleDetail>> LoadAsync(AppDbContext db, Guid id, CancellationToken ct)
    {
        var sale = await db.Sales.AsNoTracking().Include(s => s.Products).FirstOrDefaultAsync(s => s.Id == id, ct);
        if (sale is null)
        {
            return Error.NotFound("sale.not_found");
        }

        ChecklistDefinition? checklist = null;
        if (sale.ChecklistId is { } cid)
        {
            checklist = await SaleUnits.ChecklistOfSaleAsync(db, cid, ct);
        }

        var steps = await db.SaleSteps.AsNoTracking().Where(s => s.SaleId == id).OrderBy(s => s.Sequence).ToListAsync(ct);
        var history = await db.SaleStateChanges.AsNoTracking().Where(s => s.SaleId == id).OrderBy(s => s.At).ToListAsync(ct);
        var opCodes = await SaleUnits.OperationCodesAsync(db, new[] { sale.OperationId, sale.BackOfficeOperationId ?? sale.OperationId }, ct);
        var opCode = opCodes.GetValueOrDefault(sale.OperationId, "");
        var customer = await CustomerFacts.FindAsync(db, sale.CustomerId, ct);
        var userIds = new[] { sale.SellerUserId, sale.AssignedToUserId }.OfType<Guid>().ToArray();
        var names = await db.Users.Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);

        var items = new List<SaleChecklistStepView>();
        if (checklist is not null)
        {
            var applicable = SaleWorkflow.Applicable(checklist, sale);
            var latest = SaleWorkflow.Latest(steps);
            var closed = SaleWorkflow.IsClosed(sale.State);
            foreach (var item in checklist.Items.OrderBy(i => i.Order))
            {
                var applies = applicable.Contains(item);
                latest.TryGetValue(item.Code, out var last);
                var canRecord = applies && !closed && applicable.Where(i => i.Order < item.Order).All(i => SaleWorkflow.IsOk(latest, i.Code));
                items.Add(new SaleChecklistStepView(item.Order, item.Code, item.Name, item.Evidence, item.EvidenceRequired, item.Unlocks, item.OpenWorkOrderOnly,
                    applies, last?.Result, last?.Evidence, canRecord));
            }
        }

        return new SaleDetail(
            sale.Id, sale.ClientId, sale.OperationId, opCode, sale.CustomerId, customer?.FullName ?? "—", sale.InteractionId, sale.Origin,
            sale.Line, sale.Kind, sale.WorkOrder, sale.State, SaleWorkflow.Spanish(sale.State), sale.StateReason, sale.StateChangedAt, sale.SoldAt,
            sale.SellerUserId, sale.SellerUserId is { } s && names.TryGetValue(s, out var sn) ? sn : null, sale.SellerLogin, sale.CallId, sale.Extension,
            sale.AccountNumber, sale.LineNumber, sale.DonorOperator, sale.MonthlyValue, sale.OneOffValue, sale.Currency,
            sale.ChecklistId, sale.ChecklistVersion, checklist?.Name, sale.AssignedToUserId,
            sale.AssignedToUserId is { } a && names.TryGetValue(a, out var an) ? an : null, sale.AssignedAt,
            sale.FollowUpAt, sale.AccountMarking, sale.MarkedAt, sale.Notes, sale.Version,
            sale.Products.Select(p => new SaleProductView(p.TariffCode, p.Description, p.Quantity, p.MonthlyValue, p.OneOffValue, p.NeedsTechnicianVisit)).ToList(),
            items,
            steps.Select(x => new SaleStepView(x.Sequence, x.StepCode, x.StepName, x.StepOrder, x.Result, x.Evidence, x.UserName, x.At)).ToList(),
            history.Select(h => new SaleStateChangeView(h.From, h.To, h.Reason, h.UserName, h.At)).ToList(),
            SaleWorkflow.NextStates(sale.State),
            sale.BackOfficeOperationId,
            sale.BackOfficeOperationId is { } bo ? opCodes.GetValueOrDefault(bo) : null);
    }

    /// <summary>Maps a use case's outcome to the sale as it is now (what the back-office endpoints answer).</summary>
    internal static async Task<Result<SaleDetail>> AfterAsync(AppDbContext db, Result outcome, Guid id, CancellationToken ct) =>
        outcome.IsSuccess ? await LoadAsync(db, id, ct) : outcome.Error!;
}
