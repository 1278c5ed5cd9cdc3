using ContactOps.Platform.Localization;
using ContactOps.Modules.Customers.Contracts;
using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using ContactOps.Platform.Tenancy;
using ContactOps.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Interactions.Features;

/// <summary>
/// Filter: all (default), open, overdue, dueSoon, answered. Due soon = open and due within <c>DueSoonHours</c>
/// (clock hours, default 4). Operation (code) is optional: without it, every operation the caller works the queue of.
/// </summary>
public sealed record EscalationQueueRequest(string? Operation = null, string? Filter = null, double? DueSoonHours = null, int? Page = null, int? PageSize = null);

/// <summary>Alarm of a row: Overdue (red), DueSoon (amber), OnTime, AnsweredOnTime, AnsweredLate.</summary>
public sealed record EscalationRow(
    Guid Id, Guid InteractionId, string Operation, Guid? CustomerId, string? CustomerName, string TypeCode, string TypeName, string DestinationArea,
    DateTimeOffset OpenedAt, PromisedAnswer Promised, string State, string Alarm, DateTimeOffset? AnsweredAt, string? Answer, string? AnsweredBy, Guid Version);

/// <summary>Each count stops at <see cref="PagingQueries.CountCap"/>; <c>Capped</c> names those that did ("Open", "Overdue", "DueSoon", "Answered"), null when none did.</summary>
public sealed record EscalationCounts(long Open, long Overdue, long DueSoon, long Answered, IReadOnlyList<string>? Capped = null)
{
    /// <summary>A count as the user reads it ("10.000+" when capped).</summary>
    public string Text(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var count = key switch
        {
            "Open" => Open,
            "Overdue" => Overdue,
            "DueSoon" => DueSoon,
            _ => Answered,
        };
        return PagingQueries.CountText(count, Capped?.Contains(key) == true);
    }
}

public sealed record EscalationQueue(EscalationCounts Counts, Page<EscalationRow> Page, DateTimeOffset Now, double DueSoonHours);

/// <summary>The escalation queue with its alarms: counts at a glance plus one page of rows, most urgent first.</summary>
public sealed class ListEscalations(IDbContextFactory<AppDbContext> dbs, AccessScope scope, TimeProvider time)
{
    public const double DefaultDueSoonHours = 4;

    private static readonly string[] Filters = ["all", "open", "overdue", "duesoon", "answered"];

    public Task<Result<EscalationQueue>> HandleAsync(EscalationQueueRequest request, CancellationToken ct) => HandleAsync(request, null, ct);

    /// <summary>With <paramref name="limit"/>: the request's page is ignored and one page of up to that many rows is read (the export), <c>TotalCapped</c> when there were more.</summary>
    public async Task<Result<EscalationQueue>> HandleAsync(EscalationQueueRequest request, int? limit, CancellationToken ct)
    {
        var fields = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var filter = string.IsNullOrWhiteSpace(request.Filter) ? "all" : request.Filter.Trim().ToLowerInvariant();
        if (!Filters.Contains(filter))
        {
            fields["filter"] = [Messages.Text("Field.ListEscalations.filter")];
        }

        var soonHours = request.DueSoonHours ?? DefaultDueSoonHours;
        if (!double.IsFinite(soonHours) || soonHours <= 0 || soonHours > 240)
        {
            fields["dueSoonHours"] = [Messages.Text("Field.ListEscalations.dueSoonHours")];
        }

        var paging = limit is { } size ? Result<Paging>.Success(new Paging(1, size)) : Paging.From(request.Page, request.PageSize);
        if (!paging.IsSuccess)
        {
            foreach (var (k, v) in paging.Error!.Fields ?? new Dictionary<string, string[]>())
            {
                fields[k] = v;
            }
        }

        if (fields.Count > 0)
        {
            return Error.Validation(fields);
        }

        await using var db = await dbs.CreateDbContextAsync(ct);
        IQueryable<Escalation> query = db.Escalations.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(request.Operation))
        {
            var op = await InteractionRules.OperationAsync(db, scope, request.Operation, InteractionRules.QueueRoles, ct);
            if (!op.IsSuccess)
            {
                return op.Error!;
            }

            var opId = op.Value!.Id;
            query = query.Where(e => e.OperationId == opId);
        }
        else if (!scope.SeesAll)
        {
            var allowed = scope.Memberships.Where(m => InteractionRules.QueueRoles.Contains(m.Role)).Select(m => m.OperationId).Distinct().ToArray();
            if (allowed.Length == 0)
            {
                return Error.Forbidden("interaction.forbidden#2");
            }

            query = query.Where(e => allowed.Contains(e.OperationId));
        }

