using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ContactOps;
using ContactOps.Modules.Adjustments;
using ContactOps.Modules.Interactions;
using ContactOps.Modules.Outbound;
using ContactOps.Modules.Sales;
using ContactOps.Platform.Data;
using ContactOps.Platform.Tenancy;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

/// <summary>
/// The list endpoints at carrier scale (issue 14): a fresh database with the demo data, then <c>--rows</c> rows in each
/// list set (sales, escalations, adjustments, outbound attempts) written set-based in SQL (generate_series on PostgreSQL,
/// a recursive CTE on SQLite), each a copy of a demo row with its key, dates (over a year), state and assignee varied;
/// then every kind of list request over HTTP on loopback with the bearer token of the demo user who works that list:
/// each kind alone (N sequential requests), then 20 clients at once with a mix of every kind.
///   list-load --provider sqlite|postgres --rows 1000000 [--runs 5] [--alone 40] [--clients 20] [--mixed 1200] [--pg "…"] [--keep true] [--sql true]
///   (--runs 0: fill and warm up only, e.g. with --keep true to look at the plans)
/// </summary>
internal static class ListBench
{
    private sealed record Kind(string Name, string User, Func<Random, string> Url);

    public static async Task<int> RunAsync(Dictionary<string, string> o)
    {
        var provider = o.GetValueOrDefault("--provider") ?? "sqlite";
        var rows = long.Parse(o.GetValueOrDefault("--rows") ?? "1000000", CultureInfo.InvariantCulture);
        var runs = int.Parse(o.GetValueOrDefault("--runs") ?? "5", CultureInfo.InvariantCulture);
        var alone = int.Parse(o.GetValueOrDefault("--alone") ?? "40", CultureInfo.InvariantCulture);
        var clients = int.Parse(o.GetValueOrDefault("--clients") ?? "20", CultureInfo.InvariantCulture);
        var mixed = int.Parse(o.GetValueOrDefault("--mixed") ?? "1200", CultureInfo.InvariantCulture);
        var pg = provider == "postgres";

        string connectionString;
        string? dropDatabase = null;
        string? admin = null;
        if (pg)
        {
            admin = o.GetValueOrDefault("--pg") ?? Environment.GetEnvironmentVariable("CONTACTOPS_TEST_PG") ?? "Host=127.0.0.1;Port=55432;Username=postgres;Database=postgres";
            dropDatabase = "co_lists_" + Guid.NewGuid().ToString("N")[..12];
            await using (var conn = new NpgsqlConnection(admin))
            {
                await conn.OpenAsync();
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{dropDatabase}\"", conn);
                await create.ExecuteNonQueryAsync();
            }

            connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = dropDatabase, MaxPoolSize = 100 }.ToString();
        }
        else
        {
            var path = Path.Combine(Path.GetTempPath(), "contactops-lists-" + Guid.NewGuid().ToString("N")[..12] + ".db");
            connectionString = new SqliteConnectionStringBuilder { DataSource = path }.ToString();
        }

        try
        {
            var builder = AppHost.CreateBuilder(
                [
                    "--applicationName=ContactOps",
                    "--urls=http://127.0.0.1:0",
                    "--Database:Provider=" + provider,
                    "--ConnectionStrings:Default=" + connectionString,
                    "--Database:MigrateOnStart=true",
                    "--Database:SeedDemoData=true",
                    "--Logging:LogLevel:Default=Warning",
                    "--Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command=" + (o.GetValueOrDefault("--sql") == "true" ? "Information" : "Warning"),
                ],
                forCli: false);
            await using var app = builder.Build();
            await AppHost.PrepareDatabaseAsync(app);
            AppHost.ConfigurePipeline(app);
            await app.StartAsync();
            var baseAddress = new Uri(app.Urls.First());

            DateOnly today;
            await using (var scope = app.Services.CreateAsyncScope())
            {
                scope.ServiceProvider.GetRequiredService<AccessScope>().SetSystem("bench");
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
                var fill = new Filler(db, pg, rows, scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow());
                today = fill.Today;
                await fill.AllAsync();
            }

            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients + 4 }) { BaseAddress = baseAddress };
            var tokens = new Dictionary<string, string>(StringComparer.Ordinal);

            // Signed in again before every run: an access token lives 15 minutes and five runs at 1,000,000 rows outlast it.
            async Task SignInAsync()
            {
                foreach (var user in new[] { "supervisor.premium-sales", "backoffice.sales-cell", "backoffice.adjustments-cell", "supervisor.devices-outbound" })
                {
                    var token = await http.PostAsJsonAsync("/api/v1/auth/token", new { userName = user, password = ContactOps.Modules.Demo.DemoSeeder.DemoPassword });
                    token.EnsureSuccessStatusCode();
                    tokens[user] = JsonDocument.Parse(await token.Content.ReadAsStringAsync()).RootElement.GetProperty("accessToken").GetString()!;
                }
            }

            await SignInAsync();

            var deep = 100; // page 100 of 20 rows: OFFSET 1,980
            var from = today.AddDays(-364).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var to = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            Kind[] kinds =
            [
                new("sales op", "supervisor.premium-sales", _ => "/api/v1/sales?operation=premium-sales&pageSize=20"),
                new("sales op state", "supervisor.premium-sales", r => "/api/v1/sales?operation=premium-sales&pageSize=20&state=" + OpenSaleStates[r.Next(OpenSaleStates.Length)]),
                new("sales op deep", "supervisor.premium-sales", _ => $"/api/v1/sales?operation=premium-sales&pageSize=20&page={deep}"),
                new("sales cell (op or bo)", "backoffice.sales-cell", _ => "/api/v1/sales?operation=sales-cell&pageSize=20"),
                new("sales cell state", "backoffice.sales-cell", r => "/api/v1/sales?operation=sales-cell&pageSize=20&state=" + OpenSaleStates[r.Next(OpenSaleStates.Length)]),
                new("sales cell deep", "backoffice.sales-cell", _ => $"/api/v1/sales?operation=sales-cell&pageSize=20&page={deep}"),
                new("backoffice queue", "backoffice.sales-cell", _ => "/api/v1/sales?operation=sales-cell&openOnly=true&unassigned=true&pageSize=50"),
                new("escalations", "supervisor.premium-sales", _ => "/api/v1/escalations?operation=premium-sales&pageSize=20"),
                new("escalations overdue", "supervisor.premium-sales", _ => "/api/v1/escalations?operation=premium-sales&filter=overdue&pageSize=20"),
                new("escalations deep", "supervisor.premium-sales", _ => $"/api/v1/escalations?operation=premium-sales&pageSize=20&page={deep}"),
                new("adjustments", "backoffice.adjustments-cell", _ => "/api/v1/adjustments?operation=adjustments-cell&pageSize=20"),
                new("adjustments open", "backoffice.adjustments-cell", _ => "/api/v1/adjustments?operation=adjustments-cell&state=open&pageSize=20"),
                new("adjustments q", "backoffice.adjustments-cell", r => "/api/v1/adjustments?operation=adjustments-cell&pageSize=20&q=AC" + (10_000_000 + r.NextInt64(rows)).ToString(CultureInfo.InvariantCulture)[..6]),
                new("adjustments deep", "backoffice.adjustments-cell", _ => $"/api/v1/adjustments?operation=adjustments-cell&pageSize=20&page={deep}"),
                new("attempts year", "supervisor.devices-outbound", _ => $"/api/v1/outbound/attempts?operation=devices-outbound&from={from}&to={to}&pageSize=20"),
                new("attempts agent", "supervisor.devices-outbound", _ => $"/api/v1/outbound/attempts?operation=devices-outbound&from={from}&to={to}&agent=agent.devices-outbound&pageSize=20"),
                new("attempts deep", "supervisor.devices-outbound", _ => $"/api/v1/outbound/attempts?operation=devices-outbound&from={from}&to={to}&pageSize=20&page={deep}"),
            ];

            async Task<double> TimeAsync(Kind kind, Random r)
            {
                var url = kind.Url(r);
                using var request = new HttpRequestMessage(HttpMethod.Get, url);
                request.Headers.Authorization = new("Bearer", tokens[kind.User]);
                var started = Stopwatch.GetTimestamp();
                using var response = await http.SendAsync(request);
                var body = await response.Content.ReadAsByteArrayAsync();
                var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (!response.IsSuccessStatusCode)
                {
                    throw new InvalidOperationException($"{url}: {(int)response.StatusCode} {Encoding.UTF8.GetString(body)}");
                }

                return ms;
            }

            // Warm-up, and one look at what each kind returns (a page must not be empty).
            var random = new Random(20261207);
            foreach (var kind in kinds)
            {
                for (var n = 0; n < 5; n++)
                {
                    await TimeAsync(kind, random);
                }
            }

            var results = new List<Dictionary<string, (double P50, double P95, double P99)>>();
            for (var run = 1; run <= runs; run++)
            {
                await SignInAsync();
                var table = new Dictionary<string, (double, double, double)>();
                foreach (var kind in kinds)
                {
                    var times = new List<double>();
                    for (var n = 0; n < alone; n++)
                    {
                        times.Add(await TimeAsync(kind, random));
                    }

                    table["alone " + kind.Name] = Percentiles(times);
                }

                var mixedTimes = new ConcurrentBag<(string Kind, double Ms)>();
                var next = -1;
                var seed = random.Next();
                var wall = Stopwatch.StartNew();
                await Task.WhenAll(Enumerable.Range(0, clients).Select(async c =>
                {
                    var r = new Random(seed + c);
                    while (Interlocked.Increment(ref next) < mixed)
                    {
                        var kind = kinds[r.Next(kinds.Length)];
                        mixedTimes.Add((kind.Name, await TimeAsync(kind, r)));
                    }
                }));
                wall.Stop();
                table[clients + " clients, every kind"] = Percentiles(mixedTimes.Select(t => t.Ms).ToList());
                foreach (var kind in kinds)
                {
                    table[clients + " clients, " + kind.Name] = Percentiles(mixedTimes.Where(t => t.Kind == kind.Name).Select(t => t.Ms).ToList());
                }

                Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "run {0}: {1} mixed requests in {2:F1}s ({3:F0}/s), load average {4}", run, mixed, wall.Elapsed.TotalSeconds, mixed / wall.Elapsed.TotalSeconds, LoadAverage()));
                foreach (var (name, (p50, p95, p99)) in table)
                {
                    Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "  {0,-42} p50 {1,7:F1} ms  p95 {2,7:F1} ms  p99 {3,7:F1} ms", name, p50, p95, p99));
                }

                results.Add(table);
            }

            if (runs == 0)
            {
                await app.StopAsync();
                return 0;
            }

            Console.WriteLine($"median of {runs} runs ({provider}, {rows:N0} rows per list):");
            Console.WriteLine("| query | p50 ms | p95 ms | p99 ms |");
            Console.WriteLine("|---|---:|---:|---:|");
            foreach (var name in results[0].Keys)
            {
                Console.WriteLine(string.Format(
                    CultureInfo.InvariantCulture,
                    "| {0} | {1:F1} | {2:F1} | {3:F1} |",
                    name,
                    Median(results.Select(r => r[name].P50)),
                    Median(results.Select(r => r[name].P95)),
                    Median(results.Select(r => r[name].P99))));
            }

            await app.StopAsync();
            return 0;
        }
        finally
        {
            if (dropDatabase is not null && o.GetValueOrDefault("--keep") != "true")
            {
                NpgsqlConnection.ClearAllPools();
                await using var conn = new NpgsqlConnection(admin);
                await conn.OpenAsync();
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{dropDatabase}\" WITH (FORCE)", conn);
                await drop.ExecuteNonQueryAsync();
            }
            else if (o.GetValueOrDefault("--keep") == "true")
            {
                Console.WriteLine("kept " + (dropDatabase ?? new SqliteConnectionStringBuilder(connectionString).DataSource));
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

    private static readonly string[] OpenSaleStates = ["Registered", "InValidation", "Validated", "Scheduled"];

    /// <summary>Set-based fill of each list: INSERT … SELECT over a series, every column of the table either an override or the template row's value.</summary>
    private sealed class Filler(AppDbContext db, bool pg, long rows, DateTimeOffset now)
    {

        public DateOnly Today => DateOnly.FromDateTime(now.UtcDateTime);

        public async Task AllAsync()
        {
            var ops = await db.Operations.IgnoreQueryFilters().AsNoTracking().ToDictionaryAsync(x => x.Code, x => x.Id);
            var users = await db.Users.AsNoTracking().Select(u => new { u.Id, u.UserName }).ToListAsync();
            Guid User(string name) => users.Single(u => u.UserName == name).Id;
            var premium = ops["premium-sales"];
            var cell = ops["sales-cell"];
            var adjustmentsCell = ops["adjustments-cell"];
            var outbound = ops["devices-outbound"];
            var sellers = users.Where(u => u.UserName!.EndsWith(".premium-sales", StringComparison.Ordinal)).Select(u => u.Id).ToArray();
            var workers = users.Where(u => u.UserName!.EndsWith(".sales-cell", StringComparison.Ordinal)).Select(u => u.Id).ToArray();
            var secondsInYear = 365L * 86400;

            // Sales: 70 % sold by premium-sales and routed to the sales cell as back office, 30 % the cell's own.
            var watch = Stopwatch.StartNew();
            var soldAt = Ago($"((i * 7919) % {secondsInYear})");
            await FillAsync("Sales", typeof(Sale), new()
            {
                ["Id"] = NewId(),
                ["OperationId"] = $"CASE WHEN i % 10 < 7 THEN {Lit(premium)} ELSE {Lit(cell)} END",
                ["BackOfficeOperationId"] = $"CASE WHEN i % 10 < 7 THEN {Lit(cell)} ELSE NULL END",
                ["SoldAt"] = soldAt,
                ["StateChangedAt"] = soldAt,
                ["CreatedAt"] = soldAt,
                ["UpdatedAt"] = soldAt,
                ["State"] = Spread("i", Enum.GetNames<SaleState>(), "Legalized", 55),
                ["SellerUserId"] = Pick("i / 7", sellers),
                ["AssignedToUserId"] = $"CASE WHEN i % 5 < 2 THEN NULL ELSE {Pick("i / 3", workers)} END",
                ["FollowUpAt"] = $"CASE WHEN i % 10 = 0 THEN {Ago("((i * 13) % 2592000) - 1296000")} ELSE NULL END",
                ["AccountNumber"] = "'HA' || CAST(20000000 + i AS TEXT)",
            });
            Console.WriteLine($"sales: {rows:N0} rows in {watch.Elapsed.TotalSeconds:F1}s");

            // Escalations of premium-sales: 25 % open (due 24 h after opening, so the recent ones are on time), the rest answered.
            watch.Restart();
            var openedAt = Ago($"((i * 7919) % {secondsInYear})");
            await FillAsync("Escalations", typeof(Escalation), new()
            {
                ["Id"] = NewId(),
                ["Version"] = NewId(),
                ["OperationId"] = Lit(premium),
                ["OpenedAt"] = openedAt,
                ["CreatedAt"] = openedAt,
                ["UpdatedAt"] = openedAt,
                ["DueAt"] = Plus(openedAt, 86400),
                ["State"] = "CASE WHEN i % 4 = 0 THEN 'Open' ELSE 'Answered' END",
                ["AnsweredAt"] = $"CASE WHEN i % 4 = 0 THEN NULL ELSE {Plus(openedAt, 36000)} END",
                ["Answer"] = "CASE WHEN i % 4 = 0 THEN NULL ELSE 'Respuesta de prueba' END",
                ["AnsweredBy"] = "CASE WHEN i % 4 = 0 THEN NULL ELSE 'Back office' END",
            });
            Console.WriteLine($"escalations: {rows:N0} rows in {watch.Elapsed.TotalSeconds:F1}s");

            // Adjustments of the adjustments cell: first cut over a year, half with a PQR due around today, states spread.
            watch.Restart();
            var firstCut = Day("(i * 7919) % 365");
            var hasPqr = "i % 2 = 0";
            await FillAsync("Adjustments", typeof(Adjustment), new()
            {
                ["Id"] = NewId(),
                ["Version"] = NewId(),
                ["OperationId"] = Lit(adjustmentsCell),
                ["Key"] = "'BENCH' || CAST(i AS TEXT)",
                ["Account"] = "'AC' || CAST(10000000 + i AS TEXT)",
                ["FilingNumber"] = $"CASE WHEN {hasPqr} THEN 'RAD' || CAST(i AS TEXT) ELSE NULL END",
                ["State"] = Spread("i", Enum.GetNames<AdjustmentState>(), nameof(AdjustmentState.Closed), 60),
                ["FirstCutoff"] = firstCut,
                ["LastCutoff"] = firstCut,
                ["FilingDate"] = firstCut,
                ["PqrFiledOn"] = $"CASE WHEN {hasPqr} THEN {Day("(i % 60) + 10")} ELSE NULL END",
                ["PqrFlagOn"] = $"CASE WHEN {hasPqr} THEN {Day("(i % 60) - 5")} ELSE NULL END",
                ["PqrDueOn"] = $"CASE WHEN {hasPqr} THEN {Day("(i % 60) - 10")} ELSE NULL END",
                ["PqrAnsweredOn"] = $"CASE WHEN {hasPqr} AND i % 3 = 0 THEN {Day("(i % 60) + 1")} ELSE NULL END",
                ["AssignedUserId"] = $"CASE WHEN i % 3 = 0 THEN {Lit(User("backoffice.adjustments-cell"))} ELSE NULL END",
                ["AssignedTo"] = "CASE WHEN i % 3 = 0 THEN 'backoffice.adjustments-cell' ELSE NULL END",
                ["CreatedAt"] = Ago($"((i * 7919) % {secondsInYear})"),
                ["UpdatedAt"] = Ago($"((i * 7919) % {secondsInYear})"),
            });
            Console.WriteLine($"adjustments: {rows:N0} rows in {watch.Elapsed.TotalSeconds:F1}s");

            // Outbound attempts of devices-outbound over a year (no demo row to copy: every required column is given).
            watch.Restart();
            var started = Ago($"((i * 7919) % {secondsInYear})");
            await FillAsync("CallAttempts", typeof(CallAttempt), new()
            {
                ["Id"] = NewId(),
                ["ClientId"] = Lit(await db.Operations.IgnoreQueryFilters().Where(x => x.Id == outbound).Select(x => x.ClientId).SingleAsync()),
                ["OperationId"] = Lit(outbound),
                ["PhoneE164"] = "'+573' || CAST(100000000 + i AS TEXT)",
                ["Mode"] = "'Progressive'",
                ["Source"] = "'ContactOps'",
                ["Channel"] = "'voice'",
                ["StartedAt"] = started,
                ["EndedAt"] = Plus(started, 60),
                ["Result"] = Spread("i", Enum.GetNames<CallResult>().Where(n => n != "Pending").ToArray(), "NoAnswer", 40),
                ["Abandoned"] = "CASE WHEN i % 50 = 0 THEN " + Bool(true) + " ELSE " + Bool(false) + " END",
                ["DispositionDefaulted"] = Bool(false),
                ["TalkSeconds"] = "CAST(i % 300 AS INTEGER)",
                ["WrapSeconds"] = "10",
                ["AgentLogin"] = "CASE WHEN i % 4 = 0 THEN 'agent.devices-outbound' ELSE 'agent' || CAST(i % 40 AS TEXT) || '.devices-outbound' END",
                ["AgentUserId"] = $"CASE WHEN i % 4 = 0 THEN {Lit(User("agent.devices-outbound"))} ELSE NULL END",
            });
            Console.WriteLine($"call attempts: {rows:N0} rows in {watch.Elapsed.TotalSeconds:F1}s");

            watch.Restart();
            await db.Database.ExecuteSqlRawAsync("ANALYZE");
            Console.WriteLine($"analyze: {watch.Elapsed.TotalSeconds:F1}s");
        }

        private async Task FillAsync(string table, Type entity, Dictionary<string, string> overrides)
        {
            var columns = db.Model.GetRelationalModel().FindTable(table, null)?.Columns.Select(c => c.Name).ToList()
                ?? throw new InvalidOperationException("no table " + table);
            foreach (var name in overrides.Keys.Where(k => !columns.Contains(k)))
            {
                throw new InvalidOperationException($"{table} has no column {name}");
            }

            // The table name comes from the model, not from input.
#pragma warning disable EF1002
            var template = await db.Database.SqlQueryRaw<int>($"SELECT COUNT(*) AS \"Value\" FROM \"{table}\"").SingleAsync() > 0;
#pragma warning restore EF1002
            var select = string.Join(", ", columns.Select(c => overrides.TryGetValue(c, out var e) ? e : template ? "t.\"" + c + "\"" : "NULL"));
            var from = template ? $" CROSS JOIN (SELECT * FROM \"{table}\" LIMIT 1) t" : "";
            var list = string.Join(", ", columns.Select(c => "\"" + c + "\""));
            var sql = pg
                ? $"INSERT INTO \"{table}\" ({list}) SELECT {select} FROM generate_series(1::bigint, {rows}::bigint) AS s(i){from}"
                : $"WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < {rows}) INSERT INTO \"{table}\" ({list}) SELECT {select} FROM s{from}";
            _ = entity;
            await db.Database.ExecuteSqlRawAsync(sql);
        }

        private string NewId() => pg
            ? "gen_random_uuid()"
            : "(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-8' || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))";

        private string Lit(Guid id) => pg ? $"'{id}'::uuid" : $"'{id.ToString().ToUpperInvariant()}'";

        private string Bool(bool b) => pg ? (b ? "true" : "false") : (b ? "1" : "0");

        /// <summary>Now minus <paramref name="seconds"/> (an SQL expression), as the column stores it.</summary>
        private string Ago(string seconds) => pg
            ? $"(TIMESTAMPTZ '{now.UtcDateTime:yyyy-MM-dd HH:mm:ss}+00' - ({seconds}) * INTERVAL '1 second')"
            : $"({now.UtcTicks} - ({seconds}) * 10000000)";

        private string Plus(string instant, long seconds) => pg ? $"({instant} + INTERVAL '{seconds} seconds')" : $"({instant} + {seconds * 10_000_000L})";

        /// <summary>Today minus <paramref name="days"/> (an SQL expression), as a date column stores it.</summary>
        private string Day(string days) => pg
            ? $"(DATE '{Today:yyyy-MM-dd}' - CAST({days} AS INTEGER))"
            : $"date('{Today:yyyy-MM-dd}', (-({days})) || ' days')";

        private string Pick(string index, Guid[] ids) =>
            ids.Length == 0 ? "NULL" : "CASE (" + index + ") % " + ids.Length + string.Concat(ids.Select((id, k) => $" WHEN {k} THEN {Lit(id)}")) + " END";

        /// <summary>One of <paramref name="names"/> per row: <paramref name="heavy"/> for heavyPercent % of rows, the others evenly.</summary>
        private static string Spread(string index, string[] names, string heavy, int heavyPercent)
        {
            var rest = names.Where(n => n != heavy).ToArray();
            return $"CASE WHEN ({index}) % 100 < {heavyPercent} THEN '{heavy}' ELSE CASE (({index}) / 100) % {rest.Length}"
                + string.Concat(rest.Select((n, k) => $" WHEN {k} THEN '{n}'")) + " END END";
        }
    }

    private static (double, double, double) Percentiles(List<double> times)
    {
        if (times.Count == 0)
        {
            return (0, 0, 0);
        }

        times.Sort();
        double At(double p) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(p * times.Count) - 1)];
        return (At(0.50), At(0.95), At(0.99));
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ')[..3]) : "?";
}
