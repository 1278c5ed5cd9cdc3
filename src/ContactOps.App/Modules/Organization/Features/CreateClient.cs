using ContactOps.Platform.Localization;
using ContactOps.Modules.Organization.Contracts;
using ContactOps.Platform;
using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Organization.Features;

public sealed record CreateClientRequest(string? Code, string? Name, string? Country, string? TimeZone, string? Currency);

/// <summary>Creates a client (carrier). Platform admins only.</summary>
public sealed class CreateClient(IDbContextFactory<AppDbContext> dbs, AdminAccess access)
{
    public async Task<Result<ClientRow>> HandleAsync(CreateClientRequest request, CancellationToken ct)
    {
        if (!access.IsPlatformAdmin)
        {
            return AdminAccess.NotPlatformAdmin;
        }

        var errors = new FieldErrors();
        var code = request.Code?.Trim() ?? "";
        if (!AdminPatterns.Code().IsMatch(code))
        {
            errors.Add("code", Messages.Text("Field.CreateClient.code"));
        }

        errors.Require("name", request.Name, 200, "El nombre");
        var country = errors.Enum<Country>("country", request.Country, "El país");
        var zone = ValidTimeZone(request.TimeZone, errors);
        var currency = ValidCurrency(request.Currency, errors);
        if (errors.Any)
        {
            return errors.ToError();
        }

        await using var db = await dbs.CreateDbContextAsync(ct);
        if (await db.Clients.IgnoreQueryFilters().AnyAsync(c => c.Code == code, ct))
        {
            return Error.Conflict("client.duplicate_code", code);
        }

        var client = new Client(code, request.Name!.Trim(), country!.Value, zone!, currency!);
        db.Clients.Add(client);
        await db.SaveChangesAsync(ct);
        return new ClientRow(client.Id, client.Code, client.Name, client.Country.ToString(), client.TimeZoneId, client.Currency, client.OpeningHours, client.IsActive);
    }

    /// <summary>An IANA time zone id known to the system (e.g. America/Bogota).</summary>
    internal static string? ValidTimeZone(string? value, FieldErrors errors)
    {
        var id = value?.Trim() ?? "";
        if (id.Length == 0 || !id.Contains('/', StringComparison.Ordinal)
            || !TimeZoneInfo.TryFindSystemTimeZoneById(id, out var tz) || !tz.HasIanaId)
        {
            errors.Add("timeZone", Messages.Text("Field.CreateClient.timeZone"));
            return null;
        }

        return id;
    }

    /// <summary>An ISO 4217 alphabetic code: three letters (e.g. COP, BOB).</summary>
    internal static string? ValidCurrency(string? value, FieldErrors errors)
    {
        var c = value?.Trim().ToUpperInvariant() ?? "";
        if (c.Length != 3 || !c.All(ch => ch is >= 'A' and <= 'Z'))
        {
            errors.Add("currency", Messages.Text("Field.CreateClient.currency"));
            return null;
        }

        return c;
    }
}
