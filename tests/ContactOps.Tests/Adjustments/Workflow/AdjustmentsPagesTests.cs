using System.Text.RegularExpressions;
using System.Xml.Linq;
using ContactOps.Modules.Adjustments;
using ContactOps.Tests.Infrastructure;
using Xunit;
using static ContactOps.Tests.Adjustments.Workflow.AdjustmentsKit;

namespace ContactOps.Tests.Adjustments.Workflow;

/// <summary>The adjustments pages render for the cell (prerendered HTML) with their test hooks, and every string exists in both languages.</summary>
public partial class AdjustmentsPagesTests
{
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task The_queue_the_detail_and_the_causes_pages_render_for_the_back_office(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var kit = Start(app);
        var id = await kit.CutAsync("KIT-PAGE-1", CarrierApproval.Approved, amount: 45_000m, filing: "RAD-PAGE-1", account: "KITPAGE-1");
        var bo = await kit.BrowserAsync(BackOffice);

        var queue = await PageAsync(bo, "/adjustments?state=ToInform");
        Assert.Contains("Ajustes de facturación", queue, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"state-counts\"", queue, StringComparison.Ordinal);
        Assert.Contains($"data-id=\"{id}\"", queue, StringComparison.Ordinal);
        Assert.Contains("KITPAGE-1", queue, StringComparison.Ordinal);

        var detail = await PageAsync(bo, $"/adjustments/{id}");
        Assert.Contains("data-testid=\"state-badge\"", detail, StringComparison.Ordinal);
        Assert.Contains("Por informar", detail, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"action-inform\"", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"action-close\"", detail, StringComparison.Ordinal);
        Assert.Contains("RAD-PAGE-1", detail, StringComparison.Ordinal);

        var causes = await PageAsync(bo, "/adjustments/causes");
        Assert.Contains("Garantía de equipos", causes, StringComparison.Ordinal);
        Assert.Contains("CASOSPQR-PQRRES", causes, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"save-settings\"", causes, StringComparison.Ordinal);

        var admin = await kit.BrowserAsync(CellAdmin);
        Assert.Contains("data-testid=\"save-settings\"", await PageAsync(admin, "/adjustments/causes"), StringComparison.Ordinal);

        var agent = await kit.BrowserAsync(Agent);
        var refused = await PageAsync(agent, "/adjustments");
        Assert.Contains("Su rol en Célula de ajustes (Asesor) no usa esta página.", refused, StringComparison.Ordinal);
        Assert.DoesNotContain("KITPAGE-1", refused, StringComparison.Ordinal);
        Assert.Empty(app.LoggedErrors);
    }

    [Fact]
    public void Every_adjustments_string_exists_in_spanish_and_english()
    {
        var es = TextResources.Keys("AdjustmentsText");
        var en = TextResources.Keys("AdjustmentsText", english: true);
        Assert.Equal(es.Order(StringComparer.Ordinal), en.Order(StringComparer.Ordinal));

        var used = TextResources.Razor(Path.Combine("Modules", "Adjustments", "Pages"))
            .SelectMany(f => LocalizerKey().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Concat(Enum.GetNames<AdjustmentState>().Select(k => "State_" + k))
            .Concat(Enum.GetNames<AdjustmentAction>().Select(k => "Step_" + k))
            .Concat(Enum.GetNames<CarrierApproval>().Select(k => "Approval_" + k))
            .Concat(Enum.GetNames<ClockStatus>().Where(c => c != "None").Select(k => "Clock_" + k))
            .Concat(Modules.Adjustments.AdjustmentWorkflow.Routes.Keys.Select(k => "Action_" + k))
            .ToHashSet(StringComparer.Ordinal);
        Assert.Empty(used.Except(es));
    }

    /// <summary>The prerendered HTML, decoded (Blazor encodes non-ASCII characters such as "ó" as entities).</summary>
    private static async Task<string> PageAsync(HttpClient client, string path) => System.Net.WebUtility.HtmlDecode(await client.GetStringAsync(path));

    [GeneratedRegex("""L\["([A-Za-z_\-]+)"[,\]]""")]
    private static partial Regex LocalizerKey();
}
