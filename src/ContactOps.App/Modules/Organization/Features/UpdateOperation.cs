using ContactOps.Platform.Localization;
using ContactOps.Modules.Organization.Contracts;
using ContactOps.Platform;
using ContactOps.Platform.Auth;
using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Organization.Features;

/// <param name="SalesBackOffice">
/// Code of the operation of the same client whose back office works this operation's sales (e.g. sales-cell);
/// null keeps the current setting, an empty string removes it.
/// </param>
/// <param name="PersonalDataRoles">
/// The roles (names of <see cref="Platform.Auth.Role"/>) whose members may reveal a customer's full document and phones;
/// the others verify instead. Null keeps the current setting; an empty list leaves it to the client's admins.
/// </param>
public sealed record UpdateOperationRequest(string? Name, string? Kind, string? DefaultAreaCode, int? FcrWindowDays, bool? Active, string? SalesBackOffice = null,
    IReadOnlyList<string?>? PersonalDataRoles = null);

/// <summary>
/// Changes an operation's name, kind, Bolivian default area code (2, 3 or 4), FCR window (1–90 days), state, the
/// back-office operation its sales are routed to and the roles that may reveal full personal data.
/// </summary>
public sealed class UpdateOperation(IDbContextFactory<AppDbContext> dbs, AdminAccess access)
{
    public async Task<Result<OperationRow>> HandleAsync(string? code, UpdateOperationRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        errors.Require("name", request.Name, 200, "El nombre");
        var kind = errors.Enum<OperationKind>("kind", request.Kind, "El tipo de operación");
        if (request.FcrWindowDays is not (>= 1 and <= 90))
        {
            errors.Add("fcrWindowDays", Messages.Text("Field.UpdateOperation.fcrWindowDays"));
        }

        var area = string.IsNullOrWhiteSpace(request.DefaultAreaCode) ? null : request.DefaultAreaCode.Trim();
        if (area is not (null or "2" or "3" or "4"))
        {
            errors.Add("defaultAreaCode", Messages.Text("Field.UpdateOperation.defaultAreaCode"));
        }

        List<Role>? personalDataRoles = null;
        if (request.PersonalDataRoles is { } names)
        {
            personalDataRoles = [];
            foreach (var name in names)
            {
                var text = name?.Trim() ?? "";
                if (text.Length == 0 || text.All(char.IsDigit) || !Enum.TryParse<Role>(text, ignoreCase: true, out var role) || !Enum.IsDefined(role))
                {
                    errors.Add("personalDataRoles", Messages.Text("Field.UpdateOperation.personalDataRoles", text.Length > 40 ? text[..40] + "…" : text, string.Join(", ", Enum.GetNames<Role>())));
                    break;
                }

                personalDataRoles.Add(role);
            }
        }

        if (errors.Any)
        {
            return errors.ToError();
        }

        await using var db = await dbs.CreateDbContextAsync(ct);
        var found = await access.OperationAsync(db, code, ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var op = found.Value!;
        var client = await db.Clients.IgnoreQueryFilters().AsNoTracking().FirstAsync(c => c.Id == op.ClientId, ct);
        if (area is not null && client.Country != Country.BO)
        {
            return Error.Invalid("defaultAreaCode", "defaultAreaCode.not_bolivia");
        }

        string? backOfficeCode = null;
        if (request.SalesBackOffice is { } wanted)
        {
            wanted = wanted.Trim();
            if (wanted.Length == 0)
            {
                op.RouteSalesTo(null);
            }
            else
            {
                // Only an operation of the same client: a sale never crosses to another client's back office.
                var target = await db.Operations.IgnoreQueryFilters()
                    .Where(o => o.ClientId == op.ClientId && o.Code == wanted)
                    .Select(o => new { o.Id, o.Code })
                    .FirstOrDefaultAsync(ct);
                if (target is null)
                {
                    return Error.Invalid("salesBackOffice", "salesBackOffice.not_found", wanted, client.Code);
                }

                if (target.Id == op.Id)
                {
                    return Error.Invalid("salesBackOffice", "salesBackOffice.self");
                }

                op.RouteSalesTo(target.Id);
                backOfficeCode = target.Code;
            }
        }
        else if (op.SalesBackOfficeOperationId is { } current)
        {
            backOfficeCode = await db.Operations.IgnoreQueryFilters().Where(o => o.Id == current).Select(o => o.Code).FirstOrDefaultAsync(ct);
        }

        op.Update(request.Name!.Trim(), kind!.Value, area, request.FcrWindowDays!.Value, request.Active ?? op.IsActive);
        if (personalDataRoles is not null)
        {
            op.SetPersonalDataRoles(personalDataRoles);
        }

        await db.SaveChangesAsync(ct);
        return ListOperations.Row(op, client.Code, backOfficeCode);
    }
}
