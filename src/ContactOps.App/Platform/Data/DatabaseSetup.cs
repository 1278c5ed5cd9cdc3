using System.Reflection;
using ContactOps.Platform.Audit;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Platform.Data;

public enum DbProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Configuration section "Database" (+ ConnectionStrings:Default).</summary>
public sealed class DatabaseOptions
{
    public DbProvider Provider { get; set; } = DbProvider.Sqlite;

    public string ConnectionString { get; set; } = "";

    /// <summary>Apply migrations when the server starts (default true).</summary>
    public bool MigrateOnStart { get; set; } = true;

    /// <summary>Seed the demo clients, users and customers when the database is empty (default true).</summary>
    public bool SeedDemoData { get; set; } = true;

    public const string SqliteMigrationsAssembly = "ContactOps.Migrations.Sqlite";
    public const string PostgresMigrationsAssembly = "ContactOps.Migrations.Postgres";

    public static DatabaseOptions From(IConfiguration configuration, string contentRoot)
    {
        var options = new DatabaseOptions();
        var section = configuration.GetSection("Database");
        var provider = section["Provider"];
        if (!string.IsNullOrWhiteSpace(provider))
        {
            options.Provider = provider.Trim().ToUpperInvariant() switch
            {
                "SQLITE" => DbProvider.Sqlite,
                "POSTGRES" or "POSTGRESQL" or "NPGSQL" => DbProvider.Postgres,
                _ => throw new InvalidOperationException($"Database:Provider '{provider}' no es válido: use 'sqlite' o 'postgres'."),
            };
        }

        options.MigrateOnStart = section.GetValue("MigrateOnStart", true);
        options.SeedDemoData = section.GetValue("SeedDemoData", true);
        var cs = configuration.GetConnectionString("Default");
        if (string.IsNullOrWhiteSpace(cs))
        {
            if (options.Provider == DbProvider.Postgres)
            {
                throw new InvalidOperationException("Database:Provider=postgres necesita ConnectionStrings:Default (o la variable ConnectionStrings__Default).");
            }

            var dir = Path.Combine(contentRoot, "data");
            Directory.CreateDirectory(dir);
            cs = new SqliteConnectionStringBuilder { DataSource = Path.Combine(dir, "contactops.db") }.ToString();
        }
        else if (options.Provider == DbProvider.Sqlite)
        {
            var b = new SqliteConnectionStringBuilder(cs);
            if (!Path.IsPathRooted(b.DataSource) && b.DataSource != ":memory:")
            {
                b.DataSource = Path.Combine(contentRoot, b.DataSource);
            }

            var dir = Path.GetDirectoryName(b.DataSource);
            if (!string.IsNullOrEmpty(dir))
            {
                Directory.CreateDirectory(dir);
            }

            cs = b.ToString();
        }

        options.ConnectionString = cs;
        return options;
    }
}

public static class DatabaseSetup
{
    public static IServiceCollection AddAppDatabase(this IServiceCollection services, DatabaseOptions options)
    {
        services.AddSingleton(options);
        services.AddScoped<AuditInterceptor>();
        services.AddScoped(typeof(UnitOfWork<>));
        services.AddDbContextFactory<AppDbContext>((sp, o) =>
        {
            // Read from the container (not the captured value) so a host can choose the database per scope.
            Configure(o, sp.GetRequiredService<DatabaseOptions>(), sp.GetRequiredService<AuditInterceptor>());

            // Modules' own save interceptors (e.g. the outbound hourly figures), registered as ISaveChangesInterceptor.
            o.AddInterceptors(sp.GetServices<Microsoft.EntityFrameworkCore.Diagnostics.ISaveChangesInterceptor>());
        }, ServiceLifetime.Scoped);
        return services;
    }

    public static void Configure(DbContextOptionsBuilder o, DatabaseOptions options, AuditInterceptor? interceptor)
    {
        switch (options.Provider)
        {
            case DbProvider.Postgres:
                o.UseNpgsql(options.ConnectionString, x => x.MigrationsAssembly(DatabaseOptions.PostgresMigrationsAssembly));
                break;
            default:
                o.UseSqlite(options.ConnectionString, x => x.MigrationsAssembly(DatabaseOptions.SqliteMigrationsAssembly));
                break;
        }

        if (interceptor is not null)
        {
            o.AddInterceptors(interceptor);
        }
    }

    /// <summary>The provider's migrations assembly (the host references both), or null when it is not beside the application.</summary>
    public static Assembly? MigrationsAssembly(DbProvider provider)
    {
        try
        {
            return Assembly.Load(provider == DbProvider.Postgres ? DatabaseOptions.PostgresMigrationsAssembly : DatabaseOptions.SqliteMigrationsAssembly);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }
}
