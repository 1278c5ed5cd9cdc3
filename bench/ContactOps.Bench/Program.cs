using System.Diagnostics;
using System.Globalization;
using System.Text;
using ContactOps;
using ContactOps.Modules.Customers.Features;
using ContactOps.Platform.Imports;
using ContactOps.Platform.Tenancy;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

// Customer import benchmark.
//   generate --rows 1000000 --out /tmp/customers.csv
//   import-customers --provider sqlite|postgres --file /tmp/customers.csv [--pg "Host=…;Username=…;Database=postgres"] [--operation premium-sales]
var options = Options.Parse(args);
return options.Verb switch
{
    "generate" => Generate(options),
    "import-customers" => await ImportAsync(options),
    "generate-recon" => ReconciliationBench.Generate(options.Values),
    "load-recon" => await ReconciliationBench.LoadAsync(options.Values),
    "reconcile-recon" => await ReconciliationBench.ReconcileAsync(options.Values),
    "dialer-pacing" => DialerPacingBench.Table(options.Values),
    "dialer-timing" => DialerPacingBench.Timing(options.Values),

    "generate-leads" => LeadsBench.Generate(options.Values),
    "import-leads" => await LeadsBench.ImportAsync(options.Values),

    "management-report" => await ManagementBench.RunAsync(options.Values),
    "outbound-reports" => await OutboundReportsBench.RunAsync(options.Values),

    "generate-calllog" => CallLogBench.Generate(options.Values),
    "import-calllog" => await CallLogBench.ImportAsync(options.Values),

    "generate-people" => SearchBench.Generate(options.Values),
    "search-load" => await SearchBench.RunAsync(options.Values),
    "list-load" => await ListBench.RunAsync(options.Values),

    "generate-adjustments" => AdjustmentsBench.Generate(options.Values),
    "import-adjustments" => await AdjustmentsBench.ImportAsync(options.Values),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("Uso: generate --rows N --out archivo.csv | import-customers --provider sqlite|postgres --file archivo.csv [--pg \"cadena\"]");
    return 2;
}

static int Generate(Options o)
{
    var rows = long.Parse(o.Get("--rows") ?? "1000000", CultureInfo.InvariantCulture);
    var path = o.Get("--out") ?? "/tmp/customers.csv";
    var random = new Random(20261123);
    string[] names = ["María", "José", "Luis", "Ana", "Carlos", "Lucía", "Andrés", "Paula", "Jorge", "Camila", "Sebastián", "Valentina"];
    string[] surnames = ["Rodríguez", "Gómez", "Peña", "Martínez", "López", "García", "Ramírez", "Hernández", "Díaz", "Moreno", "Muñoz", "Rojas"];
    string[] cities = ["Bogotá", "Medellín", "Cali", "Barranquilla", "Cartagena", "Bucaramanga"];
    using var writer = new StreamWriter(path, false, new UTF8Encoding(true), 1 << 16);
    writer.Write("tipo_documento;documento;nombres;apellidos;telefono1;telefono2;correo;direccion;ciudad;cuenta;linea;plan;segmento\r\n");
    var sb = new StringBuilder(256);
    for (long i = 0; i < rows; i++)
    {
        sb.Clear();
        var document = 10_000_000 + i;
        var mobile = 3_000_000_000L + (i * 7 % 999_999_999);
        sb.Append("CC;").Append(document).Append(';')
            .Append(names[random.Next(names.Length)]).Append(' ').Append(names[random.Next(names.Length)]).Append(';')
            .Append(surnames[random.Next(surnames.Length)]).Append(' ').Append(surnames[random.Next(surnames.Length)]).Append(';');
        // one row in a thousand has an invalid phone (rejected); half have a fixed line as second phone
        sb.Append(i % 1000 == 999 ? "12345" : "+57 " + mobile.ToString(CultureInfo.InvariantCulture)).Append(';');
        sb.Append(i % 2 == 0 ? "601" + (1_000_000 + (i % 8_999_999)).ToString(CultureInfo.InvariantCulture) : "").Append(';');
        sb.Append("cliente").Append(i).Append("@correo.demo;");
        sb.Append("Calle ").Append(random.Next(1, 200)).Append(" # ").Append(random.Next(1, 120)).Append('-').Append(random.Next(1, 99)).Append(';');
        sb.Append(cities[random.Next(cities.Length)]).Append(';');
        sb.Append(i % 3 == 0 ? "HA" + document.ToString(CultureInfo.InvariantCulture) : "").Append(';');
        sb.Append(i % 3 == 1 ? mobile.ToString(CultureInfo.InvariantCulture) : "").Append(';');
        sb.Append(i % 3 == 1 ? (i % 2 == 0 ? "prepago" : "postpago") : "").Append(';');
        sb.Append(i % 5 == 0 ? "oro" : "plata").Append("\r\n");
        writer.Write(sb);
    }

    Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0:N0} filas escritas en {1} ({2:N1} MB)", rows, path, new FileInfo(path).Length / 1048576.0));
    return 0;
}

