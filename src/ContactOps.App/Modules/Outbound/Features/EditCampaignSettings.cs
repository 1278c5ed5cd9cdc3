using ContactOps.Platform.Localization;
using System.Globalization;
using System.Text.Json;
using ContactOps.Modules.Organization.Contracts;
using ContactOps.Modules.Outbound.Dialer;
using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Outbound.Features;

public sealed record WindowDto(string Start, string End);

/// <summary>The campaign settings as the API and the settings page exchange them.</summary>
public sealed record CampaignSettingsDto
{
    public string Operation { get; init; } = "";

    public string Country { get; init; } = "CO";

    /// <summary>Day name (Monday…Sunday) → windows "HH:mm"–"HH:mm" (start inclusive, end exclusive). A missing day: no calls.</summary>
    public Dictionary<string, List<WindowDto>> Windows { get; init; } = [];

    public bool NoCallsOnHolidays { get; init; } = true;

    public int MaxContactsPerDay { get; init; } = 1;

    public bool OneChannelPerWeek { get; init; } = true;

    public int MaxAttemptsPerDay { get; init; } = 3;

    public int MaxAttemptsTotal { get; init; } = 10;

    public Dictionary<string, int> RecycleMinutes { get; init; } = [];

    public string DialMode { get; init; } = nameof(Dialer.DialMode.Preview);

    public decimal PowerRatio { get; init; } = 1.5m;

    public decimal AbandonTarget { get; init; } = 0.03m;

    public int WrapUpLimitSeconds { get; init; } = 90;

    public string? WrapUpDefaultDisposition { get; init; }

    public List<PauseReason> PauseReasons { get; init; } = [];

    public List<ScriptStep> Script { get; init; } = [];

    public bool IsRunning { get; init; }

    /// <summary>Read-only: the legal windows of the country per day (a missing day: the law allows no calls).</summary>
    public Dictionary<string, List<WindowDto>> LegalWindows { get; init; } = [];

    /// <summary>Read-only: the windows the dialer applies per day (the campaign's cut to the legal ones).</summary>
    public Dictionary<string, List<WindowDto>> EffectiveWindows { get; init; } = [];

    /// <summary>Read-only: the law forbids calls on public holidays (the holiday switch cannot be turned off).</summary>
    public bool HolidaysForbiddenByLaw { get; init; }
}

/// <summary>GET/PUT /outbound/campaign: read (any member of the operation) and edit (supervisor, coordinator, manager) the campaign settings.</summary>
public sealed class EditCampaignSettings(AppDbContext db, AccessScope scope, DialerStatus status)
{
    private static readonly string[] ScriptKinds = ["greeting", "offer", "preclose", "close", "contract", "farewell", "other"];

    public async Task<Result<CampaignSettingsDto>> GetAsync(string? operation, CancellationToken ct)
    {
        var op = await PolicyOperations.FindAsync(db, scope, operation, ct);
        if (!op.IsSuccess)
        {
            return op.Error!;
        }

        var campaign = (await CampaignSettings.ReadAsync(db, op.Value!.Id, ct))!;
        return ToDto(op.Value.Code, campaign);
    }

