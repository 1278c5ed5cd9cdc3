using System.Net.Http.Headers;
using ContactOps.Modules.Sales;
using ContactOps.Platform.Data;
using ContactOps.Tests.Infrastructure;
using ContactOps.Tests.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContactOps.Tests.Sales;

/// <summary>Sales created directly (system scope) in the states a test needs, and files to attach to them.</summary>
internal static class SalesTestData
{
    public static readonly byte[] Wav = [.. "RIFF"u8, 0x24, 0, 0, 0, .. "WAVEfmt "u8, 16, 0, 0, 0, 1, 0, 1, 0, 0x40, 0x1F, 0, 0, 0x80, 0x3E, 0, 0, 2, 0, 16, 0, .. "data"u8, 0, 0, 0, 0, 1, 2, 3, 4];

    public static readonly byte[] Mp3 = [.. "ID3"u8, 4, 0, 0, 0, 0, 0, 0, 0xFF, 0xFB, 0x90, 0x64, 9, 8, 7];

    public static readonly byte[] Pdf = [.. "%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"u8];

    public static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, .. "IHDR"u8, 0, 0, 0, 1];

    public sealed record SaleSpec(
        SaleKind Kind,
        DateTimeOffset SoldAt,
        SaleState State,
        string? CallId = "C1",
        string? Extension = "4001",
        string? Login = "asesor1",
        string? Account = null,
        string? Line = null,
        string Operation = "premium-sales",
        string CustomerDocument = Demo.CoDocument,
        (string Code, string Description, int Quantity, decimal Monthly, decimal OneOff)[]? Products = null);

    public static async Task<Guid> AddSaleAsync(TestApp app, SaleSpec spec)
    {
        await using var scope = app.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var op = await db.Operations.SingleAsync(o => o.Code == spec.Operation);
        var client = await db.Clients.SingleAsync(c => c.Id == op.ClientId);
        var customer = await db.Customers.Where(c => c.DocumentNumber == spec.CustomerDocument && c.ClientId == client.Id).Select(c => c.Id).SingleAsync();
        var sale = new Sale(client.Id, op.Id, customer, spec.Kind, spec.SoldAt.ToUniversalTime(), client.Currency, SaleOrigin.Interaction)
        {
            CallId = spec.CallId,
            Extension = spec.Extension,
            SellerLogin = spec.Login,
            AccountNumber = spec.Account,
            LineNumber = spec.Line,
        };
        foreach (var p in spec.Products ?? [])
        {
            sale.AddProduct(p.Code, p.Description, p.Quantity, p.Monthly, p.OneOff, needsTechnicianVisit: false);
        }

        if (spec.State != SaleState.Registered)
        {
            sale.MoveTo(spec.State, spec.SoldAt.ToUniversalTime().AddDays(3));
        }

        db.Sales.Add(sale);
        await db.SaveChangesAsync();
        return sale.Id;
    }

    public static Task<HttpResponseMessage> UploadAsync(HttpClient client, Guid saleId, string kind, string fileName, byte[] content)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(kind), "kind" },
        };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        return client.PostAsync($"/api/v1/sales/{saleId}/attachments", form);
    }

    /// <summary>The Bogotá instant of a local wall-clock time (UTC-5, no DST).</summary>
    public static DateTimeOffset Bogota(int year, int month, int day, int hour, int minute) => new(year, month, day, hour, minute, 0, TimeSpan.FromHours(-5));
}
