using System.Globalization;
using System.Text.Json;
using ContactOps.Modules.Adjustments;
using ContactOps.Modules.Interactions;
using ContactOps.Platform.Data;
using ContactOps.Platform.Web;
using ContactOps.Tests.Infrastructure;
using ContactOps.Tests.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContactOps.Tests.Adjustments.Workflow;

/// <summary>
/// The adjustments queue's default order is read as two index-ordered halves (dated by PQR due date, then undated) and
/// gives exactly the order of the single sort it replaced, across a page that spans the two; counts stop at a cap.
/// </summary>
public class QueueOrderTests
{
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task The_default_order_pages_through_dated_then_undated_as_the_single_sort_did(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        List<Guid> expected;
        int dated;
        await using (var scope = app.SystemScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var op = await db.Operations.SingleAsync(o => o.Code == "adjustments-cell");

            // Two dated and two undated of our own, whatever the demo holds; one dated pair ties on the due date.
            var due = new DateOnly(2026, 12, 20);
            foreach (var (key, first, pqrDue) in new (string, DateOnly, DateOnly?)[]
                     {
                         ("ZQ-1", new DateOnly(2026, 11, 2), due), ("ZQ-2", new DateOnly(2026, 11, 1), due),
                         ("ZQ-3", new DateOnly(2026, 10, 5), null), ("ZQ-4", new DateOnly(2026, 10, 4), null),
                     })
            {
                db.Adjustments.Add(new Adjustment(op.ClientId, op.Id, key, first) { PqrDueOn = pqrDue });
            }

            await db.SaveChangesAsync();

            // The oracle: the single sort the queue used before, in SQL.
            var all = db.Adjustments.AsNoTracking().Where(a => a.OperationId == op.Id);
            expected = await all.OrderBy(a => a.PqrDueOn == null).ThenBy(a => a.PqrDueOn).ThenBy(a => a.FirstCutoff).ThenBy(a => a.Key).Select(a => a.Id).ToListAsync();
            dated = await all.CountAsync(a => a.PqrDueOn != null);
        }

        Assert.InRange(dated, 2, expected.Count - 2);
        var size = new[] { 3, 4, 5, 7 }.First(s => dated % s != 0); // a page spans the boundary
        var http = await app.ClientForAsync("backoffice.adjustments-cell");
        var seen = new List<Guid>();
        for (var page = 1; ; page++)
        {
            var json = await Demo.JsonAsync(await http.GetAsync($"/api/v1/adjustments?operation=adjustments-cell&pageSize={size}&page={page}"));
            var items = json.GetProperty("page").GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetGuid()).ToList();
            Assert.Equal(expected.Count, json.GetProperty("page").GetProperty("total").GetInt64());
            if (items.Count == 0)
            {
                break;
            }

            seen.AddRange(items);
        }

        Assert.Equal(expected, seen);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task A_capped_count_stops_at_the_cap_and_reads_with_a_plus(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await using var scope = app.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var escalations = db.Escalations.AsNoTracking();
        var total = await escalations.LongCountAsync();
        Assert.True(total >= 2);
        Assert.Equal((total - 1, true), await escalations.CappedCountAsync(CancellationToken.None, cap: (int)total - 1));
        Assert.Equal((total, false), await escalations.CappedCountAsync(CancellationToken.None, cap: (int)total));
        Assert.Equal((0L, false), await escalations.Where(e => e.State == (EscalationState)99).CappedCountAsync(CancellationToken.None));

        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("es-CO");
        try
        {
            Assert.Equal("10.000+", PagingQueries.CountText(10_000, capped: true));
            Assert.Equal("9.999", PagingQueries.CountText(9_999, capped: false));
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }
}
