using ContactOps.Platform.Files;
using Xunit;

namespace ContactOps.Tests.Files;

public sealed class ExportTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Rejection_report_is_utf8_bom_semicolon_with_spanish_headers_and_reads_back()
    {
        var path = temp.PathOf("rechazos.csv");
        RejectedRow[] rejected =
        [
            new(2, "El teléfono \"300 12\" no tiene 10 dígitos; revise", "telefono1"),
            new(15, "La fila tiene 4 campos, pero el encabezado tiene 3 columnas."),
            new(1_000_001, "=HYPERLINK(\"http://x\")", "nombre"),
        ];
        using (var stream = File.Create(path))
        {
            RejectionReport.WriteCsv(stream, rejected);
            Assert.True(stream.CanWrite); // left open for the caller
        }

        var bytes = File.ReadAllBytes(path);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.StartsWith("linea;campo;motivo\r\n2;telefono1;\"El teléfono \"\"300 12\"\"", Tabular.Utf8NoBom.GetString(bytes[3..]), StringComparison.Ordinal);

        using var file = Tabular.Open(path);
        Assert.Equal(';', file.Reader.Delimiter);
        Assert.Equal(["linea", "campo", "motivo"], file.Reader.Headers);
        var rows = Tabular.ReadAll(file.Reader);
        Assert.Equal(["2", "telefono1", "El teléfono \"300 12\" no tiene 10 dígitos; revise"], rows[0].Fields);
        Assert.Equal(["15", "", "La fila tiene 4 campos, pero el encabezado tiene 3 columnas."], rows[1].Fields);
        Assert.Equal(["1000001", "nombre", "'=HYPERLINK(\"http://x\")"], rows[2].Fields); // not run as a formula
    }

    [Fact]
    public void Csv_export_quotes_what_needs_quoting_with_the_chosen_delimiter()
    {
        var path = temp.PathOf("export.csv");
        using (var stream = File.Create(path))
        using (var csv = CsvExport.Create(stream, ',', utf8Bom: false))
        {
            csv.WriteHeader("documento", "nombre", "nota");
            csv.WriteRow("1", "Pérez, Ana", "línea 1\nlínea 2");
            csv.WriteRow(new List<string?> { "2", null, "+573001234567" });
            csv.WriteField("3");
            csv.WriteField("dice \"hola\"");
            csv.EndRow();
        }

        var text = File.ReadAllText(path);
        Assert.Equal(
            "documento,nombre,nota\r\n1,\"Pérez, Ana\",\"línea 1\nlínea 2\"\r\n2,,+573001234567\r\n3,\"dice \"\"hola\"\"\"\r\n",
            text);

        using var file = Tabular.Open(path);
        Assert.Equal(',', file.Reader.Delimiter);
        var rows = Tabular.ReadAll(file.Reader);
        Assert.Equal([2L, 4L, 5L], rows.Select(r => r.Line));
        Assert.Equal("línea 1\nlínea 2", rows[0].Fields[2]);
        Assert.Equal("dice \"hola\"", rows[2].Fields[1]);
    }
}
