using System.CommandLine;
using ContactOps.Platform.Audit;
using ContactOps.Platform.Cli;
using ContactOps.Platform.Data;
using ContactOps.Platform.Web;

namespace ContactOps.Platform;

/// <summary>Cross-cutting endpoints and verbs: the audit trail and `db migrate`.</summary>
public sealed class PlatformModule : IAppModule, ICliModule
{
    public IEnumerable<string> TopLevelVerbs => ["db"];

    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<AuditLog>();
        services.AddScoped<BrowseAudit>();
        services.AddExceptionHandler<ApiExceptionHandler>();
    }

    public void MapEndpoints(RouteGroupBuilder api)
    {
        var audit = api.MapGroup("/audit").WithTags("Audit");
        audit.MapGet("/", async ([AsParameters] AuditQuery q, BrowseAudit handler, CancellationToken ct) => ApiResults.From(await handler.HandleAsync(q, ct)))
            .WithSummary("Browse the audit trail (leaders of the client only)")
            .Produces<Page<AuditRow>>();
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
    }
}
