using ContactOps.Modules.Customers;
using ContactOps.Platform;
using ContactOps.Platform.Results;
using Xunit;

namespace ContactOps.Tests.Customers;

public class PhoneNumberTests
{
    [Theory]
    [InlineData("3001234567")]
    [InlineData("300 123 4567")]
    [InlineData("300.123.4567")]
    [InlineData("300-123-4567")]
    [InlineData("(300) 123-4567")]
    [InlineData("+57 300 123 4567")]
    [InlineData("+573001234567")]
    [InlineData("(+57) 300-123-4567")]
    [InlineData("57 300 123 4567")]
    [InlineData("573001234567")]
    [InlineData("0057 300 123 4567")]
    [InlineData("  300\u00A0123\t4567  ")]
    [InlineData("300\u2013123\u20134567")]
    public void Colombian_mobile_is_accepted_in_every_common_writing(string raw)
    {
        var phone = ParseOk(raw, Country.CO);

        Assert.Equal("+573001234567", phone.E164);
        Assert.Equal("3001234567", phone.National);
        Assert.Equal(PhoneKind.Mobile, phone.Kind);
        Assert.Equal(Country.CO, phone.Country);
        Assert.Equal("300 123 4567", phone.Display);
        Assert.Equal("*** *** 4567", phone.Masked);
        Assert.Equal("+573001234567", phone.ToString());
    }

    [Theory]
    [InlineData("601 234 5678", "+576012345678", "601 234 5678")]
    [InlineData("(601) 234-5678", "+576012345678", "601 234 5678")]
    [InlineData("+57 604 444 1234", "+576044441234", "604 444 1234")]
    [InlineData("576081234567", "+576081234567", "608 123 4567")]
    public void Colombian_fixed_line_with_60X_indicative_is_accepted(string raw, string e164, string display)
    {
        var phone = ParseOk(raw, Country.CO);

        Assert.Equal(e164, phone.E164);
        Assert.Equal(PhoneKind.Fixed, phone.Kind);
        Assert.Equal(display, phone.Display);
        Assert.Equal("*** *** " + display[^4..], phone.Masked);
    }

    [Theory]
    [InlineData("300123456", "phone.too_short")]
    [InlineData("2345678", "phone.too_short")]
    [InlineData("+57 300 123 456", "phone.too_short")]
    [InlineData("30012345678", "phone.too_long")]
    [InlineData("+57 300 123 45678", "phone.too_long")]
    [InlineData("57300123456", "phone.too_long")]
    [InlineData("1234567890", "phone.invalid_prefix")]
    [InlineData("7001234567", "phone.invalid_prefix")]
    [InlineData("6101234567", "phone.invalid_prefix")]
    [InlineData("6001234567", "phone.invalid_area_code")]
    [InlineData("6091234567", "phone.invalid_area_code")]
    [InlineData("300 123 ABCD", "phone.contains_letters")]
    [InlineData("300 123 4567 ext 12", "phone.contains_letters")]
    [InlineData("300/123/4567", "phone.invalid_characters")]
    [InlineData("300 + 1234567", "phone.invalid_characters")]
    [InlineData("++573001234567", "phone.invalid_characters")]
    [InlineData("+1 305 123 4567", "phone.unsupported_country_code")]
    [InlineData("0034 600 123 456", "phone.unsupported_country_code")]
    [InlineData("", "phone.required")]
    [InlineData("   ", "phone.required")]
    [InlineData(null, "phone.required")]
    [InlineData("+", "phone.too_short")]
    [InlineData("( ) -", "phone.too_short")]
    public void Invalid_Colombian_numbers_are_rejected_with_the_reason(string? raw, string code)
    {
        AssertRejected(raw, Country.CO, code);
    }

    [Fact]
    public void Colombian_rejection_messages_are_in_spanish_and_explain_the_rule()
    {
        var result = PhoneNumber.Parse("300123456", Country.CO);

        Assert.Equal("El teléfono tiene 9 dígitos y en Colombia debe tener 10 (celular 3XX XXX XXXX o fijo 60X XXX XXXX).", result.Error!.Message);
    }

    [Theory]
    [InlineData("71234567", "+59171234567", PhoneKind.Mobile, "7123 4567", "**** 4567")]
    [InlineData("6123 4567", "+59161234567", PhoneKind.Mobile, "6123 4567", "**** 4567")]
    [InlineData("+591 7123 4567", "+59171234567", PhoneKind.Mobile, "7123 4567", "**** 4567")]
    [InlineData("591-71234567", "+59171234567", PhoneKind.Mobile, "7123 4567", "**** 4567")]
    [InlineData("00591 (7) 123.4567", "+59171234567", PhoneKind.Mobile, "7123 4567", "**** 4567")]
    [InlineData("22123456", "+59122123456", PhoneKind.Fixed, "2 2123456", "* ***3456")]
    [InlineData("(2) 212-3456", "+59122123456", PhoneKind.Fixed, "2 2123456", "* ***3456")]
    [InlineData("3 3456789", "+59133456789", PhoneKind.Fixed, "3 3456789", "* ***6789")]
    [InlineData("+591 4 4251234", "+59144251234", PhoneKind.Fixed, "4 4251234", "* ***1234")]
    public void Bolivian_numbers_are_accepted(string raw, string e164, PhoneKind kind, string display, string masked)
    {
        var phone = ParseOk(raw, Country.BO);

        Assert.Equal(e164, phone.E164);
        Assert.Equal(e164[4..], phone.National);
        Assert.Equal(kind, phone.Kind);
        Assert.Equal(Country.BO, phone.Country);
        Assert.Equal(display, phone.Display);
        Assert.Equal(masked, phone.Masked);
    }

