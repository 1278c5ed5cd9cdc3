namespace ContactOps;

/// <summary>Marker for the inbound desk and escalation pages' strings: Resources/InteractionsResource.resx (Spanish, neutral) and InteractionsResource.en.resx.</summary>
public sealed class InteractionsResource;
