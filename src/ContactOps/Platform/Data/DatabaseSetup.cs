using System.Reflection;
using System.Runtime.Loader;
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
    private static int _resolverInstalled;

    public static IServiceCollection AddAppDatabase(this IServiceCollection services, DatabaseOptions options)
    {
        InstallMigrationsResolver();
        services.AddSingleton(options);
        services.AddScoped<AuditInterceptor>();
        services.AddDbContextFactory<AppDbContext>((sp, o) =>
        {
            Configure(o, options, sp.GetRequiredService<AuditInterceptor>());

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

    /// <summary>
    /// The migrations projects reference this one (for <see cref="AppDbContext"/>), so this project cannot
    /// reference them; its build copies their assemblies beside it and this resolver loads them by name.
    /// </summary>
    public static void InstallMigrationsResolver()
    {
        if (Interlocked.Exchange(ref _resolverInstalled, 1) == 1)
        {
            return;
        }

        AssemblyLoadContext.Default.Resolving += static (context, name) =>
        {
            if (name.Name is DatabaseOptions.SqliteMigrationsAssembly or DatabaseOptions.PostgresMigrationsAssembly)
            {
                var dir = Path.GetDirectoryName(typeof(AppDbContext).Assembly.Location) ?? AppContext.BaseDirectory;
                var path = Path.Combine(dir, name.Name + ".dll");
                return File.Exists(path) ? context.LoadFromAssemblyPath(path) : null;
            }

            return null;
        };
    }

    public static Assembly? MigrationsAssembly(DbProvider provider)
    {
        InstallMigrationsResolver();
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
