using System.Globalization;
using System.Text;
using ContactOps.Platform.Results;
using Sylvan.Data.Csv;

namespace ContactOps.Platform.Files;

/// <summary>
/// Streaming CSV reader on Sylvan.Data.Csv (RFC 4180: quoted fields with delimiters, doubled quotes and line
/// breaks). Sylvan's <see cref="CsvDataReader"/> stops for good at the first malformed record, so this reader
/// tracks the char offset and physical line of every record; on a malformed one it reports
/// <see cref="RowError"/>, goes back to where that record started (see <see cref="CsvCharSource"/>), skips
/// that single line and opens a fresh Sylvan reader there.
/// </summary>
internal sealed class CsvTabularReader : ITabularReader
{
    private const int SylvanBufferSize = 64 * 1024;
    private static readonly char[] Candidates = ['\t', ';', ',', '|'];

    private readonly Stream stream;
    private readonly long streamStart;
    private readonly long streamLength;
    private readonly CsvCharSource source;
    private readonly CsvDataReaderOptions csvOptions;
    private readonly char[] sylvanBuffer = new char[SylvanBufferSize];
    private readonly int maxRecordLength;
    private readonly bool trim;
    private CsvDataReader? csv;
    private string[] headers = [];
    private long nextOffset;
    private long nextLine = 1;
    private bool hasFields;
    private bool finished;
    private bool disposed;

    private CsvTabularReader(Stream stream, long streamStart, CsvCharSource source, Encoding encoding, char delimiter, TabularReadOptions options)
    {
        this.stream = stream;
        this.streamStart = streamStart;
        streamLength = stream.CanSeek ? stream.Length : -1;
        this.source = source;
        EncodingName = encoding.WebName;
        Delimiter = delimiter;
        maxRecordLength = options.MaxRecordLength;
        trim = options.TrimFields;
        csvOptions = new CsvDataReaderOptions
        {
            HasHeaders = false,
            Delimiter = delimiter,
            Quote = '"',
            Escape = '"',
            Comment = '\0', // a line starting with '#' is data, not a comment
            CsvStyle = CsvStyle.Standard,
            ResultSetMode = ResultSetMode.SingleResult,
            BufferSize = SylvanBufferSize,
            MaxBufferSize = Math.Max(SylvanBufferSize, options.MaxRecordLength),
            OwnsReader = false,
            Culture = CultureInfo.InvariantCulture,
        };
    }

    public IReadOnlyList<string> Headers => headers;

    public string Format => "csv";

    public char? Delimiter { get; }

    public string? EncodingName { get; }

    public string? SheetName => null;

    public IReadOnlyList<string> SheetNames => [];

    public long LineNumber { get; private set; } = 1;

    public int FieldCount => hasFields && csv is not null ? csv.RowFieldCount : 0;

    public string? RowError { get; private set; }

    public string? RowErrorCode { get; private set; }

    public double Progress
    {
        get
        {
            if (finished)
            {
                return 1;
            }

            if (streamLength <= streamStart || disposed)
            {
                return 0;
            }

            return Math.Clamp((double)(stream.Position - streamStart) / (streamLength - streamStart), 0, 1);
        }
    }

    internal static Result<ITabularReader> Open(Stream stream, long start, byte[] prefix, int prefixLength, bool tabByDefault, TabularReadOptions options)
    {
        var head = prefix.AsSpan(0, prefixLength);
        var isWholeFile = prefixLength < prefix.Length;
        Encoding encoding;
        int bom;
        if (options.Encoding is { } forced)
        {
            encoding = forced;
            bom = TextEncodingDetector.PreambleLength(forced, head);
        }
        else
        {
            (encoding, bom) = TextEncodingDetector.Detect(head, isWholeFile);
        }

        if (!IsUtf16(encoding) && head.Contains((byte)0))
        {
            return Error.Validation(TabularFileErrors.NotText);
        }

        var source = new CsvCharSource(stream, encoding, prefix, prefixLength, bom);
        var headerLine = source.PeekFirstNonBlankLine(options.MaxRecordLength);
        if (headerLine is null)
        {
            source.Dispose();
            return TabularFile.Empty();
        }

        var delimiter = options.Delimiter ?? DetectDelimiter(headerLine, tabByDefault ? '\t' : ',');
        var reader = new CsvTabularReader(stream, start, source, encoding, delimiter, options);
        if (!reader.NextRecord())
        {
            reader.Dispose();
            return TabularFile.Empty();
        }

        if (reader.RowError is not null)
        {
            var error = Error.Validation(TabularFileErrors.MalformedHeader, reader.LineNumber, reader.RowError);
            reader.Dispose();
            return error;
        }

        reader.TakeHeaders();
        return reader;
    }

