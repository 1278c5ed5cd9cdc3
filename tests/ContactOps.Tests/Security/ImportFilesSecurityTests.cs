using System.Net;
using System.Text;
using System.Text.Json;
using ContactOps.Platform.Data;
using ContactOps.Platform.Files;
using ContactOps.Platform.Imports;
using ContactOps.Platform.Storage;
using ContactOps.Tests.Files;
using ContactOps.Tests.Infrastructure;
using ContactOps.Tests.Outbound.CallLogs;
using ContactOps.Tests.Outbound.Leads;
using ICSharpCode.SharpZipLib.Zip;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ContactOps.Tests.Security;

/// <summary>Issue 13, files and imports: rejects kept encrypted and read only through their module; ZIP caps; bad files refused whole.</summary>
public sealed class ImportFilesSecurityTests
{
    private const string Customers = "premium-sales";
    private const string Outbound = "devices-outbound";

    static ImportFilesSecurityTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    // Two rejected rows with documents and phones (line 3 no document, line 4 a bad phone).
    private const string CustomersCsv =
        "tipo_documento;documento;nombre;telefono\n" +
        "CC;80555111;Ana Ruiz;3001234567\n" +
        "CC;;Sin Documento;3007654321\n" +
        "CC;80555113;Mal Telefono;12\n";

