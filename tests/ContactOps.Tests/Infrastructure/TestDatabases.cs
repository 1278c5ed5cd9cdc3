using ContactOps.Platform.Data;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ContactOps.Tests.Infrastructure;

public enum Provider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// Fresh, isolated databases for integration tests, on a real engine. A template is migrated and seeded with
/// the demo data once per run and provider; each test gets its own copy (a file copy on SQLite, CREATE DATABASE
/// … TEMPLATE on PostgreSQL), so tests never see each other's writes.
/// PostgreSQL comes from CONTACTOPS_TEST_PG (an admin connection string), which scripts/test.sh sets.
/// </summary>
public static class TestDatabases
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static readonly string Root = Path.Combine(Path.GetTempPath(), "contactops-tests", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
    private static string? _sqliteTemplate;
    private static string? _pgTemplate;

    public static string PostgresAdmin =>
        Environment.GetEnvironmentVariable("CONTACTOPS_TEST_PG")
        ?? throw new InvalidOperationException("Las pruebas de PostgreSQL necesitan CONTACTOPS_TEST_PG (cadena de conexión de administrador). Ejecute scripts/test.sh, que levanta un PostgreSQL desechable.");

    /// <summary>A new database, migrated and with the demo data; returns its connection string.</summary>
    public static async Task<string> CreateAsync(Provider provider, bool seeded = true)
    {
        if (!seeded)
        {
            return await CreateEmptyAsync(provider);
        }

        await Gate.WaitAsync();
        try
        {
            if (provider == Provider.Sqlite)
            {
                _sqliteTemplate ??= await BuildTemplateAsync(Provider.Sqlite);
            }
            else
            {
                _pgTemplate ??= await BuildTemplateAsync(Provider.Postgres);
            }
        }
        finally
        {
            Gate.Release();
        }

        if (provider == Provider.Sqlite)
        {
            var file = NewSqlitePath();
            File.Copy(new SqliteConnectionStringBuilder(_sqliteTemplate).DataSource, file);
            return SqliteConnectionString(file);
        }

        var name = "co_t_" + Guid.NewGuid().ToString("N")[..16];
        var templateName = new NpgsqlConnectionStringBuilder(_pgTemplate).Database!;
        await using (var conn = new NpgsqlConnection(PostgresAdmin))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE \"{templateName}\"", conn);
            await cmd.ExecuteNonQueryAsync();
        }

        return PgConnectionString(name);
    }

    private static async Task<string> CreateEmptyAsync(Provider provider)
    {
        if (provider == Provider.Sqlite)
        {
            return SqliteConnectionString(NewSqlitePath());
        }

        var name = "co_e_" + Guid.NewGuid().ToString("N")[..16];
        await using var conn = new NpgsqlConnection(PostgresAdmin);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", conn);
        await cmd.ExecuteNonQueryAsync();
        return PgConnectionString(name);
    }

    private static async Task<string> BuildTemplateAsync(Provider provider)
    {
        var cs = await CreateEmptyAsync(provider);
        await using (var app = new TestApp(provider, cs, seed: true))
        {
            _ = app.Server; // starts the host: migrations and demo data
            await Task.CompletedTask;
        }

        if (provider == Provider.Postgres)
        {
            NpgsqlConnection.ClearAllPools();
        }
        else
        {
            SqliteConnection.ClearAllPools();
        }

        return cs;
    }

    private static string NewSqlitePath()
    {
        Directory.CreateDirectory(Root);
        return Path.Combine(Root, Guid.NewGuid().ToString("N") + ".db");
    }

    private static string SqliteConnectionString(string file) =>
        new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString();

    private static string PgConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder(PostgresAdmin) { Database = database, Pooling = true, MaxPoolSize = 20 }.ToString();

    public static DbProvider ToDbProvider(this Provider p) => p == Provider.Postgres ? DbProvider.Postgres : DbProvider.Sqlite;
}