    /// <summary>The candidate (tab, <c>;</c>, <c>,</c>, <c>|</c>) that appears most often outside quotes; ties go in that order.</summary>
    internal static char DetectDelimiter(string headerLine, char fallback)
    {
        Span<int> counts = stackalloc int[Candidates.Length];
        var inQuotes = false;
        foreach (var c in headerLine)
        {
            if (c == '"')
            {
                inQuotes = !inQuotes;
            }
            else if (!inQuotes)
            {
                var i = Array.IndexOf(Candidates, c);
                if (i >= 0)
                {
                    counts[i]++;
                }
            }
        }

        var best = -1;
        for (var i = 0; i < counts.Length; i++)
        {
            if (counts[i] > 0 && (best < 0 || counts[i] > counts[best]))
            {
                best = i;
            }
        }

        return best < 0 ? fallback : Candidates[best];
    }

    public bool Read()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (finished)
        {
            return false;
        }

        if (!NextRecord())
        {
            finished = true;
            hasFields = false;
            RowError = null;
            RowErrorCode = null;
            return false;
        }

        return true;
    }

    public string GetField(int index)
    {
        var span = GetSpan(index);
        return span.IsEmpty ? string.Empty : span.ToString();
    }

    public ReadOnlySpan<char> GetSpan(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        if (!hasFields || csv is null || index >= csv.RowFieldCount)
        {
            return [];
        }

        var span = csv.GetFieldSpan(index);
        return trim ? span.Trim() : span;
    }

    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        csv?.Dispose();
        csv = null;
        source.Dispose();
    }

    private static bool IsUtf16(Encoding encoding) => encoding.CodePage is 1200 or 1201;

    /// <summary>Counts line breaks (<c>\r\n</c>, <c>\n</c> or a lone <c>\r</c>).</summary>
    internal static int CountLineBreaks(ReadOnlySpan<char> text)
    {
        var count = 0;
        while (true)
        {
            var i = text.IndexOfAny('\r', '\n');
            if (i < 0)
            {
                return count;
            }

            count++;
            if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                i++;
            }

            text = text[(i + 1)..];
        }
    }

    /// <summary>Moves to the next non-blank record (good or malformed); false at the end of the file.</summary>
    private bool NextRecord()
    {
        while (true)
        {
            var recordStart = nextOffset;
            var recordLine = nextLine;
            RowError = null;
            RowErrorCode = null;
            try
            {
                csv ??= CsvDataReader.Create(source, sylvanBuffer, csvOptions);
                if (!csv.Read())
                {
                    return false;
                }
            }
            catch (CsvFormatException ex)
            {
                Malformed(recordLine, ex);
                Resume(recordStart, recordLine);
                return true;
            }

            var raw = csv.GetRawRecordSpan();
            nextOffset += raw.Length;
            nextLine += CountLineBreaks(raw);
            source.Mark(nextOffset);
            if (IsBlank(csv))
            {
                continue;
            }

            hasFields = true;
            LineNumber = recordLine;
            CheckExtraFields(csv);
            return true;
        }
    }

    private void TakeHeaders()
    {
        var count = FieldCount;
        while (count > 0 && GetSpan(count - 1).Trim().IsEmpty)
        {
            count--;
        }

        headers = new string[count];
        for (var i = 0; i < count; i++)
        {
            var header = csv!.GetFieldSpan(i).Trim();
            headers[i] = header.TrimStart('\uFEFF').Trim().ToString();
        }
    }

    private static bool IsBlank(CsvDataReader reader)
    {
        for (var i = 0; i < reader.RowFieldCount; i++)
        {
            if (!reader.GetFieldSpan(i).IsWhiteSpace())
            {
                return false;
            }
        }

        return true;
    }

    private void CheckExtraFields(CsvDataReader reader)
    {
        if (headers.Length == 0 || reader.RowFieldCount <= headers.Length)
        {
            return;
        }

        var last = reader.RowFieldCount - 1;
        while (last >= headers.Length && reader.GetFieldSpan(last).IsWhiteSpace())
        {
            last--;
        }

        if (last >= headers.Length)
        {
            RowErrorCode = TabularRowErrors.TooManyFields;
            RowError = string.Format(
                CultureInfo.InvariantCulture,
                "La fila tiene {0} campos, pero el encabezado tiene {1} columnas (revise separadores o comillas).",
                last + 1,
                headers.Length);
        }
    }

    private void Malformed(long line, CsvFormatException ex)
    {
        hasFields = false;
        LineNumber = line;
        if (ex is CsvRecordTooLargeException)
        {
            RowErrorCode = TabularRowErrors.TooLarge;
            RowError = string.Format(
                CultureInfo.InvariantCulture,
                "El registro supera {0} caracteres; probablemente tiene comillas sin cerrar.",
                maxRecordLength);
        }
        else
        {
            RowErrorCode = TabularRowErrors.MalformedQuotes;
            RowError = "El registro tiene comillas sin cerrar o mal ubicadas.";
        }
    }

    /// <summary>Drops the broken Sylvan reader, skips the first line of the malformed record and resumes after it.</summary>
    private void Resume(long recordStart, long recordLine)
    {
        csv?.Dispose();
        csv = null;
        source.Rewind(recordStart);
        nextOffset = recordStart + source.SkipLine();
        nextLine = recordLine + 1;
        source.Mark(nextOffset);
    }
}
