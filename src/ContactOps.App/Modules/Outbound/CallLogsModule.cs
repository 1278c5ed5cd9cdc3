using System.CommandLine;
using System.Globalization;
using ContactOps.Modules.Outbound.Features;
using ContactOps.Platform;
using ContactOps.Platform.Cli;
using ContactOps.Platform.Imports;
using ContactOps.Platform.Results;
using ContactOps.Platform.Web;
using Microsoft.AspNetCore.Mvc;

namespace ContactOps.Modules.Outbound;

/// <summary>
/// Call logs of another dialer (`import call-log`, POST /api/v1/outbound/call-logs) and the reverse, the dialable leads
/// of a segment for that dialer (`export dialer-list`, GET /api/v1/outbound/dialer-list).
/// </summary>
public sealed class CallLogsModule : IAppModule, ICliModule
{
    public IEnumerable<string> TopLevelVerbs => ["import", "export"];

    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<ImportCallLog>();
        services.AddScoped<ExportDialerList>();
    }

    public void MapEndpoints(RouteGroupBuilder api)
    {
        var outbound = api.MapGroup("/outbound").WithTags("Outbound");
        outbound.MapPost("/call-logs", async (
                [FromForm] string? operation,
                [FromForm] string? mapping,
                IFormFile? file,
                ImportCallLog handler,
                CancellationToken ct) =>
            {
                if (file is null || file.Length == 0)
                {
                    return ApiResults.Problem(Error.Validation("import.file_required", "Adjunte el archivo (campo «file»).", "file"));
                }

                await using var stream = file.OpenReadStream();
                return ApiResults.From(await handler.HandleAsync(new ImportCallLogRequest(operation ?? "", stream, file.FileName, mapping), ct));
            })
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(1L << 30), new RequestFormLimitsAttribute { MultipartBodyLengthLimit = 1L << 30 })
            .WithSummary("Upload another dialer's call log (multipart: operation, file, mapping=generic|vicidial): counts and the first rejected rows with their lines")
            .Produces<CallLogImportSummary>();
        outbound.MapGet("/call-logs/{id:guid}/rejected", (Guid id) =>
            {
                var path = ImportFiles.RejectsPath(id);
                return File.Exists(path)
                    ? Results.File(File.ReadAllBytes(path), "text/csv; charset=utf-8", "rechazados.csv")
                    : ApiResults.Problem(Error.NotFound("calllog.rejects_not_found", "No hay filas rechazadas guardadas para esa carga."));
            })
            .WithSummary("The rejected rows of a call-log import as CSV (linea;campo;motivo)");
        outbound.MapGet("/dialer-list", async (string? operation, string? segment, string? format, ExportDialerList handler, CancellationToken ct) =>
            {
                var request = new ExportDialerListRequest(operation ?? "", segment ?? "", format ?? "csv");
                var prepared = await handler.PrepareAsync(request, ct);
                if (!prepared.IsSuccess)
                {
                    return ApiResults.Problem(prepared.Error!);
                }

                var buffer = new MemoryStream();
                var result = await handler.WriteAsync(request, buffer, ct);
                if (!result.IsSuccess)
                {
                    return ApiResults.Problem(result.Error!);
                }

                buffer.Position = 0;
                var summary = result.Value!;
                return Results.File(buffer, "text/csv; charset=utf-8", summary.Format == "vicidial" ? "lista-vicidial.csv" : "lista-marcacion.csv");
            })
            .WithSummary("The dialable leads of a segment now (contact policy applied), as VICIdial's lead-loader layout or our CSV (format=vicidial|csv)");
    }

    public void Register(RootCommand root, CliContext context)
    {
        var import = root.Subcommands.FirstOrDefault(c => c.Name == "import");
        if (import is null)
        {
            import = new Command("import", "Importa archivos (CSV o XLSX)");
            root.Subcommands.Add(import);
        }

        import.Subcommands.Add(ImportCommand(context));

        var export = root.Subcommands.FirstOrDefault(c => c.Name == "export");
        if (export is null)
        {
            export = new Command("export", "Exporta archivos");
            root.Subcommands.Add(export);
        }

        export.Subcommands.Add(ExportCommand(context));
    }

    private static Command ImportCommand(CliContext context)
    {
        var command = new Command("call-log", "Carga el registro de llamadas de otro marcador (CSV, TXT, XLSX): intentos, estado de los leads y cifras por hora (todo o nada).");
        var operation = new Option<string>("--operation") { Description = "Código de la operación", Required = true };
        var file = new Option<string>("--file") { Description = "Ruta del archivo", Required = true };
        var mapping = new Option<string?>("--mapping") { Description = "Formato del archivo: generic (por defecto) o vicidial" };
        var rejects = new Option<string?>("--rejects") { Description = "Escribe aquí el CSV completo de filas rechazadas" };
        var json = new Option<bool>("--json") { Description = "Salida JSON {rows, accepted, rejected}" };
        foreach (var option in new Option[] { operation, file, mapping, rejects, json })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, ct) =>
        {
            var asJson = parse.GetValue(json);
            var path = parse.GetValue(file)!;
            var opened = CliFiles.OpenRead(path);
            if (!opened.IsSuccess)
            {
                return context.Fail(opened.Error!, asJson);
            }

            var stream = opened.Value!;

            await using (stream)
            {
                await using var scope = context.CreateScope();
                var handler = scope.ServiceProvider.GetRequiredService<ImportCallLog>();
                var result = await handler.HandleAsync(new ImportCallLogRequest(parse.GetValue(operation)!, stream, Path.GetFileName(path), parse.GetValue(mapping)), ct);
                if (!result.IsSuccess)
                {
                    return context.Fail(result.Error!, asJson);
                }

                var summary = result.Value!;
                if (parse.GetValue(rejects) is { } rejectsPath && File.Exists(ImportFiles.RejectsPath(summary.ImportId)))
                {
                    File.Copy(ImportFiles.RejectsPath(summary.ImportId), rejectsPath, overwrite: true);
                }

                if (asJson)
                {
                    context.WriteJson(new { rows = summary.Rows, accepted = summary.Accepted, rejected = summary.Rejected });
                }
                else
                {
                    var es = CultureInfo.GetCultureInfo("es-CO");
                    context.Out.WriteLine(string.Format(es, "Registro de llamadas cargado ({0}): filas {1:N0} · aceptadas {2:N0} · rechazadas {3:N0} · leads actualizados {4:N0}", summary.Layout, summary.Rows, summary.Accepted, summary.Rejected, summary.Leads));
                    foreach (var row in summary.RejectedRows)
                    {
                        context.Out.WriteLine(string.Format(es, "  línea {0}: {1}", row.Line, row.Reason));
                    }

                    if (summary.Rejected > summary.RejectedRows.Count)
                    {
                        context.Out.WriteLine(string.Format(es, "  … y {0:N0} más (use --rejects archivo.csv para la lista completa)", summary.Rejected - summary.RejectedRows.Count));
                    }
                }

                return ExitCodes.Ok;
            }
        });
        return command;
    }

    private static Command ExportCommand(CliContext context)
    {
        var command = new Command("dialer-list", "Escribe los leads marcables AHORA de un segmento (política de contacto aplicada) para otro marcador.");
        var operation = new Option<string>("--operation") { Description = "Código de la operación", Required = true };
        var segment = new Option<string>("--segment") { Description = "Nombre del segmento", Required = true };
        var format = new Option<string>("--format") { Description = "vicidial (lead loader de VICIdial) o csv (columnas de ContactOps)", DefaultValueFactory = _ => "csv" };
        var output = new Option<string>("--out") { Description = "Archivo de salida", Required = true };
        var json = new Option<bool>("--json") { Description = "Salida JSON {written, refused, refusedByReason}" };
        foreach (var option in new Option[] { operation, segment, format, output, json })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, ct) =>
        {
            var asJson = parse.GetValue(json);
            await using var scope = context.CreateScope();
            var handler = scope.ServiceProvider.GetRequiredService<ExportDialerList>();
            var request = new ExportDialerListRequest(parse.GetValue(operation)!, parse.GetValue(segment)!, parse.GetValue(format)!);
            var prepared = await handler.PrepareAsync(request, ct);
            if (!prepared.IsSuccess)
            {
                return context.Fail(prepared.Error!, asJson);
            }

            var path = parse.GetValue(output)!;
            var temp = path + ".part";
            Result<DialerListSummary> result;
            try
            {
                await using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
                {
                    result = await handler.WriteAsync(request, stream, ct);
                }

                if (!result.IsSuccess)
                {
                    File.Delete(temp);
                    return context.Fail(result.Error!, asJson);
                }

                File.Move(temp, path, overwrite: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or DirectoryNotFoundException)
            {
                return context.Fail(Error.Validation("export.out_unwritable", $"No se puede escribir «{path}»: {ex.Message}", "out"), asJson);
            }

            var summary = result.Value!;
            if (asJson)
            {
                context.WriteJson(new { written = summary.Written, refused = summary.Refused, refusedByReason = summary.RefusedByReason });
            }
            else
            {
                var es = CultureInfo.GetCultureInfo("es-CO");
                context.Out.WriteLine(string.Format(es, "Lista {0} escrita en {1}: {2:N0} leads · rechazados por la política {3:N0}", summary.Format, path, summary.Written, summary.Refused));
                foreach (var (reason, count) in summary.RefusedByReason)
                {
                    context.Out.WriteLine(string.Format(es, "  {0}: {1:N0}", reason, count));
                }
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
