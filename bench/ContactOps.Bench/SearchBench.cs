using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ContactOps;
using ContactOps.Modules.Customers.Features;
using ContactOps.Platform.Imports;
using ContactOps.Platform.Tenancy;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

/// <summary>
/// Customer search at carrier scale (issue 14): a realistic customers file (Colombian first names and surnames drawn with
/// a Zipf law, so MARIA and RODRIGUEZ are common and most names are not), imported through the real import into a fresh
/// database, then searched over HTTP on loopback (<c>GET /api/v1/customers?q=…</c>, bearer token of agent.premium-sales):
/// each kind of query alone (one agent), then 20 agents at once with a mix of every kind.
///   generate-people --rows 1000000 --out /tmp/people.csv
///   search-load --provider sqlite|postgres --file /tmp/people.csv --rows 1000000 [--runs 5] [--alone 60] [--clients 20] [--mixed 1200] [--pg "…"]
/// </summary>
internal static class SearchBench
{
    private static readonly string[] FirstNames =
    [
        "María", "José", "Luis", "Ana", "Carlos", "Juan", "Luz", "Jorge", "Andrés", "Diana", "Carmen", "Sandra", "Claudia", "Martha",
        "Gloria", "Jhon", "Diego", "Alejandro", "Paula", "Camila", "Daniel", "Felipe", "Sebastián", "Valentina", "Natalia", "Laura",
        "Andrea", "Carolina", "Javier", "Miguel", "Fernando", "Ricardo", "Óscar", "Julián", "David", "Santiago", "Mateo", "Isabella",
        "Sofía", "Mariana", "Gabriela", "Alejandra", "Adriana", "Liliana", "Patricia", "Beatriz", "Rosa", "Edwin", "Wilson", "Fabio",
        "Hernán", "Nelson", "Cristian", "Yesenia", "Yolanda", "Esperanza", "Francisco", "Manuel", "Pedro", "Ángela",
    ];

    private static readonly string[] Surnames =
    [
        "Rodríguez", "Gómez", "González", "Martínez", "García", "López", "Hernández", "Sánchez", "Ramírez", "Pérez", "Díaz", "Muñoz",
        "Rojas", "Moreno", "Jiménez", "Vargas", "Castro", "Gutiérrez", "Álvarez", "Ruiz", "Romero", "Suárez", "Ortiz", "Torres",
        "Quintero", "Herrera", "Restrepo", "Valencia", "Cárdenas", "Mejía", "Ramos", "Guerrero", "Ospina", "Medina", "Cruz", "Correa",
        "Osorio", "Parra", "Arias", "Salazar", "Aguirre", "Castaño", "Bernal", "Cortés", "Molina", "Reyes", "Montoya", "Zapata",
        "Giraldo", "Londoño", "Cardona", "Mendoza", "Acosta", "Chávez", "Velásquez", "Marín", "Peña", "Rincón", "Duque", "Ríos",
        "Caicedo", "Mosquera", "Palacios", "Sierra", "Vega", "Rivera", "Flórez", "Morales", "Benavides", "Orozco", "Franco", "Rueda",
        "Becerra", "Pineda", "Serna", "Trujillo", "Lozano", "Escobar", "Villa", "Hurtado",
    ];

    // The listed names first, then a long tail of other names, drawn with a Zipf law: about 8 % of customers have MARIA
    // as first name and 4.5 % RODRIGUEZ as first surname, close to Colombia's registry; most names are rare.
    private static readonly string[] FirstPool = [.. FirstNames, .. Tail(1500, 7)];
    private static readonly string[] SurnamePool = [.. Surnames, .. Tail(4000, 11)];
    private static readonly double[] FirstWeights = Zipf(FirstPool.Length, 0.9);
    private static readonly double[] SurnameWeights = Zipf(SurnamePool.Length, 0.8);

    private static readonly string[] Kinds = ["phone", "document", "account", "line", "name-full", "name-partial", "name-common"];

