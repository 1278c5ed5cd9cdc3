using ContactOps.Platform.Localization;
using System.Text.Json;
using ContactOps.Modules.Organization;
using ContactOps.Platform.Auth;
using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Platform.Imports.Mappings;

/// <summary>A kind of file the product imports and the fields a saved mapping may name (registered by its module).</summary>
public sealed record FileKindDefinition(string Kind, IReadOnlyCollection<string> Fields, IReadOnlyCollection<string> MultiValuedFields);

public sealed record SaveColumnMappingRequest(string? Operation, string? FileKind, string? Name, IReadOnlyDictionary<string, string>? Fields);

public sealed record ColumnMappingView(string Operation, string FileKind, string Name, IReadOnlyDictionary<string, string> Fields, DateTimeOffset UpdatedAt);

/// <summary>
/// Saves (creates or replaces) a named column mapping for an operation and file kind: field → the header the
/// carrier's file uses (several headers for a multi-valued field, separated by "|"; empty = not in the file).
/// Imports use it with <c>--mapping &lt;name&gt;</c>.
/// </summary>
public sealed class SaveColumnMapping(AppDbContext db, AccessScope scope, IEnumerable<FileKindDefinition> kinds)
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task<Result<ColumnMappingView>> HandleAsync(SaveColumnMappingRequest request, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var kind = kinds.FirstOrDefault(k => k.Kind == request.FileKind?.Trim());
        if (kind is null)
        {
            errors["fileKind"] = [Messages.Text("Field.SaveColumnMapping.fileKind", string.Join(", ", kinds.Select(k => k.Kind)))];
        }

        var name = request.Name?.Trim() ?? "";
        if (name.Length is 0 or > 80 || !name.All(c => char.IsLetterOrDigit(c) || c is '-' or '_'))
        {
            errors["name"] = [Messages.Text("Field.SaveColumnMapping.name")];
        }

        if (request.Fields is null || request.Fields.Count == 0)
        {
            errors["fields"] = [Messages.Text("Field.SaveColumnMapping.fields")];
        }
        else if (kind is not null)
        {
            foreach (var (field, header) in request.Fields)
            {
                if (!kind.Fields.Contains(field))
                {
                    errors["fields." + field] = [$"El campo «{field}» no existe para archivos de {kind.Kind}. Campos: {string.Join(", ", kind.Fields)}."];
                }
                else if (header is null || header.Length > 200)
                {
                    errors["fields." + field] = ["El encabezado debe tener como máximo 200 caracteres."];
                }
                else if (header.Contains('|', StringComparison.Ordinal) && !kind.MultiValuedFields.Contains(field))
                {
                    errors["fields." + field] = [$"Solo {string.Join(", ", kind.MultiValuedFields)} admite varios encabezados separados por «|»."];
                }
            }
        }

        if (errors.Count > 0)
        {
            return Error.Validation(errors);
        }

        var code = request.Operation?.Trim();
        var operation = await db.Operations.FirstOrDefaultAsync(o => o.Code == code, ct);
        if (operation is null)
        {
            return Error.NotFound("operation.not_found#2", code);
        }

        if (!(scope.RoleIn(operation.Id) is { } role && Roles.CanImport(role)))
        {
            return Error.Forbidden("mapping.forbidden");
        }

        var json = JsonSerializer.Serialize(request.Fields!.ToDictionary(k => k.Key, v => v.Value.Trim(), StringComparer.Ordinal), Json);
        var record = await db.ColumnMappings.FirstOrDefaultAsync(m => m.OperationId == operation.Id && m.FileKind == kind!.Kind && m.Name == name, ct);
        if (record is null)
        {
            record = new ColumnMappingRecord(operation.ClientId, operation.Id, kind!.Kind, name, json);
            db.ColumnMappings.Add(record);
        }
        else
        {
            record.Change(json);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.InnerException is Npgsql.PostgresException { SqlState: "23505" } or Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 19 })
        {
            // The same new mapping saved by someone else at the same time: the unique index lets one through.
            return Error.Conflict("mapping.saved_concurrently");
        }

        return ToView(operation, record);
    }

    internal static ColumnMappingView ToView(Operation operation, ColumnMappingRecord record) =>
        new(operation.Code, record.FileKind, record.Name, JsonSerializer.Deserialize<Dictionary<string, string>>(record.MappingJson) ?? [], record.UpdatedAt);
}

/// <summary>The saved column mappings of an operation.</summary>
public sealed class ListColumnMappings(AppDbContext db)
{
    public async Task<Result<IReadOnlyList<ColumnMappingView>>> HandleAsync(string? operationCode, CancellationToken ct)
    {
        var code = operationCode?.Trim();
        var operation = await db.Operations.AsNoTracking().FirstOrDefaultAsync(o => o.Code == code, ct);
        if (operation is null)
        {
            return Error.NotFound("operation.not_found#2", code);
        }

        var records = await db.ColumnMappings.AsNoTracking().Where(m => m.OperationId == operation.Id).OrderBy(m => m.FileKind).ThenBy(m => m.Name).ToListAsync(ct);
        return records.Select(r => SaveColumnMapping.ToView(operation, r)).ToList();
    }
}
