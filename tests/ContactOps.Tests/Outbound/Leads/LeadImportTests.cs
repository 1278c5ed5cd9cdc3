using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ContactOps.Modules.Outbound;
using ContactOps.Modules.Outbound.Contracts;
using ContactOps.Modules.Outbound.Features;
using ContactOps.Platform.Audit;
using ContactOps.Platform.Cli;
using ContactOps.Platform.Data;
using ContactOps.Tests.Files;
using ContactOps.Tests.Infrastructure;
using ICSharpCode.SharpZipLib.Zip;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace ContactOps.Tests.Outbound.Leads;

public class LeadImportTests
{
    private const string Operation = "devices-outbound";

    static LeadImportTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    // Line 1 header · 2 Ana (her only phone is in the registry for SMS only: callable) · 3 Beto (one DNC phone, one
    // callable) · 4 Ana again with a new phone (duplicate in the file) · 5 Carla (DNC) · 6 Darío (registry, calls) ·
    // 7 invalid document · 8 no valid phone · 9 blank · 10 a lead of an OPEN base with a new phone (duplicate) ·
    // 11 a lead of a CLOSED base (not a duplicate).
    private const string MainCsv =
        "documento,tipo_documento,nombre,telefono,telefono2,plan,cupo,fecha_corte\n" +
        "1010101010,CC,Ana Gómez,3001110001,,Plan Oro,150000,2026-01-15\n" +
        "1010101011,CC,Beto Ruiz,3001110002,3001110003,Plan Plata,\"200000,5\",2026-02-01\n" +
        "1010101010,CC,Ana G.,3001110009,3001110001,Plan Oro,150000,2026-01-15\n" +
        "1010101012,CC,Carla Díaz,3001110004,,Plan Oro,1,2026-03-01\n" +
        "1010101013,cédula,Darío Paz,300 111 0005,,,,\n" +
        "12,CC,Documento Malo,3001110006,,,,\n" +
        "1010101014,CC,Sin Teléfono,12345,,,,\n" +
        "\n" +
        "5555555555,CC,De Base Abierta,3002220002,,,,\n" +
        "6666666666,CC,De Base Cerrada,3002220003,,,,\n";

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Counting_rules_duplicates_exclusions_and_rejections_are_exact(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var temp = new TempFolder();

        // An open base with 5555555555 and a closed one with 6666666666.
        Assert.Equal(0, (await RunAsync(app, "import", "leads", "--operation", Operation, "--file", temp.WriteText("abierta.csv", "documento;nombre;celular\n5555555555;Abierta;3002220001\n", Encoding.UTF8), "--json")).Exit);
        Assert.Equal(0, (await RunAsync(app, "import", "leads", "--operation", Operation, "--file", temp.WriteText("cerrada.csv", "documento;nombre;celular\n6666666666;Cerrada;3002220004\n", Encoding.UTF8), "--json")).Exit);
        await using (var scope = app.SystemScope())
        {
            var all = (await scope.ServiceProvider.GetRequiredService<ListLeadBases>().HandleAsync(Operation, default)).Value!;
            Assert.True((await scope.ServiceProvider.GetRequiredService<CloseLeadBase>().HandleAsync(all.Single(b => b.Name == "cerrada").Id, default)).IsSuccess);
        }

        Assert.Equal(0, (await RunAsync(app, "dnc", "add", "--operation", Operation, "--phone", "300 111 0002", "--reason", "Pidió no ser llamado")).Exit);
        Assert.Equal(0, (await RunAsync(app, "dnc", "add", "--operation", Operation, "--phone", "+573001110004")).Exit);
        var registry = temp.WriteText("rne.csv", "numero;canales\n3001110005;llamadas,sms\n3001110001;sms\n", Encoding.UTF8);
        var loaded = await RunAsync(app, "import", "exclusions", "--country", "CO", "--file", registry, "--json");
        Assert.Equal(0, loaded.Exit);
        Assert.Equal("{\"rows\":2,\"numbers\":2,\"rejected\":0}", loaded.Output.Trim());

        var file = temp.WriteText("base-noviembre.csv", MainCsv, new UTF8Encoding(false));
        var rejects = temp.PathOf("rechazos.csv");
        var result = await RunAsync(app, "import", "leads", "--operation", Operation, "--file", file, "--rejects", rejects, "--json");

        Assert.Equal(0, result.Exit);
        Assert.Equal("{\"rows\":9,\"accepted\":5,\"rejected\":2,\"duplicates\":2,\"excluded\":2}", result.Output.Trim());
        var rejectLines = File.ReadAllLines(rejects, Encoding.UTF8);
        Assert.StartsWith("7;documento;", rejectLines[1], StringComparison.Ordinal);
        Assert.StartsWith("8;telefono;Sin teléfono válido", rejectLines[2], StringComparison.Ordinal);

        await using (var scope = app.SystemScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var leadBase = await db.LeadBases.SingleAsync(b => b.Name == "base-noviembre");
            Assert.Equal((9, 5, 2, 2, 2), (leadBase.Rows, leadBase.Accepted, leadBase.Rejected, leadBase.Duplicates, leadBase.Excluded));
            Assert.Equal(LeadBaseStatus.Open, leadBase.Status);
            var schema = LeadAttributeSchema.Parse(leadBase.AttributeSchemaJson).ToDictionary(a => a.Key);
            Assert.Equal(LeadAttributeKind.Text, schema["plan"].Kind);
            Assert.Equal(LeadAttributeKind.Number, schema["cupo"].Kind);
            Assert.Equal(LeadAttributeKind.Date, schema["fecha_corte"].Kind);

            var leads = await db.Leads.Include(l => l.Phones).Where(l => l.BaseId == leadBase.Id).ToListAsync();
            Assert.Equal(["1010101010", "1010101011", "1010101012", "1010101013", "6666666666"], leads.Select(l => l.Document).Order());
            var ana = leads.Single(l => l.Document == "1010101010");
            Assert.Equal(2, ana.SourceLine);
            Assert.Equal("Ana Gómez", ana.FullName);
            Assert.Equal(["+573001110001", "+573001110009"], ana.Phones.OrderBy(p => p.Position).Select(p => p.E164));
            Assert.All(ana.Phones, p => Assert.Null(p.ExclusionReason));
            Assert.False(ana.IsExcluded);
            using (var attributes = JsonDocument.Parse(ana.AttributesJson))
            {
                Assert.Equal(150000m, attributes.RootElement.GetProperty("cupo").GetDecimal());
                Assert.Equal("2026-01-15", attributes.RootElement.GetProperty("fecha_corte").GetString());
                Assert.Equal("Plan Oro", attributes.RootElement.GetProperty("plan").GetString());
            }

            var beto = leads.Single(l => l.Document == "1010101011");
            Assert.False(beto.IsExcluded);
            Assert.Equal(PolicyReasons.Dnc, beto.Phones.Single(p => p.E164 == "+573001110002").ExclusionReason);
            Assert.Null(beto.Phones.Single(p => p.E164 == "+573001110003").ExclusionReason);
            using (var attributes = JsonDocument.Parse(beto.AttributesJson))
            {
                Assert.Equal(200000.5m, attributes.RootElement.GetProperty("cupo").GetDecimal());
            }

            var carla = leads.Single(l => l.Document == "1010101012");
            Assert.True(carla.IsExcluded);
            Assert.Equal(PolicyReasons.Dnc, carla.Phones.Single().ExclusionReason);
            var dario = leads.Single(l => l.Document == "1010101013");
            Assert.True(dario.IsExcluded);
            Assert.Equal(PolicyReasons.ExcludedRegistry, dario.Phones.Single().ExclusionReason);
            Assert.False(leads.Single(l => l.Document == "6666666666").IsExcluded);

            // The duplicate of the open base brought its new phone to the first lead (in the open base).
            var open = await db.Leads.Include(l => l.Phones).SingleAsync(l => l.Document == "5555555555");
            Assert.NotEqual(leadBase.Id, open.BaseId);
            Assert.Equal(["+573002220001", "+573002220002"], open.Phones.OrderBy(p => p.Position).Select(p => p.E164));
            Assert.Equal(2, await db.Leads.CountAsync(l => l.Document == "6666666666"));

            var entry = await db.AuditEntries.SingleAsync(a => a.Entity == nameof(LeadBase) && a.EntityId == leadBase.Id.ToString() && a.Action == AuditAction.Imported);
            Assert.Contains("\"excluded\":2", entry.Changes, StringComparison.Ordinal);
        }

        // An inbound operation takes no lead base.
        var inbound = await RunAsync(app, "import", "leads", "--operation", "premium-sales", "--file", file, "--json");
        Assert.Equal(2, inbound.Exit);
        Assert.Contains("leads.not_outbound", inbound.Output, StringComparison.Ordinal);

        // Same name again: a clear conflict, nothing written.
        var again = await RunAsync(app, "import", "leads", "--operation", Operation, "--file", file, "--json");
        Assert.Equal(2, again.Exit);
        Assert.Contains("leads.base_name_taken", again.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Windows1252_semicolon_csv_and_xlsx_keep_accents_and_types(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var temp = new TempFolder();
        var csv = "Número documento;Nombre completo;Celular;Teléfono 2;Ciudad;Equipo ofrecido\r\n" +
                  "79111222;José Muñoz Peña;3101234567;6015551234;Bogotá;Galaxy S25\r\n" +
                  "79111223;Ñusta Álvarez;3101234568;;Medellín;iPhone 16\r\n";
        var path = temp.Write("base cp1252.csv", Encoding.GetEncoding(1252).GetBytes(csv));

        var result = await RunAsync(app, "import", "leads", "--operation", Operation, "--file", path, "--base", "Noviembre 1252", "--json");
        Assert.Equal(0, result.Exit);
        Assert.Equal("{\"rows\":2,\"accepted\":2,\"rejected\":0,\"duplicates\":0,\"excluded\":0}", result.Output.Trim());

        var xlsx = temp.PathOf("base.xlsx");
        MiniExcel.SaveAs(xlsx, new[]
        {
            new Dictionary<string, object?> { ["Cédula"] = 52123456L, ["Nombres"] = "Lucía", ["Apellidos"] = "Hernández", ["Celular"] = 3151112233L, ["Cupo"] = 1200000.5m, ["Fecha activación"] = new DateTime(2025, 12, 24) },
            new Dictionary<string, object?> { ["Cédula"] = 52123457L, ["Nombres"] = "Martín", ["Apellidos"] = "Rojas", ["Celular"] = 3151112234L, ["Cupo"] = 800000m, ["Fecha activación"] = new DateTime(2026, 1, 2) },
            new Dictionary<string, object?> { ["Cédula"] = 52123456L, ["Nombres"] = "Lucía", ["Apellidos"] = "Hernández", ["Celular"] = 3151112299L, ["Cupo"] = 1200000.5m, ["Fecha activación"] = new DateTime(2025, 12, 24) },
        });
        var fromXlsx = await RunAsync(app, "import", "leads", "--operation", Operation, "--file", xlsx, "--json");
        Assert.Equal(0, fromXlsx.Exit);
        Assert.Equal("{\"rows\":3,\"accepted\":2,\"rejected\":0,\"duplicates\":1,\"excluded\":0}", fromXlsx.Output.Trim());

        await using var scope = app.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var jose = await db.Leads.Include(l => l.Phones).SingleAsync(l => l.Document == "79111222");
        Assert.Equal("José Muñoz Peña", jose.FullName);
        Assert.Equal(["+573101234567", "+576015551234"], jose.Phones.OrderBy(p => p.Position).Select(p => p.E164));
        using (var attributes = JsonDocument.Parse(jose.AttributesJson))
        {
            Assert.Equal("Bogotá", attributes.RootElement.GetProperty("ciudad").GetString());
            Assert.Equal("Galaxy S25", attributes.RootElement.GetProperty("equipo_ofrecido").GetString());
        }

        var lucia = await db.Leads.Include(l => l.Phones).SingleAsync(l => l.Document == "52123456");
        Assert.Equal("Lucía Hernández", lucia.FullName);
        Assert.Equal(["+573151112233", "+573151112299"], lucia.Phones.OrderBy(p => p.Position).Select(p => p.E164));
        var schema = await db.LeadBases.Where(b => b.Id == lucia.BaseId).Select(b => b.AttributeSchemaJson).SingleAsync();
        var kinds = LeadAttributeSchema.Parse(schema).ToDictionary(a => a.Key, a => a.Kind);
        Assert.Equal(LeadAttributeKind.Number, kinds["cupo"]);
        Assert.Equal(LeadAttributeKind.Date, kinds["fecha_activacion"]);
        Assert.Contains("\"fecha_activacion\":\"2025-12-24\"", lucia.AttributesJson, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Aes_encrypted_zip_needs_the_right_password_and_a_wrong_one_writes_nothing(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var temp = new TempFolder();
        var zip = temp.PathOf("base-cifrada.zip");
        WriteAesZip(zip, "base.csv", "documento;nombre;telefono\n80123123;Zoe Castro;3209998877\n80123124;Iván Mora;3209998878\n", "Cl4ve-Operador!");

        var wrong = await RunAsync(app, "import", "leads", "--operation", Operation, "--file", zip, "--password", "otra", "--json");
        Assert.Equal(2, wrong.Exit);
        Assert.Contains("\"error\":\"leads.zip_password_wrong\"", wrong.Output, StringComparison.Ordinal);
        var wrongText = await RunAsync(app, "import", "leads", "--operation", Operation, "--file", zip, "--password", "otra");
        Assert.Equal(2, wrongText.Exit);
        Assert.Contains("La contraseña del archivo ZIP no es correcta.", wrongText.Error, StringComparison.Ordinal);
        var missing = await RunAsync(app, "import", "leads", "--operation", Operation, "--file", zip);
        Assert.Equal(2, missing.Exit);
        Assert.Contains("protegido con contraseña", missing.Error, StringComparison.Ordinal);
        await using (var scope = app.SystemScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.False(await db.LeadBases.AnyAsync(b => b.Name == "base-cifrada"));
            Assert.False(await db.Leads.AnyAsync(l => l.Document == "80123123" || l.Document == "80123124"));
        }

        var right = await RunAsync(app, "import", "leads", "--operation", Operation, "--file", zip, "--password", "Cl4ve-Operador!", "--json");
        Assert.Equal(0, right.Exit);
        Assert.Equal("{\"rows\":2,\"accepted\":2,\"rejected\":0,\"duplicates\":0,\"excluded\":0}", right.Output.Trim());
        await using (var scope = app.SystemScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var leadBase = await db.LeadBases.SingleAsync(b => b.Name == "base-cifrada");
            Assert.Equal("base-cifrada.zip", leadBase.FileName);
            Assert.Equal("Iván Mora", (await db.Leads.SingleAsync(l => l.Document == "80123124")).FullName);
        }
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Registry_reload_replaces_entries_atomically_and_keeps_the_old_snapshot_as_evidence(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var temp = new TempFolder();
        var first = temp.WriteText("rne-octubre.csv", "telefono;llamadas;sms\n3001000001;si;no\n3001000002;no;si\n", Encoding.UTF8);
        var second = temp.WriteText("rne-noviembre.csv", "telefono,canales\n3001000003,llamadas\n300 100 0003,sms\n3001000004,todos\n12,llamadas\n3001000005,fax\n", Encoding.UTF8);

        Assert.Equal("{\"rows\":2,\"numbers\":2,\"rejected\":0}", (await RunAsync(app, "import", "exclusions", "--country", "CO", "--file", first, "--json")).Output.Trim());
        var reload = await RunAsync(app, "import", "exclusions", "--country", "CO", "--file", second, "--date", "2026-11-20", "--json");
        Assert.Equal(0, reload.Exit);
        Assert.Equal("{\"rows\":5,\"numbers\":2,\"rejected\":2}", reload.Output.Trim());

        await using var scope = app.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var snapshots = await db.ExclusionSnapshots.Where(s => s.Country == "CO").ToListAsync();
        Assert.Equal(2, snapshots.Count);
        var old = snapshots.Single(s => s.FileName == "rne-octubre.csv");
        var current = snapshots.Single(s => s.IsCurrent);
        Assert.False(old.IsCurrent);
        Assert.Equal(2, old.Numbers);
        Assert.Equal(64, old.FileSha256.Length);
        Assert.Equal(new DateOnly(2026, 11, 20), current.RegistryDate);
        Assert.False(await db.ExclusionEntries.AnyAsync(e => e.SnapshotId == old.Id));
        var entries = await db.ExclusionEntries.Where(e => e.SnapshotId == current.Id).OrderBy(e => e.E164).ToListAsync();
        Assert.Equal(["+573001000003", "+573001000004"], entries.Select(e => e.E164));
        Assert.Equal(ExclusionChannels.Calls | ExclusionChannels.Sms, entries[0].Channels);
        Assert.Equal(ExclusionChannels.All, entries[1].Channels);

        // Only platform administrators load it (a scope that is not the system's is refused).
        await using var userScope = app.Services.CreateAsyncScope();
        var handler = userScope.ServiceProvider.GetRequiredService<ImportExclusions>();
        await using var stream = File.OpenRead(first);
        var refused = await handler.HandleAsync(new ImportExclusionsRequest("CO", stream, "rne.csv"));
        Assert.Equal(ContactOps.Platform.Results.ErrorKind.Forbidden, refused.Error!.Kind);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Uploaded_file_is_encrypted_at_rest_its_download_is_audited_and_other_operations_do_not_see_it(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var marshall = await app.ClientForAsync("datamarshall.devices-outbound");
        var plain = Encoding.UTF8.GetBytes("documento;nombre;telefono;plan\n91234567;Rosa Támara Quintero;3117654321;Plan Único\n91234568;Jaime;12;Plan Único\n");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(Operation), "operation" },
            { new StringContent("Base API"), "base" },
        };
        var content = new ByteArrayContent(plain);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(content, "file", "base-api.csv");
        var response = await marshall.PostAsync("/api/v1/outbound/bases", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var summary = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(2, summary.RootElement.GetProperty("rows").GetInt64());
        Assert.Equal(1, summary.RootElement.GetProperty("accepted").GetInt64());
        Assert.Equal(1, summary.RootElement.GetProperty("rejected").GetInt64());
        Assert.Equal(3, summary.RootElement.GetProperty("rejectedRows")[0].GetProperty("line").GetInt64());
        var baseId = summary.RootElement.GetProperty("baseId").GetGuid();

        // At rest: the stored copy is not the file, and does not contain its personal data in plain text.
        string storedKey;
        await using (var scope = app.SystemScope())
        {
            storedKey = (await scope.ServiceProvider.GetRequiredService<AppDbContext>().LeadBases.SingleAsync(b => b.Id == baseId)).StoredFileKey!;
        }

        var storedFiles = Directory.GetFiles(app.StorageRoot, "*", SearchOption.AllDirectories);
        var stored = await File.ReadAllBytesAsync(Assert.Single(storedFiles, f => f.Replace('\\', '/').EndsWith(storedKey, StringComparison.Ordinal)));
        Assert.True(stored.Length > plain.Length);
        Assert.Equal(-1, stored.AsSpan().IndexOf("91234567"u8));
        Assert.Equal(-1, stored.AsSpan().IndexOf("Rosa"u8));

        // Download: the exact received bytes, and an audit entry of the read.
        var download = await marshall.GetAsync($"/api/v1/outbound/bases/{baseId}/file");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(plain, await download.Content.ReadAsByteArrayAsync());
        await using (var scope = app.SystemScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var read = await db.AuditEntries.SingleAsync(a => a.EntityId == baseId.ToString() && a.Action == AuditAction.FileDownloaded);
            Assert.NotNull(read.UserId);
            Assert.Contains("devices-outbound", read.UserName, StringComparison.Ordinal);
        }

        var rejectedCsv = await marshall.GetStringAsync($"/api/v1/outbound/bases/{baseId}/rejected");
        Assert.Contains("3;telefono;", rejectedCsv, StringComparison.Ordinal);
        var listed = await marshall.GetFromJsonAsync<JsonElement>($"/api/v1/outbound/bases?operation={Operation}");
        Assert.Equal("Base API", listed[0].GetProperty("name").GetString());
        Assert.Equal(1, listed[0].GetProperty("leads").GetInt32());

        // Another operation's data marshall and an agent of this one: nothing.
        var other = await app.ClientForAsync("datamarshall.premium-sales");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/outbound/bases/{baseId}/file")).StatusCode);
        Assert.DoesNotContain(baseId.ToString(), await (await other.GetAsync("/api/v1/outbound/bases")).Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/outbound/bases/{baseId}/rejected")).StatusCode);
        var agent = await app.ClientForAsync("agent.devices-outbound");
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync($"/api/v1/outbound/bases/{baseId}/file")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await agent.GetAsync($"/api/v1/outbound/bases/{baseId}/rejected")).StatusCode); // issue 13: rejects are 404 to whoever may not import there
        await using (var scope = app.SystemScope())
        {
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<AppDbContext>().AuditEntries.CountAsync(a => a.EntityId == baseId.ToString() && a.Action == AuditAction.FileDownloaded));
        }
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Dnc_api_adds_lists_and_removes_numbers_for_the_operation_only(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var supervisor = await app.ClientForAsync("supervisor.devices-outbound");
        var before = (await supervisor.GetFromJsonAsync<JsonElement>($"/api/v1/outbound/dnc?operation={Operation}")).EnumerateArray()
            .Select(e => e.GetProperty("phone").GetString()).ToList();
        Assert.DoesNotContain("+573154445566", before);
        var added = await supervisor.PostAsJsonAsync("/api/v1/outbound/dnc", new { operation = Operation, phone = "315 444 5566", reason = "Solicitud del titular" });
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        var bad = await supervisor.PostAsJsonAsync("/api/v1/outbound/dnc", new { operation = Operation, phone = "12" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var list = await supervisor.GetFromJsonAsync<JsonElement>($"/api/v1/outbound/dnc?operation={Operation}");
        var phones = list.EnumerateArray().Select(e => e.GetProperty("phone").GetString()).ToList();
        Assert.Equal(before.Count + 1, phones.Count);
        Assert.Contains("+573154445566", phones);

        var agent = await app.ClientForAsync("agent.devices-outbound");
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.PostAsJsonAsync("/api/v1/outbound/dnc", new { operation = Operation, phone = "3154445567" })).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await supervisor.DeleteAsync($"/api/v1/outbound/dnc?operation={Operation}&phone=3154445566")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await supervisor.DeleteAsync($"/api/v1/outbound/dnc?operation={Operation}&phone=3154445566")).StatusCode);
        var listed = await RunAsync(app, "dnc", "list", "--operation", Operation, "--json");
        var after = JsonDocument.Parse(listed.Output).RootElement.EnumerateArray().Select(e => e.GetProperty("phone").GetString()).ToList();
        Assert.Equal(before.Order(StringComparer.Ordinal), after.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task A_new_base_joins_the_operations_segments_when_it_is_loaded(Provider provider)
    {
        // The demo operation has the segments "Pospago alto cupo" (plan Pospago/Pospago Plus and cupo ≥ 1,000,000) and "Resto" (everything else).
        await using var app = await TestApp.StartAsync(provider);
        using var temp = new TempFolder();
        var file = temp.WriteText("segmentable.csv",
            "documento;nombre;celular;plan;cupo\n71000001;Alta Cupo;3107770001;Pospago;1500000\n71000002;Baja Cupo;3107770002;Prepago;200000\n", Encoding.UTF8);
        Assert.Equal(0, (await RunAsync(app, "import", "leads", "--operation", Operation, "--file", file, "--json")).Exit);

        await using var scope = app.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var high = await db.Leads.SingleAsync(l => l.Document == "71000001");
        var segments = await db.Segments.Where(s => s.OperationId == high.OperationId).ToDictionaryAsync(s => s.Id, s => s.Name);
        var low = await db.Leads.SingleAsync(l => l.Document == "71000002");
        Assert.Equal("Pospago alto cupo", segments[Assert.NotNull(high.SegmentId)]);
        Assert.Equal("Resto", segments[Assert.NotNull(low.SegmentId)]);
    }

    internal static void WriteAesZip(string path, string entryName, string content, string password)
    {
        using var output = new ZipOutputStream(File.Create(path)) { Password = password };
        output.PutNextEntry(new ZipEntry(entryName) { AESKeySize = 256 });
        var bytes = Encoding.UTF8.GetBytes(content);
        output.Write(bytes, 0, bytes.Length);
        output.CloseEntry();
    }

    internal static async Task<(int Exit, string Output, string Error)> RunAsync(TestApp app, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await CliHost.RunAsync(AppModules.Cli, app.Services, args, output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
