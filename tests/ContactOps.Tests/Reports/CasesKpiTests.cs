using ContactOps.Modules.Interactions;
using ContactOps.Modules.Interactions.Features;
using ContactOps.Modules.Reports.Features;
using ContactOps.Modules.Sales;
using ContactOps.Platform.Reporting;
using ContactOps.Platform.Results;
using ContactOps.Tests.Infrastructure;
using ContactOps.Tests.Interactions;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Tests.Reports;

public class CasesKpiTests
{
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Cases_section_counts_fcr_escalations_and_typification_to_the_sales_sheet(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await using var clocked = ClockedApp.Start(app, Bogota.At(2027, 2, 1, 10));
        var customers = await clocked.DbAsync(db => db.Customers.Join(db.Clients, c => c.ClientId, k => k.Id, (c, k) => new { c.Id, k.Code })
            .Where(x => x.Code == "telco-co").Select(x => x.Id).Take(4).ToListAsync());

        // A solved in first contact, then B (same customer and typology, next day) makes A a second interaction.
        var a = await CloseAsync(clocked, customers[0], new CloseInteractionRequest(Disposition: "INFORMACION", Typology: "PLAN"));
        clocked.Clock.Advance(TimeSpan.FromDays(1));
        var b = await CloseAsync(clocked, customers[0], new CloseInteractionRequest(Disposition: "INFORMACION", Typology: "PLAN"));
        Assert.Contains(a.Interaction.Id, b.MarkedNotSolved);

        // Two sales dispositions; only the first has its sale on the sheet.
        var c = await CloseAsync(clocked, customers[1], new CloseInteractionRequest(Disposition: "VENTA"));
        await CloseAsync(clocked, customers[2], new CloseInteractionRequest(Disposition: "VENTA"));
        await clocked.DbAsync(async db =>
        {
            var op = await db.Operations.SingleAsync(o => o.Code == "premium-sales");
            var sale = new Sale(op.ClientId, op.Id, customers[1], SaleKind.MobileNewLine, clocked.Clock.GetUtcNow(), "COP", SaleOrigin.Interaction) { InteractionId = c.Interaction.Id };
            sale.AddProduct("PLAN-1", "Plan", 1, 50_000m, 0m, false);
            db.Sales.Add(sale);
            return await db.SaveChangesAsync();
        });

        // One escalation (24 business hours), left unanswered until it is overdue.
        await CloseAsync(clocked, customers[3], new CloseInteractionRequest(Disposition: "ESCALADO", Resolution: "Escalated", EscalationType: "ESTUDIO_DOCUMENTO"));
        clocked.Clock.Advance(TimeSpan.FromDays(5));

        var report = await clocked.RunAsync<GetKpiReport, Result<KpiReport>>(h => h.HandleAsync(new KpiReportRequest("premium-sales", "2027-02-01", "2027-02-07"), default));
        Assert.True(report.IsSuccess, report.Error?.Message);
        var cases = report.Value!.Sections.Single(s => s.Key == "cases");
        KpiFigure Figure(string code) => cases.Figures.Single(f => f.Code == code);

        Assert.Equal(5m, Figure("cases").Value);
        var fcr = Figure("fcr");
        Assert.Equal((3L, 4L), (fcr.Numerator!.Value, fcr.Denominator!.Value)); // A, B, C, D closed as solved; A reopened
        Assert.Equal(0.75m, fcr.Value);
        Assert.Equal(0.80m, fcr.Target);
        Assert.False(fcr.MeetsTarget);
        Assert.Equal(1m, Figure("escalations").Value);
        Assert.Equal(1m, Figure("escalationsOverdue").Value);
        Assert.Equal((0L, 1L), (Figure("escalationsOnTime").Numerator!.Value, Figure("escalationsOnTime").Denominator!.Value));
        var typification = Figure("salesSheetTypification");
        Assert.Equal((1L, 2L), (typification.Numerator!.Value, typification.Denominator!.Value));
        Assert.Equal(1m, cases.Series.Single(s => s.Code == "cases").Values[0]);   // Monday: A; Tuesday: B, C, D, E
        Assert.Equal(4m, cases.Series.Single(s => s.Code == "cases").Values[1]);
        Assert.Equal(1L, cases.Distributions.Single().Slices.Single(s => s.Key == "Reopened").Value);
    }

    private static async Task<CloseInteractionResponse> CloseAsync(ClockedApp app, Guid customer, CloseInteractionRequest close)
    {
        var opened = await app.RunAsync<OpenInteraction, Result<InteractionView>>(h =>
            h.HandleAsync(new OpenInteractionRequest("premium-sales", "Voice", "CALL-" + Guid.NewGuid().ToString("N")[..8], "4101", "agent.premium-sales", customer), default));
        Assert.True(opened.IsSuccess, opened.Error?.Message);
        var closed = await app.RunAsync<CloseInteraction, Result<CloseInteractionResponse>>(h => h.HandleAsync(opened.Value!.Id, close, default));
        Assert.True(closed.IsSuccess, closed.Error?.Message);
        return closed.Value!;
    }
}
