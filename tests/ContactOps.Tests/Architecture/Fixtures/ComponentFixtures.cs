// Fixtures for the component rule's own test: components holding a context for their lifetime. Never rendered.
#pragma warning disable CA1812, CA1822
using ContactOps.Platform.Data;
using Microsoft.AspNetCore.Components;

namespace ContactOps.Tests.Architecture.Fixtures.Components;

internal sealed class NeedsContext(AppDbContext db)
{
    public AppDbContext Db { get; } = db;
}

internal sealed class InjectsContext : ComponentBase
{
    [Inject]
    private AppDbContext Db { get; set; } = default!;
}

internal sealed class InjectsHandler : ComponentBase
{
    [Inject]
    private NeedsContext Handler { get; set; } = default!;
}

internal sealed class InjectsUnitOfWork : ComponentBase
{
    [Inject]
    private UnitOfWork<NeedsContext> Handler { get; set; } = default!;
}
