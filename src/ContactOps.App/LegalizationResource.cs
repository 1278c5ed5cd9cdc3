namespace ContactOps;

/// <summary>Marker for the legalization and sale-attachment strings: Resources/LegalizationResource.resx (Spanish, neutral) and LegalizationResource.en.resx.</summary>
public sealed class LegalizationResource;
