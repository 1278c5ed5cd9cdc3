using ContactOps.Platform.Localization;
using System.Globalization;
using System.Linq.Expressions;
using System.Text;
using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using ContactOps.Platform.Tenancy;
using ContactOps.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Outbound.Features;

/// <summary>
/// The drill-down of the outbound figures: raw attempts of an operation and period (local dates), optionally of an agent
/// (login) or team, a KPI flag (answered, machine, contact, effective, sale — from the disposition, else the telephony
/// result for answered/machine, as the figures count them) and a local hour.
/// </summary>
public sealed record OutboundAttemptsRequest(
    string? Operation, string? From, string? To, string? Agent = null, string? Team = null, string? Flag = null, int? Hour = null, int? Page = null, int? PageSize = null);

/// <summary>One attempt as the list shows it (times in the client's zone).</summary>
public sealed record OutboundAttemptItem(
    Guid Id, DateTimeOffset StartedAt, string Local, string Phone, string? Agent, string Result, string? Disposition, bool Abandoned, int TalkSeconds, string Source, Guid? LeadId);

public sealed class ListOutboundAttempts(AppDbContext db, AccessScope scope)
{
    public static readonly string[] Flags = ["answered", "machine", "contact", "effective", "sale"];

    public async Task<Result<Page<OutboundAttemptItem>>> HandleAsync(OutboundAttemptsRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = await QueryAsync(request, ct);
        if (!query.IsSuccess)
        {
            return query.Error!;
        }

        var paging = Paging.From(request.Page, request.PageSize);
        if (!paging.IsSuccess)
        {
            return paging.Error!;
        }

        var (q, zone) = query.Value!;
        var page = await q.OrderByDescending(a => a.StartedAt).ThenBy(a => a.Id).ToPageAsync(paging.Value, ct);
        return page.Map(a => Item(a, zone));
    }

    /// <summary>Every attempt of the filters as CSV (semicolon separated, local times), newest first; at most 1,000,000 rows.</summary>
    public async Task<Result<string>> CsvAsync(OutboundAttemptsRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = await QueryAsync(request, ct);
        if (!query.IsSuccess)
        {
            return query.Error!;
        }

        var (q, zone) = query.Value!;
        var sb = new StringBuilder("fecha_hora;telefono;agente;resultado;tipificacion;abandonada;segundos;origen;lead\n");
        await foreach (var a in q.OrderByDescending(a => a.StartedAt).Take(1_000_000).AsAsyncEnumerable().WithCancellation(ct))
        {
            var i = Item(a, zone);
            sb.Append(i.Local).Append(';').Append(i.Phone).Append(';').Append(i.Agent).Append(';').Append(i.Result).Append(';').Append(i.Disposition).Append(';')
                .Append(i.Abandoned ? "si" : "no").Append(';').Append(i.TalkSeconds.ToString(CultureInfo.InvariantCulture)).Append(';').Append(i.Source).Append(';')
                .Append(i.LeadId?.ToString()).Append('\n');
        }

        return sb.ToString();
    }