static async Task<int> ImportAsync(Options o)
{
    var provider = o.Get("--provider") ?? "sqlite";
    var file = o.Get("--file") ?? "/tmp/customers.csv";
    var operation = o.Get("--operation") ?? "premium-sales";
    string connectionString;
    string? dropDatabase = null;
    string? admin = null;
    if (provider == "postgres")
    {
        admin = o.Get("--pg") ?? Environment.GetEnvironmentVariable("CONTACTOPS_TEST_PG") ?? "Host=127.0.0.1;Port=55432;Username=postgres;Database=postgres";
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

    try
    {
        var builder = AppHost.CreateBuilder(
            [
                "--Database:Provider=" + provider,
                "--ConnectionStrings:Default=" + connectionString,
                "--Database:MigrateOnStart=true",
                "--Database:SeedDemoData=true",
                "--Logging:LogLevel:ContactOps.Modules.Customers.Features.ImportCustomers=Debug",
            ],
            forCli: true);
        await using var app = builder.Build();
        await AppHost.PrepareDatabaseAsync(app);

        GC.Collect();
        var gcBefore = GC.CollectionCount(0) + "/" + GC.CollectionCount(1) + "/" + GC.CollectionCount(2);
        var allocatedBefore = GC.GetTotalAllocatedBytes();
        var loadBefore = LoadAverage();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var cpuReading = TimeSpan.Zero;
        var watch = Stopwatch.StartNew();
        ImportSummary summary;
        TimeSpan readingDone = default;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<AccessScope>().SetSystem("bench");
            await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            var result = await scope.ServiceProvider.GetRequiredService<ImportCustomers>().HandleAsync(
                new ImportCustomersRequest(operation, stream, Path.GetFileName(file)),
                new InlineProgress<ImportProgress>(p =>
                {
                    if (p.Stage == ImportStage.Merging)
                    {
                        readingDone = watch.Elapsed;
                        cpuReading = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
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
            "provider={0} rows={1} created={2} updated={3} unchanged={4} duplicates={5} rejected={6}",
            provider, summary.Rows, summary.Created, summary.Updated, summary.Unchanged, summary.Duplicates, summary.Rejected));
        Console.WriteLine(string.Format(
            CultureInfo.InvariantCulture,
            "elapsed={0:F1}s (read+stage {1:F1}s, merge {2:F1}s) rows/s={3:N0} peak_working_set={4:N0} MB gc_heap_after={5:N0} MB allocated={6:N0} MB gc_counts(g0/g1/g2) before={7} after={8}/{9}/{10}",
            seconds,
            readingDone.TotalSeconds,
            seconds - readingDone.TotalSeconds,
            summary.Rows / seconds,
            process.PeakWorkingSet64 / 1048576.0,
            GC.GetTotalMemory(false) / 1048576.0,
            (GC.GetTotalAllocatedBytes() - allocatedBefore) / 1048576.0,
            gcBefore,
            GC.CollectionCount(0),
            GC.CollectionCount(1),
            GC.CollectionCount(2)));
        Console.WriteLine(string.Format(
            CultureInfo.InvariantCulture,
            "process_cpu={0:F1}s (read+stage {1:F1}s) load_average before={2} after={3}",
            (process.TotalProcessorTime - cpuBefore).TotalSeconds,
            cpuReading.TotalSeconds,
            loadBefore,
            LoadAverage()));
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

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ')[..3]) : "?";

internal sealed record Options(string Verb, Dictionary<string, string> Values)
{
    public static Options Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i + 1 < args.Length; i += 2)
        {
            values[args[i]] = args[i + 1];
        }

        return new Options(args.Length > 0 ? args[0] : "", values);
    }

    public string? Get(string name) => Values.TryGetValue(name, out var v) ? v : null;
}
