namespace ContactOps;

/// <summary>Marker for the adjustments-base import strings: Resources/AdjustmentsImportResource.resx (Spanish, neutral) and AdjustmentsImportResource.en.resx.</summary>
public sealed class AdjustmentsImportResource;
