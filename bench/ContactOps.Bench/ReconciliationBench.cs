using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using ContactOps;
using ContactOps.Modules.Sales;
using ContactOps.Modules.Sales.Features;
using ContactOps.Platform.Data;
using ContactOps.Platform.Imports;
using ContactOps.Platform.Tenancy;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

/// <summary>
/// Reconciliation benchmark: 1,000,000 sales of ours × 1,000,000 rows of the carrier's sheet with a known number of
/// differences.
///   generate-recon --rows 1000000 --dir /tmp/recon            carrier.csv + truth.json
///   load-recon --provider sqlite|postgres --dir /tmp/recon     fresh database (migrated, demo seeded) + our sales, bulk (setup, not measured)
///   reconcile-recon --provider sqlite|postgres --dir /tmp/recon [--drop true]   times the real ReconcileSales handler in this process
/// </summary>
internal static class ReconciliationBench
{
    private const string Operation = "premium-sales";
    private static readonly DateOnly FirstDay = new(2026, 11, 1);

    /// <summary>The generator's parameters and the counts they must give.</summary>
    private sealed record Truth(long Rows, long Missing, long Mismatched, long CarrierOnly, long DuplicateCarrierCopies, long DuplicateOurCopies)
    {
        public long Ours => Rows;

        public long Carrier => Rows - DuplicateOurCopies - Missing + CarrierOnly + DuplicateCarrierCopies;

        public long Matched => Rows - DuplicateOurCopies - Missing - Mismatched;

        public long MissingAtCarrier => Missing + DuplicateOurCopies;

        public long CarrierOnlyRows => CarrierOnly + DuplicateCarrierCopies;

        public long DuplicateOurs => 2 * DuplicateOurCopies;

        public long DuplicateCarrier => 2 * DuplicateCarrierCopies;

        /// <summary>Our row <paramref name="i"/>'s key index: the last <see cref="DuplicateOurCopies"/> rows repeat keys that the carrier has once.</summary>
        public long KeyOf(long i) => i < Rows - DuplicateOurCopies ? i : Missing + Mismatched + DuplicateCarrierCopies + (i - (Rows - DuplicateOurCopies));
    }

    private static string Account(long key) => (10_000_000 + key).ToString(CultureInfo.InvariantCulture);

    private static string Product(long key) => "PLAN-" + (key % 50).ToString("D2", CultureInfo.InvariantCulture);

    private static DateOnly Day(long key) => FirstDay.AddDays((int)(key % 28));

    private static long MonthlyOf(long key) => 30_000 + (key % 40) * 1_000;

