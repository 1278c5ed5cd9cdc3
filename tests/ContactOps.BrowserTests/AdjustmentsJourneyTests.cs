using System.Text;
using ContactOps.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ContactOps.BrowserTests;

/// <summary>
/// The billing-adjustments cell (issue 6) in a browser: a back-office user imports a cut (the cut-off read from the file
/// name, one bad row reported with its line), works an approved adjustment to "customer informed", an unreachable one to
/// "voice message left", and files an appeal for a customer who does not accept; the supervisor sees the week's top 5.
/// </summary>
[Collection(BrowserCollection.Name)]
public class AdjustmentsJourneyTests(BrowserFixture fixture)
{
    // Cut-off Friday 2026-06-05 (ISO week 2026-W23), far from the demo's recent cuts.
    private const string FileName = "ajustes_2026-06-05.csv";

    private static readonly string Csv = string.Join("\r\n",
        "cuenta;escalamiento;estado_ajuste;causal;aprobacion;valor;radicado;login_asesor;motivo_rechazo",
        "88000001;BRW-ESC-001;Aplicado;A;APROBADO;45.000,50;RAD-BRW-001;brw.ana;",
        "88000002;BRW-ESC-002;Aplicado;Cargos de reconexión;APROBADO;$ 120.000;RAD-BRW-002;brw.ana;",
        "88000003;BRW-ESC-003;Aplicado;D;Aprobado;78000;RAD-BRW-003;brw.luis;",
        "88000004;BRW-ESC-004;No aplicado;G;RECHAZADO;;;brw.luis;Sin certificado de estrato",
        "88000005;BRW-ESC-005;No aplicado;H;RECHAZADO;;;brw.carla;Sin orden de trabajo",
        "88000006;BRW-ESC-006;No aplicado;H;RECHAZADO;;;brw.carla;Causal mal marcada",
        "88000007;BRW-ESC-007;No aplicado;A;RECHAZADO;;;brw.luis;Sin soportes de la falla",
        "88000008;BRW-ESC-008;Aplicado;Z;APROBADO;1000;RAD-BRW-008;brw.ana;") + "\r\n";

    [Fact]
    public async Task Back_office_imports_a_cut_informs_leaves_a_voice_message_and_files_an_appeal_and_the_supervisor_sees_the_top_5()
    {
        var page = await fixture.NewPageAsync();
        await fixture.SignInAsync(page, "backoffice.adjustments-cell");
        await page.WaitForURLAsync(u => !u.Contains("/login", StringComparison.Ordinal));
        await page.SettleAsync();

        // 1. Import the cut: the cut-off comes from the file name; 7 created, line 9 (cause Z) rejected.
        await page.GotoAsync("/adjustments/import");
        await page.SettleAsync();
        await page.Locator("#adj-import-file").SetInputFilesAsync(new FilePayload
        {
            Name = FileName,
            MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes(Csv),
        });
        await Assertions.Expect(page.Locator("#adj-import-cutoff-input")).ToHaveValueAsync("2026-06-05");
        await page.Locator("[data-testid=adj-import-submit]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=adj-import-summary]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=adj-import-rows]")).ToHaveTextAsync("8");
        await Assertions.Expect(page.Locator("[data-testid=adj-import-created]")).ToHaveTextAsync("7");
        await Assertions.Expect(page.Locator("[data-testid=adj-import-rejected-count]")).ToHaveTextAsync("1");
        await Assertions.Expect(page.Locator("[data-testid=adj-import-rejected-row][data-line=\"9\"]")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "80-adjustments-import-es");

