using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using ContactOps.Platform.Data;
using ContactOps.Platform.Files;
using ContactOps.Platform.Storage;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Platform.Imports;

/// <summary>How far an import is: rows read so far and the fraction of the file read (0..1); <see cref="Stage"/> says what it is doing.</summary>
public readonly record struct ImportProgress(long RowsRead, double Fraction, ImportStage Stage);

public enum ImportStage
{
    Reading,
    Merging,
    Done,
}

/// <summary>The summary every import answers (CLI JSON, API, UI).</summary>
public sealed record ImportSummary(
    Guid BatchId,
    long Rows,
    long Created,
    long Updated,
    long Unchanged,
    long Duplicates,
    long Rejected,
    IReadOnlyList<RejectedRow> RejectedRows);

/// <summary>
/// Collects rejected rows while an import streams: every one goes to a CSV (linea;campo;motivo) in a private temporary
/// file (owner-only, deleted when disposed), only the first <see cref="KeepInMemory"/> stay in memory for the summary.
/// Memory does not grow with the file. A committed import keeps the CSV encrypted in the file storage through
/// <see cref="ImportRejects.KeepAsync"/>.
/// </summary>
public sealed class RejectionCollector : IDisposable
{
    public const int KeepInMemory = 100;

    private readonly List<RejectedRow> _first = [];
    private readonly FileStream _file;
    private readonly CsvExport _csv;
    private bool _completed;

    public RejectionCollector()
    {
        _file = PrivateTempFile.Create("contactops-rejects-");
        _csv = CsvExport.Create(_file, ';', protectFormulas: true);
        _csv.WriteHeader("linea", "campo", "motivo");
    }

    public long Count { get; private set; }

    public IReadOnlyList<RejectedRow> First => _first;

    public void Add(RejectedRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        Count++;
        if (_first.Count < KeepInMemory)
        {
            _first.Add(row);
        }

        _csv.WriteRow(row.Line.ToString(CultureInfo.InvariantCulture), row.Field, row.Reason);
    }

    /// <summary>Finishes the CSV and answers it, positioned at its start (no more rows may be added).</summary>
    internal Stream Complete()
    {
        if (!_completed)
        {
            _completed = true;
            _csv.Dispose();
        }

        _file.Flush();
        _file.Position = 0;
        return _file;
    }

    public void Dispose()
    {
        if (!_completed)
        {
            _completed = true;
            _csv.Dispose();
        }

        _file.Dispose();
    }
}

/// <summary>Helpers of file imports.</summary>
public static class ImportFiles
{
    /// <summary>SHA-256 (hex, lower case) of the rest of a seekable stream; the stream is rewound to where it was.</summary>
    public static async Task<string> Sha256Async(Stream stream, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var start = stream.Position;
        var hash = await SHA256.HashDataAsync(stream, ct);
        stream.Position = start;
        return Convert.ToHexStringLower(hash);
    }
}

/// <summary>Saved column mappings per operation and file kind.</summary>
public static class ColumnMappings
{
    /// <summary>The mapping named <paramref name="name"/> (or the only/first one when null) for the operation and kind; null when there is none.</summary>
    public static async Task<IReadOnlyDictionary<string, string>?> FindAsync(AppDbContext db, Guid operationId, string fileKind, string? name, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var query = db.ColumnMappings.AsNoTracking().Where(m => m.OperationId == operationId && m.FileKind == fileKind);
        if (name is not null)
        {
            query = query.Where(m => m.Name == name);
        }

        var json = await query.OrderBy(m => m.Name).Select(m => m.MappingJson).FirstOrDefaultAsync(ct);
        return json is null ? null : JsonSerializer.Deserialize<Dictionary<string, string>>(json);
    }
}

/// <summary>An <see cref="IProgress{T}"/> that runs the handler on the importing thread (no synchronisation context hop).</summary>
public sealed class InlineProgress<T>(Action<T> handler) : IProgress<T>
{
    public void Report(T value) => handler(value);
}
