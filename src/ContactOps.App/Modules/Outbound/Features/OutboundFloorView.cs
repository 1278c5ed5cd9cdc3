using ContactOps.Modules.Outbound.Dialer;
using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Outbound.Features;

/// <summary>
/// The supervisor's live floor of a campaign: the dialer's snapshot (states, calls in flight, abandon rate, dial level),
/// the agents with their time in state (a pause over its limit is flagged), the callbacks; and starting/stopping the dialer.
/// </summary>
public sealed class OutboundFloorView(IDbContextFactory<AppDbContext> dbs, AccessScope scope, AgentPresence presence, IOutboundFloor floor, TimeProvider time)
{
    public async Task<Result<FloorView>> GetAsync(string? operation, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var loaded = await DeskUnits.LoadAsync(db, scope, operation, DeskUnits.FloorRoles, ct);
        return loaded.IsSuccess ? await ViewAsync(db, loaded.Value!, ct) : loaded.Error!;
    }

    public async Task<Result<FloorView>> StartAsync(string? operation, CancellationToken ct) => await RunAsync(operation, start: true, ct);

    public async Task<Result<FloorView>> StopAsync(string? operation, CancellationToken ct) => await RunAsync(operation, start: false, ct);

    /// <summary>The agents of a campaign as the floor shows them (also used by the hub).</summary>
    public IReadOnlyList<FloorAgentView> Agents(DeskUnit unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var now = time.GetUtcNow();
        var reasons = DeskSettings.PauseReasons(unit.Campaign);
        return presence.OnFloor(unit.Operation.Id).Select(s =>
        {
            var seconds = (int)Math.Max(0, (now - s.Since).TotalSeconds);
            var reason = reasons.FirstOrDefault(r => r.Code == s.ReasonCode);
            var over = s.State == AgentFloorState.Paused
                && (s.ReasonCode == DeskSettings.WrapUpTimeoutReason || (reason is not null && seconds > reason.Minutes * 60));
            over |= s.State == AgentFloorState.WrapUp && seconds > unit.Campaign.WrapUpLimitSeconds;
            return new FloorAgentView(s.UserId, s.Login, s.DisplayName, s.State, s.ReasonCode, reason?.Name, s.Since, seconds, over, s.Call?.PhoneE164);
        }).ToList();
    }

    private async Task<Result<FloorView>> RunAsync(string? operation, bool start, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var loaded = await DeskUnits.LoadAsync(db, scope, operation, DeskUnits.FloorRoles, ct);
        if (!loaded.IsSuccess)
        {
            return loaded.Error!;
        }

        var unit = loaded.Value!;
        if (start && unit.Campaign.DialMode == DialMode.Preview)
        {
            return Error.Conflict("floor.preview_mode", "La campaña está en modo vista previa: los asesores marcan desde el escritorio; no hay marcador que iniciar.");
        }

        if (start)
        {
            await floor.StartAsync(unit.Operation.Id, ct);

            // Agents already ready before the start are announced again to the fresh engine loop.
            foreach (var ready in presence.OnFloor(unit.Operation.Id).Where(s => s.State == AgentFloorState.Ready))
            {
                floor.AgentReady(ready.OperationId, ready.UserId, ready.Login, ready.Login);
            }
        }
        else
        {
            await floor.StopAsync(unit.Operation.Id, ct);
        }

        await db.Entry(unit.Campaign).ReloadAsync(ct);
        return await ViewAsync(db, unit, ct);
    }

    private async Task<FloorView> ViewAsync(AppDbContext db, DeskUnit unit, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var callbacks = await db.Callbacks.Where(c => c.OperationId == unit.Operation.Id && c.Status == CallbackStatus.Pending)
            .Select(c => c.DueAt).ToListAsync(ct);
        return new FloorView(unit.Operation.Code, unit.Operation.Name, unit.Campaign.DialMode, unit.Campaign.AbandonTarget, floor.Snapshot(unit.Operation.Id), Agents(unit),
            callbacks.Count, callbacks.Count(d => d <= now));
    }
}