        var now = time.GetUtcNow();
        var soon = now.AddHours(soonHours);
        // Each count a range of IX_Escalations_OperationId_State_DueAt read up to the cap (the answered ones grow forever).
        var capped = new List<string>();
        async Task<long> CountAsync(string key, IQueryable<Escalation> q)
        {
            var (n, over) = await q.CappedCountAsync(ct);
            if (over)
            {
                capped.Add(key);
            }

            return n;
        }

        var counts = new EscalationCounts(
            await CountAsync("Open", query.Where(e => e.State == EscalationState.Open)),
            await CountAsync("Overdue", query.Where(e => e.State == EscalationState.Open && e.DueAt < now)),
            await CountAsync("DueSoon", query.Where(e => e.State == EscalationState.Open && e.DueAt >= now && e.DueAt < soon)),
            await CountAsync("Answered", query.Where(e => e.State == EscalationState.Answered)));
        counts = capped.Count > 0 ? counts with { Capped = capped } : counts;

        var filtered = filter switch
        {
            "open" => query.Where(e => e.State == EscalationState.Open),
            "overdue" => query.Where(e => e.State == EscalationState.Open && e.DueAt < now),
            "duesoon" => query.Where(e => e.State == EscalationState.Open && e.DueAt >= now && e.DueAt < soon),
            "answered" => query.Where(e => e.State == EscalationState.Answered),
            _ => query,
        };

        // Open first, most urgent first; answered ones after, by due instant. Each half is read in the order of
        // IX_Escalations_OperationId_State_DueAt (State has two values), not sorted on an expression over every row.
        var page = await PageAsync(filtered, paging.Value, limit ?? PagingQueries.CountCap, ct);

        var opIds = page.Items.Select(e => e.OperationId).Distinct().ToArray();
        var ops = await db.Operations.AsNoTracking().Where(o => opIds.Contains(o.Id))
            .Join(db.Clients.AsNoTracking(), o => o.ClientId, c => c.Id, (o, c) => new { o.Id, o.Code, c.TimeZoneId })
            .ToDictionaryAsync(o => o.Id, ct);
        var names = await CustomerDirectory.NamesAsync(db, page.Items.Where(e => e.CustomerId != null).Select(e => e.CustomerId!.Value).Distinct().ToArray(), ct);
        var rows = page.Map(e => new EscalationRow(
            e.Id, e.InteractionId, ops[e.OperationId].Code, e.CustomerId, e.CustomerId is { } c && names.TryGetValue(c, out var n) ? n : null,
            e.TypeCode, e.TypeName, e.DestinationArea, e.OpenedAt,
            InteractionRules.Promise(e.DueAt, ops[e.OperationId].TimeZoneId, e.TargetBusinessHours, e.DestinationArea),
            e.State.ToString(), Alarm(e, now, soon), e.AnsweredAt, e.Answer, e.AnsweredBy, e.Version));
        return new EscalationQueue(counts, rows, now, soonHours);
    }

    private static async Task<Page<Escalation>> PageAsync(IQueryable<Escalation> filtered, Paging paging, int countCap, CancellationToken ct)
    {
        var counted = await filtered.Take(countCap + 1).LongCountAsync(ct);
        var open = filtered.Where(e => e.State == EscalationState.Open).OrderBy(e => e.DueAt).ThenBy(e => e.Id);
        var answered = filtered.Where(e => e.State == EscalationState.Answered).OrderBy(e => e.DueAt).ThenBy(e => e.Id);
        var openBefore = paging.Skip == 0 ? 0 : await open.Take(paging.Skip).LongCountAsync(ct);
        var items = openBefore == paging.Skip ? await open.Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct) : new List<Escalation>();
        if (items.Count < paging.PageSize)
        {
            items.AddRange(await answered.Skip((int)(paging.Skip - openBefore)).Take(paging.PageSize - items.Count).ToListAsync(ct));
        }

        return new Page<Escalation>(items, paging.Page, paging.PageSize, Math.Min(counted, countCap), counted > countCap);
    }

    public static string Alarm(Escalation e, DateTimeOffset now, DateTimeOffset soon) => e.State switch
    {
        EscalationState.Answered => e.AnsweredOnTime ? "AnsweredOnTime" : "AnsweredLate",
        _ when e.DueAt < now => "Overdue",
        _ when e.DueAt < soon => "DueSoon",
        _ => "OnTime",
    };
}
