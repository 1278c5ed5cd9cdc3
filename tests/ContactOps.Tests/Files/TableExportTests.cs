using System.Globalization;
using ContactOps.Platform.Files;
using ContactOps.Tests.Platform;
using Xunit;

namespace ContactOps.Tests.Files;

/// <summary>The queues' one table writer: formats, cells, names, an empty table, formulas guarded.</summary>
public sealed class TableExportTests
{
    private static readonly string[] Headers = ["Operación", "Fecha", "Valor", "Nota"];

    [Theory]
    [InlineData(null, TableFormat.Csv)]
    [InlineData("", TableFormat.Csv)]
    [InlineData("CSV", TableFormat.Csv)]
    [InlineData(" xlsx ", TableFormat.Xlsx)]
    public void The_format_is_csv_by_default_or_xlsx(string? format, TableFormat expected) =>
        Assert.Equal(expected, TableExport.ParseFormat(format).Value);

    [Fact]
    public void Another_format_is_a_field_error_with_its_code()
    {
        var error = TableExport.ParseFormat("pdf").Error!;
        Assert.Equal("export.format", error.Code);
        Assert.True(error.Fields!.ContainsKey("format"));
    }

    [Fact]
    public void Csv_and_xlsx_hold_the_same_cells_and_csv_guards_formulas()
    {
        object?[][] rows =
        [
            ["premium-sales", new DateTime(2026, 12, 1, 10, 5, 0), 89900.5m, "=HYPERLINK(\"x\")"],
            ["sales-cell", null, 3, "a;b"],
        ];
        var csv = TableExport.Write(TableFormat.Csv, "x.csv", "Hoja", Headers, rows, capped: false);
        Assert.Equal("text/csv; charset=utf-8", csv.ContentType);
        var parsed = QueueExportTests.Csv(csv.Content);
        Assert.Equal(Headers, parsed[0]);
        Assert.Equal(["premium-sales", "2026-12-01 10:05", "89900.5", "'=HYPERLINK(\"x\")"], parsed[1]);
        Assert.Equal(["sales-cell", "", "3", "a;b"], parsed[2]);

        var xlsx = TableExport.Write(TableFormat.Xlsx, "x.xlsx", "Hoja", Headers, rows, capped: true);
        Assert.True(xlsx.Capped);
        var sheet = QueueExportTests.Xlsx(xlsx.Content);
        Assert.Equal(Headers, sheet[0]);
        Assert.Equal("2026-12-01 10:05", sheet[1][1]);
        Assert.Equal(89900.5m, decimal.Parse(sheet[1][2], CultureInfo.InvariantCulture));
        Assert.Equal("a;b", sheet[2][3]);
    }

    [Theory]
    [InlineData(TableFormat.Csv)]
    [InlineData(TableFormat.Xlsx)]
    public void An_empty_table_still_has_its_headers(TableFormat format)
    {
        var file = TableExport.Write(format, "x", "Hoja", Headers, [], capped: false);
        var rows = format == TableFormat.Csv ? QueueExportTests.Csv(file.Content) : QueueExportTests.Xlsx(file.Content);
        Assert.Equal(Headers, Assert.Single(rows));
    }

    [Fact]
    public void The_file_name_has_the_stem_the_operation_and_the_local_minute() =>
        Assert.Equal("escalamientos-premium-sales-20261201-1005.xlsx", TableExport.FileName("escalamientos", "premium-sales", new DateTime(2026, 12, 1, 10, 5, 30), TableFormat.Xlsx));
}
