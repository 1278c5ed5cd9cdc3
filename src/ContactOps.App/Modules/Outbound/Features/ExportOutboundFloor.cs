using ContactOps.Platform.Data;
using ContactOps.Platform.Files;
using ContactOps.Platform.Results;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ContactOps.Modules.Outbound.Features;

/// <summary>The floor's campaign (operation code or id) and the file format: csv or xlsx.</summary>
public sealed record ExportOutboundFloorRequest(string? Operation = null, string? Format = null);

/// <summary>
/// The supervisor's floor (/outbound/floor) agents table as a file, for those who see the floor (<see cref="DeskUnits.FloorRoles"/>):
/// each agent on the floor now with the state (and pause reason) in the user's language, since when in the local time of
/// the operation's client, the time in the state (mm:ss and seconds), whether it is over its limit and the phone in the call.
/// </summary>
public sealed class ExportOutboundFloor(IDbContextFactory<AppDbContext> dbs, AccessScope scope, OutboundFloorView floor, IStringLocalizer<OutboundText> text, TimeProvider time)
{
    public async Task<Result<TableFile>> HandleAsync(ExportOutboundFloorRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var format = TableExport.ParseFormat(request.Format);
        if (!format.IsSuccess)
        {
            return format.Error!;
        }

        await using var db = await dbs.CreateDbContextAsync(ct);
        var loaded = await DeskUnits.LoadAsync(db, scope, request.Operation, DeskUnits.FloorRoles, ct);
        if (!loaded.IsSuccess)
        {
            return loaded.Error!;
        }

        var unit = loaded.Value!;
        var clientId = unit.Operation.ClientId;
        var zoneId = await db.Clients.AsNoTracking().Where(c => c.Id == clientId).Select(c => c.TimeZoneId).FirstAsync(ct);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var agents = floor.Agents(unit).OrderBy(a => a.DisplayName, StringComparer.CurrentCulture).ThenBy(a => a.Login, StringComparer.Ordinal).Take(TableExport.MaxRows).ToList();

        string[] headers =
        [
            text["Col_Agent"], text["FloorExport_Col_Login"], text["Col_State"], text["FloorExport_Col_Reason"], text["FloorExport_Col_Since"],
            text["Col_TimeInState"], text["FloorExport_Col_Seconds"], text["FloorExport_Col_OverLimit"], text["Col_Phone"],
        ];
        var rows = agents.Select(a => new object?[]
        {
            a.DisplayName, a.Login, text["State_" + a.State].Value,
            a.ReasonName ?? (a.ReasonCode == DeskSettings.WrapUpTimeoutReason ? text["Reason_WrapUpTimeout"].Value : a.ReasonCode),
            TableExport.Local(a.Since, zone), DeskSettings.Minutes(TimeSpan.FromSeconds(a.SecondsInState)), a.SecondsInState,
            a.OverLimit ? text["FloorExport_Yes"].Value : text["FloorExport_No"].Value, a.Phone,
        }).ToList();
        var name = TableExport.FileName(text["FloorExport_File"], unit.Operation.Code, TableExport.Local(time.GetUtcNow(), zone), format.Value);
        return TableExport.Write(format.Value, name, text["Floor_Agents"], headers, rows, capped: false);
    }
}
