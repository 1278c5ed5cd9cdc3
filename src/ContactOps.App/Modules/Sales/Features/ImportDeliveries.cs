using System.Globalization;
using ContactOps.Modules.Customers.Contracts;
using ContactOps.Modules.Sales.Features;
using ContactOps.Platform.Auth;
using ContactOps.Platform.Data;
using ContactOps.Platform.Files;
using ContactOps.Platform.Imports;
using ContactOps.Platform.Results;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Sales.Features;

/// <summary>The carrier's delivery report to cross with an operation's reserved devices.</summary>
/// <param name="OperationCode">Code of the operation that works the device sales.</param>
/// <param name="File">The report (CSV with ; or , in UTF-8 or Windows-1252, or XLSX), at its start.</param>
/// <param name="FileName">Its name (the extension decides CSV or XLSX).</param>
/// <param name="MappingName">Saved column mapping of file kind <c>deliveries</c>; null → header recognition (Spanish aliases).</param>
public sealed record ImportDeliveriesRequest(string? OperationCode, Stream File, string FileName, string? MappingName = null);

/// <summary>A valid row that matched no reserved device of the operation.</summary>
public sealed record UnmatchedDeliveryRow(long Line, string? ReservationNumber, string? Document);

/// <summary>
/// The outcome: rows read, updated (matched a sale and added a state), unchanged (matched, state already in the history),
/// unmatched (valid, no sale), rejected (with line and reason).
/// </summary>
public sealed record DeliveryImportSummary(
    Guid BatchId, long Rows, long Updated, long Unchanged, long Unmatched, long Rejected, long Delivered,
    IReadOnlyList<RejectedRow> RejectedRows, IReadOnlyList<UnmatchedDeliveryRow> UnmatchedRows);

/// <summary>
/// Imports the carrier's delivery report: each row (keyed by reservation number, else by the customer's document) adds
/// its state to the device's delivery history (a state already there is not duplicated) and updates the current state; a
/// delivered device moves its sale to Delivered. Rows with errors are rejected and listed with their line; a bad file —
/// unreadable, without the required columns, without rows, or with more than half of its rows rejected — is refused
/// whole and nothing is written. Everything else is written in one save (one transaction) with an <see cref="ImportBatch"/>.
/// </summary>
public sealed class ImportDeliveries(IDbContextFactory<AppDbContext> dbs, AccessScope scope, TimeProvider time)
{
    public const int MaxListed = 200;

    private static readonly string[] LocalFormats =
    [
        "yyyy-MM-dd", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss",
        "dd/MM/yyyy", "dd/MM/yyyy HH:mm", "dd/MM/yyyy HH:mm:ss", "d/M/yyyy", "d/M/yyyy H:mm", "d/M/yyyy H:mm:ss",
    ];

    public static readonly Role[] ImportRoles = [Role.BackOffice, Role.Supervisor, Role.Coordinator, Role.Manager, Role.DataMarshall, Role.Admin];

