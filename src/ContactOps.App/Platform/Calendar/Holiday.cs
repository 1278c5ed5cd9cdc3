namespace ContactOps.Platform.Calendar;

/// <summary>Where a holiday comes from.</summary>
public enum HolidaySource
{
    /// <summary>Computed by <see cref="HolidayRules"/> from the country's law.</summary>
    Rule,

    /// <summary>Added by hand for one client (<see cref="HolidayOverride"/>).</summary>
    Manual,
}

/// <summary>A day on which the client's contact center is closed all day. <see cref="Name"/> is in Spanish.</summary>
public sealed record Holiday(DateOnly Date, string Name, HolidaySource Source);
