using ContactOps.Platform.Results;

namespace ContactOps.Platform.Calendar;

/// <summary>What a <see cref="HolidayOverride"/> does to its date.</summary>
public enum HolidayOverrideKind
{
    /// <summary>The date becomes a (manual) holiday.</summary>
    Add,

    /// <summary>The rule-based holidays on the date no longer count: the date is a normal day.</summary>
    Remove,
}

/// <summary>
/// A client's manual change to the computed holidays: an extra closed day (a one-off decree such as Bolivia's
/// DS 5521 for 2026, a local feast, an inventory day) or a rule holiday the client works anyway.
/// <see cref="Name"/> is the holiday's name for <see cref="HolidayOverrideKind.Add"/> and the reason for
/// <see cref="HolidayOverrideKind.Remove"/>.
/// </summary>
/// <remarks>
/// A removal only cancels <see cref="HolidaySource.Rule"/> holidays; a manual addition on the same date wins over
/// a removal, whatever their order.
/// </remarks>
public sealed record HolidayOverride(DateOnly Date, HolidayOverrideKind Kind, string Name)
{
    /// <summary>Longest accepted <see cref="Name"/>, so it fits a database column.</summary>
    public const int MaxNameLength = 100;

    public static HolidayOverride Add(DateOnly date, string name) => new(date, HolidayOverrideKind.Add, name);

    public static HolidayOverride Remove(DateOnly date, string reason) => new(date, HolidayOverrideKind.Remove, reason);

    /// <summary>Validated construction for input from people (admin page, import).</summary>
    public static Result<HolidayOverride> Create(DateOnly date, HolidayOverrideKind kind, string? name)
    {
        if (!Enum.IsDefined(kind))
        {
            return Error.Invalid(nameof(Kind), "holiday_override.kind_invalid");
        }

        var trimmed = name?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            return Error.Invalid(nameof(Name), "holiday_override.name_required");
        }

        if (trimmed.Length > MaxNameLength)
        {
            return Error.Invalid(nameof(Name), "holiday_override.name_too_long", MaxNameLength);
        }

        return new HolidayOverride(date, kind, trimmed);
    }
}
