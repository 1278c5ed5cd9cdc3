using ContactOps.Platform;
using ContactOps.Platform.Reporting;

namespace ContactOps.Modules.Sales;

/// <summary>The sales sheet, the sales-cell back office, legalization and reconciliation with the carrier.</summary>
public sealed class SalesModule : IAppModule
{
    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<IKpiProvider, Reports.SalesKpiProvider>();

        SalesSheet.AddServices(services);
    }

    public void MapEndpoints(RouteGroupBuilder api)
    {
        SalesSheet.MapEndpoints(api);
    }
}
