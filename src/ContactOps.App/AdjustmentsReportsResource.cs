namespace ContactOps;

/// <summary>Marker for the adjustments KPI and coaching strings: Resources/AdjustmentsReportsResource.resx (Spanish, neutral) and AdjustmentsReportsResource.en.resx.</summary>
public sealed class AdjustmentsReportsResource;
