using System.Globalization;
using System.Text.Json;
using System.Threading.Channels;
using ContactOps.Modules.Organization.Contracts;
using ContactOps.Platform.Data;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Outbound.Dialer;

/// <summary>
/// One campaign on the floor: its agents, its live calls, its pacer and its measurements. Everything runs on one loop
/// (the inbox); public methods only post work to it.
/// </summary>
internal sealed class CampaignRun : ICallEventSink, IAsyncDisposable
{
    private const int MinSamples = 20;
    private const int Window = 300;

    /// <summary>How long a lead on a live call stays reserved beyond the ring timeout, and after a bridge (until its disposition).</summary>
    private static readonly TimeSpan LiveReservation = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan TalkReservation = TimeSpan.FromHours(2);

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private readonly OutboundFloor _floor;
    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _clock;
    private readonly ITelephonyGateway _gateway;
    private readonly IPacerFactory _pacers;
    private readonly ILogger _logger;
    private readonly Channel<Func<Task>> _inbox = Channel.CreateUnbounded<Func<Task>>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _pump;

    private readonly Dictionary<Guid, Agent> _agents = [];
    private readonly Dictionary<string, LiveCall> _calls = new(StringComparer.Ordinal);
    private readonly Queue<(bool Human, double Ring)> _dials = new();
    private readonly Queue<double> _talks = new();
    private readonly Queue<double> _wraps = new();
    private readonly Dictionary<string, TimeZoneInfo> _zones = new(StringComparer.Ordinal);

    private int _pending;
    private int _disposed;
    private ITimer? _tick;
    private bool _running;
    private DialMode _mode = DialMode.Preview;
    private decimal _powerRatio;
    private double _abandonTarget = 0.03;
    private string _windowsJson = "{}";
    private TimeZoneInfo _clientZone = TimeZoneInfo.Utc;
    private SimulationProfile _profile = new();
    private IPacer? _pacer;
    private IReadOnlyList<DispositionTraits> _dispositions = [];
    private Counts _counts = new(0, 0, 0, 0, 0, 0, 0);
    private volatile FloorSnapshot _last;

    public CampaignRun(
        Guid operationId, OutboundFloor floor, IServiceScopeFactory scopes, TimeProvider clock, ITelephonyGateway gateway,
        IPacerFactory pacers, ILogger logger)
    {
        OperationId = operationId;
        _floor = floor;
        _scopes = scopes;
        _clock = clock;
        _gateway = gateway;
        _pacers = pacers;
        _logger = logger;
        _last = Empty(operationId, clock.GetUtcNow());
        _pump = Task.Run(PumpAsync);
    }

    public Guid OperationId { get; }

    public FloorSnapshot Last => _last;

    public static FloorSnapshot Empty(Guid operationId, DateTimeOffset at) => new()
    {
        OperationId = operationId, Mode = DialMode.Preview, IsRunning = false, Ready = 0, InCall = 0, WrapUp = 0, Paused = 0,
        CallsInFlight = 0, WaitingAnswered = 0, AttemptsToday = 0, AnsweredToday = 0, AbandonedToday = 0, AbandonRateToday = 0,
        AbandonRate30Days = 0, DialLevel = 0, At = at,
    };

    public static AsyncServiceScope SystemScope(IServiceScopeFactory scopes)
    {
        var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AccessScope>().SetSystem("dialer");
        return scope;
    }

    // ---- Public surface: post to the loop ----
    public Task StartAsync(CancellationToken ct) => Post(() => StartCoreAsync(ct));

    public Task StopAsync(bool persist) => Post(() => StopCoreAsync(persist));

    public void AgentReady(Guid userId, string login, string endpoint)
    {
        var at = _clock.GetUtcNow();
        _ = Post(() => AgentReadyCoreAsync(userId, login, endpoint, at));
    }

    public void AgentNotReady(Guid userId, AgentFloorState state)
    {
        var at = _clock.GetUtcNow();
        _ = Post(() => AgentNotReadyCore(userId, state, at));
    }

    public Task HangUpAsync(Guid userId)
    {
        var at = _clock.GetUtcNow();
        return Post(() => HangUpCoreAsync(userId, at));
    }

