using ContactOps.Platform.Data;
using ContactOps.Platform.Files;
using ContactOps.Platform.Results;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ContactOps.Modules.Sales.Features;

/// <summary>The back-office queue's filters (those of <see cref="SaleListRequest"/>, no paging) and the file format: csv or xlsx.</summary>
public sealed record ExportBackOfficeQueueRequest(
    string? Operation = null,
    SaleState? State = null,
    SaleKind? Kind = null,
    Guid? Agent = null,
    Guid? AssignedTo = null,
    bool? Unassigned = null,
    int? MinAgeDays = null,
    bool? FollowUpDue = null,
    bool? OpenOnly = null,
    string? Format = null);

/// <summary>
/// The sales back office's work queue (/backoffice) as a file: the operation's sales with the queue's filters, for those
/// who work the back office of that operation (<see cref="SaleRoles.Work"/>); the columns of the page, headers, kinds and
/// states in the user's language, instants in the local time of the operation's client, up to <see cref="TableExport.MaxRows"/>
/// rows, newest first.
/// </summary>
public sealed class ExportBackOfficeQueue(ListSales list, IDbContextFactory<AppDbContext> dbs, AccessScope scope, IStringLocalizer<SalesText> text, TimeProvider time)
{
    public async Task<Result<TableFile>> HandleAsync(ExportBackOfficeQueueRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var format = TableExport.ParseFormat(request.Format);
        if (!format.IsSuccess)
        {
            return format.Error!;
        }

        TimeZoneInfo zone;
        string code;
        string operationId;
        await using (var db = await dbs.CreateDbContextAsync(ct))
        {
            var op = await SaleUnits.OperationAsync(db, request.Operation, scope, ct);
            if (!op.IsSuccess)
            {
                return op.Error!;
            }

            if (!scope.SeesAll && !scope.HasRole(op.Value!.Id, SaleRoles.Work))
            {
                return SaleRoles.CannotWork;
            }

            var clientId = op.Value!.ClientId;
            var zoneId = await db.Clients.AsNoTracking().Where(c => c.Id == clientId).Select(c => c.TimeZoneId).FirstAsync(ct);
            zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
            code = op.Value.Code;
            operationId = op.Value.Id.ToString();
        }

        var page = await list.HandleAsync(
            new SaleListRequest(operationId, request.State, request.Kind, null, null, request.Agent, request.AssignedTo, request.Unassigned, request.MinAgeDays, request.FollowUpDue, request.OpenOnly),
            TableExport.MaxRows, ct);
        if (!page.IsSuccess)
        {
            return page.Error!;
        }

        string[] headers =
        [
            text["BoExport_Col_Operation"], text["Col_SoldAt"], text["Field_Kind"], text["Field_State"], text["Col_Customer"], text["Col_AccountOrLine"],
            text["Field_Seller"], text["Field_AssignedTo"], text["Field_FollowUp"], text["Col_Monthly"], text["BoExport_Col_Currency"],
        ];
        var rows = page.Value!.Items.Select(r => new object?[]
        {
            r.OperationCode, TableExport.Local(r.SoldAt, zone), text["Kind_" + r.Kind].Value, text["State_" + r.State].Value, r.CustomerName,
            r.AccountNumber ?? r.LineNumber, r.SellerName, r.AssignedToName ?? text["Queue_Unassigned"].Value,
            r.FollowUpAt is { } f ? TableExport.Local(f, zone) : null, r.MonthlyValue, r.Currency,
        }).ToList();
        var name = TableExport.FileName(text["BoExport_File"], code, TableExport.Local(time.GetUtcNow(), zone), format.Value);
        return TableExport.Write(format.Value, name, text["BoExport_Sheet"], headers, rows, page.Value.TotalCapped);
    }
}
