using System.Buffers.Binary;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace ContactOps.Platform.Storage;

/// <summary>
/// Keeps files that hold personal data encrypted at rest in the file storage (received lead files, import rejects, the
/// daily management reports): envelope encryption with a random 256-bit key per
/// file (AES-GCM over 1 MiB chunks, each authenticated with its index and a last-chunk flag so a truncated or reordered
/// file is refused), the file key itself protected with ASP.NET Core Data Protection (the app's key ring).
/// </summary>
/// <remarks>
/// Layout: "COLF1" · int32 length of the protected key · protected key · chunks (int32 plain length · 12-byte nonce ·
/// 16-byte tag · cipher text). Streaming both ways: memory stays at one chunk whatever the file size. Each kind of file
/// has its own Data Protection purpose (see <see cref="VaultPurposes"/>), so a key protected for one is refused for another.
/// The cipher text is staged in a <see cref="PrivateTempFile"/> before it is put in the storage.
/// </remarks>
public sealed class FileVault(IFileStorage storage, IDataProtectionProvider protection, string purpose)
{
    private const int ChunkSize = 1 << 20;
    private static readonly byte[] Magic = "COLF1"u8.ToArray();
    private readonly IDataProtector _protector = protection.CreateProtector(purpose);

    /// <summary>Encrypts <paramref name="plain"/> (from its current position) into the storage; answers the stored file.</summary>
    public async Task<StoredFile> StoreAsync(Stream plain, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(plain);
        await using var cipherFile = PrivateTempFile.Create("contactops-vault-");
        var key = RandomNumberGenerator.GetBytes(32);
        try
        {
            var protectedKey = _protector.Protect(key);
            await cipherFile.WriteAsync(Magic, ct);
            await WriteInt32Async(cipherFile, protectedKey.Length, ct);
            await cipherFile.WriteAsync(protectedKey, ct);
            using var aes = new AesGcm(key, 16);
            var buffer = new byte[ChunkSize];
            var next = new byte[ChunkSize];
            var cipher = new byte[ChunkSize];
            var nonce = new byte[12];
            var tag = new byte[16];
            var aad = new byte[9];
            long index = 0;
            var length = await plain.ReadAtLeastAsync(buffer, ChunkSize, throwOnEndOfStream: false, ct);
            while (true)
            {
                var nextLength = length == ChunkSize ? await plain.ReadAtLeastAsync(next, ChunkSize, throwOnEndOfStream: false, ct) : 0;
                var last = nextLength == 0;
                RandomNumberGenerator.Fill(nonce);
                BinaryPrimitives.WriteInt64BigEndian(aad, index);
                aad[8] = last ? (byte)1 : (byte)0;
                aes.Encrypt(nonce, buffer.AsSpan(0, length), cipher.AsSpan(0, length), tag, aad);
                await WriteInt32Async(cipherFile, length, ct);
                await cipherFile.WriteAsync(nonce, ct);
                await cipherFile.WriteAsync(tag, ct);
                await cipherFile.WriteAsync(cipher.AsMemory(0, length), ct);
                if (last)
                {
                    break;
                }

                (buffer, next) = (next, buffer);
                length = nextLength;
                index++;
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }

        cipherFile.Position = 0;
        return await storage.PutAsync(cipherFile, ct);
    }

    /// <summary>Decrypts a stored file into <paramref name="destination"/>; false when there is no such file.</summary>
    /// <exception cref="CryptographicException">The stored file was altered, truncated or its key is not in the key ring.</exception>
    public async Task<bool> RestoreAsync(string key, Stream destination, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(destination);
        await using var source = await storage.OpenReadAsync(key, ct);
        if (source is null)
        {
            return false;
        }

        var magic = new byte[Magic.Length];
        await source.ReadExactlyAsync(magic, ct);
        if (!magic.AsSpan().SequenceEqual(Magic))
        {
            throw new CryptographicException("El archivo guardado no tiene el formato cifrado esperado.");
        }

        var protectedKey = new byte[await ReadInt32Async(source, ct)];
        await source.ReadExactlyAsync(protectedKey, ct);
        var fileKey = _protector.Unprotect(protectedKey);
        try
        {
            using var aes = new AesGcm(fileKey, 16);
            var nonce = new byte[12];
            var tag = new byte[16];
            var aad = new byte[9];
            var cipher = new byte[ChunkSize];
            var plain = new byte[ChunkSize];
            long index = 0;
            while (true)
            {
                var length = await ReadInt32Async(source, ct);
                if (length is < 0 or > ChunkSize)
                {
                    throw new CryptographicException("El archivo guardado está dañado.");
                }

                await source.ReadExactlyAsync(nonce, ct);
                await source.ReadExactlyAsync(tag, ct);
                await source.ReadExactlyAsync(cipher.AsMemory(0, length), ct);
                var last = source.Position == source.Length;
                BinaryPrimitives.WriteInt64BigEndian(aad, index);
                aad[8] = last ? (byte)1 : (byte)0;
                aes.Decrypt(nonce, cipher.AsSpan(0, length), tag, plain.AsSpan(0, length), aad);
                await destination.WriteAsync(plain.AsMemory(0, length), ct);
                if (last)
                {
                    return true;
                }

                index++;
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(fileKey);
        }
    }

    /// <summary>Decrypts a stored file into a <see cref="PrivateTempFile"/> positioned at its start (the caller disposes it); null when there is no such file.</summary>
    public async Task<Stream?> OpenAsync(string key, CancellationToken ct)
    {
        var temp = PrivateTempFile.Create("contactops-vault-out-");
        try
        {
            if (!await RestoreAsync(key, temp, ct))
            {
                await temp.DisposeAsync();
                return null;
            }
        }
        catch
        {
            await temp.DisposeAsync();
            throw;
        }

        temp.Position = 0;
        return temp;
    }

    public Task<bool> DeleteAsync(string key, CancellationToken ct) => storage.DeleteAsync(key, ct);

    private static async Task WriteInt32Async(Stream stream, int value, CancellationToken ct)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(bytes, value);
        await stream.WriteAsync(bytes, ct);
    }

    private static async Task<int> ReadInt32Async(Stream stream, CancellationToken ct)
    {
        var bytes = new byte[4];
        await stream.ReadExactlyAsync(bytes, ct);
        return BinaryPrimitives.ReadInt32BigEndian(bytes);
    }
}

/// <summary>The Data Protection purposes of the files kept by <see cref="FileVault"/>, one per kind of file.</summary>
public static class VaultPurposes
{
    public const string LeadFiles = "ContactOps.Outbound.LeadFiles.v1";
    public const string ImportRejects = "ContactOps.Imports.Rejects.v1";
    public const string ManagementReports = "ContactOps.Outbound.ManagementReports.v1";
}

/// <summary>Makes the <see cref="FileVault"/> of a purpose.</summary>
public sealed class FileVaults(IFileStorage storage, IDataProtectionProvider protection)
{
    public FileVault For(string purpose) => new(storage, protection, purpose);
}
