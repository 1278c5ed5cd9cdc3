namespace ContactOps.Modules.Outbound.Dialer;

/// <summary>What to simulate: a campaign day with a fixed team (all logged in for the whole run).</summary>
public sealed record SimulationSettings
{
    public required int Agents { get; init; }

    public required double Minutes { get; init; }

    /// <summary>The simulated world (answer rate, machines, ring/talk/wrap means, seed).</summary>
    public required SimulationProfile Profile { get; init; }

    /// <summary>Abandon-rate target handed to the pacer (fraction).</summary>
    public double AbandonTarget { get; init; } = 0.03;

    /// <summary>Seconds an answered person waits for an agent before the call is abandoned (recorded message).</summary>
    public double AbandonAfterSeconds { get; init; } = 2;

    /// <summary>Hours of contact window left at the start of the run (default: the run's own length).</summary>
    public double? HoursLeftAtStart { get; init; }
}

/// <summary>The day's figures. abandonRate = abandoned ÷ answered by a person; occupancy = (talk + wrap-up) ÷ logged-in time.</summary>
public sealed record SimulationResult(
    long Attempts,
    long Answered,
    long Abandoned,
    double AbandonRate,
    double Occupancy,
    double MeanAgentWaitSeconds)
{
    public long MachineAnswered { get; init; }

    public long Connected { get; init; }
}

/// <summary>
/// A discrete-event simulation of one campaign: virtual time, a priority queue of events, every draw from the profile's
/// seed (same inputs → same result). Each engine cycle (every second) builds a <see cref="PacingSnapshot"/> from what an
/// engine can measure and asks the pacer how many calls to place. A call rings, then is answered by a person or a
/// machine, or not; a person with no free agent within <see cref="SimulationSettings.AbandonAfterSeconds"/> is abandoned
/// (hears the recorded message). Connected calls: talk, then wrap-up, then the agent is ready again (longest-idle first).
/// </summary>
public sealed class DialerSimulator
{
    private const double PriorWeight = 20;
    private const double PriorAnswerRate = 0.25;
    private const double PriorTalkSeconds = 120;
    private const double PriorWrapSeconds = 15;
    private const double PriorRingSeconds = 10;

    private enum EventKind
    {
        Resolved,
        TalkEnded,
        WrapEnded,
        AbandonCheck,
    }

    private enum AgentState
    {
        Ready,
        Talking,
        Wrapping,
    }

    private readonly record struct SimEvent(EventKind Kind, int Id);

    private readonly SimulationSettings _settings;
    private readonly IPacer _pacer;
    private readonly CallOutcomeSampler _sampler;
    private readonly PriorityQueue<SimEvent, (double Time, long Seq)> _events = new();
    private readonly List<CallOutcome> _calls = [];
    private readonly List<double> _answeredAt = [];
    private readonly List<bool> _waitingFlags = [];
    private readonly Queue<int> _waiting = new();
    private readonly LinkedList<int> _ready = new();
    private readonly AgentState[] _state;
    private readonly double[] _since;
    private readonly int[] _agentCall;
    private readonly Queue<double> _placedLastMinute = new();
    private readonly Queue<double> _droppedLastMinute = new();
    private long _seq;
    private int _inFlight;
    private int _waitingCount;
    private long _resolved;
    private long _human;
    private long _machine;
    private long _abandoned;
    private long _connected;
    private double _talkSum;
    private long _talkCount;
    private double _wrapSum;
    private long _wrapCount;
    private double _ringSum;
    private long _ringCount;
    private double _busySeconds;
    private double _waitSum;
    private double _end;

