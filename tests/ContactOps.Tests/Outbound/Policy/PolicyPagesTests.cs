using ContactOps.Tests.Infrastructure;
using ContactOps.Tests.Ui;

namespace ContactOps.Tests.Outbound.Policy;

/// <summary>The campaign settings and segments pages render the demo campaign (prerendered, Spanish).</summary>
public class PolicyPagesTests
{
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task The_supervisor_sees_the_campaign_settings_segments_and_the_diagnosis(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var supervisor = await UiPageTests.SignInAsync(app, "supervisor.devices-outbound");

        var campaign = await UiPageTests.PageAsync(supervisor, "/outbound/campaign");
        Assert.Contains("Configuración de la campaña saliente", campaign, StringComparison.Ordinal);
        Assert.Contains("Descanso", campaign, StringComparison.Ordinal);
        Assert.Contains("Lectura del contrato", campaign, StringComparison.Ordinal);
        Assert.Contains("campaign-save", campaign, StringComparison.Ordinal);

        var segments = await UiPageTests.PageAsync(supervisor, "/outbound/segments");
        Assert.Contains("Pospago alto cupo", segments, StringComparison.Ordinal);
        Assert.Contains("¿Por qué no está marcando?", segments, StringComparison.Ordinal);
        Assert.Contains("diagnosis-table", segments, StringComparison.Ordinal);

        // An agent reads the settings but cannot save them.
        var agent = await UiPageTests.SignInAsync(app, "agent.devices-outbound");
        var readOnly = await UiPageTests.PageAsync(agent, "/outbound/campaign");
        Assert.DoesNotContain("campaign-save", readOnly, StringComparison.Ordinal);
        Assert.Empty(app.LoggedErrors);
    }
}
