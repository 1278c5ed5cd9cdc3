using System.Collections.Concurrent;

namespace ContactOps.Modules.Outbound.Dialer;

/// <summary>
/// The built-in telephony gateway: a simulated world answering in real time (timers of the injected
/// <see cref="TimeProvider"/>, so tests drive it with a fake clock). Each operation has its own seeded
/// <see cref="CallOutcomeSampler"/> from the campaign's <see cref="SimulationProfile"/>: the n-th call of a seed always
/// has the same outcome, ring, talk and patience. A person who answers waits <see cref="CallOutcome.PatienceSeconds"/>
/// for a bridge and then hangs up; a bridged call hangs up after its drawn talk time. Hang-ups the engine asks for
/// (<see cref="HangUpAsync"/>, <see cref="PlayAbandonMessageAsync"/>) are not reported back.
/// </summary>
public sealed class SimulatedTelephonyGateway(TimeProvider clock) : ITelephonyGateway, IDisposable
{
    private readonly ConcurrentDictionary<Guid, World> _worlds = new();
    private readonly ConcurrentDictionary<string, SimCall> _calls = new(StringComparer.Ordinal);

    public string Name => "simulator";

    /// <summary>Calls currently alive in the simulator (ringing, answered or bridged).</summary>
    public int LiveCalls => _calls.Count;

    /// <summary>Sets (or resets, restarting the seed) the simulated world of an operation.</summary>
    public void UseProfile(Guid operationId, SimulationProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        _worlds[operationId] = new World(new CallOutcomeSampler(profile));
    }

    public ValueTask DialAsync(DialRequest request, ICallEventSink sink, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(sink);
        var world = _worlds.GetOrAdd(request.OperationId, _ => new World(new CallOutcomeSampler(new SimulationProfile())));
        CallOutcome outcome;
        lock (world)
        {
            outcome = world.Sampler.Next();
        }

        var ring = outcome.RingSeconds;
        var kind = outcome.EventKind;
        if (request.RingTimeout > TimeSpan.Zero && ring > request.RingTimeout.TotalSeconds)
        {
            ring = request.RingTimeout.TotalSeconds;
            kind = CallEventKind.NoAnswer;
        }

        var call = new SimCall(request.CallId, sink, outcome);
        if (!_calls.TryAdd(request.CallId, call))
        {
            throw new InvalidOperationException($"Call id {request.CallId} is already in use.");
        }

        Emit(call, CallEventKind.Ringing);
        Schedule(call, TimeSpan.FromSeconds(ring), () =>
        {
            Emit(call, kind);
            if (kind == CallEventKind.AnsweredHuman)
            {
                // Nobody comes: the person hangs up after their patience.
                Schedule(call, TimeSpan.FromSeconds(outcome.PatienceSeconds), () => End(call, report: true));
            }
            else if (kind != CallEventKind.AnsweredMachine)
            {
                _calls.TryRemove(call.CallId, out _);
                call.Cancel();
            }
        });
        return ValueTask.CompletedTask;
    }

    public ValueTask BridgeAsync(string callId, string agentEndpoint, CancellationToken ct)
    {
        if (_calls.TryGetValue(callId, out var call))
        {
            Schedule(call, TimeSpan.FromSeconds(call.Outcome.TalkSeconds), () => End(call, report: true));
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask PlayAbandonMessageAsync(string callId, CancellationToken ct) => HangUpAsync(callId, ct);

    public ValueTask HangUpAsync(string callId, CancellationToken ct)
    {
        if (_calls.TryGetValue(callId, out var call))
        {
            End(call, report: false);
        }

        return ValueTask.CompletedTask;
    }

    public void Dispose()
    {
        foreach (var call in _calls.Values)
        {
            call.Cancel();
        }

        _calls.Clear();
    }

    private void End(SimCall call, bool report)
    {
        if (_calls.TryRemove(call.CallId, out _))
        {
            call.Cancel();
            if (report)
            {
                Emit(call, CallEventKind.HangUp);
            }
        }
    }

    private void Emit(SimCall call, CallEventKind kind) =>
        _ = call.Sink.OnCallEventAsync(new CallEvent(call.CallId, kind, clock.GetUtcNow()));

    private void Schedule(SimCall call, TimeSpan after, Action action)
    {
        lock (call.Gate)
        {
            call.Timer?.Dispose();
            call.Timer = null;
            if (!_calls.ContainsKey(call.CallId))
            {
                return;
            }

            var fired = 0;
            call.Timer = clock.CreateTimer(
                _ =>
                {
                    if (Interlocked.Exchange(ref fired, 1) == 0 && _calls.ContainsKey(call.CallId))
                    {
                        action();
                    }
                },
                null,
                after < TimeSpan.FromMilliseconds(1) ? TimeSpan.FromMilliseconds(1) : after,
                Timeout.InfiniteTimeSpan);
        }
    }

    private sealed record World(CallOutcomeSampler Sampler);

    private sealed class SimCall(string callId, ICallEventSink sink, CallOutcome outcome)
    {
        public string CallId { get; } = callId;

        public ICallEventSink Sink { get; } = sink;

        public CallOutcome Outcome { get; } = outcome;

        public object Gate { get; } = new();

        public ITimer? Timer { get; set; }

        public void Cancel()
        {
            lock (Gate)
            {
                Timer?.Dispose();
                Timer = null;
            }
        }
    }
}
