namespace ContactOps;

/// <summary>Marker for the outbound campaign settings and segmentation strings: Resources/OutboundPolicyResource.resx (Spanish, neutral) and OutboundPolicyResource.en.resx.</summary>
public sealed class OutboundPolicyResource;
