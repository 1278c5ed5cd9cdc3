using System.Text.RegularExpressions;
using System.Xml.Linq;
using ContactOps.Modules.Sales;
using ContactOps.Tests.Infrastructure;
using ContactOps.Tests.Platform;
using static ContactOps.Tests.Sales.SalesApi;
using static ContactOps.Tests.Ui.UiPageTests;

namespace ContactOps.Tests.Sales;

/// <summary>The sales pages as rendered on the server (signed in with the cookie), and their strings in both languages.</summary>
public partial class SalesPagesTests
{
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task The_sheet_the_queue_the_detail_the_form_and_the_flowcharts_render_in_Spanish(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var customer = await Demo.CustomerIdAsync(app, Demo.CoDocument);
        var sale = await RegisterAsync(await app.ClientForAsync("agent.sales-cell"), Body(customer, "MobilePortability"));

        var agent = await SignInAsync(app, "agent.sales-cell");
        var c360 = await PageAsync(agent, "/customers/" + customer);
        Assert.Contains($"href=\"/sales/new?customerId={customer}\"", c360);
        Assert.Contains("Registrar venta", c360);
        var form = await PageAsync(agent, $"/sales/new?customerId={customer}");
        Assert.Contains("María Fernanda Rodríguez Peña", form);
        Assert.Contains("id=\"sale-kind\"", form);
        Assert.Contains("Móvil — portabilidad", form);
        var sheet = await PageAsync(agent, "/sales");
        Assert.Contains("Hoja de ventas", sheet);
        Assert.Contains($"data-id=\"{Id(sale)}\"", sheet);
        Assert.Contains("/api/v1/sales/export.csv?", sheet);
        Assert.DoesNotContain("id=\"nav-backoffice\"", sheet);
        var readOnly = await PageAsync(agent, "/sales/" + Id(sale));
        Assert.Contains("id=\"sale-read-only\"", readOnly);
        Assert.DoesNotContain("id=\"step-ok-TYPOLOGY\"", readOnly);

        var bo = await SignInAsync(app, "backoffice.sales-cell");
        var queue = await PageAsync(bo, "/backoffice");
        Assert.Contains("Back office de ventas", queue);
        Assert.Contains("Seguimientos vencidos: 1", queue); // the demo's overdue follow-up
        Assert.Contains($"data-id=\"{Id(sale)}\"", queue);
        Assert.Contains("Tomar", queue);
        var detail = await PageAsync(bo, "/sales/" + Id(sale));
        Assert.Contains("id=\"step-ok-TYPOLOGY\"", detail);
        Assert.DoesNotContain("id=\"step-ok-IDENTITY_OTP\"", detail); // only the next step can be recorded
        Assert.Contains("Registrada", detail);
        Assert.Contains("Operador Donante", detail);

        var flows = await PageAsync(bo, "/sales/flows");
        Assert.Equal(Enum.GetValues<SaleKind>().Length, Regex.Matches(flows, "<figure class=\"flowchart\"").Count);
        Assert.Contains("Código NIP enviado", flows);
        Assert.Contains("data-code=\"SIM_SHIPPED\"", flows);

        var coordinator = await SignInAsync(app, "coordinator.sales-cell");
        var checklists = await PageAsync(coordinator, "/sales/checklists");
        Assert.Contains("Guardar como versión nueva", checklists);
        Assert.Contains("SHEET_ENTRY", checklists);
        var refused = await PageAsync(bo, "/sales/checklists");
        Assert.Contains("id=\"page-forbidden\"", refused); // the layout's guard (AppMenu): the back office does not edit checklists
        Assert.DoesNotContain("Guardar como versión nueva", refused);
        Assert.Empty(app.LoggedErrors);
    }

    [Fact]
    public void Sales_strings_exist_in_Spanish_and_English_and_every_key_used_exists()
    {
        var es = TextResources.Keys("SalesText");
        var en = TextResources.Keys("SalesText", english: true);
        Assert.Equal(es.Order(StringComparer.Ordinal), en.Order(StringComparer.Ordinal));
        var used = TextResources.Razor(Path.Combine("Modules", "Sales", "Pages"))
            .SelectMany(f => KeyRegex().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Where(k => !k.EndsWith('_'))
            .Concat(Enum.GetNames<SaleKind>().Select(k => "Kind_" + k))
            .Concat(Enum.GetNames<SaleState>().Select(k => "State_" + k))
            .Concat(Enum.GetNames<WorkOrder>().Select(k => "WorkOrder_" + k))
            .Concat(Enum.GetNames<StepResult>().Select(k => "Result_" + k))
            .ToHashSet(StringComparer.Ordinal);
        Assert.Empty(used.Except(es));
    }

    [GeneratedRegex("S\\[\"([A-Za-z_]+)\"")]
    private static partial Regex KeyRegex();
}
