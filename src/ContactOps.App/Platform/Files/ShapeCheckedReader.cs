using System.Globalization;
using ContactOps.Platform.Results;

namespace ContactOps.Platform.Files;

/// <summary>
/// Wraps the reader of every import (<see cref="TabularFile.OpenForImport"/>): it reads the first data records ahead (up to
/// <see cref="TabularReadOptions.ShapeSampleRecords"/>) and refuses the whole file before anything is imported when
/// there is no data record at all (<c>file.no_rows</c>) or when a record does not split into the header's columns
/// (<c>file.columns_mismatch</c>: one single field under a header of several columns, the mark of a file whose rows use
/// another delimiter than its header). After the sample the records are replayed unchanged; a later record of that
/// shape is a <see cref="ITabularReader.RowError"/> (<see cref="TabularRowErrors.ColumnsMismatch"/>).
/// </summary>
/// <remarks>
/// A record with fewer fields than the header but more than one (a trailing empty column left out) and a quoted
/// delimiter inside a field are legitimate and pass.
/// </remarks>
internal sealed class ShapeCheckedReader : ITabularReader
{
    private readonly ITabularReader inner;
    private readonly Queue<Sample> ahead = new();
    private Sample? current;
    private bool started;
    private long headerLine;
    private double openProgress;
    private string? rowError;
    private string? rowErrorCode;

    private ShapeCheckedReader(ITabularReader inner) => this.inner = inner;

    public IReadOnlyList<string> Headers => inner.Headers;

    public string Format => inner.Format;

    public char? Delimiter => inner.Delimiter;

    public string? EncodingName => inner.EncodingName;

    public string? SheetName => inner.SheetName;

    public IReadOnlyList<string> SheetNames => inner.SheetNames;

    public long LineNumber => !started ? headerLine : current?.Line ?? inner.LineNumber;

    public int FieldCount => current is { } s ? s.Fields.Length : inner.FieldCount;

    public string? RowError => current is { } s ? s.RowError : rowError;

    public string? RowErrorCode => current is { } s ? s.RowErrorCode : rowErrorCode;

    public double Progress => !started ? openProgress : current is { } s ? s.Progress : inner.Progress;

    internal static Result<ITabularReader> Open(ITabularReader inner, int sampleRecords)
    {
        var reader = new ShapeCheckedReader(inner) { headerLine = inner.LineNumber, openProgress = inner.Progress };
        var headerLine = inner.LineNumber;
        var ended = false;
        try
        {
            while (reader.ahead.Count < sampleRecords)
            {
                if (!inner.Read())
                {
                    ended = true;
                    break;
                }

                var fields = new string[inner.FieldCount];
                for (var i = 0; i < fields.Length; i++)
                {
                    fields[i] = inner.GetField(i);
                }

                var (error, code) = inner.RowError is null && Misfit(inner.Headers.Count, fields.Length)
                    ? (MisfitMessage(fields.Length, inner.Headers.Count), TabularRowErrors.ColumnsMismatch)
                    : (inner.RowError, inner.RowErrorCode);
                if (code == TabularRowErrors.ColumnsMismatch)
                {
                    var shown = inner.Delimiter is { } d ? Shown(d) : "-";
                    var refused = Error.Validation(TabularFileErrors.ColumnsMismatch, inner.LineNumber, fields.Length, inner.Headers.Count, shown);
                    inner.Dispose();
                    return refused;
                }

                reader.ahead.Enqueue(new Sample(fields, inner.LineNumber, error, code, inner.Progress));
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or FormatException or InvalidOperationException)
        {
            // the import reads on and reports the unreadable part where it meets it
        }

        if (reader.ahead.Count == 0 && ended)
        {
            inner.Dispose();
            return Error.Validation(TabularFileErrors.NoRows, headerLine);
        }

        return reader;
    }

    public bool Read()
    {
        started = true;
        if (ahead.TryDequeue(out var next))
        {
            current = next;
            return true;
        }

        current = null;
        if (!inner.Read())
        {
            rowError = null;
            rowErrorCode = null;
            return false;
        }

        (rowError, rowErrorCode) = inner.RowError is null && Misfit(inner.Headers.Count, inner.FieldCount)
            ? (MisfitMessage(inner.FieldCount, inner.Headers.Count), TabularRowErrors.ColumnsMismatch)
            : (inner.RowError, inner.RowErrorCode);
        return true;
    }

    public string GetField(int index)
    {
        if (current is { } s)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            return index < s.Fields.Length ? s.Fields[index] : string.Empty;
        }

        return inner.GetField(index);
    }

    public ReadOnlySpan<char> GetSpan(int index)
    {
        if (current is { } s)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            return index < s.Fields.Length ? s.Fields[index].AsSpan() : [];
        }

        return inner.GetSpan(index);
    }

    public void Dispose() => inner.Dispose();

    /// <summary>A good record that does not split into the header's columns: one field where the header has several.</summary>
    private static bool Misfit(int headers, int fields) => headers >= 2 && fields == 1;

    private static string MisfitMessage(int fields, int headers) =>
        string.Format(CultureInfo.InvariantCulture, "La fila tiene {0} campo(s), pero el encabezado tiene {1} columnas (revise el separador).", fields, headers);

    private static string Shown(char delimiter) => delimiter switch
    {
        '\t' => "tabulador",
        _ => delimiter.ToString(),
    };

    private sealed record Sample(string[] Fields, long Line, string? RowError, string? RowErrorCode, double Progress);
}
