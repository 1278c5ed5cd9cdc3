using System.Globalization;
using ContactOps.Platform.Results;

namespace ContactOps.Platform.Files;

/// <summary>
/// The one entry point for reading an uploaded table (customers, lead bases, adjustments, delivery reports):
/// CSV/TXT/TSV (streamed with Sylvan.Data.Csv) and XLSX (streamed with MiniExcel).
/// </summary>
/// <remarks>
/// The format comes from the extension and is confirmed by the content: a ZIP ("PK") is read as XLSX whatever
/// its extension says, an Excel 97-2003 file and binary content are rejected with a clear message.
/// </remarks>
public static class TabularFile
{
    /// <summary>Bytes read up front to sniff the format and detect the text encoding.</summary>
    internal const int PrefixSize = 64 * 1024;

    private static readonly string[] TextExtensions = [".csv", ".txt", ".tsv"];

    /// <summary>
    /// Opens <paramref name="stream"/> (positioned at the start of the file) as a table. The caller keeps
    /// ownership of the stream and must keep it open while reading. Unsupported, empty or corrupt files give a
    /// <c>Validation</c> error with a Spanish message.
    /// </summary>
    public static Result<ITabularReader> Open(Stream stream, string fileName, TabularReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(fileName);
        options ??= TabularReadOptions.Default;

        if (options.Delimiter is { } forced && (forced is '"' or '\r' or '\n' or '\0'))
        {
            return Error.Validation(TabularFileErrors.InvalidOption);
        }

        if (options.MaxRecordLength < 1024)
        {
            return Error.Validation(TabularFileErrors.InvalidOption + "#2");
        }

        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (extension == ".xls")
        {
            return LegacyExcel();
        }

        var isText = Array.IndexOf(TextExtensions, extension) >= 0;
        if (!isText && extension != ".xlsx")
        {
            var shown = extension.Length == 0 ? "sin extensión" : extension;
            return Error.Validation(TabularFileErrors.UnsupportedFormat, shown);
        }

        var start = stream.CanSeek ? stream.Position : 0;
        var prefix = new byte[PrefixSize];
        var prefixLength = stream.ReadAtLeast(prefix, prefix.Length, throwOnEndOfStream: false);
        if (prefixLength == 0)
        {
            return Empty();
        }

        var head = prefix.AsSpan(0, prefixLength);
        if (head.StartsWith("PK"u8))
        {
            return XlsxTabularReader.Open(stream, start, prefix, prefixLength, options);
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]))
        {
            return LegacyExcel();
        }

        if (!isText)
        {
            return Error.Validation(TabularFileErrors.Corrupt);
        }

        return CsvTabularReader.Open(stream, start, prefix, prefixLength, extension == ".tsv", options);
    }

    /// <summary>
    /// What every import opens a file with: <see cref="Open"/>, then the shape check (<see cref="ShapeCheckedReader"/>):
    /// a file with no data rows (<c>file.no_rows</c>) or whose rows do not split into the header's columns
    /// (<c>file.columns_mismatch</c>) is refused as a whole before anything is written.
    /// </summary>
    public static Result<ITabularReader> OpenForImport(Stream stream, string fileName, TabularReadOptions? options = null)
    {
        options ??= TabularReadOptions.Default;
        var opened = Open(stream, fileName, options);
        return opened.IsSuccess && options.ShapeSampleRecords > 0 ? ShapeCheckedReader.Open(opened.Value!, options.ShapeSampleRecords) : opened;
    }

    internal static Error Empty() =>
        Error.Validation(TabularFileErrors.Empty);

    private static Error LegacyExcel() =>
        Error.Validation(TabularFileErrors.LegacyExcel);
}
