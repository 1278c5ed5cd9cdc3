using ContactOps.Modules.Organization;
using ContactOps.Modules.Sales;
using ContactOps.Platform.Auth;
using ContactOps.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Demo;

/// <summary>
/// Demo data of the sales sheet: the six procedures of PROCEDURES §2 as checklists (version 1) for the sales cell and
/// premium sales, and a few sales of the sales cell in various states, worked through the real state machine.
/// </summary>
internal static class DemoSales
{
    public static async Task SeedAsync(AppDbContext db, IReadOnlyDictionary<string, Operation> ops, Client co, DateTimeOffset now, CancellationToken ct)
    {
        foreach (var code in new[] { "sales-cell", "premium-sales" })
        {
            db.SaleChecklists.AddRange(ChecklistSeeds.For(ops[code].ClientId, ops[code].Id));
        }

        await db.SaveChangesAsync(ct);

        var cell = ops["sales-cell"];
        var checklists = await db.SaleChecklists.Include(c => c.Items).Where(c => c.OperationId == cell.Id).ToDictionaryAsync(c => c.Kind, ct);
        var agent = await db.Users.FirstAsync(u => u.UserName == DemoSeeder.UserNameFor(Role.Agent, cell.Code), ct);
        var backOffice = await db.Users.FirstAsync(u => u.UserName == DemoSeeder.UserNameFor(Role.BackOffice, cell.Code), ct);
        var customers = await db.Customers.Where(c => c.ClientId == co.Id).OrderBy(c => c.DocumentNumber).Skip(1).Take(8).Select(c => c.Id).ToListAsync(ct);

        // (kind, days ago, steps to record OK, final explicit state, reason, follow-up in hours)
        var plans = new (SaleKind Kind, int DaysAgo, int Steps, SaleState? Then, string? Reason, int? FollowUpHours)[]
        {
            (SaleKind.HomeNewService, 0, 0, null, null, null),
            (SaleKind.MobilePortability, 1, 3, null, null, null),
            (SaleKind.HomeUpgrade, 2, 4, null, null, -2),
            (SaleKind.MobileNewLine, 3, 5, null, null, 20),
            (SaleKind.DeviceOnCredit, 4, 6, null, null, null),
            (SaleKind.MobileMigration, 6, 6, SaleState.Legalized, null, null),
            (SaleKind.HomeBundle, 5, 1, SaleState.Rejected, "Estudio de crédito negativo", null),
            (SaleKind.MobilePortability, 7, 2, SaleState.Cancelled, "El cliente desistió de la portación", null),
        };
        for (var i = 0; i < plans.Length && i < customers.Count; i++)
        {
            var plan = plans[i];
            var soldAt = now.AddDays(-plan.DaysAgo).AddHours(-3 - i);
            var sale = new Sale(cell.ClientId, cell.Id, customers[i], plan.Kind, soldAt, co.Currency, SaleOrigin.CustomerPage)
            {
                SellerUserId = agent.Id,
                SellerLogin = "ag" + (1001 + i).ToString(System.Globalization.CultureInfo.InvariantCulture),
                CallId = "DEMO-" + (5000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture),
                Extension = (3100 + i).ToString(System.Globalization.CultureInfo.InvariantCulture),
            };
            switch (SaleKinds.LineOf(plan.Kind))
            {
                case SaleLine.Home:
                    sale.AccountNumber = "8" + (10_000_000 + i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    sale.AddProduct("HOG-INT300", "Internet 300 Mbps", 1, 95_000m, 0m, plan.Kind is SaleKind.HomeNewService or SaleKind.HomeUpgrade);
                    break;
                case SaleLine.Mobile:
                    sale.LineNumber = "+57310555" + (1000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    sale.DonorOperator = plan.Kind == SaleKind.MobilePortability ? "Operador Donante S.A." : null;
                    sale.AddProduct("MOV-POS45", "Plan pospago 45 GB", 1, 55_900m, 0m, false);
                    break;
                default:
                    sale.AddProduct("TYT-A15", "Smartphone A15 a 24 cuotas", 1, 38_000m, 0m, false);
                    break;
            }

            var checklist = checklists[plan.Kind];
            sale.ChecklistId = checklist.Id;
            sale.ChecklistVersion = checklist.Version;
            db.Sales.Add(sale);
            var steps = new List<SaleStep>();
            var at = soldAt.AddMinutes(30);
            foreach (var item in SaleWorkflow.Applicable(checklist, sale).Take(plan.Steps))
            {
                var step = SaleWorkflow.RecordStep(sale, checklist, steps, item.Code, StepResult.Ok, item.Evidence is null ? null : "Demo: " + item.Evidence, backOffice.Id, backOffice.DisplayName, at, out var change);
                steps.Add(step.Value!);
                db.SaleSteps.Add(step.Value!);
                if (change is not null)
                {
                    db.SaleStateChanges.Add(change);
                }

                at = at.AddMinutes(20);
            }

            if (plan.Then is { } then)
            {
                var change = SaleWorkflow.Transition(sale, checklist, steps, then, plan.Reason, backOffice.Id, backOffice.DisplayName, at);
                db.SaleStateChanges.Add(change.IsSuccess ? change.Value! : throw new InvalidOperationException(change.Error!.Message));
            }

            if (plan.Steps > 0)
            {
                sale.AssignedToUserId = backOffice.Id;
                sale.AssignedAt = soldAt.AddMinutes(25);
            }

            if (plan.FollowUpHours is { } hours)
            {
                sale.FollowUpAt = now.AddHours(hours);
            }
        }

        await db.SaveChangesAsync(ct);
    }
}
