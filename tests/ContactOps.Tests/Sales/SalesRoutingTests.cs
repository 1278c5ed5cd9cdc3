using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ContactOps.Tests.Infrastructure;
using ContactOps.Tests.Platform;
using static ContactOps.Tests.Sales.SalesApi;

namespace ContactOps.Tests.Sales;

/// <summary>
/// Sales made by the front (premium-sales, an inbound operation) are routed to the sales cell (its sales back office):
/// one sheet for the front, the back office and the reports (PROCEDURES §2).
/// </summary>
public class SalesRoutingTests
{
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task A_front_sale_is_worked_by_the_sales_cell_to_Legalized_and_stays_invisible_to_other_clients(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var agent = await app.ClientForAsync("agent.premium-sales");
        var cell = await app.ClientForAsync("backoffice.sales-cell");
        var customer = await Demo.CustomerIdAsync(app, Demo.CoDocument);

        var sale = await RegisterAsync(agent, Body(customer, "MobilePortability", operation: "premium-sales"));
        Assert.Equal("premium-sales", sale.GetProperty("operationCode").GetString());
        Assert.Equal("sales-cell", sale.GetProperty("backOfficeOperationCode").GetString());

        // The sale starts on the sales cell's procedure (its checklist), which the cell can read.
        var cellChecklists = await cell.GetFromJsonAsync<JsonElement>("/api/v1/sales/checklists?operation=sales-cell&kind=MobilePortability");
        var cellChecklistIds = Items(cellChecklists).Select(c => c.GetProperty("id").GetGuid()).ToList();
        Assert.Contains(sale.GetProperty("checklistId").GetGuid(), cellChecklistIds);

        // The cell's queue lists it (open, unassigned), next to the cell's own sales.
        var queue = await cell.GetFromJsonAsync<JsonElement>("/api/v1/sales?operation=sales-cell&openOnly=true&unassigned=true&pageSize=200");
        var row = queue.GetProperty("items").EnumerateArray().Single(r => r.GetProperty("id").GetGuid() == Id(sale));
        Assert.Equal("premium-sales", row.GetProperty("operationCode").GetString());

        // The cell works it through its checklist to Legalized.
        sale = await GetAsync(cell, Id(sale));
        foreach (var code in ApplicableSteps(sale))
        {
            sale = await OkAsync(await StepAsync(cell, sale, code, "ref-" + code));
        }

        Assert.Equal("Delivered", State(sale));

        // Legalization of the month for the sales cell includes the routed sale; the front's no longer does.
        var month = Month(sale);
        var cellPreview = await cell.GetFromJsonAsync<JsonElement>($"/api/v1/sales/legalization?operation=sales-cell&month={month}");
        Assert.Contains(cellPreview.GetProperty("blockingSales").EnumerateArray(), b => b.GetProperty("saleId").GetGuid() == Id(sale));
        var front = await app.ClientForAsync("backoffice.premium-sales");
        var frontPreview = await front.GetFromJsonAsync<JsonElement>($"/api/v1/sales/legalization?operation=premium-sales&month={month}");
        Assert.DoesNotContain(frontPreview.GetProperty("blockingSales").EnumerateArray(), b => b.GetProperty("saleId").GetGuid() == Id(sale));

        sale = await OkAsync(await MoveAsync(cell, sale, "Legalized"));
        Assert.Equal("Legalized", State(sale));
        Assert.Equal("Back office sales-cell", sale.GetProperty("assignedToName").GetString());
        Assert.All(sale.GetProperty("steps").EnumerateArray(), s => Assert.Equal("Back office sales-cell", s.GetProperty("userName").GetString()));

        // The front agent still sees the same record with the cell's work on it (steps, history).
        var seenByAgent = await GetAsync(agent, Id(sale));
        Assert.Equal("Legalized", State(seenByAgent));
        Assert.Equal(sale.GetProperty("steps").GetArrayLength(), seenByAgent.GetProperty("steps").GetArrayLength());
        Assert.Equal("Legalized", seenByAgent.GetProperty("history").EnumerateArray().Last().GetProperty("to").GetString());

        // Another client's back office does not find it at all.
        var bolivia = await app.ClientForAsync("backoffice.digital-sales");
        Assert.Equal(HttpStatusCode.NotFound, (await bolivia.GetAsync("/api/v1/sales/" + Id(sale))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await StepAsync(bolivia, sale, "TYPOLOGY")).StatusCode);

        // Reports: the front counts its sale; the cell counts the sales it works (its own demo sales plus this one).
        var supervisor = await app.ClientForAsync("supervisor.telco-co");
        var day = DateTimeOffset.Parse(sale.GetProperty("soldAt").GetString()!, CultureInfo.InvariantCulture).ToOffset(TimeSpan.FromHours(-5)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var frontSales = await SalesFigureAsync(supervisor, "premium-sales", day);
        Assert.Equal(1m, frontSales);
        var cellSales = await SalesFigureAsync(supervisor, "sales-cell", day);
        var cellOwn = (await supervisor.GetFromJsonAsync<JsonElement>($"/api/v1/sales?operation=sales-cell&from={day}T00:00:00-05:00&to={day}T23:59:59-05:00&pageSize=200"))
            .GetProperty("items").EnumerateArray().Count(r => r.GetProperty("operationCode").GetString() == "sales-cell");
        Assert.Equal(cellOwn + 1, cellSales);

        Assert.Empty(app.LoggedErrors);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task The_sales_cell_acts_only_on_sales_routed_to_it_and_its_agents_do_not_work_them(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var agent = await app.ClientForAsync("agent.premium-sales");
        var cell = await app.ClientForAsync("backoffice.sales-cell");
        var cellAgent = await app.ClientForAsync("agent.sales-cell");
        var customer = await Demo.CustomerIdAsync(app, Demo.CoDocument);

        // Routed: the cell's agent may read it (same sheet) but not work it.
        var routed = await RegisterAsync(agent, Body(customer, "MobilePortability", operation: "premium-sales"));
        var detail = await ProblemAsync(await StepAsync(cellAgent, routed, "TYPOLOGY"), HttpStatusCode.Forbidden);
        Assert.Equal("Solo el back office, supervisores y coordinadores trabajan las ventas.", detail);

        // The routing is removed: later sales of premium-sales stay with premium-sales.
        var admin = await app.ClientForAsync("admin");
        var off = await admin.PutAsJsonAsync("/api/v1/operations/premium-sales", new { name = "Ventas Premium (entrante)", kind = "InboundSales", fcrWindowDays = 7, salesBackOffice = "" });
        Assert.Equal(HttpStatusCode.OK, off.StatusCode);
        Assert.Equal(JsonValueKind.Null, (await Demo.JsonAsync(off)).GetProperty("salesBackOffice").ValueKind);

        var own = await RegisterAsync(agent, Body(customer, "MobilePortability", operation: "premium-sales"));
        Assert.Equal(JsonValueKind.Null, own.GetProperty("backOfficeOperationCode").ValueKind);
        Assert.Equal(HttpStatusCode.NotFound, (await cell.GetAsync("/api/v1/sales/" + Id(own))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await StepAsync(cell, own, "TYPOLOGY")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await MoveAsync(cell, own, "Cancelled", "No")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await cellAgent.GetAsync("/api/v1/sales/" + Id(own))).StatusCode);
        var queue = await cell.GetFromJsonAsync<JsonElement>("/api/v1/sales?operation=sales-cell&pageSize=200");
        var ids = queue.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetGuid()).ToList();
        Assert.DoesNotContain(Id(own), ids);
        Assert.Contains(Id(routed), ids);

        // The sale routed before the change stays routed: the cell still works it.
        var worked = await OkAsync(await StepAsync(cell, await GetAsync(cell, Id(routed)), "TYPOLOGY"));
        Assert.Equal("InValidation", State(worked));
        Assert.Empty(app.LoggedErrors);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task The_back_office_setting_accepts_only_another_operation_of_the_same_client(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var admin = await app.ClientForAsync("admin");

        var list = await admin.GetFromJsonAsync<JsonElement>("/api/v1/operations?pageSize=100");
        var premium = list.GetProperty("items").EnumerateArray().Single(o => o.GetProperty("code").GetString() == "premium-sales");
        Assert.Equal("sales-cell", premium.GetProperty("salesBackOffice").GetString());

        var otherClient = await admin.PutAsJsonAsync("/api/v1/operations/premium-sales", new { name = "Ventas Premium", kind = "InboundSales", fcrWindowDays = 7, salesBackOffice = "digital-sales" });
        var detail = await ProblemAsync(otherClient, HttpStatusCode.BadRequest);
        Assert.Equal("La operación de back office «digital-sales» no existe en el cliente telco-co; debe ser una operación del mismo cliente.", detail);

        var self = await admin.PutAsJsonAsync("/api/v1/operations/premium-sales", new { name = "Ventas Premium", kind = "InboundSales", fcrWindowDays = 7, salesBackOffice = "premium-sales" });
        Assert.Contains("su propio back office", await ProblemAsync(self, HttpStatusCode.BadRequest), StringComparison.Ordinal);

        // Unchanged by the refused updates; omitting the field keeps it; another operation of the client is accepted.
        var kept = await Demo.JsonAsync(await admin.PutAsJsonAsync("/api/v1/operations/premium-sales", new { name = "Ventas Premium", kind = "InboundSales", fcrWindowDays = 7 }));
        Assert.Equal("sales-cell", kept.GetProperty("salesBackOffice").GetString());
        var moved = await Demo.JsonAsync(await admin.PutAsJsonAsync("/api/v1/operations/premium-sales", new { name = "Ventas Premium", kind = "InboundSales", fcrWindowDays = 7, salesBackOffice = "adjustments-cell" }));
        Assert.Equal("adjustments-cell", moved.GetProperty("salesBackOffice").GetString());

        // An administrator of the other client cannot touch it (not found for them).
        var boAdmin = await app.ClientForAsync("admin.digital-sales");
        var foreign = await boAdmin.PutAsJsonAsync("/api/v1/operations/premium-sales", new { name = "X", kind = "InboundSales", fcrWindowDays = 7, salesBackOffice = "sales-cell" });
        Assert.True(foreign.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden, foreign.StatusCode.ToString());
        Assert.Empty(app.LoggedErrors);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task A_sale_made_in_an_interaction_must_be_of_that_interaction_s_operation_and_customer(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var agent = await app.ClientForAsync("agent.premium-sales");
        var customer = await Demo.CustomerIdAsync(app, Demo.CoDocument);

        var opened = await Demo.JsonAsync(await agent.PostAsJsonAsync("/api/v1/interactions", new { operation = "premium-sales", channel = "Voice", callId = "1700000999", extension = "4101", agentLogin = "mfrodriguez" }));
        var interactionId = opened.GetProperty("id").GetGuid();

        // Not identified yet: the interaction has no customer, so it is not this customer's.
        var body = Body(customer, "MobilePortability", operation: "premium-sales");
        body["interactionId"] = interactionId;
        var response = await agent.PostAsJsonAsync("/api/v1/sales", body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("es de otro cliente", (await Demo.JsonAsync(response)).GetProperty("errors").GetProperty("interactionId")[0].GetString(), StringComparison.Ordinal);

        // An interaction that does not exist.
        body["interactionId"] = Guid.NewGuid();
        response = await agent.PostAsJsonAsync("/api/v1/sales", body);
        Assert.Equal("La interacción indicada no existe en esta operación.", (await Demo.JsonAsync(response)).GetProperty("errors").GetProperty("interactionId")[0].GetString());

        // Identified: the sale is registered in it, with the interaction as its origin.
        Assert.Equal(HttpStatusCode.OK, (await agent.PutAsJsonAsync($"/api/v1/interactions/{interactionId}/customer", new { customerId = customer })).StatusCode);
        body["interactionId"] = interactionId;
        var sale = await RegisterAsync(agent, body);
        Assert.Equal(interactionId, sale.GetProperty("interactionId").GetGuid());
        Assert.Equal("Interaction", sale.GetProperty("origin").GetString());

        // An interaction of another operation (the caller is not a member) is not found either.
        var cellAgent = await app.ClientForAsync("agent.sales-cell");
        var cellBody = Body(customer, "MobilePortability");
        cellBody["interactionId"] = interactionId;
        response = await cellAgent.PostAsJsonAsync("/api/v1/sales", cellBody);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("La interacción indicada no existe en esta operación.", (await Demo.JsonAsync(response)).GetProperty("errors").GetProperty("interactionId")[0].GetString());
        Assert.Empty(app.LoggedErrors);
    }

    private static IEnumerable<JsonElement> Items(JsonElement json) =>
        json.ValueKind == JsonValueKind.Array ? json.EnumerateArray() : json.GetProperty("items").EnumerateArray();

    private static string Month(JsonElement sale) =>
        DateTimeOffset.Parse(sale.GetProperty("soldAt").GetString()!, CultureInfo.InvariantCulture).ToOffset(TimeSpan.FromHours(-5)).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private static async Task<decimal> SalesFigureAsync(HttpClient client, string operation, string day)
    {
        var response = await client.GetAsync($"/api/v1/reports/kpis?operation={operation}&from={day}&to={day}");
        var report = await Demo.JsonAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.OK, report.ToString());
        var section = report.GetProperty("sections").EnumerateArray().Single(s => s.GetProperty("key").GetString() == "sales");
        return section.GetProperty("figures").EnumerateArray().Single(f => f.GetProperty("code").GetString() == "sales").GetProperty("value").GetDecimal();
    }
}