    public static int Generate(Dictionary<string, string> o)
    {
        var rows = long.Parse(o.GetValueOrDefault("--rows", "1000000"), CultureInfo.InvariantCulture);
        var dir = o.GetValueOrDefault("--dir", "/tmp/recon");
        Directory.CreateDirectory(dir);
        var scale = Math.Max(1, rows / 100);
        var truth = new Truth(rows, Missing: scale, Mismatched: scale, CarrierOnly: scale, DuplicateCarrierCopies: scale / 10, DuplicateOurCopies: scale / 10);
        using (var writer = new StreamWriter(Path.Combine(dir, "carrier.csv"), false, new UTF8Encoding(true), 1 << 16))
        {
            writer.Write("CUENTA;CODIGO_TARIFA;FECHA_VENTA;VALOR_MENSUAL;ESTADO;REGION;OBSERVACION\r\n");
            void Row(long key, long monthly, string state, long account = -1)
            {
                writer.Write(account >= 0 ? account.ToString(CultureInfo.InvariantCulture) : Account(key));
                writer.Write(';');
                writer.Write(Product(key));
                writer.Write(';');
                writer.Write(Day(key).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                writer.Write(';');
                writer.Write(monthly.ToString(CultureInfo.InvariantCulture));
                writer.Write(';');
                writer.Write(state);
                writer.Write(";NORTE;sin novedad\r\n");
            }

            // Distinct keys of ours: [0, Missing) missing; [Missing, Missing+Mismatched) different value; the rest equal.
            var distinct = rows - truth.DuplicateOurCopies;
            for (long key = truth.Missing; key < distinct; key++)
            {
                var mismatched = key < truth.Missing + truth.Mismatched;
                Row(key, MonthlyOf(key) + (mismatched ? 1_000 : 0), mismatched && key % 2 == 0 ? "cancelada" : "instalada");
                if (key >= truth.Missing + truth.Mismatched && key < truth.Missing + truth.Mismatched + truth.DuplicateCarrierCopies)
                {
                    Row(key, MonthlyOf(key), "instalada"); // the carrier repeats this row
                }
            }

            for (long k = 0; k < truth.CarrierOnly; k++)
            {
                Row(k, MonthlyOf(k), "instalada", account: 90_000_000 + k);
            }
        }

        File.WriteAllText(Path.Combine(dir, "truth.json"), JsonSerializer.Serialize(truth));
        Console.WriteLine(string.Format(
            CultureInfo.InvariantCulture,
            "carrier.csv: {0:N0} rows ({1:N1} MB); truth: ours={2} carrier={3} matched={4} missingAtCarrier={5} carrierOnly={6} mismatched={7} duplicateOurs={8} duplicateCarrier={9}",
            truth.Carrier, new FileInfo(Path.Combine(dir, "carrier.csv")).Length / 1048576.0, truth.Ours, truth.Carrier, truth.Matched, truth.MissingAtCarrier, truth.CarrierOnlyRows, truth.Mismatched, truth.DuplicateOurs, truth.DuplicateCarrier));
        return 0;
    }

    public static async Task<int> LoadAsync(Dictionary<string, string> o)
    {
        var provider = o.GetValueOrDefault("--provider", "sqlite");
        var dir = o.GetValueOrDefault("--dir", "/tmp/recon");
        var truth = JsonSerializer.Deserialize<Truth>(File.ReadAllText(Path.Combine(dir, "truth.json")))!;
        string connectionString;
        if (provider == "postgres")
        {
            var admin = o.GetValueOrDefault("--pg") ?? Environment.GetEnvironmentVariable("CONTACTOPS_TEST_PG") ?? "Host=127.0.0.1;Port=55432;Username=postgres;Database=postgres";
            var name = "co_recon_" + Guid.NewGuid().ToString("N")[..12];
            await using (var conn = new NpgsqlConnection(admin))
            {
                await conn.OpenAsync();
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", conn);
                await create.ExecuteNonQueryAsync();
            }

            connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ToString();
        }
        else
        {
            connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(dir, "recon-" + Guid.NewGuid().ToString("N")[..12] + ".db"), Pooling = false }.ToString();
        }

        var watch = Stopwatch.StartNew();
        await using var app = Build(provider, connectionString, prepare: true);
        await AppHost.PrepareDatabaseAsync(app);
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AccessScope>().SetSystem("bench");
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var operation = await db.Operations.FirstAsync(x => x.Code == Operation);
        var customer = await db.Customers.Where(c => c.ClientId == operation.ClientId).Select(c => c.Id).FirstAsync();
        var sqlite = db.IsSqlite;
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
        await db.Database.OpenConnectionAsync();
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            StagingColumn[] columns = [new("id", StagingType.Id), new("product_id", StagingType.Id), new("account", StagingType.Text), new("tariff", StagingType.Text), new("sold_at", StagingType.Long), new("monthly", StagingType.Text)];
            await using (var writer = await BulkWriter.CreateAsync(db, "stage_sales", columns, default))
            {
                for (long i = 0; i < truth.Rows; i++)
                {
                    var key = truth.KeyOf(i);
                    var local = Day(key).ToDateTime(new TimeOnly(10, 0));
                    var soldAt = new DateTimeOffset(local, TimeSpan.FromHours(-5)); // Bogotá
                    writer.StartRow();
                    writer.Write(ContactOps.Platform.Ids.New());
                    writer.Write(ContactOps.Platform.Ids.New());
                    writer.Write(Account(key));
                    writer.Write(Product(key));
                    writer.Write(soldAt.UtcTicks);
                    writer.Write(MonthlyOf(key).ToString(CultureInfo.InvariantCulture));
                    writer.EndRow();
                }

                await writer.CompleteAsync(default);
            }

            string Id(Guid id) => sqlite ? "'" + BulkWriter.UpperText(id) + "'" : "'" + id.ToString() + "'::uuid";
            var instant = sqlite ? "sold_at" : "to_timestamp((sold_at - 621355968000000000) / 10000000.0)";
            var money = sqlite ? "monthly" : "monthly::numeric";
            var zero = sqlite ? "'0'" : "0";
#pragma warning disable EF1002 // bench-generated literals
            await db.Database.ExecuteSqlRawAsync($"""
                INSERT INTO "Sales" ("Id", "ClientId", "OperationId", "CustomerId", "Origin", "Line", "Kind", "WorkOrder", "State", "StateChangedAt", "SoldAt", "AccountNumber", "MonthlyValue", "OneOffValue", "Currency", "Version", "CreatedAt", "UpdatedAt")
                SELECT id, {Id(operation.ClientId)}, {Id(operation.Id)}, {Id(customer)}, 'Import', 'Home', 'HomeNewService', 'Closed', 'Installed', {instant}, {instant}, account, {money}, {zero}, 'COP', 0, {instant}, {instant} FROM stage_sales
                """);
            await db.Database.ExecuteSqlRawAsync($"""
                INSERT INTO "SaleProducts" ("Id", "SaleId", "OperationId", "TariffCode", "Description", "Quantity", "MonthlyValue", "OneOffValue", "NeedsTechnicianVisit")
                SELECT product_id, id, {Id(operation.Id)}, tariff, tariff, 1, {money}, {zero}, {(sqlite ? "0" : "false")} FROM stage_sales
                """);
#pragma warning restore EF1002
            await transaction.CommitAsync();
        }

