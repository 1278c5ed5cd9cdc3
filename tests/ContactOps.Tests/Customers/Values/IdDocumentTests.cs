using ContactOps.Modules.Customers;
using ContactOps.Platform;
using ContactOps.Platform.Results;
using Xunit;

namespace ContactOps.Tests.Customers;

public class IdDocumentTests
{
    // ---- Colombian NIT: DIAN check digit ----

    [Theory]
    [InlineData("800197268", 4)] // DIAN
    [InlineData("830114921", 1)]
    [InlineData("899999068", 1)]
    [InlineData("860034313", 7)] // Davivienda
    [InlineData("890903938", 8)] // Bancolombia
    [InlineData("900123456", 8)]
    public void Nit_check_digit_matches_real_nits(string nit, int checkDigit)
    {
        Assert.Equal(checkDigit, IdDocument.NitCheckDigit(nit));
    }

    [Theory]
    [InlineData("800197268-4")]
    [InlineData("800.197.268-4")]
    [InlineData("800 197 268 - 4")]
    [InlineData("8001972684")]
    [InlineData("800197268\u20134")]
    public void Colombian_nit_is_accepted_in_common_writings(string raw)
    {
        var doc = CreateOk(DocumentType.NIT, raw, Country.CO);

        Assert.Equal("800197268", doc.Number);
        Assert.Equal(4, doc.CheckDigit);
        Assert.Equal("NIT 800197268-4", doc.ToString());
        Assert.Equal("*****7268", doc.Masked);
    }

    [Fact]
    public void Nit_of_a_person_uses_the_cedula_as_base()
    {
        var dv = IdDocument.NitCheckDigit("1020304050");
        var doc = CreateOk(DocumentType.NIT, $"1020304050-{dv}", Country.CO);

        Assert.Equal("1020304050", doc.Number);
        Assert.Equal(dv, doc.CheckDigit);
    }

    [Theory]
    [InlineData("800197268-5", "document.nit_check_digit_invalid")]
    [InlineData("8001972685", "document.nit_check_digit_invalid")]
    [InlineData("900123456-7", "document.nit_check_digit_invalid")]
    [InlineData("800197268", "document.nit_check_digit_missing")]
    [InlineData("80019726841", "document.nit_check_digit_missing")]
    [InlineData("800197268-", "document.invalid_format")]
    [InlineData("800197268-45", "document.invalid_format")]
    [InlineData("800-197-268-4", "document.invalid_format")]
    [InlineData("NIT 800197268-4", "document.invalid_characters")]
    [InlineData("12-0", "document.too_short")]
    [InlineData("1234567890123456-1", "document.too_long")]
    [InlineData("0800197268-4", "document.leading_zero")]
    public void Invalid_colombian_nit_is_rejected(string raw, string code)
    {
        AssertRejected(DocumentType.NIT, raw, Country.CO, code);
    }

    [Fact]
    public void Wrong_check_digit_message_is_clear()
    {
        var error = IdDocument.Create(DocumentType.NIT, "800197268-5", Country.CO).Error!;

        Assert.Equal("El dígito de verificación 5 no corresponde al NIT 800197268. Revise el número y el dígito.", error.Message);
    }

    [Fact]
    public void Bolivian_nit_has_no_check_digit()
    {
        var doc = CreateOk(DocumentType.NIT, "1020703023", Country.BO);

        Assert.Equal("1020703023", doc.Number);
        Assert.Null(doc.CheckDigit);
        Assert.Equal("NIT 1020703023", doc.ToString());
        AssertRejected(DocumentType.NIT, "1234", Country.BO, "document.too_short");
        AssertRejected(DocumentType.NIT, "102070302-3", Country.BO, "document.invalid_characters");
    }

    // ---- CC / TI / CE / PA ----

    [Theory]
    [InlineData("1020304050", "1020304050", "******4050")]
    [InlineData("1.020.304.050", "1020304050", "******4050")]
    [InlineData(" 79 123 456 ", "79123456", "****3456")]
    [InlineData("1,020,304,050", "1020304050", "******4050")]
    [InlineData("123", "123", "***")]
    [InlineData("123456", "123456", "***456")]
    public void Cedula_de_ciudadania_keeps_digits_only(string raw, string number, string masked)
    {
        var doc = CreateOk(DocumentType.CC, raw, Country.CO);

        Assert.Equal(number, doc.Number);
        Assert.Equal(masked, doc.Masked);
        Assert.Equal("CC " + number, doc.ToString());
        Assert.Null(doc.CheckDigit);
        Assert.Null(doc.Complement);
        Assert.Null(doc.Department);
    }

