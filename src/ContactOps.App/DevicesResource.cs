namespace ContactOps;

/// <summary>Marker for the device back-office strings: Resources/DevicesResource.resx (Spanish, neutral) and DevicesResource.en.resx.</summary>
public sealed class DevicesResource;