    public static int Generate(Dictionary<string, string> o)
    {
        var rows = long.Parse(o.GetValueOrDefault("--rows") ?? "1000000", CultureInfo.InvariantCulture);
        var path = o.GetValueOrDefault("--out") ?? "/tmp/people.csv";
        using var writer = new StreamWriter(path, false, new UTF8Encoding(true), 1 << 16);
        writer.Write("tipo_documento;documento;nombres;apellidos;celular;cuenta;linea;plan\r\n");
        var sb = new StringBuilder(160);
        for (long i = 0; i < rows; i++)
        {
            var (first, last) = Name(i);
            sb.Clear();
            sb.Append("CC;").Append(Document(i)).Append(';').Append(first).Append(';').Append(last).Append(';').Append(Mobile(i)).Append(';');
            sb.Append(i % 3 == 0 ? Account(i) : "").Append(';');
            sb.Append(i % 3 == 1 ? Mobile(i) : "").Append(';');
            sb.Append(i % 3 == 1 ? "postpago" : "").Append("\r\n");
            writer.Write(sb);
        }

        Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0:N0} filas escritas en {1} ({2:N1} MB)", rows, path, new FileInfo(path).Length / 1048576.0));
        return 0;
    }

    public static async Task<int> RunAsync(Dictionary<string, string> o)
    {
        var provider = o.GetValueOrDefault("--provider") ?? "sqlite";
        var file = o.GetValueOrDefault("--file") ?? "/tmp/people.csv";
        var rows = long.Parse(o.GetValueOrDefault("--rows") ?? "1000000", CultureInfo.InvariantCulture);
        var runs = int.Parse(o.GetValueOrDefault("--runs") ?? "5", CultureInfo.InvariantCulture);
        var alone = int.Parse(o.GetValueOrDefault("--alone") ?? "60", CultureInfo.InvariantCulture);
        var clients = int.Parse(o.GetValueOrDefault("--clients") ?? "20", CultureInfo.InvariantCulture);
        var mixed = int.Parse(o.GetValueOrDefault("--mixed") ?? "1200", CultureInfo.InvariantCulture);

        string connectionString;
        string? dropDatabase = null;
        string? admin = null;
        if (provider == "postgres")
        {
            admin = o.GetValueOrDefault("--pg") ?? Environment.GetEnvironmentVariable("CONTACTOPS_TEST_PG") ?? "Host=127.0.0.1;Port=55432;Username=postgres;Database=postgres";
            dropDatabase = "co_search_" + Guid.NewGuid().ToString("N")[..12];
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
            var path = Path.Combine(Path.GetTempPath(), "contactops-search-" + Guid.NewGuid().ToString("N")[..12] + ".db");
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

            var watch = Stopwatch.StartNew();
            await using (var scope = app.Services.CreateAsyncScope())
            {
                scope.ServiceProvider.GetRequiredService<AccessScope>().SetSystem("bench");
                await using var stream = File.OpenRead(file);
                var result = await scope.ServiceProvider.GetRequiredService<ImportCustomers>().HandleAsync(
                    new ImportCustomersRequest("premium-sales", stream, Path.GetFileName(file)), new InlineProgress<ImportProgress>(_ => { }));
                if (!result.IsSuccess)
                {
                    Console.Error.WriteLine("Error: " + result.Error!.Message);
                    return 1;
                }

                Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "provider={0} imported {1:N0} customers in {2:F1}s", provider, result.Value!.Created, watch.Elapsed.TotalSeconds));
            }

            if (provider == "postgres")
            {
                await using var conn = new NpgsqlConnection(connectionString);
                await conn.OpenAsync();
                await using var analyze = new NpgsqlCommand("ANALYZE", conn);
                await analyze.ExecuteNonQueryAsync();
            }

            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients + 4 }) { BaseAddress = baseAddress };
            var token = await http.PostAsJsonAsync("/api/v1/auth/token", new { userName = "agent.premium-sales", password = ContactOps.Modules.Demo.DemoSeeder.DemoPassword });
            token.EnsureSuccessStatusCode();
            var bearer = JsonDocument.Parse(await token.Content.ReadAsStringAsync()).RootElement.GetProperty("accessToken").GetString();
            http.DefaultRequestHeaders.Authorization = new("Bearer", bearer);

            // Warm-up: every kind a few times (JIT, pools, the database's cache).
            var random = new Random(20261207);
            foreach (var kind in Kinds)
            {
                for (var n = 0; n < 10; n++)
                {
                    await TimeAsync(http, Query(kind, random, rows));
                }
            }

            var results = new List<Dictionary<string, (double P50, double P95, double P99)>>();
            for (var run = 1; run <= runs; run++)
            {
                var table = new Dictionary<string, (double, double, double)>();
                foreach (var kind in Kinds)
                {
                    var times = new List<double>();
                    for (var n = 0; n < alone; n++)
                    {
                        times.Add(await TimeAsync(http, Query(kind, random, rows)));
                    }

                    table["alone " + kind] = Percentiles(times);
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
                        var kind = Kinds[r.Next(Kinds.Length)];
                        mixedTimes.Add((kind, await TimeAsync(http, Query(kind, r, rows))));
                    }
                }));
                wall.Stop();
                table[clients + " agents, every kind"] = Percentiles(mixedTimes.Select(t => t.Ms).ToList());
                foreach (var kind in Kinds)
                {
                    table[clients + " agents, " + kind] = Percentiles(mixedTimes.Where(t => t.Kind == kind).Select(t => t.Ms).ToList());
                }

                Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "run {0}: {1} mixed requests in {2:F1}s ({3:F0}/s), load average {4}", run, mixed, wall.Elapsed.TotalSeconds, mixed / wall.Elapsed.TotalSeconds, LoadAverage()));
                foreach (var (name, (p50, p95, p99)) in table)
                {
                    Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "  {0,-32} p50 {1,7:F1} ms  p95 {2,7:F1} ms  p99 {3,7:F1} ms", name, p50, p95, p99));
                }

                results.Add(table);
            }

            Console.WriteLine($"median of {runs} runs ({provider}, {rows:N0} customers):");
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
            if (dropDatabase is not null)
            {
                NpgsqlConnection.ClearAllPools();
                await using var conn = new NpgsqlConnection(admin);
                await conn.OpenAsync();
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{dropDatabase}\" WITH (FORCE)", conn);
                await drop.ExecuteNonQueryAsync();
            }
            else if (o.GetValueOrDefault("--keep") == "true")
            {
                Console.WriteLine("kept " + new SqliteConnectionStringBuilder(connectionString).DataSource);
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

    /// <summary>A query an agent would type for a random customer, in the formats people use.</summary>
    private static string Query(string kind, Random random, long rows)
    {
        var i = random.NextInt64(rows);
        var variant = random.Next(3);
        switch (kind)
        {
            case "phone":
                var m = Mobile(i);
                return variant switch { 0 => "+57 " + m[..3] + " " + m[3..6] + " " + m[6..], 1 => m[..3] + "-" + m[3..6] + "-" + m[6..], _ => m };
            case "document":
                var d = Document(i);
                return variant == 0 ? d : long.Parse(d, CultureInfo.InvariantCulture).ToString("#,##0", CultureInfo.GetCultureInfo("es-CO"));
            case "account":
                return Account(i - (i % 3));
            case "line":
                var l = Mobile(i - (i % 3) + 1 < rows ? i - (i % 3) + 1 : 1);
                return l;
            case "name-full":
                var (f, s) = Name(i);
                return (f + " " + s).ToLowerInvariant();
            case "name-partial":
                var (first, last) = Name(i);
                var lastWord = last.Split(' ')[0];
                var firstWord = first.Split(' ')[0];
                return lastWord[..Math.Min(4, lastWord.Length)].ToLowerInvariant() + " " + firstWord[..Math.Min(3, firstWord.Length)];
            default:
                // The most common names of all: the worst case for a search by name.
                return variant switch { 0 => "maria rodriguez", 1 => "jose gomez", _ => "rodr mar" };
        }
    }

    private static async Task<double> TimeAsync(HttpClient http, string q)
    {
        var started = Stopwatch.GetTimestamp();
        using var response = await http.GetAsync("/api/v1/customers?pageSize=20&q=" + Uri.EscapeDataString(q));
        await response.Content.ReadAsByteArrayAsync();
        var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{q}: {(int)response.StatusCode}");
        }

        return ms;
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

    private static string Document(long i) => (20_000_000 + i).ToString(CultureInfo.InvariantCulture);

    private static string Mobile(long i) => (3_100_000_000L + i).ToString(CultureInfo.InvariantCulture);

    private static string Account(long i) => "HA" + Document(i);

    /// <summary>Row i's names, the same every time (a hash of i picks from the Zipf-weighted lists).</summary>
    private static (string First, string Last) Name(long i)
    {
        var first = Pick(FirstPool, FirstWeights, i, 1);
        if (Unit(i, 2) < 0.6)
        {
            var second = Pick(FirstPool, FirstWeights, i, 3);
            if (second != first)
            {
                first += " " + second;
            }
        }

        return (first, Pick(SurnamePool, SurnameWeights, i, 4) + " " + Pick(SurnamePool, SurnameWeights, i, 5));
    }

    private static string Pick(string[] pool, double[] cumulative, long i, int slot)
    {
        var u = Unit(i, slot);
        var index = Array.BinarySearch(cumulative, u);
        return pool[Math.Min(pool.Length - 1, index < 0 ? ~index : index)];
    }

    private static double Unit(long i, int slot)
    {
        var x = (ulong)i * 0x9E3779B97F4A7C15UL + (ulong)slot * 0xBF58476D1CE4E5B9UL;
        x ^= x >> 31;
        x *= 0x94D049BB133111EBUL;
        x ^= x >> 29;
        return (x >> 11) * (1.0 / (1UL << 53));
    }

    /// <summary>Names that sound Spanish, made of syllables (deterministic): the long tail of rare names.</summary>
    private static IEnumerable<string> Tail(int count, int seed)
    {
        string[] starts = ["Bel", "Car", "Dur", "Es", "Gal", "Hur", "Lar", "Mon", "Nav", "Pal", "Quin", "Ren", "Sal", "Tam", "Ur", "Val", "Zam", "Cas", "Fer", "Lo", "Mar", "Ot", "Pi", "Ro", "Ti"];
        string[] middles = ["a", "e", "i", "o", "u", "ar", "er", "ol", "an", "in"];
        string[] ends = ["da", "les", "no", "do", "ro", "lla", "ño", "na", "ta", "ri", "ez", "ga", "co", "via", "sa"];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; seen.Count < count; i++)
        {
            var name = starts[(int)(Unit(i, seed) * starts.Length)] + middles[(int)(Unit(i, seed + 1) * middles.Length)] + ends[(int)(Unit(i, seed + 2) * ends.Length)];
            if (seen.Add(name + (seen.Contains(name) ? "" : "")))
            {
                yield return name;
            }
            else if (seen.Add(name + "s"))
            {
                yield return name + "s";
            }
            else if (i > count * 50)
            {
                yield break;
            }
        }
    }

    private static double[] Zipf(int n, double exponent)
    {
        var weights = Enumerable.Range(1, n).Select(k => Math.Pow(k, -exponent)).ToArray();
        var total = weights.Sum();
        var cumulative = new double[n];
        var sum = 0.0;
        for (var k = 0; k < n; k++)
        {
            sum += weights[k] / total;
            cumulative[k] = sum;
        }

        return cumulative;
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ')[..3]) : "?";
}
