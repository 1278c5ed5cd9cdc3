namespace ContactOps;

/// <summary>Marker for the outbound numbers' strings (attempts drill-down, goals editor): Resources/OutboundReportsResource.resx (Spanish, neutral) and OutboundReportsResource.en.resx.</summary>
public sealed class OutboundReportsResource;
