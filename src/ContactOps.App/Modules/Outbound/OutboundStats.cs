using System.Globalization;
using System.Text;
using ContactOps.Modules.Organization.Contracts;
using ContactOps.Platform.Data;
using ContactOps.Platform.Imports;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Outbound;

/// <summary>What one attempt adds to the figures. KPI flags come from the disposition; the telephony result counts only for an attempt that has none.</summary>
public readonly record struct AttemptFlags(bool Answered, bool Machine, bool Contact, bool EffectiveContact, bool Sale, bool Abandoned, int TalkSeconds)
{
    public static AttemptFlags Of(CallResult result, DispositionTraits? disposition, bool abandoned, int talkSeconds) => disposition is { } d
        ? new(d.Answered, d.Machine, d.Contact, d.EffectiveContact, d.Sale, abandoned, talkSeconds)
        : new(result == CallResult.Answered, result == CallResult.Machine, false, false, false, abandoned, talkSeconds);
}

/// <summary>
/// A change to the figures of one bucket: <paramref name="Attempts"/> is +1 for a new attempt, 0 when an existing attempt
/// changes (e.g. its disposition arrives), −1 if one is removed; the other counts are the differences of the flags.
/// </summary>
public readonly record struct StatDelta(
    Guid ClientId, Guid OperationId, DateOnly Day, int Hour, string AgentLogin,
    long Attempts, long Answered, long Machine, long Contacts, long EffectiveContacts, long Sales, long Abandoned, long TalkSeconds)
{
    public bool IsEmpty => Attempts == 0 && Answered == 0 && Machine == 0 && Contacts == 0 && EffectiveContacts == 0 && Sales == 0 && Abandoned == 0 && TalkSeconds == 0;

    /// <summary>The bucket of an instant in the client's zone.</summary>
    public static (DateOnly Day, int Hour) Bucket(DateTimeOffset startedAt, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(startedAt, zone);
        return (DateOnly.FromDateTime(local.DateTime), local.Hour);
    }

    /// <summary>The delta for an attempt going from <paramref name="before"/> (null = new) to <paramref name="after"/> (null = removed).</summary>
    public static StatDelta Between(Guid clientId, Guid operationId, DateOnly day, int hour, string? agentLogin, AttemptFlags? before, AttemptFlags? after)
    {
        static long B(bool v) => v ? 1 : 0;
        var b = before ?? default;
        var a = after ?? default;
        return new StatDelta(
            clientId, operationId, day, hour, agentLogin ?? "",
            (after is null ? 0 : 1) - (before is null ? 0 : 1),
            B(a.Answered) - B(b.Answered), B(a.Machine) - B(b.Machine), B(a.Contact) - B(b.Contact),
            B(a.EffectiveContact) - B(b.EffectiveContact), B(a.Sale) - B(b.Sale), B(a.Abandoned) - B(b.Abandoned),
            a.TalkSeconds - b.TalkSeconds);
    }
}

/// <summary>Writes <see cref="StatDelta"/>s into <see cref="OutboundHourlyStat"/> with atomic upserts (safe with several writers and nodes).</summary>
public static class OutboundStats
{
    private const int BatchRows = 200;

    /// <summary>
    /// Adds the deltas (merged per bucket first) with INSERT … ON CONFLICT DO UPDATE (PostgreSQL and SQLite). Runs in the
    /// context's current transaction when there is one: callers that write attempts and deltas together wrap both in one.
    /// </summary>
    public static async Task ApplyAsync(AppDbContext db, IEnumerable<StatDelta> deltas, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(deltas);
        var merged = new Dictionary<(Guid, DateOnly, int, string), StatDelta>();
        foreach (var d in deltas)
        {
            var key = (d.OperationId, d.Day, d.Hour, d.AgentLogin ?? "");
            merged[key] = merged.TryGetValue(key, out var m)
                ? m with
                {
                    Attempts = m.Attempts + d.Attempts, Answered = m.Answered + d.Answered, Machine = m.Machine + d.Machine,
                    Contacts = m.Contacts + d.Contacts, EffectiveContacts = m.EffectiveContacts + d.EffectiveContacts, Sales = m.Sales + d.Sales,
                    Abandoned = m.Abandoned + d.Abandoned, TalkSeconds = m.TalkSeconds + d.TalkSeconds,
                }
                : d with { AgentLogin = d.AgentLogin ?? "" };
        }

        var rows = merged.Values.Where(d => !d.IsEmpty).ToList();
        if (rows.Count == 0)
        {
            return;
        }

        var sqlite = db.Database.IsSqlite();
        for (var offset = 0; offset < rows.Count; offset += BatchRows)
        {
            var batch = rows.Skip(offset).Take(BatchRows).ToList();
            var sql = new StringBuilder(
                "INSERT INTO \"OutboundHourlyStats\" (\"ClientId\", \"OperationId\", \"Day\", \"Hour\", \"AgentLogin\", \"Attempts\", \"Answered\", \"Machine\", \"Contacts\", \"EffectiveContacts\", \"Sales\", \"Abandoned\", \"TalkSeconds\") VALUES ");
            var parameters = new List<object>(batch.Count * 13);
            for (var i = 0; i < batch.Count; i++)
            {
                var d = batch[i];
                sql.Append(i == 0 ? "(" : ", (");
                object[] values =
                [
                    BulkWriter.IdValue(d.ClientId, sqlite), BulkWriter.IdValue(d.OperationId, sqlite),
                    sqlite ? d.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : d.Day,
                    d.Hour, d.AgentLogin, d.Attempts, d.Answered, d.Machine, d.Contacts, d.EffectiveContacts, d.Sales, d.Abandoned, d.TalkSeconds,
                ];
                for (var v = 0; v < values.Length; v++)
                {
                    sql.Append(v == 0 ? "" : ", ").Append('{').Append(parameters.Count).Append('}');
                    parameters.Add(values[v]);
                }

                sql.Append(')');
            }

            sql.Append(" ON CONFLICT (\"OperationId\", \"Day\", \"Hour\", \"AgentLogin\") DO UPDATE SET ");
            string[] counters = ["Attempts", "Answered", "Machine", "Contacts", "EffectiveContacts", "Sales", "Abandoned", "TalkSeconds"];
            sql.AppendJoin(", ", counters.Select(c => $"\"{c}\" = \"OutboundHourlyStats\".\"{c}\" + excluded.\"{c}\""));
            await db.Database.ExecuteSqlRawAsync(sql.ToString(), parameters, ct);
        }
    }
}
