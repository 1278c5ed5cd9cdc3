using System.CommandLine;
using ContactOps.Platform.Cli;

namespace ContactOps.Modules.Outbound.Stats;

/// <summary>Wiring of the stats features: services, API endpoints and report verbs.</summary>
internal static class StatsFeatures
{
    public static void AddServices(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
    }

    public static void Map(RouteGroupBuilder outbound)
    {
        ArgumentNullException.ThrowIfNull(outbound);
    }

    public static void RegisterReports(Command report, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(context);
    }
}
