using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Threading.Channels;
using ContactOps.Platform;
using ContactOps.Platform.Audit;
using ContactOps.Platform.Auth;
using ContactOps.Platform.Data;
using ContactOps.Platform.Files;
using ContactOps.Platform.Imports;
using ContactOps.Platform.Results;
using ContactOps.Platform.Storage;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace ContactOps.Modules.Customers.Features;

/// <summary>A customers file to load into an operation's client.</summary>
/// <param name="OperationCode">Code of the operation (the customers belong to its client).</param>
/// <param name="File">The file's content, positioned at its start (copied to a temporary file when not seekable).</param>
/// <param name="FileName">Original file name (its extension decides CSV or XLSX).</param>
/// <param name="MappingName">Saved column mapping to use; null → the operation's saved mapping if any, else header recognition.</param>
/// <param name="SheetName">XLSX sheet; null → the first one.</param>
public sealed record ImportCustomersRequest(string OperationCode, Stream File, string FileName, string? MappingName = null, string? SheetName = null);

/// <summary>
/// Loads customers from CSV/XLSX: streams and validates rows, stages the accepted ones in a TEMP table (binary COPY on
/// PostgreSQL, prepared INSERTs on SQLite) and merges them with set-based SQL, all in one transaction (all or nothing).
/// </summary>
public sealed class ImportCustomers(AppDbContext db, AccessScope scope, AuditLog audit, ImportRejects rejects, TimeProvider time, ILogger<ImportCustomers> logger)
{
    private const string Stage = "stage_customers";
    private const int ProgressEvery = 4096;

