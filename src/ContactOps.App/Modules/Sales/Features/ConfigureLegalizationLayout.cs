using ContactOps.Platform.Auth;
using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Sales.Features;

public sealed record LegalizationLayoutView(string Client, LegalizationFileKind Kind, bool IsDefault, IReadOnlyList<LegalizationColumn> Columns);

/// <summary>Reads and replaces a client's legalization layout (columns and order). Replacing is for the client's admins.</summary>
public sealed class ConfigureLegalizationLayout(AppDbContext db, AccessScope scope)
{
    public const int MaxColumns = 60;

    public async Task<Result<LegalizationLayoutView>> GetAsync(string? client, string? kind, CancellationToken ct)
    {
        var target = await ResolveAsync(client, kind, ct);
        if (!target.IsSuccess)
        {
            return target.Error!;
        }

        var (clientId, clientCode, fileKind) = target.Value;
        var layout = await db.LegalizationLayouts.AsNoTracking().FirstOrDefaultAsync(l => l.ClientId == clientId && l.Kind == fileKind, ct);
        return new LegalizationLayoutView(clientCode, fileKind, layout is null, layout?.Columns ?? LegalizationLayouts.DefaultFor(fileKind));
    }

    public async Task<Result<LegalizationLayoutView>> SetAsync(string? client, string? kind, IReadOnlyList<LegalizationColumn>? columns, CancellationToken ct)
    {
        var target = await ResolveAsync(client, kind, ct);
        if (!target.IsSuccess)
        {
            return target.Error!;
        }

        var (clientId, clientCode, fileKind) = target.Value;
        if (!scope.HasRoleInClient(clientId, Role.Admin))
        {
            return Error.Forbidden("legalization.layout_forbidden");
        }

        if (columns is null || columns.Count == 0 || columns.Count > MaxColumns)
        {
            return Error.Invalid("columns", "legalization.layout_columns", MaxColumns);
        }

        var cleaned = new List<LegalizationColumn>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < columns.Count; i++)
        {
            var header = columns[i]?.Header?.Trim() ?? "";
            if (header.Length == 0 || header.Length > 60 || header.Any(char.IsControl))
            {
                return Error.Invalid("columns", "legalization.layout_header", i + 1);
            }

            if (!seen.Add(header))
            {
                return Error.Invalid("columns", "legalization.layout_duplicate", header);
            }

            if (!Enum.IsDefined(columns[i].Field))
            {
                return Error.Invalid("columns", "legalization.layout_field", header);
            }

            cleaned.Add(new LegalizationColumn(header, columns[i].Field));
        }

        var layout = await db.LegalizationLayouts.FirstOrDefaultAsync(l => l.ClientId == clientId && l.Kind == fileKind, ct);
        if (layout is null)
        {
            db.LegalizationLayouts.Add(new LegalizationLayout(clientId, fileKind, cleaned));
        }
        else
        {
            layout.Replace(cleaned);
        }

        await db.SaveChangesAsync(ct);
        return new LegalizationLayoutView(clientCode, fileKind, false, cleaned);
    }

    private async Task<Result<(Guid ClientId, string ClientCode, LegalizationFileKind Kind)>> ResolveAsync(string? client, string? kind, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(kind) || !Enum.TryParse<LegalizationFileKind>(kind.Trim(), ignoreCase: true, out var fileKind) || !Enum.IsDefined(fileKind))
        {
            return Error.Invalid("kind", "legalization.layout_kind");
        }

        var code = client?.Trim() ?? "";
        var found = await db.Clients.AsNoTracking().Where(c => c.Code == code).Select(c => new { c.Id, c.Code }).FirstOrDefaultAsync(ct);
        if (found is null)
        {
            return Error.NotFound("client.not_found#2", code);
        }

        return (found.Id, found.Code, fileKind);
    }
}
