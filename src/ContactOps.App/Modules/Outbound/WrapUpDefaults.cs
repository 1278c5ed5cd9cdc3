using ContactOps.Modules.Outbound.Dialer;
using ContactOps.Platform.Data;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Outbound;

/// <summary>
/// The wrap-up time limit: an attempt whose call ended more than the campaign's <c>WrapUpLimitSeconds</c> ago without a
/// disposition gets the supervisor-configured default (<c>DispositionDefaulted</c>), and its agent is paused
/// (reason <see cref="DeskSettings.WrapUpTimeoutReason"/>) so no call reaches an agent who is not at the desk.
/// </summary>
public sealed class WrapUpDefaults(IServiceScopeFactory scopes, AgentPresence presence, TimeProvider time, ILogger<WrapUpDefaults> log)
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Applies the defaults now due; returns how many attempts got one.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            await using var serviceScope = scopes.CreateAsyncScope();
            serviceScope.ServiceProvider.GetRequiredService<AccessScope>().SetSystem("wrap-up");
            var db = serviceScope.ServiceProvider.GetRequiredService<AppDbContext>();
            var now = time.GetUtcNow();
            var candidates = await db.CallAttempts
                .Where(a => a.DispositionAt == null && a.AgentUserId != null && a.EndedAt != null)
                .Join(db.OutboundCampaigns.Where(c => c.WrapUpDefaultDispositionCode != null), a => a.OperationId, c => c.OperationId, (a, c) => new { Attempt = a, Campaign = c })
                .Take(1000)
                .ToListAsync(ct);
            var applied = 0;
            var paused = new List<(Guid Operation, Guid User)>();
            foreach (var group in candidates.Where(x => x.Attempt.EndedAt!.Value.AddSeconds(x.Campaign.WrapUpLimitSeconds) <= now).GroupBy(x => x.Campaign.OperationId))
            {
                var campaign = group.First().Campaign;
                var catalog = await DeskUnits.CatalogAsync(db, campaign.OperationId, ct);
                var disposition = catalog.FirstOrDefault(d => d.Code == campaign.WrapUpDefaultDispositionCode);
                if (disposition is null)
                {
                    log.LogWarning("La tipificación por defecto {Code} de la operación {Operation} no está en el catálogo activo.", campaign.WrapUpDefaultDispositionCode, campaign.OperationId);
                    continue;
                }

                foreach (var item in group)
                {
                    var attempt = item.Attempt;
                    var lead = attempt.LeadId is { } leadId ? await db.Leads.Include(l => l.Phones).FirstOrDefaultAsync(l => l.Id == leadId, ct) : null;
                    LeadOutcomes.CompleteAttempt(attempt, disposition, now);
                    await LeadOutcomes.ApplyDispositionAsync(db, attempt, lead, disposition, campaign, now, null, defaulted: true, ct);
                    await LeadOutcomes.CloseCallbacksAsync(db, attempt, ct);
                    applied++;
                    paused.Add((attempt.OperationId, attempt.AgentUserId!.Value));
                }
            }

            foreach (var (operation, user) in paused.Distinct())
            {
                if (presence.Get(operation, user) is { State: AgentFloorState.WrapUp or AgentFloorState.InCall } session)
                {
                    var moved = presence.Move(operation, user, AgentFloorState.Paused, DeskSettings.WrapUpTimeoutReason, s => s with { Call = null })!;
                    db.AgentStateChanges.Add(new AgentStateChange(session.ClientId, operation, user, session.Login, moved.State, moved.ReasonCode, moved.Since));
                }
            }

            if (applied > 0 || db.ChangeTracker.HasChanges())
            {
                await db.SaveChangesAsync(ct);
            }

            return applied;
        }
        finally
        {
            _gate.Release();
        }
    }
}

/// <summary>Runs the wrap-up sweep every few seconds.</summary>
public sealed class WrapUpSweep(WrapUpDefaults defaults, TimeProvider time, ILogger<WrapUpSweep> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(5), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            // Never run the sweep inside the clock's callback. A clock that jumps (a test's fake clock moved by days, a
            // host resumed after a suspend) fires a periodic timer once per elapsed period, and a tick's continuation runs
            // inline in that callback: with SQLite, whose "async" calls complete synchronously, every one of ~290,000
            // ticks of a 17-day jump ran a full sweep on the thread that moved the clock. Yielding lets ticks coalesce.
            await Task.Yield();
            try
            {
                await defaults.RunOnceAsync(stoppingToken);
            }
            catch (Exception) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                log.LogError(ex, "Falló el barrido de tipificaciones por defecto.");
            }
        }
    }
}
