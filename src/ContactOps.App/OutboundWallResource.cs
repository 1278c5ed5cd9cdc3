namespace ContactOps;

/// <summary>Marker for the wallboard and management report strings: Resources/OutboundWallResource.resx (Spanish, neutral) and OutboundWallResource.en.resx.</summary>
public sealed class OutboundWallResource;
