using System.Globalization;
using System.Text.RegularExpressions;
using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Sales.Features;

public sealed record ChecklistItemInput(string? Code, string? Name, string? Evidence, bool EvidenceRequired, SaleState? Unlocks, bool OpenWorkOrderOnly);

public sealed record SaveChecklistRequest(string? Operation, SaleKind? Kind, string? Name, IReadOnlyList<ChecklistItemInput>? Items);

/// <summary>
/// Saves a checklist as a new version (n+1) of the operation's procedure for a sale kind; the previous version stops
/// being current but sales that started with it keep it. Coordinators, managers and admins only.
/// </summary>
public sealed partial class SaveChecklist(IDbContextFactory<AppDbContext> dbs, AccessScope scope)
{
    public async Task<Result<ChecklistView>> HandleAsync(SaveChecklistRequest request, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var op = await SaleUnits.OperationAsync(db, request.Operation, scope, ct);
        if (!op.IsSuccess)
        {
            return op.Error!;
        }

        var operation = op.Value!;
        if (!scope.HasRole(operation.Id, SaleRoles.EditChecklists))
        {
            return Error.Forbidden("checklist.forbidden");
        }

        var fields = new Dictionary<string, string[]>(StringComparer.Ordinal);
        void Add(string field, string message) => fields[field] = fields.TryGetValue(field, out var m) ? [.. m, message] : [message];
        if (request.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            Add("kind", "Indique el tipo de venta.");
            kind = default;
        }

        var name = request.Name?.Trim() ?? "";
        if (name.Length is 0 or > 120)
        {
            Add("name", "Escriba el nombre del procedimiento (hasta 120 caracteres).");
        }

        var items = request.Items ?? [];
        if (items.Count == 0)
        {
            Add("items", "El procedimiento necesita al menos un paso.");
        }

        var codes = new HashSet<string>(StringComparer.Ordinal);
        var lastRank = 0;
        for (var i = 0; i < items.Count; i++)
        {
            var it = items[i];
            var prefix = string.Create(CultureInfo.InvariantCulture, $"items[{i}].");
            var code = it.Code?.Trim().ToUpperInvariant() ?? "";
            if (!CodePattern().IsMatch(code))
            {
                Add(prefix + "code", "El código debe tener de 2 a 40 letras mayúsculas, números o guiones bajos.");
            }
            else if (!codes.Add(code))
            {
                Add(prefix + "code", $"El código «{code}» está repetido.");
            }

            if (string.IsNullOrWhiteSpace(it.Name) || it.Name.Trim().Length > 160)
            {
                Add(prefix + "name", "Escriba el nombre del paso (hasta 160 caracteres).");
            }

            if (it.Evidence is { } ev && ev.Trim().Length > 160)
            {
                Add(prefix + "evidence", "La evidencia admite hasta 160 caracteres.");
            }

            if (it.EvidenceRequired && string.IsNullOrWhiteSpace(it.Evidence))
            {
                Add(prefix + "evidence", "Indique qué evidencia o referencia requiere el paso.");
            }

            if (it.Unlocks is { } unlocks)
            {
                if (!Enum.IsDefined(unlocks) || !SaleWorkflow.IsUnlockable(unlocks))
                {
                    Add(prefix + "unlocks", "Un paso solo habilita En validación, Validada, Agendada, Reservada, Enviada, Instalada o Entregada.");
                }
                else if (SaleWorkflow.Rank(unlocks) < lastRank)
                {
                    Add(prefix + "unlocks", $"«{SaleWorkflow.Spanish(unlocks)}» no puede ir después de un paso que habilita un estado posterior.");
                }
                else
                {
                    lastRank = SaleWorkflow.Rank(unlocks);
                }
            }
        }

        if (fields.Count > 0)
        {
            return Error.Validation(fields);
        }

        var versions = await db.SaleChecklists.Where(c => c.OperationId == operation.Id && c.Kind == kind).ToListAsync(ct);
        foreach (var old in versions.Where(v => v.IsCurrent))
        {
            old.Supersede();
        }

        var next = new ChecklistDefinition(operation.ClientId, operation.Id, kind, versions.Count == 0 ? 1 : versions.Max(v => v.Version) + 1, name, scope.UserId);
        foreach (var it in items)
        {
            next.AddItem(it.Code!, it.Name!, it.Evidence, it.EvidenceRequired, it.Unlocks, it.OpenWorkOrderOnly);
        }

        db.SaleChecklists.Add(next);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Error.Conflict("checklist.concurrent");
        }

        return ListChecklists.View(next, operation.Code);
    }

    [GeneratedRegex("^[A-Z0-9_]{2,40}$", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();
}
