using System.Globalization;

namespace ContactOps.Platform.Imports;

/// <summary>
/// Deletes the rejected-rows CSVs of imports once they are older than <c>Imports:KeepRejectsDays</c> (default 30):
/// they hold personal data and are only there to be downloaded after an import. Sweeps at start and then hourly.
/// </summary>
public sealed class RejectsJanitor(IConfiguration configuration, TimeProvider time, ILogger<RejectsJanitor> logger) : BackgroundService
{
    public TimeSpan KeepFor => TimeSpan.FromDays(Math.Max(1, configuration.GetValue("Imports:KeepRejectsDays", 30)));

    /// <summary>Deletes the expired files in <paramref name="directory"/>; answers how many were deleted.</summary>
    public int Sweep(string directory)
    {
        if (!Directory.Exists(directory))
        {
            return 0;
        }

        var cutoff = time.GetUtcNow() - KeepFor;
        var deleted = 0;
        foreach (var path in Directory.EnumerateFiles(directory, "*-rechazados.csv"))
        {
            try
            {
                if (File.GetLastWriteTimeUtc(path) < cutoff.UtcDateTime)
                {
                    File.Delete(path);
                    deleted++;
                }
            }
            catch (IOException ex)
            {
                logger.LogWarning(ex, "Could not delete the expired rejects file {Path}", path);
            }
            catch (UnauthorizedAccessException ex)
            {
                logger.LogWarning(ex, "Could not delete the expired rejects file {Path}", path);
            }
        }

        if (deleted > 0)
        {
            logger.LogInformation("Deleted {Count} rejected-rows files older than {Days} days", deleted, KeepFor.TotalDays.ToString(CultureInfo.InvariantCulture));
        }

        return deleted;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), time);
        do
        {
            Sweep(ImportFiles.RejectsDirectory);
        }
        while (await NextTickAsync(timer, stoppingToken));
    }

    /// <summary>The next tick, continuing off the clock's callback (see WrapUpSweep: a jumping clock fires once per period).</summary>
    private static async Task<bool> NextTickAsync(PeriodicTimer timer, CancellationToken ct)
    {
        var ticked = await timer.WaitForNextTickAsync(ct);
        await Task.Yield();
        return ticked;
    }
}
