namespace ContactOps;

/// <summary>Marker for the sales sheet and back-office strings: Resources/SalesResource.resx (Spanish, neutral) and SalesResource.en.resx.</summary>
public sealed class SalesResource;