    public async Task<Result<ImportSummary>> HandleAsync(ImportCustomersRequest request, IProgress<ImportProgress>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.OperationCode))
        {
            return Error.Invalid("operation", "import.operation_required");
        }

        var operation = await db.Operations.AsNoTracking().FirstOrDefaultAsync(o => o.Code == request.OperationCode.Trim(), ct);
        if (operation is null)
        {
            return Error.NotFound("operation.not_found#2", request.OperationCode.Trim());
        }

        if (!scope.SeesAll && !(scope.RoleIn(operation.Id) is { } role && Roles.CanImport(role)))
        {
            return Error.Forbidden("import.forbidden#2");
        }

        var client = await db.Clients.AsNoTracking().FirstAsync(c => c.Id == operation.ClientId, ct);

        IReadOnlyDictionary<string, string>? mapping = await ColumnMappings.FindAsync(db, operation.Id, CustomerFileColumns.FileKind, request.MappingName, ct);
        if (request.MappingName is not null && mapping is null)
        {
            return Error.Invalid("mapping", "import.mapping_not_found", request.MappingName);
        }

        string? tempCopy = null;
        var file = request.File;
        try
        {
            if (!file.CanSeek)
            {
                tempCopy = PrivateTempFile.NewPath("contactops-upload-");
                var copy = new FileStream(tempCopy, FileMode.Open, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
                await file.CopyToAsync(copy, ct);
                copy.Position = 0;
                file = copy;
            }

            var sha = await ImportFiles.Sha256Async(file, ct);
            var opened = TabularFile.OpenForImport(file, request.FileName, new TabularReadOptions { SheetName = request.SheetName });
            if (!opened.IsSuccess)
            {
                return opened.Error!;
            }

            using var reader = opened.Value!;
            var map = ColumnRecognizer.Recognize(reader.Headers, CustomerFileColumns.Aliases, mapping, CustomerFileColumns.MultiValued);
            if (!map.Has(CustomerFileColumns.Document))
            {
                return Error.Invalid("file", "import.no_document_column");
            }

            return await ImportAsync(reader, map, operation, client, request.FileName, sha, progress, ct);
        }
        finally
        {
            if (tempCopy is not null)
            {
                await file.DisposeAsync();
            }
        }
    }

    private async Task<Result<ImportSummary>> ImportAsync(
        ITabularReader reader,
        ColumnMap map,
        Organization.Operation operation,
        Organization.Client client,
        string fileName,
        string sha,
        IProgress<ImportProgress>? progress,
        CancellationToken ct)
    {
        var started = time.GetUtcNow();
        var batch = new ImportBatch(client.Id, operation.Id, CustomerFileColumns.FileKind, Path.GetFileName(fileName), sha, scope.UserName, started);
        var parser = new CustomerRowParser(map, client.Country, operation.DefaultAreaCode);
        var phoneSlots = parser.MaxPhones;
        var sqlite = db.IsSqlite;
        string? rejectsKey = null;
        var committed = false;
        var rejections = new RejectionCollector();
        try
        {
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
            await db.Database.OpenConnectionAsync(ct);
            if (sqlite)
            {
                // A bigger page cache for the length of the import: index inserts of a million rows otherwise thrash the 2 MB default.
                await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -65536; PRAGMA temp.cache_size = -32768;", ct);
            }

            else
            {
                await TryBiggerTempBuffersAsync(ct);
            }

            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (sqlite)
            {
                await ExecAsync($"DROP TABLE IF EXISTS temp.{Stage}", null, ct);
            }
            else
            {
                // For this transaction only: no wait for the WAL flush at commit (the commit stays atomic; a crash right
                // after it may lose the import, never half of it), and memory for sorts/hashes and the staging indexes.
                await ExecAsync("SET LOCAL synchronous_commit = off; SET LOCAL work_mem = '64MB'; SET LOCAL maintenance_work_mem = '256MB'", null, ct);
            }

            long rows;
            await using (var writer = await BulkWriter.CreateAsync(db, Stage, StageColumns(phoneSlots), ct, ExtraColumns(sqlite)))
            {
                rows = await StagePipelinedAsync(reader, parser, rejections, writer, phoneSlots, progress, ct);
                await writer.CompleteAsync(ct);
            }

            progress?.Report(new ImportProgress(rows, 1, ImportStage.Merging));
            var counts = await MergeAsync(client.Id, phoneSlots, ct);
            var finished = time.GetUtcNow();
            batch.Finish(finished, ImportStatus.Committed, rows, counts.Created, counts.Updated, counts.Unchanged, counts.Duplicates, rejections.Count);
            db.ImportBatches.Add(batch);
            db.AuditEntries.Add(audit.Entry(client.Id, operation.Id, nameof(ImportBatch), batch.Id.ToString(), AuditAction.Imported, new
            {
                kind = CustomerFileColumns.FileKind,
                file = batch.FileName,
                sha256 = sha,
                rows,
                created = counts.Created,
                updated = counts.Updated,
                unchanged = counts.Unchanged,
                duplicates = counts.Duplicates,
                rejected = rejections.Count,
            }));
            rejectsKey = await rejects.KeepAsync(rejections, batch.Id, CustomerFileColumns.FileKind, client.Id, operation.Id, ct);
            await db.SaveChangesAsync(ct);
            if (sqlite)
            {
                await ExecAsync($"DROP TABLE IF EXISTS temp.{Stage}", null, ct);
            }

            var committing = time.GetTimestamp();
            await transaction.CommitAsync(ct);
            committed = true;
            logger.LogDebug("Import commit in {Elapsed}", time.GetElapsedTime(committing));
            progress?.Report(new ImportProgress(rows, 1, ImportStage.Done));
            logger.LogInformation(
                "Customers import {BatchId} of {File} into {Operation}: {Rows} rows, {Created} created, {Updated} updated, {Unchanged} unchanged, {Duplicates} duplicates, {Rejected} rejected in {Elapsed}",
                batch.Id, batch.FileName, operation.Code, rows, counts.Created, counts.Updated, counts.Unchanged, counts.Duplicates, rejections.Count, finished - started);
            return new ImportSummary(batch.Id, rows, counts.Created, counts.Updated, counts.Unchanged, counts.Duplicates, rejections.Count, rejections.First.ToList());
        }
        finally
        {
            db.ChangeTracker.Clear();
            rejections.Dispose();
            if (!committed)
            {
                await rejects.ForgetAsync(rejectsKey);
            }

            if (sqlite)
            {
                try
                {
                    await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -2000; PRAGMA temp.cache_size = -2000;", CancellationToken.None);
                }
                catch (DbException ex)
                {
                    logger.LogWarning(ex, "Could not restore the SQLite page cache size after an import");
                }
            }

            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// PostgreSQL keeps TEMP tables in per-session buffers (8 MB by default): the staged file (hundreds of MB) then goes
    /// through temp files on every merge pass. The setting can only change before the session touches a TEMP table, so
    /// it is tried outside the transaction and a refusal is harmless (the import just runs with the default).
    /// </summary>
    private async Task TryBiggerTempBuffersAsync(CancellationToken ct)
    {
        try
        {
            await db.Database.ExecuteSqlRawAsync("SET temp_buffers = '256MB'", ct);
        }
        catch (DbException ex)
        {
            logger.LogDebug(ex, "temp_buffers left as it is for this import");
        }
    }

    /// <summary>A batch of parsed rows handed from the reading thread to the staging one (batches are recycled).</summary>
    private sealed class RowBatch
    {
        public const int Size = 256;

        public CustomerRow[] Rows { get; } = Enumerable.Range(0, Size).Select(_ => new CustomerRow()).ToArray();

        public int Count { get; set; }

        public long RowsRead { get; set; }

        public double Fraction { get; set; }
    }

    /// <summary>
    /// Reads and validates on a worker thread while this one stages: a bounded channel of recycled row batches between
    /// them (the machine's two cores both work; memory stays bounded). Rejections are collected by the reading thread;
    /// progress is reported from this (the caller's) thread. Answers the number of rows read.
    /// </summary>
    private async Task<long> StagePipelinedAsync(
        ITabularReader reader,
        CustomerRowParser parser,
        RejectionCollector rejections,
        BulkWriter writer,
        int phoneSlots,
        IProgress<ImportProgress>? progress,
        CancellationToken ct)
    {
        const int InFlight = 4;
        var full = Channel.CreateBounded<RowBatch>(new BoundedChannelOptions(InFlight) { SingleReader = true, SingleWriter = true });
        var free = Channel.CreateUnbounded<RowBatch>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        for (var i = 0; i < InFlight + 2; i++)
        {
            free.Writer.TryWrite(new RowBatch());
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        long readerBlocked = 0, writing = 0;
        var started = time.GetTimestamp();
        var producer = Task.Run(
            async () =>
            {
                try
                {
                    long rows = 0;
                    var batch = await free.Reader.ReadAsync(stop.Token);
                    batch.Count = 0;
                    while (reader.Read())
                    {
                        rows++;
                        var (row, rejection) = parser.Parse(reader, batch.Rows[batch.Count]);
                        if (rejection is not null)
                        {
                            rejections.Add(rejection);
                        }
                        else if (row is not null)
                        {
                            batch.Count++;
                        }

                        if (batch.Count == RowBatch.Size || rows % ProgressEvery == 0)
                        {
                            batch.RowsRead = rows;
                            batch.Fraction = reader.Progress;
                            if (!full.Writer.TryWrite(batch))
                            {
                                var blocked = time.GetTimestamp();
                                await full.Writer.WriteAsync(batch, stop.Token);
                                readerBlocked += time.GetTimestamp() - blocked;
                            }

                            batch = await free.Reader.ReadAsync(stop.Token);
                            batch.Count = 0;
                        }
                    }

                    batch.RowsRead = rows;
                    batch.Fraction = 1;
                    await full.Writer.WriteAsync(batch, stop.Token);
                    full.Writer.Complete();
                    return rows;
                }
                catch (Exception ex)
                {
                    full.Writer.TryComplete(ex);
                    throw;
                }
            },
            stop.Token);

        try
        {
            long reported = 0;
            await foreach (var batch in full.Reader.ReadAllAsync(stop.Token))
            {
                var writeStarted = time.GetTimestamp();
                for (var i = 0; i < batch.Count; i++)
                {
                    WriteRow(writer, batch.Rows[i], phoneSlots);
                }

                writing += time.GetTimestamp() - writeStarted;

                if (batch.RowsRead / ProgressEvery != reported / ProgressEvery)
                {
                    stop.Token.ThrowIfCancellationRequested();
                    progress?.Report(new ImportProgress(batch.RowsRead, batch.Fraction, ImportStage.Reading));
                }

                reported = batch.RowsRead;
                free.Writer.TryWrite(batch);
            }

            ct.ThrowIfCancellationRequested();
            var read = await producer;
            if (logger.IsEnabled(LogLevel.Debug))
            {
                logger.LogDebug(
                    "Import staging in {Elapsed}: the reading thread waited {Blocked} for the writer, the writer wrote for {Writing}",
                    time.GetElapsedTime(started), TimeSpan.FromSeconds(readerBlocked / (double)time.TimestampFrequency), TimeSpan.FromSeconds(writing / (double)time.TimestampFrequency));
            }

            return read;
        }
        finally
        {
            // On failure of either side, stop the other and wait for it (the reader must not outlive the import).
            // Its exception, if any, has already surfaced through the channel.
            await stop.CancelAsync();
            await ((Task)producer).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private static List<StagingColumn> StageColumns(int phoneSlots)
    {
        var columns = new List<StagingColumn>
        {
            new("line", StagingType.Long),
            new("doc_type", StagingType.Text),
            new("doc_number", StagingType.Text),
            new("doc_complement", StagingType.Text),
            new("doc_department", StagingType.Text),
            new("first_names", StagingType.Text),
            new("last_names", StagingType.Text),
            new("search_name", StagingType.Text),
            new("name_tokens", StagingType.Text),
            new("email", StagingType.Text),
            new("attributes", StagingType.Text),
            new("address", StagingType.Text),
            new("city", StagingType.Text),
            new("addr_department", StagingType.Text),
            new("account", StagingType.Text),
            new("account_status", StagingType.Text),
            new("mobile_line", StagingType.Text),
            new("line_plan", StagingType.Text),
            new("new_id", StagingType.Id),
            new("address_id", StagingType.Id),
            new("account_id", StagingType.Id),
            new("line_id", StagingType.Id),
        };
        for (var i = 0; i < phoneSlots; i++)
        {
            columns.Add(new(PhoneColumn(i), StagingType.Text));
            columns.Add(new(PhoneColumn(i) + "_kind", StagingType.Text));
            columns.Add(new(PhoneColumn(i) + "_id", StagingType.Id));
        }

        return columns;
    }

    private static string ExtraColumns(bool sqlite) => sqlite
        ? "is_dup integer NOT NULL DEFAULT 0, customer_id text NULL, changed integer NOT NULL DEFAULT 0"
        : "is_dup boolean NOT NULL DEFAULT FALSE, customer_id uuid NULL, changed boolean NOT NULL DEFAULT FALSE";

    private static string PhoneColumn(int slot) => "phone" + slot.ToString(CultureInfo.InvariantCulture);

    private static void WriteRow(BulkWriter writer, CustomerRow row, int phoneSlots)
    {
        writer.StartRow();
        writer.Write(row.Line);
        writer.Write(row.Document.Type.ToString());
        writer.Write(row.Document.Number);
        writer.Write(row.Document.Complement);
        writer.Write(row.Document.Department);
        writer.Write(row.FirstNames);
        writer.Write(row.LastNames);
        writer.Write(row.SearchName);
        writer.Write(row.NameTokens);
        writer.Write(row.Email);
        writer.Write(row.Attributes);
        writer.Write(row.Address);
        writer.Write(row.City);
        writer.Write(row.AddressDepartment);
        writer.Write(row.Account);
        writer.Write(row.AccountStatus.ToString());
        writer.Write(row.MobileLine);
        writer.Write(row.MobileLine is null ? null : row.Plan.ToString());
        writer.Write(Ids.New());
        writer.Write(Ids.New());
        writer.Write(Ids.New());
        writer.Write(Ids.New());
        for (var i = 0; i < phoneSlots; i++)
        {
            if (i < row.Phones.Count)
            {
                writer.Write(row.Phones[i].E164);
                writer.Write(row.Phones[i].Kind.ToString());
                writer.Write(Ids.New());
            }
            else
            {
                writer.Write((string?)null);
                writer.Write((string?)null);
                writer.Write(Guid.Empty);
            }
        }

        writer.EndRow();
    }

    private sealed record MergeCounts(long Created, long Updated, long Unchanged, long Duplicates);

    /// <summary>Set-based merge of the staged rows into customers, phones, addresses, accounts and lines; counts in SQL.</summary>
    private async Task<MergeCounts> MergeAsync(Guid clientId, int phoneSlots, CancellationToken ct)
    {
        var sqlite = db.IsSqlite;
        var client = BulkWriter.IdValue(clientId, sqlite);
        var now = BulkWriter.InstantValue(time.GetUtcNow(), sqlite);
        var p = new Dictionary<string, object> { ["@client"] = client, ["@now"] = now };
        const string First = "NOT s.is_dup";
        const string IsNew = "s.customer_id IS NULL";
        const string CustomerId = "COALESCE(s.customer_id, s.new_id)";

        await ExecAsync($"CREATE INDEX {Stage}_doc ON {Stage} (doc_type, doc_number, line)", null, ct);
        // Partial: most rows name no account or line (NULLs need no entry; `e.account = s.account` implies NOT NULL).
        await ExecAsync($"CREATE INDEX {Stage}_account ON {Stage} (account, line) WHERE account IS NOT NULL", null, ct);
        await ExecAsync($"CREATE INDEX {Stage}_mobile ON {Stage} (mobile_line, line) WHERE mobile_line IS NOT NULL", null, ct);
        if (!sqlite)
        {
            await ExecAsync($"ANALYZE {Stage}", null, ct);
        }

        // Duplicates: a document that already appeared on an earlier line of the file (the first occurrence wins).
        await ExecAsync(
            $"UPDATE {Stage} SET is_dup = TRUE WHERE EXISTS (SELECT 1 FROM {Stage} e WHERE e.doc_type = {Stage}.doc_type AND e.doc_number = {Stage}.doc_number AND e.line < {Stage}.line)",
            null, ct);

        // Existing customers of the client.
        await ExecAsync(
            $"""UPDATE {Stage} AS s SET customer_id = c."Id" FROM "Customers" AS c WHERE c."ClientId" = @client AND c."DocumentType" = s.doc_type AND c."DocumentNumber" = s.doc_number AND {First}""",
            p, ct);

        // Which existing customers get something new (before anything is inserted).
        var newSomething = new StringBuilder();
        for (var i = 0; i < phoneSlots; i++)
        {
            var phone = PhoneColumn(i);
            newSomething.Append(CultureInfo.InvariantCulture, $"""(s.{phone} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "CustomerPhones" x WHERE x."CustomerId" = s.customer_id AND x."E164" = s.{phone})) OR """);
        }

        newSomething.Append("""(s.account IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "HomeAccounts" h WHERE h."ClientId" = @client AND h."AccountNumber" = s.account)) OR """);
        newSomething.Append("""(s.mobile_line IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "MobileLines" m WHERE m."ClientId" = @client AND m."Number" = s.mobile_line)) OR """);
        newSomething.Append("""(s.address IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "CustomerAddresses" a WHERE a."CustomerId" = s.customer_id AND a."Line" = s.address)) OR """);
        newSomething.Append(sqlite
            ? """(s.email IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "Customers" c, json_each(c."Emails") j WHERE c."Id" = s.customer_id AND j.value = s.email))"""
            : """(s.email IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "Customers" c WHERE c."Id" = s.customer_id AND s.email = ANY(c."Emails")))""");
        await ExecAsync($"UPDATE {Stage} AS s SET changed = TRUE WHERE {First} AND s.customer_id IS NOT NULL AND ({newSomething})", p, ct);

        var emails = sqlite
            ? "CASE WHEN s.email IS NULL THEN '[]' ELSE json_array(s.email) END"
            : "CASE WHEN s.email IS NULL THEN ARRAY[]::text[] ELSE ARRAY[s.email] END";
        await ExecAsync(
            $"""
            INSERT INTO "Customers" ("Id", "ClientId", "DocumentType", "DocumentNumber", "DocumentComplement", "DocumentDepartment",
                "FirstNames", "LastNames", "SearchName", "Emails", "Attributes", "CreatedAt", "UpdatedAt")
            SELECT s.new_id, @client, s.doc_type, s.doc_number, s.doc_complement, s.doc_department,
                s.first_names, s.last_names, s.search_name, {emails}, s.attributes, @now, @now
            FROM {Stage} AS s WHERE {First} AND {IsNew}
            """,
            p, ct);

        // The new customers' name words, for the search by name (existing customers keep their names).
        await ExecAsync(
            sqlite
                ? $"""INSERT INTO "CustomerNameTokens" ("CustomerId", "ClientId", "Token") SELECT s.new_id, @client, j.value FROM {Stage} AS s, json_each(s.name_tokens) AS j WHERE {First} AND {IsNew}"""
                : $"""INSERT INTO "CustomerNameTokens" ("CustomerId", "ClientId", "Token") SELECT s.new_id, @client, j.value FROM {Stage} AS s, json_array_elements_text(s.name_tokens::json) AS j(value) WHERE {First} AND {IsNew}""",
            p, ct);

        // E-mails of existing customers.
        await ExecAsync(
            sqlite
                ? $"""UPDATE "Customers" AS c SET "Emails" = json_insert(c."Emails", '$[#]', s.email) FROM {Stage} AS s WHERE s.customer_id = c."Id" AND {First} AND s.email IS NOT NULL AND NOT EXISTS (SELECT 1 FROM json_each(c."Emails") j WHERE j.value = s.email)"""
                : $"""UPDATE "Customers" AS c SET "Emails" = array_append(c."Emails", s.email) FROM {Stage} AS s WHERE s.customer_id = c."Id" AND {First} AND s.email IS NOT NULL AND NOT (s.email = ANY(c."Emails"))""",
            p, ct);

        for (var i = 0; i < phoneSlots; i++)
        {
            var phone = PhoneColumn(i);
            var primary = i == 0 ? $"({IsNew})" : "FALSE";
            await ExecAsync(
                $"""
                INSERT INTO "CustomerPhones" ("Id", "CustomerId", "ClientId", "E164", "Kind", "IsPrimary")
                SELECT s.{phone}_id, {CustomerId}, @client, s.{phone}, s.{phone}_kind, {primary}
                FROM {Stage} AS s
                WHERE {First} AND s.{phone} IS NOT NULL
                  AND ({IsNew} OR NOT EXISTS (SELECT 1 FROM "CustomerPhones" x WHERE x."CustomerId" = s.customer_id AND x."E164" = s.{phone}))
                """,
                p, ct);
        }

        await ExecAsync(
            $"""
            INSERT INTO "CustomerAddresses" ("Id", "CustomerId", "ClientId", "Line", "City", "Department")
            SELECT s.address_id, {CustomerId}, @client, s.address, s.city, s.addr_department
            FROM {Stage} AS s
            WHERE {First} AND s.address IS NOT NULL
              AND ({IsNew} OR NOT EXISTS (SELECT 1 FROM "CustomerAddresses" a WHERE a."CustomerId" = s.customer_id AND a."Line" = s.address))
            """,
            p, ct);

        // Accounts and lines: the first row naming each one; one already registered for the client is left as it is.
        await ExecAsync(
            $"""
            INSERT INTO "HomeAccounts" ("Id", "ClientId", "CustomerId", "AccountNumber", "Status", "InArrears", "FinalNotice", "PremiseId", "CreatedAt", "UpdatedAt")
            SELECT s.account_id, @client, {CustomerId}, s.account, s.account_status, FALSE, FALSE, NULL, @now, @now
            FROM {Stage} AS s
            WHERE {First} AND s.account IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM {Stage} e WHERE e.account = s.account AND e.line < s.line AND NOT e.is_dup)
              AND NOT EXISTS (SELECT 1 FROM "HomeAccounts" h WHERE h."ClientId" = @client AND h."AccountNumber" = s.account)
            """,
            p, ct);
        await ExecAsync(
            $"""
            INSERT INTO "MobileLines" ("Id", "ClientId", "CustomerId", "Number", "Plan", "Status", "CreatedAt", "UpdatedAt")
            SELECT s.line_id, @client, {CustomerId}, s.mobile_line, s.line_plan, 'Active', @now, @now
            FROM {Stage} AS s
            WHERE {First} AND s.mobile_line IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM {Stage} e WHERE e.mobile_line = s.mobile_line AND e.line < s.line AND NOT e.is_dup)
              AND NOT EXISTS (SELECT 1 FROM "MobileLines" m WHERE m."ClientId" = @client AND m."Number" = s.mobile_line)
            """,
            p, ct);

        await ExecAsync($"""UPDATE "Customers" SET "UpdatedAt" = @now WHERE "Id" IN (SELECT s.customer_id FROM {Stage} AS s WHERE s.changed)""", p, ct);

        // The name word statistics (the search's choice of driving word reads them): the words of the customers this
        // import created are recounted, not the whole client's (a ten-row file must not recount a million customers).
        await ExecAsync(
            CustomerNameWords.UpsertSql(sqlite
                ? $"""t."Token" IN (SELECT j.value FROM {Stage} AS s, json_each(s.name_tokens) AS j WHERE {First} AND {IsNew})"""
                : $"""t."Token" IN (SELECT j.value FROM {Stage} AS s, json_array_elements_text(s.name_tokens::json) AS j(value) WHERE {First} AND {IsNew})"""),
            p, ct);

        await using var count = db.Database.GetDbConnection().CreateCommand();
        count.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        count.CommandTimeout = 1800;
        count.CommandText = $"""
            SELECT
                COALESCE(SUM(CASE WHEN {First} AND {IsNew} THEN 1 ELSE 0 END), 0),
                COALESCE(SUM(CASE WHEN {First} AND NOT {IsNew} AND s.changed THEN 1 ELSE 0 END), 0),
                COALESCE(SUM(CASE WHEN {First} AND NOT {IsNew} AND NOT s.changed THEN 1 ELSE 0 END), 0),
                COALESCE(SUM(CASE WHEN s.is_dup THEN 1 ELSE 0 END), 0)
            FROM {Stage} AS s
            """;
        await using var result = await count.ExecuteReaderAsync(ct);
        await result.ReadAsync(ct);
        return new MergeCounts(
            Convert.ToInt64(result.GetValue(0), CultureInfo.InvariantCulture),
            Convert.ToInt64(result.GetValue(1), CultureInfo.InvariantCulture),
            Convert.ToInt64(result.GetValue(2), CultureInfo.InvariantCulture),
            Convert.ToInt64(result.GetValue(3), CultureInfo.InvariantCulture));
    }

    private async Task ExecAsync(string sql, Dictionary<string, object>? parameters, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        command.CommandTimeout = 1800;
        command.CommandText = sql;
        if (parameters is not null)
        {
            foreach (var (name, value) in parameters)
            {
                if (!sql.Contains(name, StringComparison.Ordinal))
                {
                    continue;
                }

                DbParameter parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = value;
                command.Parameters.Add(parameter);
            }
        }

        var started = time.GetTimestamp();
        var affected = await command.ExecuteNonQueryAsync(ct);
        if (logger.IsEnabled(LogLevel.Debug))
        {
            logger.LogDebug("Import step {Step}… affected {Rows} rows in {Elapsed}", sql.AsSpan(0, Math.Min(60, sql.Length)).ToString().ReplaceLineEndings(" ").Trim(), affected, time.GetElapsedTime(started));
        }
    }
}