    public DialerSimulator(SimulationSettings settings, IPacer pacer)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(pacer);
        if (settings.Agents < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(settings), settings.Agents, "At least one agent.");
        }

        if (!(settings.Minutes > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(settings), settings.Minutes, "Minutes must be greater than 0.");
        }

        _settings = settings;
        _pacer = pacer;
        _sampler = new CallOutcomeSampler(settings.Profile);
        _state = new AgentState[settings.Agents];
        _since = new double[settings.Agents];
        _agentCall = new int[settings.Agents];
        for (var i = 0; i < settings.Agents; i++)
        {
            _ready.AddLast(i);
        }
    }

    /// <summary>Called after every cycle with the snapshot the pacer saw and the calls it placed (for tests and tracing).</summary>
    public Action<PacingSnapshot, int>? OnCycle { get; init; }

    /// <summary>Runs the whole day and returns its figures.</summary>
    public SimulationResult Run()
    {
        _end = _settings.Minutes * 60;
        var origin = new DateTimeOffset(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);
        var hoursLeftAtStart = _settings.HoursLeftAtStart ?? _settings.Minutes / 60;
        var talkAges = new List<double>(_settings.Agents);
        var wrapAges = new List<double>(_settings.Agents);

        for (var t = 0; t < _end; t++)
        {
            ProcessUntil(t);
            while (_placedLastMinute.Count > 0 && _placedLastMinute.Peek() <= t - 60)
            {
                _placedLastMinute.Dequeue();
            }

            while (_droppedLastMinute.Count > 0 && _droppedLastMinute.Peek() <= t - 60)
            {
                _droppedLastMinute.Dequeue();
            }

            talkAges.Clear();
            wrapAges.Clear();
            for (var i = 0; i < _state.Length; i++)
            {
                if (_state[i] == AgentState.Talking)
                {
                    talkAges.Add(t - _since[i]);
                }
                else if (_state[i] == AgentState.Wrapping)
                {
                    wrapAges.Add(t - _since[i]);
                }
            }

            var snapshot = new PacingSnapshot
            {
                Now = origin.AddSeconds(t),
                ReadyAgents = _ready.Count,
                InCallAgents = talkAges.Count,
                WrapUpAgeSeconds = wrapAges,
                TalkAgeSeconds = talkAges,
                CallsInFlight = _inFlight,
                WaitingAnswered = _waitingCount,
                AnswerRate = (_human + (PriorWeight * PriorAnswerRate)) / (_resolved + PriorWeight),
                MeanTalkSeconds = (_talkSum + (PriorWeight * PriorTalkSeconds)) / (_talkCount + PriorWeight),
                MeanWrapSeconds = (_wrapSum + (PriorWeight * PriorWrapSeconds)) / (_wrapCount + PriorWeight),
                MeanRingSeconds = (_ringSum + (PriorWeight * PriorRingSeconds)) / (_ringCount + PriorWeight),
                AnsweredToday = (int)_human,
                AbandonedToday = (int)_abandoned,
                Answered30Days = (int)_human,
                Abandoned30Days = (int)_abandoned,
                CallsLastMinute = _placedLastMinute.Count,
                DroppedLastMinute = _droppedLastMinute.Count,
                HoursLeftToday = Math.Max(0, hoursLeftAtStart - (t / 3600.0)),
                AbandonTarget = _settings.AbandonTarget,
            };

            var place = Math.Max(0, _pacer.CallsToPlace(snapshot));
            for (var c = 0; c < place; c++)
            {
                Place(t);
            }

            OnCycle?.Invoke(snapshot, place);
        }

        ProcessUntil(_end);

        // Agents still talking or wrapping at the end: their busy time up to the end was counted when they connected.
        var loggedIn = _settings.Agents * _end;
        return new SimulationResult(
            _calls.Count,
            _human,
            _abandoned,
            _human == 0 ? 0 : (double)_abandoned / _human,
            _busySeconds / loggedIn,
            _connected == 0 ? 0 : _waitSum / _connected)
        {
            MachineAnswered = _machine,
            Connected = _connected,
        };
    }

    private void Place(double now)
    {
        var id = _calls.Count;
        var outcome = _sampler.Next();
        _calls.Add(outcome);
        _answeredAt.Add(double.NaN);
        _waitingFlags.Add(false);
        _inFlight++;
        _placedLastMinute.Enqueue(now);
        Schedule(now + outcome.RingSeconds, EventKind.Resolved, id);
    }

    private void Schedule(double time, EventKind kind, int id) => _events.Enqueue(new SimEvent(kind, id), (time, _seq++));

    private void ProcessUntil(double time)
    {
        while (_events.TryPeek(out var e, out var key) && key.Time <= time)
        {
            _events.Dequeue();
            var now = key.Time;
            switch (e.Kind)
            {
                case EventKind.Resolved:
                    Resolve(e.Id, now);
                    break;
                case EventKind.TalkEnded:
                    _talkSum += _calls[_agentCall[e.Id]].TalkSeconds;
                    _talkCount++;
                    _state[e.Id] = AgentState.Wrapping;
                    _since[e.Id] = now;
                    Schedule(now + _calls[_agentCall[e.Id]].WrapSeconds, EventKind.WrapEnded, e.Id);
                    break;
                case EventKind.WrapEnded:
                    var call = _calls[_agentCall[e.Id]];
                    _wrapSum += call.WrapSeconds;
                    _wrapCount++;
                    AgentReady(e.Id, now);
                    break;
                case EventKind.AbandonCheck:
                    if (_waitingFlags[e.Id])
                    {
                        _waitingFlags[e.Id] = false;
                        _waitingCount--;
                        _abandoned++;
                        _droppedLastMinute.Enqueue(now);
                    }

                    break;
            }
        }
    }

    private void Resolve(int id, double now)
    {
        _inFlight--;
        _resolved++;
        var call = _calls[id];
        if (call.Kind is CallOutcomeKind.Human or CallOutcomeKind.Machine)
        {
            _ringSum += call.RingSeconds;
            _ringCount++;
        }

        if (call.Kind == CallOutcomeKind.Machine)
        {
            _machine++;
            return;
        }

        if (call.Kind != CallOutcomeKind.Human)
        {
            return;
        }

        _human++;
        _answeredAt[id] = now;
        if (_ready.Count > 0)
        {
            var agent = _ready.First!.Value;
            _ready.RemoveFirst();
            Connect(agent, id, now);
            return;
        }

        _waitingFlags[id] = true;
        _waitingCount++;
        _waiting.Enqueue(id);
        Schedule(now + _settings.AbandonAfterSeconds, EventKind.AbandonCheck, id);
    }

    private void AgentReady(int agent, double now)
    {
        while (_waiting.Count > 0)
        {
            var id = _waiting.Dequeue();
            if (_waitingFlags[id])
            {
                _waitingFlags[id] = false;
                _waitingCount--;
                _since[agent] = now;
                Connect(agent, id, now);
                return;
            }
        }

        _state[agent] = AgentState.Ready;
        _since[agent] = now;
        _ready.AddLast(agent);
    }

    private void Connect(int agent, int id, double now)
    {
        var call = _calls[id];
        if (_state[agent] == AgentState.Ready)
        {
            _waitSum += now - _since[agent];
        }

        _connected++;
        _state[agent] = AgentState.Talking;
        _since[agent] = now;
        _agentCall[agent] = id;
        _busySeconds += Math.Max(0, Math.Min(call.TalkSeconds + call.WrapSeconds, _end - now));
        Schedule(now + call.TalkSeconds, EventKind.TalkEnded, agent);
    }
}
