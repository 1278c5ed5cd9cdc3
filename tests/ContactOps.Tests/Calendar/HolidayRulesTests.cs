using ContactOps.Platform;
using ContactOps.Platform.Calendar;
using Xunit;
using static ContactOps.Tests.Calendar.CalendarTestData;

namespace ContactOps.Tests.Calendar;

public class EasterTests
{
    [Theory]
    [InlineData(1818, "1818-03-22")] // earliest possible date
    [InlineData(1943, "1943-04-25")] // latest possible date
    [InlineData(2000, "2000-04-23")]
    [InlineData(2008, "2008-03-23")]
    [InlineData(2011, "2011-04-24")]
    [InlineData(2016, "2016-03-27")]
    [InlineData(2019, "2019-04-21")]
    [InlineData(2024, "2024-03-31")]
    [InlineData(2025, "2025-04-20")]
    [InlineData(2026, "2026-04-05")]
    [InlineData(2027, "2027-03-28")]
    [InlineData(2038, "2038-04-25")]
    [InlineData(2285, "2285-03-22")]
    public void Easter_sunday_matches_published_dates(int year, string expected)
    {
        var easter = HolidayRules.EasterSunday(year);

        Assert.Equal(Date(expected), easter);
        Assert.Equal(DayOfWeek.Sunday, easter.DayOfWeek);
    }

    [Fact]
    public void Easter_is_always_a_sunday_between_march_22_and_april_25()
    {
        for (var year = HolidayRules.MinYear; year <= 3000; year++)
        {
            var easter = HolidayRules.EasterSunday(year);
            Assert.Equal(DayOfWeek.Sunday, easter.DayOfWeek);
            Assert.InRange(easter, new DateOnly(year, 3, 22), new DateOnly(year, 4, 25));
        }
    }

    [Fact]
    public void Years_outside_the_gregorian_range_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => HolidayRules.EasterSunday(1582));
        Assert.Throws<ArgumentOutOfRangeException>(() => HolidayRules.For(Country.CO, 1582));
    }
}

public class ColombiaHolidayRulesTests
{
    [Fact]
    public void Holidays_2026_are_exactly_the_official_list()
    {
        string[] expected =
        [
            "2026-01-01 Año Nuevo",
            "2026-01-12 Día de los Reyes Magos",            // Tue 6 → Mon 12
            "2026-03-23 Día de San José",                   // Thu 19 → Mon 23
            "2026-04-02 Jueves Santo",                      // Easter 5 Apr − 3
            "2026-04-03 Viernes Santo",
            "2026-05-01 Día del Trabajo",
            "2026-05-18 Ascensión del Señor",               // Easter + 43
            "2026-06-08 Corpus Christi",                    // Easter + 64
            "2026-06-15 Sagrado Corazón de Jesús",          // Easter + 71
            "2026-06-29 San Pedro y San Pablo",             // already a Monday
            "2026-07-13 Día de Nuestra Señora del Rosario de Chiquinquirá", // Thu 9 → Mon 13 (Ley 2578 de 2026)
            "2026-07-20 Día de la Independencia",
            "2026-08-07 Batalla de Boyacá",
            "2026-08-17 Asunción de la Virgen",             // Sat 15 → Mon 17
            "2026-10-12 Día de la Raza",                    // already a Monday
            "2026-11-02 Día de Todos los Santos",           // Sun 1 → Mon 2
            "2026-11-16 Independencia de Cartagena",        // Wed 11 → Mon 16
            "2026-12-08 Inmaculada Concepción",
            "2026-12-25 Navidad",
        ];

        Assert.Equal(expected, Describe(HolidayRules.For(Country.CO, 2026)));
    }

    [Fact]
    public void Holidays_2027_are_exactly_the_official_list()
    {
        string[] expected =
        [
            "2027-01-01 Año Nuevo",
            "2027-01-11 Día de los Reyes Magos",            // Wed 6 → Mon 11
            "2027-03-22 Día de San José",                   // Fri 19 → Mon 22
            "2027-03-25 Jueves Santo",                      // Easter 28 Mar − 3
            "2027-03-26 Viernes Santo",
            "2027-05-01 Día del Trabajo",                   // Saturday, not moved
            "2027-05-10 Ascensión del Señor",
            "2027-05-31 Corpus Christi",
            "2027-06-07 Sagrado Corazón de Jesús",
            "2027-07-05 San Pedro y San Pablo",             // Tue 29 Jun → Mon 5 Jul
            "2027-07-12 Día de Nuestra Señora del Rosario de Chiquinquirá", // Fri 9 → Mon 12
            "2027-07-20 Día de la Independencia",
            "2027-08-07 Batalla de Boyacá",                 // Saturday, not moved
            "2027-08-16 Asunción de la Virgen",             // Sun 15 → Mon 16
            "2027-10-18 Día de la Raza",                    // Tue 12 → Mon 18
            "2027-11-01 Día de Todos los Santos",           // already a Monday
            "2027-11-15 Independencia de Cartagena",        // Thu 11 → Mon 15
            "2027-12-08 Inmaculada Concepción",
            "2027-12-25 Navidad",                           // Saturday, not moved
        ];

        Assert.Equal(expected, Describe(HolidayRules.For(Country.CO, 2027)));
    }

