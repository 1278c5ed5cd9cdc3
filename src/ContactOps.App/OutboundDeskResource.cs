namespace ContactOps;

/// <summary>Marker for the outbound desk and floor strings: Resources/OutboundDeskResource.resx (Spanish, neutral) and OutboundDeskResource.en.resx.</summary>
public sealed class OutboundDeskResource;
