using System.Globalization;
using Microsoft.Extensions.Localization;

namespace ContactOps.Modules.Outbound;

/// <summary>
/// The dialer's idle state as one sentence in the user's language, e.g. "No se marca: domingo. Se podrá marcar el lunes 8
/// de diciembre a las 7:00 a. m." — the next start in the client's time zone, formatted with the current culture.
/// </summary>
public static class DialerStateText
{
    /// <summary>The sentence, or null while the dialer is dialling.</summary>
    public static string? Sentence(DialerState? state, IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        if (state is null || state.Dialling || state.Reason is null)
        {
            return null;
        }

        var culture = CultureInfo.CurrentCulture;
        var text = string.Format(culture, localizer["DialerIdle_Sentence"], localizer["DialerReason_" + state.Reason]);
        if (state.LeadReasons.Count > 0)
        {
            var parts = state.LeadReasons.Select(r => localizer["DialerLeadReason_" + r.Reason] + " " + r.Count.ToString("N0", culture));
            text += " " + string.Format(culture, localizer["DialerLeadReasons"], string.Join(", ", parts));
        }

        if (state.NextStartAt is { } nextAt)
        {
            var zone = TimeZoneInfo.TryFindSystemTimeZoneById(state.TimeZoneId, out var z) ? z : TimeZoneInfo.Utc;
            var local = TimeZoneInfo.ConvertTime(nextAt, zone);
            var today = TimeZoneInfo.ConvertTime(state.At, zone).Date;
            var time = local.ToString(localizer["DialerState_TimeFormat"], culture);
            var next = local.Date == today
                ? string.Format(culture, localizer["DialerNext_Today"], time)
                : string.Format(culture, localizer["DialerNext_At"], local.ToString(localizer["DialerState_DateFormat"], culture), time);

            // "7:00 a. m." already ends the sentence with its period.
            text += " " + (next.EndsWith("..", StringComparison.Ordinal) ? next[..^1] : next);
        }
        else
        {
            var hint = localizer["DialerNext_" + state.Reason];
            if (!hint.ResourceNotFound)
            {
                text += " " + hint.Value;
            }
        }

        return text;
    }
}
