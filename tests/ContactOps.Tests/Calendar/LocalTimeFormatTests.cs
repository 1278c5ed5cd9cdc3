using System.Globalization;
using ContactOps.Platform.Calendar;

namespace ContactOps.Tests.Calendar;

/// <summary>The one way pages show an instant: in the client's zone (Bogotá UTC−5, La Paz UTC−4), one pattern per language.</summary>
public class LocalTimeFormatTests
{
    private static readonly CultureInfo Es = CultureInfo.GetCultureInfo("es-CO"), En = CultureInfo.GetCultureInfo("en");

    // The case: a base received at 22:33 UTC is 5:33 p. m. in Bogotá, not 10:33 p. m.
    private static readonly DateTimeOffset Received = new(2026, 12, 7, 22, 33, 0, TimeSpan.Zero);

    [Fact]
    public void Bogota_and_La_Paz_show_the_local_wall_clock_not_UTC()
    {
        var bogota = LocalTimeFormat.Zone("America/Bogota");
        var laPaz = LocalTimeFormat.Zone("America/La_Paz");

        var es = LocalTimeFormat.Format(Received, bogota, Es);
        Assert.StartsWith("07/12/2026 5:33 p", es, StringComparison.Ordinal);
        Assert.Equal(Received.ToOffset(TimeSpan.FromHours(-5)).ToString("dd/MM/yyyy h:mm tt", Es), es);
        Assert.DoesNotContain("10:33", es, StringComparison.Ordinal);
        Assert.Equal("Dec 7, 2026 5:33 PM", LocalTimeFormat.Format(Received, bogota, En));

        Assert.StartsWith("07/12/2026 6:33 p", LocalTimeFormat.Format(Received, laPaz, Es), StringComparison.Ordinal);
        Assert.Equal("Dec 7, 2026 6:33 PM", LocalTimeFormat.Format(Received, laPaz, En));
    }

    [Fact]
    public void The_date_is_the_clients_calendar_date_and_an_unknown_zone_is_UTC()
    {
        // 03:00 UTC on the 8th is still the 7th in Bogotá and La Paz.
        var early = new DateTimeOffset(2026, 12, 8, 3, 0, 0, TimeSpan.Zero);
        Assert.Equal("07/12/2026", LocalTimeFormat.FormatDate(early, LocalTimeFormat.Zone("America/Bogota"), Es));
        Assert.Equal("Dec 7, 2026", LocalTimeFormat.FormatDate(early, LocalTimeFormat.Zone("America/La_Paz"), En));
        Assert.Same(TimeZoneInfo.Utc, LocalTimeFormat.Zone("Nowhere/Atlantis"));
        Assert.Same(TimeZoneInfo.Utc, LocalTimeFormat.Zone(null));
        Assert.Equal("Dec 8, 2026 3:00 AM", LocalTimeFormat.Format(early, LocalTimeFormat.Zone(null), En));
    }
}
