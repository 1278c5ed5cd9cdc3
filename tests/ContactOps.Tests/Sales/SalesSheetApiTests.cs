using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ContactOps.Platform.Data;
using ContactOps.Tests.Infrastructure;
using ContactOps.Tests.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ContactOps.Tests.Sales.SalesApi;

namespace ContactOps.Tests.Sales;

/// <summary>Registration, the sheet's filters, checklist versioning and tenancy of sales.</summary>
public class SalesSheetApiTests
{
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task The_same_sale_keyed_twice_asks_for_confirmation_and_a_different_one_does_not(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var agent = await app.ClientForAsync("agent.sales-cell");
        var customer = await Demo.CustomerIdAsync(app, Demo.CoDocument);
        var body = Body(customer, "MobilePortability");
        body.Remove("confirmDuplicate");
        var first = Id(await RegisterAsync(agent, body));

        // Minutes later, the same customer, kind and products: 409 naming the earlier sale; nothing written.
        var twice = await agent.PostAsJsonAsync("/api/v1/sales", body);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        var problem = await Demo.JsonAsync(twice);
        Assert.Equal("sale.possible_duplicate", problem.GetProperty("code").GetString());
        Assert.Equal(first, problem.GetProperty("saleId").GetGuid());
        Assert.Contains("confirme", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await using (var scope = app.SystemScope())
        {
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<AppDbContext>().Sales.CountAsync(s => s.CustomerId == customer && s.Kind == ContactOps.Modules.Sales.SaleKind.MobilePortability));
        }

        // Confirmed: registered. Other products, or another kind: no question.
        body["confirmDuplicate"] = true;
        Assert.NotEqual(first, Id(await RegisterAsync(agent, body)));
        body.Remove("confirmDuplicate");
        body["products"] = new[] { Product(code: "MOV-PLAN45") };
        await RegisterAsync(agent, body);
        var other = Body(customer, "MobileNewLine");
        other.Remove("confirmDuplicate");
        await RegisterAsync(agent, other);
        Assert.Empty(app.LoggedErrors);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Invalid_registrations_answer_ProblemDetails_with_field_errors(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var agent = await app.ClientForAsync("agent.sales-cell");
        var customer = await Demo.CustomerIdAsync(app, Demo.CoDocument);

        var response = await agent.PostAsJsonAsync("/api/v1/sales", new
        {
            operation = "sales-cell",
            customerId = customer,
            kind = "MobilePortability",
            lineNumber = "601 234 5678",
            products = new[] { new { tariffCode = " ", description = "", quantity = 0, monthlyValue = -1m, oneOffValue = -5m, needsTechnicianVisit = false } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await Demo.JsonAsync(response)).GetProperty("errors");
        Assert.Equal("Escriba el código tarifario.", errors.GetProperty("products[0].tariffCode")[0].GetString());
        Assert.Equal("Escriba la descripción del producto.", errors.GetProperty("products[0].description")[0].GetString());
        Assert.Equal("La cantidad debe estar entre 1 y 999.", errors.GetProperty("products[0].quantity")[0].GetString());
        Assert.Equal("El valor mensual debe ser 0 o mayor.", errors.GetProperty("products[0].monthlyValue")[0].GetString());
        Assert.Equal("El valor único debe ser 0 o mayor.", errors.GetProperty("products[0].oneOffValue")[0].GetString());
        Assert.Equal("El número de línea debe ser un celular.", errors.GetProperty("lineNumber")[0].GetString());
        Assert.Equal("La portabilidad requiere el operador donante.", errors.GetProperty("donorOperator")[0].GetString());

        response = await agent.PostAsJsonAsync("/api/v1/sales", new { operation = "sales-cell", customerId = customer, kind = "HomeBundle", products = Array.Empty<object>() });
        errors = (await Demo.JsonAsync(response)).GetProperty("errors");
        Assert.Equal("Las ventas de hogar requieren el número de cuenta.", errors.GetProperty("accountNumber")[0].GetString());
        Assert.Equal("Agregue al menos un producto con su código tarifario.", errors.GetProperty("products")[0].GetString());

        response = await agent.PostAsJsonAsync("/api/v1/sales", new { operation = "sales-cell", customerId = customer, kind = "MobileNewLine", products = new[] { Product() } });
        errors = (await Demo.JsonAsync(response)).GetProperty("errors");
        Assert.Equal("Las ventas móviles requieren el número de línea.", errors.GetProperty("lineNumber")[0].GetString());

        // An agent cannot sell in someone else's name; a supervisor can.
        var body = Body(customer, "MobileNewLine");
        body["sellerUserId"] = await UserIdAsync(app, "backoffice.sales-cell");
        response = await agent.PostAsJsonAsync("/api/v1/sales", body);
        errors = (await Demo.JsonAsync(response)).GetProperty("errors");
        Assert.StartsWith("Solo un supervisor o coordinador", errors.GetProperty("sellerUserId")[0].GetString(), StringComparison.Ordinal);

        // The line is normalised with the customers' phone rules, values summed per quantity.
        body = Body(customer, "MobileNewLine");
        body["products"] = new[] { new { tariffCode = "MOV-1", description = "Plan", quantity = 2, monthlyValue = 50000.5m, oneOffValue = 1000m, needsTechnicianVisit = false } };
        var sale = await RegisterAsync(agent, body);
        Assert.Equal("+573105551234", sale.GetProperty("lineNumber").GetString());
        Assert.Equal(100001m, sale.GetProperty("monthlyValue").GetDecimal());
        Assert.Equal(2000m, sale.GetProperty("oneOffValue").GetDecimal());
        Assert.Equal("COP", sale.GetProperty("currency").GetString());
        Assert.Equal("Asesor sales-cell", sale.GetProperty("sellerName").GetString());
        Assert.Equal("CustomerPage", sale.GetProperty("origin").GetString());
        Assert.Empty(app.LoggedErrors);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task A_sale_keeps_its_checklist_version_when_the_checklist_is_edited(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var agent = await app.ClientForAsync("agent.sales-cell");
        var bo = await app.ClientForAsync("backoffice.sales-cell");
        var coordinator = await app.ClientForAsync("coordinator.sales-cell");
        var customer = await Demo.CustomerIdAsync(app, Demo.CoDocument);
        var before = await RegisterAsync(agent, Body(customer, "MobileMigration"));
        before = await OkAsync(await StepAsync(bo, before, "TYPOLOGY"));

        var v1 = (await Demo.JsonAsync(await coordinator.GetAsync("/api/v1/sales/checklists?operation=sales-cell&kind=MobileMigration")))[0];
        Assert.Equal(1, v1.GetProperty("version").GetInt32());
        var items = v1.GetProperty("items").EnumerateArray().Select(i => new
        {
            code = i.GetProperty("code").GetString(),
            name = i.GetProperty("name").GetString(),
            evidence = i.GetProperty("evidence").ValueKind == JsonValueKind.Null ? null : i.GetProperty("evidence").GetString(),
            evidenceRequired = i.GetProperty("evidenceRequired").GetBoolean(),
            unlocks = i.GetProperty("unlocks").ValueKind == JsonValueKind.Null ? null : i.GetProperty("unlocks").GetString(),
            openWorkOrderOnly = false,
        }).ToList();
        items.Insert(2, new { code = (string?)"DEBT_CHECK", name = (string?)"Consulta de deudas con otros operadores", evidence = (string?)"Resultado de la consulta", evidenceRequired = true, unlocks = (string?)null, openWorkOrderOnly = false });
        var edit = new { operation = "sales-cell", kind = "MobileMigration", name = "Móvil — migración (v2)", items };

        // Agents and back office cannot edit checklists.
        Assert.Equal(HttpStatusCode.Forbidden, (await bo.PostAsJsonAsync("/api/v1/sales/checklists", edit)).StatusCode);
        var v2 = await OkAsync(await coordinator.PostAsJsonAsync("/api/v1/sales/checklists", edit));
        Assert.Equal(2, v2.GetProperty("version").GetInt32());
        Assert.Equal(7, v2.GetProperty("items").GetArrayLength());

        var all = await Demo.JsonAsync(await coordinator.GetAsync("/api/v1/sales/checklists?operation=sales-cell&kind=MobileMigration&all=true"));
        Assert.Equal([2, 1], all.EnumerateArray().Select(c => c.GetProperty("version").GetInt32()));
        Assert.Equal([true, false], all.EnumerateArray().Select(c => c.GetProperty("isCurrent").GetBoolean()));

        // The sale started with v1 keeps v1: no DEBT_CHECK, and it moves on with v1's steps.
        var kept = await GetAsync(bo, Id(before));
        Assert.Equal(1, kept.GetProperty("checklistVersion").GetInt32());
        Assert.DoesNotContain("DEBT_CHECK", ApplicableSteps(kept));
        kept = await OkAsync(await StepAsync(bo, kept, "RECHARGE_CAPACITY"));
        kept = await OkAsync(await StepAsync(bo, kept, "IDENTITY_OTP"));

        // A new sale starts with v2, where IDENTITY_OTP needs DEBT_CHECK first.
        var after = await RegisterAsync(agent, Body(customer, "MobileMigration"));
        Assert.Equal(2, after.GetProperty("checklistVersion").GetInt32());
        Assert.Contains("DEBT_CHECK", ApplicableSteps(after));
        after = await OkAsync(await StepAsync(bo, after, "TYPOLOGY"));
        after = await OkAsync(await StepAsync(bo, after, "RECHARGE_CAPACITY"));
        var detail = await ProblemAsync(await StepAsync(bo, after, "IDENTITY_OTP"), HttpStatusCode.Conflict);
        Assert.Contains("«Consulta de deudas con otros operadores»", detail, StringComparison.Ordinal);

        // An invalid definition is refused field by field.
        var bad = await coordinator.PostAsJsonAsync("/api/v1/sales/checklists", new
        {
            operation = "sales-cell",
            kind = "MobileMigration",
            name = "x",
            items = new object[]
            {
                new { code = "A1", name = "Paso", evidence = (string?)null, evidenceRequired = false, unlocks = "Validated", openWorkOrderOnly = false },
                new { code = "a1", name = "Otro", evidence = (string?)null, evidenceRequired = true, unlocks = "InValidation", openWorkOrderOnly = false },
            },
        });
        var errors = (await Demo.JsonAsync(bad)).GetProperty("errors");
        Assert.Equal("El código «A1» está repetido.", errors.GetProperty("items[1].code")[0].GetString());
        Assert.Equal("Indique qué evidencia o referencia requiere el paso.", errors.GetProperty("items[1].evidence")[0].GetString());
        Assert.Contains("no puede ir después", errors.GetProperty("items[1].unlocks")[0].GetString(), StringComparison.Ordinal);
        Assert.Empty(app.LoggedErrors);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Sales_of_another_client_or_operation_are_not_found(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var agent = await app.ClientForAsync("agent.sales-cell");
        var customer = await Demo.CustomerIdAsync(app, Demo.CoDocument);
        var sale = await RegisterAsync(agent, Body(customer, "MobileNewLine"));

        foreach (var user in new[] { "backoffice.digital-sales", "admin.digital-sales", "backoffice.premium-sales" })
        {
            var other = await app.ClientForAsync(user);
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync("/api/v1/sales/" + Id(sale))).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await StepAsync(other, sale, "TYPOLOGY")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await MoveAsync(other, sale, "Cancelled", "x")).StatusCode);
            var page = await Demo.JsonAsync(await other.GetAsync("/api/v1/sales?pageSize=500"));
            Assert.DoesNotContain(page.GetProperty("items").EnumerateArray(), r => r.GetProperty("id").GetGuid() == Id(sale));
        }

        // A Bolivian agent cannot sell to a Colombian customer (it does not exist for them).
        var bo = await app.ClientForAsync("agent.digital-sales");
        var response = await bo.PostAsJsonAsync("/api/v1/sales", Body(customer, "MobileNewLine", operation: "digital-sales"));
        var errors = (await Demo.JsonAsync(response)).GetProperty("errors");
        Assert.Equal("El cliente no existe en este cliente corporativo.", errors.GetProperty("customerId")[0].GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await bo.PostAsJsonAsync("/api/v1/sales", Body(customer, "MobileNewLine"))).StatusCode);
        Assert.Empty(app.LoggedErrors);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task The_sheet_filters_by_state_kind_dates_agent_and_due_follow_up(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var agent = await app.ClientForAsync("agent.sales-cell");
        var bo = await app.ClientForAsync("backoffice.sales-cell");
        var customer = await Demo.CustomerIdAsync(app, Demo.CoDocument);

        var before = await Demo.JsonAsync(await bo.GetAsync("/api/v1/sales?operation=sales-cell&kind=DeviceOnCredit&state=Registered"));
        var sale = await RegisterAsync(agent, Body(customer, "DeviceOnCredit"));
        var after = await Demo.JsonAsync(await bo.GetAsync("/api/v1/sales?operation=sales-cell&kind=DeviceOnCredit&state=Registered"));
        Assert.Equal(before.GetProperty("total").GetInt64() + 1, after.GetProperty("total").GetInt64());
        Assert.All(after.GetProperty("items").EnumerateArray(), r => Assert.Equal("DeviceOnCredit", r.GetProperty("kind").GetString()));

        var agentId = sale.GetProperty("sellerUserId").GetGuid();
        var mine = await Demo.JsonAsync(await bo.GetAsync($"/api/v1/sales?operation=sales-cell&agent={agentId}&from={Uri.EscapeDataString(TimeProvider.System.GetUtcNow().AddMinutes(-10).ToString("O"))}"));
        Assert.Contains(mine.GetProperty("items").EnumerateArray(), r => r.GetProperty("id").GetGuid() == Id(sale));
        var old = await Demo.JsonAsync(await bo.GetAsync("/api/v1/sales?operation=sales-cell&minAgeDays=30"));
        Assert.DoesNotContain(old.GetProperty("items").EnumerateArray(), r => r.GetProperty("id").GetGuid() == Id(sale));

        // Follow-ups: the demo has one overdue; setting one in the past-hour makes it due too, clearing it removes it.
        var due = (await Demo.JsonAsync(await bo.GetAsync("/api/v1/sales/follow-ups/due?operation=sales-cell"))).GetInt32();
        var set = await bo.PutAsJsonAsync($"/api/v1/sales/{Id(sale)}/follow-up", new { at = TimeProvider.System.GetUtcNow().AddMinutes(-5), version = Version(sale) });
        sale = await OkAsync(set);
        Assert.Equal(due + 1, (await Demo.JsonAsync(await bo.GetAsync("/api/v1/sales/follow-ups/due?operation=sales-cell"))).GetInt32());
        var dueList = await Demo.JsonAsync(await bo.GetAsync("/api/v1/sales?operation=sales-cell&followUpDue=true"));
        Assert.Contains(dueList.GetProperty("items").EnumerateArray(), r => r.GetProperty("id").GetGuid() == Id(sale) && r.GetProperty("followUpDue").GetBoolean());
        sale = await OkAsync(await bo.PutAsJsonAsync($"/api/v1/sales/{Id(sale)}/follow-up", new { at = (DateTimeOffset?)null, version = Version(sale) }));
        Assert.Equal(due, (await Demo.JsonAsync(await bo.GetAsync("/api/v1/sales/follow-ups/due?operation=sales-cell"))).GetInt32());

        // Claim and assignment: the back office takes it; another back-office member cannot; the supervisor reassigns.
        var claimed = await OkAsync(await bo.PostAsJsonAsync($"/api/v1/sales/{Id(sale)}/claim", new { version = Version(sale) }));
        Assert.Equal("Back office sales-cell", claimed.GetProperty("assignedToName").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await bo.PostAsJsonAsync($"/api/v1/sales/{Id(sale)}/assign", new { userId = (Guid?)null, version = Version(claimed) })).StatusCode);
        var supervisor = await app.ClientForAsync("supervisor.sales-cell");
        var supervisorId = await UserIdAsync(app, "supervisor.sales-cell");
        var assigned = await OkAsync(await supervisor.PostAsJsonAsync($"/api/v1/sales/{Id(sale)}/assign", new { userId = supervisorId, version = Version(claimed) }));
        Assert.Equal("Supervisor sales-cell", assigned.GetProperty("assignedToName").GetString());
        var taken = await bo.PostAsJsonAsync($"/api/v1/sales/{Id(sale)}/claim", new { version = Version(assigned) });
        Assert.StartsWith("La venta la está trabajando Supervisor sales-cell", await ProblemAsync(taken, HttpStatusCode.Conflict), StringComparison.Ordinal);

        // The CSV export of the filtered view.
        var csv = await bo.GetStringAsync("/api/v1/sales/export.csv?operation=sales-cell&kind=DeviceOnCredit&state=Registered&timeZone=America/Bogota");
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("id;operacion;fecha_venta;tipo", lines[0], StringComparison.Ordinal);
        Assert.Equal(after.GetProperty("total").GetInt64(), lines.Length - 1);
        Assert.Contains(lines, l => l.StartsWith(Id(sale).ToString(), StringComparison.Ordinal) && l.Contains(";Registrada;", StringComparison.Ordinal));

        var bad = await bo.GetAsync("/api/v1/sales?state=Nope");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Empty(app.LoggedErrors);
    }

    private static async Task<Guid> UserIdAsync(TestApp app, string userName)
    {
        await using var scope = app.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
    }
}
