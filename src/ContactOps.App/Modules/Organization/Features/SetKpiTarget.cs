using ContactOps.Platform.Localization;
using ContactOps.Modules.Organization.Contracts;
using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Organization.Features;

/// <summary>Target as a fraction (0.7 = 70%), between 0 and 1000 (ratios like average handle time in minutes also fit).</summary>
public sealed record SetKpiTargetRequest(decimal? Target);

/// <summary>Sets one KPI goal of an operation (e.g. effectiveness = 0.02).</summary>
public sealed partial class SetKpiTarget(IDbContextFactory<AppDbContext> dbs, AdminAccess access)
{
    public async Task<Result<OperationRow>> HandleAsync(string? operationCode, string? kpi, SetKpiTargetRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var name = kpi?.Trim() ?? "";
        if (!KpiName().IsMatch(name))
        {
            errors.Add("kpi", Messages.Text("Field.SetKpiTarget.kpi"));
        }

        if (request.Target is not { } target || target < 0 || target > 1000)
        {
            errors.Add("target", Messages.Text("Field.SetKpiTarget.target"));
        }

        if (errors.Any)
        {
            return errors.ToError();
        }

        await using var db = await dbs.CreateDbContextAsync(ct);
        var found = await access.OperationAsync(db, operationCode, ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        found.Value!.SetKpiTarget(name, request.Target!.Value);
        await db.SaveChangesAsync(ct);
        var clientCode = await db.Clients.IgnoreQueryFilters().Where(c => c.Id == found.Value.ClientId).Select(c => c.Code).FirstAsync(ct);
        return ListOperations.Row(found.Value, clientCode);
    }

    /// <summary>A KPI's name as the KPI providers spell it (camelCase: <c>appliedRate</c>, <c>baseCoverage</c>) or a lower-case code.</summary>
    [System.Text.RegularExpressions.GeneratedRegex("^[a-z][A-Za-z0-9-]{0,39}$", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex KpiName();
}
