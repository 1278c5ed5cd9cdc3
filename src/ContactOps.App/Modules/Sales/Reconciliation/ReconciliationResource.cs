namespace ContactOps;

/// <summary>Marker for the reconciliation page's strings: Resources/ReconciliationResource.resx (Spanish, neutral) and ReconciliationResource.en.resx.</summary>
public sealed class ReconciliationResource;
