using System.Globalization;
using System.IO.Compression;
using System.Xml;
using System.Xml.Linq;
using ContactOps.Platform.Results;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;

namespace ContactOps.Platform.Files;

/// <summary>
/// Streaming XLSX reader on MiniExcel (<c>MiniExcel.Query(stream, useHeaderRow: false, sheetName)</c>, one
/// dictionary "A"→value per row, gaps between rows filled with empty rows so the enumeration index is the
/// sheet row number). Cells become text through <see cref="CellText"/>.
/// </summary>
/// <remarks>
/// XLSX is a ZIP and needs a seekable stream starting at offset 0; any other stream is first copied to a temp
/// file (deleted on dispose).
/// </remarks>
internal sealed class XlsxTabularReader : ITabularReader
{
    private readonly Stream work;
    private readonly FileStream? temp;
    private readonly IEnumerator<object> rows;
    private readonly long? lastRow;
    private readonly bool trim;
    private string[] headers = [];
    private string[] fields = new string[16];
    private int fieldCount;
    private long rowNumber;
    private bool finished;
    private bool disposed;

    private XlsxTabularReader(
        Stream work, FileStream? temp, IEnumerator<object> rows, string sheetName, IReadOnlyList<string> sheetNames, long? lastRow, bool trim)
    {
        this.trim = trim;
        this.work = work;
        this.temp = temp;
        this.rows = rows;
        SheetName = sheetName;
        SheetNames = sheetNames;
        this.lastRow = lastRow;
    }

    public IReadOnlyList<string> Headers => headers;

    public string Format => "xlsx";

    public char? Delimiter => null;

    public string? EncodingName => null;

    public string? SheetName { get; }

    public IReadOnlyList<string> SheetNames { get; }

    public long LineNumber { get; private set; } = 1;

    public int FieldCount => fieldCount;

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

            if (disposed)
            {
                return 0;
            }

