using System.Globalization;
using System.Text;
using ContactOps.Modules.Organization.Contracts;
using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Outbound.Features;

/// <summary>What <c>stats rebuild</c> did: the attempts read and the hourly rows written.</summary>
public sealed record RebuildSummary(string Operation, DateOnly? From, DateOnly? To, long Attempts, long Rows);

/// <summary>
/// Recomputes <see cref="OutboundHourlyStat"/> of an operation (optionally only local dates <c>from</c>…<c>to</c>) from
/// the raw attempts: repair, or after a catalog change. One transaction: the old rows are deleted and the new ones
/// written; on PostgreSQL the table is locked against concurrent upserts first (SHARE ROW EXCLUSIVE), so an attempt
/// written meanwhile is either in the recount or adds its delta after it, never both.
/// </summary>
public sealed class RebuildStats(AppDbContext db, AdminAccess access)
{
    public async Task<Result<RebuildSummary>> HandleAsync(string? operation, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        if (from is { } f && to is { } t && f > t)
        {
            return Error.Invalid("from", "stats.range");
        }

        var op = await access.OperationAsync(db, operation, ct);
        if (!op.IsSuccess)
        {
            return op.Error!;
        }

        var (attempts, rows) = await RebuildAsync(db, op.Value!.Id, from, to, ct);
        return new RebuildSummary(op.Value.Code, from, to, attempts, rows);
    }

