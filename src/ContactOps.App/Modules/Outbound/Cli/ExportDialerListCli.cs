using System.CommandLine;
using System.Globalization;
using ContactOps.Modules.Outbound.Features;
using ContactOps.Platform.Cli;
using ContactOps.Platform.Results;

namespace ContactOps.Modules.Outbound.Cli;

/// <summary>`export dialer-list --operation X --segment S [--format vicidial|csv] --out F [--json]`: the dialable leads of a segment for another dialer.</summary>
internal static class ExportDialerListCli
{
    public static Command Build(CliContext context)
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
                return context.Fail(Error.Invalid("out", "export.out_unwritable", path, ex.Message), asJson);
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