        // 2. Find the first approved adjustment in the queue and inform the customer (filing number and amount on the form).
        await page.GotoAsync("/adjustments");
        await page.SettleAsync();
        var search = page.Locator("[data-testid=filter-q] input, input[data-testid=filter-q]").First;
        await search.FillAsync("88000001");
        await search.PressAsync("Enter");
        var row = page.Locator("[data-testid=adjustment-row][data-key=\"E:BRW-ESC-001\"]");
        await Assertions.Expect(row).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=adjustment-row]")).ToHaveCountAsync(1);
        await BrowserFixture.ScreenshotAsync(page, "81-adjustments-queue-es");
        await row.ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("/adjustments/", StringComparison.Ordinal) && !u.EndsWith("/adjustments", StringComparison.Ordinal));
        await Assertions.Expect(State(page)).ToHaveAttributeAsync("data-state", "ToInform");
        await page.Locator("[data-testid=action-inform]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=inform-facts]")).ToContainTextAsync("RAD-BRW-001");
        await Outcome(page, "outcome-informed").ClickAsync();
        await TextArea(page, "inform-message").FillAsync("Se informó al cliente el ajuste aplicado con radicado RAD-BRW-001 por $ 45.000,50.");
        await page.Locator("[data-testid=submit-action]").ClickAsync();
        await Assertions.Expect(State(page)).ToHaveAttributeAsync("data-state", "CustomerInformed");
        await Assertions.Expect(page.Locator("[data-testid=fact-appeal-deadline]")).Not.ToBeEmptyAsync();
        await BrowserFixture.ScreenshotAsync(page, "82-adjustment-informed-es");

        // 3. The second approved one: the customer does not answer → voice message with the answer and the filing number.
        await page.GotoAsync("/adjustments/" + await IdAsync("E:BRW-ESC-002"));
        await page.SettleAsync();
        await page.Locator("[data-testid=action-inform]").ClickAsync();
        await Outcome(page, "outcome-unreachable").ClickAsync();
        var voice = TextArea(page, "voice-message");
        await Assertions.Expect(voice).ToBeVisibleAsync();
        await voice.FillAsync("Buenos días, le informamos que su ajuste fue aplicado con radicado RAD-BRW-002 por $ 120.000.");
        await page.Locator("[data-testid=submit-action]").ClickAsync();
        await Assertions.Expect(State(page)).ToHaveAttributeAsync("data-state", "VoiceMessageLeft");
        await Assertions.Expect(page.Locator("[data-testid=fact-attempts]")).ToContainTextAsync("1");

        // 4. The third: informed, does not accept → reconsideration and, subsidiarily, appeal to the regulator.
        var third = await IdAsync("E:BRW-ESC-003");
        await page.GotoAsync("/adjustments/" + third);
        await page.SettleAsync();
        await page.Locator("[data-testid=action-inform]").ClickAsync();
        await Outcome(page, "outcome-informed").ClickAsync();
        await TextArea(page, "inform-message").FillAsync("Se informó el ajuste con radicado RAD-BRW-003 por $ 78.000; el cliente no está de acuerdo.");
        await page.Locator("[data-testid=submit-action]").ClickAsync();
        await Assertions.Expect(State(page)).ToHaveAttributeAsync("data-state", "CustomerInformed");
        await page.Locator("[data-testid=action-appeal]").ClickAsync();
        // Reconsideration is ticked by default; the subsidiary appeal is added.
        await Assertions.Expect(CheckBox(page, "appeal-reposicion")).ToBeCheckedAsync();
        await page.Locator("[data-testid=appeal-subsidio]").ClickAsync();
        await Assertions.Expect(CheckBox(page, "appeal-subsidio")).ToBeCheckedAsync();
        await TextArea(page, "appeal-grounds").FillAsync("El cliente reclama el valor total del equipo cobrado, no solo la cuota.");
        await page.Locator("[data-testid=submit-action]").ClickAsync();
        await Assertions.Expect(State(page)).ToHaveAttributeAsync("data-state", "AppealFiled");
        await Assertions.Expect(page.Locator("[data-testid=fact-pqr-due]")).Not.ToBeEmptyAsync();
        await BrowserFixture.ScreenshotAsync(page, "83-adjustment-appeal-filed-es");

        await using (var scope = fixture.App.SystemScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var appealed = await db.Adjustments.SingleAsync(a => a.Key == "E:BRW-ESC-003");
            Assert.NotNull(appealed.AppealFiledAt);
            Assert.Equal("CASOSPQR-PQRRES", appealed.PqrDestination);
            var steps = await db.AdjustmentSteps.Where(s => s.AdjustmentId == appealed.Id).Select(s => s.Action).ToListAsync();
            Assert.Contains(Modules.Adjustments.AdjustmentAction.CustomerInformed, steps);
            Assert.Contains(Modules.Adjustments.AdjustmentAction.AppealFiled, steps);
        }

        // 5. The supervisor sees the week's top 5: carla (2 of 2 rejected) before luis (2 of 3); ana has no rejection.
        var supervisor = await fixture.NewPageAsync();
        await fixture.SignInAsync(supervisor, "supervisor.adjustments-cell");
        await supervisor.WaitForURLAsync(u => !u.Contains("/login", StringComparison.Ordinal));
        await supervisor.SettleAsync();
        await supervisor.GotoAsync("/adjustments/coaching?operation=adjustments-cell&week=2026-W23");
        await supervisor.SettleAsync();
        var top = supervisor.Locator("[data-testid=top5-row]");
        await Assertions.Expect(top).ToHaveCountAsync(2);
        await Assertions.Expect(top.Nth(0)).ToHaveAttributeAsync("data-login", "brw.carla");
        await Assertions.Expect(top.Nth(1)).ToHaveAttributeAsync("data-login", "brw.luis");
        await Assertions.Expect(top.Nth(0)).ToContainTextAsync("Sin orden de trabajo");
        await BrowserFixture.ScreenshotAsync(supervisor, "84-adjustments-coaching-top5-es");
    }

    private static ILocator State(IPage page) => page.Locator("[data-testid=state-badge]");

    private static ILocator Outcome(IPage page, string testId) => page.Locator($"[data-testid={testId}]").First;

    private static ILocator CheckBox(IPage page, string testId) => page.Locator($"input[data-testid={testId}], [data-testid={testId}] input").First;

    private static ILocator TextArea(IPage page, string testId) => page.Locator($"textarea[data-testid={testId}], [data-testid={testId}] textarea").First;

    private async Task<Guid> IdAsync(string key)
    {
        await using var scope = fixture.App.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Adjustments.Where(a => a.Key == key).Select(a => a.Id).SingleAsync();
    }
}
