using System.Buffers;
using System.Text;

namespace ContactOps.Platform.Files;

/// <summary>
/// Small CSV writer for exports and reports: a chosen delimiter, RFC 4180 quoting (a value with the delimiter, a
/// quote or a line break is quoted, quotes doubled), <c>\r\n</c> line ends, UTF-8 with BOM by default so Excel
/// shows accents right. Values are strings: format numbers and dates culture-invariantly before writing.
/// </summary>
public sealed class CsvExport : IDisposable
{
    private readonly StreamWriter writer;
    private readonly bool protectFormulas;
    private readonly SearchValues<char> special;
    private bool rowStarted;

    private CsvExport(StreamWriter writer, char delimiter, bool protectFormulas)
    {
        this.writer = writer;
        Delimiter = delimiter;
        this.protectFormulas = protectFormulas;
        special = SearchValues.Create([delimiter, '"', '\r', '\n']);
    }

    public char Delimiter { get; }

    /// <param name="stream">Where to write.</param>
    /// <param name="delimiter">Field delimiter (<c>;</c> for files people open in Excel in es-CO, <c>,</c> or tab for systems).</param>
    /// <param name="utf8Bom">Start with a UTF-8 BOM (Excel needs it to read UTF-8).</param>
    /// <param name="protectFormulas">
    /// Prefix <c>'</c> to values starting with <c>=</c> <c>+</c> <c>-</c> <c>@</c> so a spreadsheet does not run them as
    /// formulas (CSV injection); for files people open, not for data other systems import.
    /// </param>
    /// <param name="leaveOpen">Leave <paramref name="stream"/> open on dispose.</param>
    public static CsvExport Create(Stream stream, char delimiter = ';', bool utf8Bom = true, bool protectFormulas = false, bool leaveOpen = true)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (delimiter is '"' or '\r' or '\n')
        {
            throw new ArgumentOutOfRangeException(nameof(delimiter), delimiter, "The delimiter cannot be a quote or a line break.");
        }

        var writer = new StreamWriter(stream, new UTF8Encoding(utf8Bom), 64 * 1024, leaveOpen);
        return new CsvExport(writer, delimiter, protectFormulas);
    }

    public void WriteHeader(params ReadOnlySpan<string> headers)
    {
        foreach (var header in headers)
        {
            WriteField(header);
        }

        EndRow();
    }

    public void WriteRow(params ReadOnlySpan<string?> values)
    {
        foreach (var value in values)
        {
            WriteField(value);
        }

        EndRow();
    }

    public void WriteRow(IEnumerable<string?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        foreach (var value in values)
        {
            WriteField(value);
        }

        EndRow();
    }

    /// <summary>Writes one field of the current row (null is written as empty).</summary>
    public void WriteField(ReadOnlySpan<char> value)
    {
        if (rowStarted)
        {
            writer.Write(Delimiter);
        }

        rowStarted = true;
        var guard = protectFormulas && !value.IsEmpty && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r';
        if (value.IndexOfAny(special) < 0)
        {
            if (guard)
            {
                writer.Write('\'');
            }

            writer.Write(value);
            return;
        }

        writer.Write('"');
        if (guard)
        {
            writer.Write('\'');
        }

        while (true)
        {
            var quote = value.IndexOf('"');
            if (quote < 0)
            {
                writer.Write(value);
                break;
            }

            writer.Write(value[..(quote + 1)]);
            writer.Write('"');
            value = value[(quote + 1)..];
        }

        writer.Write('"');
    }

    /// <summary>Ends the current row.</summary>
    public void EndRow()
    {
        writer.Write("\r\n");
        rowStarted = false;
    }

    public void Flush() => writer.Flush();

    public void Dispose() => writer.Dispose();
}
