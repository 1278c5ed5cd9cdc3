// Fixtures for the host rule's own test: tests that build hosts the way the rule forbids. Never run.
#pragma warning disable CA1812, CA1822, CA2000
using Microsoft.AspNetCore.Mvc.Testing;

namespace ContactOps.Tests.Architecture.Fixtures.Hosts;

internal sealed class OwnFactory : WebApplicationFactory<Program>
{
}

internal sealed class BuildsItsOwn
{
    public object Start() => new WebApplicationFactory<Program>();
}

internal sealed class Reconfigures
{
    public object Start(WebApplicationFactory<Program> factory) => factory.WithWebHostBuilder(_ => { });
}

internal sealed class BuildsTheProduct
{
    public object Start() => AppHost.CreateBuilder([], forCli: true);
}
