namespace ContactOps;

/// <summary>Marker for the UI's shared strings: Resources/SharedResource.resx (Spanish, neutral) and SharedResource.en.resx.</summary>
public sealed class SharedResource;
