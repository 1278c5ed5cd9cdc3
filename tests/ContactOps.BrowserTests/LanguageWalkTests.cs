using ContactOps.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace ContactOps.BrowserTests;

/// <summary>
/// Every page of the product, in Spanish and in English, read as a user reads it: no word of the other language, no resource
/// key, no enum or field name, no id shown as a label. The pages are every menu entry of users who together see the whole
/// menu (each address visited once per operation kind) and the detail pages their lists link to.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class LanguageWalkTests(BrowserFixture fixture, ITestOutputHelper output)
{
    /// <summary>
    /// Users who together see every menu entry, in an operation of every kind (and the platform admin). A back office, data
    /// marshall or quality analyst sees a subset of their operation's manager's entries: the pages are the same.
    /// </summary>
    private static readonly string[] Walkers =
    [
        "manager.premium-sales", "agent.premium-sales", "manager.sales-cell", "manager.devices-outbound", "agent.devices-outbound",
        "manager.adjustments-cell", "manager.digital-sales", "admin",
    ];

    /// <summary>Detail pages reached from the lists: the first link of each shape on a page.</summary>
    private static readonly Regex[] DetailLinks =
    [
        DetailRegex("customers"), DetailRegex("sales"), DetailRegex("adjustments"), DetailRegex("escalations"), DetailRegex("outbound/bases"),
    ];

    /// <summary>Names that read the same in both languages and look like keys: the product, brands, a file's own column names.</summary>
    private static readonly HashSet<string> Allowed = new(StringComparer.Ordinal) { "ContactOps", "WhatsApp", "fecha_hora", "talk_seconds" };

    /// <summary>Pages whose content depends on the operation's kind: walked once per operation, the others once.</summary>
    private static readonly HashSet<string> PerOperation = new(StringComparer.Ordinal) { "/", "/reports", "/audit" };

    /// <summary>Spanish UI words (never in the demo data) that an English page must not show.</summary>
    private static readonly string[] SpanishWords =
    [
        "Guardar", "Buscar", "Exportar", "Cancelar", "Cerrar sesión", "Fecha", "Estado", "Acciones", "registros", "Registros", "Siguiente", "Anterior",
        "Sin datos", "No hay", "Cargando", "Aprobada", "Rechazada", "Pendiente", "Desde", "Hasta", "Llamadas", "Asesores", "Ventas de hoy", "Entrante",
        "Saliente", "Escalamiento", "Cliente", "Gestión", "Marcador", "Operación", "Hora", "Usuario", "Contraseña", "Agregar", "Editar", "Eliminar",
        "Volver", "Descargar", "Importar", "Archivo", "Ninguno", "Ninguna", "Todos", "Todas", "Sí", "Meta", "Resultado", "Tipificación", "Motivo",
    ];

    /// <summary>English UI words that a Spanish page must not show.</summary>
    private static readonly string[] EnglishWords =
    [
        "Save", "Search", "Export", "Cancel", "Sign out", "Status", "Date", "Actions", "records", "Records", "Next", "Previous", "No data", "Loading",
        "Approved", "Rejected", "Pending", "None", "Voice", "Predictive", "Range", "Sale", "Sales", "Customer", "Customers", "Agent", "Agents",
        "Inbound", "Outbound", "Adjustment", "Adjustments", "Escalation", "Manager", "Coordinator", "Open", "Closed", "Resolution", "Yes", "Today",
        "From", "To", "Calls", "Dialer", "Operation", "Hour", "User", "Password", "Add", "Edit", "Delete", "Download", "Import", "File",
        "All", "Goal", "Result", "Reason", "Unknown", "Other", "Phone", "Email", "Campaign", "Script", "Step", "Steps",
    ];

    [Fact]
    public async Task Every_page_reads_in_one_language_without_keys_or_ids()
    {
        var findings = new List<string>();
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var pages = 0;
        var details = await DetailPagesAsync();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        foreach (var user in Walkers)
        {
            var signIn = clock.Elapsed;
            var spanish = await SignedInAsync(user, "es-CO");
            var english = await SameSessionAsync(spanish, "en");
            output.WriteLine($"{user}: signed in {(clock.Elapsed - signIn).TotalSeconds:F1} s");
            var kind = await OperationOfAsync(spanish);
            var hrefs = await spanish.Locator("nav a[id^=nav-]").EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('href'))");
            // The menu, the pages every user reaches from the top bar, and a record of each kind their operation keeps.
            var queue = new Queue<string>(hrefs.Select(h => h.Split('?')[0]).Where(h => h.StartsWith('/')).Append("/my/profile")
                .Concat(details.GetValueOrDefault(user, [])));
            while (queue.Count > 0)
            {
                var path = queue.Dequeue();
                if (!visited.Add(Key(kind, path)))
                {
                    continue;
                }

                pages++;
                var read = clock.Elapsed;
                var texts = await Task.WhenAll(ReadAsync(spanish, path), ReadAsync(english, path));
                if (await spanish.Locator("#page-forbidden").CountAsync() > 0 || await spanish.Locator("h1").CountAsync() == 0)
                {
                    findings.Add($"{user} {path}: a page of the user's own menu is refused or has no title");
                }

                findings.AddRange(Check(texts[0], "es").Select(f => $"{user} es {path}: {f}"));
                findings.AddRange(Check(texts[1], "en").Select(f => $"{user} en {path}: {f}"));
                output.WriteLine($"  {path} {(clock.Elapsed - read).TotalSeconds:F1} s");

                var links = await spanish.Locator(".mud-main-content a[href]").EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('href'))");
                foreach (var shape in DetailLinks)
                {
                    if (links.FirstOrDefault(l => shape.IsMatch(l)) is { } detail && !visited.Contains(Key(kind, detail.Split('?')[0])))
                    {
                        queue.Enqueue(detail.Split('?')[0]);
                    }
                }
            }

            await spanish.Context.CloseAsync();
            await english.Context.CloseAsync();
        }

        output.WriteLine($"{pages} pages walked in both languages, {findings.Count} findings");
        foreach (var f in findings)
        {
            output.WriteLine(f);
        }

        Assert.True(pages >= 45, $"only {pages} pages walked");
        Assert.Contains(visited, v => v.EndsWith("/audit", StringComparison.Ordinal));
        Assert.Contains(visited, v => v.EndsWith("/sales/{id}", StringComparison.Ordinal));
        Assert.Contains(visited, v => v.EndsWith("/customers/{id}", StringComparison.Ordinal));
        Assert.Contains(visited, v => v.EndsWith("/adjustments/{id}", StringComparison.Ordinal));
        Assert.True(findings.Count == 0, string.Join('\n', findings));
    }

    private async Task<IPage> SignedInAsync(string user, string culture)
    {
        var page = await fixture.NewPageAsync(culture);
        await page.Context.AddCookiesAsync([new Cookie { Name = ".AspNetCore.Culture", Value = $"c={culture}|uic={culture}", Url = fixture.BaseUrl }]);
        await fixture.SignInAsync(page, user);
        await page.WaitForURLAsync(u => !u.Contains("/login", StringComparison.Ordinal));
        await page.SettleAsync();
        return page;
    }

    /// <summary>The detail pages of a record of each kind, for the walker of its operation: a customer, a sale of each operation, an adjustment, a device sale.</summary>
    private async Task<Dictionary<string, string[]>> DetailPagesAsync()
    {
        await using var scope = fixture.App.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        async Task<Guid> OperationAsync(string code) => await db.Operations.Where(o => o.Code == code).Select(o => o.Id).SingleAsync();
        var premium = await OperationAsync("premium-sales");
        var cell = await OperationAsync("sales-cell");
        var devices = await OperationAsync("devices-outbound");
        var adjustments = await OperationAsync("adjustments-cell");
        var customer = await db.Customers.IgnoreQueryFilters().Where(c => c.DocumentNumber == "1020304050").Select(c => c.Id).FirstAsync();
        async Task<string[]> SaleAsync(Guid operation) =>
            await db.Sales.IgnoreQueryFilters().Where(x => x.OperationId == operation || x.BackOfficeOperationId == operation)
                .OrderBy(x => x.SoldAt).Select(x => "/sales/" + x.Id).Take(1).ToArrayAsync();
        // The demo seeds the sales cell's sales; other operations' sales exist when a journey made one before this test.
        var deviceSale = await db.Sales.IgnoreQueryFilters().Where(x => x.OperationId == devices).OrderBy(x => x.SoldAt).Select(x => x.Id).Take(1).ToArrayAsync();
        var adjustment = await db.Adjustments.IgnoreQueryFilters().Where(a => a.OperationId == adjustments).Select(a => a.Id).FirstAsync();
        return new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            ["manager.premium-sales"] = [$"/customers/{customer}", .. await SaleAsync(premium)],
            ["manager.sales-cell"] = await SaleAsync(cell),
            ["manager.devices-outbound"] = [.. deviceSale.SelectMany(id => new[] { $"/sales/{id}", $"/backoffice/devices/{id}" })],
            ["manager.adjustments-cell"] = [$"/adjustments/{adjustment}"],
        };
    }

    /// <summary>A second browser on the same session (its cookies) in another language: one sign-in per user.</summary>
    private async Task<IPage> SameSessionAsync(IPage signedIn, string culture)
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1366, Height = 768 },
            Locale = culture,
            BaseURL = fixture.BaseUrl,
            StorageState = await signedIn.Context.StorageStateAsync(),
        });
        context.SetDefaultTimeout(15_000);
        await context.AddCookiesAsync([new Cookie { Name = ".AspNetCore.Culture", Value = $"c={culture}|uic={culture}", Url = fixture.BaseUrl }]);
        return await context.NewPageAsync();
    }

    private static async Task<string> OperationOfAsync(IPage page) =>
        await page.Locator("[data-testid=operation-switcher]").CountAsync() > 0
            ? await page.Locator("[data-testid=operation-switcher]").InnerTextAsync()
            : "none";

    private static string Key(string operation, string path)
    {
        var shape = Shape(path);
        return PerOperation.Contains(shape) || shape.Contains("{id}", StringComparison.Ordinal) ? operation + " " + shape : shape;
    }

    /// <summary>The page's text as a user reads it, without what is data (translate="no": names, configured texts) or code.</summary>
    private static async Task<string> ReadAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await page.Locator("#app-interactive").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
        // Lists load after the first render: wait until no progress indicator is left (a bounded wait, not a sleep).
        await page.Locator(".mud-progress-linear, .mud-progress-circular").First.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached, Timeout = 10_000 });
        await page.AddStyleTagAsync(new PageAddStyleTagOptions { Content = "[translate=no], code { display: none !important; }" });
        return await page.Locator("body").InnerTextAsync();
    }

    /// <summary>What is wrong with a page's text in that language.</summary>
    internal static IEnumerable<string> Check(string text, string language)
    {
        foreach (var word in language == "en" ? SpanishWords : EnglishWords)
        {
            if (Regex.IsMatch(text, $@"(?<![\p{{L}}_.-]){Regex.Escape(word)}(?![\p{{L}}_.-])"))
            {
                yield return $"word of the other language \"{word}\" in \"{Around(text, word)}\"";
            }
        }

        foreach (Match m in RawKeyRegex().Matches(text).Where(m => !Allowed.Contains(m.Value)))
        {
            yield return $"raw key or name \"{m.Value}\" in \"{Around(text, m.Value)}\"";
        }

        foreach (Match m in GuidRegex().Matches(text))
        {
            yield return $"id shown \"{m.Value}\"";
        }
    }

    private static string Around(string text, string word)
    {
        var i = text.IndexOf(word, StringComparison.Ordinal);
        var from = Math.Max(0, i - 40);
        return text.Substring(from, Math.Min(text.Length - from, word.Length + 80)).ReplaceLineEndings(" ");
    }

    /// <summary>An address with its ids replaced, so a detail page is walked once per kind of record.</summary>
    private static string Shape(string path) => GuidRegex().Replace(path, "{id}");

    private static Regex DetailRegex(string list) => new($"^/{list}/[0-9a-f]{{8}}-[0-9a-f]{{4}}-[0-9a-f]{{4}}-[0-9a-f]{{4}}-[0-9a-f]{{12}}$", RegexOptions.CultureInvariant);

    /// <summary>Resource keys (Nav_Home, Error.x, Field.X.y), enum names run together (InboundSales, NotContacted), snake_case keys.</summary>
    [GeneratedRegex(@"(?<![\w.@/-])(?:[A-Z][a-z]+_[A-Za-z_]+|(?:Error|Field)\.[A-Za-z_.]+|[A-Z][a-z]+(?:[A-Z][a-z]+)+|[a-z]+_[a-z_]+)(?![\w@/-])", RegexOptions.CultureInvariant)]
    private static partial Regex RawKeyRegex();

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", RegexOptions.CultureInvariant)]
    private static partial Regex GuidRegex();
}
