using System.Globalization;

namespace ContactOps.Components.Shared;

/// <summary>
/// The language of a circuit, captured when a component is created, for the handlers of events raised on other threads:
/// the dialer's loop (a call, the floor's snapshot) or another user's circuit (an agent's presence). Blazor's
/// <c>InvokeAsync</c> runs the work inline on the raising thread when the circuit is idle, so without this a supervisor's
/// English wallboard, re-rendered by the dialer, read in the dialer thread's Spanish; and the work posted later carries
/// the raising thread's culture too. <see cref="Run"/> runs the handler in the circuit's culture, then restores the
/// thread's own.
/// </summary>
public readonly struct CircuitCulture
{
    private readonly CultureInfo _culture;
    private readonly CultureInfo _uiCulture;

    private CircuitCulture(CultureInfo culture, CultureInfo uiCulture)
    {
        _culture = culture;
        _uiCulture = uiCulture;
    }

    /// <summary>The current thread's culture: call it where the circuit's code runs (a component's field initializer, OnInitialized).</summary>
    public static CircuitCulture Capture() => new(CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);

    public void Run(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = _culture ?? culture;
        CultureInfo.CurrentUICulture = _uiCulture ?? uiCulture;
        try
        {
            action();
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = uiCulture;
        }
    }
}
