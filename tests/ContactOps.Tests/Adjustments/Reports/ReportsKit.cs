using ContactOps.Modules.Adjustments;
using ContactOps.Platform.Data;
using ContactOps.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContactOps.Tests.Adjustments.Reports;

/// <summary>
/// A hand-built adjustments base for adjustments-cell in March 2031 (years away from any demo cut). Cuts: Tue 4 and Thu 6
/// March (ISO week 2031-W10), Tue 11 March (W11), Tue 18 March (W12). Records (key = escalation ref; login; cause; what each cut said):
/// zz.ana     A1 A rej 03-04 «Sin soporte» · A2 A rej 03-04 «Sin soporte» · A3 D rej 03-04 «Causal errada» · A4 A appr 03-11 · A5 A pend 03-11
/// zz.beto    B1 B rej 03-06 «Sin soporte» · B2 B rej 03-06 «Valor errado» · B3 C rej 03-06 «Valor errado» · B4 C appr 03-06 · B5 C rej 03-18 «Sin soporte»
/// zz.carla   C1 A rej 03-04 «Sin soporte» · C2 E rej 03-06 «Fuera de tiempo» · C3 E pend 03-04
/// zz.dora    D1 F rej 03-04 (no reason) · D2 F rej 03-04 (no reason)
/// agent.premium-sales (a real user of another operation)  P1 G rej 03-04 «Sin soporte» · P2 G rej 03-04 then CORRECTED by the cell, appr 03-11 · P3 G pend 03-11
/// zz.eva     E1 H rej 03-06 «Sin soporte» · E2 H appr 03-04
/// zz.fede    F1 A pend 03-06, rej 03-11 «Sin soporte»
/// </summary>
public static class ReportsKit
{
    public const string Op = "adjustments-cell";
    public const string Aps = "agent.premium-sales";
    public static readonly DateOnly Mar04 = new(2031, 3, 4);
    public static readonly DateOnly Mar06 = new(2031, 3, 6);
    public static readonly DateOnly Mar11 = new(2031, 3, 11);
    public static readonly DateOnly Mar18 = new(2031, 3, 18);

    private const CarrierApproval Rej = CarrierApproval.Rejected;
    private const CarrierApproval Appr = CarrierApproval.Approved;
    private const CarrierApproval Pend = CarrierApproval.Pending;

    public static async Task SeedAsync(TestApp app)
    {
        await using var scope = app.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var op = await db.Operations.SingleAsync(o => o.Code == Op);
        var causes = await db.AdjustmentCauses.Where(c => c.OperationId == op.Id).ToDictionaryAsync(c => c.Letter, c => c.Id);
        var now = DateTimeOffset.Parse("2031-03-20T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        var cuts = new Dictionary<DateOnly, AdjustmentCut>();
        foreach (var d in new[] { Mar04, Mar06, Mar11, Mar18 })
        {
            cuts[d] = new AdjustmentCut(op.ClientId, op.Id, d, $"ajustes_{d:yyyy-MM-dd}.xlsx", now, "test");
            db.AdjustmentCuts.Add(cuts[d]);
        }

        var line = 1;
        Adjustment Add(string reference, string login, string cause, params (DateOnly Cut, CarrierApproval Approval, string? Reason)[] seen)
        {
            var first = seen[0].Cut;
            var adj = new Adjustment(op.ClientId, op.Id, Adjustment.KeyFor(reference, "", cause, first), first);
            foreach (var (cut, approval, reason) in seen)
            {
                var v = new AdjustmentCutValues(cut, "ACC-" + reference, reference, approval.ToString(), causes[cause], cause, approval, 150000m, "COP", "RAD-" + reference, first, login, reason);
                adj.ApplyCut(v, now);
                db.AdjustmentCutRecords.Add(new AdjustmentCutRecord(adj, cuts[cut].Id, ++line, v));
            }

            db.Adjustments.Add(adj);
            return adj;
        }

        Add("A1", "zz.ana", "A", (Mar04, Rej, "Sin soporte"));
        Add("A2", "zz.ana", "A", (Mar04, Rej, "Sin soporte"));
        Add("A3", "zz.ana", "D", (Mar04, Rej, "Causal errada"));
        Add("A4", "zz.ana", "A", (Mar11, Appr, null));
        Add("A5", "zz.ana", "A", (Mar11, Pend, null));
        Add("B1", "zz.beto", "B", (Mar06, Rej, "Sin soporte"));
        Add("B2", "zz.beto", "B", (Mar06, Rej, "Valor errado"));
        Add("B3", "zz.beto", "C", (Mar06, Rej, "Valor errado"));
        Add("B4", "zz.beto", "C", (Mar06, Appr, null));
        Add("B5", "zz.beto", "C", (Mar18, Rej, "Sin soporte"));
        Add("C1", "zz.carla", "A", (Mar04, Rej, "Sin soporte"));
        Add("C2", "zz.carla", "E", (Mar06, Rej, "Fuera de tiempo"));
        Add("C3", "zz.carla", "E", (Mar04, Pend, null));
        Add("D1", "zz.dora", "F", (Mar04, Rej, null));
        Add("D2", "zz.dora", "F", (Mar04, Rej, null));
        Add("P1", Aps, "G", (Mar04, Rej, "Sin soporte"));
        var p2 = Add("P2", Aps, "G", (Mar04, Rej, "Sin soporte"));
        p2.Corrected = true; // the cell found the rejection wrong and re-escalated it…
        p2.CorrectedAt = now;
        p2.State = AdjustmentState.ReEscalated;
        p2.ReEscalatedAfterCutoff = Mar04;
        var v2 = new AdjustmentCutValues(Mar11, "ACC-P2", "P2", "Aprobado", causes["G"], "G", Appr, 150000m, "COP", "RAD-P2", Mar04, Aps, null);
        p2.ApplyCut(v2, now); // …and the back office approved it in the next week's cut
        db.AdjustmentCutRecords.Add(new AdjustmentCutRecord(p2, cuts[Mar11].Id, ++line, v2));
        Add("P3", Aps, "G", (Mar11, Pend, null));
        Add("E1", "zz.eva", "H", (Mar06, Rej, "Sin soporte"));
        Add("E2", "zz.eva", "H", (Mar04, Appr, null));
        Add("F1", "zz.fede", "A", (Mar06, Pend, null), (Mar11, Rej, "Sin soporte"));
        await db.SaveChangesAsync();
    }
}
