namespace ContactOps.Platform.Files;

/// <summary>
/// Forward-only reader over the records of a CSV/TXT/TSV file or an XLSX sheet, opened with
/// <see cref="TabularFile.Open"/>. Blank records are skipped; the first non-blank record is the header.
/// </summary>
/// <remarks>
/// Fields are addressed by column index (the index of the header in <see cref="Headers"/>); use
/// <see cref="ColumnRecognizer"/> to turn headers into a <see cref="ColumnMap"/>. A malformed record does not
/// stop the reading: <see cref="RowError"/> says why, <see cref="LineNumber"/> says where, and the next
/// <see cref="Read"/> continues with the following record. The reader does not own the stream it was opened on.
/// </remarks>
public interface ITabularReader : IDisposable
{
    /// <summary>Header texts (trimmed; trailing empty headers removed), in column order.</summary>
    IReadOnlyList<string> Headers { get; }

    /// <summary><c>"csv"</c> or <c>"xlsx"</c>.</summary>
    string Format { get; }

    /// <summary>Field delimiter of a CSV file; <see langword="null"/> for XLSX.</summary>
    char? Delimiter { get; }

    /// <summary>Web name of the text encoding of a CSV file (<c>utf-8</c>, <c>windows-1252</c>, <c>utf-16</c>…); <see langword="null"/> for XLSX.</summary>
    string? EncodingName { get; }

    /// <summary>The sheet being read (XLSX); <see langword="null"/> for CSV.</summary>
    string? SheetName { get; }

    /// <summary>Every sheet of the workbook, in workbook order (XLSX); empty for CSV.</summary>
    IReadOnlyList<string> SheetNames { get; }

    /// <summary>
    /// 1-based physical line where the current record starts (CSV: counting every line break, including blank
    /// lines and line breaks inside quoted fields; XLSX: the sheet row number). Before the first
    /// <see cref="Read"/> it is the header's line.
    /// </summary>
    long LineNumber { get; }

    /// <summary>Number of fields in the current record (it may differ from <c>Headers.Count</c>); 0 when the record could not be parsed.</summary>
    int FieldCount { get; }

    /// <summary>
    /// Spanish message when the current record is malformed (more fields than headers, broken quotes, record
    /// too large); <see langword="null"/> for a good record. The import rejects that row and keeps reading.
    /// </summary>
    string? RowError { get; }

    /// <summary>Stable code for <see cref="RowError"/> (see <see cref="TabularRowErrors"/>); <see langword="null"/> for a good record.</summary>
    string? RowErrorCode { get; }

    /// <summary>0..1, how far into the file the reader is (from the stream position when the stream is seekable; 1 once finished).</summary>
    double Progress { get; }

    /// <summary>
    /// Advances to the next non-blank record (good or malformed). Returns <see langword="false"/> at the end.
    /// Throws only when the file cannot be read at all from there on (I/O failure, a workbook damaged past its start).
    /// </summary>
    bool Read();

    /// <summary>The field at <paramref name="index"/> as a string; empty when the record has fewer fields.</summary>
    string GetField(int index);

    /// <summary>
    /// The field at <paramref name="index"/> without allocating (CSV); valid only until the next <see cref="Read"/>.
    /// Empty when the record has fewer fields.
    /// </summary>
    ReadOnlySpan<char> GetSpan(int index);
}
