using System.Diagnostics;
using System.Globalization;
using System.Text;
using ContactOps;
using ContactOps.Modules.Outbound.Features;
using ContactOps.Platform.Tenancy;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

/// <summary>
/// Lead base import benchmark.
///   generate-leads --rows 1000000 --out /tmp/leads.csv [--registry /tmp/rne.csv]
///   import-leads --provider sqlite|postgres --file /tmp/leads.csv [--registry /tmp/rne.csv] [--pg "Host=…"] [--operation devices-outbound]
/// The file has 1 row in 100 repeating an earlier document (duplicate), 1 in 1,000 with no valid phone (rejected), half
/// of the rows with a second phone, and typed carrier columns (plan, cupo, fecha_corte, ciudad); the registry file lists
/// every 50th mobile of the base (about 2 % of the leads end excluded).
/// </summary>
internal static class LeadsBench
{
    public static int Generate(Dictionary<string, string> o)
    {
        var rows = long.Parse(o.GetValueOrDefault("--rows", "1000000"), CultureInfo.InvariantCulture);
        var path = o.GetValueOrDefault("--out", "/tmp/leads.csv");
        var registry = o.GetValueOrDefault("--registry", "/tmp/rne.csv");
        var random = new Random(20261123);
        string[] names = ["María", "José", "Luis", "Ana", "Carlos", "Lucía", "Andrés", "Paula", "Jorge", "Camila", "Sebastián", "Valentina"];
        string[] surnames = ["Rodríguez", "Gómez", "Peña", "Martínez", "López", "García", "Ramírez", "Hernández", "Díaz", "Moreno", "Muñoz", "Rojas"];
        string[] cities = ["Bogotá", "Medellín", "Cali", "Barranquilla", "Cartagena", "Bucaramanga"];
        string[] plans = ["Plan Oro 40GB", "Plan Plata 20GB", "Plan Bronce 8GB", "Prepago"];
        using (var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16))
        using (var rne = new StreamWriter(registry, false, new UTF8Encoding(false), 1 << 16))
        {
            writer.Write("tipo_documento;documento;nombre;telefono;telefono2;plan;cupo;fecha_corte;ciudad\n");
            rne.Write("telefono;canales\n");
            var sb = new StringBuilder(256);
            for (long i = 0; i < rows; i++)
            {
                sb.Clear();
                var document = i % 100 == 99 ? 20_000_000 + i - 50 : 20_000_000 + i;
                var mobile = 3_000_000_000L + (i * 7 % 999_999_999);
                sb.Append("CC;").Append(document).Append(';')
                    .Append(names[random.Next(names.Length)]).Append(' ').Append(surnames[random.Next(surnames.Length)]).Append(' ').Append(surnames[random.Next(surnames.Length)]).Append(';');
                sb.Append(i % 1000 == 998 ? "12345" : mobile.ToString(CultureInfo.InvariantCulture)).Append(';');
                sb.Append(i % 2 == 0 ? "601" + (1_000_000 + (i % 8_999_999)).ToString(CultureInfo.InvariantCulture) : "").Append(';');
                sb.Append(plans[random.Next(plans.Length)]).Append(';');
                sb.Append(random.Next(0, 5_000_000).ToString(CultureInfo.InvariantCulture)).Append(';');
                sb.Append(new DateOnly(2026, 1, 1).AddDays(random.Next(0, 330)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(';');
                sb.Append(cities[random.Next(cities.Length)]).Append('\n');
                writer.Write(sb);
                if (i % 50 == 7)
                {
                    rne.Write(mobile.ToString(CultureInfo.InvariantCulture));
                    rne.Write(i % 3 == 0 ? ";llamadas,sms\n" : ";llamadas\n");
                }
            }
        }

        Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0:N0} filas escritas en {1} ({2:N1} MB); registro en {3}", rows, path, new FileInfo(path).Length / 1048576.0, registry));
        return 0;
    }

