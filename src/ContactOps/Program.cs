using ContactOps;
using ContactOps.Platform.Cli;

// No verb → serve the product. A verb (`db migrate`, `calendar due`, `import customers`, ...) → run it and exit.
if (CliHost.IsCliInvocation(args, AppModules.Cli))
{
    var cliBuilder = AppHost.CreateBuilder([], forCli: true);
    await using var cliApp = cliBuilder.Build();
    return await CliHost.RunAsync(AppModules.Cli, cliApp.Services, args);
}

var builder = AppHost.CreateBuilder(args, forCli: false);
var app = builder.Build();
await AppHost.PrepareDatabaseAsync(app);
AppHost.ConfigurePipeline(app);
AppHost.AnnounceOnStart(app);
await app.RunAsync();
return 0;

/// <summary>Entry point type, public for WebApplicationFactory.</summary>
public partial class Program;
