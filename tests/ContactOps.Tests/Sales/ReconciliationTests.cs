using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ContactOps.Modules.Sales;
using ContactOps.Modules.Sales.Features;
using ContactOps.Platform.Data;
using ContactOps.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace ContactOps.Tests.Sales;

/// <summary>Reconciliation of premium-sales with the carrier's sheet: counts, duplicates, differences, bad files, claims, isolation.</summary>
public class ReconciliationTests
{
    static ReconciliationTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    // Carrier sheet vs SalesSheetFixture: matched 8001, line 3001110002 (written +57 …), one of the two 8006;
    // mismatched 8003 (value) and 8004 (state); missing 8005 and the second 8006; carrier only 9999 and 9998 twice.
    private static readonly string[] CarrierHeader = ["CUENTA", "LINEA", "CODIGO_TARIFA", "FECHA_VENTA", "VALOR_MENSUAL", "ESTADO", "REGION", "OBSERVACIÓN"];

    private static readonly string[][] CarrierRows =
    [
        ["8001", "", "TV-HD", "02/11/2026", "59.900", "INSTALADA", "NORTE", "revisión ok"],
        ["", "+57 300 111 0002", "POS-40", "2026-11-02", "45000", "enviada", "SUR", ""],
        ["8003", "", "INT-300", "2026-11-03", "99.900", "registrada", "", ""],
        ["8004", "", "DECO", "2026-11-03", "20000", "cancelada", "", "baja"],
        ["9999", "", "TV-HD", "2026-11-04", "59900", "instalada", "", ""],
        ["9998", "", "TV-HD", "2026-11-04", "59900", "instalada", "", ""],
        ["9998", "", "TV-HD", "2026-11-04", "59900", "instalada", "", ""],
        ["8006", "", "TV HD", "2026-11-04", "59900", "instalada", "", ""],
    ];

    private const string ExpectedJson = """{"ours":7,"carrier":8,"matched":3,"missingAtCarrier":2,"carrierOnly":3,"mismatched":2}""";

    private static string WriteCsv(string dir, string name, char delimiter, Encoding encoding)
    {
        var path = Path.Combine(dir, name);
        var text = new StringBuilder();
        foreach (var row in CarrierRows.Prepend(CarrierHeader))
        {
            text.Append(string.Join(delimiter, row)).Append("\r\n");
        }

        File.WriteAllText(path, text.ToString(), encoding);
        return path;
    }

