using System.Text.Json;
using ContactOps.Modules.Organization.Contracts;
using ContactOps.Platform.Data;
using ContactOps.Platform.Files;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace ContactOps.Modules.Outbound;

/// <summary>What one generation covers: the operation, the local date, the bases and the end instant of the date.</summary>
public sealed record ManagementSelection(Guid ClientId, Guid OperationId, string OperationCode, DateOnly Date, IReadOnlyList<Guid> BaseIds, TimeZoneInfo Zone, DateTimeOffset EndUtc);

/// <summary>
/// Reads every lead of the selected bases with its state at the end of the report's date (attempts started before
/// that instant: count, first and last attempt, last disposition recorded, the telephony result of the last attempt)
/// and writes it in the carrier's layout. The rows stream from the database to the file (a million leads never sit
/// in memory): one query, one scalar sub-query per figure, each served by the index (LeadId, StartedAt) of the attempts.
/// </summary>
public static class ManagementReport
{
    public const string Csv = "csv";
    public const string Xlsx = "xlsx";

    private static readonly System.Buffers.SearchValues<char> NumberChars = System.Buffers.SearchValues.Create("0123456789 .,");

    /// <summary>The instant the local date ends (midnight of the next day in the zone), as UTC.</summary>
    public static DateTimeOffset EndOf(DateOnly date, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = date.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>The bases a report covers: the chosen one, or the operation's open bases received before the end of the date.</summary>
    public static async Task<IReadOnlyList<Guid>> BasesAsync(AppDbContext db, Guid operationId, Guid? baseId, DateTimeOffset endUtc, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (baseId is { } id)
        {
            return await db.LeadBases.Where(b => b.Id == id && b.OperationId == operationId).Select(b => b.Id).ToListAsync(ct);
        }

        return await db.LeadBases.Where(b => b.OperationId == operationId && b.Status == LeadBaseStatus.Open && b.ReceivedAt < endUtc)
            .OrderBy(b => b.ReceivedAt).Select(b => b.Id).ToListAsync(ct);
    }

    /// <summary>Writes the report; returns the number of lead rows written.</summary>
    public static async Task<long> WriteAsync(AppDbContext db, ManagementSelection selection, IReadOnlyList<ManagementColumn> layout, string format, Stream output, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(selection);
        var baseIds = selection.BaseIds.ToList();
        var bases = await db.LeadBases.AsNoTracking().Where(b => baseIds.Contains(b.Id)).Select(b => new { b.Id, b.Name, b.AttributeSchemaJson }).ToListAsync(ct);
        var attributeNames = new List<string>();
        foreach (var b in bases)
        {
            foreach (var name in SchemaNames(b.AttributeSchemaJson))
            {
                if (!attributeNames.Contains(name, StringComparer.Ordinal))
                {
                    attributeNames.Add(name);
                }
            }
        }

        var columns = ManagementFields.Expand(layout, attributeNames);
        var context = new RowContext(
            bases.ToDictionary(b => b.Id, b => b.Name),
            await db.Segments.AsNoTracking().Where(s => s.OperationId == selection.OperationId).ToDictionaryAsync(s => s.Id, s => s.Name, ct),
            (await OperationCatalog.DispositionTraitsAsync(db, selection.OperationId, ct)).GroupBy(t => t.Code, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal),
            await db.OutboundCampaigns.Where(c => c.OperationId == selection.OperationId).Select(c => (int?)c.MaxAttemptsTotal).FirstOrDefaultAsync(ct) ?? 10);

        // The rows are read synchronously: MiniExcel writes from an IEnumerable, and both formats share one path.
        // Run off the caller's thread so a page or an endpoint does not block on a large file.
        return await Task.Run(() => format == Xlsx ? WriteXlsx(Rows(db, selection, context), columns, selection.Zone, output) : WriteCsv(Rows(db, selection, context), columns, selection.Zone, output), ct);
    }

    private sealed record RowContext(Dictionary<Guid, string> Bases, Dictionary<Guid, string> Segments, Dictionary<string, DispositionTraits> Traits, int MaxAttempts);

    private static IEnumerable<ManagementRow> Rows(AppDbContext db, ManagementSelection selection, RowContext context)
    {
        var end = selection.EndUtc;
        var baseIds = selection.BaseIds.ToList();
        var operationId = selection.OperationId;
        var query =
            from l in db.Leads.AsNoTracking()
            where l.OperationId == operationId && baseIds.Contains(l.BaseId)
            orderby l.BaseId, l.SourceLine
            select new
            {
                l.BaseId, l.DocumentType, l.Document, l.FullName, l.AttributesJson, l.IsExcluded, l.SegmentId,
                Phone1 = db.LeadPhones.Where(p => p.LeadId == l.Id).OrderBy(p => p.Position).Select(p => p.E164).FirstOrDefault(),
                Phone2 = db.LeadPhones.Where(p => p.LeadId == l.Id).OrderBy(p => p.Position).Select(p => p.E164).Skip(1).FirstOrDefault(),
                Attempts = db.CallAttempts.Count(a => a.LeadId == l.Id && a.StartedAt < end),
                First = db.CallAttempts.Where(a => a.LeadId == l.Id && a.StartedAt < end).OrderBy(a => a.StartedAt).Select(a => (DateTimeOffset?)a.StartedAt).FirstOrDefault(),
                Last = db.CallAttempts.Where(a => a.LeadId == l.Id && a.StartedAt < end).OrderByDescending(a => a.StartedAt).Select(a => (DateTimeOffset?)a.StartedAt).FirstOrDefault(),
                LastResult = db.CallAttempts.Where(a => a.LeadId == l.Id && a.StartedAt < end).OrderByDescending(a => a.StartedAt).Select(a => (CallResult?)a.Result).FirstOrDefault(),
                LastCode = db.CallAttempts.Where(a => a.LeadId == l.Id && a.StartedAt < end && a.DispositionCode != null).OrderByDescending(a => a.StartedAt).Select(a => a.DispositionCode).FirstOrDefault(),
            };
        foreach (var r in query.AsEnumerable())
        {
            var traits = r.LastCode is null ? null : context.Traits.GetValueOrDefault(r.LastCode);
            yield return new ManagementRow(
                context.Bases.GetValueOrDefault(r.BaseId) ?? "", r.DocumentType, r.Document, r.FullName, r.Phone1, r.Phone2,
                r.SegmentId is { } s ? context.Segments.GetValueOrDefault(s) : null,
                r.Attempts, r.First, r.Last, r.LastCode, traits?.Name, ResultText(r.LastResult),
                Status(r.IsExcluded, r.Attempts, traits, context.MaxAttempts), r.AttributesJson);
        }
    }

    /// <summary>The lead's status in Spanish, from its state at the end of the date.</summary>
    public static string Status(bool excluded, int attempts, DispositionTraits? last, int maxAttempts)
    {
        if (excluded)
        {
            return "Excluido";
        }

        if (last is { } d)
        {
            if (d.Sale)
            {
                return "Venta";
            }

            if (d.DoNotCall)
            {
                return "No llamar";
            }

            if (d.NumberUnusable && d.Final)
            {
                return "Número errado";
            }

            if (d.Final)
            {
                return "Cerrado";
            }

            if (d.Callback)
            {
                return "Volver a llamar";
            }
        }

        if (attempts == 0)
        {
            return "Sin gestionar";
        }

        return attempts >= maxAttempts ? "Agotado" : "En gestión";
    }

    private static string? ResultText(CallResult? result) => result switch
    {
        null => null,
        CallResult.Pending => "En curso",
        CallResult.Answered => "Contestada",
        CallResult.Machine => "Buzón",
        CallResult.NoAnswer => "No contesta",
        CallResult.Busy => "Ocupado",
        CallResult.Failed => "Fallida",
        _ => result.ToString(),
    };

    private static long WriteCsv(IEnumerable<ManagementRow> rows, IReadOnlyList<ManagementColumn> columns, TimeZoneInfo zone, Stream output)
    {
        using var csv = CsvExport.Create(output, ';', utf8Bom: true, protectFormulas: false);
        csv.WriteRow(columns.Select(c => (string?)c.Header));
        var count = 0L;
        var needsAttributes = columns.Any(c => c.Field.StartsWith(ManagementFields.AttributePrefix, StringComparison.Ordinal));
        foreach (var row in rows)
        {
            var attributes = needsAttributes ? ManagementFields.Attributes(row.AttributesJson) : null;
            foreach (var c in columns)
            {
                csv.WriteField(Safe(ManagementFields.Text(row, c.Field, zone, attributes)));
            }

            csv.EndRow();
            count++;
        }

        csv.Flush();
        return count;
    }

    private static long WriteXlsx(IEnumerable<ManagementRow> rows, IReadOnlyList<ManagementColumn> columns, TimeZoneInfo zone, Stream output)
    {
        var count = 0L;
        var needsAttributes = columns.Any(c => c.Field.StartsWith(ManagementFields.AttributePrefix, StringComparison.Ordinal));

        IEnumerable<Dictionary<string, object?>> Sheet()
        {
            var any = false;
            foreach (var row in rows)
            {
                var attributes = needsAttributes ? ManagementFields.Attributes(row.AttributesJson) : null;
                var cells = new Dictionary<string, object?>(columns.Count, StringComparer.Ordinal);
                foreach (var c in columns)
                {
                    cells[c.Header] = c.Field == "attempts" ? row.Attempts : ManagementFields.Text(row, c.Field, zone, attributes);
                }

                count++;
                any = true;
                yield return cells;
            }

            if (!any)
            {
                // MiniExcel takes the headers from the first row: an empty report still carries them (one blank row).
                yield return columns.ToDictionary(c => c.Header, _ => (object?)null, StringComparer.Ordinal);
            }
        }

        output.SaveAs(Sheet(), sheetName: "Gestion");
        return count;
    }

    /// <summary>
    /// Formula guard for a file people open in a spreadsheet: a text starting with = @ tab CR, or with + - that is not a
    /// number or a phone, gets a leading apostrophe. Phones (+57…) and negative numbers are written as they are.
    /// </summary>
    public static string Safe(string value)
    {
        if (value.Length == 0)
        {
            return value;
        }

        var first = value[0];
        var risky = first is '=' or '@' or '\t' or '\r'
            || (first is '+' or '-' && value.AsSpan(1).ContainsAnyExcept(NumberChars));
        return risky ? "'" + value : value;
    }

    private static IEnumerable<string> SchemaNames(string json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            yield break;
        }

        using var doc = JsonDocument.Parse(json);
        if (doc.RootElement.ValueKind != JsonValueKind.Object)
        {
            yield break;
        }

        foreach (var p in doc.RootElement.EnumerateObject())
        {
            yield return p.Name;
        }
    }
}
