using System.Text;
using ContactOps.Platform.Files;
using ContactOps.Platform.Results;
using Xunit;

namespace ContactOps.Tests.Files;

public sealed class FileFormatTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Theory]
    [InlineData("vacio.csv", "")]
    [InlineData("blancos.csv", "\r\n   \r\n;;;\r\n\n")]
    public void An_empty_file_is_a_validation_error(string name, string content)
    {
        var error = Tabular.OpenError(temp.WriteText(name, content, Tabular.Utf8NoBom));

        Assert.Equal(ErrorKind.Validation, error.Kind);
        Assert.Equal(TabularFileErrors.Empty, error.Code);
        Assert.Contains("vacío", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unsupported_extension_is_rejected_naming_the_supported_ones()
    {
        var error = Tabular.OpenError(temp.WriteText("clientes.pdf", "a,b\n1,2\n", Tabular.Utf8NoBom));

        Assert.Equal(TabularFileErrors.UnsupportedFormat, error.Code);
        Assert.Contains(".pdf", error.Message, StringComparison.Ordinal);
        Assert.Contains("XLSX", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("viejo.xls")]
    [InlineData("viejo-renombrado.csv")]
    public void Excel_97_2003_files_are_rejected_clearly(string name)
    {
        byte[] ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0];

        var error = Tabular.OpenError(temp.Write(name, ole));

        Assert.Equal(TabularFileErrors.LegacyExcel, error.Code);
        Assert.Contains(".xlsx", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_text_file_named_xlsx_is_rejected()
    {
        var error = Tabular.OpenError(temp.WriteText("falso.xlsx", "a;b\n1;2\n", Tabular.Utf8NoBom));

        Assert.Equal(TabularFileErrors.Corrupt, error.Code);
    }

    [Fact]
    public void Binary_content_named_csv_is_rejected()
    {
        var error = Tabular.OpenError(temp.Write("imagen.csv", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D]));

        Assert.Equal(TabularFileErrors.NotText, error.Code);
    }

    [Fact]
    public void A_malformed_header_is_a_validation_error_with_its_line()
    {
        var error = Tabular.OpenError(temp.WriteText("encabezado.csv", "\n\"Documento\"x,Nombre\n1,Ana\n", Tabular.Utf8NoBom));

        Assert.Equal(TabularFileErrors.MalformedHeader, error.Code);
        Assert.Contains("línea 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Excel_unicode_text_utf16_with_bom_is_read()
    {
        var path = temp.WriteText("unicode.txt", "Nombre\tCiudad\r\nÑusta\tCochabamba\r\n", Encoding.Unicode);

        using var file = Tabular.Open(path);
        Assert.Equal("utf-16", file.Reader.EncodingName);
        Assert.Equal('\t', file.Reader.Delimiter);
        Assert.True(file.Reader.Read());
        Assert.Equal("Ñusta", file.Reader.GetField(0));
    }

    [Fact]
    public void A_forced_encoding_is_used()
    {
        // "Ã±" would be how UTF-8 "ñ" reads as Windows-1252: forcing 1252 on a valid UTF-8 file must do exactly that
        var path = temp.WriteText("forzada.csv", "a\nñ\n", Tabular.Utf8NoBom);

        using var file = Tabular.Open(path, new TabularReadOptions { Encoding = Tabular.Windows1252 });
        Assert.Equal("windows-1252", file.Reader.EncodingName);
        Assert.True(file.Reader.Read());
        Assert.Equal("Ã±", file.Reader.GetField(0));
    }
}
