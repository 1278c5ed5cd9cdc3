using System.CommandLine;
using ContactOps.Platform;
using ContactOps.Platform.Cli;

namespace ContactOps.Modules.Adjustments.Reports;

/// <summary>Weekly coaching (top 5 by rejections, commitments, acknowledgements) and the cell's KPIs (issue 6): `report adjustments-top`, `report adjustments`, charts, XLSX.</summary>
public sealed class AdjustmentsReportsModule : IAppModule, ICliModule
{
    public IEnumerable<string> TopLevelVerbs => [];

    public void AddServices(IServiceCollection services)
    {
    }

    public void MapEndpoints(RouteGroupBuilder api)
    {
    }

    public void Register(RootCommand root, CliContext context)
    {
    }
}
