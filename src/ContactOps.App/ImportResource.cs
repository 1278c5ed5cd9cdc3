namespace ContactOps;

/// <summary>Marker for the import pages' strings: Resources/ImportResource.resx (Spanish, neutral) and ImportResource.en.resx.</summary>
public sealed class ImportResource;
