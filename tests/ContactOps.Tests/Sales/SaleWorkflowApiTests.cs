using System.Net;
using System.Net.Http.Json;
using ContactOps.Platform.Data;
using ContactOps.Tests.Infrastructure;
using ContactOps.Tests.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ContactOps.Tests.Sales.SalesApi;

namespace ContactOps.Tests.Sales;

/// <summary>The sales-cell back office through the API: every procedure end to end, and every refusal with its message.</summary>
public class SaleWorkflowApiTests
{
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Every_sale_kind_follows_its_checklist_to_Legalized(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var agent = await app.ClientForAsync("agent.sales-cell");
        var bo = await app.ClientForAsync("backoffice.sales-cell");
        var customer = await Demo.CustomerIdAsync(app, Demo.CoDocument);

        // kind, open work order, the states the sale passes through (after Registered), in order
        var cases = new (string Kind, bool Visit, string[] Path)[]
        {
            ("HomeNewService", true, ["InValidation", "Validated", "Scheduled", "Installed"]),
            ("HomeBundle", true, ["InValidation", "Validated", "Scheduled", "Installed"]),
            ("HomeUpgrade", true, ["InValidation", "Validated", "Scheduled", "Installed"]),
            ("HomeAddOn", false, ["InValidation", "Validated", "Installed"]),
            ("MobileNewLine", false, ["InValidation", "Validated", "Shipped", "Delivered"]),
            ("MobileMigration", false, ["InValidation", "Validated", "Installed"]),
            ("MobilePortability", false, ["InValidation", "Validated", "Shipped", "Delivered"]),
            ("DeviceOnCredit", false, ["InValidation", "Validated", "Reserved", "Delivered"]),
        };
        foreach (var (kind, visit, path) in cases)
        {
            var sale = await RegisterAsync(agent, Body(customer, kind, visit));
            Assert.Equal("Registered", State(sale));
            Assert.Equal(1, sale.GetProperty("checklistVersion").GetInt32());
            Assert.Equal(visit ? "Open" : kind.StartsWith("Home", StringComparison.Ordinal) ? "Closed" : "NotApplicable", sale.GetProperty("workOrder").GetString());

            var steps = ApplicableSteps(sale);
            Assert.Equal(visit || !kind.StartsWith("Home", StringComparison.Ordinal), steps.Contains("VISIT_SCHEDULED") || !kind.StartsWith("Home", StringComparison.Ordinal));
            var seen = new List<string>();
            foreach (var code in steps)
            {
                sale = await OkAsync(await StepAsync(bo, sale, code, "ref-" + code));
                if (seen.Count == 0 || seen[^1] != State(sale))
                {
                    seen.Add(State(sale));
                }
            }

            Assert.Equal(path, seen);
            sale = await OkAsync(await MoveAsync(bo, sale, "Legalized"));
            Assert.Equal("Legalized", State(sale));

            var history = sale.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("to").GetString()).ToList();
            Assert.Equal([.. path, "Legalized"], history);
            var recorded = sale.GetProperty("steps").EnumerateArray().ToList();
            Assert.Equal(steps, recorded.Select(s => s.GetProperty("stepCode").GetString()));
            Assert.All(recorded, s => Assert.Equal("Back office sales-cell", s.GetProperty("userName").GetString()));
            Assert.All(recorded, s => Assert.StartsWith("ref-", s.GetProperty("evidence").GetString(), StringComparison.Ordinal));
            Assert.Equal("Back office sales-cell", sale.GetProperty("assignedToName").GetString());
        }