            return lastRow is { } rows
                ? Math.Clamp((double)rowNumber / rows, 0, 1)
                : Math.Clamp((double)work.Position / work.Length, 0, 1);
        }
    }

    internal static Result<ITabularReader> Open(Stream stream, long start, byte[] prefix, int prefixLength, TabularReadOptions options)
    {
        FileStream? temp = null;
        Stream work;
        if (stream.CanSeek && start == 0)
        {
            stream.Position = 0;
            work = stream;
        }
        else
        {
            temp = CreateTempFile();
            temp.Write(prefix, 0, prefixLength);
            stream.CopyTo(temp);
            temp.Position = 0;
            work = temp;
        }

        var result = OpenSheet(work, temp, options);
        if (!result.IsSuccess)
        {
            temp?.Dispose();
        }

        return result;
    }

    private static Result<ITabularReader> OpenSheet(Stream work, FileStream? temp, TabularReadOptions options)
    {
        var corrupt = Error.Validation(TabularFileErrors.Corrupt + "#2");
        var configuration = new OpenXmlConfiguration
        {
            FillMergedCells = false,
            IgnoreEmptyRows = false, // keeps the enumeration index equal to the sheet row number
            Culture = CultureInfo.InvariantCulture,
        };

        List<SheetInfo> sheets;
        try
        {
            sheets = MiniExcel.GetSheetInformations(work, configuration);
        }
        catch (Exception)
        {
            return corrupt;
        }

        if (sheets.Count == 0)
        {
            return corrupt;
        }

        var names = sheets.Select(s => s.Name).ToArray();
        SheetInfo? sheet;
        if (string.IsNullOrWhiteSpace(options.SheetName))
        {
            sheet = sheets.FirstOrDefault(s => s.State == SheetState.Visible) ?? sheets[0];
        }
        else
        {
            var wanted = options.SheetName.Trim();
            sheet = sheets.FirstOrDefault(s => string.Equals(s.Name.Trim(), wanted, StringComparison.OrdinalIgnoreCase));
            if (sheet is null)
            {
                return Error.Invalid(nameof(TabularReadOptions.SheetName), TabularFileErrors.SheetNotFound, wanted, string.Join(", ", names.Select(n => "\"" + n + "\"")));
            }
        }

        var lastRow = SheetLastRow(work, sheet.Name);
        XlsxTabularReader? reader = null;
        try
        {
            work.Position = 0;
            IEnumerable<object> query = MiniExcel.Query(
                work, useHeaderRow: false, sheetName: sheet.Name, excelType: ExcelType.XLSX, configuration: configuration);
            reader = new XlsxTabularReader(work, temp, query.GetEnumerator(), sheet.Name, names, lastRow, options.TrimFields);
            if (!reader.NextRow())
            {
                reader.Dispose();
                return Error.Validation(TabularFileErrors.Empty + "#2", sheet.Name);
            }
        }
        catch (Exception)
        {
            reader?.Dispose();
            return corrupt;
        }

        reader.TakeHeaders();
        return reader;
    }

    public bool Read()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (finished)
        {
            return false;
        }

        if (!NextRow())
        {
            finished = true;
            fieldCount = 0;
            RowError = null;
            RowErrorCode = null;
            return false;
        }

        return true;
    }

    public string GetField(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        return index < fieldCount ? fields[index] : string.Empty;
    }

    public ReadOnlySpan<char> GetSpan(int index) => GetField(index);

    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        rows.Dispose();
        temp?.Dispose();
    }

    /// <summary>Column letters ("A", "AB") to a 0-based index.</summary>
    internal static int ColumnIndex(string letters)
    {
        var index = 0;
        foreach (var c in letters)
        {
            if (c is >= 'A' and <= 'Z')
            {
                index = (index * 26) + (c - 'A' + 1);
            }
            else if (c is >= 'a' and <= 'z')
            {
                index = (index * 26) + (c - 'a' + 1);
            }
            else
            {
                return -1;
            }
        }

        return index - 1;
    }

    internal static string ColumnLetters(int index)
    {
        Span<char> buffer = stackalloc char[8];
        var i = buffer.Length;
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            buffer[--i] = (char)('A' + ((n - 1) % 26));
        }

        return buffer[i..].ToString();
    }

    private static FileStream CreateTempFile()
    {
        var path = Path.GetTempFileName();
        return new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
    }

    /// <summary>
    /// The last row number of the sheet from its <c>&lt;dimension ref="A1:H2001"&gt;</c> (which Excel always
    /// writes), reading only the start of the sheet's part, so <see cref="Progress"/> can be rows read / rows.
    /// Null when the sheet has no dimension (progress then follows the stream position).
    /// </summary>
    internal static long? SheetLastRow(Stream work, string sheetName)
    {
        try
        {
            work.Position = 0;
            using var zip = new ZipArchive(work, ZipArchiveMode.Read, leaveOpen: true);
            XNamespace main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
            XNamespace rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
            XNamespace pkg = "http://schemas.openxmlformats.org/package/2006/relationships";
            var workbook = Load(zip, "xl/workbook.xml");
            var rels = Load(zip, "xl/_rels/workbook.xml.rels");
            var id = workbook?.Descendants(main + "sheet")
                .FirstOrDefault(s => (string?)s.Attribute("name") == sheetName)?
                .Attribute(rel + "id")?.Value;
            var target = rels?.Descendants(pkg + "Relationship")
                .FirstOrDefault(r => (string?)r.Attribute("Id") == id)?
                .Attribute("Target")?.Value;
            var entry = id is null || target is null
                ? null
                : zip.GetEntry(target.StartsWith('/') ? target[1..] : "xl/" + target);
            if (entry is null)
            {
                return null;
            }

            using var part = entry.Open();
            using var xml = XmlReader.Create(part, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, IgnoreWhitespace = true });
            while (xml.Read())
            {
                if (xml.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                if (xml.LocalName == "sheetData")
                {
                    return null;
                }

                if (xml.LocalName == "dimension" && xml.GetAttribute("ref") is { } reference)
                {
                    var last = reference.AsSpan(reference.LastIndexOf(':') + 1); // "A1:H2001" → "H2001"; "A1" → "A1"
                    var digits = last.IndexOfAnyInRange('0', '9');
                    return digits >= 0 && long.TryParse(last[digits..], NumberStyles.None, CultureInfo.InvariantCulture, out var row) && row > 0
                        ? row
                        : null;
                }
            }

            return null;
        }
        catch (Exception)
        {
            return null;
        }

        static XDocument? Load(ZipArchive zip, string name)
        {
            var entry = zip.GetEntry(name);
            if (entry is null)
            {
                return null;
            }

            using var s = entry.Open();
            return XDocument.Load(s);
        }
    }

    private void TakeHeaders()
    {
        var count = fieldCount;
        while (count > 0 && string.IsNullOrWhiteSpace(fields[count - 1]))
        {
            count--;
        }

        headers = new string[count];
        for (var i = 0; i < count; i++)
        {
            headers[i] = fields[i].Trim();
        }
    }

    private bool NextRow()
    {
        RowError = null;
        RowErrorCode = null;
        while (rows.MoveNext())
        {
            rowNumber++;
            if (!Load((IDictionary<string, object?>)rows.Current))
            {
                continue; // blank row
            }

            LineNumber = rowNumber;
            CheckExtraFields();
            return true;
        }

        return false;
    }

    /// <summary>Converts the row into <see cref="fields"/>; false when every cell is blank.</summary>
    private bool Load(IDictionary<string, object?> row)
    {
        Array.Clear(fields, 0, fieldCount);
        fieldCount = 0;
        var blank = true;
        foreach (var (key, value) in row)
        {
            var index = ColumnIndex(key);
            if (index < 0 || value is null)
            {
                continue;
            }

            var text = CellText.Format(value);
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            if (index >= fields.Length)
            {
                Array.Resize(ref fields, Math.Max(index + 1, fields.Length * 2));
            }

            fields[index] = trim ? text.Trim() : text;
            fieldCount = Math.Max(fieldCount, index + 1);
            blank = false;
        }

        for (var i = 0; i < fieldCount; i++)
        {
            fields[i] ??= string.Empty;
        }

        return !blank;
    }

    private void CheckExtraFields()
    {
        if (headers.Length == 0 || fieldCount <= headers.Length)
        {
            return;
        }

        RowErrorCode = TabularRowErrors.TooManyFields;
        RowError = string.Format(
            CultureInfo.InvariantCulture,
            "La fila tiene datos en la columna {0}, que no tiene encabezado (el encabezado tiene {1} columnas).",
            ColumnLetters(fieldCount - 1),
            headers.Length);
    }
}
