using System.CommandLine;
using System.Globalization;
using ContactOps.Modules.Outbound.Features;
using ContactOps.Platform.Cli;
using ContactOps.Platform.Imports;
using ContactOps.Platform.Results;

namespace ContactOps.Modules.Outbound.Cli;

/// <summary>`import leads`, `import exclusions` and `dnc add|remove|list`.</summary>
internal static class LeadsCommands
{
    public static Command ImportLeads(CliContext context)
    {
        var command = new Command("leads", "Carga una base de leads (CSV, XLSX o ZIP cifrado) en una operación saliente (todo o nada).");
        var operation = new Option<string>("--operation") { Description = "Código de la operación", Required = true };
        var file = new Option<string>("--file") { Description = "Ruta del archivo CSV, TXT, XLSX o ZIP", Required = true };
        var mapping = new Option<string?>("--mapping") { Description = "Nombre del mapeo de columnas guardado (tipo «leads»)" };
        var baseName = new Option<string?>("--base") { Description = "Nombre de la base (por defecto el nombre del archivo)" };
        var password = new Option<string?>("--password") { Description = "Contraseña del ZIP cifrado" };
        var rejects = new Option<string?>("--rejects") { Description = "Escribe aquí el CSV completo de filas rechazadas" };
        var json = new Option<bool>("--json") { Description = "Salida JSON {rows, accepted, rejected, duplicates, excluded}" };
        foreach (var option in new Option[] { operation, file, mapping, baseName, password, rejects, json })
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
                var handler = scope.ServiceProvider.GetRequiredService<ImportLeads>();
                var result = await handler.HandleAsync(
                    new ImportLeadsRequest(parse.GetValue(operation)!, stream!, Path.GetFileName(path), parse.GetValue(mapping), parse.GetValue(baseName), parse.GetValue(password)),
                    null,
                    ct);
                if (!result.IsSuccess)
                {
                    return context.Fail(result.Error!, asJson);
                }

                var summary = result.Value!;
                if (parse.GetValue(rejects) is { } rejectsPath)
                {
                    File.Copy(ImportFiles.RejectsPath(summary.BaseId), rejectsPath, overwrite: true);
                }

                if (asJson)
                {
                    context.WriteJson(new { rows = summary.Rows, accepted = summary.Accepted, rejected = summary.Rejected, duplicates = summary.Duplicates, excluded = summary.Excluded });
                }
                else
                {
                    var es = CultureInfo.GetCultureInfo("es-CO");
                    context.Out.WriteLine(string.Format(es, "Base «{0}»: filas {1:N0} · aceptadas {2:N0} · rechazadas {3:N0} · duplicadas {4:N0} · excluidas {5:N0}",
                        summary.BaseName, summary.Rows, summary.Accepted, summary.Rejected, summary.Duplicates, summary.Excluded));
                    foreach (var row in summary.RejectedRows)
                    {
                        context.Out.WriteLine(string.Format(es, "  línea {0}: {1}{2}", row.Line, row.Field is null ? "" : row.Field + ": ", row.Reason));
                    }
                }

                return ExitCodes.Ok;
            }
        });
        return command;
    }

    public static Command ImportExclusions(CliContext context)
    {
        var command = new Command("exclusions", "Carga el registro nacional de números excluidos de un país (reemplaza el anterior de forma atómica).");
        var country = new Option<string>("--country") { Description = "País: CO o BO", Required = true };
        var file = new Option<string>("--file") { Description = "Ruta del archivo (columnas teléfono y canales)", Required = true };
        var date = new Option<string?>("--date") { Description = "Fecha del registro (AAAA-MM-DD), si se conoce" };
        var json = new Option<bool>("--json") { Description = "Salida JSON {rows, numbers, rejected}" };
        foreach (var option in new Option[] { country, file, date, json })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, ct) =>
        {
            var asJson = parse.GetValue(json);
            DateOnly? registryDate = null;
            if (parse.GetValue(date) is { Length: > 0 } text)
            {
                if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
                {
                    return context.Fail(Error.Validation("exclusions.date_invalid", "La fecha del registro debe tener el formato AAAA-MM-DD.", "date"), asJson);
                }

                registryDate = parsed;
            }

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
                var handler = scope.ServiceProvider.GetRequiredService<ImportExclusions>();
                var result = await handler.HandleAsync(new ImportExclusionsRequest(parse.GetValue(country)!, stream!, Path.GetFileName(path), registryDate), ct);
                if (!result.IsSuccess)
                {
                    return context.Fail(result.Error!, asJson);
                }

                var summary = result.Value!;
                if (asJson)
                {
                    context.WriteJson(new { rows = summary.Rows, numbers = summary.Numbers, rejected = summary.Rejected });
                }
                else
                {
                    var es = CultureInfo.GetCultureInfo("es-CO");
                    context.Out.WriteLine(string.Format(es, "Registro cargado: filas {0:N0} · números {1:N0} · rechazadas {2:N0}", summary.Rows, summary.Numbers, summary.Rejected));
                    foreach (var row in summary.RejectedRows)
                    {
                        context.Out.WriteLine(string.Format(es, "  línea {0}: {1}", row.Line, row.Reason));
                    }
                }

                return ExitCodes.Ok;
            }
        });
        return command;
    }

    public static Command Dnc(CliContext context)
    {
        var dnc = new Command("dnc", "Lista interna de no llamar de una operación");
        dnc.Subcommands.Add(DncVerb(context, "add", "Agrega un número a la lista interna de no llamar", withPhone: true, withReason: true));
        dnc.Subcommands.Add(DncVerb(context, "remove", "Quita un número de la lista interna de no llamar", withPhone: true, withReason: false));
        dnc.Subcommands.Add(DncVerb(context, "list", "Muestra la lista interna de no llamar de la operación", withPhone: false, withReason: false));
        return dnc;
    }

    private static Command DncVerb(CliContext context, string name, string description, bool withPhone, bool withReason)
    {
        var command = new Command(name, description);
        var operation = new Option<string>("--operation") { Description = "Código de la operación", Required = true };
        var phone = new Option<string>("--phone") { Description = "Número de teléfono", Required = withPhone };
        var reason = new Option<string?>("--reason") { Description = "Motivo" };
        var json = new Option<bool>("--json") { Description = "Salida JSON" };
        command.Options.Add(operation);
        if (withPhone)
        {
            command.Options.Add(phone);
        }

        if (withReason)
        {
            command.Options.Add(reason);
        }

        command.Options.Add(json);
        command.SetAction(async (parse, ct) =>
        {
            var asJson = parse.GetValue(json);
            await using var scope = context.CreateScope();
            var list = scope.ServiceProvider.GetRequiredService<DoNotCallList>();
            var code = parse.GetValue(operation)!;
            switch (name)
            {
                case "add":
                    var added = await list.AddAsync(code, parse.GetValue(phone)!, parse.GetValue(reason), ct);
                    if (!added.IsSuccess)
                    {
                        return context.Fail(added.Error!, asJson);
                    }

                    Print(context, asJson, [added.Value!]);
                    return ExitCodes.Ok;
                case "remove":
                    var removed = await list.RemoveAsync(code, parse.GetValue(phone)!, ct);
                    if (!removed.IsSuccess)
                    {
                        return context.Fail(removed.Error!, asJson);
                    }

                    if (asJson)
                    {
                        context.WriteJson(new { removed = true });
                    }
                    else
                    {
                        context.Out.WriteLine("Número quitado de la lista de no llamar.");
                    }

                    return ExitCodes.Ok;
                default:
                    var all = await list.ListAsync(code, ct);
                    if (!all.IsSuccess)
                    {
                        return context.Fail(all.Error!, asJson);
                    }

                    Print(context, asJson, all.Value!);
                    return ExitCodes.Ok;
            }
        });
        return command;
    }

    private static void Print(CliContext context, bool json, IReadOnlyList<DncItem> items)
    {
        if (json)
        {
            context.WriteJson(items.Select(i => new { phone = i.Phone, source = i.Source, reason = i.Reason, addedAt = i.AddedAt }));
            return;
        }

        foreach (var item in items)
        {
            context.Out.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0}\t{1}\t{2:yyyy-MM-dd HH:mm}Z\t{3}", item.Phone, item.Source, item.AddedAt.UtcDateTime, item.Reason));
        }
    }
}