    [Fact]
    public void Ley_51_gives_18_holidays_a_year_and_ley_2578_adds_a_19th_from_2026()
    {
        for (var year = 1984; year <= 2025; year++)
        {
            var holidays = HolidayRules.For(Country.CO, year);
            Assert.Equal(18, holidays.Count);
            Assert.DoesNotContain(holidays, h => h.Name.Contains("Chiquinquirá", StringComparison.Ordinal));
        }

        for (var year = 2026; year <= 2100; year++)
        {
            var holidays = HolidayRules.For(Country.CO, year);
            Assert.Equal(19, holidays.Count);
            Assert.Equal(18, holidays.Count(h => !h.Name.Contains("Chiquinquirá", StringComparison.Ordinal)));
        }
    }

    [Fact]
    public void Movable_holidays_always_land_on_the_first_monday_on_or_after_their_date()
    {
        var nominal = new Dictionary<string, Func<int, DateOnly>>(StringComparer.Ordinal)
        {
            ["Día de los Reyes Magos"] = y => new DateOnly(y, 1, 6),
            ["Día de San José"] = y => new DateOnly(y, 3, 19),
            ["Ascensión del Señor"] = y => HolidayRules.EasterSunday(y).AddDays(39),
            ["Corpus Christi"] = y => HolidayRules.EasterSunday(y).AddDays(60),
            ["Sagrado Corazón de Jesús"] = y => HolidayRules.EasterSunday(y).AddDays(68),
            ["San Pedro y San Pablo"] = y => new DateOnly(y, 6, 29),
            ["Asunción de la Virgen"] = y => new DateOnly(y, 8, 15),
            ["Día de la Raza"] = y => new DateOnly(y, 10, 12),
            ["Día de Todos los Santos"] = y => new DateOnly(y, 11, 1),
            ["Independencia de Cartagena"] = y => new DateOnly(y, 11, 11),
        };

        for (var year = 2000; year <= 2060; year++)
        {
            var holidays = HolidayRules.For(Country.CO, year);
            foreach (var (name, dateOf) in nominal)
            {
                var actual = Assert.Single(holidays, h => h.Name == name).Date;
                Assert.Equal(DayOfWeek.Monday, actual.DayOfWeek);
                Assert.InRange(actual.DayNumber - dateOf(year).DayNumber, 0, 6);
            }

            var easter = HolidayRules.EasterSunday(year);
            Assert.Equal(easter.AddDays(-3), Assert.Single(holidays, h => h.Name == "Jueves Santo").Date);
            Assert.Equal(easter.AddDays(43), Assert.Single(holidays, h => h.Name == "Ascensión del Señor").Date);
            Assert.Equal(easter.AddDays(64), Assert.Single(holidays, h => h.Name == "Corpus Christi").Date);
            Assert.Equal(easter.AddDays(71), Assert.Single(holidays, h => h.Name == "Sagrado Corazón de Jesús").Date);
            Assert.Equal(new DateOnly(year, 7, 20), Assert.Single(holidays, h => h.Name == "Día de la Independencia").Date);
            Assert.Equal(new DateOnly(year, 8, 7), Assert.Single(holidays, h => h.Name == "Batalla de Boyacá").Date);
            Assert.All(holidays, h => Assert.Equal(HolidaySource.Rule, h.Source));
        }
    }
}

