namespace ContactOps;

/// <summary>Marker for the reports pages' strings: Resources/ReportsResource.resx (Spanish, neutral) and ReportsResource.en.resx.</summary>
public sealed class ReportsResource;
