using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ContactOps.Modules.Outbound.Dialer;

/// <summary>The live dialer: the floor (singleton + hosted resume) and the default telephony gateway (the simulator).</summary>
internal static class DialerEngineServices
{
    public static void Add(IServiceCollection services)
    {
        // A PBX gateway registered before this (or replacing it by configuration) wins.
        services.TryAddSingleton<ITelephonyGateway, SimulatedTelephonyGateway>();
        services.TryAddSingleton<IPacerFactory, PacerFactory>();
        services.TryAddSingleton<OutboundFloor>();
        services.TryAddSingleton<IOutboundFloor>(sp => sp.GetRequiredService<OutboundFloor>());
        services.AddHostedService<OutboundFloorHost>();
    }
}
