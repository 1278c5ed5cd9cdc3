using System.Globalization;
using System.Resources;
using ContactOps.Platform.Data;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace ContactOps.Modules.Interactions.Features;

/// <summary>
/// The abandonment rule: every interaction still open with no change for <see cref="InteractionsOptions.AbandonAfterHours"/>
/// is closed as <see cref="InteractionResolution.Abandoned"/> with a reason that says since when (in the client's zone),
/// in batches, as the system. Its audit entries name the rule. Run by <see cref="AbandonedInteractionsJob"/>.
/// </summary>
public sealed class CloseAbandonedInteractions(AppDbContext db, AccessScope scope, TimeProvider time, Microsoft.Extensions.Options.IOptions<InteractionsOptions> options)
{
    private static readonly ResourceManager Text = new(typeof(InteractionsText).FullName!, typeof(InteractionsText).Assembly);

    public async Task<int> RunAsync(CancellationToken ct)
    {
        scope.SetSystem("regla de abandono");
        var hours = Math.Max(1, options.Value.AbandonAfterHours);
        var now = time.GetUtcNow();
        var before = now.AddHours(-hours);
        var zones = await db.Clients.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.TimeZoneId, ct);
        var spanish = CultureInfo.GetCultureInfo("es-CO");
        var closed = 0;
        while (true)
        {
            var batch = await db.Interactions.Where(i => i.ClosedAt == null && i.UpdatedAt < before).OrderBy(i => i.UpdatedAt).Take(500).ToListAsync(ct);
            foreach (var interaction in batch)
            {
                var zone = zones.TryGetValue(interaction.ClientId, out var id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var tz) ? tz : TimeZoneInfo.Utc;
                var since = TimeZoneInfo.ConvertTime(interaction.UpdatedAt, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
                var reason = string.Format(spanish, Text.GetString("Abandoned_Reason", spanish)!, hours, since);
                interaction.Abandon(now, reason);
            }

            await db.SaveChangesAsync(ct);
            closed += batch.Count;
            if (batch.Count < 500)
            {
                return closed;
            }
        }
    }
}
