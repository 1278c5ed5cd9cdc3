using System.Data.Common;
using System.Globalization;
using ContactOps.Platform.Auth;
using ContactOps.Platform.Data;
using ContactOps.Platform.Files;
using ContactOps.Platform.Imports;
using ContactOps.Platform.Results;
using ContactOps.Platform.Storage;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace ContactOps.Modules.Sales.Features;

/// <summary>The carrier's sales sheet to reconcile with an operation's sales.</summary>
/// <param name="OperationCode">Code of the operation.</param>
/// <param name="File">The carrier's file, at its start (copied to a temporary file when not seekable).</param>
/// <param name="FileName">Its name (the extension decides CSV or XLSX).</param>
/// <param name="MappingName">Saved column mapping (file kind <c>carrier-sales</c>); null → the operation's saved one if any, else header recognition.</param>
/// <param name="Key">Key parts (<c>cuenta_o_linea,producto,fecha_venta</c> by default; also <c>id_llamada</c>).</param>
public sealed record ReconcileSalesRequest(string OperationCode, Stream File, string FileName, string? MappingName = null, string? Key = null, string? SheetName = null);

/// <summary>The outcome of a run: the cut persisted and its counts.</summary>
public sealed record ReconcileSalesResult(Guid CutId, ReconciliationCounts Counts, DateOnly? PeriodFrom, DateOnly? PeriodTo);

/// <summary>
/// Reconciles the carrier's sales sheet with the operation's sales: reads the whole sheet into a
/// <see cref="ReconciliationMatcher"/> (rejecting the file, with line numbers, when a row is unusable), streams our sales
/// of the sheet's days (one row per product) from the database through it, and persists the run as a
/// <see cref="ReconciliationCut"/> with its <see cref="ReconciliationItem"/>s (bulk-written) in one transaction.
/// </summary>
public sealed class ReconcileSales(AppDbContext db, AccessScope scope, TimeProvider time, ILogger<ReconcileSales> logger)
{
    private const int MaxRejectionsShown = 50;

