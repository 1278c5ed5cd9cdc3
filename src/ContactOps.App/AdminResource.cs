namespace ContactOps;

/// <summary>Marker for the admin pages' strings: Resources/AdminResource.resx (Spanish, neutral) and AdminResource.en.resx.</summary>
public sealed class AdminResource;
