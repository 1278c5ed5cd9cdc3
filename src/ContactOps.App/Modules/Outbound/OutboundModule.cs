using ContactOps.Modules.Outbound.Dialer;
using ContactOps.Platform;

namespace ContactOps.Modules.Outbound;

/// <summary>
/// Outbound campaigns (PROCEDURES §3, steps 1–7): lead bases and exclusion lists, segmentation, the contact policy,
/// the dialer engine with its pacers and telephony gateway, and the agent's outbound desk.
/// </summary>
public sealed class OutboundModule : IAppModule
{
    public void AddServices(IServiceCollection services)
    {
        PolicyEndpoints.AddServices(services);

        // engine: the live dialer (floor + simulated gateway).
        DialerEngineServices.Add(services);

        DeskEndpoints.AddServices(services);
    }

    public void MapEndpoints(RouteGroupBuilder api)
    {
        var outbound = api.MapGroup("/outbound").WithTags("Outbound");
        PolicyEndpoints.Map(outbound);

        DeskEndpoints.Map(outbound);
    }
}
