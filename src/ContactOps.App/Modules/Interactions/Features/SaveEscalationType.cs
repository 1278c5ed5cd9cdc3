using ContactOps.Platform.Localization;
using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Interactions.Features;

public sealed record EscalationTypeRequest(string? Operation, string? Code, string? Name, int? TargetBusinessHours, string? DestinationArea, bool? Active);

/// <summary>Creates or changes an operation's escalation type (coordinators, managers, admins). Codes are UPPER_SNAKE, unique per operation.</summary>
public sealed class SaveEscalationType(IDbContextFactory<AppDbContext> dbs, AccessScope scope)
{
    public Task<Result<EscalationTypeRow>> CreateAsync(EscalationTypeRequest request, CancellationToken ct) => SaveAsync(null, request, ct);

    public Task<Result<EscalationTypeRow>> UpdateAsync(Guid id, EscalationTypeRequest request, CancellationToken ct) => SaveAsync(id, request, ct);

    private async Task<Result<EscalationTypeRow>> SaveAsync(Guid? id, EscalationTypeRequest request, CancellationToken ct)
    {
        var fields = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var code = request.Code?.Trim().ToUpperInvariant() ?? "";
        if (id is null && (code.Length == 0 || !CloseInteraction.IsTypologyCode(code)))
        {
            fields["code"] = [Messages.Text("Field.SaveEscalationType.code")];
        }

        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Trim().Length > 200)
        {
            fields["name"] = [Messages.Text("Field.SaveEscalationType.name")];
        }

        if (request.TargetBusinessHours is not { } hours || hours < EscalationType.MinHours || hours > EscalationType.MaxHours)
        {
            fields["targetBusinessHours"] = [Messages.Text("Field.SaveEscalationType.targetBusinessHours", EscalationType.MinHours, EscalationType.MaxHours)];
        }

        if (string.IsNullOrWhiteSpace(request.DestinationArea) || request.DestinationArea.Trim().Length > 120)
        {
            fields["destinationArea"] = [Messages.Text("Field.SaveEscalationType.destinationArea")];
        }

        if (fields.Count > 0)
        {
            return Error.Validation(fields);
        }

        await using var db = await dbs.CreateDbContextAsync(ct);
        EscalationType type;
        string opCode;
        if (id is { } existingId)
        {
            var found = await db.EscalationTypes.FirstOrDefaultAsync(t => t.Id == existingId, ct);
            if (found is null)
            {
                return Error.NotFound("escalation.type_not_found");
            }

            if (!scope.HasRole(found.OperationId, InteractionRules.TypeAdminRoles))
            {
                return Error.Forbidden("escalation.type_forbidden");
            }

            type = found;
            type.Update(request.Name!, request.TargetBusinessHours!.Value, request.DestinationArea!, request.Active ?? type.IsActive);
            opCode = await db.Operations.AsNoTracking().Where(o => o.Id == type.OperationId).Select(o => o.Code).FirstAsync(ct);
        }
        else
        {
            var op = await InteractionRules.OperationAsync(db, scope, request.Operation, InteractionRules.TypeAdminRoles, ct);
            if (!op.IsSuccess)
            {
                return op.Error! with { Message = op.Error!.Kind == ErrorKind.Forbidden ? "Solo coordinación, gerencia o administración configuran los tipos de escalamiento." : op.Error.Message };
            }

            var opId = op.Value!.Id;
            if (await db.EscalationTypes.AnyAsync(t => t.OperationId == opId && t.Code == code, ct))
            {
                return Error.Conflict("escalation.type_duplicate", code);
            }

            type = new EscalationType(op.Value.ClientId, opId, code, request.Name!, request.TargetBusinessHours!.Value, request.DestinationArea!);
            if (request.Active == false)
            {
                type.Update(type.Name, type.TargetBusinessHours, type.DestinationArea, false);
            }

            db.EscalationTypes.Add(type);
            opCode = op.Value.Code;
        }

        await db.SaveChangesAsync(ct);
        return new EscalationTypeRow(type.Id, opCode, type.Code, type.Name, type.TargetBusinessHours, type.DestinationArea, type.IsActive);
    }
}
