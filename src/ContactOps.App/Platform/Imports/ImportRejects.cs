using ContactOps.Platform.Data;
using ContactOps.Platform.Storage;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Platform.Imports;

/// <summary>
/// The rejected-rows CSV of one import, kept encrypted in the file storage: owned by the import record
/// (<see cref="Id"/> is the import's id: the batch, the lead base…) of one <see cref="Kind"/> in one operation.
/// Read only through the importing module's own endpoint, which checks the import and the caller first.
/// </summary>
public sealed class ImportRejectsFile
{
    private ImportRejectsFile()
    {
    }

    public ImportRejectsFile(Guid importId, string kind, Guid clientId, Guid operationId, string storageKey, long rows, DateTimeOffset createdAt)
    {
        Id = importId;
        Kind = kind;
        ClientId = clientId;
        OperationId = operationId;
        StorageKey = storageKey;
        Rows = rows;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }

    public string Kind { get; private set; } = "";

    public Guid ClientId { get; private set; }

    public Guid OperationId { get; private set; }

    public string StorageKey { get; private set; } = "";

    public long Rows { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
}

/// <summary>Which import's rejects: its id and kind.</summary>
public sealed record ImportRejectsRef(Guid ImportId, string Kind);

/// <summary>
/// Keeps, opens and expires the rejected-rows files of imports (<see cref="ImportRejectsFile"/>): encrypted with the
/// <see cref="FileVault"/> (purpose <see cref="VaultPurposes.ImportRejects"/>), never in a shared temporary folder.
/// </summary>
public sealed class ImportRejects(AppDbContext db, FileVaults vaults, TimeProvider time)
{
    private readonly FileVault _vault = vaults.For(VaultPurposes.ImportRejects);

    /// <summary>
    /// Stores the collected rejects (when there are any) and adds their record to the context, to be saved with the
    /// import; answers the storage key (null when nothing was rejected). When the import does not commit, call
    /// <see cref="ForgetAsync"/> with the key.
    /// </summary>
    public async Task<string?> KeepAsync(RejectionCollector rejections, Guid importId, string kind, Guid clientId, Guid operationId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(rejections);
        if (rejections.Count == 0)
        {
            return null;
        }

        var stored = await _vault.StoreAsync(rejections.Complete(), ct);
        db.ImportRejects.Add(new ImportRejectsFile(importId, kind, clientId, operationId, stored.Key, rejections.Count, time.GetUtcNow()));
        return stored.Key;
    }

    /// <summary>Deletes the stored file of an import that did not commit.</summary>
    public async Task ForgetAsync(string? key)
    {
        if (key is not null)
        {
            await _vault.DeleteAsync(key, CancellationToken.None);
        }
    }

    /// <summary>
    /// The decrypted CSV of the import <paramref name="importId"/> of <paramref name="kind"/> (a private temporary file
    /// deleted when the stream is closed); null when there is none (nothing rejected, expired, or another kind).
    /// The caller has already checked that the import exists and that the user may import into its operation
    /// <paramref name="operationId"/> (null only for the CLI's operator, who acts as the system).
    /// </summary>
    public async Task<Stream?> OpenAsync(Guid importId, string kind, Guid? operationId, CancellationToken ct)
    {
        var file = await db.ImportRejects.AsNoTracking()
            .FirstOrDefaultAsync(r => r.Id == importId && r.Kind == kind && (operationId == null || r.OperationId == operationId), ct);
        return file is null ? null : await _vault.OpenAsync(file.StorageKey, ct);
    }

    /// <summary>Deletes the rejects files (storage and record) created before <paramref name="cutoff"/>; answers how many.</summary>
    public async Task<int> SweepAsync(DateTimeOffset cutoff, CancellationToken ct)
    {
        var expired = await db.ImportRejects.IgnoreQueryFilters().Where(r => r.CreatedAt < cutoff).ToListAsync(ct);
        foreach (var file in expired)
        {
            await _vault.DeleteAsync(file.StorageKey, ct);
            db.ImportRejects.Remove(file);
        }

        await db.SaveChangesAsync(ct);
        return expired.Count;
    }
}
