using System.Globalization;
using ContactOps.Platform.Results;
using MiniExcelLibs;

namespace ContactOps.Platform.Files;

/// <summary>The two formats a table on screen downloads as.</summary>
public enum TableFormat
{
    Csv,
    Xlsx,
}

/// <summary>A written table: its bytes, the file name, and whether rows past <see cref="TableExport.MaxRows"/> were left out.</summary>
public sealed record TableFile(byte[] Content, string FileName, TableFormat Format, int Rows, bool Capped)
{
    public string ContentType => Format == TableFormat.Xlsx ? TableExport.XlsxType : TableExport.CsvType;
}

/// <summary>
/// The one writer of the queues' exports (escalations, back office, adjustments, the outbound floor): headers (already in
/// the user's language) and rows of cells, as CSV (<c>;</c>, UTF-8 with BOM, formulas guarded) or XLSX (MiniExcel, one
/// sheet). Cells: strings as they are, <see cref="DateTime"/> as local date and time (<c>yyyy-MM-dd HH:mm</c> in CSV, a
/// date cell in XLSX), <see cref="DateOnly"/> as <c>yyyy-MM-dd</c>, numbers culture-invariant in CSV and numeric in XLSX, null empty.
/// </summary>
public static class TableExport
{
    /// <summary>Most rows one export writes; past it the file stops and says so (<see cref="TableFile.Capped"/>, header <see cref="CappedHeader"/>).</summary>
    public const int MaxRows = 100_000;

    /// <summary>Response header set to the cap when an export left rows out.</summary>
    public const string CappedHeader = "X-Export-Capped";

    public const string CsvType = "text/csv; charset=utf-8";

    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>csv (also when absent) or xlsx; anything else is 400 <c>export.format</c>.</summary>
    public static Result<TableFormat> ParseFormat(string? format) => format?.Trim().ToLowerInvariant() switch
    {
        null or "" or "csv" => TableFormat.Csv,
        "xlsx" => TableFormat.Xlsx,
        _ => Error.Invalid("format", "export.format", format),
    };

    /// <summary><c>&lt;stem&gt;-&lt;operation&gt;-&lt;yyyyMMdd-HHmm&gt;.csv|xlsx</c>, the time local to the operation's client.</summary>
    public static string FileName(string stem, string? operation, DateTime localNow, TableFormat format)
    {
        var op = string.IsNullOrWhiteSpace(operation) ? "todas" : new string(operation.Trim().Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_').ToArray());
        return string.Create(CultureInfo.InvariantCulture, $"{stem}-{op}-{localNow:yyyyMMdd-HHmm}.{(format == TableFormat.Xlsx ? "xlsx" : "csv")}");
    }

    /// <summary>Writes <paramref name="headers"/> and <paramref name="rows"/> (each as long as the headers) in <paramref name="format"/>.</summary>
    public static TableFile Write(TableFormat format, string fileName, string sheetName, IReadOnlyList<string> headers, IReadOnlyList<object?[]> rows, bool capped)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(rows);
        using var buffer = new MemoryStream();
        if (format == TableFormat.Csv)
        {
            using var csv = CsvExport.Create(buffer, ';', utf8Bom: true, protectFormulas: true);
            csv.WriteHeader(headers.ToArray());
            foreach (var row in rows)
            {
                csv.WriteRow(row.Select(Text));
            }
        }
        else
        {
            var sheet = rows.Select(row =>
            {
                var cells = new Dictionary<string, object?>(StringComparer.Ordinal);
                for (var i = 0; i < headers.Count; i++)
                {
                    cells[headers[i]] = i < row.Length ? (row[i] is DateOnly day ? Text(day) : row[i]) : null;
                }

                return cells;
            }).ToList();
            if (sheet.Count == 0)
            {
                // MiniExcel writes no header row for an empty sequence of dictionaries: write the headers alone.
                var only = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var header in headers)
                {
                    only[header] = header;
                }

                buffer.SaveAs(new[] { only }, printHeader: false, sheetName: sheetName);
            }
            else
            {
                buffer.SaveAs(sheet, sheetName: sheetName);
            }
        }

        return new TableFile(buffer.ToArray(), fileName, format, rows.Count, capped);
    }

    /// <summary>A cell as CSV text.</summary>
    public static string? Text(object? cell) => cell switch
    {
        null => null,
        string s => s,
        DateTime d => d.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        decimal m => m.ToString("0.##", CultureInfo.InvariantCulture),
        double x => x.ToString("0.##", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => cell.ToString(),
    };

    /// <summary>An instant in <paramref name="zone"/>, as the local date and time the export writes.</summary>
    public static DateTime Local(DateTimeOffset instant, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(instant, zone).DateTime;
}