    [Theory]
    [InlineData(DocumentType.CC, "12", "document.too_short")]
    [InlineData(DocumentType.CC, "10203040501", "document.too_long")]
    [InlineData(DocumentType.CC, "0123456", "document.leading_zero")]
    [InlineData(DocumentType.CC, "1020-304050", "document.invalid_characters")]
    [InlineData(DocumentType.CC, "10203O4050", "document.invalid_characters")]
    [InlineData(DocumentType.CC, "", "document.required")]
    [InlineData(DocumentType.CC, null, "document.required")]
    [InlineData(DocumentType.TI, "123456789", "document.too_short")]
    [InlineData(DocumentType.TI, "123456789012", "document.too_long")]
    [InlineData(DocumentType.TI, "1001234567A", "document.invalid_characters")]
    [InlineData(DocumentType.CE, "12", "document.too_short")]
    [InlineData(DocumentType.CE, "1234567890123456", "document.too_long")]
    [InlineData(DocumentType.CE, "12#45", "document.invalid_characters")]
    [InlineData(DocumentType.CE, "ÑE1234", "document.invalid_characters")]
    [InlineData(DocumentType.CE, "ABCDE", "document.invalid_format")]
    [InlineData(DocumentType.PA, "A123", "document.too_short")]
    [InlineData(DocumentType.PA, "A12345678901234567890", "document.too_long")]
    [InlineData(DocumentType.PA, "NO TIENE", "document.invalid_format")]
    [InlineData(DocumentType.PA, "AO12345/6", "document.invalid_characters")]
    public void Invalid_colombian_documents_are_rejected(DocumentType type, string? raw, string code)
    {
        AssertRejected(type, raw, Country.CO, code);
    }

    [Theory]
    [InlineData("1001234567", "1001234567")]
    [InlineData("98 012 312 345", "98012312345")]
    [InlineData("03051212345", "03051212345")]
    public void Tarjeta_de_identidad_accepts_10_or_11_digits(string raw, string number)
    {
        Assert.Equal(number, CreateOk(DocumentType.TI, raw, Country.CO).Number);
    }

    [Theory]
    [InlineData(DocumentType.CE, "123456", "123456", "CE 123456")]
    [InlineData(DocumentType.CE, "e-123.456", "E123456", "CE E123456")]
    [InlineData(DocumentType.CE, "ve1234567890ab", "VE1234567890AB", "CE VE1234567890AB")]
    [InlineData(DocumentType.PA, "ao123456", "AO123456", "PA AO123456")]
    [InlineData(DocumentType.PA, "X 1234-5678", "X12345678", "PA X12345678")]
    public void Alphanumeric_documents_are_upper_cased(DocumentType type, string raw, string number, string text)
    {
        var doc = CreateOk(type, raw, Country.CO);

        Assert.Equal(number, doc.Number);
        Assert.Equal(text, doc.ToString());
    }

    // ---- Bolivian CI ----

    [Theory]
    [InlineData("1234567", null, null, "1234567", null, null, "CI 1234567")]
    [InlineData("1234567", "1A", "LP", "1234567", "1A", "LP", "CI 1234567-1A LP")]
    [InlineData("1234567", "1a", "La Paz", "1234567", "1A", "LP", "CI 1234567-1A LP")]
    [InlineData("1234567-1A", null, null, "1234567", "1A", null, "CI 1234567-1A")]
    [InlineData("1234567-1a lp", null, null, "1234567", "1A", "LP", "CI 1234567-1A LP")]
    [InlineData("1234567 - 1A - LP", null, null, "1234567", "1A", "LP", "CI 1234567-1A LP")]
    [InlineData("1234567 LP", null, null, "1234567", null, "LP", "CI 1234567 LP")]
    [InlineData("1234567-LP", null, null, "1234567", null, "LP", "CI 1234567 LP")]
    [InlineData("1234567 L.P.", null, null, "1234567", null, "LP", "CI 1234567 LP")]
    [InlineData("1234567 (SC)", null, null, "1234567", null, "SC", "CI 1234567 SC")]
    [InlineData("1234567 santa cruz", null, null, "1234567", null, "SC", "CI 1234567 SC")]
    [InlineData("1234567 1B Potosí", null, null, "1234567", "1B", "PT", "CI 1234567-1B PT")]
    [InlineData("1234567-AB", null, null, "1234567", "AB", null, "CI 1234567-AB")]
    [InlineData("1234567", null, "COCHABAMBA", "1234567", null, "CB", "CI 1234567 CB")]
    [InlineData("1234567", null, "cbba", "1234567", null, "CB", "CI 1234567 CB")]
    [InlineData("1234567", null, "Chuquisaca", "1234567", null, "CH", "CI 1234567 CH")]
    [InlineData("1234567", null, "tarija", "1234567", null, "TJ", "CI 1234567 TJ")]
    [InlineData("1234567", null, "Beni", "1234567", null, "BE", "CI 1234567 BE")]
    [InlineData("1234567", null, "PANDO", "1234567", null, "PD", "CI 1234567 PD")]
    [InlineData("1234567", null, "Oruro", "1234567", null, "OR", "CI 1234567 OR")]
    [InlineData("1234567-1A LP", "1A", "La Paz", "1234567", "1A", "LP", "CI 1234567-1A LP")]
    [InlineData("1.234.567", null, null, "1234567", null, null, "CI 1234567")]
    public void Bolivian_ci_with_complement_and_department(
        string raw, string? complement, string? department, string number, string? expectedComplement, string? expectedDepartment, string text)
    {
        var doc = CreateOk(DocumentType.CI, raw, Country.BO, complement, department);

        Assert.Equal(number, doc.Number);
        Assert.Equal(expectedComplement, doc.Complement);
        Assert.Equal(expectedDepartment, doc.Department);
        Assert.Equal(text, doc.ToString());
        Assert.Equal(Country.BO, doc.Country);
        Assert.Equal("***4567", doc.Masked);
    }

