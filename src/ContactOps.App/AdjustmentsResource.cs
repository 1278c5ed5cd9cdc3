namespace ContactOps;

/// <summary>Marker for the adjustments workflow pages' strings (queue, one adjustment, causes and settings): Resources/AdjustmentsResource.resx (Spanish, neutral) and AdjustmentsResource.en.resx.</summary>
public sealed class AdjustmentsResource;
