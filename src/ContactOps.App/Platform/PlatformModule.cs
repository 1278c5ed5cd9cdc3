using System.CommandLine;
using ContactOps.Platform.Audit;
using ContactOps.Platform.Cli;
using ContactOps.Platform.Data;
using ContactOps.Platform.Imports;
using ContactOps.Platform.Imports.Mappings;
using ContactOps.Platform.Storage;
using ContactOps.Platform.Web;

namespace ContactOps.Platform;

/// <summary>Cross-cutting endpoints and verbs: the audit trail and `db migrate`.</summary>
public sealed class PlatformModule : IAppModule, ICliModule
{
    public IEnumerable<string> TopLevelVerbs => ["db", "mapping"];

    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<AuditLog>();
        services.AddScoped<BrowseAudit>();
        services.AddScoped<SaveColumnMapping>();
        services.AddScoped<ListColumnMappings>();
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddScoped<ImportRejects>();
        services.AddSingleton<RejectsJanitor>();
        services.AddHostedService(sp => sp.GetRequiredService<RejectsJanitor>());

        services.AddSingleton<Files.ZipLimits>();
        services.AddFileStorage();
    }

    public void MapEndpoints(RouteGroupBuilder api)
    {
        var audit = api.MapGroup("/audit").WithTags("Audit");
        audit.MapGet("/", async ([AsParameters] AuditQuery q, BrowseAudit handler, CancellationToken ct) => ApiResults.From(await handler.HandleAsync(q, ct)))
            .WithSummary("Browse the audit trail (leaders of the client only)")
            .Produces<Page<AuditRow>>();

        var mappings = api.MapGroup("/operations/{operation}/mappings").WithTags("Imports");
        mappings.MapGet("/", async (string operation, ListColumnMappings handler, CancellationToken ct) => ApiResults.From(await handler.HandleAsync(operation, ct)))
            .WithSummary("Saved column mappings of an operation")
            .Produces<IReadOnlyList<ColumnMappingView>>();
        mappings.MapPut("/{fileKind}/{name}", async (string operation, string fileKind, string name, Dictionary<string, string> fields, SaveColumnMapping handler, CancellationToken ct) =>
                ApiResults.From(await handler.HandleAsync(new SaveColumnMappingRequest(operation, fileKind, name, fields), ct)))
            .WithSummary("Create or replace a saved column mapping: body {\"field\":\"HEADER\", ...}")
            .Produces<ColumnMappingView>();
    }

    public void Register(RootCommand root, CliContext context)
    {
        var db = new Command("db", "Base de datos");
        var migrate = new Command("migrate", "Aplica las migraciones pendientes del proveedor configurado.");
        var json = new Option<bool>("--json") { Description = "Salida JSON" };
        migrate.Options.Add(json);
        migrate.SetAction(async (parse, ct) =>
        {
            var applied = await DatabaseMigrator.MigrateAsync(context.Services, ct);
            if (parse.GetValue(json))
            {
                context.WriteJson(new { applied });
            }
            else
            {
                context.Out.WriteLine(applied.Count == 0 ? "La base de datos está al día." : $"Migraciones aplicadas: {string.Join(", ", applied)}");
            }

            return ExitCodes.Ok;
        });
        db.Subcommands.Add(migrate);
        root.Subcommands.Add(db);
        root.Subcommands.Add(MappingCommands(context));
    }

    private static Command MappingCommands(CliContext context)
    {
        var mapping = new Command("mapping", "Mapeos de columnas guardados (por operación y tipo de archivo)");
        var set = new Command("set", "Crea o reemplaza un mapeo: --map campo=ENCABEZADO (varios encabezados de teléfono con «|»).");
        var operation = new Option<string>("--operation") { Description = "Código de la operación", Required = true };
        var kind = new Option<string>("--kind") { Description = "Tipo de archivo, p. ej. customers", Required = true };
        var name = new Option<string>("--name") { Description = "Nombre del mapeo", Required = true };
        var map = new Option<string[]>("--map") { Description = "campo=ENCABEZADO (repetible)", Required = true, AllowMultipleArgumentsPerToken = true };
        var json = new Option<bool>("--json") { Description = "Salida JSON" };
        set.Options.Add(operation);
        set.Options.Add(kind);
        set.Options.Add(name);
        set.Options.Add(map);
        set.Options.Add(json);
        set.SetAction(async (parse, ct) =>
        {
            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var pair in parse.GetValue(map) ?? [])
            {
                var eq = pair.IndexOf('=', StringComparison.Ordinal);
                if (eq <= 0)
                {
                    return context.Fail(Results.Error.Invalid("map", "mapping.map_format", pair), parse.GetValue(json));
                }

                fields[pair[..eq].Trim()] = pair[(eq + 1)..];
            }

            await using var scope = context.CreateScope();
            var result = await scope.ServiceProvider.GetRequiredService<SaveColumnMapping>()
                .HandleAsync(new SaveColumnMappingRequest(parse.GetValue(operation), parse.GetValue(kind), parse.GetValue(name), fields), ct);
            if (!result.IsSuccess)
            {
                return context.Fail(result.Error!, parse.GetValue(json));
            }

            if (parse.GetValue(json))
            {
                context.WriteJson(result.Value);
            }
            else
            {
                context.Out.WriteLine($"Mapeo «{result.Value!.Name}» guardado para {result.Value.Operation} ({result.Value.FileKind}).");
            }

            return ExitCodes.Ok;
        });

        var list = new Command("list", "Lista los mapeos de una operación.");
        var listOperation = new Option<string>("--operation") { Description = "Código de la operación", Required = true };
        var listJson = new Option<bool>("--json") { Description = "Salida JSON" };
        list.Options.Add(listOperation);
        list.Options.Add(listJson);
        list.SetAction(async (parse, ct) =>
        {
            await using var scope = context.CreateScope();
            var result = await scope.ServiceProvider.GetRequiredService<ListColumnMappings>().HandleAsync(parse.GetValue(listOperation), ct);
            if (!result.IsSuccess)
            {
                return context.Fail(result.Error!, parse.GetValue(listJson));
            }

            if (parse.GetValue(listJson))
            {
                context.WriteJson(result.Value);
            }
            else
            {
                foreach (var m in result.Value!)
                {
                    context.Out.WriteLine($"{m.FileKind}/{m.Name}: " + string.Join(", ", m.Fields.Select(f => $"{f.Key}={f.Value}")));
                }
            }

            return ExitCodes.Ok;
        });

        mapping.Subcommands.Add(set);
        mapping.Subcommands.Add(list);
        return mapping;
    }
}
