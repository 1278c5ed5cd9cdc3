using System.Globalization;
using ContactOps.Modules.Adjustments;
using ContactOps.Modules.Organization;
using ContactOps.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Demo;

/// <summary>
/// Demo adjustments base for adjustments-cell: the carrier's weekly cuts of the last four ISO weeks (the Fridays before
/// the seeding day, client-local), 60 adjustments filed by 10 front agents (among them agent.premium-sales and
/// agent.adjustments-cell, so a demo agent can acknowledge coaching), causes A–M spread, each first seen pending and
/// decided in the next cut (about half approved with filing number and amount, a third rejected with a reason, the rest
/// still pending); the latest cut's new ones are partly decided at once. Built the way the importer builds them —
/// <see cref="Adjustment.ApplyCut"/> for every cut, an <see cref="AdjustmentCutRecord"/> per adjustment and cut, an
/// Imported step per created adjustment and an <see cref="AdjustmentCut"/> summary per cut — so the data is consistent
/// with a real import. Deterministic (fixed seed; dates relative to the seeding time).
/// </summary>
internal static class AdjustmentsDemo
{
    public const int Count = 60;

    /// <summary>Front agents and how often each files (the first ones file more and get more rejections: a visible top 5).</summary>
    private static readonly (string Login, int Weight)[] Agents =
    [
        ("agent.premium-sales", 9), ("agent.adjustments-cell", 8), ("ag.lrojas", 7), ("ag.cmoreno", 6), ("ag.dquispe", 5),
        ("ag.vtorres", 4), ("ag.fdiaz", 4), ("ag.sgomez", 3), ("ag.mcastro", 2), ("ag.jperez", 2),
    ];

    private static readonly string[] Reasons =
    [
        "Sin soporte de pago oportuno", "Causal mal tipificada", "No aplica por política comercial", "Ajuste ya aplicado en factura anterior", "Falta evidencia de la falla",
    ];

