using System.IO.Compression;
using ContactOps.Platform.Files;
using MiniExcelLibs;
using Xunit;

namespace ContactOps.Tests.Files;

public sealed class XlsxReadingTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Reads_the_first_sheet_with_cells_as_invariant_text()
    {
        var path = WriteWorkbook("clientes.xlsx");

        using var file = Tabular.Open(path);
        var reader = file.Reader;
        Assert.Equal("xlsx", reader.Format);
        Assert.Null(reader.Delimiter);
        Assert.Null(reader.EncodingName);
        Assert.Equal("Clientes", reader.SheetName);
        Assert.Equal(["Clientes", "Ajustes"], reader.SheetNames);
        Assert.Equal(["Documento", "Teléfono", "Fecha de alta", "Llamada", "Saldo", "Grande", "Código"], reader.Headers);

        var rows = Tabular.ReadAll(reader);

        Assert.Equal(2, rows.Count);
        Assert.Equal(2, rows[0].Line);
        Assert.Equal(["1020304050", "3001234567", "2024-03-05", "2024-03-05T14:30:00", "1234.5", "100000000000000000000", "00123"], rows[0].Fields);
        Assert.Equal(4, rows[1].Line); // sheet row 3 is blank and skipped
        Assert.Equal(["CC 99", "3109876543", "2023-12-31", "", "-0.25", "12345678901234600", "7"], rows[1].Fields);
        Assert.All(rows, r => Assert.Null(r.Error));
        Assert.Equal(1, reader.Progress);
    }

    [Fact]
    public void Reads_a_named_sheet_case_insensitively()
    {
        var path = WriteWorkbook("libro.xlsx");

        using var file = Tabular.Open(path, new TabularReadOptions { SheetName = "ajustes" });
        Assert.Equal("Ajustes", file.Reader.SheetName);
        Assert.Equal(["Cuenta", "Valor"], file.Reader.Headers);
        var rows = Tabular.ReadAll(file.Reader);
        Assert.Equal([("A-1", "15000"), ("A-2", "-2500.75")], rows.Select(r => (r.Fields[0], r.Fields[1])));
    }

    [Fact]
    public void An_unknown_sheet_is_a_validation_error_listing_the_sheets()
    {
        var path = WriteWorkbook("libro.xlsx");

        var error = Tabular.OpenError(path, new TabularReadOptions { SheetName = "Ventas" });

        Assert.Equal(ContactOps.Platform.Results.ErrorKind.Validation, error.Kind);
        Assert.Equal(TabularFileErrors.SheetNotFound, error.Code);
        Assert.Contains("\"Ventas\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("\"Clientes\", \"Ajustes\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_workbook_named_csv_is_read_as_xlsx()
    {
        var path = WriteWorkbook("clientes.xlsx");
        var renamed = temp.PathOf("clientes-exportados.csv");
        File.Copy(path, renamed);

        using var file = Tabular.Open(renamed);
        Assert.Equal("xlsx", file.Reader.Format);
        Assert.True(file.Reader.Read());
        Assert.Equal("3001234567", file.Reader.GetField(1));
    }

    [Fact]
    public void Reads_a_workbook_from_a_non_seekable_stream()
    {
        var path = WriteWorkbook("subida.xlsx");

        var result = TabularFile.Open(new ForwardOnlyStream(File.OpenRead(path)), "subida.xlsx", new TabularReadOptions { SheetName = "Ajustes" });

        Assert.True(result.IsSuccess, result.Error?.Message);
        using var reader = result.Value!;
        Assert.Equal(2, Tabular.ReadAll(reader).Count);
    }

    [Fact]
    public void Data_beyond_the_last_header_is_a_row_error()
    {
        var path = temp.PathOf("sobra.xlsx");
        var rows = new[]
        {
            new Dictionary<string, object?> { ["A"] = "Documento", ["B"] = "Nombre", ["C"] = null },
            new Dictionary<string, object?> { ["A"] = "1", ["B"] = "Ana", ["C"] = "nota suelta" },
            new Dictionary<string, object?> { ["A"] = "2", ["B"] = "Luis", ["C"] = null },
        };
        MiniExcel.SaveAs(path, rows, printHeader: false);

        using var file = Tabular.Open(path);
        Assert.Equal(["Documento", "Nombre"], file.Reader.Headers);
        var read = Tabular.ReadAll(file.Reader);
        Assert.Equal(2, read[0].Line);
        Assert.Contains("columna C", read[0].Error, StringComparison.Ordinal);
        Assert.Null(read[1].Error);
    }

    [Fact]
    public void Progress_follows_the_rows_of_the_sheet()
    {
        var path = temp.PathOf("progreso.xlsx");
        var rows = Enumerable.Range(1, 1999).Select(i => new Dictionary<string, object?> { ["Documento"] = i, ["Nombre"] = "Cliente " + i }).ToList();
        MiniExcel.SaveAs(path, rows);

        using var file = Tabular.Open(path);
        var reader = file.Reader;
        while (reader.Read() && reader.LineNumber < 1000)
        {
        }

        Assert.Equal(1000, reader.LineNumber);
        Assert.Equal(0.5, reader.Progress, precision: 3); // row 1000 of 2000
        while (reader.Read())
        {
        }

        Assert.Equal(1, reader.Progress);
    }

    [Fact]
    public void A_corrupt_workbook_is_a_validation_error()
    {
        var bytes = File.ReadAllBytes(WriteWorkbook("bueno.xlsx"));
        var truncated = temp.Write("danado.xlsx", bytes[..(bytes.Length / 2)]);
        var zipPath = temp.PathOf("otro.csv");
        using (var zip = ZipFile.Open(zipPath, ZipArchiveMode.Create))
        {
            using var entry = new StreamWriter(zip.CreateEntry("leeme.txt").Open());
            entry.Write("no soy un libro");
        }

        Assert.Equal(TabularFileErrors.Corrupt, Tabular.OpenError(truncated).Code);
        Assert.Equal(TabularFileErrors.Corrupt, Tabular.OpenError(zipPath).Code);
    }

    private string WriteWorkbook(string name)
    {
        var path = temp.PathOf(name);
        var clientes = new List<Dictionary<string, object?>>
        {
            new()
            {
                ["Documento"] = 1020304050L, ["Teléfono"] = 3001234567L, ["Fecha de alta"] = new DateTime(2024, 3, 5),
                ["Llamada"] = new DateTime(2024, 3, 5, 14, 30, 0), ["Saldo"] = 1234.5, ["Grande"] = 1e20, ["Código"] = "00123",
            },
            new()
            {
                ["Documento"] = null, ["Teléfono"] = null, ["Fecha de alta"] = null, ["Llamada"] = null, ["Saldo"] = null,
                ["Grande"] = null, ["Código"] = null,
            },
            new()
            {
                ["Documento"] = "CC 99", ["Teléfono"] = 3109876543d, ["Fecha de alta"] = new DateTime(2023, 12, 31), ["Llamada"] = null,
                ["Saldo"] = -0.25m, ["Grande"] = 12345678901234567d, ["Código"] = 7,
            },
        };
        var ajustes = new[]
        {
            new Dictionary<string, object?> { ["Cuenta"] = "A-1", ["Valor"] = 15000 },
            new Dictionary<string, object?> { ["Cuenta"] = "A-2", ["Valor"] = -2500.75 },
        };
        MiniExcel.SaveAs(path, new Dictionary<string, object> { ["Clientes"] = clientes, ["Ajustes"] = ajustes });
        return path;
    }
}
