using System.Runtime.CompilerServices;
using ContactOps.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace ContactOps.Modules.Outbound;

/// <summary>
/// Keeps <see cref="OutboundHourlyStat"/> in step with every tracked <see cref="CallAttempt"/> write (dialer engine, desk,
/// wrap-up defaults, any EF write): before the save it computes, from the entries' original and current values, the
/// <see cref="StatDelta"/>s (flags via <see cref="AttemptFlags.Of"/> with the operation's catalog, bucket by StartedAt in
/// the client's zone, agent login); after the save it applies them with <see cref="OutboundStats.ApplyAsync"/> in the
/// same transaction — the caller's when one is open, else one it begins before the save and commits after the deltas
/// (rolled back when the save or the deltas fail). Bulk paths that bypass the change tracker apply their own deltas.
/// </summary>
public sealed class OutboundStatsInterceptor : SaveChangesInterceptor
{
    private sealed class Pending
    {
        public List<StatDelta> Deltas { get; } = [];

        public IDbContextTransaction? Owned { get; set; }
    }

    private readonly ConditionalWeakTable<DbContext, Pending> _pending = new();

    /// <summary>
    /// A synchronous save cannot compute the deltas without blocking on the database: attempts are saved with
    /// <c>SaveChangesAsync</c> (every path in the product does). Other synchronous saves pass untouched.
    /// </summary>
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is AppDbContext db && db.ChangeTracker.Entries<CallAttempt>().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("Call attempts are saved with SaveChangesAsync: the hourly figures are computed in the same transaction.");
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        await PrepareAsync(eventData.Context, cancellationToken);
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        await FinishAsync(eventData.Context, cancellationToken);
        return result;
    }

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        await AbandonAsync(eventData.Context);
    }

    public override async Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        await AbandonAsync(eventData.Context);
    }

    private async Task PrepareAsync(DbContext? context, CancellationToken ct)
    {
        if (context is not AppDbContext db)
        {
            return;
        }

        // A previous save that never reached Saved/Failed (should not happen) must not leak its deltas into this one.
        _pending.Remove(db);
        var entries = db.ChangeTracker.Entries<CallAttempt>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .ToList();
        if (entries.Count == 0)
        {
            return;
        }

        var deltas = await DeltasAsync(db, entries, ct);
        if (deltas.Count == 0)
        {
            return;
        }

        var pending = new Pending();
        pending.Deltas.AddRange(deltas);
        if (db.Database.CurrentTransaction is null)
        {
            pending.Owned = await db.Database.BeginTransactionAsync(ct);
        }

        _pending.AddOrUpdate(db, pending);
    }

    private async Task FinishAsync(DbContext? context, CancellationToken ct)
    {
        if (context is not AppDbContext db || !_pending.TryGetValue(db, out var pending))
        {
            return;
        }

        _pending.Remove(db);
        try
        {
            await OutboundStats.ApplyAsync(db, pending.Deltas, ct);
            if (pending.Owned is not null)
            {
                await pending.Owned.CommitAsync(ct);
            }
        }
        catch
        {
            if (pending.Owned is not null)
            {
                await pending.Owned.RollbackAsync(CancellationToken.None);
            }

            throw;
        }
        finally
        {
            if (pending.Owned is not null)
            {
                await pending.Owned.DisposeAsync();
            }
        }
    }

    private async Task AbandonAsync(DbContext? context)
    {
        if (context is null || !_pending.TryGetValue(context, out var pending))
        {
            return;
        }

        _pending.Remove(context);
        if (pending.Owned is not null)
        {
            try
            {
                await pending.Owned.RollbackAsync(CancellationToken.None);
            }
            finally
            {
                await pending.Owned.DisposeAsync();
            }
        }
    }

    /// <summary>The deltas of the tracked attempt changes (original values → current values).</summary>
    public static async Task<List<StatDelta>> DeltasAsync(AppDbContext db, IReadOnlyList<EntityEntry<CallAttempt>> entries, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(entries);
        var deltas = new List<StatDelta>(entries.Count * 2);
        foreach (var entry in entries)
        {
            Snapshot? before = entry.State == EntityState.Added ? null : await SnapshotAsync(db, entry, original: true, ct);
            Snapshot? after = entry.State == EntityState.Deleted ? null : await SnapshotAsync(db, entry, original: false, ct);
            if (before is { } b && after is { } a && b.SameBucket(a))
            {
                if (b.Flags != a.Flags)
                {
                    deltas.Add(StatDelta.Between(a.ClientId, a.OperationId, a.Day, a.Hour, a.AgentLogin, b.Flags, a.Flags));
                }

                continue;
            }

            if (before is { } old)
            {
                deltas.Add(StatDelta.Between(old.ClientId, old.OperationId, old.Day, old.Hour, old.AgentLogin, old.Flags, null));
            }

            if (after is { } now)
            {
                deltas.Add(StatDelta.Between(now.ClientId, now.OperationId, now.Day, now.Hour, now.AgentLogin, null, now.Flags));
            }
        }

        return deltas;
    }

    private readonly record struct Snapshot(Guid ClientId, Guid OperationId, DateOnly Day, int Hour, string AgentLogin, AttemptFlags Flags)
    {
        public bool SameBucket(Snapshot o) => OperationId == o.OperationId && Day == o.Day && Hour == o.Hour && string.Equals(AgentLogin, o.AgentLogin, StringComparison.Ordinal);
    }

    private static async Task<Snapshot> SnapshotAsync(AppDbContext db, EntityEntry<CallAttempt> entry, bool original, CancellationToken ct)
    {
        T V<T>(string name)
        {
            var p = entry.Property(name);
            return (T)(original ? p.OriginalValue : p.CurrentValue)!;
        }

        T? N<T>(string name)
        {
            var p = entry.Property(name);
            return (T?)(original ? p.OriginalValue : p.CurrentValue);
        }

        var clientId = V<Guid>(nameof(CallAttempt.ClientId));
        var operationId = V<Guid>(nameof(CallAttempt.OperationId));
        var startedAt = V<DateTimeOffset>(nameof(CallAttempt.StartedAt));
        var dispositionId = N<Guid?>(nameof(CallAttempt.DispositionId));
        var dispositionCode = N<string>(nameof(CallAttempt.DispositionCode));
        var catalog = await StatsLookups.CatalogAsync(db, operationId, fresh: false, ct);
        if (!catalog.Knows(dispositionId, dispositionCode))
        {
            catalog = await StatsLookups.CatalogAsync(db, operationId, fresh: true, ct);
        }

        var zone = await StatsLookups.ZoneAsync(db, clientId, ct);
        var (day, hour) = StatDelta.Bucket(startedAt, zone);
        var flags = AttemptFlags.Of(
            V<CallResult>(nameof(CallAttempt.Result)), catalog.Find(dispositionId, dispositionCode),
            V<bool>(nameof(CallAttempt.Abandoned)), V<int>(nameof(CallAttempt.TalkSeconds)));
        return new Snapshot(clientId, operationId, day, hour, N<string>(nameof(CallAttempt.AgentLogin)) ?? "", flags);
    }
}