        Assert.Empty(app.LoggedErrors);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Forbidden_transitions_and_skipped_steps_are_refused_with_a_clear_message(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var agent = await app.ClientForAsync("agent.sales-cell");
        var bo = await app.ClientForAsync("backoffice.sales-cell");
        var customer = await Demo.CustomerIdAsync(app, Demo.CoDocument);
        var sale = await RegisterAsync(agent, Body(customer, "MobilePortability"));

        // A state the machine does not allow from Registered.
        var detail = await ProblemAsync(await MoveAsync(bo, sale, "Installed"), HttpStatusCode.Conflict);
        Assert.Equal("No se puede pasar una venta de «Registrada» a «Instalada».", detail);

        // A step before its predecessors.
        detail = await ProblemAsync(await StepAsync(bo, sale, "CONTRACT_READING"), HttpStatusCode.Conflict);
        Assert.Contains("No se puede registrar «Lectura de contrato»: primero deben estar en OK los pasos «Tipología del cliente (Poliedro)», «Validación de identidad (OTP)», «Código NIP enviado»", detail, StringComparison.Ordinal);

        // A step whose evidence is required, without it.
        var problem = await bo.PostAsJsonAsync($"/api/v1/sales/{Id(sale)}/steps", new { stepCode = "TYPOLOGY", result = "Ok", evidence = " ", version = Version(sale) });
        detail = await ProblemAsync(problem, HttpStatusCode.BadRequest);
        Assert.Equal("El paso «Tipología del cliente (Poliedro)» requiere: Tipología.", detail);

        sale = await OkAsync(await StepAsync(bo, sale, "TYPOLOGY"));
        Assert.Equal("InValidation", State(sale));

        // A state reached without the steps that lead to it.
        detail = await ProblemAsync(await MoveAsync(bo, sale, "Validated"), HttpStatusCode.Conflict);
        Assert.Equal("No se puede pasar a «Validada»: faltan los pasos «Validación de identidad (OTP)», «Código NIP enviado», «Oferta del plan (y descuento si aplica)», «Lectura de contrato».", detail);

        // A failed step must say why; then it is recorded but does not unlock anything; the next step still needs it OK.
        var noReason = await StepAsync(bo, sale, "IDENTITY_OTP", " ", result: "Failed");
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("sale.step_failure_reason_required", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        sale = await OkAsync(await StepAsync(bo, sale, "IDENTITY_OTP", "OTP no recibido", result: "Failed"));
        Assert.Equal("InValidation", State(sale));
        detail = await ProblemAsync(await StepAsync(bo, sale, "NIP_SENT"), HttpStatusCode.Conflict);
        Assert.Contains("«Validación de identidad (OTP)»", detail, StringComparison.Ordinal);

        // Rejection needs a reason; with it the sale is closed and takes no more steps or states.
        problem = await MoveAsync(bo, sale, "Rejected", "  ");
        Assert.Equal(HttpStatusCode.BadRequest, problem.StatusCode);
        var json = await Demo.JsonAsync(problem);
        Assert.Equal("Para marcar la venta como «Rechazada» escriba el motivo.", json.GetProperty("errors").GetProperty("reason")[0].GetString());
        sale = await OkAsync(await MoveAsync(bo, sale, "Rejected", "Identidad no validada"));
        Assert.Equal("Identidad no validada", sale.GetProperty("stateReason").GetString());
        detail = await ProblemAsync(await StepAsync(bo, sale, "IDENTITY_OTP"), HttpStatusCode.Conflict);
        Assert.Equal("La venta está «Rechazada»: ya no admite pasos.", detail);
        detail = await ProblemAsync(await MoveAsync(bo, sale, "InValidation"), HttpStatusCode.Conflict);
        Assert.Equal("La venta está «Rechazada»: ya no admite cambios de estado.", detail);

        // Agents register sales but do not work them.
        var fresh = await RegisterAsync(agent, Body(customer, "MobileNewLine"));
        detail = await ProblemAsync(await StepAsync(agent, fresh, "TYPOLOGY"), HttpStatusCode.Forbidden);
        Assert.Contains("back office", detail, StringComparison.Ordinal);

        // Legalization only from Installed or Delivered.
        detail = await ProblemAsync(await MoveAsync(bo, fresh, "Legalized"), HttpStatusCode.Conflict);
        Assert.Equal("No se puede pasar una venta de «Registrada» a «Legalizada».", detail);
        Assert.Empty(app.LoggedErrors);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task A_second_save_with_a_stale_version_is_refused_with_409(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var agent = await app.ClientForAsync("agent.sales-cell");
        var bo = await app.ClientForAsync("backoffice.sales-cell");
        var supervisor = await app.ClientForAsync("supervisor.sales-cell");
        var customer = await Demo.CustomerIdAsync(app, Demo.CoDocument);
        var sale = await RegisterAsync(agent, Body(customer, "MobileNewLine"));

        // Both open the sale (same version); the first saves, the second is refused.
        var seenBySupervisor = await GetAsync(supervisor, Id(sale));
        var afterFirst = await OkAsync(await StepAsync(bo, sale, "TYPOLOGY"));
        Assert.Equal(Version(sale) + 1, Version(afterFirst));
        var detail = await ProblemAsync(await StepAsync(supervisor, seenBySupervisor, "TYPOLOGY"), HttpStatusCode.Conflict);
        Assert.StartsWith("Otra persona modificó esta venta; recargue", detail, StringComparison.Ordinal);
        detail = await ProblemAsync(await MoveAsync(supervisor, seenBySupervisor, "Cancelled", "Prueba"), HttpStatusCode.Conflict);
        Assert.StartsWith("Otra persona modificó esta venta", detail, StringComparison.Ordinal);

        // Truly at the same time: exactly one of two saves with the same version wins.
        var current = await GetAsync(bo, Id(sale));
        var both = await Task.WhenAll(
            StepAsync(bo, current, "IDENTITY_OTP", "OTP-1"),
            StepAsync(supervisor, current, "IDENTITY_OTP", "OTP-2"));
        Assert.Single(both, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Single(both, r => r.StatusCode == HttpStatusCode.Conflict);
        var final = await GetAsync(bo, Id(sale));
        Assert.Single(final.GetProperty("steps").EnumerateArray(), s => s.GetProperty("stepCode").GetString() == "IDENTITY_OTP");
        Assert.Equal(Version(current) + 1, Version(final));

        // The sale is the back office user's now (claimed by the first step): the supervisor may take it over, nobody else in between.
        Assert.Equal("Back office sales-cell", final.GetProperty("assignedToName").GetString());

        // The refused save may be logged by EF itself; nothing else may fail.
        Assert.DoesNotContain(app.LoggedErrors, e => !e.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task The_CTA_marking_is_refused_until_its_conditions_hold(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var agent = await app.ClientForAsync("agent.sales-cell");
        var bo = await app.ClientForAsync("backoffice.sales-cell");
        var customer = await Demo.CustomerIdAsync(app, Demo.CoDocument);
        string arrearsAccount, clearAccount;
        Guid arrearsCustomer, clearCustomer;
        await using (var scope = app.SystemScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var co = await Demo.ClientIdAsync(app, "telco-co");
            var bad = await db.HomeAccounts.Where(a => a.ClientId == co && a.InArrears).OrderBy(a => a.AccountNumber).FirstAsync();
            var good = await db.HomeAccounts.Where(a => a.ClientId == co && !a.InArrears && !a.FinalNotice).OrderBy(a => a.AccountNumber).FirstAsync();
            (arrearsAccount, arrearsCustomer, clearAccount, clearCustomer) = (bad.AccountNumber, bad.CustomerId, good.AccountNumber, good.CustomerId);
        }

        // Open work order, clean account: nothing confirmed and no visit yet.
        var sale = await RegisterAsync(agent, Body(clearCustomer, "HomeUpgrade", visit: true, account: clearAccount));
        var mark = await bo.PostAsJsonAsync($"/api/v1/sales/{Id(sale)}/marking", new { code = "CTA", codesProvisioned = false, noArrears = false, visitConfirmed = false, version = Version(sale) });
        var detail = await ProblemAsync(mark, HttpStatusCode.Conflict);
        Assert.Equal("No se puede registrar la marcación CTA: confirmar que los códigos de la venta quedaron aprovisionados; confirmar que el suscriptor no está en mora ni con preaviso; la visita técnica no está agendada.", detail);

        foreach (var code in new[] { "SHEET_ENTRY", "FRONT_REVIEW", "CODES_VERIFIED", "VISIT_SCHEDULED" })
        {
            sale = await OkAsync(await StepAsync(bo, sale, code, "ref"));
        }

        Assert.Equal("Scheduled", State(sale));
        mark = await bo.PostAsJsonAsync($"/api/v1/sales/{Id(sale)}/marking", new { codesProvisioned = true, noArrears = true, visitConfirmed = false, version = Version(sale) });
        Assert.Equal("No se puede registrar la marcación CTA: confirmar la visita técnica.", await ProblemAsync(mark, HttpStatusCode.Conflict));
        sale = await OkAsync(await bo.PostAsJsonAsync($"/api/v1/sales/{Id(sale)}/marking", new { codesProvisioned = true, noArrears = true, visitConfirmed = true, version = Version(sale) }));
        Assert.Equal("CTA", sale.GetProperty("accountMarking").GetString());
        Assert.NotEqual(JsonValueKindNull, sale.GetProperty("markedAt").ValueKind);

        // An account in arrears in our data: refused even when the back office says otherwise.
        var owing = await RegisterAsync(agent, Body(arrearsCustomer, "HomeAddOn", account: arrearsAccount));
        mark = await bo.PostAsJsonAsync($"/api/v1/sales/{Id(owing)}/marking", new { codesProvisioned = true, noArrears = true, visitConfirmed = true, version = Version(owing) });
        Assert.Equal("No se puede registrar la marcación CTA: la cuenta está en mora o con preaviso.", await ProblemAsync(mark, HttpStatusCode.Conflict));
        _ = customer;
        Assert.Empty(app.LoggedErrors);
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;
}
