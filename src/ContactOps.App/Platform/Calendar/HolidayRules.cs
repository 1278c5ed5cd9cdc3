namespace ContactOps.Platform.Calendar;

/// <summary>
/// National public holidays computed by rule, per country and year. Models the law in force today; it does not
/// replay historical changes (see docs/calendar.md for the legal sources and what is deliberately left to
/// <see cref="HolidayOverride"/>).
/// </summary>
public static class HolidayRules
{
    /// <summary>First year the Gregorian Easter computation applies to.</summary>
    public const int MinYear = 1583;

    /// <summary>Last year supported (<see cref="DateOnly"/> ends in 9999).</summary>
    public const int MaxYear = 9999;

    /// <summary>Colombia, Ley 2578 de 2026: Nuestra Señora del Rosario de Chiquinquirá is a holiday from this year on.</summary>
    public const int ColombiaChiquinquiraSince = 2026;

    /// <summary>The holidays of <paramref name="country"/> in <paramref name="year"/>, ordered by date then name.</summary>
    public static IReadOnlyList<Holiday> For(Country country, int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, MinYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, MaxYear);

        var list = country switch
        {
            Country.CO => Colombia(year),
            Country.BO => Bolivia(year),
            _ => throw new ArgumentOutOfRangeException(nameof(country), country, "Unknown country."),
        };

        list.Sort(static (x, y) =>
        {
            var byDate = x.Date.CompareTo(y.Date);
            return byDate != 0 ? byDate : string.CompareOrdinal(x.Name, y.Name);
        });
        return list.AsReadOnly();
    }

    /// <summary>Easter Sunday of a Gregorian year: the Anonymous Gregorian (Meeus/Jones/Butcher) algorithm.</summary>
    public static DateOnly EasterSunday(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, MinYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, MaxYear);

        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }

    /// <summary>The date itself when it is a Monday, otherwise the following Monday (Ley 51 de 1983, "Ley Emiliani").</summary>
    public static DateOnly NextMondayUnlessMonday(DateOnly date)
    {
        var daysToMonday = ((int)DayOfWeek.Monday - (int)date.DayOfWeek + 7) % 7;
        return date.AddDays(daysToMonday);
    }

    // Colombia: Ley 51 de 1983 (18 holidays) + Ley 2578 de 2026 (Chiquinquirá, from 2026).
    private static List<Holiday> Colombia(int year)
    {
        var easter = EasterSunday(year);
        var list = new List<Holiday>(19);

        void Fixed(int month, int day, string name) => list.Add(Rule(new DateOnly(year, month, day), name));
        void Emiliani(DateOnly date, string name) => list.Add(Rule(NextMondayUnlessMonday(date), name));

        Fixed(1, 1, "Año Nuevo");
        Emiliani(new DateOnly(year, 1, 6), "Día de los Reyes Magos");
        Emiliani(new DateOnly(year, 3, 19), "Día de San José");
        list.Add(Rule(easter.AddDays(-3), "Jueves Santo"));
        list.Add(Rule(easter.AddDays(-2), "Viernes Santo"));
        Fixed(5, 1, "Día del Trabajo");
        Emiliani(easter.AddDays(39), "Ascensión del Señor");          // Thursday +39 → Monday +43
        Emiliani(easter.AddDays(60), "Corpus Christi");               // Thursday +60 → Monday +64
        Emiliani(easter.AddDays(68), "Sagrado Corazón de Jesús");     // Friday +68 → Monday +71
        Emiliani(new DateOnly(year, 6, 29), "San Pedro y San Pablo");
        if (year >= ColombiaChiquinquiraSince)
        {
            Emiliani(new DateOnly(year, 7, 9), "Día de Nuestra Señora del Rosario de Chiquinquirá");
        }

        Fixed(7, 20, "Día de la Independencia");
        Fixed(8, 7, "Batalla de Boyacá");
        Emiliani(new DateOnly(year, 8, 15), "Asunción de la Virgen");
        Emiliani(new DateOnly(year, 10, 12), "Día de la Raza");
        Emiliani(new DateOnly(year, 11, 1), "Día de Todos los Santos");
        Emiliani(new DateOnly(year, 11, 11), "Independencia de Cartagena");
        Fixed(12, 8, "Inmaculada Concepción");
        Fixed(12, 25, "Navidad");
        return list;
    }

    // Bolivia: DS 2750 (2016) as modified by DS 5019 (2023). A civic holiday that falls on a Sunday also makes the
    // following Monday a holiday; the religious ones (Carnival, Good Friday, Corpus Christi, 2 November) are not
    // moved — only the first three can never fall on a Sunday anyway. One-off decrees are manual overrides.
    private static List<Holiday> Bolivia(int year)
    {
        var easter = EasterSunday(year);
        var list = new List<Holiday>(13);

        void Civic(int month, int day, string name)
        {
            var date = new DateOnly(year, month, day);
            list.Add(Rule(date, name));
            if (date.DayOfWeek == DayOfWeek.Sunday)
            {
                list.Add(Rule(date.AddDays(1), name + " (traslado del domingo)"));
            }
        }

        Civic(1, 1, "Año Nuevo");
        Civic(1, 22, "Día de la Creación del Estado Plurinacional de Bolivia");
        list.Add(Rule(easter.AddDays(-48), "Lunes de Carnaval"));
        list.Add(Rule(easter.AddDays(-47), "Martes de Carnaval"));
        list.Add(Rule(easter.AddDays(-2), "Viernes Santo"));
        Civic(5, 1, "Día del Trabajo");
        list.Add(Rule(easter.AddDays(60), "Corpus Christi"));
        Civic(6, 21, "Año Nuevo Andino Amazónico y del Chaco");
        Civic(8, 6, "Día de la Independencia de Bolivia");
        list.Add(Rule(new DateOnly(year, 11, 2), "Día de Todos los Difuntos"));
        Civic(12, 25, "Navidad");
        return list;
    }

    private static Holiday Rule(DateOnly date, string name) => new(date, name, HolidaySource.Rule);
}
