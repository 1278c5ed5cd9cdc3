using ContactOps.Modules.Organization.Contracts;
using ContactOps.Modules.Outbound;
using ContactOps.Platform.Data;
using ContactOps.Tests.Outbound.Policy;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Tests.Outbound.Stats;

/// <summary>Isolation and an independent recount of the hourly figures, for the stats tests.</summary>
internal static class StatsKit
{
    public static readonly TimeZoneInfo Bogota = TimeZoneInfo.FindSystemTimeZoneById("America/Bogota");

    /// <summary>The demo bases closed, segments dropped, and no attempts nor figures on devices-outbound.</summary>
    public static async Task IsolateAsync(AppDbContext db)
    {
        await PolicyKit.IsolateAsync(db);
        var (opId, _) = await PolicyKit.OperationAsync(db);
        await db.CallAttempts.IgnoreQueryFilters().Where(a => a.OperationId == opId).ExecuteDeleteAsync();
        await db.OutboundHourlyStats.IgnoreQueryFilters().Where(s => s.OperationId == opId).ExecuteDeleteAsync();
        await db.DailySalesGoals.IgnoreQueryFilters().Where(s => s.OperationId == opId).ExecuteDeleteAsync();
        await db.AgentStateChanges.IgnoreQueryFilters().Where(s => s.OperationId == opId).ExecuteDeleteAsync();
    }

    public sealed record Row(DateOnly Day, int Hour, string Agent, long Attempts, long Answered, long Machine, long Contacts, long Effective, long Sales, long Abandoned, long Talk);

    /// <summary>The table's rows (zero rows dropped), ordered.</summary>
    public static async Task<List<Row>> TableAsync(AppDbContext db, Guid opId) =>
        (await db.OutboundHourlyStats.IgnoreQueryFilters().AsNoTracking().Where(s => s.OperationId == opId).ToListAsync())
        .Select(s => new Row(s.Day, s.Hour, s.AgentLogin, s.Attempts, s.Answered, s.Machine, s.Contacts, s.EffectiveContacts, s.Sales, s.Abandoned, s.TalkSeconds))
        .Where(r => r.Attempts != 0 || r.Answered != 0 || r.Machine != 0 || r.Contacts != 0 || r.Effective != 0 || r.Sales != 0 || r.Abandoned != 0 || r.Talk != 0)
        .OrderBy(r => r.Day).ThenBy(r => r.Hour).ThenBy(r => r.Agent, StringComparer.Ordinal).ToList();

    /// <summary>An independent recount from the raw attempts (written here, not with the product's code).</summary>
    public static async Task<List<Row>> RecountAsync(AppDbContext db, Guid opId)
    {
        var traits = await OperationCatalog.DispositionTraitsAsync(db, opId, default);
        var attempts = await db.CallAttempts.IgnoreQueryFilters().AsNoTracking().Where(a => a.OperationId == opId).ToListAsync();
        return attempts
            .Select(a =>
            {
                var d = traits.FirstOrDefault(t => t.Id == a.DispositionId) ?? traits.FirstOrDefault(t => t.Code == a.DispositionCode);
                var local = TimeZoneInfo.ConvertTime(a.StartedAt, Bogota);
                return new
                {
                    Day = DateOnly.FromDateTime(local.DateTime), local.Hour, Agent = a.AgentLogin ?? "",
                    Answered = d?.Answered ?? a.Result == CallResult.Answered, Machine = d?.Machine ?? a.Result == CallResult.Machine,
                    Contact = d?.Contact ?? false, Effective = d?.EffectiveContact ?? false, Sale = d?.Sale ?? false, a.Abandoned, a.TalkSeconds,
                };
            })
            .GroupBy(x => (x.Day, x.Hour, x.Agent))
            .Select(g => new Row(g.Key.Day, g.Key.Hour, g.Key.Agent, g.Count(), g.Count(x => x.Answered), g.Count(x => x.Machine), g.Count(x => x.Contact),
                g.Count(x => x.Effective), g.Count(x => x.Sale), g.Count(x => x.Abandoned), g.Sum(x => (long)x.TalkSeconds)))
            .OrderBy(r => r.Day).ThenBy(r => r.Hour).ThenBy(r => r.Agent, StringComparer.Ordinal).ToList();
    }

    /// <summary>A local Bogotá instant (UTC−5) as UTC.</summary>
    public static DateTimeOffset Local(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, TimeSpan.FromHours(-5));
}
