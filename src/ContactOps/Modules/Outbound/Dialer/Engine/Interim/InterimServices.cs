using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ContactOps.Modules.Outbound.Dialer.Engine.Interim;

/// <summary>Registers the interim hopper and pacers only when the real ones are not registered. Deleted at merge (with its one call).</summary>
internal static class InterimServices
{
    public static void Add(IServiceCollection services)
    {
        services.TryAddScoped<IDialerLeadSource, InterimLeadSource>();
        services.TryAddSingleton<IPacerFactory, InterimPacerFactory>();
    }
}
