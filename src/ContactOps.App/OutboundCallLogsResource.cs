namespace ContactOps;

/// <summary>Marker for the call-log strings: Resources/OutboundCallLogsResource.resx (Spanish, neutral) and OutboundCallLogsResource.en.resx.</summary>
public sealed class OutboundCallLogsResource;
