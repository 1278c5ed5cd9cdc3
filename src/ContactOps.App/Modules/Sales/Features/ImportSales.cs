using System.Globalization;
using ContactOps.Modules.Customers.Contracts;
using ContactOps.Platform.Audit;
using ContactOps.Platform.Auth;
using ContactOps.Platform.Data;
using ContactOps.Platform.Files;
using ContactOps.Platform.Imports;
using ContactOps.Platform.Results;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Sales.Features;

/// <summary>An existing sales sheet (a team moving from spreadsheets) to load into an operation.</summary>
public sealed record ImportSalesRequest(string OperationCode, Stream File, string FileName, string? MappingName = null, string? SheetName = null);

/// <summary>
/// Loads a sales sheet from CSV/XLSX: one row = one sale with one product. Every row is validated (document of a
/// customer of the client, sale type, product, quantity, values, date, state); ALL OR NOTHING: when any row is
/// rejected nothing is created and the answer lists every rejected row with its line and reason. A row whose key
/// (account or line + product + sale date) is already on the operation's sheet, or repeats an earlier row of the
/// file, is a duplicate and is not created again (so a sheet can be loaded twice safely).
/// </summary>
public sealed class ImportSales(AppDbContext db, AccessScope scope, AuditLog audit, TimeProvider time, ILogger<ImportSales> logger)
{
    public async Task<Result<ImportSummary>> HandleAsync(ImportSalesRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.OperationCode))
        {
            return Error.Invalid("operation", "import.operation_required");
        }

        var code = request.OperationCode.Trim();
        var operation = await db.Operations.AsNoTracking().FirstOrDefaultAsync(o => o.Code == code, ct);
        if (operation is null)
        {
            return Error.NotFound("operation.not_found#2", code);
        }

        if (!scope.SeesAll && !(scope.RoleIn(operation.Id) is { } role && Roles.CanImport(role)))
        {
            return Error.Forbidden("import.forbidden#2");
        }

        var client = await db.Clients.AsNoTracking().FirstAsync(c => c.Id == operation.ClientId, ct);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(client.TimeZoneId);
        var mapping = await ColumnMappings.FindAsync(db, operation.Id, SalesSheetColumns.FileKind, request.MappingName, ct);
        if (request.MappingName is not null && mapping is null)
        {
            return Error.Invalid("mapping", "import.mapping_not_found", request.MappingName);
        }

        await using var buffered = new MemoryStream();
        await request.File.CopyToAsync(buffered, ct);
        buffered.Position = 0;
        var sha = await ImportFiles.Sha256Async(buffered, ct);
        var opened = TabularFile.OpenForImport(buffered, request.FileName, new TabularReadOptions { SheetName = request.SheetName });
        if (!opened.IsSuccess)
        {
            return opened.Error!;
        }

        var rows = new List<SheetRow>();
        var rejected = new List<RejectedRow>();
        long read = 0;
        using (var reader = opened.Value!)
        {
            var map = ColumnRecognizer.Recognize(reader.Headers, SalesSheetColumns.Aliases, mapping, SalesSheetColumns.MultiValued);
            var missing = map.MissingFields([SalesSheetColumns.Document, SalesSheetColumns.SaleType, SalesSheetColumns.Product, SalesSheetColumns.SaleDate]);
            if (missing.Count > 0)
            {
                return Error.Invalid("file", "import.missing_columns", string.Join(", ", missing));
            }

            while (reader.Read())
            {
                read++;
                var (row, rejection) = SheetRow.Parse(reader, map, zone);
                if (rejection is not null)
                {
                    rejected.Add(rejection);
                }
                else
                {
                    rows.Add(row!);
                }
            }
        }

        // Customers by document within the client.
        var customers = await CustomerDocuments.FindAsync(db, client.Id, rows.Select(r => r.Document), ct);
        foreach (var row in rows)
        {
            if (!customers.TryGetValue(CustomerDocuments.Normalize(row.Document), out var ids))
            {
                rejected.Add(new RejectedRow(row.Line, $"No existe un cliente con documento «{row.Document}» en {client.Name}.", SalesSheetColumns.Document));
            }
            else if (ids.Count > 1)
            {
                rejected.Add(new RejectedRow(row.Line, $"Hay {ids.Count} clientes con documento «{row.Document}» (de distinto tipo): no se puede saber de cuál es la venta.", SalesSheetColumns.Document));
            }
            else
            {
                row.CustomerId = ids[0];
            }
        }

        var started = time.GetUtcNow();
        var batch = new ImportBatch(client.Id, operation.Id, SalesSheetColumns.FileKind, Path.GetFileName(request.FileName), sha, scope.UserName, started);
        if (rejected.Count > 0)
        {
            rejected.Sort((a, b) => a.Line.CompareTo(b.Line));
            logger.LogInformation("Sales import of {File} into {Operation} refused: {Rejected} rejected rows of {Rows}", batch.FileName, operation.Code, rejected.Count, read);
            return new ImportSummary(batch.Id, read, 0, 0, 0, 0, rejected.Count, rejected.Take(RejectionCollector.KeepInMemory).ToList());
        }

        // Duplicates: already on the sheet, or earlier in the file.
        var existing = await ExistingKeysAsync(operation.Id, zone, rows, ct);
        var logins = rows.Select(r => r.Seller).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var users = logins.Count == 0
            ? new Dictionary<string, Guid>(StringComparer.OrdinalIgnoreCase)
            : (await db.Users.AsNoTracking().Where(u => logins.Contains(u.UserName!)).Select(u => new { u.Id, u.UserName }).ToListAsync(ct))
                .ToDictionary(u => u.UserName!, u => u.Id, StringComparer.OrdinalIgnoreCase);
        long created = 0, duplicates = 0;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            foreach (var row in rows)
            {
                if (!existing.Add(row.Key))
                {
                    duplicates++;
                    continue;
                }

                var sale = new Sale(client.Id, operation.Id, row.CustomerId, row.Kind, row.SoldAt, client.Currency, SaleOrigin.Import)
                {
                    SellerLogin = row.Seller,
                    SellerUserId = row.Seller is { } login && users.TryGetValue(login, out var userId) ? userId : null,
                    CallId = row.CallId,
                    Extension = row.Extension,
                    AccountNumber = row.Account,
                    LineNumber = row.LineNumber,
                };
                sale.RouteToBackOffice(operation.SalesBackOfficeOperationId);
                sale.AddProduct(row.Product, row.Product, row.Quantity, row.Monthly / row.Quantity, row.OneOff / row.Quantity, needsTechnicianVisit: false);
                if (row.State != SaleState.Registered)
                {
                    sale.MoveTo(row.State, row.SoldAt, row.State is SaleState.Rejected or SaleState.Cancelled or SaleState.NotInstalled ? "Importada de la hoja de ventas" : null);
                }

                db.Sales.Add(sale);
                created++;
                if (created % 1000 == 0)
                {
                    db.ChangeTracker.DetectChanges();
                    await db.SaveChangesAsync(ct);
                    db.ChangeTracker.Clear();
                }
            }

            batch.Finish(time.GetUtcNow(), ImportStatus.Committed, read, created, 0, 0, duplicates, 0);
            db.ImportBatches.Add(batch);
            db.AuditEntries.Add(audit.Entry(client.Id, operation.Id, nameof(ImportBatch), batch.Id.ToString(), AuditAction.Imported, new
            {
                kind = SalesSheetColumns.FileKind,
                file = batch.FileName,
                sha256 = sha,
                rows = read,
                created,
                duplicates,
            }));
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        finally
        {
            db.ChangeTracker.Clear();
            db.ChangeTracker.AutoDetectChangesEnabled = true;
        }

        logger.LogInformation("Sales import {BatchId} of {File} into {Operation}: {Rows} rows, {Created} created, {Duplicates} duplicates", batch.Id, batch.FileName, operation.Code, read, created, duplicates);
        return new ImportSummary(batch.Id, read, created, 0, 0, duplicates, 0, []);
    }

    private async Task<HashSet<string>> ExistingKeysAsync(Guid operationId, TimeZoneInfo zone, List<SheetRow> rows, CancellationToken ct)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        if (rows.Count == 0)
        {
            return keys;
        }

        var from = rows.Min(r => r.SoldAt).AddDays(-1);
        var to = rows.Max(r => r.SoldAt).AddDays(1);
        var existing = await (from s in db.Sales.AsNoTracking()
                              join p in db.SaleProducts.AsNoTracking() on s.Id equals p.SaleId
                              where s.OperationId == operationId && s.SoldAt >= @from && s.SoldAt <= to
                              select new { s.AccountNumber, s.LineNumber, p.TariffCode, s.SoldAt })
            .ToListAsync(ct);
        foreach (var e in existing)
        {
            keys.Add(SheetRow.KeyOf(string.IsNullOrWhiteSpace(e.AccountNumber) ? e.LineNumber : e.AccountNumber, e.TariffCode, DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(e.SoldAt, zone).DateTime)));
        }

        return keys;
    }

    /// <summary>A validated row of the sheet.</summary>
    private sealed class SheetRow
    {
        public long Line { get; private init; }

        public string Document { get; private init; } = "";

        public Guid CustomerId { get; set; }

        public SaleKind Kind { get; private init; }

        public string Product { get; private init; } = "";

        public int Quantity { get; private init; }

        public decimal Monthly { get; private init; }

        public decimal OneOff { get; private init; }

        public DateTimeOffset SoldAt { get; private init; }

        public string? Seller { get; private init; }

        public string? CallId { get; private init; }

        public string? Extension { get; private init; }

        public string? Account { get; private init; }

        public string? LineNumber { get; private init; }

        public SaleState State { get; private init; }

        public string Key { get; private init; } = "";

        public static string KeyOf(string? number, string product, DateOnly date)
        {
            Span<char> buffer = stackalloc char[ReconciliationKey.MaxLength];
            var n = ReconciliationKey.Default.Write(buffer, number, product, date, default, default);
            return buffer[..n].ToString();
        }

        public static (SheetRow? Row, RejectedRow? Rejection) Parse(ITabularReader reader, ColumnMap map, TimeZoneInfo zone)
        {
            var line = reader.LineNumber;
            if (RejectedRow.FromRowError(reader) is { } malformed)
            {
                return (null, malformed);
            }

            string Get(string field) => map.Get(reader, field).Trim();
            string? Optional(string field, int max, out bool tooLong)
            {
                var value = Get(field);
                tooLong = value.Length > max;
                return value.Length == 0 ? null : value;
            }

            (SheetRow?, RejectedRow?) Reject(string field, string reason) => (null, new RejectedRow(line, reason, field));

            var document = Get(SalesSheetColumns.Document);
            if (CustomerDocuments.Normalize(document).Length == 0)
            {
                return Reject(SalesSheetColumns.Document, "Falta el documento del cliente.");
            }

            var kindText = Get(SalesSheetColumns.SaleType);
            if (SalesSheetColumns.ParseKind(kindText) is not { } kind)
            {
                return Reject(SalesSheetColumns.SaleType, $"Tipo de venta «{kindText}» no reconocido (hogar nuevo servicio, hogar empaquetado, hogar upgrade, hogar adicional, movil linea nueva, movil migracion, movil portabilidad, equipo a credito).");
            }

            var product = Get(SalesSheetColumns.Product);
            if (product.Length is 0 or > 40)
            {
                return Reject(SalesSheetColumns.Product, product.Length == 0 ? "Falta el código de producto (tarifa)." : "El código de producto supera 40 caracteres.");
            }

            var quantity = 1;
            var quantityText = Get(SalesSheetColumns.Quantity);
            if (quantityText.Length > 0 && (!int.TryParse(quantityText, NumberStyles.Integer, CultureInfo.InvariantCulture, out quantity) || quantity is <= 0 or > 1000))
            {
                return Reject(SalesSheetColumns.Quantity, $"Cantidad «{quantityText}» no válida (entero de 1 a 1000).");
            }

            decimal monthly = 0, oneOff = 0;
            var monthlyText = Get(SalesSheetColumns.MonthlyValue);
            if (monthlyText.Length > 0 && (!SalesSheetColumns.TryParseMoney(monthlyText, out monthly) || monthly < 0))
            {
                return Reject(SalesSheetColumns.MonthlyValue, $"Valor mensual «{monthlyText}» no válido.");
            }

            var oneOffText = Get(SalesSheetColumns.OneOffValue);
            if (oneOffText.Length > 0 && (!SalesSheetColumns.TryParseMoney(oneOffText, out oneOff) || oneOff < 0))
            {
                return Reject(SalesSheetColumns.OneOffValue, $"Valor único «{oneOffText}» no válido.");
            }

            var dateText = Get(SalesSheetColumns.SaleDate);
            if (!SalesSheetColumns.TryParseDate(dateText, out var date))
            {
                return Reject(SalesSheetColumns.SaleDate, dateText.Length == 0 ? "Falta la fecha de venta." : $"Fecha de venta «{dateText}» no válida (use AAAA-MM-DD o DD/MM/AAAA).");
            }

            var stateText = Get(SalesSheetColumns.State);
            var state = SaleState.Registered;
            if (stateText.Length > 0)
            {
                if (SalesSheetColumns.ParseState(stateText, out _) is not { } parsed)
                {
                    return Reject(SalesSheetColumns.State, $"Estado «{stateText}» no reconocido (registrada, en validacion, validada, agendada, reservada, enviada, instalada, entregada, legalizada, rechazada, cancelada, no instalada).");
                }

                state = parsed;
            }

            var seller = Optional(SalesSheetColumns.Seller, 60, out var long1);
            var callId = Optional(SalesSheetColumns.CallId, 80, out var long2);
            var extension = Optional(SalesSheetColumns.Extension, 20, out var long3);
            var account = Optional(SalesSheetColumns.Account, 40, out var long4);
            var lineNumber = Optional(SalesSheetColumns.Line, 20, out var long5);
            if (long1 || long2 || long3 || long4 || long5)
            {
                return Reject(SalesSheetColumns.Account, "Un campo supera su longitud máxima (asesor 60, id_llamada 80, extensión 20, cuenta 40, línea 20).");
            }

            var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
            var soldAt = new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
            return (new SheetRow
            {
                Line = line,
                Document = document,
                Kind = kind,
                Product = product,
                Quantity = quantity,
                Monthly = monthly,
                OneOff = oneOff,
                SoldAt = soldAt,
                Seller = seller,
                CallId = callId,
                Extension = extension,
                Account = account,
                LineNumber = lineNumber,
                State = state,
                Key = KeyOf(account ?? lineNumber, product, date),
            }, null);
        }
    }
}
