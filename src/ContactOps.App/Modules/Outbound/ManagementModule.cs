using System.CommandLine;
using System.Globalization;
using ContactOps.Modules.Outbound.Features;
using ContactOps.Platform;
using ContactOps.Platform.Cli;
using ContactOps.Platform.Results;
using ContactOps.Platform.Web;
using Quartz;

namespace ContactOps.Modules.Outbound;

/// <summary>Body of POST /api/v1/outbound/management/runs.</summary>
public sealed record GenerateManagementBody(string? Operation, string? Date, Guid? BaseId, string? Format);

/// <summary>The carrier's daily management report (issue 5): layout, daily schedule (Quartz.NET), kept runs, downloads, CLI.</summary>
public sealed class ManagementModule : IAppModule, ICliModule
{
    public IEnumerable<string> TopLevelVerbs => ["report"];

    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<GenerateManagementReport>();
        services.AddScoped<ManagementRuns>();
        services.AddScoped<ManagementLayouts>();
        services.AddSingleton<QuartzManagementSchedule>();
        services.AddSingleton<IManagementSchedule>(sp => sp.GetRequiredService<QuartzManagementSchedule>());
        // A name per process: several hosts in one process (tests) never share an in-memory scheduler. A clustered
        // store (docs/operations.md) needs one fixed name on every node instead.
        services.AddQuartz(
            [new KeyValuePair<string, string?>("quartz.scheduler.instanceName", "contactops-" + Guid.NewGuid().ToString("N")[..12])],
            q => q.UseInMemoryStore());
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        services.AddHostedService<ManagementScheduleStartup>();
    }

    public void MapEndpoints(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/outbound/management").WithTags("Outbound");
        group.MapGet("/runs", async (string? operation, int? take, ManagementRuns runs, CancellationToken ct) => ApiResults.From(await runs.ListAsync(operation, take ?? 100, ct)))
            .WithSummary("The kept daily management reports of an operation, newest first")
            .Produces<IReadOnlyList<ManagementRunItem>>();
        group.MapPost("/runs", async (GenerateManagementBody body, GenerateManagementReport handler, CancellationToken ct) =>
                ApiResults.From(await handler.HandleAsync(new ManagementReportRequest(body.Operation, body.Date, body.BaseId, body.Format), ManagementTrigger.User, ct)))
            .WithSummary("Generate the management report now (leads' state at the end of the local date) and keep it")
            .Produces<ManagementRunItem>();
        group.MapGet("/runs/{id:guid}/file", async (Guid id, ManagementRuns runs, CancellationToken ct) =>
            {
                var result = await runs.DownloadAsync(id, ct);
                return result.IsSuccess ? Results.File(result.Value!.Content, result.Value.ContentType, result.Value.FileName) : ApiResults.Problem(result.Error!);
            })
            .WithSummary("Download a kept management report (the download is audited)");
        group.MapGet("/layout", async (string? operation, ManagementLayouts layouts, CancellationToken ct) => ApiResults.From(await layouts.GetAsync(operation, ct)))
            .WithSummary("The operation's carrier layout (columns, headers, format) and daily schedule")
            .Produces<ManagementLayoutView>();
        group.MapPut("/layout", async (SaveManagementLayoutRequest body, ManagementLayouts layouts, CancellationToken ct) => ApiResults.From(await layouts.SaveAsync(body, ct)))
            .WithSummary("Save the operation's carrier layout and daily schedule (HH:mm in the client's zone, or null)")
            .Produces<ManagementLayoutView>();
    }

    public void Register(RootCommand root, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(root);
        var report = root.Subcommands.FirstOrDefault(c => c.Name == "report");
        if (report is null)
        {
            report = new Command("report", "Informes de la operación");
            root.Subcommands.Add(report);
        }

        report.Subcommands.Add(Management(context));
    }

    private static Command Management(CliContext context)
    {
        var command = new Command("management", "Informe diario de gestión para el operador: cada registro de la base con sus intentos, último intento, última tipificación y estado, en el formato del operador.");
        var operation = new Option<string>("--operation") { Description = "Código de la operación", Required = true };
        var date = new Option<string>("--date") { Description = "Fecha (AAAA-MM-DD, zona del cliente): estado de los registros al final del día", Required = true };
        var output = new Option<string>("--out") { Description = "Ruta del archivo a escribir", Required = true };
        var format = new Option<string?>("--format") { Description = "csv o xlsx (por defecto, la extensión de --out)" };
        var baseId = new Option<string?>("--base") { Description = "Id de una base (por defecto, todas las bases abiertas)" };
        var json = new Option<bool>("--json") { Description = "Salida JSON {rows, file, runId}" };
        foreach (var option in new Option[] { operation, date, output, format, baseId, json })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, ct) =>
        {
            var asJson = parse.GetValue(json);
            var path = parse.GetValue(output)!;
            var chosen = parse.GetValue(format)?.Trim().ToLowerInvariant();
            if (string.IsNullOrEmpty(chosen))
            {
                chosen = Path.GetExtension(path).TrimStart('.').ToLowerInvariant();
            }

            if (chosen is not (ManagementReport.Csv or ManagementReport.Xlsx))
            {
                return context.Fail(Error.Validation("management.format", "Indique --format csv|xlsx o una ruta terminada en .csv o .xlsx.", "format"), asJson);
            }

            Guid? selectedBase = null;
            if (parse.GetValue(baseId) is { Length: > 0 } rawBase)
            {
                if (!Guid.TryParse(rawBase, out var parsed))
                {
                    return context.Fail(Error.Validation("management.base", "--base debe ser el id (GUID) de una base.", "base"), asJson);
                }

                selectedBase = parsed;
            }

            await using var scope = context.CreateScope();
            var handler = scope.ServiceProvider.GetRequiredService<GenerateManagementReport>();
            var result = await handler.HandleToFileAsync(new ManagementReportRequest(parse.GetValue(operation), parse.GetValue(date), selectedBase, chosen), path, ManagementTrigger.Cli, ct);
            if (!result.IsSuccess)
            {
                return context.Fail(result.Error!, asJson);
            }

            var run = result.Value!;
            if (asJson)
            {
                context.WriteJson(new { rows = run.Rows, file = Path.GetFullPath(path), runId = run.Id });
            }
            else
            {
                context.Out.WriteLine(string.Format(CultureInfo.GetCultureInfo("es-CO"), "Informe de gestión {0} del {1:yyyy-MM-dd}: {2:N0} registros → {3}", run.Operation, run.Date, run.Rows, path));
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
