using ContactOps.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Organization.Contracts;

/// <summary>What a disposition of an operation's catalog means for outbound dialling (its flags, as booleans).</summary>
public sealed record DispositionTraitsInfo(string Code, bool IsActive, bool IsContact, bool IsFinal, bool IsSale, bool IsCallback, bool IsDoNotCall, bool IsNumberUnusable);

/// <summary>The flags of an operation's dispositions, for modules that count contacts or recycle leads.</summary>
public static class DispositionTraitsLookup
{
    /// <summary>Code → traits of every disposition (active and inactive) of the operation.</summary>
    public static async Task<Dictionary<string, DispositionTraitsInfo>> ForOperationAsync(AppDbContext db, Guid operationId, CancellationToken ct)
    {
        var rows = await db.Dispositions.IgnoreQueryFilters().AsNoTracking()
            .Where(d => d.OperationId == operationId)
            .Select(d => new { d.Code, d.IsActive, d.Flags })
            .ToListAsync(ct);
        return rows.ToDictionary(
            d => d.Code,
            d => new DispositionTraitsInfo(d.Code, d.IsActive, d.Flags.HasFlag(DispositionFlags.Contact), d.Flags.HasFlag(DispositionFlags.Final),
                d.Flags.HasFlag(DispositionFlags.Sale), d.Flags.HasFlag(DispositionFlags.Callback), d.Flags.HasFlag(DispositionFlags.DoNotCall),
                d.Flags.HasFlag(DispositionFlags.NumberUnusable)),
            StringComparer.Ordinal);
    }
}
