using System.CommandLine;
using ContactOps.Platform;
using ContactOps.Platform.Cli;
using ContactOps.Platform.Reporting;

namespace ContactOps.Modules.Sales;

/// <summary>The sales sheet, the sales-cell back office, legalization and reconciliation with the carrier.</summary>
public sealed class SalesModule : IAppModule, ICliModule
{
    public IEnumerable<string> TopLevelVerbs => Reconciliation.ReconciliationSetup.TopLevelVerbs;

    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<IKpiProvider, Reports.SalesKpiProvider>();
        services.AddScoped<IKpiProvider, Reports.ReconciliationKpiProvider>();
        SalesSheet.AddServices(services);
        Reconciliation.ReconciliationSetup.AddServices(services);
    }

    public void MapEndpoints(RouteGroupBuilder api)
    {
        SalesSheet.MapEndpoints(api);
        Reconciliation.ReconciliationSetup.MapEndpoints(api);
    }

    public void Register(RootCommand root, CliContext context)
    {
        Reconciliation.ReconciliationSetup.Register(root, context);
    }
}
