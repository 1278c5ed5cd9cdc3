using System.CommandLine;
using ContactOps.Platform;
using ContactOps.Platform.Cli;

namespace ContactOps.Modules.Demo;

public sealed class DemoModule : IAppModule, ICliModule
{
    public IEnumerable<string> TopLevelVerbs => ["demo"];

    public void AddServices(IServiceCollection services) => services.AddScoped<DemoSeeder>();

    public void MapEndpoints(RouteGroupBuilder api)
    {
    }

    public void Register(RootCommand root, CliContext context)
    {
        var demo = new Command("demo", "Datos de demostración");
        var seed = new Command("seed", "Carga los datos de demostración si la base de datos está vacía.");
        var json = new Option<bool>("--json") { Description = "Salida JSON" };
        seed.Options.Add(json);
        seed.SetAction(async (parse, ct) =>
        {
            await Platform.Data.DatabaseMigrator.MigrateAsync(context.Services, ct);
            await using var scope = context.CreateScope();
            var seeded = await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedIfEmptyAsync(ct);
            if (parse.GetValue(json))
            {
                context.WriteJson(new { seeded });
            }
            else
            {
                context.Out.WriteLine(seeded ? "Datos de demostración cargados. Contraseña: " + DemoSeeder.DemoPassword : "La base de datos ya tiene datos; no se cargó nada.");
            }

            return ExitCodes.Ok;
        });
        demo.Subcommands.Add(seed);
        root.Subcommands.Add(demo);
    }
}
