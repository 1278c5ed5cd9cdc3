using ContactOps.Platform.Localization;
using ContactOps.Modules.Organization.Contracts;
using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Organization.Features;

public sealed record DispositionRequest(string? Code, string? Name, IReadOnlyList<string>? Flags, int? SortOrder, bool? Active);

/// <summary>Adds a disposition to an operation's catalog. Codes are UPPER_SNAKE and unique per operation.</summary>
public sealed class CreateDisposition(IDbContextFactory<AppDbContext> dbs, AdminAccess access)
{
    public async Task<Result<DispositionRow>> HandleAsync(string? operationCode, DispositionRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var code = request.Code?.Trim() ?? "";
        if (code.Length is 0 or > 60 || !AdminPatterns.UpperSnake().IsMatch(code))
        {
            errors.Add("code", Messages.Text("Field.CreateDisposition.code"));
        }

        var flags = Validate(request, errors);
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
        if (await db.Dispositions.IgnoreQueryFilters().AnyAsync(d => d.OperationId == opId && d.Code == code, ct))
        {
            return Error.Conflict("disposition.duplicate_code", code);
        }

        var d = new Disposition(op.Value.ClientId, opId, code, request.Name!.Trim(), flags, request.SortOrder ?? 0);
        if (request.Active == false)
        {
            d.Update(d.Name, d.Flags, d.SortOrder, false);
        }

        db.Dispositions.Add(d);
        await db.SaveChangesAsync(ct);
        return DispositionRow.From(d, op.Value.Code);
    }

    internal static DispositionFlags Validate(DispositionRequest request, FieldErrors errors)
    {
        errors.Require("name", request.Name, 200, "El nombre");
        if (request.SortOrder is < 0 or > 10_000)
        {
            errors.Add("sortOrder", Messages.Text("Field.CreateDisposition.sortOrder"));
        }

        return DispositionFlagNames.Parse(request.Flags, errors);
    }
}
