using System.Globalization;
using System.IO.Compression;
using ContactOps.Platform.Audit;
using ContactOps.Platform.Data;
using ContactOps.Platform.Files;
using ContactOps.Platform.Results;
using ContactOps.Platform.Storage;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace ContactOps.Modules.Sales.Features;

/// <summary>The body of <c>POST /api/v1/sales/legalization/runs</c>: the operation and the month (yyyy-MM).</summary>
public sealed record LegalizeRequest(string? Operation, string? Month);

public sealed record LegalizationRunView(
    Guid Id,
    string Operation,
    string Month,
    DateTimeOffset RunAt,
    string RunBy,
    int Legalizable,
    int Exported,
    int Blocking,
    int Devices,
    string ZipFileName,
    string? XlsxFileName,
    IReadOnlyList<BlockingSale> BlockingSales);

/// <summary>
/// Generates a month's legalization of an operation: one ZIP with every ready sale's recording renamed
/// <c>IDLLAMADA_EXTENSION_LOGIN_yyyyMMdd.ext</c>, the comma-delimited file for the carrier
/// (<c>legalizacion_&lt;operación&gt;_&lt;yyyyMM&gt;.csv</c>, client's layout) and <c>bloqueadas.csv</c> (always present); and,
/// when there are device sales, the TyT report <c>Informe TT_ALMACONTACT_&lt;n&gt;_&lt;yyyyMMdd&gt;.xlsx</c> (date of the export in the
/// client's zone). Both files are kept in the file storage and the run is recorded (<see cref="LegalizationRun"/>).
/// </summary>
public sealed class RunLegalization(AppDbContext db, LegalizationPlanner planner, IFileStorage storage, AccessScope scope, TimeProvider time)
{
    public const string BlockingFileName = "bloqueadas.csv";

    public async Task<Result<LegalizationRunView>> HandleAsync(string? operation, string? month, CancellationToken ct)
    {
        var planned = await planner.PlanAsync(operation, month, ct);
        if (!planned.IsSuccess)
        {
            return planned.Error!;
        }

        var plan = planned.Value!;
        foreach (var item in plan.Ready.ToList())
        {
            if (!await storage.ExistsAsync(item.Recording!.StorageKey, ct))
            {
                item.BlockingReason = "La grabación registrada no está en el almacenamiento de archivos";
                item.RecordingFileName = null;
            }
        }

        var now = time.GetUtcNow();
        var run = new LegalizationRun(plan.Client.Id, plan.Operation.Id, plan.Month, now, scope.UserId, scope.UserName);
        var zipName = $"legalizacion_{LegalizationPlanner.SafePart(plan.Operation.Code)}_{plan.Month}.zip";
        StoredFile zip;
        StoredFile? xlsx = null;
        string? xlsxName = null;
        var tempZip = PrivateTempFile.NewPath("contactops-legal-", ".zip");
        var tempXlsx = PrivateTempFile.NewPath("contactops-legal-", ".xlsx");
        try
        {
            await WriteZipAsync(plan, tempZip, ct);
            await using (var read = File.OpenRead(tempZip))
            {
                zip = await storage.PutAsync(read, ct);
            }

            if (plan.Devices.Count > 0)
            {
                var exportDate = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, plan.Zone).DateTime);
                xlsxName = DevicesReportName(plan.Devices.Count, exportDate);
                await WriteDevicesAsync(plan, tempXlsx, ct);
                await using var read = File.OpenRead(tempXlsx);
                xlsx = await storage.PutAsync(read, ct);
            }
        }
        finally
        {
            File.Delete(tempZip);
            File.Delete(tempXlsx);
        }

        var preview = plan.Preview();
        run.Record(preview.Legalizable, preview.Ready, preview.Blocking, preview.Devices, zipName, zip.Key, xlsxName, xlsx?.Key);
        db.LegalizationRuns.Add(run);
        await db.SaveChangesAsync(ct);
        return new LegalizationRunView(run.Id, plan.Operation.Code, plan.Month, run.RunAt, run.RunBy, run.Legalizable, run.Exported, run.Blocking, run.Devices,
            run.ZipFileName, run.XlsxFileName, preview.BlockingSales);
    }

    /// <summary><c>Informe TT_ALMACONTACT_&lt;count&gt;_&lt;yyyyMMdd&gt;.xlsx</c>.</summary>
    public static string DevicesReportName(int count, DateOnly exportDate) =>
        string.Create(CultureInfo.InvariantCulture, $"Informe TT_ALMACONTACT_{count}_{exportDate:yyyyMMdd}.xlsx");

    public static string CarrierFileName(string operationCode, string month) =>
        $"legalizacion_{LegalizationPlanner.SafePart(operationCode)}_{month.Replace("-", "", StringComparison.Ordinal)}.csv";

    private async Task WriteZipAsync(LegalizationPlan plan, string path, CancellationToken ct)
    {
        await using var file = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, useAsync: true);
        await using var archive = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: false);
        foreach (var item in plan.Ready)
        {
            await using var source = await storage.OpenReadAsync(item.Recording!.StorageKey, ct)
                ?? throw new InvalidOperationException("Recording vanished from storage: " + item.Recording.StorageKey);
            var entry = archive.CreateEntry(item.RecordingFileName!, CompressionLevel.Fastest);
            entry.LastWriteTime = item.Sale.SoldAt;
            await using var target = await entry.OpenAsync(ct);
            await source.CopyToAsync(target, ct);
        }

        var carrier = archive.CreateEntry(CarrierFileName(plan.Operation.Code, plan.Month), CompressionLevel.Optimal);
        await using (var stream = await carrier.OpenAsync(ct))
        using (var csv = CsvExport.Create(stream, ',', utf8Bom: false))
        {
            csv.WriteHeader([.. plan.RecordingsLayout.Select(c => c.Header)]);
            foreach (var item in plan.Ready)
            {
                csv.WriteRow(plan.RecordingsLayout.Select(c => (string?)LegalizationValues.Value(item, c.Field, typed: false)));
            }

            csv.Flush();
        }

        var blocking = archive.CreateEntry(BlockingFileName, CompressionLevel.Optimal);
        await using (var stream = await blocking.OpenAsync(ct))
        using (var csv = CsvExport.Create(stream, ',', utf8Bom: true, protectFormulas: true))
        {
            csv.WriteHeader("ID_VENTA", "IDLLAMADA", "EXTENSION", "LOGIN", "FECHA_VENTA", "TIPO_VENTA", "MOTIVO");
            foreach (var item in plan.Blocked)
            {
                var s = item.Sale;
                csv.WriteRow(s.Id.ToString(), s.CallId, s.Extension, s.SellerLogin, item.LocalDate.ToString("yyyyMMdd", CultureInfo.InvariantCulture),
                    LegalizationValues.KindCode(s.Kind), item.BlockingReason);
            }

            csv.Flush();
        }
    }

    private static async Task WriteDevicesAsync(LegalizationPlan plan, string path, CancellationToken ct)
    {
        var rows = plan.Devices.Select(item =>
        {
            var row = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var column in plan.DevicesLayout)
            {
                row[column.Header] = LegalizationValues.Value(item, column.Field, typed: true);
            }

            return row;
        });
        await using var file = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, useAsync: true);
        await MiniExcel.SaveAsAsync(file, rows, sheetName: "TyT", excelType: ExcelType.XLSX, cancellationToken: ct);
    }
}
