using ContactOps.Modules.Outbound.Dialer;
using ContactOps.Platform;

namespace ContactOps.Modules.Outbound;

/// <summary>
/// The outbound settings of one operation (one campaign per operation): its contact policy (country preset, contact
/// windows, limits, recycle delays), its dialing (mode, ratio, abandon target), its wrap-up rule, pause reasons and script.
/// Lists and maps are JSON so the policy stays data, edited on its screen and read whole by the engine.
/// </summary>
public sealed class OutboundCampaign : IAuditable, IStamped
{
    private OutboundCampaign()
    {
    }

    public OutboundCampaign(Guid clientId, Guid operationId, string country)
    {
        Id = Ids.New();
        ClientId = clientId;
        OperationId = operationId;
        Country = country;
    }

    public Guid Id { get; private set; }

    public Guid ClientId { get; private set; }

    public Guid OperationId { get; private set; }

    /// <summary>Country whose legal preset applies (CO: Ley 2300 de 2023 + CRC).</summary>
    public string Country { get; set; } = "CO";

    /// <summary>Contact windows per day of week in the lead's local time, e.g. {"Monday":[["07:00","19:00"]],…,"Saturday":[["08:00","15:00"]]}; a missing day = no calls.</summary>
    public string ContactWindowsJson { get; set; } = "{}";

    /// <summary>Never call on the client's public holidays.</summary>
    public bool NoCallsOnHolidays { get; set; } = true;

    /// <summary>Contacts with the same person per (local) day.</summary>
    public int MaxContactsPerDay { get; set; } = 1;

    /// <summary>Contacts in one week through one channel only.</summary>
    public bool OneChannelPerWeek { get; set; } = true;

    public int MaxAttemptsPerDay { get; set; } = 3;

    public int MaxAttemptsTotal { get; set; } = 10;

    /// <summary>Minutes before a lead may be dialled again, per disposition code, e.g. {"NO_CONTESTA":120,"OCUPADO":15}.</summary>
    public string RecycleMinutesJson { get; set; } = "{}";

    public DialMode DialMode { get; set; } = DialMode.Preview;

    /// <summary>Calls per ready agent in power mode.</summary>
    public decimal PowerRatio { get; set; } = 1.5m;

    /// <summary>Abandon-rate target as a fraction (0.03 = 3%), per day and over 30 days.</summary>
    public decimal AbandonTarget { get; set; } = 0.03m;

    /// <summary>Seconds of wrap-up after which <see cref="WrapUpDefaultDispositionCode"/> is applied.</summary>
    public int WrapUpLimitSeconds { get; set; } = 90;

    public string? WrapUpDefaultDispositionCode { get; set; }

    /// <summary>Pause reasons with their time limits in minutes, e.g. [{"code":"break","name":"Descanso","minutes":15}].</summary>
    public string PauseReasonsJson { get; set; } = "[]";

    /// <summary>The call script as steps with {field} placeholders, e.g. [{"kind":"greeting","title":"Saludo","text":"Buenos días, {nombre}…"}].</summary>
    public string ScriptJson { get; set; } = "[]";

    /// <summary>The simulated world used when the campaign runs on the simulator gateway.</summary>
    public string SimulationJson { get; set; } = "{}";

    /// <summary>Daily sales goal per weekday, e.g. {"Monday":12,"Saturday":6}; a <see cref="DailySalesGoal"/> overrides a date.</summary>
    public string WeekdayGoalsJson { get; set; } = "{}";

    /// <summary>The dialer engine is running (automatic modes).</summary>
    public bool IsRunning { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    Guid? IAuditable.AuditClientId => ClientId;

    Guid? IAuditable.AuditOperationId => OperationId;
}

public enum SegmentMatch
{
    Equals,
    In,
    Range,
    Contains,
    IsEmpty,

    /// <summary>A date field within the last/next N days of today.</summary>
    DateRelative,
}

/// <summary>A segment of an operation's open bases: rules over lead fields, a priority and a share of the list mix.</summary>
public sealed class Segment : IAuditable, IStamped
{
    private Segment()
    {
    }

    public Segment(Guid clientId, Guid operationId, string name, int priority, decimal mixPercent, string rulesJson)
    {
        Id = Ids.New();
        ClientId = clientId;
        OperationId = operationId;
        Name = name;
        Priority = priority;
        MixPercent = mixPercent;
        RulesJson = rulesJson;
    }

    public Guid Id { get; private set; }

    public Guid ClientId { get; private set; }

    public Guid OperationId { get; private set; }

    public string Name { get; set; } = "";

    /// <summary>Lower first. A lead belongs to the first segment (by priority) whose rules it matches.</summary>
    public int Priority { get; set; }

    /// <summary>Share of the hopper this segment gets (percent; the active segments' shares add up to 100).</summary>
    public decimal MixPercent { get; set; }

    /// <summary>Rules (all must hold): [{"field":"plan","match":"In","values":["Pospago"]},{"field":"cupo","match":"Range","min":"500000","max":null}]. Fields are the lead's attributes plus document, fullName, base.</summary>
    public string RulesJson { get; set; } = "[]";

    public bool IsActive { get; set; } = true;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    Guid? IAuditable.AuditClientId => ClientId;

    Guid? IAuditable.AuditOperationId => OperationId;
}
