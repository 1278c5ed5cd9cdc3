using ContactOps.Modules.Outbound.Dialer;
using ContactOps.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Outbound;

/// <summary>
/// The supervisor's live floor of a campaign: the dialer's snapshot (states, calls in flight, abandon rate, dial level),
/// the agents with their time in state (a pause over its limit is flagged), the callbacks. Read by
/// <see cref="Features.GetOutboundFloor"/>, <see cref="Features.StartDialer"/> and <see cref="Features.StopDialer"/>.
/// </summary>
public sealed class OutboundFloorView(AgentPresence presence, IOutboundFloor floor, DialerStatus status, TimeProvider time)
{
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

    /// <summary>The floor of the campaign of <paramref name="unit"/> now.</summary>
    public async Task<FloorView> ViewAsync(AppDbContext db, DeskUnit unit, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var callbacks = await db.Callbacks.Where(c => c.OperationId == unit.Operation.Id && c.Status == CallbackStatus.Pending)
            .Select(c => c.DueAt).ToListAsync(ct);
        var snapshot = floor.Snapshot(unit.Operation.Id);
        return new FloorView(unit.Operation.Code, unit.Operation.Name, unit.Campaign.DialMode, unit.Campaign.AbandonTarget, snapshot, Agents(unit),
            callbacks.Count, callbacks.Count(d => d <= now))
        {
            Dialer = await status.StateAsync(snapshot, ct),
        };
    }
}
