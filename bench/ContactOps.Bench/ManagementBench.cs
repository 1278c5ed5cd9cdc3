using System.Diagnostics;
using System.Globalization;
using ContactOps;
using ContactOps.Modules.Outbound;
using ContactOps.Modules.Outbound.Features;
using ContactOps.Platform.Storage;
using ContactOps.Platform.Tenancy;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

/// <summary>
/// The daily management report over a large base on PostgreSQL:
///   management-report [--leads 1000000] [--attempts 2] [--format csv|xlsx] [--pg "Host=…;Username=…;Database=postgres"]
/// Creates a throwaway database (migrated + demo data), loads one open base of N leads (one phone each) and N×attempts
/// attempts with SQL (generate_series), then times `report management` (generation + storage) and prints rows/s.
/// </summary>
internal static class ManagementBench
{
    public static async Task<int> RunAsync(Dictionary<string, string> o)
    {
        var leads = long.Parse(o.GetValueOrDefault("--leads", "1000000"), CultureInfo.InvariantCulture);
        var attempts = int.Parse(o.GetValueOrDefault("--attempts", "2"), CultureInfo.InvariantCulture);
        var format = o.GetValueOrDefault("--format", "csv");
        var admin = o.GetValueOrDefault("--pg") ?? Environment.GetEnvironmentVariable("CONTACTOPS_TEST_PG") ?? "Host=127.0.0.1;Port=55432;Username=postgres;Database=postgres";
        var database = "co_bench_mgmt_" + Guid.NewGuid().ToString("N")[..10];
        await using (var conn = new NpgsqlConnection(admin))
        {
            await conn.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", conn);
            await create.ExecuteNonQueryAsync();
        }

        var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = database, CommandTimeout = 0 }.ToString();
        var storage = Path.Combine(Path.GetTempPath(), "contactops-bench-storage-" + Guid.NewGuid().ToString("N")[..12]);
        try
        {
            var builder = AppHost.CreateBuilder(
                [
                    "--Database:Provider=postgres", "--ConnectionStrings:Default=" + connectionString, "--Database:MigrateOnStart=true",
                    "--Database:SeedDemoData=true", "--Storage:Root=" + storage,
                ],
                forCli: true);
            await using var app = builder.Build();
            await AppHost.PrepareDatabaseAsync(app);

            var load = Stopwatch.StartNew();
            await using (var conn = new NpgsqlConnection(connectionString))
            {
                await conn.OpenAsync();
                await ExecAsync(conn, "UPDATE \"LeadBases\" SET \"Status\" = 'Closed' WHERE \"OperationId\" = (SELECT \"Id\" FROM \"Operations\" WHERE \"Code\" = 'devices-outbound')");
                var baseId = Guid.NewGuid();
                await InsertAsync(conn, "LeadBases", new()
                {
                    ["Id"] = $"'{baseId}'", ["ClientId"] = "(SELECT \"ClientId\" FROM \"Operations\" WHERE \"Code\" = 'devices-outbound')",
                    ["OperationId"] = "(SELECT \"Id\" FROM \"Operations\" WHERE \"Code\" = 'devices-outbound')", ["Name"] = "'bench'", ["FileName"] = "'bench.csv'",
                    ["Status"] = "'Open'", ["AttributeSchemaJson"] = "'{\"plan\":\"Text\",\"ciudad\":\"Text\"}'", ["ReceivedAt"] = "timestamptz '2026-11-01 00:00:00+00'",
                }, null);
                await InsertAsync(conn, "Leads", new()
                {
                    ["Id"] = "md5('lead' || i)::uuid", ["ClientId"] = "b.\"ClientId\"", ["OperationId"] = "b.\"OperationId\"", ["BaseId"] = "b.\"Id\"",
                    ["DocumentType"] = "'CC'", ["Document"] = "(10000000 + i)::text", ["FullName"] = "'Cliente ' || i", ["SourceLine"] = "i + 1",
                    ["AttributesJson"] = "'{\"plan\":\"Plan ' || (i % 7) || '\",\"ciudad\":\"Cali\"}'",
                }, $"FROM \"LeadBases\" b, generate_series(1, {leads}) i WHERE b.\"Id\" = '{baseId}'");
                await InsertAsync(conn, "LeadPhones", new()
                {
                    ["Id"] = "md5('phone' || i)::uuid", ["ClientId"] = "b.\"ClientId\"", ["OperationId"] = "b.\"OperationId\"", ["LeadId"] = "md5('lead' || i)::uuid",
                    ["E164"] = "'+573' || (100000000 + i)::text", ["Position"] = "0",
                }, $"FROM \"LeadBases\" b, generate_series(1, {leads}) i WHERE b.\"Id\" = '{baseId}'");
                // Attempts spread over the day (from 08:00 Bogotá); every 50th lead's last attempt is a sale, the others "no contesta".
                await InsertAsync(conn, "CallAttempts", new()
                {
                    ["Id"] = "md5('attempt' || i || '-' || k)::uuid", ["ClientId"] = "b.\"ClientId\"", ["OperationId"] = "b.\"OperationId\"", ["LeadId"] = "md5('lead' || i)::uuid",
                    ["PhoneE164"] = "'+573' || (100000000 + i)::text", ["Mode"] = "'Predictive'", ["Source"] = "'ContactOps'", ["Channel"] = "'voice'",
                    ["StartedAt"] = "timestamptz '2026-11-23 13:00:00+00' + (i % 36000) * interval '1 second' + k * interval '10 minutes'",
                    ["Result"] = "CASE WHEN k = " + (attempts - 1).ToString(CultureInfo.InvariantCulture) + " AND i % 50 = 0 THEN 'Answered' ELSE 'NoAnswer' END",
                    ["DispositionCode"] = "CASE WHEN k = " + (attempts - 1).ToString(CultureInfo.InvariantCulture) + " AND i % 50 = 0 THEN 'VENTA' ELSE 'NO_CONTESTA' END",
                }, $"FROM \"LeadBases\" b, generate_series(1, {leads}) i, generate_series(0, {attempts - 1}) k WHERE b.\"Id\" = '{baseId}'");
                await ExecAsync(conn, "ANALYZE");
            }

            Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "loaded leads={0:N0} attempts={1:N0} in {2:F1}s", leads, leads * attempts, load.Elapsed.TotalSeconds));

            var watch = Stopwatch.StartNew();
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            await using var scope = app.Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<AccessScope>().SetSystem("bench");
            var result = await scope.ServiceProvider.GetRequiredService<GenerateManagementReport>()
                .HandleAsync(new ManagementReportRequest("devices-outbound", "2026-11-23", null, format), ManagementTrigger.Cli, CancellationToken.None);
            watch.Stop();
            if (!result.IsSuccess)
            {
                Console.Error.WriteLine("Error: " + result.Error!.Message);
                return 1;
            }

            using var process = Process.GetCurrentProcess();
            process.Refresh();
            Console.WriteLine(string.Format(
                CultureInfo.InvariantCulture,
                "management-report format={0} rows={1:N0} bytes={2:N0} elapsed={3:F1}s rows/s={4:N0} peak_working_set={5:N0} MB process_cpu={6:F1}s",
                format, result.Value!.Rows, result.Value.Length, watch.Elapsed.TotalSeconds, result.Value.Rows / watch.Elapsed.TotalSeconds,
                process.PeakWorkingSet64 / 1048576.0, (process.TotalProcessorTime - cpuBefore).TotalSeconds));
            return 0;
        }
        finally
        {
            if (Directory.Exists(storage))
            {
                Directory.Delete(storage, recursive: true);
            }

            NpgsqlConnection.ClearAllPools();
            await using var conn = new NpgsqlConnection(admin);
            await conn.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", conn);
            await drop.ExecuteNonQueryAsync();
        }
    }

    private static async Task ExecAsync(NpgsqlConnection conn, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, conn) { CommandTimeout = 0 };
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>INSERT … SELECT with the given expressions; every other NOT NULL column without a default gets its type's zero.</summary>
    private static async Task InsertAsync(NpgsqlConnection conn, string table, Dictionary<string, string> values, string? from)
    {
        var columns = new List<(string Name, string Type)>();
        await using (var cmd = new NpgsqlCommand(
            "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = @t AND is_nullable = 'NO' AND column_default IS NULL", conn))
        {
            cmd.Parameters.AddWithValue("t", table);
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                columns.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (name, type) in columns.Where(c => !values.ContainsKey(c.Name)))
        {
            values[name] = type switch
            {
                "boolean" => "false",
                "uuid" => "'00000000-0000-0000-0000-000000000000'",
                "text" or "character varying" => "''",
                "date" => "'2026-01-01'",
                "timestamp with time zone" => "timestamptz '2026-11-23 00:00:00+00'",
                _ => "0",
            };
        }

        var names = string.Join(", ", values.Keys.Select(k => "\"" + k + "\""));
        var exprs = string.Join(", ", values.Values);
        await ExecAsync(conn, $"INSERT INTO \"{table}\" ({names}) SELECT {exprs} {from}");
    }
}
