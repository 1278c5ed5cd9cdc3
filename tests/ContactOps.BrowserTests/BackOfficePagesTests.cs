using System.Text;
using Microsoft.Playwright;

namespace ContactOps.BrowserTests;

/// <summary>The data marshall's import page and the administration pages, in a real browser.</summary>
[Collection(BrowserCollection.Name)]
public class BackOfficePagesTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Data_marshall_uploads_a_windows_1252_csv_and_sees_the_summary_and_the_rejected_row()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var file = Path.Combine(Path.GetTempPath(), $"clientes-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file,
            "tipo_documento;documento;nombres;apellidos;celular\r\n"
            + "CC;79111222;José;Muñoz Peña;300 555 0101\r\n"
            + "CC;79111333;Ángela;Ibáñez;310-555-0202\r\n"
            + "CC;79111444;Sin;Teléfono Válido;12345\r\n",
            Encoding.GetEncoding(1252));

        var page = await fixture.NewPageAsync();
        await fixture.SignInAsync(page, "datamarshall.premium-sales");
        await page.WaitForURLAsync(u => !u.Contains("/login", StringComparison.Ordinal));
        await page.SettleAsync();
        await page.GotoAsync("/customers/import");
        await page.SettleAsync();
        await page.Locator("input[type=file]").SetInputFilesAsync(file);

        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("Importación terminada", new() { Timeout = 30_000 });
        var summary = page.Locator("table").First;
        await Assertions.Expect(summary).ToContainTextAsync("Creados");
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("Rechazados");
        // The rejected row is listed with its line number (4: header is line 1).
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("Filas rechazadas");
        var rejected = page.Locator("table").Last.Locator("tbody tr");
        await Assertions.Expect(rejected).ToHaveCountAsync(1);
        await Assertions.Expect(rejected.First.Locator("td").First).ToHaveTextAsync("4");
        await Assertions.Expect(rejected.First).ToContainTextAsync("12345");
        await BrowserFixture.ScreenshotAsync(page, "08-import-customers-es");

        // The accented names came through the Windows-1252 file intact.
        await page.GotoAsync("/customers?q=79111222");
        await Assertions.Expect(page.Locator(".customer-row")).ToContainTextAsync("José Muñoz Peña");
        Assert.Empty(fixture.App.LoggedErrors);
    }

    [Fact]
    public async Task Administration_pages_render_for_the_platform_admin()
    {
        // One sign-in for the eight pages (each is also read in both languages by LanguageWalkTests).
        var page = await fixture.NewPageAsync();
        await fixture.SignInAsync(page, "admin");
        await page.WaitForURLAsync(u => !u.Contains("/login", StringComparison.Ordinal));
        await page.SettleAsync();
        foreach (var (path, screenshot) in new[]
        {
            ("/admin/clients", "09-admin-clients"), ("/admin/operations", "10-admin-operations"), ("/admin/users", "11-admin-users"),
            ("/admin/api-keys", "12-admin-api-keys"), ("/admin/calendars", "13-admin-calendars"), ("/admin/dispositions", "14-admin-dispositions"),
            ("/admin/teams", "14b-admin-teams"), ("/audit", "15-audit"),
        })
        {
            await page.GotoAsync(path);
            await page.SettleAsync();
            await Assertions.Expect(page.Locator("h1")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("body")).Not.ToContainTextAsync("No tiene permiso");
            await BrowserFixture.ScreenshotAsync(page, screenshot);
        }

        Assert.Empty(fixture.App.LoggedErrors);
    }
}