    [Theory]
    [InlineData("123", null, null, "document.too_short")]
    [InlineData("12345678901", null, null, "document.too_long")]
    [InlineData("0123456", null, null, "document.leading_zero")]
    [InlineData("LP 1234567", null, null, "document.invalid_format")]
    [InlineData("1234567-1A 89", null, null, "document.invalid_format")]
    [InlineData("1234 567", null, null, "document.invalid_format")]
    [InlineData("1234567 XY", null, null, "document.invalid_department")]
    [InlineData("1234567", null, "Lima", "document.invalid_department")]
    [InlineData("1234567", "1AB", null, "document.invalid_complement")]
    [InlineData("1234567", "A", null, "document.invalid_complement")]
    [InlineData("1234567-1A", "2B", null, "document.conflicting_values")]
    [InlineData("1234567 LP", null, "SC", "document.conflicting_values")]
    [InlineData(" ", null, null, "document.required")]
    public void Invalid_bolivian_ci_is_rejected(string raw, string? complement, string? department, string code)
    {
        var result = IdDocument.Create(DocumentType.CI, raw, Country.BO, complement, department);

        Assert.False(result.IsSuccess, $"'{raw}' should be rejected");
        Assert.Equal(code, result.Error!.Code);
        Assert.Equal(ErrorKind.Validation, result.Error.Kind);
    }

    [Fact]
    public void Complement_and_department_are_only_for_ci()
    {
        Assert.Equal("document.complement_not_allowed", IdDocument.Create(DocumentType.CC, "1020304050", Country.CO, complement: "1A").Error!.Code);
        Assert.Equal("document.department_not_allowed", IdDocument.Create(DocumentType.NIT, "1020703023", Country.BO, department: "LP").Error!.Code);
        Assert.True(IdDocument.Create(DocumentType.CC, "1020304050", Country.CO, complement: " ", department: "").IsSuccess);
    }

    // ---- Types by country ----

    [Theory]
    [InlineData(DocumentType.CC, Country.BO)]
    [InlineData(DocumentType.CE, Country.BO)]
    [InlineData(DocumentType.PA, Country.BO)]
    [InlineData(DocumentType.TI, Country.BO)]
    [InlineData(DocumentType.CI, Country.CO)]
    public void Type_not_used_in_the_country_is_rejected_by_create(DocumentType type, Country country)
    {
        var error = IdDocument.Create(type, "1234567", country).Error!;

        Assert.Equal("document.type_not_allowed", error.Code);
        Assert.False(IdDocument.IsAllowed(type, country));
    }

    [Fact]
    public void Undefined_type_is_rejected()
    {
        Assert.Equal("document.type_unknown", IdDocument.Create((DocumentType)99, "1234567", Country.CO).Error!.Code);
    }

