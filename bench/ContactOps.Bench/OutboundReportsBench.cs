using System.Diagnostics;
using System.Globalization;
using ContactOps;
using ContactOps.Modules.Outbound.Features;
using ContactOps.Platform.Cli;
using ContactOps.Platform.Data;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

/// <summary>
/// Outbound reports benchmark (PostgreSQL):
///   outbound-reports [--attempts 10000000] [--pg "Host=…"] [--runs 7] [--keep true]
/// Creates a fresh database (migrated, demo seeded), writes N attempts on devices-outbound server-side
/// (INSERT … SELECT generate_series, in chunks of 1,000,000: November 2026, 07:00–20:59 local, 80 agents plus
/// unattended calls, the demo catalog with about 2 % sales), builds the hourly figures with the rebuild path
/// (<see cref="RebuildStats"/>), then times `report kpis` (the whole month) and `report hourly` (Tuesday 17 November) through the
/// CLI verbs in-process: one cold run, then the median of the warm runs.
/// </summary>
internal static class OutboundReportsBench
{
    public static async Task<int> RunAsync(Dictionary<string, string> o)
    {
        var attempts = long.Parse(o.GetValueOrDefault("--attempts", "10000000"), CultureInfo.InvariantCulture);
        var runs = int.Parse(o.GetValueOrDefault("--runs", "7"), CultureInfo.InvariantCulture);
        var admin = o.GetValueOrDefault("--pg") ?? Environment.GetEnvironmentVariable("CONTACTOPS_TEST_PG") ?? "Host=127.0.0.1;Port=55432;Username=postgres;Database=postgres";
        var keep = o.GetValueOrDefault("--keep") == "true";
        var database = "co_bench_reports_" + Guid.NewGuid().ToString("N")[..8];
        await using (var conn = new NpgsqlConnection(admin))
        {
            await conn.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", conn);
            await create.ExecuteNonQueryAsync();
        }

        var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = database, CommandTimeout = 3600 }.ToString();
        var storage = Path.Combine(Path.GetTempPath(), "contactops-bench-storage-" + Guid.NewGuid().ToString("N")[..12]);
        try
        {
            var builder = AppHost.CreateBuilder(
                [
                    "--Database:Provider=postgres",
                    "--ConnectionStrings:Default=" + connectionString,
                    "--Database:MigrateOnStart=true",
                    "--Database:SeedDemoData=true",
                    "--Storage:Root=" + storage,
                ],
                forCli: true);
            await using var app = builder.Build();
            await AppHost.PrepareDatabaseAsync(app);

            Guid opId;
            await using (var scope = app.Services.CreateAsyncScope())
            {
                scope.ServiceProvider.GetRequiredService<AccessScope>().SetSystem("bench");
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
                opId = await db.Operations.Where(x => x.Code == "devices-outbound").Select(x => x.Id).SingleAsync();

                var watch = Stopwatch.StartNew();
                const long chunk = 1_000_000;
                for (long start = 0; start < attempts; start += chunk)
                {
                    await db.Database.ExecuteSqlRawAsync(InsertSql, [opId, start, Math.Min(attempts, start + chunk) - 1]);
                    Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "  {0:N0} intentos escritos ({1:N0} s)", Math.Min(attempts, start + chunk), watch.Elapsed.TotalSeconds));
                }