    /// <summary>Rebuilds and returns (attempts counted, rows written).</summary>
    public static async Task<(long Attempts, long Rows)> RebuildAsync(AppDbContext db, Guid operationId, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var clientId = await db.Operations.IgnoreQueryFilters().Where(o => o.Id == operationId).Select(o => o.ClientId).FirstAsync(ct);
        var zone = await StatsLookups.ZoneAsync(db, clientId, ct);
        var catalog = await StatsLookups.CatalogAsync(db, operationId, fresh: true, ct);
        DateTimeOffset? fromUtc = from is { } f ? StatsLookups.LocalStart(f, zone) : null;
        DateTimeOffset? toUtc = to is { } t ? StatsLookups.LocalStart(t.AddDays(1), zone) : null;

        var owned = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            var sqlite = db.Database.IsSqlite();
            if (!sqlite)
            {
                await db.Database.ExecuteSqlRawAsync("LOCK TABLE \"OutboundHourlyStats\" IN SHARE ROW EXCLUSIVE MODE", ct);
            }

            var old = db.OutboundHourlyStats.IgnoreQueryFilters().Where(s => s.OperationId == operationId);
            if (from is { } fd)
            {
                old = old.Where(s => s.Day >= fd);
            }

            if (to is { } td)
            {
                old = old.Where(s => s.Day <= td);
            }

            await old.ExecuteDeleteAsync(ct);
            var result = sqlite
                ? await InMemoryAsync(db, operationId, catalog, zone, fromUtc, toUtc, ct)
                : await InSqlAsync(db, operationId, catalog, zone, from, to, fromUtc, toUtc, ct);
            if (owned is not null)
            {
                await owned.CommitAsync(ct);
            }

            return result;
        }
        finally
        {
            if (owned is not null)
            {
                await owned.DisposeAsync();
            }
        }
    }

    private static async Task<(long, long)> InMemoryAsync(
        AppDbContext db, Guid operationId, StatsLookups.Catalog catalog, TimeZoneInfo zone, DateTimeOffset? fromUtc, DateTimeOffset? toUtc, CancellationToken ct)
    {
        var q = db.CallAttempts.IgnoreQueryFilters().AsNoTracking().Where(a => a.OperationId == operationId);
        if (fromUtc is { } f)
        {
            q = q.Where(a => a.StartedAt >= f);
        }

        if (toUtc is { } t)
        {
            q = q.Where(a => a.StartedAt < t);
        }

        var deltas = new Dictionary<(Guid, DateOnly, int, string), StatDelta>();
        long attempts = 0;
        await foreach (var a in q.Select(a => new { a.ClientId, a.StartedAt, a.AgentLogin, a.Result, a.DispositionId, a.DispositionCode, a.Abandoned, a.TalkSeconds }).AsAsyncEnumerable().WithCancellation(ct))
        {
            attempts++;
            var (day, hour) = StatDelta.Bucket(a.StartedAt, zone);
            var d = StatDelta.Between(a.ClientId, operationId, day, hour, a.AgentLogin, null,
                AttemptFlags.Of(a.Result, catalog.Find(a.DispositionId, a.DispositionCode), a.Abandoned, a.TalkSeconds));
            var key = (operationId, day, hour, d.AgentLogin);
            deltas[key] = deltas.TryGetValue(key, out var m)
                ? m with
                {
                    Attempts = m.Attempts + d.Attempts, Answered = m.Answered + d.Answered, Machine = m.Machine + d.Machine, Contacts = m.Contacts + d.Contacts,
                    EffectiveContacts = m.EffectiveContacts + d.EffectiveContacts, Sales = m.Sales + d.Sales, Abandoned = m.Abandoned + d.Abandoned,
                    TalkSeconds = m.TalkSeconds + d.TalkSeconds,
                }
                : d;
        }

        await OutboundStats.ApplyAsync(db, deltas.Values, ct);
        return (attempts, deltas.Count);
    }

    /// <summary>PostgreSQL: one INSERT … SELECT … GROUP BY with the zone conversion and the catalog's flags in SQL.</summary>
    private static async Task<(long, long)> InSqlAsync(
        AppDbContext db, Guid operationId, StatsLookups.Catalog catalog, TimeZoneInfo zone, DateOnly? from, DateOnly? to, DateTimeOffset? fromUtc, DateTimeOffset? toUtc, CancellationToken ct)
    {
        var tz = zone.HasIanaId || !TimeZoneInfo.TryConvertWindowsIdToIanaId(zone.Id, out var iana) ? zone.Id : iana;
        var parameters = new List<object> { operationId, tz };
        var ids = new StringBuilder();
        var codes = new StringBuilder();
        foreach (var d in catalog.All)
        {
            var flags = (d.Answered ? 1 : 0) | (d.Machine ? 2 : 0) | (d.Contact ? 4 : 0) | (d.EffectiveContact ? 8 : 0) | (d.Sale ? 16 : 0);
            ids.Append(ids.Length == 0 ? "" : ", ").Append(CultureInfo.InvariantCulture, $"({{{parameters.Count}}}::uuid, {flags})");
            parameters.Add(d.Id);
            codes.Append(codes.Length == 0 ? "" : ", ").Append(CultureInfo.InvariantCulture, $"({{{parameters.Count}}}::text, {flags})");
            parameters.Add(d.Code);
        }

        if (ids.Length == 0)
        {
            ids.Append("(NULL::uuid, 0)");
            codes.Append("(NULL::text, 0)");
        }

        var where = new StringBuilder("a.\"OperationId\" = {0}");
        if (fromUtc is { } f)
        {
            where.Append(CultureInfo.InvariantCulture, $" AND a.\"StartedAt\" >= {{{parameters.Count}}}");
            parameters.Add(f);
        }

        if (toUtc is { } t)
        {
            where.Append(CultureInfo.InvariantCulture, $" AND a.\"StartedAt\" < {{{parameters.Count}}}");
            parameters.Add(t);
        }

        var sql = $"""
            WITH src AS (
                SELECT a."ClientId" AS client, (a."StartedAt" AT TIME ZONE {"{1}"}) AS local, COALESCE(a."AgentLogin", '') AS agent,
                       COALESCE(i.flags, c.flags, CASE a."Result" WHEN 'Answered' THEN 1 WHEN 'Machine' THEN 2 ELSE 0 END) AS flags,
                       a."Abandoned" AS abandoned, a."TalkSeconds" AS talk
                FROM "CallAttempts" a
                LEFT JOIN (VALUES {ids}) AS i(id, flags) ON i.id = a."DispositionId"
                LEFT JOIN (VALUES {codes}) AS c(code, flags) ON c.code = a."DispositionCode"
                WHERE {where}
            )
            INSERT INTO "OutboundHourlyStats" ("ClientId", "OperationId", "Day", "Hour", "AgentLogin", "Attempts", "Answered", "Machine", "Contacts", "EffectiveContacts", "Sales", "Abandoned", "TalkSeconds")
            SELECT client, {"{0}"}, local::date, EXTRACT(HOUR FROM local)::int, agent, COUNT(*),
                   SUM(flags & 1), SUM((flags & 2) >> 1), SUM((flags & 4) >> 2), SUM((flags & 8) >> 3), SUM((flags & 16) >> 4),
                   SUM(CASE WHEN abandoned THEN 1 ELSE 0 END), SUM(talk)
            FROM src
            GROUP BY client, local::date, EXTRACT(HOUR FROM local)::int, agent
            """;
        var rows = await db.Database.ExecuteSqlRawAsync(sql, parameters, ct);
        var written = db.OutboundHourlyStats.IgnoreQueryFilters().Where(s => s.OperationId == operationId);
        if (from is { } fd)
        {
            written = written.Where(s => s.Day >= fd);
        }

        if (to is { } td)
        {
            written = written.Where(s => s.Day <= td);
        }

        return (await written.SumAsync(s => s.Attempts, ct), rows);
    }
}
