using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ContactOps.Modules.Outbound;
using ContactOps.Modules.Outbound.Dialer;
using ContactOps.Modules.Outbound.Features;
using ContactOps.Platform.Audit;
using ContactOps.Platform.Data;
using ContactOps.Platform.Tenancy;
using ContactOps.Tests.Infrastructure;
using ContactOps.Tests.Interactions;
using ContactOps.Tests.Outbound.Policy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MiniExcelLibs;
using Quartz;

namespace ContactOps.Tests.Outbound.Management;

/// <summary>The carrier's daily management report: rows equal the base, the layout, the daily job, audited downloads, tenancy.</summary>
public class ManagementReportTests
{
    private static readonly DateTimeOffset Evening = Bogota.At(2026, 11, 23, 20);

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task The_report_has_every_lead_of_the_base_once_with_its_attempts_and_last_disposition_at_the_end_of_the_date(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await using var clocked = ManagementKit.Start(app, Evening);
        await SeedAsync(clocked);

        var run = await clocked.RunAsync<GenerateManagementReport, ManagementRunItem>(async h =>
            (await h.HandleAsync(new ManagementReportRequest(PolicyKit.Operation, "2026-11-23", Format: "csv"), ManagementTrigger.User, default)).Value!);
        Assert.Equal(6, run.Rows);

        var rows = await ReadCsvAsync(clocked, run.Id);
        Assert.Equal(6, rows.Count);
        Assert.Equal(6, rows.Select(r => r["DOCUMENTO"]).Distinct().Count());
        Assert.DoesNotContain(rows, r => r["DOCUMENTO"] == "9000000099"); // the closed base is not in the report

        var sold = rows.Single(r => r["DOCUMENTO"] == "9000000001");
        Assert.Equal("2", sold["INTENTOS"]);
        Assert.Equal("2026-11-23 11:00:00", sold["ULTIMO_INTENTO"]);
        Assert.Equal("VENTA", sold["ULTIMA_TIPIFICACION"]);
        Assert.Equal("Venta", sold["ESTADO"]);
        Assert.Equal("Plan 10", sold["PLAN"]);
        Assert.Equal("+573105550001", sold["TELEFONO_1"]);

        var callback = rows.Single(r => r["DOCUMENTO"] == "9000000002");
        Assert.Equal(("1", "VOLVER_A_LLAMAR", "Volver a llamar"), (callback["INTENTOS"], callback["ULTIMA_TIPIFICACION"], callback["ESTADO"]));

        // Attempted only the next day: as of the end of the 23rd it was not worked yet.
        var tomorrow = rows.Single(r => r["DOCUMENTO"] == "9000000003");
        Assert.Equal(("0", "", "Sin gestionar"), (tomorrow["INTENTOS"], tomorrow["ULTIMO_INTENTO"], tomorrow["ESTADO"]));

        Assert.Equal("Excluido", rows.Single(r => r["DOCUMENTO"] == "9000000004")["ESTADO"]);

        var late = rows.Single(r => r["DOCUMENTO"] == "9000000005");
        Assert.Equal(("1", "2026-11-23 23:30:00", "NO_INTERESADO", "Cerrado"), (late["INTENTOS"], late["ULTIMO_INTENTO"], late["ULTIMA_TIPIFICACION"], late["ESTADO"]));

        // An attempt without a disposition counts as an attempt; its telephony result is shown.
        var ringing = rows.Single(r => r["DOCUMENTO"] == "9000000006");
        Assert.Equal(("1", "", "En gestión"), (ringing["INTENTOS"], ringing["ULTIMA_TIPIFICACION"], ringing["ESTADO"]));

        // The report of the 24th sees the next day's attempt.
        var next = await clocked.RunAsync<GenerateManagementReport, ManagementRunItem>(async h =>
            (await h.HandleAsync(new ManagementReportRequest(PolicyKit.Operation, "2026-11-24", Format: "csv"), ManagementTrigger.User, default)).Value!);
        var nextRows = await ReadCsvAsync(clocked, next.Id);
        Assert.Equal("1", nextRows.Single(r => r["DOCUMENTO"] == "9000000003")["INTENTOS"]);
        Assert.Empty(app.LoggedErrors);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task The_carriers_layout_sets_the_columns_their_order_and_headers_in_csv_and_xlsx(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await using var clocked = ManagementKit.Start(app, Evening);
        await SeedAsync(clocked);
        var saved = await clocked.RunAsync<EditManagementLayout, ManagementLayoutView>(async h => (await h.SaveAsync(new SaveManagementLayoutRequest(
            PolicyKit.Operation,
            [new("document", "CEDULA"), new("attr:plan", "PLAN_CLIENTE"), new("attempts", "NUM_GESTIONES"), new("status", "ESTADO_FINAL")],
            "xlsx", null, false), default)).Value!);
        Assert.Equal("xlsx", saved.Format);

        var bad = await clocked.RunAsync<EditManagementLayout, string>(async h => (await h.SaveAsync(new SaveManagementLayoutRequest(
            PolicyKit.Operation, [new("document", "A"), new("nope", "B")], "csv", null, false), default)).Error!.Message);
        Assert.Contains("nope", bad, StringComparison.Ordinal);

        var xlsxRun = await clocked.RunAsync<GenerateManagementReport, ManagementRunItem>(async h =>
            (await h.HandleAsync(new ManagementReportRequest(PolicyKit.Operation, "2026-11-23"), ManagementTrigger.User, default)).Value!);
        Assert.Equal("xlsx", xlsxRun.Format);
        var bytes = await DownloadAsync(clocked, xlsxRun.Id);
        using var xlsx = new MemoryStream(bytes);
        var sheet = xlsx.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(6, sheet.Count);
        Assert.Equal(["CEDULA", "PLAN_CLIENTE", "NUM_GESTIONES", "ESTADO_FINAL"], sheet[0].Keys.ToArray());
        var sold = sheet.Single(r => Convert.ToString(r["CEDULA"], CultureInfo.InvariantCulture) == "9000000001");
        Assert.Equal("Plan 10", sold["PLAN_CLIENTE"]);
        Assert.Equal(2d, Convert.ToDouble(sold["NUM_GESTIONES"], CultureInfo.InvariantCulture));
        Assert.Equal("Venta", sold["ESTADO_FINAL"]);

        var csvRun = await clocked.RunAsync<GenerateManagementReport, ManagementRunItem>(async h =>
            (await h.HandleAsync(new ManagementReportRequest(PolicyKit.Operation, "2026-11-23", Format: "csv"), ManagementTrigger.User, default)).Value!);
        var csvBytes = await DownloadAsync(clocked, csvRun.Id);
        Assert.Equal([0xEF, 0xBB, 0xBF], csvBytes[..3]);
        var lines = Encoding.UTF8.GetString(csvBytes, 3, csvBytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("CEDULA;PLAN_CLIENTE;NUM_GESTIONES;ESTADO_FINAL", lines[0]);
        Assert.Contains("9000000001;Plan 10;2;Venta", lines);
        Assert.Equal(7, lines.Length);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task The_daily_job_is_scheduled_from_the_layout_and_keeps_a_run(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await using var clocked = ManagementKit.Start(app, Evening);
        await SeedAsync(clocked);
        await clocked.RunAsync<EditManagementLayout, ManagementLayoutView>(async h => (await h.SaveAsync(new SaveManagementLayoutRequest(
            PolicyKit.Operation, ManagementFields.DefaultLayout, "csv", "21:00", false), default)).Value!);
        var opId = await clocked.DbAsync(async db => (await PolicyKit.OperationAsync(db)).OperationId);

        var services = clocked.Services;
        var scheduler = await services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var trigger = await scheduler.GetTrigger(QuartzManagementSchedule.TriggerOf(opId));
        Assert.NotNull(trigger);
        Assert.Equal(ManagementReportJob.Key, trigger.JobKey);

        var job = ActivatorUtilities.CreateInstance<ManagementReportJob>(services);
        var result = await job.RunAsync(opId, default);
        Assert.True(result.IsSuccess, result.Error?.Message);
        var runs = await clocked.DbAsync(db => db.ManagementReportRuns.Where(r => r.OperationId == opId).ToListAsync());
        var run = Assert.Single(runs);
        Assert.Equal((ManagementTrigger.Schedule, new DateOnly(2026, 11, 23), 6L), (run.Trigger, run.Date, run.Rows));
        Assert.Equal(Evening, run.GeneratedAt);

        // "Previous day" reports yesterday; clearing the time removes the trigger.
        await clocked.RunAsync<EditManagementLayout, ManagementLayoutView>(async h => (await h.SaveAsync(new SaveManagementLayoutRequest(
            PolicyKit.Operation, ManagementFields.DefaultLayout, "csv", "06:00", true), default)).Value!);
        var yesterday = await job.RunAsync(opId, default);
        Assert.Equal(new DateOnly(2026, 11, 22), yesterday.Value!.Date);
        await clocked.RunAsync<EditManagementLayout, ManagementLayoutView>(async h => (await h.SaveAsync(new SaveManagementLayoutRequest(
            PolicyKit.Operation, ManagementFields.DefaultLayout, "csv", null, false), default)).Value!);
        Assert.Null(await scheduler.GetTrigger(QuartzManagementSchedule.TriggerOf(opId)));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Downloads_are_audited_and_another_clients_user_gets_404(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await using var clocked = ManagementKit.Start(app, Evening);
        await SeedAsync(clocked);
        using var supervisor = await PolicyKit.LoginAsync(clocked.Factory, "supervisor.devices-outbound");
        var created = await supervisor.PostAsJsonAsync("/api/v1/outbound/management/runs", new { operation = PolicyKit.Operation, date = "2026-11-23", format = "csv" });
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var run = (await created.Content.ReadFromJsonAsync<JsonElement>());
        var id = run.GetProperty("id").GetGuid();
        Assert.Equal(6, run.GetProperty("rows").GetInt64());

        var file = await supervisor.GetAsync($"/api/v1/outbound/management/runs/{id}/file");
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("gestion_devices-outbound_20261123.csv", file.Content.Headers.ContentDisposition?.FileNameStar ?? file.Content.Headers.ContentDisposition?.FileName);
        var audit = await clocked.DbAsync(db => db.AuditEntries.Where(a => a.EntityId == id.ToString() && a.Action == AuditAction.FileDownloaded).ToListAsync());
        var supervisorId = await clocked.DbAsync(db => db.Users.Where(u => u.UserName == "supervisor.devices-outbound").Select(u => u.Id).SingleAsync());
        Assert.Equal(supervisorId, Assert.Single(audit).UserId);

        var list = await supervisor.GetFromJsonAsync<JsonElement>("/api/v1/outbound/management/runs?operation=devices-outbound");
        Assert.Equal(id, list[0].GetProperty("id").GetGuid());

        using var other = await PolicyKit.LoginAsync(clocked.Factory, "admin.digital-sales");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/outbound/management/runs/{id}/file")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync("/api/v1/outbound/management/runs?operation=devices-outbound")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync("/api/v1/outbound/management/runs", new { operation = PolicyKit.Operation, date = "2026-11-23" })).StatusCode);

        using var agent = await PolicyKit.LoginAsync(clocked.Factory, "agent.devices-outbound");
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync($"/api/v1/outbound/management/runs/{id}/file")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await supervisor.PostAsJsonAsync("/api/v1/outbound/management/runs", new { operation = PolicyKit.Operation, date = "23/11/2026" })).StatusCode);
        Assert.Single(await clocked.DbAsync(db => db.AuditEntries.Where(a => a.EntityId == id.ToString() && a.Action == AuditAction.FileDownloaded).ToListAsync()));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task The_cli_writes_the_report_in_the_format_of_the_extension_and_refuses_bad_input(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await using var clocked = ManagementKit.Start(app, Evening);
        await SeedAsync(clocked);
        var folder = Directory.CreateTempSubdirectory("contactops-mgmt-cli-").FullName;
        try
        {
            var xlsxPath = Path.Combine(folder, "gestion.xlsx");
            var (exit, output, _) = await CliAsync(clocked, "report", "management", "--operation", PolicyKit.Operation, "--date", "2026-11-23", "--out", xlsxPath, "--json");
            Assert.Equal(0, exit);
            using (var json = JsonDocument.Parse(output))
            {
                Assert.Equal(6, json.RootElement.GetProperty("rows").GetInt64());
            }

            await using (var file = File.OpenRead(xlsxPath))
            {
                Assert.Equal(6, file.Query(useHeaderRow: true).Count());
            }

            var csvPath = Path.Combine(folder, "gestion.csv");
            Assert.Equal(0, (await CliAsync(clocked, "report", "management", "--operation", PolicyKit.Operation, "--date", "2026-11-23", "--out", csvPath)).Exit);
            Assert.StartsWith("TIPO_DOCUMENTO;DOCUMENTO;NOMBRE", (await File.ReadAllLinesAsync(csvPath))[0].TrimStart('\uFEFF'), StringComparison.Ordinal);

            Assert.Equal(2, (await CliAsync(clocked, "report", "management", "--operation", PolicyKit.Operation, "--date", "2026-11-23", "--out", Path.Combine(folder, "x.pdf"))).Exit);
            Assert.Equal(2, (await CliAsync(clocked, "report", "management", "--operation", "no-such-op", "--date", "2026-11-23", "--out", csvPath)).Exit);
            var bad = await CliAsync(clocked, "report", "management", "--operation", PolicyKit.Operation, "--date", "23/11/2026", "--out", csvPath, "--json");
            Assert.Equal(2, bad.Exit);
            Assert.Contains("management.date", bad.Output, StringComparison.Ordinal);
            Assert.Equal(2, await clocked.DbAsync(db => db.ManagementReportRuns.CountAsync(r => r.Trigger == ManagementTrigger.Cli)));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<(int Exit, string Output, string Error)> CliAsync(ManagementKit clocked, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await ContactOps.Platform.Cli.CliHost.RunAsync(AppModules.Cli, clocked.Services, args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>
    /// One open base of six leads (+ a closed base of one): a sale after a no-answer, a callback, a lead attempted only
    /// the next day, an excluded lead, a late-evening "not interested", an attempt still without disposition.
    /// </summary>
    private static async Task SeedAsync(ManagementKit clocked) => await clocked.DbAsync(async db =>
    {
        await PolicyKit.IsolateAsync(db);
        var closed = await PolicyKit.AddBaseAsync(db, "Base vieja");
        PolicyKit.Lead(db, closed, "+573105550099", document: "9000000099");
        closed.Status = LeadBaseStatus.Closed;
        var b = await PolicyKit.AddBaseAsync(db, "Base noviembre");
        b.AttributeSchemaJson = """{"plan":"Text","cupo":"Number"}""";
        Lead L(int n, Action<Lead>? configure = null) =>
            PolicyKit.Lead(db, b, "+57310555000" + n.ToString(CultureInfo.InvariantCulture), $$"""{"plan":"Plan {{n}}0","cupo":{{n}}00000}""", configure, document: "900000000" + n.ToString(CultureInfo.InvariantCulture));
        var sold = L(1);
        var callback = L(2);
        var tomorrow = L(3);
        L(4, l => l.IsExcluded = true);
        var late = L(5);
        var ringing = L(6);
        Attempt(db, b, sold, Bogota.At(2026, 11, 23, 10), CallResult.NoAnswer, null);
        Attempt(db, b, sold, Bogota.At(2026, 11, 23, 11), CallResult.Answered, "VENTA");
        Attempt(db, b, callback, Bogota.At(2026, 11, 23, 9), CallResult.Answered, "VOLVER_A_LLAMAR");
        Attempt(db, b, tomorrow, Bogota.At(2026, 11, 24, 8), CallResult.Answered, "NO_INTERESADO");
        Attempt(db, b, late, Bogota.At(2026, 11, 23, 23, 30), CallResult.Answered, "NO_INTERESADO");
        Attempt(db, b, ringing, Bogota.At(2026, 11, 23, 12), CallResult.Pending, null);
        await db.SaveChangesAsync();
        return 0;
    });

    private static void Attempt(AppDbContext db, LeadBase b, Lead lead, DateTimeOffset at, CallResult result, string? code) =>
        db.CallAttempts.Add(new CallAttempt(b.ClientId, b.OperationId, lead.Id, "+57310555000" + lead.Document[^1..], DialMode.Preview, at, AttemptSource.ContactOps)
        {
            Result = result,
            DispositionCode = code,
            DispositionAt = code is null ? null : at.AddMinutes(3),
            EndedAt = result == CallResult.Pending ? null : at.AddMinutes(2),
        });

    private static async Task<byte[]> DownloadAsync(ManagementKit clocked, Guid runId) => await clocked.RunAsync<DownloadManagementRun, byte[]>(async h =>
    {
        var file = (await h.HandleAsync(runId, default)).Value!;
        await using var content = file.Content;
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer);
        return buffer.ToArray();
    });

    private static async Task<List<Dictionary<string, string>>> ReadCsvAsync(ManagementKit clocked, Guid runId)
    {
        var bytes = await DownloadAsync(clocked, runId);
        var lines = Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var headers = lines[0].Split(';');
        return lines.Skip(1).Select(line => headers.Zip(line.Split(';')).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal)).ToList();
    }
}

/// <summary>The test app on a fake clock, with system-scoped handler calls.</summary>
internal sealed class ManagementKit : IAsyncDisposable
{
    private ManagementKit(TestApp app, FakeTimeProvider clock)
    {
        Factory = app;
        Clock = clock;
    }

    public TestApp Factory { get; }

    public FakeTimeProvider Clock { get; }

    public IServiceProvider Services => Factory.Services;

    public static ManagementKit Start(TestApp app, DateTimeOffset now)
    {
        var clock = new FakeTimeProvider(now);
        return new ManagementKit(PolicyKit.Clocked(app, clock), clock);
    }

    public async Task<TResult> RunAsync<T, TResult>(Func<T, Task<TResult>> call)
        where T : notnull
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AccessScope>().SetSystem("tests");
        return await call(scope.ServiceProvider.GetRequiredService<T>());
    }

    public async Task<TResult> DbAsync<TResult>(Func<AppDbContext, Task<TResult>> call)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AccessScope>().SetSystem("tests");
        return await call(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public ValueTask DisposeAsync() => Factory.DisposeAsync();
}
