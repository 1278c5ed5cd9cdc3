using ContactOps.Platform.Files;
using Xunit;

namespace ContactOps.Tests.Files;

public sealed class ColumnRecognitionTests : IDisposable
{
    private static readonly Dictionary<string, string[]> CustomerAliases = new()
    {
        ["documento"] = ["número de documento", "nro documento", "cédula", "identificación", "nit"],
        ["tipoDocumento"] = ["tipo documento", "tipo doc"],
        ["nombre"] = ["nombres", "nombre completo", "razón social"],
        ["phones"] = ["teléfono", "telefono", "celular", "móvil", "tel"],
        ["email"] = ["correo", "correo electrónico", "e-mail"],
    };

    private static readonly string[] Multi = ["phones"];

    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Theory]
    [InlineData("Teléfono 1", "telefono1")]
    [InlineData("tipo_documento", "tipodocumento")]
    [InlineData("  TIPO-DOCUMENTO. ", "tipodocumento")]
    [InlineData("Correo Electrónico", "correoelectronico")]
    [InlineData("N.º Identificación", "noidentificacion")]
    [InlineData("\uFEFFAño", "ano")]
    [InlineData("", "")]
    [InlineData("  ", "")]
    public void Normalize_ignores_case_accents_spaces_and_punctuation(string header, string expected)
    {
        Assert.Equal(expected, HeaderNormalizer.Normalize(header));
    }

    [Fact]
    public void Recognizes_fields_by_alias_collects_numbered_phones_and_keeps_the_rest_as_attributes()
    {
        string[] headers = ["Tipo_Documento", "NÚMERO DE DOCUMENTO", "Nombres", "Teléfono 1", "telefono_2", "Celular", "Plan", "Móvil 3", "", "Correo-Electrónico", "Segmento"];

        var map = ColumnRecognizer.Recognize(headers, CustomerAliases, multiValuedFields: Multi);

        Assert.Equal(0, map.IndexOf("tipoDocumento"));
        Assert.Equal(1, map.IndexOf("documento"));
        Assert.Equal(2, map.IndexOf("nombre"));
        Assert.Equal([3, 4, 5, 7], map.IndexesOf("phones"));
        Assert.Equal(9, map.IndexOf("email"));
        Assert.Equal([new TabularColumn("Plan", 6), new TabularColumn("Segmento", 10)], map.Attributes);
        Assert.Empty(map.Duplicates);
        Assert.Empty(map.MissingFields(["documento", "nombre", "phones"]));
        Assert.Equal(["fechaNacimiento"], map.MissingFields(["documento", "fechaNacimiento"]));
        Assert.Equal(-1, map.IndexOf("fechaNacimiento"));
        Assert.Empty(map.IndexesOf("fechaNacimiento"));
    }

    [Fact]
    public void A_saved_mapping_wins_over_aliases()
    {
        string[] headers = ["Documento", "Identificación Cliente", "Nombre", "Tel Casa", "Tel Oficina", "Celular"];
        var saved = new Dictionary<string, string>
        {
            ["documento"] = "identificacion cliente",
            ["phones"] = "Tel Oficina|Tel Casa",
            ["email"] = "Correo Personal", // not in this file
        };

        var map = ColumnRecognizer.Recognize(headers, CustomerAliases, saved, Multi);

        Assert.Equal(1, map.IndexOf("documento"));
        Assert.Equal([4, 3], map.IndexesOf("phones")); // the saved order; "Celular" is not added
        Assert.Equal(2, map.IndexOf("nombre"));
        Assert.Equal([new TabularColumn("Documento", 0), new TabularColumn("Celular", 5)], map.Attributes);
        Assert.Equal([new MissingSavedColumn("email", "Correo Personal")], map.MissingSavedColumns);
        Assert.Empty(map.Duplicates);
        Assert.Equal("Tel Oficina|Tel Casa", map.ToSavedMapping()["phones"]);
    }

    [Fact]
    public void A_saved_header_that_is_missing_falls_back_to_aliases_and_an_empty_one_unmaps_the_field()
    {
        string[] headers = ["Cédula", "Nombre", "Correo"];
        var saved = new Dictionary<string, string> { ["documento"] = "Documento Cliente", ["email"] = "" };

        var map = ColumnRecognizer.Recognize(headers, CustomerAliases, saved, Multi);

        Assert.Equal(0, map.IndexOf("documento"));
        Assert.Equal([new MissingSavedColumn("documento", "Documento Cliente")], map.MissingSavedColumns);
        Assert.False(map.Has("email"));
        Assert.Equal([new TabularColumn("Correo", 2)], map.Attributes);
    }

    [Fact]
    public void Duplicate_columns_are_detected()
    {
        string[] headers = ["Documento", "Nombre", "Cédula", "Plan", "plan ", "Teléfono", "Teléfono"];

        var map = ColumnRecognizer.Recognize(headers, CustomerAliases, multiValuedFields: Multi);

        Assert.Equal(0, map.IndexOf("documento"));
        Assert.Equal([5, 6], map.IndexesOf("phones")); // repeated columns of a multi-valued field are all kept
        Assert.Equal(
            [new DuplicateColumn("documento", "Cédula", 2, 0), new DuplicateColumn(null, "plan ", 4, 3)],
            map.Duplicates);
        Assert.Equal([new TabularColumn("Plan", 3)], map.Attributes);
    }

    [Fact]
    public void Numbered_headers_do_not_match_single_valued_fields()
    {
        var map = ColumnRecognizer.Recognize(["Nombre", "Nombre 2", "Correo1"], CustomerAliases, multiValuedFields: Multi);

        Assert.Equal(0, map.IndexOf("nombre"));
        Assert.False(map.Has("email"));
        Assert.Equal(["Nombre 2", "Correo1"], map.Attributes.Select(a => a.Header));
    }

    [Fact]
    public void An_alias_shared_by_two_fields_is_a_configuration_error()
    {
        var aliases = new Dictionary<string, string[]> { ["documento"] = ["doc"], ["otro"] = ["DOC"] };

        Assert.Throws<ArgumentException>(() => ColumnRecognizer.Recognize(["x"], aliases));
    }

    [Fact]
    public void Get_and_GetAll_read_the_current_record_by_field()
    {
        var path = temp.WriteText(
            "clientes.csv",
            "Tipo Documento;Cédula;Nombres;Teléfono 1;Teléfono 2;Celular;Barrio\r\nCC;123;Ana;601 555 1234;;3001234567;Chapinero\r\n",
            Tabular.Utf8Bom);
        using var file = Tabular.Open(path);
        var map = ColumnRecognizer.Recognize(file.Reader.Headers, CustomerAliases, multiValuedFields: Multi);

        Assert.True(file.Reader.Read());
        Assert.Equal("123", map.Get(file.Reader, "documento"));
        Assert.Equal("", map.Get(file.Reader, "email"));
        Assert.Equal(["601 555 1234", "3001234567"], map.GetAll(file.Reader, "phones"));
        Assert.Equal("Chapinero", file.Reader.GetField(map.Attributes.Single(a => a.Header == "Barrio").Index));
    }
}
