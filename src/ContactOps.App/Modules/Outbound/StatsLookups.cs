using System.Collections.Concurrent;
using ContactOps.Modules.Organization.Contracts;
using ContactOps.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Outbound;

/// <summary>
/// What the figures need to know about an attempt besides its own columns: the operation's disposition catalog (flags)
/// and the client's time zone. Cached briefly per database and operation/client (a catalog change shows within
/// <see cref="Ttl"/>; an unknown disposition reloads at once; <c>stats rebuild</c> repairs history after a catalog change).
/// </summary>
public static class StatsLookups
{
    private const long Ttl = 30_000;

    private static readonly ConcurrentDictionary<(string Db, Guid OperationId), (long At, Catalog Catalog)> Catalogs = new();
    private static readonly ConcurrentDictionary<(string Db, Guid ClientId), (long At, TimeZoneInfo Zone)> Zones = new();

    /// <summary>An operation's dispositions by id and by code.</summary>
    public sealed class Catalog(IReadOnlyList<DispositionTraits> traits)
    {
        private readonly Dictionary<Guid, DispositionTraits> _byId = traits.ToDictionary(t => t.Id);
        private readonly Dictionary<string, DispositionTraits> _byCode = traits.GroupBy(t => t.Code, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);

        public IReadOnlyList<DispositionTraits> All { get; } = traits;

        /// <summary>The traits of an attempt's disposition (by id, else by code); null when it has none or it is unknown.</summary>
        public DispositionTraits? Find(Guid? id, string? code) =>
            id is { } i && _byId.TryGetValue(i, out var t) ? t
            : !string.IsNullOrEmpty(code) && _byCode.TryGetValue(code, out var c) ? c
            : null;

        public bool Knows(Guid? id, string? code) => (id is null && string.IsNullOrEmpty(code)) || Find(id, code) is not null;
    }

    private static string Key(AppDbContext db) => db.Database.GetConnectionString() ?? "";

    public static async Task<Catalog> CatalogAsync(AppDbContext db, Guid operationId, bool fresh, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var key = (Key(db), operationId);
        if (!fresh && Catalogs.TryGetValue(key, out var hit) && Environment.TickCount64 - hit.At < Ttl)
        {
            return hit.Catalog;
        }

        var catalog = new Catalog(await OperationCatalog.DispositionTraitsAsync(db, operationId, ct));
        Catalogs[key] = (Environment.TickCount64, catalog);
        return catalog;
    }

    public static async Task<TimeZoneInfo> ZoneAsync(AppDbContext db, Guid clientId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var key = (Key(db), clientId);
        if (Zones.TryGetValue(key, out var hit) && Environment.TickCount64 - hit.At < Ttl)
        {
            return hit.Zone;
        }

        var id = await db.Clients.IgnoreQueryFilters().AsNoTracking().Where(c => c.Id == clientId).Select(c => c.TimeZoneId).FirstOrDefaultAsync(ct);
        var zone = Resolve(id);
        Zones[key] = (Environment.TickCount64, zone);
        return zone;
    }

    /// <summary>The zone of an id (IANA or Windows); UTC when missing or unknown.</summary>
    public static TimeZoneInfo Resolve(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return TimeZoneInfo.Utc;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.Utc;
        }
        catch (InvalidTimeZoneException)
        {
            return TimeZoneInfo.Utc;
        }
    }

    /// <summary>Forgets everything cached (tests and <c>stats rebuild</c> after a catalog change).</summary>
    public static void Clear()
    {
        Catalogs.Clear();
        Zones.Clear();
    }

    /// <summary>The UTC instant of a local date's midnight in the zone.</summary>
    public static DateTimeOffset LocalStart(DateOnly day, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }

        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, zone), TimeSpan.Zero);
    }
}