public class BoliviaHolidayRulesTests
{
    [Fact]
    public void Holidays_2026_follow_the_rules_including_the_sunday_transfer_of_21_june()
    {
        string[] expected =
        [
            "2026-01-01 Año Nuevo",
            "2026-01-22 Día de la Creación del Estado Plurinacional de Bolivia",
            "2026-02-16 Lunes de Carnaval",                 // Easter 5 Apr − 48
            "2026-02-17 Martes de Carnaval",                // Easter − 47
            "2026-04-03 Viernes Santo",
            "2026-05-01 Día del Trabajo",
            "2026-06-04 Corpus Christi",                    // Easter + 60 (not moved in Bolivia)
            "2026-06-21 Año Nuevo Andino Amazónico y del Chaco",
            "2026-06-22 Año Nuevo Andino Amazónico y del Chaco (traslado del domingo)",
            "2026-08-06 Día de la Independencia de Bolivia",
            "2026-11-02 Día de Todos los Difuntos",
            "2026-12-25 Navidad",
        ];

        Assert.Equal(expected, Describe(HolidayRules.For(Country.BO, 2026)));
    }

    [Fact]
    public void Holidays_2027_have_no_sunday_so_nothing_is_transferred()
    {
        string[] expected =
        [
            "2027-01-01 Año Nuevo",
            "2027-01-22 Día de la Creación del Estado Plurinacional de Bolivia",
            "2027-02-08 Lunes de Carnaval",                 // Easter 28 Mar − 48
            "2027-02-09 Martes de Carnaval",
            "2027-03-26 Viernes Santo",
            "2027-05-01 Día del Trabajo",                   // Saturday: no transfer
            "2027-05-27 Corpus Christi",
            "2027-06-21 Año Nuevo Andino Amazónico y del Chaco",
            "2027-08-06 Día de la Independencia de Bolivia",
            "2027-11-02 Día de Todos los Difuntos",
            "2027-12-25 Navidad",                           // Saturday: no transfer
        ];

        Assert.Equal(expected, Describe(HolidayRules.For(Country.BO, 2027)));
    }

    [Theory]
    [InlineData(2023, "2023-01-02", "Año Nuevo (traslado del domingo)")]
    [InlineData(2023, "2023-01-23", "Día de la Creación del Estado Plurinacional de Bolivia (traslado del domingo)")]
    [InlineData(2023, "2023-08-07", "Día de la Independencia de Bolivia (traslado del domingo)")]
    [InlineData(2022, "2022-05-02", "Día del Trabajo (traslado del domingo)")]
    [InlineData(2022, "2022-12-26", "Navidad (traslado del domingo)")]
    public void A_civic_holiday_on_sunday_makes_the_next_monday_a_holiday(int year, string monday, string name)
    {
        var holidays = HolidayRules.For(Country.BO, year);

        var transferred = Assert.Single(holidays, h => h.Date == Date(monday));
        Assert.Equal(name, transferred.Name);
        Assert.Equal(DayOfWeek.Monday, transferred.Date.DayOfWeek);
        Assert.Contains(holidays, h => h.Date == transferred.Date.AddDays(-1)); // the Sunday itself stays listed
    }

    [Fact]
    public void Todos_los_difuntos_on_sunday_is_not_transferred()
    {
        var holidays = HolidayRules.For(Country.BO, 2025); // 2 Nov 2025 is a Sunday

        Assert.Contains(holidays, h => h.Date == new DateOnly(2025, 11, 2));
        Assert.DoesNotContain(holidays, h => h.Date == new DateOnly(2025, 11, 3));
        Assert.Equal(11, holidays.Count);
    }

    [Fact]
    public void Every_sunday_civic_holiday_has_exactly_one_monday_transfer_over_many_years()
    {
        string[] civic =
        [
            "Año Nuevo", "Día de la Creación del Estado Plurinacional de Bolivia", "Día del Trabajo",
            "Año Nuevo Andino Amazónico y del Chaco", "Día de la Independencia de Bolivia", "Navidad",
        ];

        for (var year = 2000; year <= 2060; year++)
        {
            var holidays = HolidayRules.For(Country.BO, year);
            var sundays = holidays.Count(h => civic.Contains(h.Name) && h.Date.DayOfWeek == DayOfWeek.Sunday);
            var transfers = holidays.Where(h => h.Name.EndsWith("(traslado del domingo)", StringComparison.Ordinal)).ToList();

            Assert.Equal(11 + sundays, holidays.Count);
            Assert.Equal(sundays, transfers.Count);
            Assert.All(transfers, t => Assert.Equal(DayOfWeek.Monday, t.Date.DayOfWeek));

            var easter = HolidayRules.EasterSunday(year);
            Assert.Equal(DayOfWeek.Monday, Assert.Single(holidays, h => h.Name == "Lunes de Carnaval").Date.DayOfWeek);
            Assert.Equal(easter.AddDays(-47), Assert.Single(holidays, h => h.Name == "Martes de Carnaval").Date);
            Assert.Equal(easter.AddDays(60), Assert.Single(holidays, h => h.Name == "Corpus Christi").Date);
        }
    }
}