    private static OutboundAttemptItem Item(CallAttempt a, TimeZoneInfo zone) => new(
        a.Id, a.StartedAt, TimeZoneInfo.ConvertTime(a.StartedAt, zone).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), a.PhoneE164, a.AgentLogin,
        a.Result.ToString(), a.DispositionCode, a.Abandoned, a.TalkSeconds, a.Source.ToString(), a.LeadId);

    private async Task<Result<(IQueryable<CallAttempt> Query, TimeZoneInfo Zone)>> QueryAsync(OutboundAttemptsRequest r, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var from = OutboundReportAccess.Date(r.From, "from", errors);
        var to = OutboundReportAccess.Date(r.To, "to", errors);
        if (from is { } f && to is { } t && (t < f || t.DayNumber - f.DayNumber + 1 > OutboundReportAccess.MaxDays))
        {
            errors["to"] = [Messages.Text("Field.ListOutboundAttempts.to")];
        }

        var flag = r.Flag?.Trim().ToLowerInvariant();
        if (!string.IsNullOrEmpty(flag) && !Flags.Contains(flag))
        {
            errors["flag"] = [Messages.Text("Field.ListOutboundAttempts.flag")];
        }

        if (r.Hour is < 0 or > 23)
        {
            errors["hour"] = [Messages.Text("Field.ListOutboundAttempts.hour")];
        }

        if (errors.Count > 0)
        {
            return Error.Validation(errors);
        }

        var op = await OutboundReportAccess.OperationAsync(db, scope, r.Operation, ct);
        if (!op.IsSuccess)
        {
            return op.Error!;
        }

        var operationId = op.Value!.Id;
        var zone = op.Value.Zone;
        var filter = await GetOutboundKpis.FilterAsync(db, operationId, r.Team, r.Agent, ct);
        if (!filter.IsSuccess)
        {
            return filter.Error!;
        }

        var fromUtc = StatsLookups.LocalStart(from!.Value, zone);
        var toUtc = StatsLookups.LocalStart(to!.Value.AddDays(1), zone);
        var q = db.CallAttempts.AsNoTracking().Where(a => a.OperationId == operationId && a.StartedAt >= fromUtc && a.StartedAt < toUtc);
        if (filter.Value!.AgentLogin is { } login)
        {
            q = q.Where(a => a.AgentLogin == login);
        }

        if (filter.Value.TeamId is { } teamId)
        {
            var logins = await OutboundReports.TeamLoginsAsync(db, operationId, teamId, ct);
            q = q.Where(a => a.AgentLogin != null && logins.Contains(a.AgentLogin));
        }

        if (!string.IsNullOrEmpty(flag))
        {
            var catalog = await StatsLookups.CatalogAsync(db, operationId, fresh: false, ct);
            var codes = catalog.All.Where(d => flag switch
            {
                "answered" => d.Answered,
                "machine" => d.Machine,
                "contact" => d.Contact,
                "effective" => d.EffectiveContact,
                _ => d.Sale,
            }).Select(d => d.Code).ToList();
            var telephony = flag switch
            {
                "answered" => (CallResult?)CallResult.Answered,
                "machine" => CallResult.Machine,
                _ => null,
            };
            q = telephony is { } result
                ? q.Where(a => (a.DispositionCode != null && codes.Contains(a.DispositionCode)) || (a.DispositionCode == null && a.Result == result))
                : q.Where(a => a.DispositionCode != null && codes.Contains(a.DispositionCode));
        }

        if (r.Hour is { } hour)
        {
            // One UTC range per local date of the period: [date hour:00, date hour+1:00).
            var a = Expression.Parameter(typeof(CallAttempt), "a");
            var started = Expression.Property(a, nameof(CallAttempt.StartedAt));
            Expression? any = null;
            for (var d = from.Value; d <= to.Value; d = d.AddDays(1))
            {
                var start = StatsLookups.LocalStart(d, zone).AddHours(hour);
                var end = start.AddHours(1);
                var range = Expression.AndAlso(
                    Expression.GreaterThanOrEqual(started, Expression.Constant(start)),
                    Expression.LessThan(started, Expression.Constant(end)));
                any = any is null ? range : Expression.OrElse(any, range);
            }

            q = q.Where(Expression.Lambda<Func<CallAttempt, bool>>(any!, a));
        }

        return (q, zone);
    }
}

/// <summary>Query string of GET /api/v1/outbound/attempts and /attempts.csv.</summary>
internal sealed record AttemptsQuery(string? Operation, string? From, string? To, string? Agent, string? Team, string? Flag, int? Hour, int? Page, int? PageSize)
{
    public OutboundAttemptsRequest Request => new(Operation, From, To, Agent, Team, Flag, Hour, Page, PageSize);
}