    public async Task<Result<ReconcileSalesResult>> HandleAsync(ReconcileSalesRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.OperationCode))
        {
            return Error.Invalid("operation", "reconcile.operation_required");
        }

        var key = ReconciliationKey.Parse(request.Key);
        if (!key.IsSuccess)
        {
            return key.Error!;
        }

        var code = request.OperationCode.Trim();
        var operation = await db.Operations.AsNoTracking().FirstOrDefaultAsync(o => o.Code == code, ct);
        if (operation is null)
        {
            return Error.NotFound("operation.not_found#2", code);
        }

        if (!CanReconcile(scope, operation.Id))
        {
            return Error.Forbidden("reconcile.forbidden");
        }

        var client = await db.Clients.AsNoTracking().FirstAsync(c => c.Id == operation.ClientId, ct);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(client.TimeZoneId);
        var mapping = await ColumnMappings.FindAsync(db, operation.Id, SalesSheetColumns.CarrierFileKind, request.MappingName, ct);
        if (request.MappingName is not null && mapping is null)
        {
            return Error.Invalid("mapping", "reconcile.mapping_not_found", request.MappingName);
        }

        string? tempCopy = null;
        var file = request.File;
        try
        {
            if (!file.CanSeek)
            {
                tempCopy = PrivateTempFile.NewPath("contactops-recon-");
                var copy = new FileStream(tempCopy, FileMode.Open, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
                await file.CopyToAsync(copy, ct);
                copy.Position = 0;
                file = copy;
            }

            var started = time.GetUtcNow();
            var sha = await ImportFiles.Sha256Async(file, ct);
            var opened = TabularFile.OpenForImport(file, request.FileName, new TabularReadOptions { SheetName = request.SheetName });
            if (!opened.IsSuccess)
            {
                return opened.Error!;
            }

            var clock = time.GetTimestamp();
            ReconciliationMatcher matcher;
            DateOnly? from, to;
            using (var reader = opened.Value!)
            {
                var map = ColumnRecognizer.Recognize(reader.Headers, SalesSheetColumns.Aliases, mapping, SalesSheetColumns.MultiValued);
                var missing = MissingColumns(map, key.Value!);
                if (missing is not null)
                {
                    return missing;
                }

                var length = file.CanSeek ? file.Length : 0;
                var read = ReadCarrier(reader, map, key.Value!, (int)Math.Clamp(length / 60, 1024, 4_000_000));
                if (!read.IsSuccess)
                {
                    return read.Error!;
                }

                (matcher, from, to) = read.Value;
            }

            var carrierRead = time.GetElapsedTime(clock);
            await StreamOursAsync(matcher, operation.Id, zone, key.Value!, from, to, ct);
            var oursRead = time.GetElapsedTime(clock) - carrierRead;
            var counts = matcher.Counts();
            var cutDate = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(started, zone).DateTime);
            var cut = new ReconciliationCut(client.Id, operation.Id, cutDate, Path.GetFileName(request.FileName), sha, key.Value!.ToString(), scope.UserName, started);
            cut.Finish(counts, from, to, time.GetUtcNow());
            await PersistAsync(cut, matcher, ct);
            logger.LogInformation(
                "Reconciliation {CutId} timings: carrier file {CarrierRead}, our sales {OursRead}, counting and writing the cut {Persist}",
                cut.Id, carrierRead, oursRead, time.GetElapsedTime(clock) - carrierRead - oursRead);
            logger.LogInformation(
                "Reconciliation {CutId} of {Operation} with {File}: ours {Ours}, carrier {Carrier}, matched {Matched}, missing {Missing}, carrier only {CarrierOnly}, mismatched {Mismatched}",
                cut.Id, operation.Code, cut.FileName, counts.Ours, counts.Carrier, counts.Matched, counts.MissingAtCarrier, counts.CarrierOnly, counts.Mismatched);
            return new ReconcileSalesResult(cut.Id, counts, from, to);
        }
        finally
        {
            if (tempCopy is not null)
            {
                await file.DisposeAsync();
            }
        }
    }

    internal static bool CanReconcile(AccessScope scope, Guid operationId) =>
        scope.SeesAll || (scope.RoleIn(operationId) is { } role && (Roles.CanImport(role) || role == Role.BackOffice));

    private static Error? MissingColumns(ColumnMap map, ReconciliationKey key)
    {
        var missing = new List<string>();
        if (key.Has(KeyPart.AccountOrLine) && !map.Has(SalesSheetColumns.Account) && !map.Has(SalesSheetColumns.Line))
        {
            missing.Add("cuenta o linea");
        }

        if (key.Has(KeyPart.Product) && !map.Has(SalesSheetColumns.Product))
        {
            missing.Add("producto (codigo_tarifa)");
        }

        if (key.Has(KeyPart.SaleDate) && !map.Has(SalesSheetColumns.SaleDate))
        {
            missing.Add("fecha_venta");
        }

        if (key.Has(KeyPart.CallId) && !map.Has(SalesSheetColumns.CallId))
        {
            missing.Add("id_llamada");
        }

        return missing.Count == 0
            ? null
            : Error.Invalid("file", "reconcile.missing_columns", string.Join(", ", missing));
    }

    private static Result<(ReconciliationMatcher Matcher, DateOnly? From, DateOnly? To)> ReadCarrier(ITabularReader reader, ColumnMap map, ReconciliationKey key, int expectedRows)
    {
        var matcher = new ReconciliationMatcher(expectedRows);
        int account = map.IndexOf(SalesSheetColumns.Account), line = map.IndexOf(SalesSheetColumns.Line), product = map.IndexOf(SalesSheetColumns.Product),
            date = map.IndexOf(SalesSheetColumns.SaleDate), callId = map.IndexOf(SalesSheetColumns.CallId), monthly = map.IndexOf(SalesSheetColumns.MonthlyValue),
            oneOff = map.IndexOf(SalesSheetColumns.OneOffValue), quantity = map.IndexOf(SalesSheetColumns.Quantity), state = map.IndexOf(SalesSheetColumns.State);
        var rejections = new Dictionary<string, string[]>(StringComparer.Ordinal);
        long rejected = 0;
        DateOnly? from = null, to = null;
        Span<char> buffer = stackalloc char[ReconciliationKey.MaxLength];

        void Reject(long at, string reason)
        {
            rejected++;
            if (rejections.Count < MaxRejectionsShown)
            {
                rejections["linea " + at.ToString(CultureInfo.InvariantCulture)] = [reason];
            }
        }

        while (reader.Read())
        {
            var at = reader.LineNumber;
            if (reader.RowError is { } rowError)
            {
                Reject(at, rowError);
                continue;
            }

            var number = account >= 0 ? reader.GetSpan(account).Trim() : default;
            if (number.IsEmpty && line >= 0)
            {
                number = reader.GetSpan(line).Trim();
            }

            if (key.Has(KeyPart.AccountOrLine) && number.IsEmpty)
            {
                Reject(at, "Falta la cuenta o la línea.");
                continue;
            }

            var code = product >= 0 ? reader.GetSpan(product).Trim() : default;
            if (key.Has(KeyPart.Product) && code.IsEmpty)
            {
                Reject(at, "Falta el código de producto (tarifa).");
                continue;
            }

            DateOnly saleDate = default;
            if (date >= 0)
            {
                var dateText = reader.GetSpan(date);
                if (!SalesSheetColumns.TryParseDate(dateText, out saleDate))
                {
                    if (key.Has(KeyPart.SaleDate) || !dateText.Trim().IsEmpty)
                    {
                        Reject(at, $"Fecha de venta «{dateText.Trim().ToString()}» no válida (use AAAA-MM-DD o DD/MM/AAAA).");
                        continue;
                    }
                }
                else
                {
                    from = from is null || saleDate < from ? saleDate : from;
                    to = to is null || saleDate > to ? saleDate : to;
                }
            }

            var call = callId >= 0 ? reader.GetSpan(callId).Trim() : default;
            if (key.Has(KeyPart.CallId) && call.IsEmpty)
            {
                Reject(at, "Falta el id de la llamada.");
                continue;
            }

            var values = new SheetValues { State = -1 };
            if (!ReadMoney(reader, monthly, out values.MonthlyCents, out values.HasMonthly))
            {
                Reject(at, $"Valor mensual «{reader.GetField(monthly).Trim()}» no válido.");
                continue;
            }

            if (!ReadMoney(reader, oneOff, out values.OneOffCents, out values.HasOneOff))
            {
                Reject(at, $"Valor único «{reader.GetField(oneOff).Trim()}» no válido.");
                continue;
            }

            if (quantity >= 0 && reader.GetSpan(quantity).Trim() is { IsEmpty: false } q)
            {
                if (!int.TryParse(q, NumberStyles.Integer, CultureInfo.InvariantCulture, out values.Quantity) || values.Quantity <= 0)
                {
                    Reject(at, $"Cantidad «{q.ToString()}» no válida.");
                    continue;
                }

                values.HasQuantity = true;
            }

            if (state >= 0)
            {
                var parsed = SalesSheetColumns.ParseState(reader.GetSpan(state), out var empty);
                values.State = parsed is { } s ? (int)s : empty ? -1 : -2;
            }

            var written = key.Write(buffer, number, code, saleDate, default, call);
            matcher.AddCarrier(buffer[..written], at, values);
        }

        if (rejected > 0)
        {
            return Error.Validation("reconcile.bad_rows", rejected) with { Fields = rejections };
        }

        if (matcher.CarrierRows == 0)
        {
            return Error.Invalid("file", "reconcile.empty");
        }

        return (matcher, from, to);
    }

    private static bool ReadMoney(ITabularReader reader, int index, out long cents, out bool present)
    {
        cents = 0;
        present = false;
        if (index < 0)
        {
            return true;
        }

        var text = reader.GetSpan(index).Trim();
        if (text.IsEmpty)
        {
            return true;
        }

        if (!SalesSheetColumns.TryParseMoney(text, out var value))
        {
            return false;
        }

        cents = SheetValues.Cents(value);
        present = true;
        return true;
    }

    /// <summary>Our sales of the operation (one row per product) whose local sale date falls in the carrier sheet's days.</summary>
    private async Task StreamOursAsync(ReconciliationMatcher matcher, Guid operationId, TimeZoneInfo zone, ReconciliationKey key, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var sqlite = db.IsSqlite;
        var connection = db.Database.GetDbConnection();
        var close = connection.State != System.Data.ConnectionState.Open;
        if (close)
        {
            await db.Database.OpenConnectionAsync(ct);
        }

        try
        {
            if (sqlite)
            {
                // The read walks the (OperationId, SoldAt) index and looks up each sale and its products: with the 2 MB default
                // page cache every lookup goes back to the OS. A bigger cache and memory-mapped reads for this read only.
                await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -131072; PRAGMA mmap_size = 1073741824;", ct);
            }

            await using var command = connection.CreateCommand();
            command.CommandTimeout = 600;
            var sql = """
                SELECT s."Id", s."AccountNumber", s."LineNumber", p."TariffCode", s."SoldAt", p."Quantity", p."MonthlyValue", p."OneOffValue", s."State", s."CallId"
                FROM "Sales" s JOIN "SaleProducts" p ON p."SaleId" = s."Id"
                WHERE s."OperationId" = @op
                """;
            AddParameter(command, "@op", BulkWriter.IdValue(operationId, sqlite));
            if (from is { } first && to is { } last)
            {
                sql += """ AND s."SoldAt" >= @from AND s."SoldAt" < @to""";
                AddParameter(command, "@from", BulkWriter.InstantValue(LocalMidnight(first, zone), sqlite));
                AddParameter(command, "@to", BulkWriter.InstantValue(LocalMidnight(last.AddDays(1), zone), sqlite));
            }

            command.CommandText = sql;
            await using var reader = await command.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, ct);
            var states = Enum.GetValues<SaleState>().ToDictionary(s => s.ToString(), s => (int)s, StringComparer.Ordinal);
            var buffer = new char[ReconciliationKey.MaxLength];
            while (await reader.ReadAsync(ct))
            {
                var saleId = sqlite ? Guid.Parse(reader.GetString(0)) : reader.GetGuid(0);
                var accountNumber = reader.IsDBNull(1) ? null : reader.GetString(1);
                var lineNumber = reader.IsDBNull(2) ? null : reader.GetString(2);
                var tariff = reader.GetString(3);
                var soldAt = sqlite ? new DateTimeOffset(reader.GetInt64(4), TimeSpan.Zero) : new DateTimeOffset(reader.GetFieldValue<DateTime>(4), TimeSpan.Zero);
                var quantity = reader.GetInt32(5);
                var monthly = reader.GetDecimal(6);
                var oneOff = reader.GetDecimal(7);
                var state = states.GetValueOrDefault(reader.GetString(8), -2);
                var callId = reader.IsDBNull(9) ? null : reader.GetString(9);
                var values = new SheetValues
                {
                    MonthlyCents = SheetValues.Cents(monthly * quantity),
                    OneOffCents = SheetValues.Cents(oneOff * quantity),
                    Quantity = quantity,
                    State = state,
                };
                var localDate = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(soldAt, zone).DateTime);
                var number = string.IsNullOrWhiteSpace(accountNumber) ? lineNumber : accountNumber;
                var written = key.Write(buffer, number, tariff, localDate, default, callId);
                matcher.AddOurs(buffer.AsSpan(0, written), saleId, values);
            }
        }
        finally
        {
            if (sqlite)
            {
                try
                {
                    await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -2000; PRAGMA mmap_size = 0;", CancellationToken.None);
                }
                catch (DbException ex)
                {
                    logger.LogWarning(ex, "Could not restore the SQLite page cache after a reconciliation");
                }
            }

            if (close)
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    private static DateTimeOffset LocalMidnight(DateOnly date, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    /// <summary>The cut (EF) and its items (bulk: TEMP staging table, then one INSERT … SELECT) in one transaction.</summary>
    private async Task PersistAsync(ReconciliationCut cut, ReconciliationMatcher matcher, CancellationToken ct)
    {
        const string Stage = "stage_recon_items";
        var sqlite = db.IsSqlite;
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            db.ReconciliationCuts.Add(cut);
            await db.SaveChangesAsync(ct);
            if (sqlite)
            {
                await db.Database.ExecuteSqlRawAsync($"DROP TABLE IF EXISTS temp.{Stage}", ct);
            }

            StagingColumn[] columns =
            [
                new("id", StagingType.Id), new("category", StagingType.Text), new("key", StagingType.Text), new("sale_id", StagingType.Id),
                new("carrier_line", StagingType.Long), new("duplicate_key", StagingType.Bool), new("differences", StagingType.Text),
            ];
            await using (var writer = await BulkWriter.CreateAsync(db, Stage, columns, ct))
            {
                foreach (var item in matcher.Items())
                {
                    writer.StartRow();
                    writer.Write(Platform.Ids.New());
                    writer.Write(item.Category.ToString());
                    writer.Write(item.Key);
                    if (item.SaleId is { } saleId)
                    {
                        writer.Write(saleId);
                    }
                    else
                    {
                        writer.Write((string?)null);
                    }

                    if (item.CarrierLine is { } carrierLine)
                    {
                        writer.Write(carrierLine);
                    }
                    else
                    {
                        writer.Write((string?)null);
                    }

                    writer.Write(item.DuplicateKey);
                    writer.Write(item.Differences);
                    writer.EndRow();
                }

                await writer.CompleteAsync(ct);
            }

            var cutId = sqlite ? "'" + BulkWriter.UpperText(cut.Id) + "'" : "'" + cut.Id.ToString() + "'::uuid";
            var operationId = sqlite ? "'" + BulkWriter.UpperText(cut.OperationId) + "'" : "'" + cut.OperationId.ToString() + "'::uuid";
#pragma warning disable EF1002 // ids formatted by us, no user input
            await db.Database.ExecuteSqlRawAsync(
                $"""
                INSERT INTO "ReconciliationItems" ("Id", "CutId", "OperationId", "Category", "Key", "SaleId", "CarrierLine", "DuplicateKey", "Differences")
                SELECT id, {cutId}, {operationId}, category, key, sale_id, carrier_line, duplicate_key, differences FROM {Stage}
                """,
                ct);
#pragma warning restore EF1002
            if (sqlite)
            {
                await db.Database.ExecuteSqlRawAsync($"DROP TABLE IF EXISTS temp.{Stage}", ct);
            }

            await transaction.CommitAsync(ct);
        }
        finally
        {
            db.ChangeTracker.Clear();
            await db.Database.CloseConnectionAsync();
        }
    }
}