    public async Task<AgentFloorState> AgentStateAsync(Guid userId)
    {
        var state = AgentFloorState.LoggedOut;
        await Post(() =>
        {
            state = _agents.TryGetValue(userId, out var a) ? a.State : AgentFloorState.LoggedOut;
            return Task.CompletedTask;
        });
        return state;
    }

    public ValueTask OnCallEventAsync(CallEvent callEvent)
    {
        _ = Post(() => OnEventCoreAsync(callEvent));
        return ValueTask.CompletedTask;
    }

    public async Task IdleAsync()
    {
        do
        {
            await Post(() => Task.CompletedTask);
        }
        while (Volatile.Read(ref _pending) > 0);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        try
        {
            await Post(() => StopCoreAsync(persist: false));
        }
        catch (ChannelClosedException)
        {
        }

        _inbox.Writer.TryComplete();
        await _pump;
        await _stopping.CancelAsync();
        _stopping.Dispose();
    }

    private Task Post(Func<Task> work)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Interlocked.Increment(ref _pending);
        if (!_inbox.Writer.TryWrite(async () =>
        {
            try
            {
                await work();
                Interlocked.Decrement(ref _pending);
                done.TrySetResult();
            }
#pragma warning disable CA1031 // The loop must survive any one item; the caller sees the exception.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                Interlocked.Decrement(ref _pending);
                done.TrySetException(ex);
                throw;
            }
        }))
        {
            Interlocked.Decrement(ref _pending);
            done.TrySetException(new ChannelClosedException());
        }

        return done.Task;
    }

    private async Task PumpAsync()
    {
        await foreach (var work in _inbox.Reader.ReadAllAsync())
        {
            try
            {
                await work();
            }
            catch (InvalidOperationException ex) when (ex.Data.Contains(RefusalKey))
            {
                // A refusal (e.g. starting a preview campaign): the caller got it.
            }
#pragma warning disable CA1031 // One failing item must not stop the campaign.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                _logger.LogError(ex, "Dialer engine error on operation {OperationId}", OperationId);
            }
        }
    }

    internal const string RefusalKey = "dialer.refusal";

    private static InvalidOperationException Refusal(string message)
    {
        var ex = new InvalidOperationException(message);
        ex.Data[RefusalKey] = true;
        return ex;
    }

    // ---- Start / stop ----
    private async Task StartCoreAsync(CancellationToken ct)
    {
        await using var scope = SystemScope(_scopes);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var campaign = await db.OutboundCampaigns.FirstOrDefaultAsync(c => c.OperationId == OperationId, ct)
            ?? throw Refusal("La operación no tiene campaña saliente configurada.");
        if (campaign.DialMode == DialMode.Preview)
        {
            throw Refusal("El modo vista previa no marca automáticamente: el agente marca desde su escritorio. Cambie el modo de marcación a progresivo, power o predictivo para arrancar el marcador.");
        }

        var calendar = await OperationCatalog.CalendarAsync(db, campaign.ClientId, ct)
            ?? throw Refusal("No se encontró el cliente de la campaña.");
        var profile = ParseProfile(campaign.SimulationJson);
        _clientZone = TimeZoneInfo.FindSystemTimeZoneById(calendar.Client.TimeZoneId);
        _dispositions = await OperationCatalog.DispositionTraitsAsync(db, OperationId, ct);
        _mode = campaign.DialMode;
        _powerRatio = campaign.PowerRatio;
        _abandonTarget = (double)campaign.AbandonTarget;
        _windowsJson = campaign.ContactWindowsJson;
        _profile = profile;
        _pacer = _pacers.Create(_mode, _powerRatio, _abandonTarget);
        if (_gateway is SimulatedTelephonyGateway simulator)
        {
            simulator.UseProfile(OperationId, profile);
        }

        if (!campaign.IsRunning)
        {
            campaign.IsRunning = true;
            await db.SaveChangesAsync(ct);
        }

        _running = true;
        _tick?.Dispose();
        _tick = _clock.CreateTimer(_ => _ = Post(TickAsync), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        await RefreshCountsAsync(db, ct);
        Publish(raise: true);
    }

    private static SimulationProfile ParseProfile(string? json)
    {
        SimulationProfile profile;
        try
        {
            profile = string.IsNullOrWhiteSpace(json) ? new SimulationProfile() : JsonSerializer.Deserialize<SimulationProfile>(json, JsonOptions) ?? new();
            CallOutcomeSampler.Validate(profile);
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException)
        {
            throw Refusal("El perfil de simulación de la campaña no es válido: " + ex.Message);
        }

        return profile;
    }

    private async Task StopCoreAsync(bool persist)
    {
        _running = false;
        _tick?.Dispose();
        _tick = null;
        if (persist)
        {
            await using var scope = SystemScope(_scopes);
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var campaign = await db.OutboundCampaigns.FirstOrDefaultAsync(c => c.OperationId == OperationId);
            if (campaign is { IsRunning: true })
            {
                campaign.IsRunning = false;
                await db.SaveChangesAsync();
            }
        }

        Publish(raise: true);
    }

    // ---- The cycle ----
    private async Task TickAsync()
    {
        if (!_running || _pacer is null)
        {
            return;
        }

        var now = _clock.GetUtcNow();
        await using var scope = SystemScope(_scopes);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await RefreshCountsAsync(db, _stopping.Token);
        var snapshot = Pacing(now);
        var toPlace = _pacer.CallsToPlace(snapshot);
        if (toPlace > 0)
        {
            await DialAsync(scope.ServiceProvider, db, toPlace, now);
        }

        Publish(raise: true);
    }

    /// <summary>What the pacer sees now.</summary>
    internal PacingSnapshot Pacing(DateTimeOffset now)
    {
        var ready = _agents.Values.Count(a => a.State == AgentFloorState.Ready && a.ReservedFor is null);
        var human = _dials.Count(d => d.Human);
        var rings = _dials.Where(d => d.Human).Select(d => d.Ring).ToList();
        return new PacingSnapshot
        {
            Now = now,
            ReadyAgents = ready,
            InCallAgents = _agents.Values.Count(a => a.State == AgentFloorState.InCall),
            WrapUpAgeSeconds = _agents.Values.Where(a => a.State == AgentFloorState.WrapUp).Select(a => (now - a.Since).TotalSeconds).ToList(),
            TalkAgeSeconds = _agents.Values.Where(a => a.State == AgentFloorState.InCall).Select(a => (now - a.Since).TotalSeconds).ToList(),
            CallsInFlight = _calls.Values.Count(c => c.State == LiveCallState.Dialing),
            WaitingAnswered = _calls.Values.Count(c => c.State == LiveCallState.Waiting),
            AnswerRate = _dials.Count >= MinSamples ? (double)human / _dials.Count : _profile.AnswerRate * (1 - _profile.MachineShare),
            MeanTalkSeconds = _talks.Count >= MinSamples ? _talks.Average() : _profile.TalkMeanSeconds,
            MeanWrapSeconds = _wraps.Count >= MinSamples ? _wraps.Average() : _profile.WrapMeanSeconds,
            MeanRingSeconds = rings.Count >= MinSamples ? rings.Average() : _profile.RingMeanSeconds,
            AnsweredToday = _counts.AnsweredToday,
            AbandonedToday = _counts.AbandonedToday,
            Answered30Days = _counts.Answered30Days,
            Abandoned30Days = _counts.Abandoned30Days,
            CallsLastMinute = _counts.CallsLastMinute,
            DroppedLastMinute = _counts.DroppedLastMinute,
            HoursLeftToday = HoursLeft(now),
            AbandonTarget = _abandonTarget,
        };
    }

    private async Task RefreshCountsAsync(AppDbContext db, CancellationToken ct)
    {
        var now = _clock.GetUtcNow();
        var dayStart = LocalDayStart(now, _clientZone);
        var from30 = LocalDayStart(now.AddDays(-29), _clientZone);
        var minuteAgo = now.AddMinutes(-1);
        var row = await db.CallAttempts.AsNoTracking()
            .Where(a => a.OperationId == OperationId && a.StartedAt >= from30)
            .GroupBy(a => a.OperationId)
            .Select(g => new Counts(
                g.Count(a => a.StartedAt >= dayStart),
                g.Count(a => a.StartedAt >= dayStart && a.Result == CallResult.Answered),
                g.Count(a => a.StartedAt >= dayStart && a.Abandoned),
                g.Count(a => a.Result == CallResult.Answered),
                g.Count(a => a.Abandoned),
                g.Count(a => a.StartedAt >= minuteAgo),
                g.Count(a => a.StartedAt >= minuteAgo && a.Abandoned)))
            .FirstOrDefaultAsync(ct);
        _counts = row ?? new Counts(0, 0, 0, 0, 0, 0, 0);
    }

    /// <summary>The UTC instant of local midnight of the day containing <paramref name="at"/> in <paramref name="zone"/>.</summary>
    internal static DateTimeOffset LocalDayStart(DateTimeOffset at, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(at, zone);
        var midnight = local.Date;
        return new DateTimeOffset(midnight, zone.GetUtcOffset(midnight)).ToUniversalTime();
    }

    private double HoursLeft(DateTimeOffset now)
    {
        Dictionary<string, List<List<string>>>? windows;
        try
        {
            windows = JsonSerializer.Deserialize<Dictionary<string, List<List<string>>>>(_windowsJson);
        }
        catch (JsonException)
        {
            return 0;
        }

        var local = TimeZoneInfo.ConvertTime(now, _clientZone);
        if (windows is null || !windows.TryGetValue(local.DayOfWeek.ToString(), out var today))
        {
            return 0;
        }

        var time = local.TimeOfDay;
        var left = TimeSpan.Zero;
        foreach (var w in today.Where(w => w.Count == 2))
        {
            if (!TimeSpan.TryParse(w[0], CultureInfo.InvariantCulture, out var start) || !TimeSpan.TryParse(w[1], CultureInfo.InvariantCulture, out var end))
            {
                continue;
            }

            if (end > time)
            {
                left += end - (start > time ? start : time);
            }
        }

        return left.TotalHours;
    }

    private async Task DialAsync(IServiceProvider services, AppDbContext db, int count, DateTimeOffset now)
    {
        var source = services.GetRequiredService<IDialerLeadSource>();
        var taken = await source.TakeAsync(OperationId, count, null, _stopping.Token);
        if (taken.Count == 0)
        {
            return;
        }

        var ids = taken.Select(t => t.LeadId).ToList();
        var leads = await db.Leads.Where(l => ids.Contains(l.Id)).ToDictionaryAsync(l => l.Id, _stopping.Token);
        var placed = new List<LiveCall>();
        foreach (var item in taken)
        {
            if (!leads.TryGetValue(item.LeadId, out var lead) || _calls.Values.Any(c => c.LeadId == item.LeadId))
            {
                continue; // Gone, or already on a live call of this campaign (keeps the hopper's reservation).
            }

            Agent? reservedAgent = null;
            if (item.CallbackAgentUserId is { } forAgent)
            {
                // A callback for a specific agent is dialled only while that agent is ready, and holds them for it.
                if (!_agents.TryGetValue(forAgent, out reservedAgent) || reservedAgent.State != AgentFloorState.Ready || reservedAgent.ReservedFor is not null)
                {
                    await source.ReleaseAsync(OperationId, item.LeadId, _stopping.Token);
                    continue;
                }
            }

            var attempt = LeadOutcomes.StartAttempt(db, lead, item.PhoneE164, _mode, now, LocalDay(lead, now), AttemptSource.ContactOps);
            attempt.CallId = attempt.Id.ToString("N");

            // Kept reserved while the call is alive (ringing: until the ring timeout and a margin; bridged: until the
            // disposition clears it), so the hopper never hands out a lead that is on the phone.
            lead.ReservedUntil = now.AddSeconds(_profile.RingTimeoutSeconds).Add(LiveReservation);
            if (item.CallbackId is { } callbackId)
            {
                // The callback is kept: this attempt is its call back (the lead returns by recycling if not reached).
                var callback = await db.Callbacks.FirstOrDefaultAsync(c => c.Id == callbackId, _stopping.Token);
                if (callback is { Status: CallbackStatus.Pending })
                {
                    callback.Status = CallbackStatus.Done;
                    callback.AttemptId = attempt.Id;
                }
            }

            var call = new LiveCall(attempt.CallId, attempt.Id, lead.Id, item.PhoneE164, item.CallbackAgentUserId, now);
            if (reservedAgent is not null)
            {
                reservedAgent.ReservedFor = call.CallId;
            }

            placed.Add(call);
        }

        await db.SaveChangesAsync(_stopping.Token);
        foreach (var call in placed)
        {
            _calls[call.CallId] = call;
            try
            {
                await _gateway.DialAsync(
                    new DialRequest(OperationId, call.CallId, call.PhoneE164, TimeSpan.FromSeconds(_profile.RingTimeoutSeconds)), this, _stopping.Token);
            }
#pragma warning disable CA1031 // A gateway failure fails this call only.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                _logger.LogWarning(ex, "The gateway could not place call {CallId}", call.CallId);
                await FinishUnansweredAsync(call, CallResult.Failed, now);
            }
        }
    }

    private DateOnly LocalDay(Lead lead, DateTimeOffset at)
    {
        var zone = _clientZone;
        if (!string.IsNullOrEmpty(lead.TimeZoneId))
        {
            if (!_zones.TryGetValue(lead.TimeZoneId, out var found))
            {
                found = TimeZoneInfo.TryFindSystemTimeZoneById(lead.TimeZoneId, out var z) ? z : _clientZone;
                _zones[lead.TimeZoneId] = found;
            }

            zone = found;
        }

        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);
    }

    // ---- Gateway events ----
    private async Task OnEventCoreAsync(CallEvent e)
    {
        if (!_calls.TryGetValue(e.CallId, out var call))
        {
            return; // Already ended by the engine (abandoned, hung up, machine).
        }

        switch (e.Kind)
        {
            case CallEventKind.Ringing:
                break;
            case CallEventKind.AnsweredHuman when call.State == LiveCallState.Dialing:
                Sample(_dials, (true, (e.At - call.DialedAt).TotalSeconds));
                call.AnsweredAt = e.At;
                call.State = LiveCallState.Waiting;
                var agent = FreeAgentFor(call);
                if (agent is not null)
                {
                    await BridgeAsync(call, agent, e.At);
                }
                else
                {
                    var wait = e.At + OutboundFloor.AbandonAfter - _clock.GetUtcNow();
                    call.AbandonTimer = _clock.CreateTimer(
                        _ => _ = Post(() => AbandonIfWaitingAsync(call.CallId)), null,
                        wait > TimeSpan.Zero ? wait : TimeSpan.FromMilliseconds(1), Timeout.InfiniteTimeSpan);
                }

                break;
            case CallEventKind.AnsweredMachine when call.State == LiveCallState.Dialing:
                Sample(_dials, (false, 0));
                call.AnsweredAt = e.At;
                await FinishUnansweredAsync(call, CallResult.Machine, e.At);
                await _gateway.HangUpAsync(call.CallId, _stopping.Token);
                break;
            case CallEventKind.NoAnswer or CallEventKind.Busy or CallEventKind.Failed when call.State == LiveCallState.Dialing:
                Sample(_dials, (false, 0));
                await FinishUnansweredAsync(call, e.Kind switch
                {
                    CallEventKind.NoAnswer => CallResult.NoAnswer,
                    CallEventKind.Busy => CallResult.Busy,
                    _ => CallResult.Failed,
                }, e.At);
                break;
            case CallEventKind.HangUp:
                switch (call.State)
                {
                    case LiveCallState.Connected:
                        await EndConnectedAsync(call, e.At, byAgent: false);
                        break;
                    case LiveCallState.Waiting:
                        // The person hung up before any agent was free: answered and lost (abandoned).
                        await AbandonAsync(call, e.At, playMessage: false);
                        break;
                    default:
                        Sample(_dials, (false, 0));
                        await FinishUnansweredAsync(call, CallResult.NoAnswer, e.At);
                        break;
                }

                break;
        }

        Publish(raise: false);
    }

    private Agent? FreeAgentFor(LiveCall call)
    {
        if (call.ForAgentUserId is { } forAgent)
        {
            return _agents.TryGetValue(forAgent, out var a) && a.State == AgentFloorState.Ready && (a.ReservedFor is null || a.ReservedFor == call.CallId)
                ? a
                : null;
        }

        return _agents.Values
            .Where(a => a.State == AgentFloorState.Ready && a.ReservedFor is null)
            .OrderBy(a => a.Since)
            .ThenBy(a => a.UserId)
            .FirstOrDefault();
    }

    private async Task BridgeAsync(LiveCall call, Agent agent, DateTimeOffset at)
    {
        call.AbandonTimer?.Dispose();
        call.State = LiveCallState.Connected;
        call.AgentUserId = agent.UserId;
        agent.State = AgentFloorState.InCall;
        agent.Since = at;
        agent.CallId = call.CallId;
        agent.ReservedFor = null;
        agent.LastAttemptId = call.AttemptId;
        await using (var scope = SystemScope(_scopes))
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var attempt = await db.CallAttempts.FirstAsync(a => a.Id == call.AttemptId, _stopping.Token);
            attempt.Result = CallResult.Answered;
            attempt.AnsweredAt = call.AnsweredAt;
            attempt.ConnectedAt = at;
            attempt.AgentUserId = agent.UserId;
            attempt.AgentLogin = agent.Login;
            await db.Leads.Where(l => l.Id == call.LeadId)
                .ExecuteUpdateAsync(u => u.SetProperty(l => l.ReservedUntil, (DateTimeOffset?)at.Add(TalkReservation)), _stopping.Token);
            await db.SaveChangesAsync(_stopping.Token);
        }

        await _gateway.BridgeAsync(call.CallId, agent.Endpoint, _stopping.Token);

        // The snapshot shows the bridge before anyone hears of it (presence, desk, wallboard read both at once).
        Publish(raise: false);
        _floor.RaiseConnected(new ConnectedCall(OperationId, agent.UserId, call.AttemptId, call.LeadId, call.PhoneE164, at));
    }

    private async Task AbandonIfWaitingAsync(string callId)
    {
        if (_calls.TryGetValue(callId, out var call) && call.State == LiveCallState.Waiting)
        {
            await AbandonAsync(call, call.AnsweredAt!.Value + OutboundFloor.AbandonAfter, playMessage: true);
            Publish(raise: false);
        }
    }

    private async Task AbandonAsync(LiveCall call, DateTimeOffset at, bool playMessage)
    {
        call.AbandonTimer?.Dispose();
        _calls.Remove(call.CallId);
        ReleaseReservation(call);
        await using (var scope = SystemScope(_scopes))
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var attempt = await db.CallAttempts.FirstAsync(a => a.Id == call.AttemptId, _stopping.Token);
            attempt.Result = CallResult.Answered;
            attempt.AnsweredAt = call.AnsweredAt;
            attempt.Abandoned = true;
            attempt.EndedAt = at;
            await db.Leads.Where(l => l.Id == call.LeadId)
                .ExecuteUpdateAsync(u => u.SetProperty(l => l.ReservedUntil, (DateTimeOffset?)null), _stopping.Token);
            await db.SaveChangesAsync(_stopping.Token);
        }

        if (playMessage)
        {
            await _gateway.PlayAbandonMessageAsync(call.CallId, _stopping.Token);
        }
    }

    private async Task FinishUnansweredAsync(LiveCall call, CallResult result, DateTimeOffset at)
    {
        _calls.Remove(call.CallId);
        ReleaseReservation(call);
        await using var scope = SystemScope(_scopes);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var attempt = await db.CallAttempts.FirstAsync(a => a.Id == call.AttemptId, _stopping.Token);
        attempt.Result = result;
        attempt.AnsweredAt = call.AnsweredAt;
        attempt.EndedAt = at;
        var code = LeadOutcomes.SystemDispositionCode(result);
        var traits = code is null ? null : _dispositions.FirstOrDefault(d => d.Code == code);
        var lead = await db.Leads.Include(l => l.Phones).FirstOrDefaultAsync(l => l.Id == call.LeadId, _stopping.Token);
        if (lead is not null)
        {
            lead.ReservedUntil = null;
        }

        if (traits is not null)
        {
            var campaign = await db.OutboundCampaigns.AsNoTracking().FirstAsync(c => c.OperationId == OperationId, _stopping.Token);
            await LeadOutcomes.ApplyDispositionAsync(db, attempt, lead, traits, campaign, at, null, defaulted: false, _stopping.Token);
        }

        await db.SaveChangesAsync(_stopping.Token);
    }

    private void ReleaseReservation(LiveCall call)
    {
        if (call.ForAgentUserId is { } id && _agents.TryGetValue(id, out var agent) && agent.ReservedFor == call.CallId)
        {
            agent.ReservedFor = null;
        }
    }

    private async Task EndConnectedAsync(LiveCall call, DateTimeOffset at, bool byAgent)
    {
        _calls.Remove(call.CallId);
        var talk = 0;
        await using (var scope = SystemScope(_scopes))
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var attempt = await db.CallAttempts.FirstAsync(a => a.Id == call.AttemptId, _stopping.Token);
            talk = (int)Math.Round((at - (attempt.ConnectedAt ?? at)).TotalSeconds, MidpointRounding.AwayFromZero);
            attempt.TalkSeconds = Math.Max(0, talk);
            attempt.EndedAt = at;
            await db.SaveChangesAsync(_stopping.Token);
        }

        Sample(_talks, talk);
        if (byAgent)
        {
            await _gateway.HangUpAsync(call.CallId, _stopping.Token);
        }

        if (call.AgentUserId is { } agentId && _agents.TryGetValue(agentId, out var agent) && agent.CallId == call.CallId)
        {
            agent.State = AgentFloorState.WrapUp;
            agent.Since = at;
            agent.CallId = null;
        }

        if (call.AgentUserId is { } userId)
        {
            Publish(raise: false);
            _floor.RaiseEnded(new EndedCall(OperationId, userId, call.AttemptId, at));
        }
    }

    // ---- Desk actions ----
    private async Task AgentReadyCoreAsync(Guid userId, string login, string endpoint, DateTimeOffset now)
    {
        if (!_agents.TryGetValue(userId, out var agent))
        {
            agent = new Agent(userId);
            _agents[userId] = agent;
        }

        agent.Login = login;
        agent.Endpoint = endpoint;
        if (agent.State == AgentFloorState.InCall && agent.CallId is not null)
        {
            return; // Still bridged to a call: ready after it ends and is dispositioned.
        }

        if (agent.State == AgentFloorState.WrapUp)
        {
            var wrap = (now - agent.Since).TotalSeconds;
            Sample(_wraps, wrap);
            if (agent.LastAttemptId is { } attemptId)
            {
                await using var scope = SystemScope(_scopes);
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                var attempt = await db.CallAttempts.FirstOrDefaultAsync(a => a.Id == attemptId, _stopping.Token);
                if (attempt is { WrapSeconds: 0 })
                {
                    attempt.WrapSeconds = (int)Math.Round(wrap, MidpointRounding.AwayFromZero);
                    await db.SaveChangesAsync(_stopping.Token);
                }
            }
        }

        if (agent.State != AgentFloorState.Ready)
        {
            agent.State = AgentFloorState.Ready;
            agent.Since = now;
        }

        // An answered call already waiting takes this agent at once (oldest first).
        var waiting = _calls.Values
            .Where(c => c.State == LiveCallState.Waiting && (c.ForAgentUserId is null || c.ForAgentUserId == userId)
                && c.AnsweredAt + OutboundFloor.AbandonAfter >= now)
            .OrderBy(c => c.AnsweredAt)
            .FirstOrDefault();
        if (waiting is not null && agent.ReservedFor is null)
        {
            await BridgeAsync(waiting, agent, now);
        }

        Publish(raise: false);
    }

    private Task AgentNotReadyCore(Guid userId, AgentFloorState state, DateTimeOffset at)
    {
        if (_agents.TryGetValue(userId, out var agent))
        {
            if (agent.State == AgentFloorState.InCall && agent.CallId is not null)
            {
                return Task.CompletedTask; // Bridged: the call ends first (wrap-up); the desk sets the state after.
            }

            if (state == AgentFloorState.LoggedOut)
            {
                _agents.Remove(userId);
            }
            else
            {
                agent.State = state;
                agent.Since = at;
            }

            Publish(raise: false);
        }

        return Task.CompletedTask;
    }

    private async Task HangUpCoreAsync(Guid userId, DateTimeOffset at)
    {
        if (_agents.TryGetValue(userId, out var agent) && agent.CallId is { } callId && _calls.TryGetValue(callId, out var call)
            && call.State == LiveCallState.Connected)
        {
            await EndConnectedAsync(call, at, byAgent: true);
            Publish(raise: false);
        }
    }

    // ---- Measurements and the published state ----
    private static void Sample<T>(Queue<T> queue, T value)
    {
        queue.Enqueue(value);
        while (queue.Count > Window)
        {
            queue.Dequeue();
        }
    }

    private void Publish(bool raise)
    {
        var now = _clock.GetUtcNow();
        var ready = _agents.Values.Count(a => a.State == AgentFloorState.Ready);
        var inCall = _agents.Values.Count(a => a.State == AgentFloorState.InCall);
        var inFlight = _calls.Values.Count(c => c.State == LiveCallState.Dialing);
        var waiting = _calls.Values.Count(c => c.State == LiveCallState.Waiting);

        // Calls in flight and agents in call are counted here, from the same state: every agent in call is on a call
        // (bridged by the engine, or dialled by the agent in preview), so the calls are the ringing, the waiting and one
        // per agent in call.
        var snapshot = new FloorSnapshot
        {
            OperationId = OperationId,
            Mode = _mode,
            IsRunning = _running,
            Ready = ready,
            InCall = inCall,
            WrapUp = _agents.Values.Count(a => a.State == AgentFloorState.WrapUp),
            Paused = _agents.Values.Count(a => a.State == AgentFloorState.Paused),
            CallsInFlight = inFlight + waiting + inCall,
            CallsRinging = inFlight,
            WaitingAnswered = waiting,
            AttemptsToday = _counts.AttemptsToday,
            AnsweredToday = _counts.AnsweredToday,
            AbandonedToday = _counts.AbandonedToday,
            AbandonRateToday = _counts.AnsweredToday == 0 ? 0 : (double)_counts.AbandonedToday / _counts.AnsweredToday,
            AbandonRate30Days = _counts.Answered30Days == 0 ? 0 : (double)_counts.Abandoned30Days / _counts.Answered30Days,
            DialLevel = _mode switch
            {
                DialMode.Progressive => 1,
                DialMode.Power => (double)_powerRatio,
                DialMode.Predictive => ready + inCall == 0 ? 0 : (double)(inFlight + waiting + inCall) / (ready + inCall),
                _ => 0,
            },
            At = now,
        };
        var previous = _last;
        _last = snapshot;

        // A change of agents or calls is pushed at once while running (the floor, the wallboard and the hub show the
        // same state the engine has), not only on the next tick.
        var changed = previous.Ready != snapshot.Ready || previous.InCall != snapshot.InCall || previous.WrapUp != snapshot.WrapUp
            || previous.Paused != snapshot.Paused || previous.CallsInFlight != snapshot.CallsInFlight || previous.CallsRinging != snapshot.CallsRinging
            || previous.WaitingAnswered != snapshot.WaitingAnswered || previous.IsRunning != snapshot.IsRunning;
        if (raise || (_running && changed))
        {
            _floor.RaiseFloorChanged(snapshot);
        }
    }

    private sealed record Counts(
        int AttemptsToday, int AnsweredToday, int AbandonedToday, int Answered30Days, int Abandoned30Days, int CallsLastMinute, int DroppedLastMinute);

    private sealed class Agent(Guid userId)
    {
        public Guid UserId { get; } = userId;

        public string Login { get; set; } = "";

        public string Endpoint { get; set; } = "";

        public AgentFloorState State { get; set; } = AgentFloorState.LoggedOut;

        /// <summary>Since when the agent is in <see cref="State"/> (ready since = idle time, for longest-idle-first).</summary>
        public DateTimeOffset Since { get; set; }

        public string? CallId { get; set; }

        /// <summary>A callback for this agent is being dialled: they get no other call meanwhile.</summary>
        public string? ReservedFor { get; set; }

        public Guid? LastAttemptId { get; set; }
    }

    private enum LiveCallState
    {
        Dialing,
        Waiting,
        Connected,
    }

    private sealed class LiveCall(string callId, Guid attemptId, Guid leadId, string phoneE164, Guid? forAgentUserId, DateTimeOffset dialedAt)
    {
        public string CallId { get; } = callId;

        public Guid AttemptId { get; } = attemptId;

        public Guid LeadId { get; } = leadId;

        public string PhoneE164 { get; } = phoneE164;

        public Guid? ForAgentUserId { get; } = forAgentUserId;

        public DateTimeOffset DialedAt { get; } = dialedAt;

        public LiveCallState State { get; set; } = LiveCallState.Dialing;

        public DateTimeOffset? AnsweredAt { get; set; }

        public Guid? AgentUserId { get; set; }

        public ITimer? AbandonTimer { get; set; }
    }
}
