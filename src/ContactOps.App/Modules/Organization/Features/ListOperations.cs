using ContactOps.Modules.Organization.Contracts;
using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using ContactOps.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Organization.Features;

public sealed record KpiTargetRow(string Kpi, decimal Target);

/// <param name="PersonalDataRoles">The roles whose members may reveal a customer's full document and phones (role names).</param>
public sealed record OperationRow(Guid Id, string Client, string Code, string Name, string Kind, string? DefaultAreaCode, int FcrWindowDays, bool IsActive, IReadOnlyList<KpiTargetRow> KpiTargets,
    string? SalesBackOffice = null, IReadOnlyList<string>? PersonalDataRoles = null);

/// <summary>The operations of the clients the caller administers (optionally of one client).</summary>
public sealed class ListOperations(IDbContextFactory<AppDbContext> dbs, AdminAccess access)
{
    public async Task<Result<Page<OperationRow>>> HandleAsync(string? clientCode, int? page, int? pageSize, CancellationToken ct)
    {
        if (!access.IsAnyAdmin)
        {
            return AdminAccess.NotAdmin;
        }

        var paging = Paging.From(page, pageSize);
        if (!paging.IsSuccess)
        {
            return paging.Error!;
        }

        await using var db = await dbs.CreateDbContextAsync(ct);
        var query = db.Operations.IgnoreQueryFilters().AsNoTracking();
        if (!access.IsPlatformAdmin)
        {
            var administered = access.Scope.AdministeredClientIds;
            var opIds = access.AdminMembershipOperationIds;
            query = query.Where(o => administered.Contains(o.ClientId) || opIds.Contains(o.Id));
        }

        if (!string.IsNullOrWhiteSpace(clientCode))
        {
            var client = await access.ClientAsync(db, clientCode, ct, toRead: true);
            if (!client.IsSuccess)
            {
                return client.Error!;
            }

            var clientId = client.Value!.Id;
            query = query.Where(o => o.ClientId == clientId);
        }

        var ops = await query.OrderBy(o => o.Code).ToPageAsync(paging.Value, ct);
        var clientIds = ops.Items.Select(o => o.ClientId).Distinct().ToList();
        var codes = await db.Clients.IgnoreQueryFilters().Where(c => clientIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Code, ct);
        var backOfficeIds = ops.Items.Where(o => o.SalesBackOfficeOperationId != null).Select(o => o.SalesBackOfficeOperationId!.Value).Distinct().ToList();
        var backOffices = await db.Operations.IgnoreQueryFilters().Where(o => backOfficeIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Code, ct);
        return ops.Map(o => Row(o, codes[o.ClientId], o.SalesBackOfficeOperationId is { } bo ? backOffices.GetValueOrDefault(bo) : null));
    }

    internal static OperationRow Row(Operation o, string clientCode, string? salesBackOfficeCode = null) =>
        new(o.Id, clientCode, o.Code, o.Name, o.Kind.ToString(), o.DefaultAreaCode, o.FcrWindowDays, o.IsActive,
            o.KpiTargets.OrderBy(k => k.Kpi, StringComparer.Ordinal).Select(k => new KpiTargetRow(k.Kpi, k.Target)).ToList(),
            salesBackOfficeCode, o.PersonalDataRoleList.Select(r => r.ToString()).ToList());
}
