using System.Globalization;
using ContactOps.Platform.Calendar;
using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Organization.Features;

/// <summary>Loads a client's business calendar by code (within the caller's scope).</summary>
public sealed class ClientCalendars(AppDbContext db)
{
    public async Task<Result<(Client Client, BusinessCalendar Calendar)>> ForCodeAsync(string? clientCode, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(clientCode))
        {
            return Error.Validation("client.required", "Indique el cliente (código, p. ej. telco-co).", "client");
        }

        var code = clientCode.Trim();
        var client = await db.Clients.Include(c => c.Holidays).AsNoTracking().FirstOrDefaultAsync(c => c.Code == code, ct);
        if (client is null)
        {
            return Error.NotFound("client.not_found", $"No existe el cliente '{code}'.");
        }

        return (client, client.Calendar());
    }
}

public sealed record DueRequest(string? Client, string? From, double? BusinessHours);

public sealed record DueResponse(string Due, double BusinessHours, string TimeZone);

/// <summary>The due instant of a promise made in business hours (e.g. an escalation's 72 business hours).</summary>
public sealed class ComputeDue(ClientCalendars calendars)
{
    public async Task<Result<DueResponse>> HandleAsync(DueRequest request, CancellationToken ct)
    {
        var fields = new Dictionary<string, string[]>(StringComparer.Ordinal);
        DateTimeOffset from = default;
        if (string.IsNullOrWhiteSpace(request.From)
            || !DateTimeOffset.TryParseExact(request.From.Trim(), ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"], CultureInfo.InvariantCulture, DateTimeStyles.None, out from)
            || !HasOffset(request.From))
        {
            fields["from"] = ["La fecha de inicio debe ser ISO-8601 con zona horaria, p. ej. 2026-11-19T10:00:00-05:00."];
        }

        if (request.BusinessHours is not { } hours || double.IsNaN(hours) || hours < 0 || hours > 10_000)
        {
            fields["businessHours"] = ["Las horas hábiles deben ser un número entre 0 y 10000."];
        }

        if (fields.Count > 0)
        {
            return Error.Validation(fields);
        }

        var loaded = await calendars.ForCodeAsync(request.Client, ct);
        if (!loaded.IsSuccess)
        {
            return loaded.Error!;
        }

        var (client, calendar) = loaded.Value;
        var due = calendar.AddBusinessHours(from, request.BusinessHours!.Value);
        return new DueResponse(due.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture), request.BusinessHours.Value, client.TimeZoneId);
    }

    private static bool HasOffset(string text)
    {
        var t = text.Trim();
        return t.EndsWith('Z') || (t.Length > 6 && (t[^6] is '+' or '-') && t[^3] == ':');
    }
}

public sealed record HolidayRow(DateOnly Date, string Name, string Source);

/// <summary>The client's public holidays for a year: computed by rule plus manual additions/removals.</summary>
public sealed class ListHolidays(ClientCalendars calendars)
{
    public async Task<Result<IReadOnlyList<HolidayRow>>> HandleAsync(string? clientCode, int? year, CancellationToken ct)
    {
        if (year is not { } y || y < HolidayRules.MinYear || y > HolidayRules.MaxYear)
        {
            return Error.Validation("year.invalid", "Indique un año válido (p. ej. 2026).", "year");
        }

        var loaded = await calendars.ForCodeAsync(clientCode, ct);
        if (!loaded.IsSuccess)
        {
            return loaded.Error!;
        }

        return loaded.Value.Calendar.HolidaysIn(y).Select(h => new HolidayRow(h.Date, h.Name, h.Source.ToString())).ToList();
    }
}
