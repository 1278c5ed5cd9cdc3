using ContactOps.Modules.Organization.Contracts;
using ContactOps.Modules.Outbound.Policy;
using ContactOps.Platform.Data;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Outbound.Desk.Interim;

/// <summary>
/// INTERIM (deleted at merge; the policy branch implements <see cref="IContactPolicy"/>): the Colombian hours
/// (Mon–Fri 07–19, Sat 08–15, never Sundays or holidays) in the client's zone, the internal DNC list, final leads and
/// unusable numbers. No limits, no registry, no logging.
/// </summary>
internal sealed class InterimContactPolicy(IServiceScopeFactory scopes) : IContactPolicy
{
    public async Task<PolicyDecision> CheckAsync(Guid operationId, string phoneE164, Guid? leadId, DateTimeOffset at, CallOrigin origin, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AccessScope>().SetSystem("policy");
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var reasons = new List<string>();
        var op = await db.Operations.AsNoTracking().FirstAsync(o => o.Id == operationId, ct);
        var calendar = (await OperationCatalog.CalendarAsync(db, op.ClientId, ct))!.Value.Calendar;
        var local = TimeZoneInfo.ConvertTime(at, calendar.TimeZone);
        var minutes = local.Hour * 60 + local.Minute;
        if (local.DayOfWeek == DayOfWeek.Sunday)
        {
            reasons.Add(PolicyReasons.Sunday);
        }
        else if (calendar.IsHoliday(DateOnly.FromDateTime(local.DateTime)))
        {
            reasons.Add(PolicyReasons.Holiday);
        }
        else if (local.DayOfWeek == DayOfWeek.Saturday ? minutes is < 8 * 60 or >= 15 * 60 : minutes is < 7 * 60 or >= 19 * 60)
        {
            reasons.Add(PolicyReasons.OutsideHours);
        }

        if (await db.DncEntries.AnyAsync(d => d.OperationId == operationId && d.E164 == phoneE164, ct))
        {
            reasons.Add(PolicyReasons.Dnc);
        }

        if (leadId is { } id)
        {
            var lead = await db.Leads.AsNoTracking().Include(l => l.Phones).FirstOrDefaultAsync(l => l.Id == id, ct);
            if (lead is { IsFinal: true })
            {
                reasons.Add(PolicyReasons.FinalDisposition);
            }

            if (lead?.Phones.Any(p => p.E164 == phoneE164 && p.IsUnusable) == true)
            {
                reasons.Add(PolicyReasons.NumberUnusable);
            }
        }

        return reasons.Count == 0 ? PolicyDecision.Allow : new PolicyDecision(false, reasons);
    }
}