        await db.Database.ExecuteSqlRawAsync(sqlite ? "ANALYZE" : "ANALYZE \"Sales\"; ANALYZE \"SaleProducts\"");
        await db.Database.CloseConnectionAsync();
        File.WriteAllText(Path.Combine(dir, provider + ".conn"), connectionString);
        Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "loaded {0:N0} sales into {1} in {2:F1}s", truth.Rows, provider, watch.Elapsed.TotalSeconds));
        return 0;
    }

    public static async Task<int> ReconcileAsync(Dictionary<string, string> o)
    {
        var provider = o.GetValueOrDefault("--provider", "sqlite");
        var dir = o.GetValueOrDefault("--dir", "/tmp/recon");
        var truth = JsonSerializer.Deserialize<Truth>(File.ReadAllText(Path.Combine(dir, "truth.json")))!;
        var connectionString = File.ReadAllText(Path.Combine(dir, provider + ".conn"));
        var file = Path.Combine(dir, "carrier.csv");
        ReconcileSalesResult result;
        TimeSpan elapsed;
        var allocatedBefore = GC.GetTotalAllocatedBytes();
        await using (var app = Build(provider, connectionString, prepare: false))
        {
            await using var scope = app.Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<AccessScope>().SetSystem("bench");
            var handler = scope.ServiceProvider.GetRequiredService<ReconcileSales>();

            // Warm-up (not measured): EF Core builds its model and opens the first connection, as a running server already has.
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().Operations.CountAsync();
            var watch = Stopwatch.StartNew();
            await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            var outcome = await handler.HandleAsync(new ReconcileSalesRequest(Operation, stream, Path.GetFileName(file)));
            elapsed = watch.Elapsed;
            if (!outcome.IsSuccess)
            {
                Console.Error.WriteLine("Error: " + outcome.Error!.Message);
                return 1;
            }

            result = outcome.Value!;
        }

        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var c = result.Counts;
        var expected = new ReconciliationCounts(truth.Ours, truth.Carrier, truth.Matched, truth.MissingAtCarrier, truth.CarrierOnlyRows, truth.Mismatched, truth.DuplicateOurs, truth.DuplicateCarrier);
        Console.WriteLine(string.Format(
            CultureInfo.InvariantCulture,
            "provider={0} elapsed={1:F1}s peak_working_set={2:N0} MB allocated={3:N0} MB ours={4} carrier={5} matched={6} missingAtCarrier={7} carrierOnly={8} mismatched={9} duplicateOurs={10} duplicateCarrier={11} truth_match={12} load_average={13}",
            provider, elapsed.TotalSeconds, process.PeakWorkingSet64 / 1048576.0, (GC.GetTotalAllocatedBytes() - allocatedBefore) / 1048576.0,
            c.Ours, c.Carrier, c.Matched, c.MissingAtCarrier, c.CarrierOnly, c.Mismatched, c.DuplicateOurs, c.DuplicateCarrier, c == expected ? "yes" : "NO",
            File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ')[..3]) : "?"));
        if (o.GetValueOrDefault("--drop") == "true")
        {
            await DropAsync(provider, connectionString);
        }

        return c == expected ? 0 : 1;
    }

    private static Microsoft.AspNetCore.Builder.WebApplication Build(string provider, string connectionString, bool prepare) =>
        AppHost.CreateBuilder(
            [
                "--Database:Provider=" + provider,
                "--ConnectionStrings:Default=" + connectionString,
                "--Database:MigrateOnStart=" + (prepare ? "true" : "false"),
                "--Database:SeedDemoData=" + (prepare ? "true" : "false"),
                "--Logging:LogLevel:Default=Warning",
                "--Logging:LogLevel:ContactOps.Modules.Sales.Features.ReconcileSales=Information",
            ],
            forCli: true).Build();

    private static async Task DropAsync(string provider, string connectionString)
    {
        if (provider == "postgres")
        {
            NpgsqlConnection.ClearAllPools();
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            var name = builder.Database;
            builder.Database = "postgres";
            await using var conn = new NpgsqlConnection(builder.ToString());
            await conn.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", conn);
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
