using ContactOps.Modules.Organization.Contracts;
using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Organization.Features;

public sealed record UpdateClientRequest(string? Name, bool? Active);

/// <summary>Renames or (de)activates a client the caller administers.</summary>
public sealed class UpdateClient(IDbContextFactory<AppDbContext> dbs, AdminAccess access)
{
    public async Task<Result<ClientRow>> HandleAsync(string? code, UpdateClientRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        errors.Require("name", request.Name, 200, "El nombre");
        if (errors.Any)
        {
            return errors.ToError();
        }

        await using var db = await dbs.CreateDbContextAsync(ct);
        var found = await access.ClientAsync(db, code, ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var client = found.Value!;
        if (request.Active is { } active && active != client.IsActive && !access.IsPlatformAdmin)
        {
            return AdminAccess.NotPlatformAdmin;
        }

        client.Rename(request.Name!.Trim());
        if (request.Active is { } a)
        {
            client.SetActive(a);
        }

        await db.SaveChangesAsync(ct);
        return new ClientRow(client.Id, client.Code, client.Name, client.Country.ToString(), client.TimeZoneId, client.Currency, client.OpeningHours, client.IsActive);
    }
}