    [Theory]
    [InlineData("CC", Country.CO, DocumentType.CC)]
    [InlineData("cc", Country.CO, DocumentType.CC)]
    [InlineData("C.C.", Country.CO, DocumentType.CC)]
    [InlineData("cedula", Country.CO, DocumentType.CC)]
    [InlineData("Cédula", Country.CO, DocumentType.CC)]
    [InlineData("cédula de ciudadanía", Country.CO, DocumentType.CC)]
    [InlineData("CEDULA DE CIUDADANIA", Country.CO, DocumentType.CC)]
    [InlineData("CE", Country.CO, DocumentType.CE)]
    [InlineData("C.E.", Country.CO, DocumentType.CE)]
    [InlineData("cedula de extranjeria", Country.CO, DocumentType.CE)]
    [InlineData("Cédula de Extranjería", Country.CO, DocumentType.CE)]
    [InlineData("NIT", Country.CO, DocumentType.NIT)]
    [InlineData("n.i.t.", Country.CO, DocumentType.NIT)]
    [InlineData("NIT", Country.BO, DocumentType.NIT)]
    [InlineData("PA", Country.CO, DocumentType.PA)]
    [InlineData("pasaporte", Country.CO, DocumentType.PA)]
    [InlineData("Pasaporte ", Country.CO, DocumentType.PA)]
    [InlineData("TI", Country.CO, DocumentType.TI)]
    [InlineData("T.I.", Country.CO, DocumentType.TI)]
    [InlineData("tarjeta de identidad", Country.CO, DocumentType.TI)]
    [InlineData("CI", Country.BO, DocumentType.CI)]
    [InlineData("c.i.", Country.BO, DocumentType.CI)]
    [InlineData("carnet", Country.BO, DocumentType.CI)]
    [InlineData("Carnet de Identidad", Country.BO, DocumentType.CI)]
    [InlineData("carné de identidad", Country.BO, DocumentType.CI)]
    [InlineData("cédula de identidad", Country.BO, DocumentType.CI)]
    [InlineData("cedula", Country.BO, DocumentType.CI)]
    public void ParseType_accepts_codes_and_spanish_names(string raw, Country country, DocumentType expected)
    {
        var result = IdDocument.ParseType(raw, country);

        Assert.True(result.IsSuccess, result.Error?.Message);
        Assert.Equal(expected, result.Value);
    }

    [Theory]
    [InlineData("CC", Country.BO, "document.type_not_allowed")]
    [InlineData("cédula de ciudadanía", Country.BO, "document.type_not_allowed")]
    [InlineData("pasaporte", Country.BO, "document.type_not_allowed")]
    [InlineData("CI", Country.CO, "document.type_not_allowed")]
    [InlineData("carnet de identidad", Country.CO, "document.type_not_allowed")]
    [InlineData("RUT", Country.CO, "document.type_unknown")]
    [InlineData("licencia", Country.BO, "document.type_unknown")]
    [InlineData("", Country.CO, "document.type_required")]
    [InlineData(null, Country.CO, "document.type_required")]
    public void ParseType_rejects_unknown_and_foreign_types(string? raw, Country country, string code)
    {
        var result = IdDocument.ParseType(raw, country);

        Assert.False(result.IsSuccess);
        Assert.Equal(code, result.Error!.Code);
    }

    [Fact]
    public void Type_not_allowed_message_suggests_the_valid_types()
    {
        var error = IdDocument.ParseType("CC", Country.BO).Error!;

        Assert.Equal("El tipo de documento CC (cédula de ciudadanía) no se usa en Bolivia. Use CI o NIT.", error.Message);
    }

    [Fact]
    public void Same_document_written_differently_is_equal()
    {
        Assert.Equal(CreateOk(DocumentType.NIT, "800.197.268-4", Country.CO), CreateOk(DocumentType.NIT, "8001972684", Country.CO));
        Assert.Equal(CreateOk(DocumentType.CI, "1234567-1A LP", Country.BO), CreateOk(DocumentType.CI, "1234567", Country.BO, "1A", "la paz"));
    }

    [Fact]
    public void FromStored_round_trips_created_documents()
    {
        foreach (var (type, raw, country) in new[]
        {
            (DocumentType.NIT, "800197268-4", Country.CO),
            (DocumentType.NIT, "1020703023", Country.BO),
            (DocumentType.CC, "1020304050", Country.CO),
            (DocumentType.CI, "1234567-1A LP", Country.BO),
        })
        {
            var created = CreateOk(type, raw, country);

            var stored = IdDocument.FromStored(created.Type, created.Number, created.Complement, created.Department, created.Country);

            Assert.Equal(created, stored);
        }

        Assert.Equal("NIT 800197268-4", IdDocument.FromStored(DocumentType.NIT, "800197268", null, null).ToString());
        Assert.Equal(Country.BO, IdDocument.FromStored(DocumentType.CI, "1234567", "1A", "LP").Country);
    }

    private static IdDocument CreateOk(DocumentType type, string raw, Country country, string? complement = null, string? department = null)
    {
        var result = IdDocument.Create(type, raw, country, complement, department);
        Assert.True(result.IsSuccess, $"'{raw}' should be valid {type} but got {result.Error?.Code}: {result.Error?.Message}");
        Assert.Equal(type, result.Value!.Type);
        return result.Value;
    }

    private static void AssertRejected(DocumentType type, string? raw, Country country, string code)
    {
        var result = IdDocument.Create(type, raw, country);
        Assert.False(result.IsSuccess, $"'{raw}' should be rejected as {type} but was {result.Value}");
        Assert.Equal(code, result.Error!.Code);
        Assert.Equal(ErrorKind.Validation, result.Error.Kind);
        Assert.False(string.IsNullOrWhiteSpace(result.Error.Message));
    }
}
