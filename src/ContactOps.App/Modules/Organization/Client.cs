using ContactOps.Platform;
using ContactOps.Platform.Calendar;

namespace ContactOps.Modules.Organization;

/// <summary>The carrier that hires the contact center. Owns operations; its data never crosses to another client.</summary>
public sealed class Client : IAuditable, IStamped
{
    private readonly List<ClientHoliday> _holidays = [];

    private Client()
    {
    }

    public Client(string code, string name, Country country, string timeZoneId, string currency)
    {
        Id = Ids.New();
        Code = code;
        Name = name;
        Country = country;
        TimeZoneId = timeZoneId;
        Currency = currency;
        OpeningHours = WeeklyHours.Default.ToString();
    }

    public Guid Id { get; private set; }

    public string Code { get; private set; } = "";

    public string Name { get; private set; } = "";

    public Country Country { get; private set; }

    public string TimeZoneId { get; private set; } = "";

    /// <summary>ISO 4217 code, e.g. COP, BOB.</summary>
    public string Currency { get; private set; } = "";

    /// <summary>Weekly opening hours in <see cref="WeeklyHours"/> text form, e.g. "Mon-Fri 08:00-18:00".</summary>
    public string OpeningHours { get; private set; } = "";

    public bool IsActive { get; private set; } = true;

    public IReadOnlyList<ClientHoliday> Holidays => _holidays;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    Guid? IAuditable.AuditClientId => Id;

    Guid? IAuditable.AuditOperationId => null;

    public void Rename(string name) => Name = name;

    public void SetActive(bool active) => IsActive = active;

    public void ChangeRegion(Country country, string timeZoneId, string currency)
    {
        Country = country;
        TimeZoneId = timeZoneId;
        Currency = currency;
    }

    public void SetOpeningHours(WeeklyHours hours) => OpeningHours = hours.ToString();

    public void AddHolidayOverride(DateOnly date, bool isRemoval, string name)
    {
        _holidays.RemoveAll(h => h.Date == date);
        _holidays.Add(new ClientHoliday(Id, date, isRemoval, name));
    }

    public bool RemoveHolidayOverride(DateOnly date) => _holidays.RemoveAll(h => h.Date == date) > 0;

    /// <summary>The client's business calendar: zone, opening hours, holidays by rule plus manual overrides.</summary>
    public BusinessCalendar Calendar()
    {
        var hours = WeeklyHours.Parse(OpeningHours);
        return new BusinessCalendar(
            TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId),
            hours.IsSuccess ? hours.Value! : WeeklyHours.Default,
            Country,
            _holidays.Select(h => new HolidayOverride(h.Date, h.IsRemoval ? HolidayOverrideKind.Remove : HolidayOverrideKind.Add, h.Name)));
    }
}

/// <summary>A manual addition to, or removal from, the holidays a client's calendar computes by rule.</summary>
public sealed class ClientHoliday : IAuditable
{
    private ClientHoliday()
    {
    }

    internal ClientHoliday(Guid clientId, DateOnly date, bool isRemoval, string name)
    {
        Id = Ids.New();
        ClientId = clientId;
        Date = date;
        IsRemoval = isRemoval;
        Name = name;
    }

    public Guid Id { get; private set; }

    public Guid ClientId { get; private set; }

    public DateOnly Date { get; private set; }

    public bool IsRemoval { get; private set; }

    public string Name { get; private set; } = "";

    Guid? IAuditable.AuditClientId => ClientId;

    Guid? IAuditable.AuditOperationId => null;
}
