using System.CommandLine;
using System.Globalization;
using ContactOps.Modules.Sales.Features;
using ContactOps.Platform.Cli;
using ContactOps.Platform.Results;
using ContactOps.Platform.Storage;

namespace ContactOps.Modules.Sales.Cli;

/// <summary><c>legalize --operation &lt;code&gt; --month &lt;yyyy-MM&gt; --out &lt;dir&gt; [--json]</c>: generates the month's legalization and writes its files into the folder.</summary>
public static class LegalizeCli
{
    public static Command Build(CliContext context)
    {
        var command = new Command("legalize", "Genera la legalización de un mes: ZIP de grabaciones renombradas + archivo para el operador (y el informe TyT si hay ventas de terminales).");
        var operation = new Option<string>("--operation") { Description = "Código de la operación", Required = true };
        var month = new Option<string>("--month") { Description = "Mes (aaaa-MM) en la zona horaria del cliente", Required = true };
        var output = new Option<string>("--out") { Description = "Carpeta donde escribir los archivos", Required = true };
        var json = new Option<bool>("--json") { Description = "Salida JSON" };
        command.Options.Add(operation);
        command.Options.Add(month);
        command.Options.Add(output);
        command.Options.Add(json);
        command.SetAction(async (parse, ct) =>
        {
            var asJson = parse.GetValue(json);
            var dir = parse.GetValue(output);
            if (string.IsNullOrWhiteSpace(dir))
            {
                return context.Fail(Error.Invalid("out", "legalization.out_required"), asJson);
            }

            if (File.Exists(dir))
            {
                return context.Fail(Error.Invalid("out", "legalization.out_is_file", dir), asJson);
            }

            var monthCheck = LegalizationPlanner.ParseMonth(parse.GetValue(month));
            if (!monthCheck.IsSuccess)
            {
                return context.Fail(monthCheck.Error!, asJson);
            }

            await using var scope = context.CreateScope();
            var services = scope.ServiceProvider;
            var result = await services.GetRequiredService<RunLegalization>().HandleAsync(parse.GetValue(operation), parse.GetValue(month), ct);
            if (!result.IsSuccess)
            {
                return context.Fail(result.Error!, asJson);
            }

            var run = result.Value!;
            Directory.CreateDirectory(dir);
            var runs = services.GetRequiredService<BrowseLegalizationRuns>();
            var written = new List<string>();
            foreach (var part in run.XlsxFileName is null ? [LegalizationFilePart.Zip] : new[] { LegalizationFilePart.Zip, LegalizationFilePart.Xlsx })
            {
                var opened = await runs.OpenAsync(run.Id, part, ct);
                if (!opened.IsSuccess)
                {
                    return context.Fail(opened.Error!, asJson);
                }

                var path = Path.Combine(dir, opened.Value!.FileName);
                await using (var source = opened.Value.Content)
                await using (var target = File.Create(path))
                {
                    await source.CopyToAsync(target, ct);
                }

                written.Add(path);
            }

            if (asJson)
            {
                context.WriteJson(new
                {
                    run.Operation,
                    run.Month,
                    run.Legalizable,
                    run.Exported,
                    run.Blocking,
                    run.Devices,
                    files = written,
                    blockingSales = run.BlockingSales,
                });
            }
            else
            {
                var c = CultureInfo.InvariantCulture;
                context.Out.WriteLine(string.Create(c, $"Legalización {run.Operation} {run.Month}: {run.Legalizable} legalizables, {run.Exported} exportadas, {run.Blocking} bloqueadas, {run.Devices} de terminales."));
                foreach (var path in written)
                {
                    context.Out.WriteLine("  " + path);
                }

                foreach (var b in run.BlockingSales)
                {
                    context.Out.WriteLine($"  BLOQUEADA {b.SaleId} ({b.SaleDate}, llamada {b.CallId ?? "-"}): {b.Reason}");
                }
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
