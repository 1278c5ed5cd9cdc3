using System.Globalization;
using ContactOps.Platform.Tenancy;

namespace ContactOps.Platform.Imports;

/// <summary>
/// Deletes the rejected-rows files of imports (<see cref="ImportRejectsFile"/>: the encrypted file in the storage and its
/// record) once they are older than <c>Imports:KeepRejectsDays</c> (default 30): they hold personal data and are only
/// there to be downloaded after an import. Sweeps at start and then hourly. It also deletes the plain rejects CSVs
/// that versions before issue 13 left in the shared temporary folder (<see cref="LegacyDirectory"/>): nothing can
/// download them any more and they are world-readable.
/// </summary>
public sealed class RejectsJanitor(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider time, ILogger<RejectsJanitor> logger) : BackgroundService
{
    /// <summary>Where versions before issue 13 wrote rejects (<c>/tmp/contactops-imports</c>).</summary>
    public string LegacyDirectory { get; init; } = Path.Combine(Path.GetTempPath(), "contactops-imports");

    public TimeSpan KeepFor => TimeSpan.FromDays(Math.Max(1, configuration.GetValue("Imports:KeepRejectsDays", 30)));

    /// <summary>Deletes the expired rejects files; answers how many were deleted.</summary>
    public async Task<int> SweepAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AccessScope>().SetSystem("rejects-janitor");
        var deleted = await scope.ServiceProvider.GetRequiredService<ImportRejects>().SweepAsync(time.GetUtcNow() - KeepFor, ct);
        deleted += SweepLegacyFolder();
        if (deleted > 0)
        {
            logger.LogInformation("Deleted {Count} rejected-rows files older than {Days} days", deleted, KeepFor.TotalDays.ToString(CultureInfo.InvariantCulture));
        }

        return deleted;
    }

    private int SweepLegacyFolder()
    {
        if (!Directory.Exists(LegacyDirectory))
        {
            return 0;
        }

        var deleted = 0;
        foreach (var path in Directory.EnumerateFiles(LegacyDirectory, "*-rechazados.csv"))
        {
            try
            {
                File.Delete(path);
                deleted++;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                logger.LogWarning(ex, "Could not delete the old rejects file {Path}", path);
            }
        }

        return deleted;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), time);
        do
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "The sweep of expired rejected-rows files failed; it runs again in an hour");
            }
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
