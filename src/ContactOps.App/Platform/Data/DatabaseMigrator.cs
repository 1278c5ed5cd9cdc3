using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Platform.Data;

/// <summary>Applies the provider's migrations (on start and by `db migrate`).</summary>
public static class DatabaseMigrator
{
    public static async Task<IReadOnlyList<string>> MigrateAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AccessScope>().SetSystem("migraciones");
        var options = scope.ServiceProvider.GetRequiredService<DatabaseOptions>();
        if (DatabaseSetup.MigrationsAssembly(options.Provider) is null)
        {
            throw new InvalidOperationException($"No se encontró el ensamblado de migraciones de {options.Provider}; compile la solución completa (dotnet build).");
        }

        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(ct);
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        if (pending.Count > 0)
        {
            await db.Database.MigrateAsync(ct);
        }

        return pending;
    }
}
