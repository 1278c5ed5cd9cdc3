using System.CommandLine;
using System.Globalization;
using ContactOps.Modules.Organization.Features;
using ContactOps.Platform.Cli;

namespace ContactOps.Modules.Organization.Cli;

/// <summary>`calendar due` and `calendar holidays`.</summary>
internal static class CalendarCli
{
    public static Command Build(CliContext context)
    {
        var calendar = new Command("calendar", "Calendario hábil de un cliente");

        var due = new Command("due", "Calcula el vencimiento: inicio + N horas hábiles en el calendario del cliente.");
        var client = new Option<string>("--client") { Description = "Código del cliente (p. ej. telco-co)", Required = true };
        var from = new Option<string>("--from") { Description = "Inicio ISO-8601 con zona, p. ej. 2026-11-19T10:00:00-05:00", Required = true };
        var hours = new Option<double>("--business-hours") { Description = "Horas hábiles (admite decimales)", Required = true };
        var json = new Option<bool>("--json") { Description = "Salida JSON: {\"due\":\"…\"}" };
        due.Options.Add(client);
        due.Options.Add(from);
        due.Options.Add(hours);
        due.Options.Add(json);
        due.SetAction(async (parse, ct) =>
        {
            await using var scope = context.CreateScope();
            var result = await scope.ServiceProvider.GetRequiredService<ComputeDue>()
                .HandleAsync(new DueRequest(parse.GetValue(client), parse.GetValue(from), parse.GetValue(hours)), ct);
            if (!result.IsSuccess)
            {
                return context.Fail(result.Error!, parse.GetValue(json));
            }

            if (parse.GetValue(json))
            {
                context.WriteJson(new { due = result.Value!.Due });
            }
            else
            {
                context.Out.WriteLine(result.Value!.Due);
            }

            return ExitCodes.Ok;
        });

        var holidays = new Command("holidays", "Lista los festivos del cliente en un año.");
        var hClient = new Option<string>("--client") { Description = "Código del cliente", Required = true };
        var year = new Option<int>("--year") { Description = "Año (yyyy)", Required = true };
        var hJson = new Option<bool>("--json") { Description = "Salida JSON" };
        holidays.Options.Add(hClient);
        holidays.Options.Add(year);
        holidays.Options.Add(hJson);
        holidays.SetAction(async (parse, ct) =>
        {
            await using var scope = context.CreateScope();
            var result = await scope.ServiceProvider.GetRequiredService<ListHolidays>()
                .HandleAsync(parse.GetValue(hClient), parse.GetValue(year), ct);
            if (!result.IsSuccess)
            {
                return context.Fail(result.Error!, parse.GetValue(hJson));
            }

            if (parse.GetValue(hJson))
            {
                context.WriteJson(result.Value!.Select(h => new { date = h.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), name = h.Name, source = h.Source }));
            }
            else
            {
                foreach (var h in result.Value!)
                {
                    context.Out.WriteLine($"{h.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}  {h.Name}{(h.Source == "Manual" ? " (manual)" : "")}");
                }
            }

            return ExitCodes.Ok;
        });

        calendar.Subcommands.Add(due);
        calendar.Subcommands.Add(holidays);
        return calendar;
    }
}
