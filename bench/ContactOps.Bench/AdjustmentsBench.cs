using System.Diagnostics;
using System.Globalization;
using ContactOps;
using ContactOps.Modules.Adjustments;
using ContactOps.Modules.Adjustments.Features;
using ContactOps.Platform.Tenancy;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Npgsql;

/// <summary>
/// The carrier's adjustments base (issue 6): a realistic workbook of N rows (XLSX, 11 columns as the carrier sends it)
/// and the import of it through the real <see cref="ImportAdjustments"/> handler into adjustments-cell.
///   generate-adjustments --rows 200000 --out /tmp/ajustes_2026-11-13.xlsx [--later true]
///   import-adjustments --provider sqlite|postgres --file /tmp/ajustes_2026-11-13.xlsx [--later-file /tmp/ajustes_2026-11-20.xlsx] [--runs 3] [--pg "…"]
/// </summary>
internal static class AdjustmentsBench
{
    private static readonly string[] Statuses = ["En estudio", "Radicado en RR", "Aplicado en factura", "Rechazado por BO", "Pendiente de soportes", "Escalado PQR"];
    private static readonly string[] Reasons = ["Sin soporte de pago oportuno", "Causal mal tipificada", "No aplica por política", "Ajuste ya aplicado", "Cuenta en cobro jurídico"];
    private static readonly string[] CauseTexts = ["Fallas en la prestación del servicio", "Cargos de reconexión", "Cambio de estrato", "Garantía de equipos", "Cobros de equipos"];

