using ContactOps.Platform.Localization;
using ContactOps.Modules.Organization.Contracts;
using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Organization.Features;

public sealed record CreateOperationRequest(string? Client, string? Code, string? Name, string? Kind);

/// <summary>Creates an operation for a client the caller administers. Operation codes are unique across clients.</summary>
public sealed class CreateOperation(IDbContextFactory<AppDbContext> dbs, AdminAccess access)
{
    public async Task<Result<OperationRow>> HandleAsync(CreateOperationRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var code = request.Code?.Trim() ?? "";
        if (!AdminPatterns.Code().IsMatch(code))
        {
            errors.Add("code", Messages.Text("Field.CreateOperation.code"));
        }

        errors.Require("name", request.Name, 200, "El nombre");
        var kind = errors.Enum<OperationKind>("kind", request.Kind, "El tipo de operación");
        if (errors.Any)
        {
            return errors.ToError();
        }

        await using var db = await dbs.CreateDbContextAsync(ct);
        var client = await access.ClientAsync(db, request.Client, ct);
        if (!client.IsSuccess)
        {
            return client.Error!;
        }

        if (await db.Operations.IgnoreQueryFilters().AnyAsync(o => o.Code == code, ct))
        {
            return Error.Conflict("operation.duplicate_code", code);
        }

        var op = new Operation(client.Value!.Id, code, request.Name!.Trim(), kind!.Value);
        db.Operations.Add(op);
        await db.SaveChangesAsync(ct);
        return ListOperations.Row(op, client.Value.Code);
    }
}
