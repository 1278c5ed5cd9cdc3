using ContactOps.Platform.Localization;
using ContactOps.Modules.Organization.Contracts;
using ContactOps.Platform.Auth;
using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Administration.Features;

public sealed record CreateApiKeyRequest(string? Name, string? Operation, string? Role, DateTimeOffset? ExpiresAt);

/// <summary>The new key's row and the full key, shown this once only (only its hash is stored).</summary>
public sealed record CreatedApiKey(ApiKeyRow ApiKey, string Key);

/// <summary>Creates an API key scoped to one operation, acting with one role (never Admin).</summary>
public sealed class CreateApiKey(IDbContextFactory<AppDbContext> dbs, AdminAccess access, TimeProvider time)
{
    public async Task<Result<CreatedApiKey>> HandleAsync(CreateApiKeyRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        errors.Require("name", request.Name, 120, "El nombre");
        var role = errors.Enum<Role>("role", request.Role, "El rol");
        if (role == Role.Admin)
        {
            errors.Add("role", Messages.Text("Field.CreateApiKey.role"));
        }

        var now = time.GetUtcNow();
        if (request.ExpiresAt is { } exp && exp <= now)
        {
            errors.Add("expiresAt", Messages.Text("Field.CreateApiKey.expiresAt"));
        }

        if (errors.Any)
        {
            return errors.ToError();
        }

        await using var db = await dbs.CreateDbContextAsync(ct);
        var op = await access.OperationAsync(db, request.Operation, ct);
        if (!op.IsSuccess)
        {
            return op.Error!;
        }

        var (key, prefix, hash) = ApiKeySecrets.Generate();
        var apiKey = new ApiKey(op.Value!.ClientId, op.Value.Id, request.Name!.Trim(), prefix, hash, role!.Value, access.Scope.UserId ?? Guid.Empty, request.ExpiresAt?.ToUniversalTime());
        db.ApiKeys.Add(apiKey);
        await db.SaveChangesAsync(ct);
        return new CreatedApiKey(
            new ApiKeyRow(apiKey.Id, op.Value.Code, apiKey.Name, apiKey.Prefix, apiKey.Role.ToString(), apiKey.CreatedAt, apiKey.ExpiresAt, null, null),
            key);
    }
}
