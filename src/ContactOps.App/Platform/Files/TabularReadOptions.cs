using System.Text;

namespace ContactOps.Platform.Files;

/// <summary>Options for <see cref="TabularFile.Open"/>. Every option has a sensible default; most imports pass none.</summary>
public sealed record TabularReadOptions
{
    public static TabularReadOptions Default { get; } = new();

    /// <summary>CSV: force this delimiter instead of detecting it from the header line (<c>,</c> <c>;</c> tab <c>|</c>…).</summary>
    public char? Delimiter { get; init; }

    /// <summary>CSV: force this encoding instead of detecting it (BOM, else strict UTF-8, else Windows-1252).</summary>
    public Encoding? Encoding { get; init; }

    /// <summary>XLSX: the sheet to read (case-insensitive); <see langword="null"/> → the first visible sheet.</summary>
    public string? SheetName { get; init; }

    /// <summary>Trim white space around field values (headers are always trimmed). Default <see langword="true"/>.</summary>
    public bool TrimFields { get; init; } = true;

    /// <summary>
    /// CSV: the longest record accepted, in characters. A longer one (usually an unclosed quote swallowing the
    /// following lines) becomes a <see cref="ITabularReader.RowError"/> and reading resumes on the next line.
    /// Bounds the reader's memory. Default 1,048,576.
    /// </summary>
    public int MaxRecordLength { get; init; } = 1 << 20;

    /// <summary>
    /// How many data records are read ahead to check the file's shape before anything is imported (no data record, or
    /// records that do not split into the header's columns, refuse the whole file). Default 1,000.
    /// </summary>
    public int ShapeSampleRecords { get; init; } = 1000;
}
