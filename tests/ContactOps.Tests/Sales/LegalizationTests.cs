using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ContactOps.Modules.Sales;
using ContactOps.Platform.Audit;
using ContactOps.Platform.Data;
using ContactOps.Tests.Infrastructure;
using ContactOps.Tests.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using static ContactOps.Tests.Sales.SalesTestData;

namespace ContactOps.Tests.Sales;

/// <summary>A month's legalization: renamed recordings, the carrier's CSV, the blocking list, the TyT XLSX, the client's zone.</summary>
public class LegalizationTests
{
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task The_month_zip_has_the_renamed_recordings_the_carrier_csv_and_the_blocking_list_and_devices_go_to_the_tyt_xlsx(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var agent = await app.ClientForAsync("agent.premium-sales");

        // 23:30 on 31 October in Bogotá is already 1 November in UTC: it belongs to October. The call id has a '/'.
        var a = await AddSaleAsync(app, new SaleSpec(SaleKind.MobilePortability, Bogota(2026, 10, 31, 23, 30), SaleState.Installed, "CALL/001", "4021", "jperez", Line: "3001112233"));
        var b = await AddSaleAsync(app, new SaleSpec(SaleKind.HomeBundle, Bogota(2026, 10, 1, 0, 5), SaleState.Installed, "C2", "4022", "mlopez", Account: "ACC-9",
            Products: [("T-100", "Internet 300 Mb + TV", 1, 89900m, 0m)]));
        var noRecording = await AddSaleAsync(app, new SaleSpec(SaleKind.HomeNewService, Bogota(2026, 10, 15, 10, 0), SaleState.Installed, "C3", "4023", "jperez", Account: "ACC-10"));
        var noCallId = await AddSaleAsync(app, new SaleSpec(SaleKind.MobileNewLine, Bogota(2026, 10, 20, 9, 0), SaleState.Legalized, null, "4024", "jperez", Line: "3004445566"));
        var notYet = await AddSaleAsync(app, new SaleSpec(SaleKind.MobileNewLine, Bogota(2026, 10, 10, 9, 0), SaleState.Registered, "C5", "4025", "jperez"));
        // 23:50 on 30 September in Bogotá is 1 October in UTC: it belongs to September, not October.
        var september = await AddSaleAsync(app, new SaleSpec(SaleKind.MobileNewLine, Bogota(2026, 9, 30, 23, 50), SaleState.Installed, "C6", "4026", "jperez"));
        var november = await AddSaleAsync(app, new SaleSpec(SaleKind.MobileNewLine, Bogota(2026, 11, 1, 0, 10), SaleState.Installed, "C7", "4027", "jperez"));
        var device1 = await AddSaleAsync(app, new SaleSpec(SaleKind.DeviceOnCredit, Bogota(2026, 10, 12, 15, 0), SaleState.Delivered, "D1", "5001", "tyt1", Line: "3105556677",
            Products: [("SM-A15", "Samsung Galaxy A15", 1, 50000m, 1200000m)]));
        await AddSaleAsync(app, new SaleSpec(SaleKind.DeviceOnCredit, Bogota(2026, 10, 25, 11, 0), SaleState.Legalized, "D2", "5001", "tyt1", Line: "3105556678",
            Products: [("IPH-15", "iPhone 15", 1, 250000m, 4800000m)]));
        await AddSaleAsync(app, new SaleSpec(SaleKind.DeviceOnCredit, Bogota(2026, 10, 26, 11, 0), SaleState.Shipped, "D3", "5001", "tyt1"));

        var wavA = Wav.Concat("A"u8.ToArray()).ToArray();
        var mp3B = Mp3.Concat("B"u8.ToArray()).ToArray();
        foreach (var (sale, name, bytes) in new[] { (a, "rec-a.WAV", wavA), (b, "rec-b.mp3", mp3B), (noCallId, "rec-d.wav", Wav), (notYet, "e.wav", Wav), (september, "f.wav", Wav), (november, "g.wav", Wav) })
        {
            Assert.Equal(HttpStatusCode.Created, (await UploadAsync(agent, sale, "CallRecording", name, bytes)).StatusCode);
        }

        // Evidence that is not a recording does not count as one.
        Assert.Equal(HttpStatusCode.Created, (await UploadAsync(agent, noRecording, "IdentityValidation", "cedula.pdf", Pdf)).StatusCode);

        var backOffice = await app.ClientForAsync("backoffice.premium-sales");
        var preview = await backOffice.GetFromJsonAsync<JsonElement>("/api/v1/sales/legalization?operation=premium-sales&month=2026-10");
        Assert.Equal(4, preview.GetProperty("legalizable").GetInt32());
        Assert.Equal(2, preview.GetProperty("ready").GetInt32());
        Assert.Equal(2, preview.GetProperty("blocking").GetInt32());
        Assert.Equal(2, preview.GetProperty("devices").GetInt32());

        var response = await backOffice.PostAsJsonAsync("/api/v1/sales/legalization/runs", new { operation = "premium-sales", month = "2026-10" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var run = await Demo.JsonAsync(response);
        Assert.Equal(2, run.GetProperty("exported").GetInt32());
        Assert.Equal(2, run.GetProperty("blocking").GetInt32());
        var blocking = run.GetProperty("blockingSales").EnumerateArray().ToDictionary(x => x.GetProperty("saleId").GetGuid(), x => x.GetProperty("reason").GetString());
        Assert.Equal(new[] { noRecording, noCallId }.Order(), blocking.Keys.Order());
        Assert.Equal("Sin grabación de la llamada", blocking[noRecording]);
        Assert.Equal("Sin id de llamada", blocking[noCallId]);
        Assert.Equal("legalizacion_premium-sales_2026-10.zip", run.GetProperty("zipFileName").GetString());

        var today = TimeZoneInfo.ConvertTime(TimeProvider.System.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("America/Bogota")).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        Assert.Equal($"Informe TT_ALMACONTACT_2_{today}.xlsx", run.GetProperty("xlsxFileName").GetString());

        var runId = run.GetProperty("id").GetGuid();
        var zipResponse = await backOffice.GetAsync($"/api/v1/sales/legalization/runs/{runId}/zip");
        Assert.Equal(HttpStatusCode.OK, zipResponse.StatusCode);
        Assert.Equal("application/zip", zipResponse.Content.Headers.ContentType?.MediaType);
        using var zip = new ZipArchive(new MemoryStream(await zipResponse.Content.ReadAsByteArrayAsync()), ZipArchiveMode.Read);
        Assert.Equal(
            new[] { "C2_4022_mlopez_20261001.mp3", "CALL-001_4021_jperez_20261031.wav", "bloqueadas.csv", "legalizacion_premium-sales_202610.csv" },
            zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
        Assert.Equal(wavA, ReadBytes(zip, "CALL-001_4021_jperez_20261031.wav"));
        Assert.Equal(mp3B, ReadBytes(zip, "C2_4022_mlopez_20261001.mp3"));

        var csv = Encoding.UTF8.GetString(ReadBytes(zip, "legalizacion_premium-sales_202610.csv")).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
            [
                "IDLLAMADA,EXTENSION,LOGIN,FECHA_VENTA,CUENTA_LINEA,DOCUMENTO,TIPO_VENTA,CODIGO_TARIFA,VALOR,ARCHIVO_GRABACION",
                "C2,4022,mlopez,20261001,ACC-9,1020304050,EMPAQUETAMIENTO,T-100,89900,C2_4022_mlopez_20261001.mp3",
                "CALL/001,4021,jperez,20261031,3001112233,1020304050,PORTABILIDAD,,0,CALL-001_4021_jperez_20261031.wav",
            ],
            csv);

        var blocked = Encoding.UTF8.GetString(ReadBytes(zip, "bloqueadas.csv")).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("ID_VENTA,IDLLAMADA,EXTENSION,LOGIN,FECHA_VENTA,TIPO_VENTA,MOTIVO", blocked[0]);
        Assert.Equal(3, blocked.Length);
        Assert.Contains($"{noRecording},C3,4023,jperez,20261015,SERVICIO_NUEVO,Sin grabación de la llamada", blocked);
        Assert.Contains($"{noCallId},,4024,jperez,20261020,LINEA_NUEVA,Sin id de llamada", blocked);

        var xlsxResponse = await backOffice.GetAsync($"/api/v1/sales/legalization/runs/{runId}/xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsxResponse.StatusCode);
        var rows = MiniExcel.Query(new MemoryStream(await xlsxResponse.Content.ReadAsByteArrayAsync()), useHeaderRow: true)
            .Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal(
            ["FECHA_VENTA", "IDLLAMADA", "EXTENSION", "LOGIN", "TIPO_DOCUMENTO", "DOCUMENTO", "NOMBRE_CLIENTE", "LINEA", "CODIGO_MATERIAL", "DESCRIPCION_EQUIPO", "CANTIDAD", "VALOR_CUOTA_MENSUAL", "VALOR_TOTAL", "MONEDA", "ESTADO", "ID_VENTA"],
            rows[0].Keys.ToArray());
        Assert.Equal("20261012", rows[0]["FECHA_VENTA"]?.ToString());
        Assert.Equal("SM-A15", rows[0]["CODIGO_MATERIAL"]?.ToString());
        Assert.Equal("Samsung Galaxy A15", rows[0]["DESCRIPCION_EQUIPO"]?.ToString());
        Assert.Equal(1200000m, Convert.ToDecimal(rows[0]["VALOR_TOTAL"], CultureInfo.InvariantCulture));
        Assert.Equal("1020304050", rows[0]["DOCUMENTO"]?.ToString());
        Assert.Equal("ENTREGADA", rows[0]["ESTADO"]?.ToString());
        Assert.Equal(device1.ToString(), rows[0]["ID_VENTA"]?.ToString());
        Assert.Equal("IPH-15", rows[1]["CODIGO_MATERIAL"]?.ToString());
        Assert.Equal("LEGALIZADA", rows[1]["ESTADO"]?.ToString());

        var history = await backOffice.GetFromJsonAsync<JsonElement>("/api/v1/sales/legalization/runs?operation=premium-sales");
        var only = Assert.Single(history.EnumerateArray());
        Assert.Equal("2026-10", only.GetProperty("month").GetString());
        Assert.Equal(4, only.GetProperty("legalizable").GetInt32());

        await using var scope = app.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(2, await db.AuditEntries.CountAsync(e => e.EntityId == runId.ToString() && e.Action == AuditAction.FileDownloaded));
        Assert.Empty(app.LoggedErrors);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Only_back_office_and_leaders_legalize_and_other_clients_do_not_see_the_operation(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var agent = await app.ClientForAsync("agent.premium-sales");
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync("/api/v1/sales/legalization?operation=premium-sales&month=2026-10")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.PostAsJsonAsync("/api/v1/sales/legalization/runs", new { operation = "premium-sales", month = "2026-10" })).StatusCode);

        var bolivia = await app.ClientForAsync("supervisor.digital-sales");
        Assert.Equal(HttpStatusCode.NotFound, (await bolivia.GetAsync("/api/v1/sales/legalization?operation=premium-sales&month=2026-10")).StatusCode);

        var supervisor = await app.ClientForAsync("supervisor.premium-sales");
        var bad = await supervisor.GetAsync("/api/v1/sales/legalization?operation=premium-sales&month=2026-13");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("aaaa-MM", (await Demo.JsonAsync(bad)).GetProperty("detail").GetString() + (await bad.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var ok = await supervisor.GetFromJsonAsync<JsonElement>("/api/v1/sales/legalization?operation=premium-sales&month=2026-10");
        Assert.Equal(0, ok.GetProperty("legalizable").GetInt32());

        // A run of another client's operation cannot be downloaded.
        var boSale = await AddSaleAsync(app, new SaleSpec(SaleKind.MobileNewLine, new DateTimeOffset(2026, 10, 3, 10, 0, 0, TimeSpan.FromHours(-4)), SaleState.Installed,
            Operation: "digital-sales", CustomerDocument: Demo.BoDocument));
        Assert.NotEqual(Guid.Empty, boSale);
        var boRun = await Demo.JsonAsync(await bolivia.PostAsJsonAsync("/api/v1/sales/legalization/runs", new { operation = "digital-sales", month = "2026-10" }));
        Assert.Equal(1, boRun.GetProperty("blocking").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await supervisor.GetAsync($"/api/v1/sales/legalization/runs/{boRun.GetProperty("id").GetGuid()}/zip")).StatusCode);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Legalize_verb_writes_the_zip_with_the_clients_layout_and_exits_2_on_bad_input(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var folder = new Files.TempFolder();
        var sale = await AddSaleAsync(app, new SaleSpec(SaleKind.HomeUpgrade, Bogota(2026, 10, 7, 8, 0), SaleState.Installed, "X 9", "77", "ana", Account: "ACC-1"));
        var agent = await app.ClientForAsync("agent.premium-sales");
        Assert.Equal(HttpStatusCode.Created, (await UploadAsync(agent, sale, "CallRecording", "x.ogg", [.. "OggS"u8, 0, 2, 0, 0])).StatusCode);

        // The client's own layout: other names, other order.
        var notAdmin = await app.ClientForAsync("supervisor.premium-sales");
        var layout = new[] { new { header = "ARCHIVO", field = "RecordingFile" }, new { header = "LLAMADA", field = "CallId" }, new { header = "CUENTA", field = "Account" } };
        Assert.Equal(HttpStatusCode.Forbidden, (await notAdmin.PutAsJsonAsync("/api/v1/clients/telco-co/legalization-layouts/recordings", layout)).StatusCode);
        var admin = await app.ClientForAsync("admin.premium-sales");
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/v1/clients/telco-co/legalization-layouts/recordings", layout)).StatusCode);
        var duplicate = new[] { new { header = "A", field = "CallId" }, new { header = "a", field = "Login" } };
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PutAsJsonAsync("/api/v1/clients/telco-co/legalization-layouts/recordings", duplicate)).StatusCode);

        var (exit, output, error) = await CalendarCliTests.RunAsync(app, "legalize", "--operation", "premium-sales", "--month", "2026-10", "--out", folder.Path);
        Assert.True(exit == 0, error);
        Assert.Contains("1 legalizables, 1 exportadas, 0 bloqueadas, 0 de terminales", output, StringComparison.Ordinal);
        var files = Directory.GetFiles(folder.Path).Select(Path.GetFileName).ToList();
        Assert.Equal(["legalizacion_premium-sales_2026-10.zip"], files);
        using (var zip = ZipFile.OpenRead(folder.PathOf("legalizacion_premium-sales_2026-10.zip")))
        {
            Assert.Equal(new[] { "X-9_77_ana_20261007.ogg", "bloqueadas.csv", "legalizacion_premium-sales_202610.csv" }, zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
            Assert.Equal(
                ["ARCHIVO,LLAMADA,CUENTA", "X-9_77_ana_20261007.ogg,X 9,ACC-1"],
                Encoding.UTF8.GetString(ReadBytes(zip, "legalizacion_premium-sales_202610.csv")).Split("\r\n", StringSplitOptions.RemoveEmptyEntries));
        }

        using var second = new Files.TempFolder();
        var json = await CalendarCliTests.RunAsync(app, "legalize", "--operation", "premium-sales", "--month", "2026-10", "--out", second.Path, "--json");
        Assert.True(json.Exit == 0, json.Err);
        using (var doc = JsonDocument.Parse(json.Out))
        {
            Assert.Equal(1, doc.RootElement.GetProperty("exported").GetInt32());
            Assert.Equal(0, doc.RootElement.GetProperty("blocking").GetInt32());
            Assert.Equal(second.PathOf("legalizacion_premium-sales_2026-10.zip"), Assert.Single(doc.RootElement.GetProperty("files").EnumerateArray()).GetString());
        }

        Assert.Equal(2, (await CalendarCliTests.RunAsync(app, "legalize", "--operation", "premium-sales", "--month", "2026-13", "--out", folder.Path)).Exit);
        Assert.Equal(2, (await CalendarCliTests.RunAsync(app, "legalize", "--operation", "premium-sales", "--month", "10-2026", "--out", folder.Path)).Exit);
        var unknown = await CalendarCliTests.RunAsync(app, "legalize", "--operation", "no-existe", "--month", "2026-10", "--out", folder.Path);
        Assert.Equal(2, unknown.Exit);
        Assert.Contains("no-existe", unknown.Err, StringComparison.Ordinal);
        Assert.Equal(2, (await CalendarCliTests.RunAsync(app, "legalize", "--operation", "premium-sales", "--month", "2026-10")).Exit);

        await using var scope = app.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(2, await db.LegalizationRuns.CountAsync());
    }

    private static byte[] ReadBytes(ZipArchive zip, string name)
    {
        using var stream = zip.GetEntry(name)!.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
