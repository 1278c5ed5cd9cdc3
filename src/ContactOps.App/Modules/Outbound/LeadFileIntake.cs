using System.Buffers;
using ContactOps.Platform.Files;
using ContactOps.Platform.Results;
using ContactOps.Platform.Storage;
using ICSharpCode.SharpZipLib.Zip;

namespace ContactOps.Modules.Outbound;

/// <summary>
/// Turns a received lead file into a table to read: CSV/TXT/XLSX as they are; a ZIP (the carriers send AES-encrypted
/// ones with a password) is opened with the password and its one table extracted to a private temporary file (owner-only,
/// deleted when the intake is disposed). The extraction streams under <see cref="ZipLimits"/>: it stops as soon as the
/// expanded bytes cross the cap or the entry's expansion ratio is crossed (a ZIP bomb), and the partial file is deleted.
/// </summary>
public sealed class LeadFileIntake : IAsyncDisposable
{
    private static readonly string[] TableExtensions = [".csv", ".txt", ".tsv", ".xlsx"];
    private readonly FileStream? _extracted;

    private LeadFileIntake(Stream table, string tableName, FileStream? extracted)
    {
        Table = table;
        TableName = tableName;
        _extracted = extracted;
    }

    /// <summary>The table to read (seekable), positioned at its start.</summary>
    public Stream Table { get; }

    /// <summary>The table's file name (inside the ZIP when it came in one); its extension decides CSV or XLSX.</summary>
    public string TableName { get; }

    /// <summary>Opens the received file; <paramref name="received"/> must be seekable and positioned at its start.</summary>
    public static async Task<Result<LeadFileIntake>> OpenAsync(Stream received, string fileName, string? password, ZipLimits limits, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(received);
        ArgumentNullException.ThrowIfNull(limits);
        if (!string.Equals(Path.GetExtension(fileName), ".zip", StringComparison.OrdinalIgnoreCase))
        {
            return new LeadFileIntake(received, fileName, null);
        }

        var start = received.Position;
        FileStream? extracted = null;
        try
        {
            using var zip = new ZipFile(received, leaveOpen: true);
            if (!string.IsNullOrEmpty(password))
            {
                zip.Password = password;
            }

            var entries = zip.Cast<ZipEntry>()
                .Where(e => e.IsFile && Array.IndexOf(TableExtensions, Path.GetExtension(e.Name).ToLowerInvariant()) >= 0)
                .ToList();
            if (entries.Count != 1)
            {
                return entries.Count == 0
                    ? Error.Invalid("file", "leads.zip_content")
                    : Error.Invalid("file", "leads.zip_content#several", entries.Count);
            }

            var entry = entries[0];
            if (entry.IsCrypted && string.IsNullOrEmpty(password))
            {
                return Error.Invalid("password", "leads.zip_password_required");
            }

            var cap = limits.MaxExpandedBytes;
            var ratioCap = limits.RatioCap(entry.CompressedSize);
            if (entry.Size > cap)
            {
                return TooLarge(limits);
            }

            if (entry.Size > ratioCap)
            {
                return TooCompressed(limits);
            }

            extracted = PrivateTempFile.Create("contactops-leadzip-");
            await using (var input = zip.GetInputStream(entry))
            {
                var buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
                try
                {
                    long total = 0;
                    int read;
                    while ((read = await input.ReadAsync(buffer.AsMemory(0, 1 << 16), ct)) > 0)
                    {
                        total += read;
                        if (total > cap)
                        {
                            return TooLarge(limits);
                        }

                        if (total > ratioCap)
                        {
                            return TooCompressed(limits);
                        }

                        await extracted.WriteAsync(buffer.AsMemory(0, read), ct);
                    }
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                }
            }

            extracted.Position = 0;
            var intake = new LeadFileIntake(extracted, Path.GetFileName(entry.Name), extracted);
            extracted = null;
            return intake;
        }
        catch (ZipException ex) when (ex.Message.Contains("password", StringComparison.OrdinalIgnoreCase) || ex.Message.Contains("AES", StringComparison.OrdinalIgnoreCase))
        {
            return WrongPassword();
        }
        catch (ZipException)
        {
            return Error.Invalid("file", "leads.zip_corrupt");
        }
        catch (InvalidDataException)
        {
            return WrongPassword();
        }
        finally
        {
            if (extracted is not null)
            {
                await extracted.DisposeAsync();
            }

            received.Position = start;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_extracted is not null)
        {
            await _extracted.DisposeAsync();
        }
    }

    private static Error TooLarge(ZipLimits limits) =>
        Error.Invalid("file", "leads.zip_too_large", limits.MaxExpandedBytes / (1024 * 1024));

    private static Error TooCompressed(ZipLimits limits) =>
        Error.Invalid("file", "leads.zip_ratio", limits.MaxExpansionRatio);

    private static Error WrongPassword() =>
        Error.Invalid("password", "leads.zip_password_wrong");
}
