using ContactOps.Platform.Storage;

namespace ContactOps.Modules.Outbound;

/// <summary>
/// Keeps received lead files encrypted at rest in the file storage: the platform's <see cref="FileVault"/> (envelope
/// encryption, AES-GCM chunks, the file key protected by ASP.NET Core Data Protection) with the lead files' purpose.
/// </summary>
public sealed class LeadFileVault(FileVaults vaults)
{
    private readonly FileVault _vault = vaults.For(VaultPurposes.LeadFiles);

    /// <summary>Encrypts <paramref name="plain"/> (from its current position) into the storage; answers the stored file.</summary>
    public Task<StoredFile> StoreAsync(Stream plain, CancellationToken ct) => _vault.StoreAsync(plain, ct);

    /// <summary>Decrypts a stored file into <paramref name="destination"/>; false when there is no such file.</summary>
    public Task<bool> RestoreAsync(string key, Stream destination, CancellationToken ct) => _vault.RestoreAsync(key, destination, ct);

    public Task<bool> DeleteAsync(string key, CancellationToken ct) => _vault.DeleteAsync(key, ct);
}
