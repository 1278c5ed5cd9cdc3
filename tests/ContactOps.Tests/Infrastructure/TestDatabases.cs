using System.Collections.Concurrent;
using ContactOps.Platform.Data;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ContactOps.Tests.Infrastructure;

public enum Provider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// Fresh, isolated databases for integration tests, on a real engine. A template is migrated and seeded with the demo
/// data once per run and engine (on the engine's shared host); each test gets its own copy (a file copy on SQLite,
/// CREATE DATABASE … TEMPLATE on PostgreSQL), dropped when the test ends.
/// PostgreSQL comes from CONTACTOPS_TEST_PG (an admin connection string), which scripts/test.sh sets.
/// </summary>
public static class TestDatabases
{
    private static readonly string Root = Path.Combine(Path.GetTempPath(), "contactops-tests", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
    private static readonly ConcurrentDictionary<Provider, Lazy<Task<string>>> Templates = new();

    public static string PostgresAdmin =>
        Environment.GetEnvironmentVariable("CONTACTOPS_TEST_PG")
        ?? throw new InvalidOperationException("Las pruebas de PostgreSQL necesitan CONTACTOPS_TEST_PG (cadena de conexión de administrador). Ejecute scripts/test.sh, que levanta un PostgreSQL desechable.");

    /// <summary>A new database: a copy of the migrated demo template, or (not seeded) an empty one; its connection string.</summary>
    public static async Task<string> CreateAsync(Provider provider, bool seeded = true)
    {
        if (!seeded)
        {
            return await CreateEmptyAsync(provider);
        }

        var template = await Templates.GetOrAdd(provider, p => new Lazy<Task<string>>(() => BuildTemplateAsync(p))).Value;
        if (provider == Provider.Sqlite)
        {
            var file = NewSqlitePath();
            File.Copy(new SqliteConnectionStringBuilder(template).DataSource, file);
            return SqliteConnectionString(file);
        }

        var name = "co_t_" + Guid.NewGuid().ToString("N")[..16];
        await AdminAsync($"CREATE DATABASE \"{name}\" TEMPLATE \"{new NpgsqlConnectionStringBuilder(template).Database}\"");
        return PgConnectionString(name);
    }

    /// <summary>Drops a database made by <see cref="CreateAsync"/> (its pooled connections first).</summary>
    public static async Task DropAsync(Provider provider, string connectionString)
    {
        if (provider == Provider.Sqlite)
        {
            var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
            using (var pooled = new SqliteConnection(connectionString))
            {
                SqliteConnection.ClearPool(pooled); // pooled connections keep the file open
            }

            foreach (var path in new[] { file, file + "-wal", file + "-shm" })
            {
                try
                {
                    File.Delete(path);
                }
                catch (IOException)
                {
                    // still open by a late reader: the run's folder goes with the temp folder
                }
            }

            return;
        }

        await using (var conn = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(conn);
        }

        await AdminAsync($"DROP DATABASE IF EXISTS \"{new NpgsqlConnectionStringBuilder(connectionString).Database}\" WITH (FORCE)");
    }

    private static async Task<string> CreateEmptyAsync(Provider provider)
    {
        if (provider == Provider.Sqlite)
        {
            return SqliteConnectionString(NewSqlitePath());
        }

        var name = "co_e_" + Guid.NewGuid().ToString("N")[..16];
        await AdminAsync($"CREATE DATABASE \"{name}\"");
        return PgConnectionString(name);
    }

    /// <summary>Migrates an empty database and loads the demo data, through the product's own start-up steps.</summary>
    private static async Task<string> BuildTemplateAsync(Provider provider)
    {
        var host = await TestHost.ForAsync(provider);
        var cs = await CreateEmptyAsync(provider);
        var slot = TestSlot.Create(provider, cs, Path.Combine(Path.GetTempPath(), "contactops-tests-storage", "template-" + Guid.NewGuid().ToString("N")));
        try
        {
            TestSlot.Enter(slot);
            await DatabaseMigrator.MigrateAsync(host.Services);
            await using (var scope = host.Services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<Modules.Demo.DemoSeeder>().SeedIfEmptyAsync(CancellationToken.None);
            }

            await slot.Services.DisposeAsync();
        }
        finally
        {
            slot.Forget();
            TestSlot.Enter(null);
        }

        if (provider == Provider.Sqlite)
        {
            // The copies are of the .db file alone: closing the pooled connections checkpoints the WAL into it.
            await using var conn = new SqliteConnection(cs);
            SqliteConnection.ClearPool(conn);
        }

        if (provider == Provider.Postgres)
        {
            // CREATE DATABASE … TEMPLATE needs the template without connections.
            await using var conn = new NpgsqlConnection(cs);
            NpgsqlConnection.ClearPool(conn);
        }

        return cs;
    }

    private static async Task AdminAsync(string sql)
    {
        await using var conn = new NpgsqlConnection(PostgresAdmin);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }

    private static string NewSqlitePath()
    {
        Directory.CreateDirectory(Root);
        return Path.Combine(Root, Guid.NewGuid().ToString("N") + ".db");
    }

    /// <summary>Pooled, as the product's default: an unpooled connection opens the file and reads the schema on every use.</summary>
    private static string SqliteConnectionString(string file) =>
        new SqliteConnectionStringBuilder { DataSource = file, Pooling = true }.ToString();

    private static string PgConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder(PostgresAdmin) { Database = database, Pooling = true, MaxPoolSize = 20 }.ToString();

    public static DbProvider ToDbProvider(this Provider p) => p == Provider.Postgres ? DbProvider.Postgres : DbProvider.Sqlite;
}
