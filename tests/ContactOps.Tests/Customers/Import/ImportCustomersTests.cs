using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ContactOps.Modules.Customers;
using ContactOps.Modules.Customers.Features;
using ContactOps.Platform.Cli;
using ContactOps.Platform.Data;
using ContactOps.Platform.Imports;
using ContactOps.Tests.Files;
using ContactOps.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace ContactOps.Tests.Customers.Import;

public class ImportCustomersTests
{
    private const string Operation = "premium-sales";

    static ImportCustomersTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    // Line 1 header; line 2 new; lines 3-4 one record with a quoted line break in the address; line 5 duplicate
    // of line 2; line 6 invalid document; line 7 invalid phone; line 8 malformed (too many fields); line 9 new, no phone.
    private const string SemicolonCsv =
        "tipo_documento;Cédula;Nombres;Apellidos;Teléfono 1;Celular;correo;direccion;ciudad;cuenta;linea;plan;Segmento\r\n" +
        "CC;71.234.567;Ana María;Gómez Peña;+57 300 111 2233;(601) 555 1234;ana@correo.co;Calle 1 # 2-3;Medellín;HA-9001;3001112233;postpago;oro\r\n" +
        ";80999888;Jorge;Ñúñez;315-222-3344;;;\"Carrera 7\nApto 301\";Bogotá;;;;plata\r\n" +
        "CC;71234567;Otra;Persona;3009990000;;;;;;;;\r\n" +
        "CC;12;Doc;Corto;3001231234;;;;;;;;\r\n" +
        "CC;80111222;Tel;Malo;12345;;;;;;;;\r\n" +
        "CC;80111333;Demasiados;Campos;3001231234;;;;;;;;;extra;más\r\n" +
        "CC;80111444;Sin;Teléfono;;;;;;;;;\r\n";

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Semicolon_utf8_bom_csv_is_imported_with_rejections_duplicates_and_idempotent_reimport(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var temp = new TempFolder();
        var path = temp.WriteText("clientes.csv", SemicolonCsv, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        var before = await CountAsync(app);

        var summary = await ImportAsync(app, path);

        Assert.Equal(7, summary.Rows);
        Assert.Equal(3, summary.Created);
        Assert.Equal(0, summary.Updated);
        Assert.Equal(1, summary.Duplicates);
        Assert.Equal(3, summary.Rejected);
        Assert.Equal([6L, 7L, 8L], summary.RejectedRows.Select(r => r.Line).Order());
        Assert.Equal("documento", summary.RejectedRows.Single(r => r.Line == 6).Field);
        Assert.Equal("Teléfono 1", summary.RejectedRows.Single(r => r.Line == 7).Field);

        await using (var scope = app.SystemScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.Equal(before.Customers + 3, await db.Customers.CountAsync());
            var ana = await db.Customers.Include(c => c.Phones).Include(c => c.Addresses).SingleAsync(c => c.DocumentNumber == "71234567");
            Assert.Equal("Ana María", ana.FirstNames);
            Assert.Equal("ANA MARIA GOMEZ PENA", ana.SearchName);
            Assert.Equal(["ANA", "GOMEZ", "MARIA", "PENA"], (await db.CustomerNameTokens.Where(t => t.CustomerId == ana.Id).Select(t => t.Token).ToListAsync()).Order(StringComparer.Ordinal));
            Assert.Equal(["JORGE", "NUNEZ"], (await db.CustomerNameTokens.Join(db.Customers.Where(c => c.DocumentNumber == "80999888"), t => t.CustomerId, c => c.Id, (t, c) => t.Token).ToListAsync()).Order(StringComparer.Ordinal));
            Assert.Equal(["+573001112233", "+576015551234"], ana.Phones.OrderBy(p => p.E164).Select(p => p.E164));
            Assert.True(ana.Phones.Single(p => p.E164 == "+573001112233").IsPrimary);
            Assert.Equal(["ana@correo.co"], ana.Emails);
            Assert.Contains("\"Segmento\":\"oro\"", ana.Attributes, StringComparison.Ordinal);
            Assert.Equal("Medellín", ana.Addresses.Single().City);
            var account = await db.HomeAccounts.SingleAsync(a => a.AccountNumber == "HA-9001");
            Assert.Equal(ana.Id, account.CustomerId);
            var line = await db.MobileLines.SingleAsync(l => l.Number == "+573001112233");
            Assert.Equal(LinePlan.Postpaid, line.Plan);
            var jorge = await db.Customers.Include(c => c.Addresses).SingleAsync(c => c.DocumentNumber == "80999888");
            Assert.Equal(DocumentType.CC, jorge.DocumentType);
            Assert.Equal("Carrera 7\nApto 301", jorge.Addresses.Single().Line);
            Assert.Empty((await db.Customers.Include(c => c.Phones).SingleAsync(c => c.DocumentNumber == "80111444")).Phones);
            Assert.False(await db.Customers.AnyAsync(c => c.DocumentNumber == "80111222"));
            var batch = await db.ImportBatches.SingleAsync(b => b.Id == summary.BatchId);
            Assert.Equal(3, batch.Created);
            Assert.Equal(64, batch.FileSha256.Length);
            Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityId == summary.BatchId.ToString() && e.Action == global::ContactOps.Platform.Audit.AuditAction.Imported));
        }