    /// <summary>
    /// Writes the workbook. Row i: account 80000000+i, escalation ESC-&lt;i&gt; (1 row in 10 without one: key by account + cause +
    /// filing date), cause by letter (2 in 3) or by its text, approval 40 % pending / 40 % approved / 20 % rejected, es-CO
    /// amount text or a number cell, filing number when approved, one of 400 front-agent logins, rejection reason when rejected.
    /// <c>--later true</c> writes the next cut of the same adjustments: a third of the pending ones decided (approved or rejected).
    /// </summary>
    public static int Generate(Dictionary<string, string> o)
    {
        var rows = int.Parse(o.GetValueOrDefault("--rows") ?? "200000", CultureInfo.InvariantCulture);
        var path = o.GetValueOrDefault("--out") ?? "/tmp/ajustes_2026-11-13.xlsx";
        var later = string.Equals(o.GetValueOrDefault("--later"), "true", StringComparison.OrdinalIgnoreCase);
        var watch = Stopwatch.StartNew();
        using (var stream = File.Create(path))
        {
            stream.SaveAs(Rows(rows, later), sheetName: "ajustes");
        }

        Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0:N0} filas escritas en {1} ({2:N1} MB) en {3:F1}s", rows, path, new FileInfo(path).Length / 1048576.0, watch.Elapsed.TotalSeconds));
        return 0;
    }

    private static IEnumerable<Dictionary<string, object?>> Rows(int rows, bool later)
    {
        var random = new Random(20261120);
        for (var i = 0; i < rows; i++)
        {
            var approval = (i % 10) switch { < 4 => "PENDIENTE", < 8 => "APROBADO", _ => "RECHAZADO" };
            if (later && approval == "PENDIENTE" && i % 3 == 0)
            {
                approval = i % 2 == 0 ? "APROBADO" : "RECHAZADO";
            }

            var letter = (char)('A' + (i % 13));
            var draw = random.Next(5, 900); // one draw per row whatever the approval: the later cut keeps the same amounts
            object? amount = (i % 4) switch
            {
                0 => (draw * 1_000m).ToString("#,##0", CultureInfo.GetCultureInfo("es-CO")) + ",50",
                1 => "$ " + (draw * 1_000).ToString("#,##0", CultureInfo.GetCultureInfo("es-CO")),
                2 => draw * 1_000,
                _ => approval == "PENDIENTE" ? null : (draw * 1_000).ToString(CultureInfo.InvariantCulture),
            };
            yield return new Dictionary<string, object?>
            {
                ["cuenta"] = (80_000_000 + i).ToString(CultureInfo.InvariantCulture),
                ["escalamiento"] = i % 10 == 9 ? null : "ESC-" + i.ToString("D7", CultureInfo.InvariantCulture),
                ["estado_ajuste"] = Statuses[i % Statuses.Length],
                ["causal"] = i % 3 == 2 ? CauseTexts[i % CauseTexts.Length] : letter.ToString(),
                ["aprobacion"] = approval,
                ["valor"] = amount,
                ["radicado"] = approval == "APROBADO" ? "RAD-" + (5_000_000 + i).ToString(CultureInfo.InvariantCulture) : null,
                ["login_asesor"] = "ag" + (1000 + (i % 400)).ToString(CultureInfo.InvariantCulture),
                ["motivo_rechazo"] = approval == "RECHAZADO" ? Reasons[i % Reasons.Length] : null,
                ["fecha_radicacion"] = new DateTime(2026, 11, 1).AddDays(i % 12),
                ["observaciones"] = i % 7 == 0 ? "Cliente llamó dos veces" : null,
            };
        }
    }

    /// <summary>
    /// A fresh database (demo data), then per run: the first cut into an operation without those adjustments (all created,
    /// bulk path), optionally the later cut over them (all matched: the tracked ApplyCut path), then the run's adjustments
    /// are deleted. Prints time, rows/s and the process's peak working set; the median per file at the end.
    /// </summary>
    public static async Task<int> ImportAsync(Dictionary<string, string> o)
    {
        var provider = o.GetValueOrDefault("--provider") ?? "postgres";
        var file = o.GetValueOrDefault("--file") ?? "/tmp/ajustes_2026-11-13.xlsx";
        var laterFile = o.GetValueOrDefault("--later-file");
        var runs = int.Parse(o.GetValueOrDefault("--runs") ?? "3", CultureInfo.InvariantCulture);
        const string operation = "adjustments-cell";
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

            var times = new Dictionary<string, List<double>>(StringComparer.Ordinal);
            for (var run = 1; run <= runs; run++)
            {
                foreach (var path in new[] { file, laterFile }.Where(p => p is not null).Cast<string>())
                {
                    GC.Collect();
                    var allocatedBefore = GC.GetTotalAllocatedBytes();
                    var watch = Stopwatch.StartNew();
                    AdjustmentImportSummary summary;
                    await using (var scope = app.Services.CreateAsyncScope())
                    {
                        scope.ServiceProvider.GetRequiredService<AccessScope>().SetSystem("bench");
                        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
                        var result = await scope.ServiceProvider.GetRequiredService<ImportAdjustments>().HandleAsync(new ImportAdjustmentsRequest(operation, stream, Path.GetFileName(path)));
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
                    if (!times.TryGetValue(path, out var list))
                    {
                        times[path] = list = [];
                    }

                    list.Add(seconds);
                    Console.WriteLine(string.Format(
                        CultureInfo.InvariantCulture,
                        "run={0} provider={1} file={2} rows={3} created={4} updated={5} unchanged={6} rejected={7} elapsed={8:F1}s rows/s={9:N0} peak_working_set={10:N0} MB allocated={11:N0} MB load={12}",
                        run, provider, Path.GetFileName(path), summary.Rows, summary.Created, summary.Updated, summary.Unchanged, summary.Rejected, seconds, summary.Rows / seconds,
                        process.PeakWorkingSet64 / 1048576.0, (GC.GetTotalAllocatedBytes() - allocatedBefore) / 1048576.0,
                        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ')[..3]) : "?"));
                }

                await ResetAsync(provider, connectionString);
            }

            foreach (var (path, list) in times)
            {
                list.Sort();
                Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "file={0} median={1:F1}s over {2} runs", Path.GetFileName(path), list[list.Count / 2], list.Count));
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

    /// <summary>Removes the bench's adjustments (keys of the generated workbook) and cuts, so the next run starts alike.</summary>
    private static async Task ResetAsync(string provider, string connectionString)
    {
        const string sql = """
            DELETE FROM "AdjustmentCutRecords" WHERE "AdjustmentId" IN (SELECT "Id" FROM "Adjustments" WHERE "Key" LIKE 'E:ESC-%' OR "Key" LIKE 'A:8%');
            DELETE FROM "AdjustmentSteps" WHERE "AdjustmentId" IN (SELECT "Id" FROM "Adjustments" WHERE "Key" LIKE 'E:ESC-%' OR "Key" LIKE 'A:8%');
            DELETE FROM "Adjustments" WHERE "Key" LIKE 'E:ESC-%' OR "Key" LIKE 'A:8%';
            DELETE FROM "AdjustmentCuts" WHERE "FileName" LIKE 'ajustes_%' AND "ImportedBy" = 'bench';
            """;
        if (provider == "postgres")
        {
            await using var conn = new NpgsqlConnection(connectionString);
            await conn.OpenAsync();
            await using var command = new NpgsqlCommand(sql, conn) { CommandTimeout = 600 };
            await command.ExecuteNonQueryAsync();
            await using var vacuum = new NpgsqlCommand("""VACUUM ANALYZE "Adjustments", "AdjustmentCutRecords", "AdjustmentSteps" """, conn) { CommandTimeout = 600 };
            await vacuum.ExecuteNonQueryAsync();
        }
        else
        {
            await using var conn = new SqliteConnection(connectionString);
            await conn.OpenAsync();
            await using var command = conn.CreateCommand();
            command.CommandText = sql;
            command.CommandTimeout = 600;
            await command.ExecuteNonQueryAsync();
        }
    }
}
