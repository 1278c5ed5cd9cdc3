using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using ContactOps.Platform.Tenancy;
using ContactOps.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Adjustments.Features;

/// <summary>
/// The drill-down behind a KPI figure: the period's records (same membership as the KPIs), filtered by front agent, cause
/// letter, ISO week (records carried by a cut of that week within the period) and flag (rejected | corrected | applied).
/// GET /api/v1/adjustments/kpis/records.
/// </summary>
public sealed record AdjustmentKpiRecordsRequest(string? Operation, string? From, string? To, string? Agent = null, string? Cause = null, string? Week = null, string? Flag = null, int? Page = null, int? PageSize = null);

public sealed record AdjustmentKpiRecord(
    Guid Id,
    string Account,
    string? EscalationRef,
    string CauseLetter,
    string AgentLogin,
    CarrierApproval Approval,
    bool Rejected,
    bool Corrected,
    bool Applied,
    string? RejectionReason,
    DateOnly? RejectedCutoff,
    DateOnly? ApprovedCutoff,
    DateOnly FirstCutoff,
    DateOnly LastCutoff,
    decimal? Amount,
    string Currency,
    AdjustmentState State);

public sealed class ListAdjustmentKpiRecords(AppDbContext db, AccessScope scope)
{
    public static readonly string[] Flags = ["rejected", "corrected", "applied"];

    public async Task<Result<Page<AdjustmentKpiRecord>>> HandleAsync(AdjustmentKpiRecordsRequest request, CancellationToken ct)
    {
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

        return await query.Value!.ToPageAsync(paging.Value, ct);
    }

    /// <summary>The filtered, ordered records (also the XLSX export's "Registros" sheet).</summary>
    public async Task<Result<IQueryable<AdjustmentKpiRecord>>> QueryAsync(AdjustmentKpiRecordsRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var period = AdjustmentsReportAccess.Period(request.From, request.To);
        if (!period.IsSuccess)
        {
            return period.Error!;
        }

        var flag = string.IsNullOrWhiteSpace(request.Flag) ? null : request.Flag.Trim().ToLowerInvariant();
        if (flag is not null && !Flags.Contains(flag))
        {
            return Error.Invalid("flag", "report.flag_invalid");
        }

        IsoWeekRef? week = null;
        if (!string.IsNullOrWhiteSpace(request.Week))
        {
            var w = AdjustmentsReportAccess.Week(request.Week);
            if (!w.IsSuccess)
            {
                return w.Error!;
            }

            week = w.Value;
        }

        var op = await AdjustmentsReportAccess.OperationAsync(db, scope, request.Operation, ct);
        if (!op.IsSuccess)
        {
            return op.Error!;
        }

        var (from, to) = period.Value;
        if (week is { } wk)
        {
            from = wk.Monday > from ? wk.Monday : from;
            to = wk.Sunday < to ? wk.Sunday : to;
        }

        var q = AdjustmentFacts.InPeriod(db, op.Value!.Id, from, to, request.Agent);
        if (!string.IsNullOrWhiteSpace(request.Cause))
        {
            var cause = request.Cause.Trim().ToUpperInvariant();
            q = q.Where(a => a.CauseLetter == cause);
        }

        q = flag switch
        {
            "rejected" => q.Where(a => a.RejectedCutoff != null && !a.Corrected),
            "corrected" => q.Where(a => a.Corrected),
            "applied" => q.Where(a => a.ApprovedCutoff != null),
            _ => q,
        };

        return Result<IQueryable<AdjustmentKpiRecord>>.Success(q.OrderBy(a => a.AgentLogin).ThenBy(a => a.Key)
            .Select(a => new AdjustmentKpiRecord(a.Id, a.Account, a.EscalationRef, a.CauseLetter, a.AgentLogin, a.Approval,
                a.RejectedCutoff != null && !a.Corrected, a.Corrected, a.ApprovedCutoff != null, a.RejectionReason,
                a.RejectedCutoff, a.ApprovedCutoff, a.FirstCutoff, a.LastCutoff, a.Amount, a.Currency, a.State)));
    }

    /// <summary>All the records of the period (for the export), without paging.</summary>
    public static Task<List<AdjustmentKpiRecord>> AllAsync(IQueryable<AdjustmentKpiRecord> query, CancellationToken ct) => query.ToListAsync(ct);
}