    [Theory]
    [InlineData("2", "2123456", "+59122123456")]
    [InlineData("3", "345-6789", "+59133456789")]
    [InlineData(" 4 ", "4251234", "+59144251234")]
    public void Bare_seven_digit_bolivian_number_uses_the_default_area_code(string area, string raw, string e164)
    {
        var phone = ParseOk(raw, Country.BO, area);

        Assert.Equal(e164, phone.E164);
        Assert.Equal(PhoneKind.Fixed, phone.Kind);
    }

    [Fact]
    public void Default_area_code_does_not_change_a_complete_number()
    {
        Assert.Equal("+59171234567", ParseOk("71234567", Country.BO, "2").E164);
        Assert.Equal("+59133456789", ParseOk("33456789", Country.BO, "2").E164);
    }

    [Theory]
    [InlineData("2123456", null, "phone.area_code_required")]
    [InlineData("2123456", "", "phone.area_code_required")]
    [InlineData("2123456", "5", "phone.invalid_default_area_code")]
    [InlineData("2123456", "02", "phone.invalid_default_area_code")]
    [InlineData("0123456", "2", "phone.invalid_prefix")]
    [InlineData("+591 2123456", "2", "phone.too_short")]
    [InlineData("212345", "2", "phone.too_short")]
    [InlineData("712345678", null, "phone.too_long")]
    [InlineData("+591 7123 45678", null, "phone.too_long")]
    [InlineData("51234567", null, "phone.invalid_prefix")]
    [InlineData("81234567", null, "phone.invalid_prefix")]
    [InlineData("11234567", null, "phone.invalid_prefix")]
    [InlineData("7123 456A", null, "phone.contains_letters")]
    public void Invalid_Bolivian_numbers_are_rejected_with_the_reason(string raw, string? area, string code)
    {
        AssertRejected(raw, Country.BO, code, area);
    }

    [Fact]
    public void Missing_area_code_message_lists_the_areas()
    {
        var error = PhoneNumber.Parse("2123456", Country.BO).Error!;

        Assert.Contains("2 La Paz", error.Message, StringComparison.Ordinal);
        Assert.Contains("3 Santa Cruz", error.Message, StringComparison.Ordinal);
        Assert.Contains("4 Cochabamba", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("+57 300 123 4567")]
    [InlineData("0057 300 123 4567")]
    [InlineData("573001234567")]
    [InlineData("57 601 234 5678")]
    public void Colombian_number_is_rejected_for_Bolivia(string raw)
    {
        var error = AssertRejected(raw, Country.BO, "phone.country_mismatch");

        Assert.Equal("El número es de Colombia (+57) y el cliente opera en Bolivia.", error.Message);
    }

    [Theory]
    [InlineData("+591 7123 4567")]
    [InlineData("00591 71234567")]
    [InlineData("59171234567")]
    [InlineData("591 2 2123456")]
    public void Bolivian_number_is_rejected_for_Colombia(string raw)
    {
        var error = AssertRejected(raw, Country.CO, "phone.country_mismatch");

        Assert.Equal("El número es de Bolivia (+591) y el cliente opera en Colombia.", error.Message);
    }

    [Fact]
    public void National_numbers_of_the_other_country_fail_on_length()
    {
        AssertRejected("3001234567", Country.BO, "phone.too_long");
        AssertRejected("71234567", Country.CO, "phone.too_short");
    }

    [Fact]
    public void Default_area_code_is_ignored_for_Colombia()
    {
        AssertRejected("2345678", Country.CO, "phone.too_short", "601");
        Assert.Equal("+573001234567", ParseOk("3001234567", Country.CO, "2").E164);
    }

    [Fact]
    public void TryParse_reports_success_and_failure()
    {
        Assert.True(PhoneNumber.TryParse("300 123 4567", Country.CO, out var mobile));
        Assert.Equal("+573001234567", mobile.E164);

        Assert.True(PhoneNumber.TryParse("2123456", Country.BO, "2", out var fixedLine));
        Assert.Equal("+59122123456", fixedLine.E164);

        Assert.False(PhoneNumber.TryParse("2123456", Country.BO, out var missing));
        Assert.Null(missing);
        Assert.False(PhoneNumber.TryParse("+57 300 123 4567", Country.BO, out _));
    }

    [Fact]
    public void Same_number_written_differently_is_equal()
    {
        Assert.Equal(ParseOk("+57 (300) 123-4567", Country.CO), ParseOk("3001234567", Country.CO));
        Assert.NotEqual(ParseOk("3001234567", Country.CO), ParseOk("3001234568", Country.CO));
    }

    private static PhoneNumber ParseOk(string raw, Country country, string? area = null)
    {
        var result = PhoneNumber.Parse(raw, country, area);
        Assert.True(result.IsSuccess, $"'{raw}' should be valid for {country} but got {result.Error?.Code}: {result.Error?.Message}");
        return result.Value!;
    }

    private static Error AssertRejected(string? raw, Country country, string code, string? area = null)
    {
        var result = PhoneNumber.Parse(raw, country, area);
        Assert.False(result.IsSuccess, $"'{raw}' should be rejected for {country} but was {result.Value}");
        Assert.Null(result.Value);
        var error = result.Error!;
        Assert.Equal(code, error.Code);
        Assert.Equal(ErrorKind.Validation, error.Kind);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
        return error;
    }
}
