using System.Buffers;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace ContactOps.Platform.Storage;

/// <summary>Configuration of the file storage: <c>Storage:Root</c>, the folder (default <c>./data/files</c>, relative to the working directory).</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    public string Root { get; set; } = Path.Combine("data", "files");
}

/// <summary>
/// The default <see cref="IFileStorage"/>: a local folder. A file is written to <c>&lt;root&gt;/.tmp/</c>, flushed to disk, then
/// moved under its key in one rename, so a crash never leaves a half-written file under a key. Keys are
/// <c>xx/&lt;32 hex&gt;</c> (a fan-out folder from the first two characters of a new id).
/// </summary>
public sealed partial class LocalFileStorage : IFileStorage
{
    private const string TempFolder = ".tmp";
    private readonly string _root;

    public LocalFileStorage(StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _root = Path.GetFullPath(string.IsNullOrWhiteSpace(options.Root) ? Path.Combine("data", "files") : options.Root);
    }

    public string Root => _root;

    public async Task<StoredFile> PutAsync(Stream content, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var id = Ids.New().ToString("N");
        var key = id[^2..] + "/" + id;
        var tempDir = Path.Combine(_root, TempFolder);
        Directory.CreateDirectory(tempDir);
        var temp = Path.Combine(tempDir, id + ".part");
        long length = 0;
        string sha;
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                var buffer = ArrayPool<byte>.Shared.Rent(81920);
                try
                {
                    int read;
                    while ((read = await content.ReadAsync(buffer.AsMemory(0, 81920), ct)) > 0)
                    {
                        hash.AppendData(buffer, 0, read);
                        await file.WriteAsync(buffer.AsMemory(0, read), ct);
                        length += read;
                    }
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                }

                await file.FlushAsync(ct);
                file.Flush(flushToDisk: true);
            }

            sha = Convert.ToHexStringLower(hash.GetHashAndReset());
            var final = PathOf(key);
            Directory.CreateDirectory(Path.GetDirectoryName(final)!);
            File.Move(temp, final, overwrite: false);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }

        return new StoredFile(key, length, sha);
    }

    public Task<Stream?> OpenReadAsync(string key, CancellationToken ct = default)
    {
        var path = PathOf(key);
        try
        {
            Stream stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
            return Task.FromResult<Stream?>(stream);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
    }

    public Task<bool> DeleteAsync(string key, CancellationToken ct = default)
    {
        var path = PathOf(key);
        if (!File.Exists(path))
        {
            return Task.FromResult(false);
        }

        File.Delete(path);
        return Task.FromResult(true);
    }

    public Task<bool> ExistsAsync(string key, CancellationToken ct = default) => Task.FromResult(File.Exists(PathOf(key)));

    /// <summary>True when the key has the storage's safe shape (see <see cref="IFileStorage"/>).</summary>
    public static bool IsValidKey(string? key) =>
        !string.IsNullOrEmpty(key) && key.Length <= 200 && SafeKey().IsMatch(key)
        && key.Split('/').All(s => s is not ("." or "..") && !s.StartsWith(TempFolder, StringComparison.Ordinal));

    /// <summary>The full path of a key; refuses anything that is not a safe key or would resolve outside the root.</summary>
    private string PathOf(string key)
    {
        if (!IsValidKey(key))
        {
            throw new ArgumentException($"Invalid storage key '{key}'.", nameof(key));
        }

        var full = Path.GetFullPath(Path.Combine(_root, key.Replace('/', Path.DirectorySeparatorChar)));
        var rootWithSeparator = _root.EndsWith(Path.DirectorySeparatorChar) ? _root : _root + Path.DirectorySeparatorChar;
        if (!full.StartsWith(rootWithSeparator, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Invalid storage key '{key}'.", nameof(key));
        }

        return full;
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // best effort: a leftover .part file is never visible under a key
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_-][A-Za-z0-9._-]*(/[A-Za-z0-9_-][A-Za-z0-9._-]*)*$", RegexOptions.CultureInvariant)]
    private static partial Regex SafeKey();
}

public static class StorageSetup
{
    /// <summary>Registers the local-folder storage, configured by <c>Storage:Root</c>.</summary>
    public static IServiceCollection AddFileStorage(this IServiceCollection services)
    {
        services.AddSingleton(sp =>
        {
            var options = new StorageOptions();
            sp.GetRequiredService<IConfiguration>().GetSection(StorageOptions.Section).Bind(options);
            return options;
        });
        services.AddSingleton<IFileStorage>(sp => new LocalFileStorage(sp.GetRequiredService<StorageOptions>()));
        services.AddScoped<FileVaults>();
        return services;
    }
}
