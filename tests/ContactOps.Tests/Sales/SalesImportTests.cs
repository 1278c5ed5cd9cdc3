using System.Text;
using ContactOps.Modules.Sales;
using ContactOps.Platform.Data;
using ContactOps.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace ContactOps.Tests.Sales;

/// <summary>`import sales` (all or nothing, rejected rows with lines, duplicates) and `export sales` (CSV/XLSX content).</summary>
public class SalesImportTests
{
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task A_sheet_with_a_bad_row_imports_nothing_and_lists_each_rejected_row_with_its_line(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var dir = SalesSheetFixture.Dir();
        await SalesSheetFixture.AddCustomersAsync(app, dir);
        var file = Path.Combine(dir, "ventas.csv");
        await File.WriteAllTextAsync(file, string.Join('\n',
            SalesSheetFixture.Header,
            SalesSheetFixture.OurRows[0],
            "99999999;hogar nuevo servicio;TV-HD;1;59900;0;2026-11-02;;;;8100;;instalada",
            "52000002;venta rara;TV-HD;1;59900;0;2026-11-02;;;;8101;;instalada",
            SalesSheetFixture.OurRows[1],
            "52000003;hogar upgrade;INT-300;1;89900;0;2026-13-45;;;;8102;;registrada") + "\n", new UTF8Encoding(true));

        var (exit, json, _, _) = await SalesSheetFixture.RunAsync(app, "import", "sales", "--operation", SalesSheetFixture.Operation, "--file", file, "--json");
        Assert.Equal(2, exit);
        var root = json!.RootElement;
        Assert.Equal((6L, 0L, 3L), (root.GetProperty("rows").GetInt64() + 1, root.GetProperty("created").GetInt64(), root.GetProperty("rejected").GetInt64()));
        var rejected = root.GetProperty("rejectedRows").EnumerateArray().Select(r => (r.GetProperty("line").GetInt64(), r.GetProperty("field").GetString())).ToList();
        Assert.Equal([(3L, "documento"), (4L, "tipo_venta"), (6L, "fecha_venta")], rejected);
        Assert.Contains("99999999", root.GetProperty("rejectedRows")[0].GetProperty("reason").GetString(), StringComparison.Ordinal);

        await using (var scope = app.SystemScope())
        {
            // The demo has sales of its own (the sales cell's); none comes from an import.
            Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<AppDbContext>().Sales.CountAsync(s => s.Origin == SaleOrigin.Import));
        }

        // The good rows alone import; loading the same sheet again creates nothing (duplicates).
        await File.WriteAllTextAsync(file, SalesSheetFixture.Header + "\n" + string.Join('\n', SalesSheetFixture.OurRows) + "\n", new UTF8Encoding(true));
        (exit, json, _, _) = await SalesSheetFixture.RunAsync(app, "import", "sales", "--operation", SalesSheetFixture.Operation, "--file", file, "--json");
        Assert.Equal(0, exit);
        Assert.Equal((6L, 0L, 0L), (json!.RootElement.GetProperty("created").GetInt64(), json.RootElement.GetProperty("duplicates").GetInt64(), json.RootElement.GetProperty("rejected").GetInt64()));
        (exit, json, _, _) = await SalesSheetFixture.RunAsync(app, "import", "sales", "--operation", SalesSheetFixture.Operation, "--file", file, "--json");
        Assert.Equal(0, exit);
        Assert.Equal((0L, 6L), (json!.RootElement.GetProperty("created").GetInt64(), json.RootElement.GetProperty("duplicates").GetInt64()));

        await using (var scope = app.SystemScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var deco = await db.Sales.Include(s => s.Products).SingleAsync(s => s.AccountNumber == "8004");
            Assert.Equal((SaleKind.HomeAddOn, SaleState.Installed, SaleOrigin.Import, 20000m, 2), (deco.Kind, deco.State, deco.Origin, deco.MonthlyValue, deco.Products[0].Quantity));
            Assert.Equal(new DateTimeOffset(2026, 11, 3, 5, 0, 0, TimeSpan.Zero), deco.SoldAt); // midnight in Bogotá
            Assert.Equal("COP", deco.Currency);
            var portability = await db.Sales.SingleAsync(s => s.LineNumber == "3001110002");
            Assert.Equal(("agent.premium-sales", "C-2", "101"), (portability.SellerLogin, portability.CallId, portability.Extension));
            Assert.NotNull(portability.SellerUserId);
        }

        // An agent may not import.
        var agent = await app.ClientForAsync("agent.premium-sales");
        using var form = new MultipartFormDataContent { { new StringContent("premium-sales"), "operation" }, { new ByteArrayContent(await File.ReadAllBytesAsync(file)), "file", "ventas.csv" } };
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await agent.PostAsync("/api/v1/sales/imports", form)).StatusCode);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Export_writes_the_sheet_in_spanish_columns_as_csv_and_xlsx_for_the_local_date_range(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var dir = SalesSheetFixture.Dir();
        await SalesSheetFixture.SeedOursAsync(app, dir);

        var csv = Path.Combine(dir, "hoja.csv");
        var (exit, _, output, err) = await SalesSheetFixture.RunAsync(app, "export", "sales", "--operation", SalesSheetFixture.Operation, "--from", "2026-11-02", "--to", "2026-11-03", "--format", "csv", "--out", csv);
        Assert.True(exit == 0, err);
        Assert.Contains("4 filas", output, StringComparison.Ordinal);
        var lines = (await File.ReadAllLinesAsync(csv, Encoding.UTF8)).ToList();
        Assert.Equal(SalesSheetFixture.Header, lines[0]);
        Assert.Equal(5, lines.Count);
        Assert.Equal(SalesSheetFixture.OurRows[..4].Order(StringComparer.Ordinal), lines.Skip(1).Order(StringComparer.Ordinal));

        var xlsx = Path.Combine(dir, "hoja.xlsx");
        (exit, _, _, err) = await SalesSheetFixture.RunAsync(app, "export", "sales", "--operation", SalesSheetFixture.Operation, "--from", "2026-11-01", "--to", "2026-11-30", "--format", "xlsx", "--out", xlsx);
        Assert.True(exit == 0, err);
        var rows = MiniExcel.Query(xlsx, useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(8, rows.Count); // 6 imported + 2 made directly on account 8006
        Assert.Equal(SalesSheetFixture.Header.Split(';'), rows[0].Keys);
        Assert.Equal(2, rows.Count(r => (string)r["cuenta"] == "8006"));
        Assert.Equal("2026-11-10", rows[^1]["fecha_venta"]);

        // Bad input: exit 2.
        Assert.Equal(2, (await SalesSheetFixture.RunAsync(app, "export", "sales", "--operation", SalesSheetFixture.Operation, "--from", "2026-11-30", "--to", "2026-11-01", "--format", "csv", "--out", csv)).Exit);
        Assert.Equal(2, (await SalesSheetFixture.RunAsync(app, "export", "sales", "--operation", SalesSheetFixture.Operation, "--from", "2026-11-01", "--to", "2026-11-30", "--format", "pdf", "--out", csv)).Exit);
        Assert.Equal(2, (await SalesSheetFixture.RunAsync(app, "export", "sales", "--operation", SalesSheetFixture.Operation, "--from", "ayer", "--to", "2026-11-30", "--format", "csv", "--out", csv)).Exit);
    }
}
