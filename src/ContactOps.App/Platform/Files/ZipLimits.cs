namespace ContactOps.Platform.Files;

/// <summary>
/// Caps on what a received ZIP may expand to, checked while it streams (see docs/operations.md):
/// <c>Imports:Zip:MaxExpandedBytes</c> (default 512 MiB) and <c>Imports:Zip:MaxExpansionRatio</c>, expanded bytes per
/// compressed byte of the entry (default 100). Crossing either stops the extraction at once; nothing is kept.
/// </summary>
public sealed class ZipLimits(IConfiguration configuration)
{
    public const string Section = "Imports:Zip";
    public const long DefaultMaxExpandedBytes = 512L * 1024 * 1024;
    public const int DefaultMaxExpansionRatio = 100;

    public long MaxExpandedBytes => configuration.GetValue<long?>(Section + ":MaxExpandedBytes") is { } v && v > 0 ? v : DefaultMaxExpandedBytes;

    public int MaxExpansionRatio => configuration.GetValue<int?>(Section + ":MaxExpansionRatio") is { } v && v > 0 ? v : DefaultMaxExpansionRatio;

    /// <summary>The most an entry of <paramref name="compressedBytes"/> may expand to by the ratio.</summary>
    public long RatioCap(long compressedBytes) =>
        Math.Max(compressedBytes, 1) > long.MaxValue / MaxExpansionRatio ? long.MaxValue : Math.Max(compressedBytes, 1) * MaxExpansionRatio;
}
