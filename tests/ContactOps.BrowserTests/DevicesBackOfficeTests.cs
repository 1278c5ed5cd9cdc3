using ContactOps.Modules.Sales.Contracts;
using ContactOps.Platform.Data;
using ContactOps.Platform.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ContactOps.BrowserTests;

/// <summary>
/// The device back office (issue 5) in a browser: a back-office user opens a device-on-credit sale from the queue, records
/// the confirmation call (address corrected), the credit check and the reservation, then a delivery; the sale ends Delivered.
/// </summary>
[Collection(BrowserCollection.Name)]
public class DevicesBackOfficeTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Back_office_user_confirms_checks_credit_reserves_and_delivers_a_device_sale()
    {
        var saleId = await OpenSaleAsync();

        var page = await fixture.NewPageAsync();
        await fixture.SignInAsync(page, "backoffice.devices-outbound");
        await page.WaitForURLAsync(u => !u.Contains("/login", StringComparison.Ordinal));
        await page.SettleAsync();
        await page.GotoAsync("/backoffice/devices");
        await page.SettleAsync();

        var row = page.Locator($"#devices-queue tr[data-sale=\"{saleId}\"]");
        await Assertions.Expect(row).ToBeVisibleAsync();
        await row.Locator(".open-device").ClickAsync();
        await Assertions.Expect(page.Locator("#device-sale")).ToBeVisibleAsync();

        // Confirmation call with a corrected address.
        await page.Locator("#confirm-device").CheckAsync();
        await page.Locator("#confirm-address-ok").UncheckAsync();
        await Assertions.Expect(page.Locator("#confirm-corrected")).ToBeVisibleAsync();
        await page.Locator("#confirm-corrected").FillAsync("Calle 45 # 12-30 apto 501, Bogotá");
        await page.Locator("#confirm-recording").FillAsync("GRAB-BROWSER-001");
        await page.Locator("#confirm-save").ClickAsync();
        await NoErrorAsync(page, "#confirm-done");
        await Assertions.Expect(page.Locator("#confirm-done")).ToContainTextAsync("Calle 45 # 12-30 apto 501");

        // Credit check approved with a quota.
        await page.Locator("#credit-result").SelectOptionAsync("Approved");
        await page.Locator("#credit-quota").FillAsync("1200000");
        await page.Locator("#credit-conditions").FillAsync("24 cuotas sin cuota inicial");
        await page.Locator("#credit-recording").FillAsync("GRAB-BROWSER-002");
        await page.Locator("#credit-save").ClickAsync();
        await NoErrorAsync(page, "#credit-done");
        await Assertions.Expect(page.Locator("#credit-done")).ToContainTextAsync("24 cuotas sin cuota inicial");

        // Reservation: the sale becomes Reserved.
        var number = "RES-BR-" + saleId.ToString("N")[..8].ToUpperInvariant();
        await page.Locator("#reserve-number").FillAsync(number);
        await page.Locator("#reserve-material").FillAsync("Smartphone A15 128 GB");
        await page.Locator("#reserve-address").FillAsync("Calle 45 # 12-30 apto 501, Bogotá");
        await page.Locator("#reserve-receiver").FillAsync("Rosa Elena Parra");
        await page.Locator("#reserve-doctype").FillAsync("CC");
        await page.Locator("#reserve-doc").FillAsync("52123456");
        await page.Locator("#reserve-phones").FillAsync("300 765 4321");
        await page.Locator("#reserve-stock").FillAsync("BOD-NORTE-77");
        await page.Locator("#reserve-save").ClickAsync();
        await NoErrorAsync(page, "#reserve-done");
        await Assertions.Expect(page.Locator("#reserve-done")).ToContainTextAsync(number);
        await Assertions.Expect(page.Locator("#device-state")).ToHaveTextAsync("Reservada");

        // A delivery recorded by hand moves the sale to Delivered and shows in the timeline.
        await page.Locator("#delivery-state").SelectOptionAsync("Delivered");
        await page.Locator("#delivery-carrier").FillAsync("ENTREGADO AL CLIENTE");
        await page.Locator("#delivery-guide").FillAsync("GUIA-998877");
        await page.Locator("#delivery-save").ClickAsync();
        await Assertions.Expect(page.Locator("#delivery-timeline li")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#device-state")).ToHaveTextAsync("Entregada");
        await BrowserFixture.ScreenshotAsync(page, "70-devices-backoffice-delivered-es");

        await using var scope = fixture.App.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var fulfilment = await db.DeviceFulfilments.SingleAsync(f => f.SaleId == saleId);
        Assert.Equal(number, fulfilment.ReservationNumber);
        Assert.Equal(Modules.Sales.DeliveryState.Delivered, fulfilment.DeliveryState);
    }

    /// <summary>Waits for the step's result or the page's error, and fails with the page's Spanish message if it refused.</summary>
    private static async Task NoErrorAsync(IPage page, string done)
    {
        await Assertions.Expect(page.Locator(done + ", #devices-error")).Not.ToHaveCountAsync(0);
        var error = page.Locator("#devices-error");
        Assert.True(await error.CountAsync() == 0, await error.CountAsync() == 0 ? "" : await error.InnerTextAsync());
    }

    /// <summary>A device-on-credit sale opened in devices-outbound the way the outbound desk opens it.</summary>
    private async Task<Guid> OpenSaleAsync()
    {
        await using var scope = fixture.App.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var storage = scope.ServiceProvider.GetRequiredService<IFileStorage>();
        var op = await db.Operations.SingleAsync(o => o.Code == "devices-outbound");
        var seller = await db.Users.SingleAsync(u => u.UserName == "agent.devices-outbound");
        var customer = await db.Customers.Where(c => c.ClientId == op.ClientId).OrderBy(c => c.DocumentNumber).Skip(77).Select(c => c.Id).FirstAsync();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        var opened = await OutboundSales.OpenAsync(db, storage, new OutboundSaleInput(
            op.Id, customer, Guid.NewGuid(), seller.Id, "agent.devices-outbound", "TYT-A15", "Smartphone A15 128 GB a 24 cuotas", 38_000m, 0m, null, null, now,
            new IdentityEvidence("Identidad validada con preguntas reto", null, null)), CancellationToken.None);
        Assert.True(opened.IsSuccess, opened.Error?.Message);
        await db.SaveChangesAsync();
        return opened.Value!.SaleId;
    }
}