    public static async Task SeedAsync(AppDbContext db, Operation op, Client client, DateTimeOffset now, CancellationToken ct)
    {
        var causes = await db.AdjustmentCauses.Where(c => c.OperationId == op.Id).OrderBy(c => c.SortOrder).ThenBy(c => c.Letter).ToListAsync(ct);
        if (causes.Count == 0 || await db.Adjustments.AnyAsync(a => a.OperationId == op.Id, ct))
        {
            return;
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(client.TimeZoneId);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var lastFriday = today.AddDays(-(((int)today.DayOfWeek - (int)DayOfWeek.Friday + 7) % 7));
        var cutoffs = Enumerable.Range(0, 4).Select(i => lastFriday.AddDays(-7 * (3 - i))).ToArray();
        var random = new Random(20261106);
        var totalWeight = Agents.Sum(a => a.Weight);

        // What the carrier says about adjustment i in cut c (null: not in that cut yet).
        var plan = new List<(int FirstCut, int DecidedCut, CarrierApproval Decision, string Account, string? Escalation, AdjustmentCause Cause, string Login, decimal Amount, string Reason, int FilingOffset)>();
        for (var i = 0; i < Count; i++)
        {
            var firstCut = i * cutoffs.Length / Count;
            var pick = random.Next(totalWeight);
            var login = Agents[^1].Login;
            foreach (var (name, weight) in Agents)
            {
                if (pick < weight)
                {
                    login = name;
                    break;
                }

                pick -= weight;
            }

            // The heavier filers are rejected more often (they are who the coaching report is about).
            var agentIndex = Array.FindIndex(Agents, a => a.Login == login);
            var roll = random.Next(100);
            var decision = roll < (agentIndex < 5 ? 40 : 20) ? CarrierApproval.Rejected : roll < 85 ? CarrierApproval.Approved : CarrierApproval.Pending;
            var decidedCut = firstCut == cutoffs.Length - 1 ? (i % 2 == 0 ? firstCut : -1) : firstCut + 1;
            if (decidedCut < 0)
            {
                decision = CarrierApproval.Pending;
            }

            plan.Add((firstCut, decidedCut, decision,
                (81_000_000 + (i * 7919 % 900_000)).ToString(CultureInfo.InvariantCulture),
                i % 6 == 5 ? null : "PQR-" + cutoffs[firstCut].ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "-" + (1000 + i).ToString(CultureInfo.InvariantCulture),
                causes[(i * 5 + random.Next(3)) % causes.Count], login, random.Next(8, 450) * 1_000m + (i % 3 == 0 ? 500m : 0m), Reasons[random.Next(Reasons.Length)], random.Next(1, 5)));
        }

        var adjustments = new Dictionary<int, Adjustment>();
        for (var c = 0; c < cutoffs.Length; c++)
        {
            var cutoff = cutoffs[c];
            var importedAt = new DateTimeOffset(cutoff.ToDateTime(new TimeOnly(9, 30)), zone.GetUtcOffset(cutoff.ToDateTime(new TimeOnly(9, 30)))).ToUniversalTime();
            if (importedAt > now)
            {
                importedAt = now;
            }

            var fileName = "ajustes_" + cutoff.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + ".xlsx";
            var cut = new AdjustmentCut(client.Id, op.Id, cutoff, fileName, importedAt, "Data marshall demo");
            int line = 1, created = 0, updated = 0, unchanged = 0;
            for (var i = 0; i < plan.Count; i++)
            {
                var p = plan[i];
                if (p.FirstCut > c)
                {
                    continue;
                }

                line++;
                var decided = p.DecidedCut >= 0 && c >= p.DecidedCut;
                var approval = decided ? p.Decision : CarrierApproval.Pending;
                var values = new AdjustmentCutValues(
                    cutoff, p.Account, p.Escalation, approval switch
                    {
                        CarrierApproval.Approved => "Aplicado en factura",
                        CarrierApproval.Rejected => "Rechazado por BO",
                        _ => "En estudio",
                    },
                    p.Cause.Id, p.Cause.Letter, approval, approval == CarrierApproval.Rejected ? null : p.Amount, client.Currency,
                    approval == CarrierApproval.Approved ? "RAD-" + (7_300_000 + i).ToString(CultureInfo.InvariantCulture) : null,
                    cutoffs[p.FirstCut].AddDays(-p.FilingOffset), p.Login, approval == CarrierApproval.Rejected ? p.Reason : null);
                if (!adjustments.TryGetValue(i, out var adjustment))
                {
                    var key = Adjustment.KeyFor(values.EscalationRef, values.Account, values.CauseLetter, values.FilingDate);
                    adjustment = new Adjustment(client.Id, op.Id, key, cutoff) { FilingDate = values.FilingDate };
                    adjustment.ApplyCut(values, importedAt);
                    adjustments[i] = adjustment;
                    db.Adjustments.Add(adjustment);
                    db.AdjustmentSteps.Add(new AdjustmentStep(adjustment, AdjustmentAction.Imported, AdjustmentState.ToVerify, adjustment.State, importedAt, null, cut.ImportedBy,
                        string.Format(CultureInfo.InvariantCulture, "Corte {0:yyyy-MM-dd} ({1})", cutoff, fileName)));
                    created++;
                }
                else
                {
                    var before = adjustment.State;
                    var changed = adjustment.ApplyCut(values, importedAt);
                    if (changed || before != adjustment.State)
                    {
                        adjustment.Version = Guid.NewGuid();
                        updated++;
                        if (before != adjustment.State)
                        {
                            db.AdjustmentSteps.Add(new AdjustmentStep(adjustment, AdjustmentAction.Imported, before, adjustment.State, importedAt, null, cut.ImportedBy,
                                string.Format(CultureInfo.InvariantCulture, "Corte {0:yyyy-MM-dd} ({1}): {2}", cutoff, fileName, approval)));
                        }
                    }
                    else
                    {
                        unchanged++;
                    }
                }

                db.AdjustmentCutRecords.Add(new AdjustmentCutRecord(adjustment, cut.Id, line, values));
            }

            cut.Rows = line - 1;
            cut.Created = created;
            cut.Updated = updated;
            cut.Unchanged = unchanged;
            db.AdjustmentCuts.Add(cut);
        }

        await db.SaveChangesAsync(ct);
    }
}
