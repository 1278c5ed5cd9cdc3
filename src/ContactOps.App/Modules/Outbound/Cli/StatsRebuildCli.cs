using System.CommandLine;
using System.Globalization;
using ContactOps.Modules.Outbound.Features;
using ContactOps.Platform.Cli;
using ContactOps.Platform.Results;

namespace ContactOps.Modules.Outbound.Cli;

/// <summary>`stats rebuild --operation X [--from AAAA-MM-DD] [--to AAAA-MM-DD] [--json]`: the hourly figures recomputed from the attempts.</summary>
internal static class StatsRebuildCli
{
    public static Command Build(CliContext context)
    {
        var stats = new Command("stats", "Cifras preagregadas de las operaciones salientes");
        stats.Subcommands.Add(Rebuild(context));
        return stats;
    }

    private static Command Rebuild(CliContext context)
    {
        var command = new Command("rebuild", "Recalcula las cifras por hora de una operación a partir de los intentos (reparación o tras cambiar el catálogo).");
        var operation = new Option<string>("--operation") { Description = "Código de la operación", Required = true };
        var from = new Option<string?>("--from") { Description = "Primera fecha local (AAAA-MM-DD), opcional" };
        var to = new Option<string?>("--to") { Description = "Última fecha local (AAAA-MM-DD), opcional" };
        var json = new Option<bool>("--json") { Description = "Salida JSON {attempts, rows}" };
        foreach (var option in new Option[] { operation, from, to, json })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, ct) =>
        {
            var asJson = parse.GetValue(json);
            if (!TryDate(parse.GetValue(from), "from", out var f, out var error) || !TryDate(parse.GetValue(to), "to", out var t, out error))
            {
                return context.Fail(error!, asJson);
            }

            await using var scope = context.CreateScope();
            var result = await scope.ServiceProvider.GetRequiredService<RebuildStats>().HandleAsync(parse.GetValue(operation), f, t, ct);
            if (!result.IsSuccess)
            {
                return context.Fail(result.Error!, asJson);
            }

            if (asJson)
            {
                context.WriteJson(new { attempts = result.Value!.Attempts, rows = result.Value.Rows });
            }
            else
            {
                context.Out.WriteLine(string.Format(CultureInfo.GetCultureInfo("es-CO"), "Operación {0}: {1:N0} intentos, {2:N0} filas por hora recalculadas.",
                    result.Value!.Operation, result.Value.Attempts, result.Value.Rows));
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>An optional yyyy-MM-dd date; false with a validation error when malformed.</summary>
    private static bool TryDate(string? text, string field, out DateOnly? value, out Error? error)
    {
        value = null;
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (!DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            error = Error.Invalid(field, "stats.date_invalid", text);
            return false;
        }

        value = parsed;
        return true;
    }
}