    public async Task<Result<DeliveryImportSummary>> HandleAsync(ImportDeliveriesRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.OperationCode))
        {
            return Error.Invalid("operation", "deliveries.operation_required");
        }

        await using var db = await dbs.CreateDbContextAsync(ct);
        var code = request.OperationCode.Trim();
        var operation = Guid.TryParse(code, out var operationId)
            ? await db.Operations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == operationId, ct)
            : await db.Operations.AsNoTracking().FirstOrDefaultAsync(o => o.Code == code, ct);
        if (operation is null)
        {
            return Error.NotFound("operation.not_found#2", code);
        }

        if (!scope.SeesAll && !scope.HasRole(operation.Id, ImportRoles))
        {
            return Error.Forbidden("deliveries.forbidden");
        }

        var client = await db.Clients.AsNoTracking().FirstAsync(c => c.Id == operation.ClientId, ct);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(client.TimeZoneId);
        var mapping = await ColumnMappings.FindAsync(db, operation.Id, DeliveryReportColumns.FileKind, request.MappingName, ct);
        if (request.MappingName is not null && mapping is null)
        {
            return Error.Invalid("mapping", "deliveries.mapping_not_found", request.MappingName);
        }

        var file = request.File;
        MemoryStream? copy = null;
        try
        {
            if (!file.CanSeek)
            {
                copy = new MemoryStream();
                await file.CopyToAsync(copy, ct);
                copy.Position = 0;
                file = copy;
            }

            var started = time.GetUtcNow();
            var start = file.Position;
            var sha = await ImportFiles.Sha256Async(file, ct);
            file.Position = start;
            var opened = TabularFile.OpenForImport(file, request.FileName);
            if (!opened.IsSuccess)
            {
                return opened.Error!;
            }

            List<ReportRow> rows;
            var rejected = new List<RejectedRow>();
            using (var reader = opened.Value!)
            {
                var map = ColumnRecognizer.Recognize(reader.Headers, DeliveryReportColumns.Aliases, mapping);
                var missing = new List<string>();
                if (!map.Has(DeliveryReportColumns.State))
                {
                    missing.Add("estado");
                }

                if (!map.Has(DeliveryReportColumns.Reservation) && !map.Has(DeliveryReportColumns.Document))
                {
                    missing.Add("reserva o documento");
                }

                if (missing.Count > 0)
                {
                    return Error.Invalid("file", "deliveries.missing_columns", string.Join(", ", missing));
                }

                rows = Read(reader, map, zone, started, rejected);
            }

            var total = rows.Count + rejected.Count;
            if (total == 0)
            {
                return Error.Invalid("file", "deliveries.empty");
            }

            if (rejected.Count * 2 > total)
            {
                var listed = rejected.Take(20).Select(r => string.Format(CultureInfo.InvariantCulture, "línea {0}: {1}", r.Line, r.Reason));
                var fields = rejected.Take(MaxListed).GroupBy(r => "linea " + r.Line.ToString(CultureInfo.InvariantCulture))
                    .ToDictionary(g => g.Key, g => g.Select(r => r.Reason).ToArray(), StringComparer.Ordinal);
                return Error.Validation("deliveries.bad_file", rejected.Count, total, string.Join("; ", listed)) with { Fields = fields };
            }

            return await ApplyAsync(db, operation.Id, client.Id, request.FileName, sha, started, rows, rejected, total, ct);
        }
        finally
        {
            if (copy is not null)
            {
                await copy.DisposeAsync();
            }
        }
    }

    private sealed record ReportRow(long Line, string? Reservation, string? Document, DeliveryState State, string CarrierState, DateTimeOffset At, bool DateGiven, string? Guide, string? Note);

    private static List<ReportRow> Read(ITabularReader reader, ColumnMap map, TimeZoneInfo zone, DateTimeOffset now, List<RejectedRow> rejected)
    {
        var rows = new List<ReportRow>();
        while (reader.Read())
        {
            var line = reader.LineNumber;
            if (RejectedRow.FromRowError(reader) is { } malformed)
            {
                rejected.Add(malformed);
                continue;
            }

            var reservation = DeviceUnits.NormalizeReservation(map.Get(reader, DeliveryReportColumns.Reservation));
            var document = CustomerDocuments.Normalize(map.Get(reader, DeliveryReportColumns.Document));
            var carrier = map.Get(reader, DeliveryReportColumns.State).Trim();
            if (reservation.Length == 0 && document.Length == 0)
            {
                rejected.Add(new RejectedRow(line, "Sin número de reserva ni documento.", DeliveryReportColumns.Reservation));
                continue;
            }

            if (reservation.Length > 40)
            {
                rejected.Add(new RejectedRow(line, "El número de reserva es demasiado largo (máx. 40).", DeliveryReportColumns.Reservation));
                continue;
            }

            if (carrier.Length == 0)
            {
                rejected.Add(new RejectedRow(line, "Sin estado de la entrega.", DeliveryReportColumns.State));
                continue;
            }

            if (DeliveryStates.Parse(carrier) is not { } state)
            {
                rejected.Add(new RejectedRow(line, $"Estado «{carrier}» no reconocido (p. ej. pendiente, en tránsito, entregado, devuelto, fallido).", DeliveryReportColumns.State));
                continue;
            }

            var dateText = map.Get(reader, DeliveryReportColumns.Date).Trim();
            var at = now;
            if (dateText.Length > 0)
            {
                if (ParseInstant(dateText, zone) is not { } parsed)
                {
                    rejected.Add(new RejectedRow(line, $"Fecha «{dateText}» no válida: use aaaa-MM-dd [HH:mm] o dd/MM/aaaa [HH:mm].", DeliveryReportColumns.Date));
                    continue;
                }

                if (parsed > now.AddMinutes(5))
                {
                    rejected.Add(new RejectedRow(line, $"La fecha «{dateText}» está en el futuro.", DeliveryReportColumns.Date));
                    continue;
                }

                at = parsed;
            }

            rows.Add(new ReportRow(
                line, reservation.Length == 0 ? null : reservation, document.Length == 0 ? null : document, state, Cut(carrier, 120)!, at, dateText.Length > 0,
                Cut(DeviceUnits.Clean(map.Get(reader, DeliveryReportColumns.Guide)), 80), Cut(DeviceUnits.Clean(map.Get(reader, DeliveryReportColumns.Note)), 400)));
        }

        return rows;
    }

    /// <summary>ISO-8601 with offset, or a local date/time of the client's zone.</summary>
    internal static DateTimeOffset? ParseInstant(string text, TimeZoneInfo zone)
    {
        if ((text.EndsWith('Z') || text.LastIndexOfAny(['+', '-']) > 10)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset))
        {
            return withOffset.ToUniversalTime();
        }

        if (!DateTime.TryParseExact(text, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return null;
        }

        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    private async Task<Result<DeliveryImportSummary>> ApplyAsync(
        AppDbContext db, Guid operationId, Guid clientId, string fileName, string sha, DateTimeOffset started, List<ReportRow> rows, List<RejectedRow> rejected, long total, CancellationToken ct)
    {
        // Reserved devices of the operation (those worked by it: front without back office, or its back office).
        var reserved = await db.DeviceFulfilments
            .Where(f => f.WorkOperationId == operationId && f.ReservationNumber != null)
            .ToListAsync(ct);
        var byNumber = reserved.ToDictionary(f => f.ReservationNumber!, StringComparer.Ordinal);
        var byDocument = reserved.Where(f => f.CustomerDocument != null).GroupBy(f => f.CustomerDocument!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);

        var matched = new List<(ReportRow Row, DeviceFulfilment F)>();
        var unmatched = new List<UnmatchedDeliveryRow>();
        foreach (var row in rows)
        {
            if (row.Reservation is not null && byNumber.TryGetValue(row.Reservation, out var f))
            {
                matched.Add((row, f));
                continue;
            }

            if (row.Document is not null && byDocument.TryGetValue(row.Document, out var candidates))
            {
                var open = candidates.Where(c => c.DeliveryState != DeliveryState.Delivered).ToList();
                var pick = candidates.Count == 1 ? candidates : open;
                if (pick.Count == 1)
                {
                    matched.Add((row, pick[0]));
                    continue;
                }

                if (pick.Count > 1)
                {
                    rejected.Add(new RejectedRow(row.Line, $"El documento {row.Document} tiene {pick.Count} reservas abiertas: indique el número de reserva.", DeliveryReportColumns.Document));
                    continue;
                }
            }

            unmatched.Add(new UnmatchedDeliveryRow(row.Line, row.Reservation, row.Document));
        }

        var saleIds = matched.Select(m => m.F.SaleId).Distinct().ToList();
        var sales = new Dictionary<Guid, Sale>();
        var events = new Dictionary<Guid, List<DeliveryEvent>>();
        foreach (var chunk in saleIds.Chunk(500))
        {
            foreach (var sale in await db.Sales.Where(s => chunk.Contains(s.Id)).ToListAsync(ct))
            {
                sales[sale.Id] = sale;
            }

            foreach (var e in await db.DeliveryEvents.Where(e => chunk.Contains(e.SaleId)).ToListAsync(ct))
            {
                if (!events.TryGetValue(e.SaleId, out var list))
                {
                    events[e.SaleId] = list = [];
                }

                list.Add(e);
            }
        }

        var batch = new ImportBatch(clientId, operationId, DeliveryReportColumns.FileKind, Path.GetFileName(fileName), sha, scope.UserName, started);
        long updated = 0, unchanged = 0, delivered = 0;
        var touched = new HashSet<Guid>();
        foreach (var (row, f) in matched.OrderBy(m => m.Row.At).ThenBy(m => m.Row.Line))
        {
            var sale = sales[f.SaleId];
            if (!events.TryGetValue(f.SaleId, out var list))
            {
                events[f.SaleId] = list = [];
            }

            var wasDelivered = sale.State == SaleState.Delivered;
            var applied = DeliveryUpdates.Apply(db, sale, f, list, row.State, row.CarrierState, row.At, DeliverySource.Import, batch.Id, row.Guide, row.Note, scope, row.DateGiven, started);
            if (!applied.IsSuccess)
            {
                // The sale left the flow (e.g. cancelled): its history still records the state, nothing else moves.
                rejected.Add(new RejectedRow(row.Line, applied.Error!.Message, DeliveryReportColumns.State));
                continue;
            }

            if (applied.Value)
            {
                updated++;
                touched.Add(sale.Id);
                if (!wasDelivered && sale.State == SaleState.Delivered)
                {
                    delivered++;
                }
            }
            else
            {
                unchanged++;
            }
        }

        foreach (var id in touched)
        {
            sales[id].Touch();
        }

        batch.Finish(time.GetUtcNow(), ImportStatus.Committed, total, 0, updated, unchanged, 0, rejected.Count);
        db.ImportBatches.Add(batch);
        await db.SaveChangesAsync(ct);
        return new DeliveryImportSummary(
            batch.Id, total, updated, unchanged, unmatched.Count, rejected.Count, delivered,
            rejected.OrderBy(r => r.Line).Take(MaxListed).ToList(), unmatched.Take(MaxListed).ToList());
    }

    private static string? Cut(string? value, int max) => value is { Length: var l } && l > max ? value[..max] : value;
}
