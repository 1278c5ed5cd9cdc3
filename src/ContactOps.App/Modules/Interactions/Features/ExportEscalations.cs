using ContactOps.Platform.Data;
using ContactOps.Platform.Files;
using ContactOps.Platform.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ContactOps.Modules.Interactions.Features;

/// <summary>The escalations queue's filters (as <see cref="EscalationQueueRequest"/>, no paging) and the file format: csv or xlsx.</summary>
public sealed record ExportEscalationsRequest(string? Operation = null, string? Filter = null, double? DueSoonHours = null, string? Format = null);

/// <summary>
/// The escalations queue as a file, with the queue's filters and access (<see cref="ListEscalations"/>): the columns of the
/// page and the answer, headers and alarms in the user's language, instants in the local time of each operation's client,
/// up to <see cref="TableExport.MaxRows"/> rows in the queue's order.
/// </summary>
public sealed class ExportEscalations(ListEscalations list, IDbContextFactory<AppDbContext> dbs, IStringLocalizer<InteractionsText> text, TimeProvider time)
{
    public async Task<Result<TableFile>> HandleAsync(ExportEscalationsRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var format = TableExport.ParseFormat(request.Format);
        if (!format.IsSuccess)
        {
            return format.Error!;
        }

        var queue = await list.HandleAsync(new EscalationQueueRequest(request.Operation, request.Filter, request.DueSoonHours), TableExport.MaxRows, ct);
        if (!queue.IsSuccess)
        {
            return queue.Error!;
        }

        var rows = queue.Value!.Page;
        await using var db = await dbs.CreateDbContextAsync(ct);
        var codes = rows.Items.Select(r => r.Operation).Append(request.Operation?.Trim() ?? "").Distinct().ToArray();
        var zones = (await db.Operations.AsNoTracking().Where(o => codes.Contains(o.Code))
                .Join(db.Clients.AsNoTracking(), o => o.ClientId, c => c.Id, (o, c) => new { o.Code, c.TimeZoneId })
                .ToListAsync(ct))
            .ToDictionary(o => o.Code, o => TimeZoneInfo.FindSystemTimeZoneById(o.TimeZoneId), StringComparer.Ordinal);

        string[] headers =
        [
            text["Export_Col_Operation"], text["Queue_Col_Alarm"], text["Queue_Col_Type"], text["Queue_Col_Customer"], text["Queue_Col_Opened"],
            text["Queue_Col_Due"], text["Queue_Col_Area"], text["Export_Col_AnsweredAt"], text["Export_Col_AnsweredBy"], text["Export_Col_Answer"],
        ];
        var lines = rows.Items.Select(r =>
        {
            var zone = zones.GetValueOrDefault(r.Operation, TimeZoneInfo.Utc);
            return new object?[]
            {
                r.Operation, text["Alarm_" + r.Alarm].Value, r.TypeName, r.CustomerName ?? text["Queue_NoCustomer"].Value, TableExport.Local(r.OpenedAt, zone),
                TableExport.Local(r.Promised.DueAt, zone), r.DestinationArea, r.AnsweredAt is { } at ? TableExport.Local(at, zone) : null, r.AnsweredBy, r.Answer,
            };
        }).ToList();

        var operation = string.IsNullOrWhiteSpace(request.Operation) ? null : rows.Items.FirstOrDefault()?.Operation ?? request.Operation.Trim();
        var fileZone = operation is not null && zones.TryGetValue(operation, out var z) ? z : zones.Values.FirstOrDefault() ?? TimeZoneInfo.Utc;
        var name = TableExport.FileName(text["Export_File"], operation, TableExport.Local(time.GetUtcNow(), fileZone), format.Value);
        return TableExport.Write(format.Value, name, text["Queue_Title"], headers, lines, rows.TotalCapped);
    }
}
