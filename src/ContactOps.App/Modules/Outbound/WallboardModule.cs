using ContactOps.Modules.Outbound.Features;
using ContactOps.Platform;

namespace ContactOps.Modules.Outbound;

/// <summary>The live wallboard (page /outbound/wallboard): the floor's live snapshot plus the day's figures.</summary>
public sealed class WallboardModule : IAppModule
{
    public void AddServices(IServiceCollection services) => services.AddScoped<WallboardView>();

    public void MapEndpoints(RouteGroupBuilder api)
    {
    }
}
