namespace ContactOps.Platform.Storage;

/// <summary>A stored file: its key (the only way to find it again), its length and SHA-256 (lower-case hex).</summary>
public sealed record StoredFile(string Key, long Length, string Sha256);

/// <summary>
/// Where the product keeps binary files (call recordings, evidence, generated legalization packages).
/// Keys are chosen by the storage, opaque to callers and safe as paths: letters, digits, '-', '_', '.', and '/'
/// between segments; no empty, "." or ".." segment. A key that is not of that shape is refused with
/// <see cref="ArgumentException"/> (never resolved outside the storage).
/// </summary>
public interface IFileStorage
{
    /// <summary>Stores the stream's content under a new key. Nothing is visible under the key until it is complete.</summary>
    Task<StoredFile> PutAsync(Stream content, CancellationToken ct = default);

    /// <summary>Opens a stored file for reading, or null when there is none under the key.</summary>
    Task<Stream?> OpenReadAsync(string key, CancellationToken ct = default);

    /// <summary>Deletes a stored file; false when there was none.</summary>
    Task<bool> DeleteAsync(string key, CancellationToken ct = default);

    Task<bool> ExistsAsync(string key, CancellationToken ct = default);
}
