using ContactOps.Tests.Infrastructure;
using ContactOps.Tests.Ui;

namespace ContactOps.Tests.Interactions;

/// <summary>The inbound desk and the escalation queue, prerendered for a signed-in person: links and access by role, the queue's alarms.</summary>
public class InteractionPagesTests
{
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Agents_get_the_desk_and_supervisors_the_queue_with_its_overdue_alarm(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);

        var agent = await UiPageTests.SignInAsync(app, "agent.premium-sales");
        var home = await UiPageTests.PageAsync(agent, "/");
        Assert.Contains("id=\"nav-inbound\"", home);
        Assert.DoesNotContain("id=\"nav-escalations\"", home);
        var desk = await UiPageTests.PageAsync(agent, "/inbound");
        Assert.Contains("Atención entrante", desk);
        Assert.Contains("id=\"desk-call-id\"", desk);
        Assert.Contains("id=\"open-interaction\"", desk);
        var refused = await UiPageTests.PageAsync(agent, "/escalations");
        Assert.Contains("Su rol en Ventas Premium (entrante) (Asesor) no usa esta página.", refused);
        Assert.DoesNotContain("escalation-row", refused);

        var supervisor = await UiPageTests.SignInAsync(app, "supervisor.premium-sales");
        Assert.Contains("id=\"nav-escalations\"", await UiPageTests.PageAsync(supervisor, "/"));
        var queue = await UiPageTests.PageAsync(supervisor, "/escalations");
        Assert.Contains("Vencidos: 1", queue); // the demo's overdue escalation
        Assert.Contains("Abiertos: 2", queue);
        Assert.Contains("alarm-overdue", queue);
        Assert.Contains("Estudio de documento del cliente", queue);

        // A Bolivian supervisor's queue has none of the Colombian cases.
        var bolivian = await UiPageTests.PageAsync(await UiPageTests.SignInAsync(app, "supervisor.digital-sales"), "/escalations");
        Assert.Contains("Vencidos: 0", bolivian);
        Assert.DoesNotContain("Estudio de documento del cliente", bolivian);
        Assert.Empty(app.LoggedErrors);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Coordinators_edit_escalation_types_and_supervisors_only_read_them(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);

        var coordinator = await UiPageTests.SignInAsync(app, "coordinator.premium-sales");
        Assert.Contains("id=\"nav-escalation-types\"", await UiPageTests.PageAsync(coordinator, "/"));
        var page = await UiPageTests.PageAsync(coordinator, "/escalations/types");
        Assert.Contains("Tipos de escalamiento", page);
        Assert.Contains("CREACION_PREDIO", page);
        Assert.Contains("Estudio de creación de predio — recibo de servicio público", page);
        Assert.Contains("id=\"type-save\"", page);

        var supervisor = await UiPageTests.SignInAsync(app, "supervisor.premium-sales");
        Assert.DoesNotContain("id=\"nav-escalation-types\"", await UiPageTests.PageAsync(supervisor, "/"));
        var readOnly = await UiPageTests.PageAsync(supervisor, "/escalations/types");
        Assert.Contains("CREACION_PREDIO", readOnly);
        Assert.DoesNotContain("id=\"type-save\"", readOnly);
        Assert.Empty(app.LoggedErrors);
    }
}
