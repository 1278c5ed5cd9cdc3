using System.Diagnostics;
using System.Globalization;
using System.Text;
using ContactOps;
using ContactOps.Modules.Outbound;
using ContactOps.Modules.Outbound.Features;
using ContactOps.Platform.Tenancy;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

/// <summary>
/// Call-log import benchmark (another dialer's log loaded into devices-outbound).
///   generate-calllog --rows 1000000 --leads 250000 --out /tmp/calllog.csv --base /tmp/calllog-base.csv
///   import-calllog --provider sqlite|postgres --file /tmp/calllog.csv --base /tmp/calllog-base.csv [--runs 3] [--pg "Host=…"]
/// The base has --leads leads (document, name, one mobile). The log spreads --rows calls over 20 weekdays 07:00–19:59
/// (Bogotá local time) and 40 agents, a realistic outcome mix (55 % no answer, 10 % busy, 10 % machine, 1 % failed,
/// 24 % answered: callback, not interested, not the holder, sale 2 %, wrong number, DNC 0.2 %), half of the rows carry the
/// document (matched by document) and half only the phone (matched by phone); 1 row in 200 has a phone of no lead
/// (rejected as unmatched). Each run loads the whole file in one transaction; the figures are the median run.
/// </summary>
internal static class CallLogBench
{
    public static int Generate(Dictionary<string, string> o)
    {
        var rows = long.Parse(o.GetValueOrDefault("--rows", "1000000"), CultureInfo.InvariantCulture);
        var leads = int.Parse(o.GetValueOrDefault("--leads", "250000"), CultureInfo.InvariantCulture);
        var path = o.GetValueOrDefault("--out", "/tmp/calllog.csv");
        var basePath = o.GetValueOrDefault("--base", "/tmp/calllog-base.csv");
        var random = new Random(20261124);
        using (var writer = new StreamWriter(basePath, false, new UTF8Encoding(false), 1 << 16))
        {
            writer.Write("documento;nombre;telefono\n");
            for (var i = 0; i < leads; i++)
            {
                writer.Write(string.Create(CultureInfo.InvariantCulture, $"{30_000_000 + i};Cliente {i};{3_100_000_000L + i}\n"));
            }
        }

        (string Result, string Code, int Weight)[] outcomes =
        [
            ("no_contesta", "", 550), ("ocupado", "", 100), ("buzon", "", 100), ("fallida", "", 10),
            ("contestada", "VOLVER_A_LLAMAR", 80), ("contestada", "NO_INTERESADO", 100), ("contestada", "NO_TITULAR", 30),
            ("contestada", "VENTA", 20), ("contestada", "NUMERO_ERRADO", 8), ("contestada", "DNC", 2),
        ];
        var table = outcomes.SelectMany(x => Enumerable.Repeat(x, x.Weight)).ToArray();
        var days = Enumerable.Range(0, 40).Select(d => new DateOnly(2025, 9, 1).AddDays(d)).Where(d => d.DayOfWeek is not DayOfWeek.Saturday and not DayOfWeek.Sunday).Take(20).ToArray();
        using (var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16))
        {
            writer.Write("fecha_hora;telefono;documento;agente;resultado;tipificacion;segundos\n");
            var sb = new StringBuilder(128);
            for (long i = 0; i < rows; i++)
            {
                var lead = random.Next(leads);
                var (result, code, _) = table[random.Next(table.Length)];
                var day = days[random.Next(days.Length)];
                var answered = result == "contestada";
                sb.Clear();
                sb.Append(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(' ')
                    .Append((7 + random.Next(13)).ToString("00", CultureInfo.InvariantCulture)).Append(':')
                    .Append(random.Next(60).ToString("00", CultureInfo.InvariantCulture)).Append(':')
                    .Append(random.Next(60).ToString("00", CultureInfo.InvariantCulture)).Append(';');
                sb.Append(i % 200 == 199 ? 3_200_000_000L + i : 3_100_000_000L + lead).Append(';');
                if (i % 2 == 0)
                {
                    sb.Append(30_000_000 + lead);
                }

                sb.Append(';');
                if (answered)
                {
                    sb.Append("agente").Append((1 + random.Next(40)).ToString("00", CultureInfo.InvariantCulture));
                }

                sb.Append(';').Append(result).Append(';').Append(code).Append(';')
                    .Append(answered ? 20 + random.Next(600) : 0).Append('\n');
                writer.Write(sb);
            }
        }

        Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0:N0} llamadas en {1} ({2:N1} MB); base de {3:N0} leads en {4}", rows, path, new FileInfo(path).Length / 1048576.0, leads, basePath));
        return 0;
    }

    public static async Task<int> ImportAsync(Dictionary<string, string> o)
    {
        var provider = o.GetValueOrDefault("--provider", "postgres");
        var file = o.GetValueOrDefault("--file", "/tmp/calllog.csv");
        var basePath = o.GetValueOrDefault("--base", "/tmp/calllog-base.csv");
        var runs = int.Parse(o.GetValueOrDefault("--runs", "3"), CultureInfo.InvariantCulture);
        // --strategies staged,direct: PostgreSQL write paths compared side by side, alternating run by run.
        var strategies = o.GetValueOrDefault("--strategies", "direct").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => s switch
            {
                "staged" => PostgresWrite.Staged,
                "staged-lead" => PostgresWrite.StagedByLead,
                _ => PostgresWrite.Direct,
            })
            .ToArray();
        const string operation = "devices-outbound";
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

            await using (var scope = app.Services.CreateAsyncScope())
            {
                scope.ServiceProvider.GetRequiredService<AccessScope>().SetSystem("bench");
                await using var stream = File.OpenRead(basePath);
                var loaded = await scope.ServiceProvider.GetRequiredService<ImportLeads>().HandleAsync(new ImportLeadsRequest(operation, stream, Path.GetFileName(basePath), BaseName: "Base bench registro"));
                if (!loaded.IsSuccess)
                {
                    Console.Error.WriteLine("Error: " + loaded.Error!.Message);
                    return 1;
                }

                Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "base leads={0}", loaded.Value!.Accepted));
            }

            var rates = strategies.Distinct().ToDictionary(s => s, _ => new List<double>());
            for (var run = 1; run <= runs * strategies.Length; run++)
            {
                var strategy = strategies[(run - 1) % strategies.Length];
                CallAttemptSink.Strategy = strategy;
                GC.Collect();
                var allocatedBefore = GC.GetTotalAllocatedBytes();
                var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
                var watch = Stopwatch.StartNew();
                CallLogImportSummary summary;
                await using (var scope = app.Services.CreateAsyncScope())
                {
                    scope.ServiceProvider.GetRequiredService<AccessScope>().SetSystem("bench");
                    await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
                    var result = await scope.ServiceProvider.GetRequiredService<ImportCallLog>().HandleAsync(new ImportCallLogRequest(operation, stream, Path.GetFileName(file)));
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
                rates[strategy].Add(summary.Rows / seconds);
                Console.WriteLine(string.Format(
                    CultureInfo.InvariantCulture,
                    "run={0} provider={1} strategy={11} rows={2} accepted={3} rejected={4} leads={5} elapsed={6:F1}s rows/s={7:N0} peak_working_set={8:N0} MB allocated={9:N0} MB process_cpu={10:F1}s",
                    run, provider, summary.Rows, summary.Accepted, summary.Rejected, summary.Leads, seconds, summary.Rows / seconds,
                    process.PeakWorkingSet64 / 1048576.0, (GC.GetTotalAllocatedBytes() - allocatedBefore) / 1048576.0, (process.TotalProcessorTime - cpuBefore).TotalSeconds, provider == "postgres" ? strategy.ToString() : "-"));
            }

            foreach (var (strategy, list) in rates)
            {
                list.Sort();
                Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "strategy={0} median rows/s={1:N0} over {2} runs", strategy, list[list.Count / 2], list.Count));
            }

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
