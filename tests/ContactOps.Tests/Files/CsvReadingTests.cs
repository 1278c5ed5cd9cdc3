using System.Text;
using ContactOps.Platform.Files;
using Xunit;

namespace ContactOps.Tests.Files;

public sealed class CsvReadingTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Theory]
    [InlineData(',')]
    [InlineData(';')]
    [InlineData('\t')]
    [InlineData('|')]
    public void Detects_the_delimiter_from_the_header_line(char delimiter)
    {
        var d = delimiter.ToString();
        // the other candidates appear (quoted) in the header and in the data and must not fool the detection
        var text = $"Documento{d}\"Nombre, apellido; alias|x\"{d}Teléfono\n123{d}\"Pérez, Ana; hija|x\"{d}3001234567\n";
        var path = temp.WriteText(delimiter == '\t' ? "clientes.tsv" : "clientes.csv", text, Tabular.Utf8NoBom);

        using var file = Tabular.Open(path);
        var reader = file.Reader;
        Assert.Equal("csv", reader.Format);
        Assert.Equal(delimiter, reader.Delimiter);
        Assert.Equal(["Documento", "Nombre, apellido; alias|x", "Teléfono"], reader.Headers);
        Assert.True(reader.Read());
        Assert.Null(reader.RowError);
        Assert.Equal(3, reader.FieldCount);
        Assert.Equal("123", reader.GetField(0));
        Assert.Equal("Pérez, Ana; hija|x", reader.GetField(1));
        Assert.Equal("3001234567", reader.GetSpan(2).ToString());
        Assert.Equal(2, reader.LineNumber);
        Assert.False(reader.Read());
    }

    [Fact]
    public void A_forced_delimiter_wins_over_detection()
    {
        var path = temp.WriteText("forzado.txt", "a,b;c\n1,2;3\n", Tabular.Utf8NoBom);

        using var file = Tabular.Open(path, new TabularReadOptions { Delimiter = ';' });
        Assert.Equal(';', file.Reader.Delimiter);
        Assert.Equal(["a,b", "c"], file.Reader.Headers);
        Assert.True(file.Reader.Read());
        Assert.Equal("1,2", file.Reader.GetField(0));
    }

    public static TheoryData<string, string> Encodings => new()
    {
        { "utf8-bom", "utf-8" },
        { "utf8", "utf-8" },
        { "windows-1252", "windows-1252" },
    };

    [Theory]
    [MemberData(nameof(Encodings))]
    public void Decodes_utf8_with_and_without_bom_and_windows_1252(string kind, string expectedEncoding)
    {
        const string text = "Nombre;Ciudad\r\nPeña Ñandú;Bogotá\r\nJosé Camión;Medellín\r\n";
        var encoding = kind switch
        {
            "utf8-bom" => Tabular.Utf8Bom,
            "utf8" => Tabular.Utf8NoBom,
            _ => Tabular.Windows1252,
        };
        var bytes = encoding.GetPreamble().Concat(encoding.GetBytes(text)).ToArray();
        if (kind == "windows-1252")
        {
            Assert.Equal(0xF1, bytes[Array.IndexOf(bytes, (byte)'P') + 2]); // really single-byte ñ on disk
        }

        var path = temp.Write($"{kind}.csv", bytes);

        using var file = Tabular.Open(path);
        var reader = file.Reader;
        Assert.Equal(expectedEncoding, reader.EncodingName);
        Assert.Equal(["Nombre", "Ciudad"], reader.Headers); // no BOM left in the first header
        var rows = Tabular.ReadAll(reader);
        Assert.Equal(["Peña Ñandú", "Bogotá"], rows[0].Fields);
        Assert.Equal(["José Camión", "Medellín"], rows[1].Fields);
    }

    [Fact]
    public void Windows_1252_bytes_after_the_detection_window_of_a_utf8_file_still_decode()
    {
        var builder = new StringBuilder("Nombre,Nota\n");
        for (var i = 0; builder.Length < 70_000; i++)
        {
            builder.Append("Cliente ").Append(i).Append(",Año nuevo\n");
        }

        var utf8Part = Tabular.Utf8NoBom.GetBytes(builder.ToString());
        var legacyPart = Tabular.Windows1252.GetBytes("Muñoz,Canción\n");
        var path = temp.Write("mezclado.csv", [.. utf8Part, .. legacyPart]);

        using var file = Tabular.Open(path);
        Assert.Equal("utf-8", file.Reader.EncodingName);
        var rows = Tabular.ReadAll(file.Reader);
        Assert.Equal("Año nuevo", rows[0].Fields[1]);
        Assert.Equal(["Muñoz", "Canción"], rows[^1].Fields);
    }

    [Fact]
    public void Quoted_fields_keep_delimiters_doubled_quotes_and_line_breaks_and_lines_stay_physical()
    {
        const string text =
            "Documento,Nombre,Observación\r\n" +
            "1,\"Gómez, Ana\",\"Dijo \"\"no llamar\"\"\"\r\n" +
            "2,Luis,\"Primera línea\r\nsegunda línea\nTercera\"\r\n" +
            "3,Marta,ok\r\n";
        var path = temp.WriteText("comillas.csv", text, Tabular.Utf8NoBom);

        using var file = Tabular.Open(path);
        var rows = Tabular.ReadAll(file.Reader);

        Assert.Equal(3, rows.Count);
        Assert.Equal(2, rows[0].Line);
        Assert.Equal(["1", "Gómez, Ana", "Dijo \"no llamar\""], rows[0].Fields);
        Assert.Equal(3, rows[1].Line);
        Assert.Equal("Primera línea\r\nsegunda línea\nTercera", rows[1].Fields[2]);
        Assert.Equal(6, rows[2].Line); // record 2 took lines 3, 4 and 5
        Assert.Equal("Marta", rows[2].Fields[1]);
        Assert.All(rows, r => Assert.Null(r.Error));
    }

    [Fact]
    public void Blank_lines_are_skipped_but_counted_in_line_numbers()
    {
        const string text = "\n  \n;;\nDocumento;Nombre\n\n1;Ana\n   \n;;\n\r\n2;Luis\n\n";
        var path = temp.WriteText("blancos.csv", text, Tabular.Utf8NoBom);

        using var file = Tabular.Open(path);
        Assert.Equal(';', file.Reader.Delimiter);
        Assert.Equal(4, file.Reader.LineNumber); // header line
        Assert.Equal(["Documento", "Nombre"], file.Reader.Headers);
        var rows = Tabular.ReadAll(file.Reader);
        Assert.Equal([6L, 10L], rows.Select(r => r.Line));
        Assert.Equal(["1", "2"], rows.Select(r => r.Fields[0]));
    }

    [Fact]
    public void Too_many_fields_is_a_row_error_and_reading_continues()
    {
        const string text = "a;b;c\n1;2;3\n4;5;6;7\n8;9;10;;\n11\n12;13;14\n";
        var path = temp.WriteText("campos.csv", text, Tabular.Utf8NoBom);

        using var file = Tabular.Open(path);
        var reader = file.Reader;
        var rows = new List<(long Line, string? Error, string? Code, int Count)>();
        while (reader.Read())
        {
            rows.Add((reader.LineNumber, reader.RowError, reader.RowErrorCode, reader.FieldCount));
        }

        Assert.Equal(5, rows.Count);
        Assert.Null(rows[0].Error);
        Assert.Equal(3, rows[1].Line);
        Assert.Equal(TabularRowErrors.TooManyFields, rows[1].Code);
        Assert.Contains("4 campos", rows[1].Error, StringComparison.Ordinal);
        Assert.Null(rows[2].Error); // trailing empty fields (Excel's "8;9;10;;") are fine
        Assert.Equal((5L, (string?)null, 1), (rows[3].Line, rows[3].Error, rows[3].Count)); // fewer fields is fine
        Assert.Equal((6L, (string?)null), (rows[4].Line, rows[4].Error));
    }

    [Fact]
    public void Missing_trailing_fields_read_as_empty()
    {
        var path = temp.WriteText("cortos.csv", "a,b,c\n1\n", Tabular.Utf8NoBom);

        using var file = Tabular.Open(path);
        Assert.True(file.Reader.Read());
        Assert.Equal("1", file.Reader.GetField(0));
        Assert.Equal(string.Empty, file.Reader.GetField(2));
        Assert.Equal(string.Empty, file.Reader.GetField(50));
        Assert.True(file.Reader.GetSpan(2).IsEmpty);
    }

    [Fact]
    public void An_unterminated_quote_is_a_row_error_and_the_next_lines_are_still_read()
    {
        const string text = "doc,nombre,tel\n1,Ana,300\n2,\"Luis,301\n3,Marta,302\n4,Pedro,303\n";
        var path = temp.WriteText("comilla-abierta.csv", text, Tabular.Utf8NoBom);

        using var file = Tabular.Open(path);
        var rows = Tabular.ReadAll(file.Reader);

        Assert.Equal([2L, 3L, 4L, 5L], rows.Select(r => r.Line));
        Assert.Null(rows[0].Error);
        Assert.NotNull(rows[1].Error);
        Assert.Equal(["", "", ""], rows[1].Fields);
        Assert.Equal(["3", "Marta", "302"], rows[2].Fields);
        Assert.Equal(["4", "Pedro", "303"], rows[3].Fields);
        Assert.Null(rows[3].Error);
    }

    [Fact]
    public void An_unterminated_quote_on_the_last_line_ends_the_file_cleanly()
    {
        var path = temp.WriteText("ultima.csv", "doc,nombre\n1,Ana\n2,\"Luis\n", Tabular.Utf8NoBom);

        using var file = Tabular.Open(path);
        var rows = Tabular.ReadAll(file.Reader);

        Assert.Equal([2L, 3L], rows.Select(r => r.Line));
        Assert.Equal([false, true], rows.Select(r => r.Error is not null));
    }

    [Fact]
    public void Old_mac_line_endings_count_as_lines()
    {
        var path = temp.WriteText("mac.csv", "doc;nombre\r1;Ana\r\r2;\"Luis\rPérez\"\r3;Marta", Tabular.Windows1252);

        using var file = Tabular.Open(path);
        var rows = Tabular.ReadAll(file.Reader);

        Assert.Equal([2L, 4L, 6L], rows.Select(r => r.Line));
        Assert.Equal("Luis\rPérez", rows[1].Fields[1]);
        Assert.Equal("Marta", rows[2].Fields[1]);
    }

    [Fact]
    public void A_closing_quote_followed_by_text_is_a_row_error_and_reading_continues()
    {
        const string text = "doc,nombre\n1,\"Ana\" María\n2,Luis\n3,\"multi\nlínea\"\n4,fin";
        var path = temp.WriteText("comilla-mal.csv", text, Tabular.Utf8NoBom);

        using var file = Tabular.Open(path);
        var reader = file.Reader;
        Assert.True(reader.Read());
        Assert.Equal((2L, TabularRowErrors.MalformedQuotes, 0), (reader.LineNumber, reader.RowErrorCode, reader.FieldCount));
        Assert.Equal(RejectedRow.FromRowError(reader), new RejectedRow(2, reader.RowError!));
        var rest = Tabular.ReadAll(reader);
        Assert.Equal([3L, 4L, 6L], rest.Select(r => r.Line));
        Assert.Equal(["2", "3", "4"], rest.Select(r => r.Fields[0]));
        Assert.Equal("multi\nlínea", rest[1].Fields[1]);
        Assert.All(rest, r => Assert.Null(r.Error));
    }

    [Fact]
    public void A_record_longer_than_the_limit_is_a_row_error_and_reading_resumes_on_the_next_line()
    {
        var builder = new StringBuilder("doc,nota\n1,\"abre y nunca cierra\n");
        for (var i = 2; i < 3000; i++)
        {
            builder.Append(i).Append(",nota ").Append(i).Append('\n');
        }

        var path = temp.WriteText("largo.csv", builder.ToString(), Tabular.Utf8NoBom);

        using var file = Tabular.Open(path, new TabularReadOptions { MaxRecordLength = 4096 });
        var rows = Tabular.ReadAll(file.Reader);

        Assert.Equal(2, rows[0].Line);
        Assert.NotNull(rows[0].Error);
        Assert.Equal(2999, rows.Count);
        Assert.Equal((3L, "2"), (rows[1].Line, rows[1].Fields[0]));
        Assert.Equal((3000L, "2999"), (rows[^1].Line, rows[^1].Fields[0]));
        Assert.All(rows.Skip(1), r => Assert.Null(r.Error));
    }

    [Fact]
    public void A_hash_at_the_start_of_a_line_is_data_not_a_comment()
    {
        var path = temp.WriteText("numeral.csv", "ref,valor\n#123,a\n", Tabular.Utf8NoBom);

        using var file = Tabular.Open(path);
        Assert.True(file.Reader.Read());
        Assert.Equal("#123", file.Reader.GetField(0));
    }

    [Fact]
    public void Fields_are_trimmed_unless_asked_not_to()
    {
        var path = temp.WriteText("espacios.csv", " a , b \n  1 , \" 2 \" \n", Tabular.Utf8NoBom);

        using (var trimmed = Tabular.Open(path))
        {
            Assert.Equal(["a", "b"], trimmed.Reader.Headers);
            Assert.True(trimmed.Reader.Read());
            Assert.Equal("1", trimmed.Reader.GetField(0));
        }

        using var raw = Tabular.Open(path, new TabularReadOptions { TrimFields = false });
        Assert.True(raw.Reader.Read());
        Assert.Equal("  1 ", raw.Reader.GetField(0));
    }

    [Fact]
    public void Header_only_file_has_headers_and_no_records()
    {
        var path = temp.WriteText("solo-encabezado.csv", "a;b\r\n\r\n", Tabular.Utf8Bom);

        using var file = Tabular.Open(path);
        Assert.Equal(["a", "b"], file.Reader.Headers);
        Assert.False(file.Reader.Read());
        Assert.Equal(1, file.Reader.Progress);
    }

    [Fact]
    public void Reads_from_a_non_seekable_stream()
    {
        var path = temp.WriteText("subida.csv", "a;b\n1;ñ\n2;é\n", Tabular.Windows1252);

        var result = TabularFile.Open(new ForwardOnlyStream(File.OpenRead(path)), "subida.csv");
        Assert.True(result.IsSuccess);
        using var reader = result.Value!;
        Assert.Equal("windows-1252", reader.EncodingName);
        Assert.Equal(0, reader.Progress);
        var rows = Tabular.ReadAll(reader);
        Assert.Equal(["1;ñ", "2;é"], rows.Select(r => string.Join(';', r.Fields)));
        Assert.Equal(1, reader.Progress);
    }

    [Fact]
    public void Progress_grows_with_the_position_in_a_seekable_stream()
    {
        var builder = new StringBuilder("doc,nombre\n");
        for (var i = 0; i < 50_000; i++)
        {
            builder.Append(i).Append(",Nombre ").Append(i).Append('\n');
        }

        var path = temp.WriteText("progreso.csv", builder.ToString(), Tabular.Utf8NoBom);
        using var file = Tabular.Open(path);
        var seen = new List<double>();
        var count = 0;
        while (file.Reader.Read())
        {
            if (++count % 5_000 == 0)
            {
                seen.Add(file.Reader.Progress);
            }
        }

        Assert.True(seen[0] is > 0 and < 0.5, $"first {seen[0]}");
        Assert.True(seen[^1] > 0.8, $"last {seen[^1]}");
        Assert.Equal(seen.OrderBy(p => p), seen);
        Assert.Equal(1, file.Reader.Progress);
    }
}
