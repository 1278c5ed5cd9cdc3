using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ContactOps.Modules.Sales.Contracts;
using ContactOps.Platform.Cli;
using ContactOps.Platform.Data;
using ContactOps.Platform.Storage;
using ContactOps.Tests.Infrastructure;
using ContactOps.Tests.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ContactOps.Tests.Sales.Devices;

/// <summary>
/// The product on a demo database with a fake clock, and device sales opened the way the outbound desk opens them
/// (<see cref="OutboundSales.OpenAsync"/> in devices-outbound), for the device back-office tests.
/// </summary>
internal sealed class DevicesKit
{
    public const string Operation = "devices-outbound";
    public const string BackOffice = "backoffice.devices-outbound";

    private readonly TestApp _app;

    private DevicesKit(TestApp app, FakeTimeProvider clock)
    {
        _app = app;
        Clock = clock;
    }

    public FakeTimeProvider Clock { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>Now is 2026-11-10 15:00 UTC (10:00 in Bogotá) unless told.</summary>
    public static DevicesKit Start(TestApp app, DateTimeOffset? now = null)
    {
        var clock = new FakeTimeProvider(now ?? new DateTimeOffset(2026, 11, 10, 15, 0, 0, TimeSpan.Zero));
        var clocked = app.WithClock(clock);
        return new DevicesKit(clocked, clock);
    }

    public Task<HttpClient> ClientAsync(string userName) =>
        _app.ClientForAsync(userName);

    /// <summary>The n-th Colombian demo customer (by document), with its document number.</summary>
    public async Task<(Guid Id, string Document)> CustomerAsync(int index)
    {
        await using var scope = SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var client = await db.Clients.Where(c => c.Code == "telco-co").Select(c => c.Id).SingleAsync();
        var row = await db.Customers.Where(c => c.ClientId == client).OrderBy(c => c.DocumentNumber).Skip(20 + index).Select(c => new { c.Id, c.DocumentNumber }).FirstAsync();
        return (row.Id, row.DocumentNumber);
    }

    /// <summary>A DeviceOnCredit sale opened in devices-outbound as the desk does (identity evidence attached), sold now.</summary>
    public async Task<Guid> OpenSaleAsync(Guid customerId)
    {
        await using var scope = SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var storage = scope.ServiceProvider.GetRequiredService<IFileStorage>();
        var op = await db.Operations.SingleAsync(o => o.Code == Operation);
        var seller = await db.Users.SingleAsync(u => u.UserName == "agent.devices-outbound");
        var opened = await OutboundSales.OpenAsync(db, storage, new OutboundSaleInput(
            op.Id, customerId, Guid.NewGuid(), seller.Id, "ag2001", "TYT-A15", "Smartphone A15 128 GB a 24 cuotas", 38_000m, 0m, null, null, Clock.GetUtcNow(),
            new IdentityEvidence("Identidad validada con preguntas reto", null, null)), CancellationToken.None);
        Assert.True(opened.IsSuccess, opened.Error?.Message);
        await db.SaveChangesAsync();
        return opened.Value!.SaleId;
    }

    public AsyncServiceScope SystemScope()
    {
        var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ContactOps.Platform.Tenancy.AccessScope>().SetSystem("tests");
        return scope;
    }

    public async Task<(int Exit, JsonElement? Json, string Out, string Err)> CliAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await CliHost.RunAsync(AppModules.Cli, Services, args, output, error);
        var text = output.ToString().Trim();
        JsonElement? json = null;
        if (text.StartsWith('{'))
        {
            using var doc = JsonDocument.Parse(text);
            json = doc.RootElement.Clone();
        }

        return (exit, json, text, error.ToString());
    }

    // The API of the device back office.
    public static async Task<JsonElement> GetAsync(HttpClient client, Guid saleId) =>
        await OkAsync(await client.GetAsync($"/api/v1/devices/sales/{saleId}/"));

    public static int Version(JsonElement sale) => sale.GetProperty("version").GetInt32();

    public static string State(JsonElement sale) => sale.GetProperty("state").GetString()!;

    public static Task<HttpResponseMessage> ConfirmAsync(HttpClient client, JsonElement sale, bool device = true, bool addressOk = true, string? corrected = null) =>
        client.PostAsJsonAsync($"/api/v1/devices/sales/{sale.GetProperty("saleId").GetGuid()}/confirmation", new
        {
            version = Version(sale),
            deviceConfirmed = device,
            addressConfirmed = addressOk,
            correctedAddress = corrected,
            recording = "CONF-" + Version(sale),
        });

    public static Task<HttpResponseMessage> CreditAsync(HttpClient client, JsonElement sale, string result = "Approved", decimal? quota = 1_500_000m) =>
        client.PostAsJsonAsync($"/api/v1/devices/sales/{sale.GetProperty("saleId").GetGuid()}/credit", new
        {
            version = Version(sale),
            result,
            approvedQuota = quota,
            conditions = "24 cuotas sin cuota inicial, tasa 1,9 % m.v.",
            recording = "CUPO-1",
        });

    public static Task<HttpResponseMessage> ReserveAsync(HttpClient client, JsonElement sale, string number, string document = "52.123.456", string[]? phones = null) =>
        client.PostAsJsonAsync($"/api/v1/devices/sales/{sale.GetProperty("saleId").GetGuid()}/reservation", new
        {
            version = Version(sale),
            reservationNumber = number,
            material = "Smartphone A15 128 GB negro",
            receiverName = "Pedro Pérez",
            receiverDocumentType = "CC",
            receiverDocument = document,
            phones = phones ?? ["300 765 4321", "(601) 555 1234"],
            stockReference = "BOD-NORTE-0042",
        });

    /// <summary>Confirmation, credit and reservation, each checked OK; the reserved sale.</summary>
    public static async Task<JsonElement> ReserveAllAsync(HttpClient client, Guid saleId, string number)
    {
        var sale = await GetAsync(client, saleId);
        sale = await OkAsync(await ConfirmAsync(client, sale));
        sale = await OkAsync(await CreditAsync(client, sale));
        return await OkAsync(await ReserveAsync(client, sale, number));
    }

    public static async Task<JsonElement> OkAsync(HttpResponseMessage response)
    {
        var json = await Demo.JsonAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.OK, response.StatusCode + ": " + json);
        return json;
    }

    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var json = await Demo.JsonAsync(response);
        Assert.True(response.StatusCode == status, response.StatusCode + ": " + json);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return json;
    }

    public static string Code(JsonElement problem) => problem.GetProperty("code").GetString()!;

    public static string Temp(string name, string content)
    {
        var dir = Directory.CreateTempSubdirectory("deliveries").FullName;
        var path = Path.Combine(dir, name);
        File.WriteAllText(path, content, new System.Text.UTF8Encoding(false));
        return path;
    }
}
