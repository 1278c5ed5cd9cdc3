using ContactOps.Platform.Data;
using ContactOps.Platform.Files;
using ContactOps.Platform.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ContactOps.Modules.Adjustments.Features;

/// <summary>The adjustments queue's filters and sort (as <see cref="AdjustmentQueueRequest"/>, no paging) and the file format: csv or xlsx.</summary>
public sealed record ExportAdjustmentsRequest(
    string? Operation = null, string? State = null, string? Cause = null, string? Agent = null, string? Clock = null, int? MinAgeDays = null,
    string? DueBefore = null, string? Assigned = null, string? Q = null, string? Sort = null, string? Format = null);

/// <summary>
/// The cell's adjustments queue as a file, with the queue's filters, sort and access (<see cref="ListAdjustments"/>): the
/// columns of the page plus currency and next contact, headers, states and clocks in the user's language, dates and
/// times local to the operation's client, up to <see cref="TableExport.MaxRows"/> rows.
/// </summary>
public sealed class ExportAdjustments(ListAdjustments list, IDbContextFactory<AppDbContext> dbs, IStringLocalizer<AdjustmentsText> text, TimeProvider time)
{
    public async Task<Result<TableFile>> HandleAsync(ExportAdjustmentsRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var format = TableExport.ParseFormat(request.Format);
        if (!format.IsSuccess)
        {
            return format.Error!;
        }

        var queue = await list.HandleAsync(
            new AdjustmentQueueRequest(request.Operation, request.State, request.Cause, request.Agent, request.Clock, request.MinAgeDays, request.DueBefore, request.Assigned, request.Q, request.Sort),
            TableExport.MaxRows, ct);
        if (!queue.IsSuccess)
        {
            return queue.Error!;
        }

        var code = queue.Value!.Operation;
        await using var db = await dbs.CreateDbContextAsync(ct);
        var zoneId = await db.Operations.AsNoTracking().Where(o => o.Code == code)
            .Join(db.Clients.AsNoTracking(), o => o.ClientId, c => c.Id, (o, c) => c.TimeZoneId).FirstAsync(ct);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);

        string[] headers =
        [
            text["Col_Key"], text["Col_Account"], text["Col_Cause"], text["Col_Agent"], text["Col_State"], text["Col_Amount"], text["AdjExport_Col_Currency"],
            text["Col_Clock"], text["Col_Due"], text["Col_DaysLeft"], text["Col_Appeal"], text["Col_Age"], text["Col_Assigned"], text["AdjExport_Col_NextContact"],
        ];
        var rows = queue.Value.Page.Items.Select(r => new object?[]
        {
            r.EscalationRef ?? r.Key, r.Account, r.CauseLetter, r.AgentLogin, text["State_" + r.State].Value, r.Amount, r.Currency,
            r.Clock == "None" ? null : text["Clock_" + r.Clock].Value, r.PqrDueOn, r.BusinessDaysLeft, r.AppealDeadlineOn, r.AgeDays, r.AssignedTo,
            r.NextContactAt is { } next ? TableExport.Local(next, zone) : null,
        }).ToList();
        var name = TableExport.FileName(text["AdjExport_File"], code, TableExport.Local(time.GetUtcNow(), zone), format.Value);
        return TableExport.Write(format.Value, name, text["Queue_Title"], headers, rows, queue.Value.Page.TotalCapped);
    }
}
