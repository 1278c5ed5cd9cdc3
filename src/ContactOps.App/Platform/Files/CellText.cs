using System.Globalization;

namespace ContactOps.Platform.Files;

/// <summary>
/// Turns a spreadsheet cell value into the text an import expects, culture-invariantly: numbers without
/// exponent or grouping and with at most 15 significant digits like Excel shows them (a phone stored as a
/// number gives <c>3001234567</c>), dates as <c>yyyy-MM-dd</c> (ISO-8601 <c>yyyy-MM-ddTHH:mm:ss</c> when
/// they have a time), booleans as <c>true</c>/<c>false</c>.
/// </summary>
internal static class CellText
{
    public static string Format(object? value) => value switch
    {
        null => string.Empty,
        string s => s,
        double d => FormatDouble(d),
        float f => FormatDouble(f),
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        DateTime dt => FormatDateTime(dt),
        DateTimeOffset dto => dto.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        TimeOnly time => time.ToString("HH:mm:ss", CultureInfo.InvariantCulture),
        TimeSpan span => span.ToString("c", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    internal static string FormatDouble(double d)
    {
        if (double.IsNaN(d) || double.IsInfinity(d))
        {
            return string.Empty;
        }

        var text = d.ToString("G15", CultureInfo.InvariantCulture);
        if (!text.Contains('E', StringComparison.Ordinal))
        {
            return text;
        }

        var magnitude = Math.Abs(d);
        if (magnitude < 1e-20)
        {
            return "0";
        }

        if (magnitude < 7.9e28)
        {
            // decimal keeps 15 significant digits and never uses an exponent
            return ((decimal)double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture)).ToString(CultureInfo.InvariantCulture);
        }

        return d.ToString("F0", CultureInfo.InvariantCulture);
    }

    private static string FormatDateTime(DateTime value)
    {
        if (value.TimeOfDay == TimeSpan.Zero)
        {
            return value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        var format = value.Millisecond == 0 ? "yyyy-MM-dd'T'HH:mm:ss" : "yyyy-MM-dd'T'HH:mm:ss.fff";
        return value.ToString(format, CultureInfo.InvariantCulture);
    }
}
