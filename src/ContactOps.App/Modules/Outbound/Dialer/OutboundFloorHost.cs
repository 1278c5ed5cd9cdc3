using ContactOps.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Outbound.Dialer;

/// <summary>Resumes the campaigns left running (persisted <see cref="OutboundCampaign.IsRunning"/>) and stops the loops on shutdown.</summary>
internal sealed class OutboundFloorHost(OutboundFloor floor, IServiceScopeFactory scopes, ILogger<OutboundFloorHost> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        List<Guid> running;
        try
        {
            await using var scope = CampaignRun.SystemScope(scopes);
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            running = await db.OutboundCampaigns.Where(c => c.IsRunning).Select(c => c.OperationId).ToListAsync(cancellationToken);
        }
#pragma warning disable CA1031 // A database not migrated yet (first start, CLI) must not stop the host.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.LogWarning(ex, "Could not read the running outbound campaigns");
            return;
        }

        foreach (var operationId in running)
        {
            try
            {
                await floor.StartAsync(operationId, cancellationToken);
                logger.LogInformation("Dialer resumed for operation {OperationId}", operationId);
            }
            catch (InvalidOperationException ex)
            {
                logger.LogWarning(ex, "Dialer could not resume operation {OperationId}", operationId);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => floor.ShutdownAsync();
}
