using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ContactOps.Modules.Sales;
using ContactOps.Platform.Audit;
using ContactOps.Platform.Data;
using ContactOps.Platform.Storage;
using ContactOps.Platform.Tenancy;
using ContactOps.Modules.Sales.Features;
using ContactOps.Tests.Files;
using ContactOps.Tests.Infrastructure;
using ContactOps.Tests.Platform;
using Microsoft.Extensions.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ContactOps.Tests.Sales.SalesTestData;

namespace ContactOps.Tests.Sales;

/// <summary>Sale attachments through the API: upload checked by extension and content, size limit, audited download, isolation.</summary>
public class AttachmentsTests
{
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Upload_list_and_download_a_recording_the_download_is_audited(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var saleId = await AddSaleAsync(app, new SaleSpec(SaleKind.MobilePortability, Bogota(2026, 10, 5, 10, 0), SaleState.Installed));
        var agent = await app.ClientForAsync("agent.premium-sales");

        var upload = await UploadAsync(agent, saleId, "CallRecording", "llamada 1.wav", Wav);
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var created = await Demo.JsonAsync(upload);
        var attachmentId = created.GetProperty("id").GetGuid();
        Assert.Equal("audio/wav", created.GetProperty("contentType").GetString());
        Assert.Equal(Wav.Length, created.GetProperty("size").GetInt64());
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Wav)), created.GetProperty("sha256").GetString());

        Assert.Equal(HttpStatusCode.Created, (await UploadAsync(agent, saleId, "IdentityValidation", "cedula.pdf", Pdf)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await UploadAsync(agent, saleId, "ContractReading", "lectura.png", Png)).StatusCode);

        var list = await agent.GetFromJsonAsync<JsonElement>($"/api/v1/sales/{saleId}/attachments");
        Assert.Equal(3, list.GetArrayLength());
        Assert.Contains(list.EnumerateArray(), a => a.GetProperty("fileName").GetString() == "llamada 1.wav" && a.GetProperty("kind").GetString() == "CallRecording");

        var backOffice = await app.ClientForAsync("backoffice.premium-sales");
        var download = await backOffice.GetAsync($"/api/v1/sales/{saleId}/attachments/{attachmentId}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(Wav, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("audio/wav", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("llamada 1.wav", download.Content.Headers.ContentDisposition?.FileNameStar ?? download.Content.Headers.ContentDisposition?.FileName?.Trim('"'));

        await using var scope = app.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var reads = await db.AuditEntries.Where(e => e.EntityId == attachmentId.ToString() && e.Action == AuditAction.FileDownloaded).ToListAsync();
        var read = Assert.Single(reads);
        Assert.Equal("Back office premium-sales", read.UserName);
        Assert.Contains("llamada 1.wav", read.Changes, StringComparison.Ordinal);
        Assert.Empty(app.LoggedErrors);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Wrong_extension_wrong_content_or_kind_mismatch_are_refused_in_spanish_and_nothing_is_stored(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var saleId = await AddSaleAsync(app, new SaleSpec(SaleKind.HomeBundle, Bogota(2026, 10, 5, 10, 0), SaleState.Installed));
        var agent = await app.ClientForAsync("agent.premium-sales");

        await AssertRefused(await UploadAsync(agent, saleId, "CallRecording", "virus.exe", Wav), "attachment.type_not_allowed", ".wav, .mp3, .gsm, .ogg");
        await AssertRefused(await UploadAsync(agent, saleId, "CallRecording", "cedula.pdf", Pdf), "attachment.type_not_allowed", "grabación de la llamada");
        await AssertRefused(await UploadAsync(agent, saleId, "CallRecording", "falsa.wav", Pdf), "attachment.content_mismatch", "no es un archivo WAV");
        await AssertRefused(await UploadAsync(agent, saleId, "IdentityValidation", "foto.png", Wav), "attachment.content_mismatch", "no es un archivo PNG");
        await AssertRefused(await UploadAsync(agent, saleId, "IdentityValidation", "audio.mp3", Mp3), "attachment.type_not_allowed", ".pdf");
        await AssertRefused(await UploadAsync(agent, saleId, "Contrato", "a.pdf", Pdf), "attachment.kind_invalid", "tipo de adjunto");
        await AssertRefused(await UploadAsync(agent, saleId, "CallRecording", "vacio.wav", []), "attachment.empty", "vacío");

        Assert.Empty(Directory.Exists(app.StorageRoot) ? Directory.EnumerateFiles(app.StorageRoot, "*", SearchOption.AllDirectories) : []);
        var list = await agent.GetFromJsonAsync<JsonElement>($"/api/v1/sales/{saleId}/attachments");
        Assert.Equal(0, list.GetArrayLength());
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task A_file_over_the_configured_limit_is_refused_and_leaves_nothing_in_storage(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var saleId = await AddSaleAsync(app, new SaleSpec(SaleKind.HomeBundle, Bogota(2026, 10, 5, 10, 0), SaleState.Installed));
        app.Use(new AttachmentLimits(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Attachments:MaxBytes"] = "1024" }).Build()));
        var http = app.CreateClient();
        var token = await http.PostAsJsonAsync("/api/v1/auth/token", new { userName = "agent.premium-sales", password = Modules.Demo.DemoSeeder.DemoPassword });
        token.EnsureSuccessStatusCode();
        http.DefaultRequestHeaders.Authorization = new("Bearer", (await Demo.JsonAsync(token)).GetProperty("accessToken").GetString());

        var big = new byte[1025];
        Wav.CopyTo(big, 0);
        await AssertRefused(await UploadAsync(http, saleId, "CallRecording", "larga.wav", big), "attachment.too_large", "tamaño máximo");

        // A stream that does not say how long it is (a browser upload) is cut off while it is stored.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<AccessScope>().SetSystem("tests");
            var undeclared = new byte[5000];
            Wav.CopyTo(undeclared, 0);
            var result = await scope.ServiceProvider.GetRequiredService<UploadSaleAttachment>().HandleAsync(
                new UploadSaleAttachmentRequest(saleId, "CallRecording", "sin-largo.wav", null, new ForwardOnlyStream(new MemoryStream(undeclared))), default);
            Assert.Equal("attachment.too_large", result.Error?.Code);
        }

        Assert.Empty(Directory.Exists(app.StorageRoot) ? Directory.EnumerateFiles(app.StorageRoot, "*", SearchOption.AllDirectories) : []);

        var exact = new byte[1024];
        Wav.CopyTo(exact, 0);
        Assert.Equal(HttpStatusCode.Created, (await UploadAsync(http, saleId, "CallRecording", "justa.wav", exact)).StatusCode);
        var files = Directory.EnumerateFiles(app.StorageRoot, "*", SearchOption.AllDirectories).ToList();
        var stored = Assert.Single(files);
        Assert.Equal(1024, new FileInfo(stored).Length);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Attachments_of_another_clients_or_operations_sale_are_not_found(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var saleId = await AddSaleAsync(app, new SaleSpec(SaleKind.HomeBundle, Bogota(2026, 10, 5, 10, 0), SaleState.Installed));
        var owner = await app.ClientForAsync("agent.premium-sales");
        var created = await Demo.JsonAsync(await UploadAsync(owner, saleId, "CallRecording", "a.wav", Wav));
        var attachmentId = created.GetProperty("id").GetGuid();

        foreach (var stranger in new[] { "agent.digital-sales", "admin.digital-sales", "backoffice.sales-cell" })
        {
            var http = await app.ClientForAsync(stranger);
            Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"/api/v1/sales/{saleId}/attachments")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"/api/v1/sales/{saleId}/attachments/{attachmentId}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await UploadAsync(http, saleId, "CallRecording", "b.wav", Wav)).StatusCode);
        }

        // Same operation, but a role that may not attach (quality analyst): forbidden, not stored.
        var quality = await app.ClientForAsync("qualityanalyst.premium-sales");
        Assert.Equal(HttpStatusCode.Forbidden, (await UploadAsync(quality, saleId, "CallRecording", "c.wav", Wav)).StatusCode);

        var storage = app.Services.GetRequiredService<IFileStorage>();
        Assert.IsType<LocalFileStorage>(storage);
        Assert.Single(Directory.EnumerateFiles(app.StorageRoot, "*", SearchOption.AllDirectories));
    }

    private static async Task AssertRefused(HttpResponseMessage response, string code, string messagePart)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await Demo.JsonAsync(response);
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.Contains(messagePart, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
