using ContactOps.Modules.Organization.Contracts;
using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Organization.Features;

/// <summary>Changes a disposition's name, flags, order and state. The code never changes (reports depend on it).</summary>
public sealed class UpdateDisposition(IDbContextFactory<AppDbContext> dbs, AdminAccess access)
{
    public async Task<Result<DispositionRow>> HandleAsync(string? operationCode, string? code, DispositionRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var flags = CreateDisposition.Validate(request, errors);
        if (errors.Any)
        {
            return errors.ToError();
        }

        await using var db = await dbs.CreateDbContextAsync(ct);
        var op = await access.OperationAsync(db, operationCode, ct);
        if (!op.IsSuccess)
        {
            return op.Error!;
        }

        var opId = op.Value!.Id;
        var c = code?.Trim() ?? "";
        var d = await db.Dispositions.IgnoreQueryFilters().FirstOrDefaultAsync(x => x.OperationId == opId && x.Code == c, ct);
        if (d is null)
        {
            return Error.NotFound("disposition.not_found", c);
        }

        d.Update(request.Name!.Trim(), flags, request.SortOrder ?? d.SortOrder, request.Active ?? d.IsActive);
        await db.SaveChangesAsync(ct);
        return DispositionRow.From(d, op.Value.Code);
    }
}
