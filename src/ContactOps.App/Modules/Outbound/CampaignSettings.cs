using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using ContactOps.Platform;
using ContactOps.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Outbound;

/// <summary>One contact window of a day in the lead's local time: start inclusive, end exclusive.</summary>
public sealed record ContactWindow(TimeOnly Start, TimeOnly End)
{
    public bool Contains(TimeOnly t) => t >= Start && t < End;
}

/// <summary>A pause reason of the campaign with its time limit (a supervisor sees who is over it).</summary>
public sealed record PauseReason(string Code, string Name, int Minutes);

/// <summary>One step of the call script; {campo} placeholders are replaced by the lead's fields.</summary>
public sealed record ScriptStep(string Kind, string Title, string Text, bool OnlyWhenSale = false);

/// <summary>
/// The typed view of an <see cref="OutboundCampaign"/>'s JSON settings, and the country presets (Colombia: Ley 2300 de 2023
/// and CRC rules — Mon–Fri 07:00–19:00, Sat 08:00–15:00, never Sundays or national holidays, one contact per person per day,
/// one channel per week).
/// </summary>
public static class CampaignSettings
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>The legal contact windows of a country (Bolivia: the same shape, no specific statute modelled yet).</summary>
    public static Dictionary<DayOfWeek, List<ContactWindow>> PresetWindows(string country) => country switch
    {
        _ => new()
        {
            [DayOfWeek.Monday] = [new(new TimeOnly(7, 0), new TimeOnly(19, 0))],
            [DayOfWeek.Tuesday] = [new(new TimeOnly(7, 0), new TimeOnly(19, 0))],
            [DayOfWeek.Wednesday] = [new(new TimeOnly(7, 0), new TimeOnly(19, 0))],
            [DayOfWeek.Thursday] = [new(new TimeOnly(7, 0), new TimeOnly(19, 0))],
            [DayOfWeek.Friday] = [new(new TimeOnly(7, 0), new TimeOnly(19, 0))],
            [DayOfWeek.Saturday] = [new(new TimeOnly(8, 0), new TimeOnly(15, 0))],
        },
    };

    /// <summary>The law forbids calls on Sundays (Colombia: Ley 2300 de 2023; Bolivia: the same shape until a statute is modelled).</summary>
    public static bool SundaysForbidden(string country) => country switch
    {
        _ => true,
    };

    /// <summary>The law forbids calls on the country's public holidays.</summary>
    public static bool HolidaysForbidden(string country) => country switch
    {
        _ => true,
    };

    /// <summary>
    /// The windows that really apply per day: each of the campaign's windows cut to the legal windows of its day (a day the
    /// law closes, like Sunday, has none). The law wins over the campaign's settings.
    /// </summary>
    public static Dictionary<DayOfWeek, List<ContactWindow>> EffectiveWindows(IReadOnlyDictionary<DayOfWeek, List<ContactWindow>> windows, string country)
    {
        ArgumentNullException.ThrowIfNull(windows);
        var legal = PresetWindows(country);
        var result = new Dictionary<DayOfWeek, List<ContactWindow>>();
        foreach (var (day, spans) in windows)
        {
            if (!legal.TryGetValue(day, out var allowed) || (day == DayOfWeek.Sunday && SundaysForbidden(country)))
            {
                continue;
            }

            var cut = new List<ContactWindow>();
            foreach (var w in spans)
            {
                foreach (var l in allowed)
                {
                    var start = w.Start > l.Start ? w.Start : l.Start;
                    var end = w.End < l.End ? w.End : l.End;
                    if (end > start)
                    {
                        cut.Add(new ContactWindow(start, end));
                    }
                }
            }

            if (cut.Count > 0)
            {
                result[day] = [.. cut.OrderBy(w => w.Start)];
            }
        }

        return result;
    }

    /// <summary>The first window the law forbids (a whole day the law closes, or a window reaching outside the day's legal windows), or null.</summary>
    public static (DayOfWeek Day, ContactWindow Window, IReadOnlyList<ContactWindow> Legal)? FirstForbidden(IReadOnlyDictionary<DayOfWeek, List<ContactWindow>> windows, string country)
    {
        ArgumentNullException.ThrowIfNull(windows);
        var legal = PresetWindows(country);
        foreach (var (day, spans) in windows.OrderBy(kv => ((int)kv.Key + 6) % 7))
        {
            var allowed = legal.TryGetValue(day, out var a) && !(day == DayOfWeek.Sunday && SundaysForbidden(country)) ? a : [];
            foreach (var w in spans)
            {
                if (!allowed.Any(l => w.Start >= l.Start && w.End <= l.End))
                {
                    return (day, w, allowed);
                }
            }
        }

        return null;
    }

    /// <summary>A campaign row with the country preset (not saved).</summary>
    public static OutboundCampaign Preset(Guid clientId, Guid operationId, Country country)
    {
        var code = country.ToString();
        return new OutboundCampaign(clientId, operationId, code)
        {
            ContactWindowsJson = WriteWindows(PresetWindows(code)),
            NoCallsOnHolidays = true,
            MaxContactsPerDay = 1,
            OneChannelPerWeek = true,
            MaxAttemptsPerDay = 3,
            MaxAttemptsTotal = 10,
            RecycleMinutesJson = JsonSerializer.Serialize(new Dictionary<string, int>(StringComparer.Ordinal) { ["NO_CONTESTA"] = 120, ["OCUPADO"] = 15 }, Json),
        };
    }

    /// <summary>The operation's campaign (tracked), created with the country preset when missing.</summary>
    public static async Task<OutboundCampaign?> GetOrCreateAsync(AppDbContext db, Guid operationId, CancellationToken ct)
    {
        var campaign = await db.OutboundCampaigns.IgnoreQueryFilters().FirstOrDefaultAsync(c => c.OperationId == operationId, ct);
        if (campaign is not null)
        {
            return campaign;
        }

        var op = await db.Operations.IgnoreQueryFilters().AsNoTracking().Where(o => o.Id == operationId).Select(o => new { o.Id, o.ClientId }).FirstOrDefaultAsync(ct);
        if (op is null)
        {
            return null;
        }

        var country = await db.Clients.IgnoreQueryFilters().Where(c => c.Id == op.ClientId).Select(c => c.Country).FirstAsync(ct);
        campaign = Preset(op.ClientId, op.Id, country);
        db.OutboundCampaigns.Add(campaign);
        await db.SaveChangesAsync(ct);
        return campaign;
    }

    /// <summary>The operation's campaign read-only, or the country preset when there is no row yet (nothing saved).</summary>
    public static async Task<OutboundCampaign?> ReadAsync(AppDbContext db, Guid operationId, CancellationToken ct)
    {
        var campaign = await db.OutboundCampaigns.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(c => c.OperationId == operationId, ct);
        if (campaign is not null)
        {
            return campaign;
        }

        var op = await db.Operations.IgnoreQueryFilters().AsNoTracking().Where(o => o.Id == operationId).Select(o => new { o.Id, o.ClientId }).FirstOrDefaultAsync(ct);
        if (op is null)
        {
            return null;
        }

        var country = await db.Clients.IgnoreQueryFilters().Where(c => c.Id == op.ClientId).Select(c => c.Country).FirstAsync(ct);
        return Preset(op.ClientId, op.Id, country);
    }

    public static Dictionary<DayOfWeek, List<ContactWindow>> Windows(OutboundCampaign campaign)
    {
        var result = new Dictionary<DayOfWeek, List<ContactWindow>>();
        var raw = Deserialize<Dictionary<string, List<List<string>>>>(campaign.ContactWindowsJson) ?? [];
        foreach (var (day, spans) in raw)
        {
            if (!Enum.TryParse<DayOfWeek>(day, ignoreCase: true, out var dow))
            {
                continue;
            }

            var list = new List<ContactWindow>();
            foreach (var span in spans)
            {
                if (span.Count == 2 && TimeOnly.TryParseExact(span[0], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var s)
                    && TimeOnly.TryParseExact(span[1], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var e))
                {
                    list.Add(new ContactWindow(s, e));
                }
            }

            result[dow] = list;
        }

        return result;
    }

    public static string WriteWindows(IReadOnlyDictionary<DayOfWeek, List<ContactWindow>> windows) =>
        JsonSerializer.Serialize(
            windows.OrderBy(kv => ((int)kv.Key + 6) % 7).ToDictionary(
                kv => kv.Key.ToString(),
                kv => kv.Value.Select(w => new[] { w.Start.ToString("HH:mm", CultureInfo.InvariantCulture), w.End.ToString("HH:mm", CultureInfo.InvariantCulture) }).ToList()),
            Json);

    public static Dictionary<string, int> RecycleMinutes(OutboundCampaign campaign) =>
        new(Deserialize<Dictionary<string, int>>(campaign.RecycleMinutesJson) ?? [], StringComparer.Ordinal);

    public static List<PauseReason> PauseReasons(OutboundCampaign campaign) => Deserialize<List<PauseReason>>(campaign.PauseReasonsJson) ?? [];

    public static List<ScriptStep> Script(OutboundCampaign campaign) => Deserialize<List<ScriptStep>>(campaign.ScriptJson) ?? [];

    private static T? Deserialize<T>(string? json)
        where T : class
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<T>(json, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
