using System.Diagnostics.Metrics;

namespace ContactOps.Platform;

/// <summary>The product's own OpenTelemetry metrics (exported at /metrics with ASP.NET Core's).</summary>
public sealed class AppMetrics : IDisposable
{
    public const string MeterName = "ContactOps";

    private readonly Meter _meter = new(MeterName);

    public AppMetrics()
    {
        ImportedRows = _meter.CreateCounter<long>("contactops.import.rows", unit: "{row}", description: "Rows read by file imports");
        RejectedRows = _meter.CreateCounter<long>("contactops.import.rejected", unit: "{row}", description: "Rows rejected by file imports");
        SignInFailures = _meter.CreateCounter<long>("contactops.signin.failures", unit: "{attempt}", description: "Failed sign-in attempts");
    }

    public Counter<long> ImportedRows { get; }

    public Counter<long> RejectedRows { get; }

    public Counter<long> SignInFailures { get; }

    public void Dispose() => _meter.Dispose();
}