    private const string CallLogCsv =
        "fecha_hora;telefono;documento;agente;resultado;tipificacion;segundos\n" +
        "2025-03-04 09:10:00;300 100 0001;;;contestada;VENTA;300\n" +
        "2025-03-04 10:45:00;3005555555;;;no_answer;;0\n";

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Rejects_are_encrypted_in_the_storage_and_read_only_through_their_own_module_by_who_may_import_there(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await CallLogImportTests.SeedAsync(app);
        var marshall = await app.ClientForAsync("datamarshall." + Customers);
        var batchId = await UploadAsync(marshall, "/api/v1/customers/imports", Customers, "clientes.csv", CustomersCsv, "batchId");
        var supervisor = await app.ClientForAsync("supervisor." + Outbound);
        var callLogId = await UploadAsync(supervisor, "/api/v1/outbound/call-logs", Outbound, "llamadas.csv", CallLogCsv, "importId");

        // The owners read their rejects, as an attachment that is not sniffed.
        var own = await marshall.GetAsync($"/api/v1/customers/imports/{batchId}/rejected");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal("attachment", own.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("nosniff", string.Join(",", own.Headers.GetValues("X-Content-Type-Options")));
        Assert.StartsWith("linea;campo;motivo", (await own.Content.ReadAsStringAsync()).TrimStart('\uFEFF'), StringComparison.Ordinal);
        var ownLog = await supervisor.GetAsync($"/api/v1/outbound/call-logs/{callLogId}/rejected");
        Assert.Equal(HttpStatusCode.OK, ownLog.StatusCode);
        Assert.Contains("3;", await ownLog.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The other client's users: 404 by every route, whatever id; another kind's route: 404 for the owners too.
        var foreignAgent = await app.ClientForAsync("agent.digital-sales");
        var foreignMarshall = await app.ClientForAsync("datamarshall.digital-sales");
        foreach (var (client, url) in new[]
        {
            (foreignAgent, $"/api/v1/outbound/call-logs/{batchId}/rejected"),
            (foreignAgent, $"/api/v1/outbound/call-logs/{callLogId}/rejected"),
            (foreignMarshall, $"/api/v1/customers/imports/{batchId}/rejected"),
            (foreignMarshall, $"/api/v1/outbound/bases/{batchId}/rejected"),
            (supervisor, $"/api/v1/outbound/call-logs/{batchId}/rejected"),
            (marshall, $"/api/v1/customers/imports/{callLogId}/rejected"),
            (await app.ClientForAsync("agent." + Customers), $"/api/v1/customers/imports/{batchId}/rejected"),
        })
        {
            var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{url}: {response.StatusCode}");
            Assert.DoesNotContain("motivo", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // At rest: in the test's storage, encrypted (the lead files' format), owned by import and kind; nothing in /tmp.
        await using (var scope = app.SystemScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var kept = await db.ImportRejects.OrderBy(r => r.Kind).ToListAsync();
            Assert.Equal([("call-log", callLogId), ("customers", batchId)], kept.Select(r => (r.Kind, r.Id)));
            var root = scope.ServiceProvider.GetRequiredService<StorageOptions>().Root;
            foreach (var file in kept)
            {
                var bytes = await File.ReadAllBytesAsync(Path.Combine(root, file.StorageKey));
                Assert.Equal("COLF1"u8.ToArray(), bytes[..5]);
                Assert.DoesNotContain("motivo", Encoding.Latin1.GetString(bytes), StringComparison.Ordinal);
            }
        }

        Assert.False(File.Exists(Path.Combine(Path.GetTempPath(), "contactops-imports", batchId.ToString("N") + "-rechazados.csv")));
        Assert.Empty(app.LoggedErrors);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task The_janitor_deletes_expired_rejects_from_the_storage_and_their_records(Provider provider)
    {
        await using var start = await TestApp.StartAsync(provider);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 2, 15, 0, 0, TimeSpan.Zero));
        var app = start.WithClock(clock);
        var marshall = await app.ClientForAsync("datamarshall." + Customers);
        var batchId = await UploadAsync(marshall, "/api/v1/customers/imports", Customers, "clientes.csv", CustomersCsv, "batchId");
        string key;
        await using (var scope = app.SystemScope())
        {
            key = (await scope.ServiceProvider.GetRequiredService<AppDbContext>().ImportRejects.SingleAsync(r => r.Id == batchId)).StorageKey;
        }

        using var legacy = new TempFolder();
        var oldPlain = legacy.WriteText(Guid.NewGuid().ToString("N") + "-rechazados.csv", "linea;campo;motivo\n", Tabular.Utf8Bom);
        var shared = app.Services.GetRequiredService<RejectsJanitor>();
        var janitor = new RejectsJanitor(
            app.Services.GetRequiredService<IServiceScopeFactory>(), app.Services.GetRequiredService<IConfiguration>(), clock,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<RejectsJanitor>.Instance)
        {
            LegacyDirectory = legacy.Path,
        };
        Assert.Equal(shared.KeepFor, janitor.KeepFor);
        clock.Advance(TimeSpan.FromDays(29));
        Assert.Equal(1, await janitor.SweepAsync(CancellationToken.None)); // only the plain file an older version left in /tmp
        Assert.False(File.Exists(oldPlain));
        marshall = await app.ClientForAsync("datamarshall." + Customers);
        Assert.Equal(HttpStatusCode.OK, (await marshall.GetAsync($"/api/v1/customers/imports/{batchId}/rejected")).StatusCode);

        clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal(1, await janitor.SweepAsync(CancellationToken.None));
        marshall = await app.ClientForAsync("datamarshall." + Customers);
        Assert.Equal(HttpStatusCode.NotFound, (await marshall.GetAsync($"/api/v1/customers/imports/{batchId}/rejected")).StatusCode);
        await using (var scope = app.SystemScope())
        {
            Assert.False(await scope.ServiceProvider.GetRequiredService<IFileStorage>().ExistsAsync(key));
            Assert.False(await scope.ServiceProvider.GetRequiredService<AppDbContext>().ImportRejects.AnyAsync());
        }
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task An_encrypted_zip_that_expands_past_the_ratio_or_the_cap_is_refused_while_streaming_and_leaves_nothing(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        app.Use(new ZipLimits(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Imports:Zip:MaxExpandedBytes"] = (4L * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture),
        }).Build()));
        using var temp = new TempFolder();

        // ~3 MiB (under the cap) of one repeated row compresses to a few KiB: far past the default ratio of 100.
        var bomb = temp.PathOf("bomba.zip");
        var rows = new StringBuilder("documento;nombre;telefono\n");
        while (rows.Length < 3 * 1024 * 1024)
        {
            rows.Append("80123123;Zoe Castro;3209998877\n");
        }

        LeadImportTests.WriteAesZip(bomb, "base.csv", rows.ToString(), "Cl4ve!");
        Assert.True(new FileInfo(bomb).Length < 200 * 1024);
        var before = LeftoverTemp();
        var ratio = await LeadImportTests.RunAsync(app, "import", "leads", "--operation", Outbound, "--file", bomb, "--password", "Cl4ve!", "--json");
        Assert.Equal(2, ratio.Exit);
        Assert.Contains("\"error\":\"leads.zip_ratio\"", ratio.Output, StringComparison.Ordinal);

        // Random-looking rows (ratio ~2) of ~6 MiB cross the 4 MiB cap set for this test.
        var big = temp.PathOf("grande.zip");
        var random = new Random(13);
        var wide = new StringBuilder("documento;nombre;telefono\n");
        while (wide.Length < 6 * 1024 * 1024)
        {
            wide.Append(random.NextInt64(10_000_000, 99_999_999)).Append(";N").Append(random.NextInt64()).Append(";3").Append(random.NextInt64(100_000_000, 999_999_999)).Append('\n');
        }

        LeadImportTests.WriteAesZip(big, "base.csv", wide.ToString(), "Cl4ve!");
        var cap = await LeadImportTests.RunAsync(app, "import", "leads", "--operation", Outbound, "--file", big, "--password", "Cl4ve!");
        Assert.Equal(2, cap.Exit);
        Assert.Contains("MiB", cap.Error, StringComparison.Ordinal);

        Assert.Empty(LeftoverTemp().Except(before));
        await using var scope = app.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.False(await db.LeadBases.AnyAsync(b => b.Name == "bomba" || b.Name == "grande"));
        Assert.False(await db.Leads.AnyAsync(l => l.Document == "80123123"));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Files_whose_rows_do_not_fit_the_header_or_that_have_no_rows_are_refused_whole_for_every_import(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var temp = new TempFolder();
        var mixedCustomers = temp.WriteText("clientes.csv", "tipo_documento;documento;nombre;telefono\nCC,80555111,Ana Ruiz,3001234567\nCC,80555112,Luis Paz,3001234568\n", Tabular.Utf8NoBom);
        var mixedLeads1252 = temp.WriteText("base.csv", "documento,nombre,telefono\n80555121;José Núñez;3001234569\n", Tabular.Windows1252);
        var headerOnly = temp.WriteText("vacia.csv", "documento;nombre;telefono\n\n", Tabular.Utf8Bom);
        var headerOnlyXlsx = temp.PathOf("vacia.xlsx");
        MiniExcelLibs.MiniExcel.SaveAs(headerOnlyXlsx, new[] { new { A = "documento", B = "nombre", C = "telefono" } }, printHeader: false);
        var zipped = temp.PathOf("base-mixta.zip");
        LeadImportTests.WriteAesZip(zipped, "base.csv", "documento;nombre;telefono\n80555131,Eva Sol,3001234570\n", "Cl4ve!");

        var cases = new (string[] Args, string Code)[]
        {
            (["import", "customers", "--operation", Customers, "--file", mixedCustomers, "--json"], "file.columns_mismatch"),
            (["import", "leads", "--operation", Outbound, "--file", mixedLeads1252, "--json"], "file.columns_mismatch"),
            (["import", "leads", "--operation", Outbound, "--file", headerOnly, "--json"], "file.no_rows"),
            (["import", "leads", "--operation", Outbound, "--file", zipped, "--password", "Cl4ve!", "--json"], "file.columns_mismatch"),
            (["import", "customers", "--operation", Customers, "--file", headerOnly, "--json"], "file.no_rows"),
            (["import", "call-log", "--operation", Outbound, "--file", headerOnly, "--json"], "file.no_rows"),
        };
        foreach (var (args, code) in cases)
        {
            var result = await LeadImportTests.RunAsync(app, args);
            Assert.True(result.Exit == 2, string.Join(' ', args) + " → " + result.Exit + " " + result.Output + result.Error);
            Assert.Contains($"\"error\":\"{code}\"", result.Output, StringComparison.Ordinal);
        }

        var text = await LeadImportTests.RunAsync(app, "import", "customers", "--operation", Customers, "--file", mixedCustomers);
        Assert.Contains("no se dividen en las columnas del encabezado", text.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Falta el número de documento", text.Output + text.Error, StringComparison.Ordinal);

        // The API answers 400 with the code; an XLSX with only its header is refused as well.
        var marshall = await app.ClientForAsync("datamarshall." + Customers);
        using (var form = new MultipartFormDataContent())
        {
            form.Add(new StringContent(Customers), "operation");
            form.Add(new ByteArrayContent(await File.ReadAllBytesAsync(headerOnlyXlsx)), "file", "vacia.xlsx");
            var response = await marshall.PostAsync("/api/v1/customers/imports", form);
            var problem = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, problem);
            Assert.True(problem.Contains("\"code\":\"file.no_rows\"", StringComparison.Ordinal), problem);
        }

        await using (var scope = app.SystemScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.Equal(0, await db.ImportBatches.CountAsync());
            Assert.False(await db.LeadBases.AnyAsync(b => b.Name == "base" || b.Name == "vacia" || b.Name == "base-mixta"));
            Assert.False(await db.Customers.AnyAsync(c => c.DocumentNumber == "80555111"));
        }

        // Legitimate files still import: a trailing empty column, a quoted delimiter, rows short of the trailing columns.
        var legit = temp.WriteText("buenos.csv", "tipo_documento,documento,nombre,telefono,\nCC,80555141,\"Ruiz, Ana\",3001234571,\nCC,80555142,Luis Paz,3001234572\n", Tabular.Utf8NoBom);
        var ok = await LeadImportTests.RunAsync(app, "import", "customers", "--operation", Customers, "--file", legit, "--json");
        Assert.True(ok.Exit == 0, ok.Output + ok.Error);
        using var json = JsonDocument.Parse(ok.Output);
        Assert.Equal((2L, 0L), (json.RootElement.GetProperty("created").GetInt64(), json.RootElement.GetProperty("rejected").GetInt64()));
    }

    private static HashSet<string> LeftoverTemp() =>
        Directory.EnumerateFiles(Path.GetTempPath(), "contactops-leadzip-*").ToHashSet(StringComparer.Ordinal);

    private static async Task<Guid> UploadAsync(HttpClient http, string url, string operation, string fileName, string csv, string idProperty)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(operation), "operation");
        form.Add(new ByteArrayContent(Tabular.Utf8NoBom.GetBytes(csv)), "file", fileName);
        var response = await http.PostAsync(url, form);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        using var json = JsonDocument.Parse(body);
        Assert.True(json.RootElement.GetProperty("rejected").GetInt64() > 0, body);
        return json.RootElement.GetProperty(idProperty).GetGuid();
    }
}
