using ContactOps.Modules.Organization;
using ContactOps.Platform.Auth;
using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Sales;

/// <summary>Who may do what on the sales sheet and in the back office.</summary>
public static class SaleRoles
{
    /// <summary>Work sales in the back office: record steps, move states, claim, follow-ups, markings.</summary>
    public static readonly Role[] Work = [Role.BackOffice, Role.Supervisor, Role.Coordinator, Role.Manager, Role.Admin];

    /// <summary>Assign a sale to someone else, or take it over from whoever has it; choose the seller of a sale.</summary>
    public static readonly Role[] Assign = [Role.Supervisor, Role.Coordinator, Role.Manager, Role.Admin];

    /// <summary>Edit the checklists (each edit is a new version).</summary>
    public static readonly Role[] EditChecklists = [Role.Coordinator, Role.Manager, Role.Admin];

    /// <summary>
    /// Whether the caller holds one of <paramref name="roles"/> in the sale's front operation or in the back-office
    /// operation the sale is routed to (the sales cell works the sales the front registers).
    /// </summary>
    public static bool HasRoleOnSale(this AccessScope scope, Guid operationId, Guid? backOfficeOperationId, params Role[] roles) =>
        scope.HasRole(operationId, roles) || (backOfficeOperationId is { } bo && scope.HasRole(bo, roles));

    public static bool HasRoleOnSale(this AccessScope scope, Sale sale, params Role[] roles) =>
        scope.HasRoleOnSale(sale.OperationId, sale.BackOfficeOperationId, roles);

    public static Error CannotWork => Error.Forbidden("sale.forbidden");
}