                await db.Database.ExecuteSqlRawAsync("ANALYZE \"CallAttempts\"");
                Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "generate attempts={0:N0} seconds={1:N1}", attempts, watch.Elapsed.TotalSeconds));

                watch.Restart();
                var (counted, rows) = await RebuildStats.RebuildAsync(db, opId, null, null, default);
                await db.Database.ExecuteSqlRawAsync("ANALYZE \"OutboundHourlyStats\"");
                Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "rebuild attempts={0:N0} hourly_rows={1:N0} seconds={2:N1}", counted, rows, watch.Elapsed.TotalSeconds));
            }

            await TimeAsync(app.Services, runs, "report kpis", ["report", "kpis", "--operation", "devices-outbound", "--from", "2026-11-01", "--to", "2026-11-30", "--json"]);
            await TimeAsync(app.Services, runs, "report kpis --agent", ["report", "kpis", "--operation", "devices-outbound", "--from", "2026-11-01", "--to", "2026-11-30", "--agent", "bench.agente.07", "--json"]);
            await TimeAsync(app.Services, runs, "report hourly", ["report", "hourly", "--operation", "devices-outbound", "--date", "2026-11-17", "--format", "json"]);
            return 0;
        }
        finally
        {
            if (Directory.Exists(storage))
            {
                Directory.Delete(storage, recursive: true);
            }

            if (!keep)
            {
                NpgsqlConnection.ClearAllPools();
                await using var conn = new NpgsqlConnection(admin);
                await conn.OpenAsync();
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", conn);
                await drop.ExecuteNonQueryAsync();
            }
            else
            {
                Console.WriteLine("database kept: " + database);
            }
        }
    }

    private static async Task TimeAsync(IServiceProvider services, int runs, string name, string[] args)
    {
        var times = new List<double>();
        string output = "";
        for (var i = 0; i <= runs; i++)
        {
            using var o = new StringWriter();
            using var e = new StringWriter();
            var watch = Stopwatch.StartNew();
            var exit = await CliHost.RunAsync(AppModules.Cli, services, args, o, e);
            watch.Stop();
            if (exit != 0)
            {
                throw new InvalidOperationException(name + ": " + e);
            }

            output = o.ToString();
            if (i > 0)
            {
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
            else
            {
                Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0} cold_ms={1:N1}", name, watch.Elapsed.TotalMilliseconds));
            }
        }

        times.Sort();
        Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0} warm_median_ms={1:N1} min_ms={2:N1} max_ms={3:N1} runs={4}", name, times[times.Count / 2], times[0], times[^1], times.Count));
        Console.WriteLine("  " + (output.Length > 400 ? output[..400] + "…" : output.Trim()));
    }

    // {0} operation, {1}..{2} the series. Day, hour, second, agent and disposition drawn with random(): 2 % VENTA, 10 % NO_INTERESADO, 10 % VOLVER_A_LLAMAR,
    // 10 % NO_TITULAR, 3 % NUMERO_ERRADO, 1 % DNC, 20 % BUZON, 30 % NO_CONTESTA, 10 % OCUPADO, 4 % FALLIDA.
    private const string InsertSql = """
        WITH op AS (SELECT "Id", "ClientId" FROM "Operations" WHERE "Id" = {0}),
        g AS (
            SELECT i, floor(random() * 100)::int AS b, floor(random() * 30)::int AS d, floor(random() * 14)::int AS h,
                   floor(random() * 3600)::int AS s, floor(random() * 80)::int AS agent
            FROM generate_series({1}::bigint, {2}::bigint) AS i
        ),
        c AS (
            SELECT g.*, CASE
                WHEN b < 2 THEN 'VENTA' WHEN b < 12 THEN 'NO_INTERESADO' WHEN b < 22 THEN 'VOLVER_A_LLAMAR' WHEN b < 32 THEN 'NO_TITULAR'
                WHEN b < 35 THEN 'NUMERO_ERRADO' WHEN b < 36 THEN 'DNC' WHEN b < 56 THEN 'BUZON' WHEN b < 86 THEN 'NO_CONTESTA'
                WHEN b < 96 THEN 'OCUPADO' ELSE 'FALLIDA' END AS code
            FROM g
        )
        INSERT INTO "CallAttempts" ("Id", "ClientId", "OperationId", "LeadId", "PhoneE164", "Mode", "Source", "Channel", "StartedAt",
            "Result", "Abandoned", "AgentLogin", "TalkSeconds", "WrapSeconds", "DispositionId", "DispositionCode", "DispositionDefaulted")
        SELECT gen_random_uuid(), op."ClientId", op."Id", NULL, '+57300' || lpad((c.i % 10000000)::text, 7, '0'), 'Predictive', 'ContactOps', 'voice',
            TIMESTAMPTZ '2026-11-01 07:00:00-05' + make_interval(days => c.d, hours => c.h, secs => c.s),
            CASE WHEN c.code = 'BUZON' THEN 'Machine' WHEN c.code = 'NO_CONTESTA' THEN 'NoAnswer' WHEN c.code = 'OCUPADO' THEN 'Busy'
                 WHEN c.code = 'FALLIDA' THEN 'Failed' ELSE 'Answered' END,
            c.code IN ('NO_TITULAR') AND c.i % 50 = 0,
            CASE WHEN c.code IN ('BUZON', 'NO_CONTESTA', 'OCUPADO', 'FALLIDA') THEN NULL ELSE 'bench.agente.' || lpad(c.agent::text, 2, '0') END,
            CASE WHEN c.code IN ('BUZON', 'NO_CONTESTA', 'OCUPADO', 'FALLIDA') THEN 0 ELSE 30 + (c.i % 300)::int END, 0,
            d."Id", c.code, false
        FROM c CROSS JOIN op
        LEFT JOIN "Dispositions" d ON d."OperationId" = op."Id" AND d."Code" = c.code
        """;
}
