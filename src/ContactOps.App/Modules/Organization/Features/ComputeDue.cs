using ContactOps.Platform.Localization;
using System.Globalization;
using ContactOps.Platform.Calendar;
using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Organization.Features;

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
            || !HasOffset(request.From)
            || !Platform.Calendar.PlausibleDates.Contains(from))
        {
            fields["from"] = [Messages.Text("Field.ComputeDue.from")];
        }

        if (request.BusinessHours is not { } hours || double.IsNaN(hours) || hours < 0 || hours > 10_000)
        {
            fields["businessHours"] = [Messages.Text("Field.ComputeDue.businessHours")];
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
