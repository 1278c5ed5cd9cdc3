using System.Globalization;
using ContactOps.Platform.Audit;
using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Outbound.Features;

/// <summary>A lead base as lists show it: its counts and status.</summary>
public sealed record LeadBaseItem(Guid Id, string Operation, string Name, string FileName, DateTimeOffset ReceivedAt, string Status, int Rows, int Accepted, int Rejected, int Duplicates, int Excluded, int Leads);

/// <summary>The decrypted received file of a base, in a temporary file deleted when the stream is closed.</summary>
public sealed record LeadBaseFile(Stream Content, string FileName);

/// <summary>List, close and download lead bases (the operation's data marshall, supervisor, coordinator, manager, admin).</summary>
public sealed class LeadBases(AppDbContext db, AccessScope scope, AuditLog audit, LeadFileVault vault)
{
    public async Task<Result<IReadOnlyList<LeadBaseItem>>> ListAsync(string? operationCode, CancellationToken ct)
    {
        var query = from b in db.LeadBases.AsNoTracking()
                    join o in db.Operations on b.OperationId equals o.Id
                    select new { b, o.Code };
        if (!string.IsNullOrWhiteSpace(operationCode))
        {
            var code = operationCode.Trim();
            if (!await db.Operations.AnyAsync(o => o.Code == code, ct))
            {
                return Error.NotFound("operation.not_found", string.Format(CultureInfo.InvariantCulture, "No existe la operación «{0}».", code));
            }

            query = query.Where(x => x.Code == code);
        }

        var rows = await query.OrderByDescending(x => x.b.ReceivedAt).Take(500).ToListAsync(ct);
        var visible = rows.Where(x => LeadAccess.CanManageBases(scope, x.b.OperationId)).ToList();
        var ids = visible.Select(x => x.b.Id).ToList();
        var counts = await db.Leads.AsNoTracking().Where(l => ids.Contains(l.BaseId)).GroupBy(l => l.BaseId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return visible.Select(x => new LeadBaseItem(
            x.b.Id, x.Code, x.b.Name, x.b.FileName, x.b.ReceivedAt, x.b.Status.ToString(), x.b.Rows, x.b.Accepted, x.b.Rejected, x.b.Duplicates, x.b.Excluded,
            counts.GetValueOrDefault(x.b.Id))).ToList();
    }

    /// <summary>Closes a base: its leads are no longer dialled and no longer count as duplicates of new bases.</summary>
    public async Task<Result<LeadBaseItem>> CloseAsync(Guid baseId, CancellationToken ct)
    {
        var leadBase = await db.LeadBases.FirstOrDefaultAsync(b => b.Id == baseId, ct);
        if (leadBase is null)
        {
            return Error.NotFound("leads.base_not_found", "No se encontró la base.");
        }

        if (!LeadAccess.CanManageBases(scope, leadBase.OperationId))
        {
            return Error.Forbidden("leads.forbidden", "Solo el data marshall, el supervisor, el coordinador, el gerente o el administrador de la operación cierran bases.");
        }

        leadBase.Status = LeadBaseStatus.Closed;
        await db.SaveChangesAsync(ct);
        var list = await ListAsync(null, ct);
        return list.Value!.First(b => b.Id == baseId);
    }

    /// <summary>Path of the CSV of every rejected row of a base's import (linea;campo;motivo).</summary>
    public async Task<Result<string>> RejectionsAsync(Guid baseId, CancellationToken ct)
    {
        var leadBase = await db.LeadBases.AsNoTracking().FirstOrDefaultAsync(b => b.Id == baseId, ct);
        if (leadBase is null)
        {
            return Error.NotFound("leads.base_not_found", "No se encontró la base.");
        }

        if (!LeadAccess.CanManageBases(scope, leadBase.OperationId))
        {
            return Error.Forbidden("leads.forbidden", "Solo quien carga bases en la operación descarga sus filas rechazadas.");
        }

        var path = Platform.Imports.ImportFiles.RejectsPath(baseId);
        return File.Exists(path) ? path : Error.NotFound("leads.rejections_gone", "El archivo de rechazados de esta base ya no está disponible.");
    }

    /// <summary>The received file, decrypted; every read is written to the audit trail.</summary>
    public async Task<Result<LeadBaseFile>> DownloadAsync(Guid baseId, CancellationToken ct)
    {
        var leadBase = await db.LeadBases.AsNoTracking().FirstOrDefaultAsync(b => b.Id == baseId, ct);
        if (leadBase is null)
        {
            return Error.NotFound("leads.base_not_found", "No se encontró la base.");
        }

        if (!LeadAccess.CanManageBases(scope, leadBase.OperationId))
        {
            return Error.Forbidden("leads.forbidden", "Solo el data marshall, el supervisor, el coordinador, el gerente o el administrador de la operación descargan el archivo de una base.");
        }

        if (leadBase.StoredFileKey is null)
        {
            return Error.NotFound("leads.file_gone", "El archivo recibido de esta base no está guardado.");
        }

        var temp = new FileStream(Path.Combine(Path.GetTempPath(), "contactops-leadfile-out-" + Guid.NewGuid().ToString("N")), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
        try
        {
            if (!await vault.RestoreAsync(leadBase.StoredFileKey, temp, ct))
            {
                await temp.DisposeAsync();
                return Error.NotFound("leads.file_gone", "El archivo recibido de esta base ya no está en el almacenamiento.");
            }
        }
        catch
        {
            await temp.DisposeAsync();
            throw;
        }

        await audit.AppendAsync(db, leadBase.ClientId, leadBase.OperationId, nameof(LeadBase), leadBase.Id.ToString(), AuditAction.FileDownloaded, new { file = leadBase.FileName, length = temp.Length }, ct);
        temp.Position = 0;
        return new LeadBaseFile(temp, leadBase.FileName);
    }
}
