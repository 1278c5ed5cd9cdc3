using ContactOps.Modules.Sales;

namespace ContactOps.Tests.Sales;

/// <summary>The state machine and checklist rules as pure functions (no database).</summary>
public class SaleWorkflowTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);

    private static (Sale Sale, ChecklistDefinition Checklist, List<SaleStep> Steps) HomeWithVisit()
    {
        var checklist = ChecklistSeeds.Build(Guid.NewGuid(), Guid.NewGuid(), SaleKind.HomeUpgrade);
        var sale = new Sale(checklist.ClientId, checklist.OperationId, Guid.NewGuid(), SaleKind.HomeUpgrade, At, "COP", SaleOrigin.CustomerPage);
        sale.AddProduct("HOG-1", "Upgrade", 1, 10m, 0m, needsTechnicianVisit: true);
        return (sale, checklist, []);
    }

    private static void Ok(Sale sale, ChecklistDefinition checklist, List<SaleStep> steps, string code)
    {
        var r = SaleWorkflow.RecordStep(sale, checklist, steps, code, StepResult.Ok, "ref", null, "prueba", At, out _);
        Assert.True(r.IsSuccess, r.Error?.Message);
        steps.Add(r.Value!);
    }

    [Fact]
    public void Not_installed_needs_a_reason_and_can_be_rescheduled_then_installed()
    {
        var (sale, checklist, steps) = HomeWithVisit();
        foreach (var code in new[] { "SHEET_ENTRY", "FRONT_REVIEW", "CODES_VERIFIED", "VISIT_SCHEDULED" })
        {
            Ok(sale, checklist, steps, code);
        }

        Assert.Equal(SaleState.Scheduled, sale.State);
        var noReason = SaleWorkflow.Transition(sale, checklist, steps, SaleState.NotInstalled, null, null, "prueba", At);
        Assert.Equal("sale.reason_required", noReason.Error!.Code);
        Assert.True(SaleWorkflow.Transition(sale, checklist, steps, SaleState.NotInstalled, "Cliente ausente", null, "prueba", At).IsSuccess);
        Assert.Equal("Cliente ausente", sale.StateReason);
        Assert.True(SaleWorkflow.Transition(sale, checklist, steps, SaleState.Scheduled, null, null, "prueba", At).IsSuccess);
        Assert.Null(sale.StateReason);
        Ok(sale, checklist, steps, "INSTALLED");
        Assert.Equal(SaleState.Installed, sale.State);
    }

    [Fact]
    public void A_closed_work_order_skips_the_visit_and_cannot_be_scheduled()
    {
        var checklist = ChecklistSeeds.Build(Guid.NewGuid(), Guid.NewGuid(), SaleKind.HomeAddOn);
        var sale = new Sale(checklist.ClientId, checklist.OperationId, Guid.NewGuid(), SaleKind.HomeAddOn, At, "COP", SaleOrigin.CustomerPage);
        sale.AddProduct("HOG-DEC", "Decodificador adicional", 1, 5m, 0m, needsTechnicianVisit: false);
        Assert.Equal(WorkOrder.Closed, sale.WorkOrder);
        var steps = new List<SaleStep>();
        Assert.DoesNotContain(SaleWorkflow.Applicable(checklist, sale), i => i.Code == "VISIT_SCHEDULED");
        var visit = SaleWorkflow.RecordStep(sale, checklist, steps, "VISIT_SCHEDULED", StepResult.Ok, "2026-11-30", null, "prueba", At, out _);
        Assert.Equal("sale.step_not_applicable", visit.Error!.Code);
        foreach (var code in new[] { "SHEET_ENTRY", "FRONT_REVIEW", "CODES_VERIFIED" })
        {
            Ok(sale, checklist, steps, code);
        }

        var scheduled = SaleWorkflow.Transition(sale, checklist, steps, SaleState.Scheduled, null, null, "prueba", At);
        Assert.Equal("El procedimiento de esta venta no pasa por «Agendada».", scheduled.Error!.Message);
        Ok(sale, checklist, steps, "INSTALLED");
        Assert.Equal(SaleState.Installed, sale.State);
    }

    [Fact]
    public void Only_the_drawn_transitions_are_allowed()
    {
        Assert.Equal([SaleState.InValidation, SaleState.Rejected, SaleState.Cancelled], SaleWorkflow.NextStates(SaleState.Registered));
        Assert.Equal([SaleState.Legalized], SaleWorkflow.NextStates(SaleState.Installed));
        Assert.Equal([SaleState.Legalized], SaleWorkflow.NextStates(SaleState.Delivered));
        foreach (var closed in new[] { SaleState.Legalized, SaleState.Rejected, SaleState.Cancelled })
        {
            Assert.True(SaleWorkflow.IsClosed(closed));
        }

        // Along the success path a sale only moves forward.
        foreach (var from in Enum.GetValues<SaleState>().Where(s => SaleWorkflow.Rank(s) >= 0))
        {
            foreach (var to in SaleWorkflow.NextStates(from).Where(s => SaleWorkflow.Rank(s) >= 0))
            {
                Assert.True(SaleWorkflow.Rank(to) > SaleWorkflow.Rank(from), $"{from} → {to}");
            }
        }
    }
}
