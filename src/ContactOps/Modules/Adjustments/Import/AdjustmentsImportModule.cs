using System.CommandLine;
using ContactOps.Platform;
using ContactOps.Platform.Cli;

namespace ContactOps.Modules.Adjustments.Import;

/// <summary>The carrier's adjustments base (issue 6): `import adjustments`, the upload page and endpoint, history by cut.</summary>
public sealed class AdjustmentsImportModule : IAppModule, ICliModule
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