        var again = await ImportAsync(app, path);
        Assert.Equal(0, again.Created);
        Assert.Equal(0, again.Updated);
        Assert.Equal(3, again.Unchanged);
        Assert.Equal(1, again.Duplicates);
        var after = await CountAsync(app);
        Assert.Equal(before.Customers + 3, after.Customers);
        Assert.Equal(before.Phones + 3, after.Phones);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Comma_windows1252_csv_keeps_accents_and_splits_full_names(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var temp = new TempFolder();
        var path = temp.WriteText(
            "clientes.csv",
            "documento,nombre_completo,celular\r\n55667788,José Ñañez,3201234567\r\n55667799,\"Inés, la de Peña\",3201234568\r\n",
            Encoding.GetEncoding(1252));

        var summary = await ImportAsync(app, path);

        Assert.Equal(2, summary.Created);
        await using var scope = app.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var jose = await db.Customers.SingleAsync(c => c.DocumentNumber == "55667788");
        Assert.Equal(("José", "Ñañez"), (jose.FirstNames, jose.LastNames));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Xlsx_sheet_is_imported(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "clientes.xlsx");
        var rows = new[]
        {
            new Dictionary<string, object> { ["Tipo Documento"] = "CC", ["Número Documento"] = "44556677", ["Nombre"] = "Lucía", ["Apellidos"] = "Mora", ["Móvil"] = "3004445566" },
            new Dictionary<string, object> { ["Tipo Documento"] = "CC", ["Número Documento"] = "x", ["Nombre"] = "Mal", ["Apellidos"] = "Doc", ["Móvil"] = "3004445567" },
        };
        await MiniExcel.SaveAsAsync(path, rows, sheetName: "Base");

        var summary = await ImportAsync(app, path);

        Assert.Equal(2, summary.Rows);
        Assert.Equal(1, summary.Created);
        Assert.Equal(3, Assert.Single(summary.RejectedRows).Line);
        await using var scope = app.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal("+573004445566", (await db.CustomerPhones.SingleAsync(p => p.CustomerId == db.Customers.Single(c => c.DocumentNumber == "44556677").Id)).E164);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Existing_customer_with_a_new_phone_is_updated(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var temp = new TempFolder();
        var path = temp.WriteText("c.csv", "cedula;telefono\n1020304050;300 123 4567\n1020304050;\n", Encoding.UTF8);
        var unchanged = await ImportAsync(app, path);
        Assert.Equal((0L, 0L, 1L, 1L), (unchanged.Created, unchanged.Updated, unchanged.Unchanged, unchanged.Duplicates));

        path = temp.WriteText("c2.csv", "cedula;telefono;correo\n1020304050;320 987 6543;nuevo@correo.co\n", Encoding.UTF8);
        var updated = await ImportAsync(app, path);

        Assert.Equal((0L, 1L, 0L), (updated.Created, updated.Updated, updated.Unchanged));
        await using var scope = app.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var maria = await db.Customers.Include(c => c.Phones).SingleAsync(c => c.DocumentNumber == "1020304050");
        Assert.Contains(maria.Phones, p => p.E164 == "+573209876543" && !p.IsPrimary);
        Assert.Contains(maria.Phones, p => p.E164 == "+573001234567");
        Assert.Contains("nuevo@correo.co", maria.Emails);
        Assert.True(maria.Emails.Count >= 2);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task A_cancelled_import_leaves_nothing(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var temp = new TempFolder();
        var csv = new StringBuilder("documento;nombres;telefono\n");
        for (var i = 0; i < 10_000; i++)
        {
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"{30_000_000 + i};Cliente {i};{3_100_000_000L + i}\n");
        }

        var path = temp.WriteText("big.csv", csv.ToString(), Encoding.UTF8);
        var before = await CountAsync(app);
        using var cts = new CancellationTokenSource();
        long seen = 0;
        var progress = new InlineProgress<ImportProgress>(p =>
        {
            seen = p.RowsRead;
            if (p.RowsRead >= 8000)
            {
                cts.Cancel();
            }
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ImportAsync(app, path, progress, cts.Token));

        Assert.True(seen >= 8000);
        var after = await CountAsync(app);
        Assert.Equal(before, after);
        await using var scope = app.SystemScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<AppDbContext>().ImportBatches.CountAsync());

        // The same file then imports completely.
        var summary = await ImportAsync(app, path);
        Assert.Equal(10_000, summary.Created);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Cli_verb_prints_exact_json_counts_and_rejects_unknown_operation(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var temp = new TempFolder();
        var path = temp.WriteText("clientes.csv", SemicolonCsv, new UTF8Encoding(true));
        var rejects = Path.Combine(temp.Path, "rechazados.csv");
        var output = new StringWriter();
        var errors = new StringWriter();

        var exit = await CliHost.RunAsync(AppModules.Cli, app.Services, ["import", "customers", "--operation", Operation, "--file", path, "--json", "--rejects", rejects], output, errors);

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output.ToString());
        var root = json.RootElement;
        Assert.Equal(7, root.GetProperty("rows").GetInt64());
        Assert.Equal(3, root.GetProperty("created").GetInt64());
        Assert.Equal(0, root.GetProperty("updated").GetInt64());
        Assert.Equal(0, root.GetProperty("unchanged").GetInt64());
        Assert.Equal(1, root.GetProperty("duplicates").GetInt64());
        Assert.Equal(3, root.GetProperty("rejected").GetInt64());
        Assert.Equal([6L, 7L, 8L], root.GetProperty("rejectedRows").EnumerateArray().Select(r => r.GetProperty("line").GetInt64()).Order());
        var rejectLines = File.ReadAllLines(rejects, Encoding.UTF8);
        Assert.Equal("linea;campo;motivo", rejectLines[0].TrimStart('\uFEFF'));
        Assert.Equal(4, rejectLines.Length);

        var unknown = await CliHost.RunAsync(AppModules.Cli, app.Services, ["import", "customers", "--operation", "no-existe", "--file", path, "--json"], new StringWriter(), new StringWriter());
        Assert.Equal(2, unknown);
        var missingFile = await CliHost.RunAsync(AppModules.Cli, app.Services, ["import", "customers", "--operation", Operation, "--file", Path.Combine(temp.Path, "nada.csv")], new StringWriter(), new StringWriter());
        Assert.Equal(2, missingFile);
        var noDocument = temp.WriteText("sin-doc.csv", "nombre;telefono\nAna;3001112233\n", Encoding.UTF8);
        Assert.Equal(2, await CliHost.RunAsync(AppModules.Cli, app.Services, ["import", "customers", "--operation", Operation, "--file", noDocument], new StringWriter(), new StringWriter()));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Api_lets_a_data_marshall_import_and_forbids_an_agent(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var agent = await app.ClientForAsync("agent." + Operation);
        var marshall = await app.ClientForAsync("datamarshall." + Operation);

        var forbidden = await agent.PostAsync("/api/v1/customers/imports", Form(SemicolonCsv));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);

        var response = await marshall.PostAsync("/api/v1/customers/imports", Form(SemicolonCsv));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(3, json.RootElement.GetProperty("created").GetInt64());
        Assert.Equal(3, json.RootElement.GetProperty("rejectedRows").GetArrayLength());
        var batchId = json.RootElement.GetProperty("batchId").GetGuid();

        var csv = await marshall.GetAsync($"/api/v1/customers/imports/{batchId}/rejected");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Contains("linea;campo;motivo", await csv.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await agent.GetAsync($"/api/v1/customers/imports/{batchId}/rejected")).StatusCode); // issue 13: 404 to whoever may not import there
        var bolivian = await app.ClientForAsync("datamarshall.digital-sales");
        Assert.Equal(HttpStatusCode.NotFound, (await bolivian.GetAsync($"/api/v1/customers/imports/{batchId}/rejected")).StatusCode);
    }

    private static MultipartFormDataContent Form(string csv)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(Operation), "operation" },
        };
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "clientes.csv");
        return form;
    }

    private static async Task<ImportSummary> ImportAsync(TestApp app, string path, IProgress<ImportProgress>? progress = null, CancellationToken ct = default)
    {
        await using var scope = app.SystemScope();
        await using var stream = File.OpenRead(path);
        var result = await scope.ServiceProvider.GetRequiredService<ImportCustomers>()
            .HandleAsync(new ImportCustomersRequest(Operation, stream, Path.GetFileName(path)), progress, ct);
        Assert.True(result.IsSuccess, result.Error?.Message);
        return result.Value!;
    }

    private static async Task<(int Customers, int Phones, int Accounts)> CountAsync(TestApp app)
    {
        await using var scope = app.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return (await db.Customers.CountAsync(), await db.CustomerPhones.CountAsync(), await db.HomeAccounts.CountAsync());
    }
}