    public async Task<Result<CampaignSettingsDto>> UpdateAsync(string? operation, CampaignSettingsDto? body, CancellationToken ct)
    {
        var op = await PolicyOperations.FindAsync(db, scope, operation, ct);
        if (!op.IsSuccess)
        {
            return op.Error!;
        }

        var allowed = PolicyOperations.RequireEditor(scope, op.Value!.Id);
        if (!allowed.IsSuccess)
        {
            return allowed.Error!;
        }

        if (body is null)
        {
            return Error.Validation("campaign.body_required");
        }

        var traits = (await OperationCatalog.DispositionTraitsAsync(db, op.Value.Id, ct)).ToDictionary(d => d.Code, StringComparer.Ordinal);
        var errors = new FieldErrors();
        var windows = new Dictionary<DayOfWeek, List<ContactWindow>>();
        foreach (var (day, spans) in body.Windows ?? [])
        {
            if (!Enum.TryParse<DayOfWeek>(day, ignoreCase: true, out var dow) || day.All(char.IsDigit))
            {
                errors.Add("windows", Messages.Text("Field.EditCampaignSettings.windows", day));
                continue;
            }

            var list = new List<ContactWindow>();
            foreach (var span in spans ?? [])
            {
                if (!TimeOnly.TryParseExact(span.Start, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var s)
                    || !TimeOnly.TryParseExact(span.End, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var e))
                {
                    errors.Add("windows", Messages.Text("Field.EditCampaignSettings.windows#2", day));
                }
                else if (e <= s)
                {
                    errors.Add("windows", Messages.Text("Field.EditCampaignSettings.windows#3", day, span.End, span.Start));
                }
                else
                {
                    list.Add(new ContactWindow(s, e));
                }
            }

            windows[dow] = [.. list.OrderBy(w => w.Start)];
        }

        if (body.MaxContactsPerDay is < 1 or > 10)
        {
            errors.Add("maxContactsPerDay", Messages.Text("Field.EditCampaignSettings.maxContactsPerDay"));
        }

        if (body.MaxAttemptsPerDay is < 1 or > 50)
        {
            errors.Add("maxAttemptsPerDay", Messages.Text("Field.EditCampaignSettings.maxAttemptsPerDay"));
        }

        if (body.MaxAttemptsTotal < 1 || body.MaxAttemptsTotal > 500 || body.MaxAttemptsTotal < body.MaxAttemptsPerDay)
        {
            errors.Add("maxAttemptsTotal", Messages.Text("Field.EditCampaignSettings.maxAttemptsTotal"));
        }

        foreach (var (code, minutes) in body.RecycleMinutes ?? [])
        {
            if (!traits.ContainsKey(code))
            {
                errors.Add("recycleMinutes", Messages.Text("Field.EditCampaignSettings.recycleMinutes", code));
            }
            else if (minutes is < 0 or > 43200)
            {
                errors.Add("recycleMinutes", Messages.Text("Field.EditCampaignSettings.recycleMinutes#2", code));
            }
        }

        var mode = errors.Enum<DialMode>("dialMode", body.DialMode, "El modo de marcación");
        if (body.PowerRatio is < 1m or > 5m)
        {
            errors.Add("powerRatio", Messages.Text("Field.EditCampaignSettings.powerRatio"));
        }

        if (body.AbandonTarget is <= 0m or > 0.2m)
        {
            errors.Add("abandonTarget", Messages.Text("Field.EditCampaignSettings.abandonTarget"));
        }

        if (body.WrapUpLimitSeconds is < 10 or > 3600)
        {
            errors.Add("wrapUpLimitSeconds", Messages.Text("Field.EditCampaignSettings.wrapUpLimitSeconds"));
        }

        var defaultCode = string.IsNullOrWhiteSpace(body.WrapUpDefaultDisposition) ? null : body.WrapUpDefaultDisposition.Trim();
        if (defaultCode is not null)
        {
            if (!traits.TryGetValue(defaultCode, out var t) || !t.IsActive)
            {
                errors.Add("wrapUpDefaultDisposition", Messages.Text("Field.EditCampaignSettings.wrapUpDefaultDisposition", defaultCode));
            }
            else if (t.Contact || t.Sale || t.Final)
            {
                errors.Add("wrapUpDefaultDisposition", Messages.Text("Field.EditCampaignSettings.wrapUpDefaultDisposition#2"));
            }
        }

        var pauses = body.PauseReasons ?? [];
        foreach (var p in pauses)
        {
            if (string.IsNullOrWhiteSpace(p.Code) || string.IsNullOrWhiteSpace(p.Name))
            {
                errors.Add("pauseReasons", Messages.Text("Field.EditCampaignSettings.pauseReasons"));
            }
            else if (p.Minutes is < 1 or > 480)
            {
                errors.Add("pauseReasons", Messages.Text("Field.EditCampaignSettings.pauseReasons#2", p.Name));
            }
        }

        if (pauses.Select(p => p.Code?.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Count() != pauses.Count)
        {
            errors.Add("pauseReasons", Messages.Text("Field.EditCampaignSettings.pauseReasons#3"));
        }

        foreach (var step in body.Script ?? [])
        {
            if (string.IsNullOrWhiteSpace(step.Title) || string.IsNullOrWhiteSpace(step.Text) || !ScriptKinds.Contains(step.Kind, StringComparer.Ordinal))
            {
                errors.Add("script", Messages.Text("Field.EditCampaignSettings.script", string.Join(", ", ScriptKinds)));
                break;
            }
        }

        if (errors.Any)
        {
            return errors.ToError();
        }

        // Every placeholder of the script must be one the desk can fill (ScriptPlaceholders): a typo would be read to the customer.
        var schemas = await db.LeadBases.Where(b => b.OperationId == op.Value.Id).Select(b => b.AttributeSchemaJson).ToListAsync(ct);
        var knownKeys = schemas.SelectMany(LeadAttributeSchema.Parse).SelectMany(a => new[] { a.Key, LeadFileColumns.AttributeKey(a.Label) })
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var unknown = ScriptPlaceholders.Unknown((body.Script ?? []).SelectMany(s => new[] { s.Title, s.Text }), knownKeys);
        if (unknown.Count > 0)
        {
            return Error.Invalid("script", "campaign.script_unknown_placeholders", string.Join(", ", unknown), ScriptPlaceholders.Supported);
        }

        // The law wins: a window outside the legal hours of its day (or on a day the law closes, like Sunday) and calling
        // on holidays where the law forbids it are refused, so what is saved is what the dialer does.
        var country = (await CampaignSettings.ReadAsync(db, op.Value.Id, ct))!.Country;
        if (CampaignSettings.FirstForbidden(windows, country) is { } bad)
        {
            var dayName = CultureInfo.CurrentUICulture.DateTimeFormat.GetDayName(bad.Day);
            return bad.Legal.Count == 0
                ? Error.Invalid("windows", "campaign.day_forbidden_by_law", dayName)
                : Error.Invalid("windows", "campaign.window_outside_law", dayName, Hm(bad.Window.Start), Hm(bad.Window.End),
                    string.Join(", ", bad.Legal.Select(l => Hm(l.Start) + "–" + Hm(l.End))));
        }

        if (!body.NoCallsOnHolidays && CampaignSettings.HolidaysForbidden(country))
        {
            return Error.Invalid("noCallsOnHolidays", "campaign.holidays_forbidden_by_law");
        }

        var campaign = (await CampaignSettings.GetOrCreateAsync(db, op.Value.Id, ct))!;
        campaign.ContactWindowsJson = CampaignSettings.WriteWindows(windows);
        campaign.NoCallsOnHolidays = body.NoCallsOnHolidays;
        campaign.MaxContactsPerDay = body.MaxContactsPerDay;
        campaign.OneChannelPerWeek = body.OneChannelPerWeek;
        campaign.MaxAttemptsPerDay = body.MaxAttemptsPerDay;
        campaign.MaxAttemptsTotal = body.MaxAttemptsTotal;
        campaign.RecycleMinutesJson = JsonSerializer.Serialize(body.RecycleMinutes ?? [], CampaignSettings.Json);
        campaign.DialMode = mode!.Value;
        campaign.PowerRatio = body.PowerRatio;
        campaign.AbandonTarget = body.AbandonTarget;
        campaign.WrapUpLimitSeconds = body.WrapUpLimitSeconds;
        campaign.WrapUpDefaultDispositionCode = defaultCode;
        campaign.PauseReasonsJson = JsonSerializer.Serialize(pauses.Select(p => p with { Code = p.Code.Trim(), Name = p.Name.Trim() }).ToList(), CampaignSettings.Json);
        campaign.ScriptJson = JsonSerializer.Serialize(body.Script ?? [], CampaignSettings.Json);
        await db.SaveChangesAsync(ct);
        status.Forget(op.Value.Id);
        return ToDto(op.Value.Code, campaign);
    }

    private static string Hm(TimeOnly t) => t.ToString("HH:mm", CultureInfo.InvariantCulture);

    public static CampaignSettingsDto ToDto(string operation, OutboundCampaign c) => new()
    {
        Operation = operation,
        Country = c.Country,
        Windows = Dto(CampaignSettings.Windows(c)),
        LegalWindows = Dto(CampaignSettings.EffectiveWindows(CampaignSettings.PresetWindows(c.Country), c.Country)),
        EffectiveWindows = Dto(CampaignSettings.EffectiveWindows(CampaignSettings.Windows(c), c.Country)),
        HolidaysForbiddenByLaw = CampaignSettings.HolidaysForbidden(c.Country),
        NoCallsOnHolidays = c.NoCallsOnHolidays,
        MaxContactsPerDay = c.MaxContactsPerDay,
        OneChannelPerWeek = c.OneChannelPerWeek,
        MaxAttemptsPerDay = c.MaxAttemptsPerDay,
        MaxAttemptsTotal = c.MaxAttemptsTotal,
        RecycleMinutes = CampaignSettings.RecycleMinutes(c),
        DialMode = c.DialMode.ToString(),
        PowerRatio = c.PowerRatio,
        AbandonTarget = c.AbandonTarget,
        WrapUpLimitSeconds = c.WrapUpLimitSeconds,
        WrapUpDefaultDisposition = c.WrapUpDefaultDispositionCode,
        PauseReasons = CampaignSettings.PauseReasons(c),
        Script = CampaignSettings.Script(c),
        IsRunning = c.IsRunning,
    };

    public static Dictionary<string, List<WindowDto>> Dto(IReadOnlyDictionary<DayOfWeek, List<ContactWindow>> windows) =>
        windows.OrderBy(kv => ((int)kv.Key + 6) % 7).ToDictionary(
            kv => kv.Key.ToString(),
            kv => kv.Value.Select(w => new WindowDto(w.Start.ToString("HH:mm", CultureInfo.InvariantCulture), w.End.ToString("HH:mm", CultureInfo.InvariantCulture))).ToList());
}
