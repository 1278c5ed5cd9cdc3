namespace ContactOps.Modules.Outbound.Dialer;

/// <summary>Makes the pacer of a campaign from its settings (one pacer per running campaign: pacers keep state).</summary>
public interface IPacerFactory
{
    IPacer Create(DialMode mode, decimal powerRatio, double abandonTarget);
}

/// <summary>The product's pacers (<see cref="Pacers.Create"/>): progressive, power, predictive.</summary>
internal sealed class PacerFactory : IPacerFactory
{
    public IPacer Create(DialMode mode, decimal powerRatio, double abandonTarget) => Pacers.Create(mode, powerRatio, abandonTarget);
}
