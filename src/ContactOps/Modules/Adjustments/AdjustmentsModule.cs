using System.CommandLine;
using ContactOps.Platform;
using ContactOps.Platform.Cli;

namespace ContactOps.Modules.Adjustments;

/// <summary>The billing-adjustments cell's workflow (issue 6): queues, one adjustment's procedure as an explicit state machine, regulatory clocks, causes and settings. Endpoints under /api/v1/adjustments.</summary>
public sealed class AdjustmentsModule : IAppModule, ICliModule
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