    public static async Task<int> ImportAsync(Dictionary<string, string> o)
    {
        var provider = o.GetValueOrDefault("--provider", "sqlite");
        var file = o.GetValueOrDefault("--file", "/tmp/leads.csv");
        var registry = o.GetValueOrDefault("--registry", "/tmp/rne.csv");
        var operation = o.GetValueOrDefault("--operation", "devices-outbound");
        string connectionString;
        string? dropDatabase = null;
        string? admin = null;
        if (provider == "postgres")
        {
            admin = o.GetValueOrDefault("--pg") ?? Environment.GetEnvironmentVariable("CONTACTOPS_TEST_PG") ?? "Host=127.0.0.1;Port=55432;Username=postgres;Database=postgres";
            dropDatabase = "co_bench_" + Guid.NewGuid().ToString("N")[..12];
            await using (var conn = new NpgsqlConnection(admin))
            {
                await conn.OpenAsync();
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{dropDatabase}\"", conn);
                await create.ExecuteNonQueryAsync();
            }

            connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = dropDatabase }.ToString();
        }
        else
        {
            var path = Path.Combine(Path.GetTempPath(), "contactops-bench-" + Guid.NewGuid().ToString("N")[..12] + ".db");
            connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();
        }

        var storage = Path.Combine(Path.GetTempPath(), "contactops-bench-storage-" + Guid.NewGuid().ToString("N")[..12]);
        try
        {
            var builder = AppHost.CreateBuilder(
                [
                    "--Database:Provider=" + provider,
                    "--ConnectionStrings:Default=" + connectionString,
                    "--Database:MigrateOnStart=true",
                    "--Database:SeedDemoData=true",
                    "--Storage:Root=" + storage,
                ],
                forCli: true);
            await using var app = builder.Build();
            await AppHost.PrepareDatabaseAsync(app);

            if (File.Exists(registry))
            {
                await using var scope = app.Services.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<AccessScope>().SetSystem("bench");
                await using var rne = File.OpenRead(registry);
                var loaded = await scope.ServiceProvider.GetRequiredService<ImportExclusions>().HandleAsync(new ImportExclusionsRequest("CO", rne, Path.GetFileName(registry)));
                Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "registry numbers={0}", loaded.Value?.Numbers));
            }

            GC.Collect();
            var allocatedBefore = GC.GetTotalAllocatedBytes();
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            var readingDone = TimeSpan.Zero;
            LeadImportSummary summary;
            await using (var scope = app.Services.CreateAsyncScope())
            {
                scope.ServiceProvider.GetRequiredService<AccessScope>().SetSystem("bench");
                await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
                var result = await scope.ServiceProvider.GetRequiredService<ImportLeads>().HandleAsync(
                    new ImportLeadsRequest(operation, stream, Path.GetFileName(file)),
                    new ContactOps.Platform.Imports.InlineProgress<ContactOps.Platform.Imports.ImportProgress>(p =>
                    {
                        if (p.Stage == ContactOps.Platform.Imports.ImportStage.Merging)
                        {
                            readingDone = watch.Elapsed;
                        }
                    }));
                if (!result.IsSuccess)
                {
                    Console.Error.WriteLine("Error: " + result.Error!.Message);
                    return 1;
                }

                summary = result.Value!;
            }

            watch.Stop();
            using var process = Process.GetCurrentProcess();
            process.Refresh();
            var seconds = watch.Elapsed.TotalSeconds;
            Console.WriteLine(string.Format(
                CultureInfo.InvariantCulture,
                "provider={0} rows={1} accepted={2} rejected={3} duplicates={4} excluded={5}",
                provider, summary.Rows, summary.Accepted, summary.Rejected, summary.Duplicates, summary.Excluded));
            Console.WriteLine(string.Format(
                CultureInfo.InvariantCulture,
                "elapsed={0:F1}s (infer+read+stage {1:F1}s, insert {2:F1}s) rows/s={3:N0} peak_working_set={4:N0} MB gc_heap_after={5:N0} MB allocated={6:N0} MB process_cpu={7:F1}s",
                seconds,
                readingDone.TotalSeconds,
                seconds - readingDone.TotalSeconds,
                summary.Rows / seconds,
                process.PeakWorkingSet64 / 1048576.0,
                GC.GetTotalMemory(false) / 1048576.0,
                (GC.GetTotalAllocatedBytes() - allocatedBefore) / 1048576.0,
                (process.TotalProcessorTime - cpuBefore).TotalSeconds));
            return 0;
        }
        finally
        {
            if (Directory.Exists(storage))
            {
                Directory.Delete(storage, recursive: true);
            }

            if (dropDatabase is not null)
            {
                NpgsqlConnection.ClearAllPools();
                await using var conn = new NpgsqlConnection(admin);
                await conn.OpenAsync();
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{dropDatabase}\" WITH (FORCE)", conn);
                await drop.ExecuteNonQueryAsync();
            }
            else
            {
                SqliteConnection.ClearAllPools();
                var path = new SqliteConnectionStringBuilder(connectionString).DataSource;
                foreach (var f in new[] { path, path + "-wal", path + "-shm" })
                {
                    File.Delete(f);
                }
            }
        }
    }
}