    private static string WriteXlsx(string dir)
    {
        var path = Path.Combine(dir, "operador.xlsx");
        var rows = CarrierRows.Select(r => CarrierHeader.Select((h, i) => (h, v: r[i])).ToDictionary(p => p.h, p => (object)p.v));
        MiniExcel.SaveAs(path, rows);
        return path;
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Counts_are_the_same_for_comma_semicolon_utf8_windows1252_and_xlsx_sheets_with_extra_columns(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var dir = SalesSheetFixture.Dir();
        await SalesSheetFixture.SeedOursAsync(app, dir);
        string[] files =
        [
            WriteCsv(dir, "operador-coma.csv", ',', new UTF8Encoding(false)),
            WriteCsv(dir, "operador-punto-y-coma.csv", ';', Encoding.GetEncoding(1252)),
            WriteXlsx(dir),
        ];
        foreach (var file in files)
        {
            var (exit, json, output, err) = await SalesSheetFixture.RunAsync(app, "reconcile", "sales", "--operation", SalesSheetFixture.Operation, "--carrier-file", file, "--json");
            Assert.True(exit == 0, file + ": " + err + output);
            Assert.Equal(ExpectedJson, output);
            Assert.Equal(["ours", "carrier", "matched", "missingAtCarrier", "carrierOnly", "mismatched"], json!.RootElement.EnumerateObject().Select(p => p.Name));
        }

        await using var scope = app.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var cuts = await db.ReconciliationCuts.OrderBy(c => c.FileName).ToListAsync();
        Assert.Equal(3, cuts.Count);
        Assert.All(cuts, c => Assert.Equal((2, 2), (c.DuplicateOurs, c.DuplicateCarrier)));
        Assert.All(cuts, c => Assert.Equal(64, c.FileSha256.Length));
        Assert.Equal(new DateOnly(2026, 11, 2), cuts[0].PeriodFrom);
        Assert.Empty(app.LoggedErrors);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Items_list_the_differing_fields_and_report_duplicate_keys_on_both_sides_and_download_as_xlsx(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var dir = SalesSheetFixture.Dir();
        await SalesSheetFixture.SeedOursAsync(app, dir);
        var file = WriteCsv(dir, "operador.csv", ';', new UTF8Encoding(true));
        var xlsx = Path.Combine(dir, "corte.xlsx");
        var (exit, _, output, err) = await SalesSheetFixture.RunAsync(app, "reconcile", "sales", "--operation", SalesSheetFixture.Operation, "--carrier-file", file, "--out", xlsx);
        Assert.True(exit == 0, err);
        Assert.Contains("Llaves duplicadas: 2 filas nuestras · 2 filas del operador", output, StringComparison.Ordinal);

        var http = await app.ClientForAsync("backoffice.premium-sales");
        var cuts = await http.GetFromJsonAsync<JsonElement>("/api/v1/sales/reconciliation/cuts?operation=premium-sales");
        var cutId = cuts.GetProperty("items")[0].GetProperty("id").GetGuid();

        var mismatched = await http.GetFromJsonAsync<JsonElement>($"/api/v1/sales/reconciliation/cuts/{cutId}/items?category=Mismatched");
        var differences = mismatched.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("key").GetString()!, i => i.GetProperty("differences").GetString()!);
        Assert.Equal(2, differences.Count);
        Assert.Equal("valor_mensual: nuestro 89900 / operador 99900", differences["8003|INT300|20261103"]);
        Assert.Equal("estado: nuestro instalada / operador cancelada", differences["8004|DECO|20261103"]);

        var duplicates = await http.GetFromJsonAsync<JsonElement>($"/api/v1/sales/reconciliation/cuts/{cutId}/items?duplicates=true");
        var dupRows = duplicates.GetProperty("items").EnumerateArray().Select(i => (i.GetProperty("key").GetString(), i.GetProperty("category").GetString())).OrderBy(x => x).ToList();
        Assert.Equal(
            [("8006|TVHD|20261104", "Matched"), ("8006|TVHD|20261104", "MissingAtCarrier"), ("9998|TVHD|20261104", "CarrierOnly"), ("9998|TVHD|20261104", "CarrierOnly")],
            dupRows);

        var carrierOnly = await http.GetFromJsonAsync<JsonElement>($"/api/v1/sales/reconciliation/cuts/{cutId}/items?category=CarrierOnly&pageSize=2");
        Assert.Equal(3, carrierOnly.GetProperty("total").GetInt32());
        Assert.Equal(2, carrierOnly.GetProperty("items").GetArrayLength());
        Assert.Equal([6L, 7L, 8L], (await http.GetFromJsonAsync<JsonElement>($"/api/v1/sales/reconciliation/cuts/{cutId}/items?category=CarrierOnly"))
            .GetProperty("items").EnumerateArray().Select(i => i.GetProperty("carrierLine").GetInt64()).Order());

        var detail = MiniExcel.Query(xlsx, useHeaderRow: true, sheetName: "detalle").Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(8, detail.Count);
        Assert.Equal(2, detail.Count(r => (string)r["categoria"] == "difiere"));
        var summary = MiniExcel.Query(xlsx, useHeaderRow: true, sheetName: "resumen").Cast<IDictionary<string, object>>().ToDictionary(r => (string)r["dato"], r => Convert.ToString(r["valor"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("2", summary["faltan_en_operador"]);

        var download = await http.GetAsync($"/api/v1/sales/reconciliation/cuts/{cutId}/xlsx");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("PK", Encoding.ASCII.GetString((await download.Content.ReadAsByteArrayAsync())[..2]));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Bad_files_are_rejected_with_line_numbers_and_exit_code_2_and_leave_no_cut(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var dir = SalesSheetFixture.Dir();
        await SalesSheetFixture.SeedOursAsync(app, dir);
        var bad = Path.Combine(dir, "malo.csv");
        await File.WriteAllTextAsync(bad, "cuenta;codigo_tarifa;fecha_venta;valor_mensual\n8001;TV-HD;2026-11-02;59900\n8003;INT-300;31/02/2026;1\n8004;DECO;2026-11-03;veinte mil\n\n8005;;2026-11-04;1\n", new UTF8Encoding(false));
        var (exit, json, _, _) = await SalesSheetFixture.RunAsync(app, "reconcile", "sales", "--operation", SalesSheetFixture.Operation, "--carrier-file", bad, "--json");
        Assert.Equal(2, exit);
        Assert.Equal("reconcile.bad_rows", json!.RootElement.GetProperty("error").GetString());
        var lines = json.RootElement.GetProperty("fields").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(["linea 3", "linea 4", "linea 6"], lines);
        Assert.Contains("31/02/2026", json.RootElement.GetProperty("fields").GetProperty("linea 3")[0].GetString(), StringComparison.Ordinal);

        var noKey = Path.Combine(dir, "sin-llave.csv");
        await File.WriteAllTextAsync(noKey, "cuenta;fecha_venta\n8001;2026-11-02\n");
        (exit, json, _, _) = await SalesSheetFixture.RunAsync(app, "reconcile", "sales", "--operation", SalesSheetFixture.Operation, "--carrier-file", noKey, "--json");
        Assert.Equal(2, exit);
        Assert.Equal("reconcile.missing_columns", json!.RootElement.GetProperty("error").GetString());

        (exit, _, _, _) = await SalesSheetFixture.RunAsync(app, "reconcile", "sales", "--operation", SalesSheetFixture.Operation, "--carrier-file", Path.Combine(dir, "no-existe.csv"), "--json");
        Assert.Equal(2, exit);
        (exit, _, _, _) = await SalesSheetFixture.RunAsync(app, "reconcile", "sales", "--operation", "no-existe", "--carrier-file", bad, "--json");
        Assert.Equal(2, exit);

        await using var scope = app.SystemScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<AppDbContext>().ReconciliationCuts.CountAsync());
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Claims_are_raised_from_missing_rows_sent_and_answered_and_another_clients_user_cannot_see_the_cut(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var dir = SalesSheetFixture.Dir();
        await SalesSheetFixture.SeedOursAsync(app, dir);
        var file = WriteCsv(dir, "operador.csv", ',', new UTF8Encoding(false));
        Assert.Equal(0, (await SalesSheetFixture.RunAsync(app, "reconcile", "sales", "--operation", SalesSheetFixture.Operation, "--carrier-file", file)).Exit);

        var http = await app.ClientForAsync("backoffice.premium-sales");
        var cutId = (await http.GetFromJsonAsync<JsonElement>("/api/v1/sales/reconciliation/cuts")).GetProperty("items")[0].GetProperty("id").GetGuid();

        var agent = await app.ClientForAsync("agent.premium-sales");
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.PostAsJsonAsync($"/api/v1/sales/reconciliation/cuts/{cutId}/claims", new { })).StatusCode);

        var created = await http.PostAsJsonAsync($"/api/v1/sales/reconciliation/cuts/{cutId}/claims", new { });
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var claims = (await created.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().ToList();
        Assert.Equal(["8005|TVHD|20261104", "8006|TVHD|20261104"], claims.Select(c => c.GetProperty("key").GetString()).Order());
        Assert.All(claims, c => Assert.Equal("Open", c.GetProperty("state").GetString()));

        // Raising again claims nothing twice.
        var again = await http.PostAsJsonAsync($"/api/v1/sales/reconciliation/cuts/{cutId}/claims", new { });
        Assert.Equal(0, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetArrayLength());
        var cut = await http.GetFromJsonAsync<JsonElement>($"/api/v1/sales/reconciliation/cuts/{cutId}");
        Assert.Equal((2, 2), (cut.GetProperty("missingAtCarrier").GetInt64(), cut.GetProperty("claimed").GetInt64()));

        var claimId = claims[0].GetProperty("id").GetGuid();
        var early = await http.PostAsJsonAsync($"/api/v1/sales/reconciliation/claims/{claimId}/answer", new { outcome = "Accepted", answer = "Se paga en el próximo corte" });
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.PostAsJsonAsync($"/api/v1/sales/reconciliation/claims/{claimId}/send", new { reference = "TICKET-77" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.PostAsJsonAsync($"/api/v1/sales/reconciliation/claims/{claimId}/answer", new { outcome = "Accepted", answer = "" })).StatusCode);
        var answered = await (await http.PostAsJsonAsync($"/api/v1/sales/reconciliation/claims/{claimId}/answer", new { outcome = "Accepted", answer = "Se paga en el próximo corte" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("Answered", "Accepted", "TICKET-77"), (answered.GetProperty("state").GetString(), answered.GetProperty("outcome").GetString(), answered.GetProperty("sentReference").GetString()));

        var missingItems = await http.GetFromJsonAsync<JsonElement>($"/api/v1/sales/reconciliation/cuts/{cutId}/items?category=MissingAtCarrier");
        Assert.Equal(["Answered", "Open"], missingItems.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("claim").GetString()).Order());

        // The seed's KPI per cut, in the operation's report: missing and claimed, with the claims' answers.
        var cutDate = cut.GetProperty("cutDate").GetString();
        var supervisor = await app.ClientForAsync("supervisor.premium-sales");
        var report = await supervisor.GetFromJsonAsync<JsonElement>($"/api/v1/reports/kpis?operation=premium-sales&from={cutDate}&to={cutDate}");
        var section = report.GetProperty("sections").EnumerateArray().Single(s => s.GetProperty("key").GetString() == "reconciliation");
        decimal Figure(string code) => section.GetProperty("figures").EnumerateArray().Single(f => f.GetProperty("code").GetString() == code).GetProperty("value").GetDecimal();
        Assert.Equal((1m, 2m, 1m, 1m, 1m), (Figure("reconciliationCuts"), Figure("missingAtCarrier"), Figure("claimedShare"), Figure("claimsAccepted"), Figure("claimsPending")));

        // Another client's admin: the cut, its items and its claims do not exist for them.
        var other = await app.ClientForAsync("admin.digital-sales");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/sales/reconciliation/cuts/{cutId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/sales/reconciliation/cuts/{cutId}/items")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/sales/reconciliation/cuts/{cutId}/xlsx")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync($"/api/v1/sales/reconciliation/claims/{claimId}/send", new { })).StatusCode);
        Assert.Equal(0, (await other.GetFromJsonAsync<JsonElement>("/api/v1/sales/reconciliation/cuts")).GetProperty("total").GetInt32());
    }
}

/// <summary>The matcher alone: pairing, duplicates and hash collisions.</summary>
public class ReconciliationMatcherTests
{
    [Fact]
    public void Repeated_keys_are_paired_in_order_and_every_row_is_counted_once()
    {
        var matcher = new ReconciliationMatcher(4);
        var v = new SheetValues { State = -1 };
        matcher.AddCarrier("A", 2, v);
        matcher.AddCarrier("A", 3, v);
        matcher.AddCarrier("B", 4, v);
        matcher.AddOurs("A", Guid.NewGuid(), v);
        matcher.AddOurs("C", Guid.NewGuid(), v);
        matcher.AddOurs("C", Guid.NewGuid(), v);
        matcher.AddOurs("C", Guid.NewGuid(), v);
        var counts = matcher.Counts();
        Assert.Equal(new ReconciliationCounts(4, 3, 1, 3, 2, 0, 3, 2), counts);
        var items = matcher.Items().ToList();
        Assert.Equal(2, items.Count(i => i.Key == "A"));
        Assert.All(items.Where(i => i.Key is "A" or "C"), i => Assert.True(i.DuplicateKey));
        Assert.False(items.Single(i => i.Key == "B").DuplicateKey);
    }

    [Fact]
    public void Keys_sharing_a_hash_bucket_are_told_apart_by_their_text()
    {
        // Many keys: the dictionary of 64-bit hashes is exercised; every key must find only itself.
        var matcher = new ReconciliationMatcher(16);
        var v = new SheetValues { State = -1 };
        for (var i = 0; i < 20_000; i++)
        {
            matcher.AddCarrier("K" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), i + 2, v);
        }

        for (var i = 0; i < 20_000; i += 2)
        {
            matcher.AddOurs("K" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), Guid.NewGuid(), v with { State = i % 4 == 0 ? -1 : 3 });
        }

        var counts = matcher.Counts();
        Assert.Equal((10_000L, 10_000L, 0L), (counts.Matched, counts.CarrierOnly, counts.MissingAtCarrier));
    }
}
