using System.CommandLine;
using System.Globalization;
using ContactOps.Modules.Sales.Devices.Features;
using ContactOps.Platform.Cli;
using ContactOps.Platform.Results;

namespace ContactOps.Modules.Sales.Devices.Cli;

/// <summary><c>import deliveries --operation &lt;code&gt; --file &lt;path&gt; [--mapping &lt;name&gt;] [--json]</c>.</summary>
internal static class ImportDeliveriesCommand
{
    public static Command Build(CliContext context)
    {
        var command = new Command("deliveries", "Cruza el reporte de entregas del operador (CSV o XLSX) con las reservas de terminales de la operación.");
        var operation = new Option<string>("--operation") { Description = "Código de la operación", Required = true };
        var file = new Option<string>("--file") { Description = "Ruta del reporte de entregas (CSV con ; o , en UTF-8 o Windows-1252, o XLSX)", Required = true };
        var mapping = new Option<string?>("--mapping") { Description = "Nombre del mapeo de columnas guardado (tipo «deliveries»)" };
        var json = new Option<bool>("--json") { Description = "Salida JSON {rows, updated, unmatched, rejected}" };
        foreach (var option in new Option[] { operation, file, mapping, json })
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
                var handler = scope.ServiceProvider.GetRequiredService<ImportDeliveries>();
                var result = await handler.HandleAsync(new ImportDeliveriesRequest(parse.GetValue(operation), stream, Path.GetFileName(path), parse.GetValue(mapping)), ct);
                if (!result.IsSuccess)
                {
                    return context.Fail(result.Error!, asJson);
                }

                var summary = result.Value!;
                if (asJson)
                {
                    context.WriteJson(new { rows = summary.Rows, updated = summary.Updated, unmatched = summary.Unmatched, rejected = summary.Rejected });
                }
                else
                {
                    var es = CultureInfo.GetCultureInfo("es-CO");
                    context.Out.WriteLine(string.Format(es, "Reporte de entregas: filas {0:N0} · actualizadas {1:N0} · sin cambios {2:N0} · sin venta {3:N0} · rechazadas {4:N0} · entregadas {5:N0}",
                        summary.Rows, summary.Updated, summary.Unchanged, summary.Unmatched, summary.Rejected, summary.Delivered));
                    foreach (var row in summary.RejectedRows)
                    {
                        context.Out.WriteLine(string.Format(es, "  línea {0}: {1}", row.Line, row.Reason));
                    }

                    foreach (var row in summary.UnmatchedRows)
                    {
                        context.Out.WriteLine(string.Format(es, "  línea {0}: sin venta para la reserva «{1}» / documento «{2}»", row.Line, row.ReservationNumber, row.Document));
                    }
                }

                return ExitCodes.Ok;
            }
        });
        return command;
    }
}
