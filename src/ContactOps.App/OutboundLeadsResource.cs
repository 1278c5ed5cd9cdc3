namespace ContactOps;

/// <summary>Marker for the lead bases strings: Resources/OutboundLeadsResource.resx (Spanish, neutral) and OutboundLeadsResource.en.resx.</summary>
public sealed class OutboundLeadsResource;
