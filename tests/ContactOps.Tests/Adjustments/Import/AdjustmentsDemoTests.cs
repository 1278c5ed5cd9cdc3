using ContactOps.Modules.Adjustments;
using ContactOps.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ContactOps.Tests.Adjustments.Import.AdjustmentsImportKit;

namespace ContactOps.Tests.Adjustments.Import;

/// <summary>The demo adjustments base of adjustments-cell: four weekly cuts loaded by the importer's rules.</summary>
public sealed class AdjustmentsDemoTests
{
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task The_demo_cell_has_four_weekly_cuts_consistent_with_their_history(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await WithDbAsync(app, async (db, op) =>
        {
            var cuts = await db.AdjustmentCuts.Where(c => c.OperationId == op).OrderBy(c => c.Cutoff).ToListAsync();
            Assert.Equal(4, cuts.Count);
            Assert.All(cuts.Zip(cuts.Skip(1)), p => Assert.Equal(7, p.Second.Cutoff.DayNumber - p.First.Cutoff.DayNumber));
            Assert.Equal(60, cuts.Sum(c => c.Created));

            var adjustments = await db.Adjustments.Where(a => a.OperationId == op).ToListAsync();
            Assert.Equal(60, adjustments.Count);
            Assert.Contains(adjustments, a => a.Approval == CarrierApproval.Approved && a.FilingNumber != null && a.Amount > 0 && a.State == AdjustmentState.ToInform);
            Assert.Contains(adjustments, a => a.Approval == CarrierApproval.Rejected && a.RejectionReason != null && a.State == AdjustmentState.RejectedToReview && a.RejectedCutoff != null);
            Assert.Contains(adjustments, a => a.Approval == CarrierApproval.Pending && a.State == AdjustmentState.ToVerify);
            Assert.Contains(adjustments, a => a.AgentLogin == "agent.adjustments-cell" && a.RejectedCutoff != null);
            Assert.True(adjustments.Select(a => a.AgentLogin).Distinct().Count() >= 8);
            Assert.True(adjustments.Select(a => a.CauseLetter).Distinct().Count() >= 10);

            // Every adjustment has one history row per cut it appeared in, and the latest row matches its carrier values.
            var records = await db.AdjustmentCutRecords.Where(r => r.OperationId == op).ToListAsync();
            Assert.Equal(cuts.Sum(c => c.Rows), records.Count);
            foreach (var a in adjustments)
            {
                var latest = records.Where(r => r.AdjustmentId == a.Id).MaxBy(r => r.Cutoff)!;
                Assert.Equal((a.LastCutoff, a.Approval, a.Amount, a.AgentLogin), (latest.Cutoff, latest.Approval, latest.Amount, latest.AgentLogin));
            }

            var created = await db.AdjustmentSteps.Where(s => s.OperationId == op && s.Action == AdjustmentAction.Imported && s.FromState == AdjustmentState.ToVerify)
                .Select(s => s.AdjustmentId).Distinct().CountAsync();
            Assert.Equal(60, created);
            return 0;
        });
    }
}
