using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using ContactOps.Modules.Organization;
using ContactOps.Platform;
using ContactOps.Platform.Audit;
using ContactOps.Platform.Data;
using ContactOps.Platform.Files;
using ContactOps.Platform.Imports;
using ContactOps.Platform.Results;
using ContactOps.Platform.Storage;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace ContactOps.Modules.Outbound.Features;

/// <summary>A lead base file received from the carrier, to load into an operation.</summary>
/// <param name="OperationCode">Code of the (outbound) operation.</param>
/// <param name="File">The received file, positioned at its start (copied to a temporary file when not seekable).</param>
/// <param name="FileName">Original name: .csv/.txt/.tsv/.xlsx, or .zip (possibly AES-encrypted) holding one of them.</param>
/// <param name="MappingName">Saved column mapping (file kind "leads"); null → the operation's saved one if any, else header recognition.</param>
/// <param name="BaseName">Name of the new base; null → the file name without extension.</param>
/// <param name="Password">Password of an encrypted ZIP.</param>
public sealed record ImportLeadsRequest(string OperationCode, Stream File, string FileName, string? MappingName = null, string? BaseName = null, string? Password = null);

/// <summary>What a lead import did, with the counting rules of the issue (rows = accepted + rejected + duplicates).</summary>
public sealed record LeadImportSummary(
    Guid BaseId,
    string BaseName,
    long Rows,
    long Accepted,
    long Rejected,
    long Duplicates,
    long Excluded,
    IReadOnlyList<RejectedRow> RejectedRows);

/// <summary>
/// Loads a lead base (PROCEDURES §3 step 1). Streams the file once to infer the carrier columns' kinds (only when it has
/// any) and once to load: rows are validated in memory, documents deduplicated against a preloaded set of the
/// operation's open-base documents and the ones already read, phones checked against the operation's do-not-call list
/// and the country's current exclusion registry (both loaded once), and accepted leads written once: on PostgreSQL by binary COPY
/// straight into the leads and then their phones (<see cref="LeadDirectCopy"/>); on SQLite through a TEMP table then
/// inserted set-based. One transaction: a failure leaves no base and no lead. The received file
/// is kept encrypted (<see cref="LeadFileVault"/>).
/// </summary>
public sealed class ImportLeads(AppDbContext db, AccessScope scope, AuditLog audit, LeadFileVault vault, ImportRejects rejects, ZipLimits zipLimits, TimeProvider time, ManageSegments segments, ILogger<ImportLeads> logger)
{
    private const string Stage = "stage_leads";
    private const int ProgressEvery = 4096;

    public async Task<Result<LeadImportSummary>> HandleAsync(ImportLeadsRequest request, IProgress<ImportProgress>? progress = null, CancellationToken ct = default)
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

        if (!LeadAccess.CanManageBases(scope, operation.Id))
        {
            return Error.Forbidden("leads.forbidden#4");
        }

        if (operation.Kind != OperationKind.Outbound)
        {
            return Error.Invalid("operation", "leads.not_outbound", operation.Code);
        }

        var baseName = (string.IsNullOrWhiteSpace(request.BaseName) ? Path.GetFileNameWithoutExtension(request.FileName) : request.BaseName).Trim();
        if (baseName.Length is 0 or > 120)
        {
            return Error.Invalid("base", "leads.base_name_invalid");
        }

        if (await db.LeadBases.AnyAsync(b => b.OperationId == operation.Id && b.Name == baseName, ct))
        {
            return Error.Conflict("leads.base_name_taken", baseName);
        }

        var client = await db.Clients.AsNoTracking().FirstAsync(c => c.Id == operation.ClientId, ct);
        var mapping = await ColumnMappings.FindAsync(db, operation.Id, LeadFileColumns.FileKind, request.MappingName, ct);
        if (request.MappingName is not null && mapping is null)
        {
            return Error.Invalid("mapping", "import.mapping_not_found", request.MappingName);
        }

        FileStream? tempCopy = null;
        var file = request.File;
        try
        {
            if (!file.CanSeek)
            {
                tempCopy = PrivateTempFile.Create("contactops-upload-");
                await file.CopyToAsync(tempCopy, ct);
                tempCopy.Position = 0;
                file = tempCopy;
            }

            var sha = await ImportFiles.Sha256Async(file, ct);
            var intake = await LeadFileIntake.OpenAsync(file, request.FileName, request.Password, zipLimits, ct);
            if (!intake.IsSuccess)
            {
                return intake.Error!;
            }

            await using var table = intake.Value!;
            var start = table.Table.Position;
            ColumnMap map;
            IReadOnlyList<LeadAttributeColumn> attributes = [];
            var opened = TabularFile.OpenForImport(table.Table, table.TableName);
            if (!opened.IsSuccess)
            {
                return opened.Error!;
            }

            using (var first = opened.Value!)
            {
                map = ColumnRecognizer.Recognize(first.Headers, LeadFileColumns.Aliases, mapping, LeadFileColumns.MultiValued);
                var missing = new List<string>();
                if (!map.Has(LeadFileColumns.Document))
                {
                    missing.Add("documento (documento, cédula, identificación, NIT o CI)");
                }

                if (!map.Has(LeadFileColumns.Phones))
                {
                    missing.Add("teléfono (telefono, telefono2, celular, móvil, fijo)");
                }

                if (missing.Count > 0)
                {
                    return Error.Invalid("file", "leads.missing_columns", string.Join("; ", missing));
                }

                if (map.Attributes.Count > 0)
                {
                    attributes = LeadRowParser.InferAttributes(first, map);
                }
            }

            // The received file (as received: the ZIP when it came zipped) is kept encrypted before the table is read again.
            file.Position = 0;
            var stored = await vault.StoreAsync(file, ct);
            table.Table.Position = start;
            var again = TabularFile.OpenForImport(table.Table, table.TableName);
            if (!again.IsSuccess)
            {
                await vault.DeleteAsync(stored.Key, CancellationToken.None);
                return again.Error!;
            }

            using var reader = again.Value!;
            var estimate = (int)Math.Clamp(table.Table.Length / 64, 1024, 4_000_000);
            var imported = await ImportAsync(reader, new LeadRowParser(map, client.Country, operation.DefaultAreaCode, attributes), operation, client, baseName, request.FileName, stored.Key, estimate, sha, progress, ct);
            if (imported.IsSuccess && await db.Segments.AnyAsync(s => s.OperationId == operation.Id && s.IsActive, ct))
            {
                // The dialer takes leads from the segments: the new base's leads join theirs at once (no manual re-apply).
                var applied = await segments.ApplyAsync(operation.Code, ct);
                if (!applied.IsSuccess)
                {
                    logger.LogWarning("Base {Base} loaded but not segmented: {Error}", baseName, applied.Error!.Message);
                }
            }

            return imported;
        }
        finally
        {
            if (tempCopy is not null)
            {
                await tempCopy.DisposeAsync();
            }
        }
    }

    private async Task<Result<LeadImportSummary>> ImportAsync(
        ITabularReader reader,
        LeadRowParser parser,
        Operation operation,
        Client client,
        string baseName,
        string fileName,
        string storedKey,
        int estimate,
        string sha,
        IProgress<ImportProgress>? progress,
        CancellationToken ct)
    {
        var started = time.GetUtcNow();
        var sqlite = db.IsSqlite;
        var leadBase = new LeadBase(client.Id, operation.Id, baseName, Path.GetFileName(fileName), started, scope.UserId)
        {
            AttributeSchemaJson = LeadAttributeSchema.Write(parser.Attributes.Select(a => new LeadAttributeInfo(a.Key, a.Kind, string.IsNullOrWhiteSpace(a.Label) ? LeadAttributeSchema.Humanize(a.Key) : a.Label))),
        };
        string? rejectsKey = null;
        var rejections = new RejectionCollector();
        var committed = false;
        leadBase.StoredFileKey = storedKey;
        try
        {
            var lists = await ExclusionLists.LoadAsync(db, operation.Id, client.Country.ToString(), ct);
            var known = await KnownDocumentsAsync(operation.Id, estimate, ct);

            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
            await db.Database.OpenConnectionAsync(ct);
            if (sqlite)
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -65536; PRAGMA temp.cache_size = -32768;", ct);
            }

            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (sqlite)
            {
                await ExecAsync($"DROP TABLE IF EXISTS temp.{Stage}", null, ct);
            }
            else
            {
                await ExecAsync("SET LOCAL synchronous_commit = off; SET LOCAL work_mem = '64MB'", null, ct);
            }

            db.LeadBases.Add(leadBase);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException ex) when (ex.InnerException is Npgsql.PostgresException { SqlState: "23505" } or Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 19 })
            {
                // Two uploads of the same name at once: both passed the name check, the unique index lets one through.
                return Error.Conflict("leads.base_name_taken", baseName);
            }

            var slots = parser.PhoneSlots;
            var additions = new List<(Guid LeadId, string E164)>();
            long rows = 0, duplicates = 0, accepted = 0;
            var row = new LeadRow();
            var reasons = new string?[slots];
            var writer = sqlite ? await BulkWriter.CreateAsync(db, Stage, StageColumns(slots), ct) : null;
            var direct = sqlite ? null : await LeadDirectCopy.StartAsync((NpgsqlConnection)db.Database.GetDbConnection(), client.Id, operation.Id, leadBase.Id, ct);
            try
            {
                while (reader.Read())
                {
                    rows++;
                    if (rows % ProgressEvery == 0)
                    {
                        ct.ThrowIfCancellationRequested();
                        progress?.Report(new ImportProgress(rows, reader.Progress, ImportStage.Reading));
                    }

                    var rejection = parser.Parse(reader, row);
                    if (rejection is not null)
                    {
                        rejections.Add(rejection);
                        continue;
                    }

                    if (known.TryGet(row.DocumentType, row.Document, out var target))
                    {
                        duplicates++;
                        foreach (var phone in row.Phones)
                        {
                            additions.Add((target, phone));
                        }

                        continue;
                    }

                    var id = Ids.New();
                    known.Add(row.DocumentType, row.Document, id);
                    accepted++;
                    var excluded = true;
                    for (var i = 0; i < row.Phones.Count; i++)
                    {
                        reasons[i] = lists.ReasonFor(row.Phones[i]);
                        excluded &= reasons[i] is not null;
                    }

                    if (direct is not null)
                    {
                        direct.Write(id, row, excluded, reasons);
                        continue;
                    }

                    writer!.StartRow();
                    writer.Write(id);
                    writer.Write(row.Line);
                    writer.Write(row.DocumentType);
                    writer.Write(row.Document);
                    writer.Write(row.FullName);
                    writer.Write(row.AttributesJson);
                    writer.Write(row.TimeZoneId);
                    writer.Write(excluded);
                    for (var i = 0; i < slots; i++)
                    {
                        var has = i < row.Phones.Count;
                        writer.Write(has ? row.Phones[i] : null);
                        writer.Write(has ? Ids.New() : Guid.Empty);
                        writer.Write(has ? reasons[i] : null);
                    }

                    writer.EndRow();
                }

                progress?.Report(new ImportProgress(rows, 1, ImportStage.Merging));
                if (direct is not null)
                {
                    await direct.CompleteAsync(Ids.New, ct);
                }
                else
                {
                    await writer!.CompleteAsync(ct);
                    await InsertStagedAsync(leadBase.Id, client.Id, operation.Id, slots, ct);
                }
            }
            finally
            {
                if (writer is not null)
                {
                    await writer.DisposeAsync();
                }

                if (direct is not null)
                {
                    await direct.DisposeAsync();
                }
            }

            await AddPhonesToEarlierLeadsAsync(additions, client.Id, operation.Id, lists, ct);
            var excludedCount = await db.Leads.LongCountAsync(l => l.BaseId == leadBase.Id && l.IsExcluded, ct);

            leadBase.Rows = checked((int)rows);
            leadBase.Accepted = checked((int)accepted);
            leadBase.Rejected = checked((int)rejections.Count);
            leadBase.Duplicates = checked((int)duplicates);
            leadBase.Excluded = checked((int)excludedCount);
            db.AuditEntries.Add(audit.Entry(client.Id, operation.Id, nameof(LeadBase), leadBase.Id.ToString(), AuditAction.Imported, new
            {
                kind = LeadFileColumns.FileKind,
                file = leadBase.FileName,
                sha256 = sha,
                rows,
                accepted,
                rejected = rejections.Count,
                duplicates,
                excluded = excludedCount,
            }));
            rejectsKey = await rejects.KeepAsync(rejections, leadBase.Id, LeadFileColumns.FileKind, client.Id, operation.Id, ct);
            await db.SaveChangesAsync(ct);
            if (sqlite)
            {
                await ExecAsync($"DROP TABLE IF EXISTS temp.{Stage}", null, ct);
            }

            await transaction.CommitAsync(ct);
            committed = true;
            progress?.Report(new ImportProgress(rows, 1, ImportStage.Done));
            logger.LogInformation(
                "Lead base {Base} of {File} into {Operation}: {Rows} rows, {Accepted} accepted, {Rejected} rejected, {Duplicates} duplicates, {Excluded} excluded in {Elapsed}",
                baseName, leadBase.FileName, operation.Code, rows, accepted, rejections.Count, duplicates, excludedCount, time.GetUtcNow() - started);
            return new LeadImportSummary(leadBase.Id, baseName, rows, accepted, rejections.Count, duplicates, excludedCount, rejections.First.ToList());
        }
        finally
        {
            db.ChangeTracker.Clear();
            rejections.Dispose();
            if (!committed)
            {
                await rejects.ForgetAsync(rejectsKey);
                await vault.DeleteAsync(storedKey, CancellationToken.None);
            }

            if (sqlite)
            {
                try
                {
                    await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -2000; PRAGMA temp.cache_size = -2000;", CancellationToken.None);
                }
                catch (DbException ex)
                {
                    logger.LogWarning(ex, "Could not restore the SQLite page cache size after a lead import");
                }
            }

            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Documents that are already leads of an open base of the operation (their first lead wins).</summary>
    private async Task<DocumentIndex> KnownDocumentsAsync(Guid operationId, int capacity, CancellationToken ct)
    {
        var index = new DocumentIndex(capacity);
        var query = from l in db.Leads.AsNoTracking()
                    join b in db.LeadBases on l.BaseId equals b.Id
                    where b.OperationId == operationId && l.OperationId == operationId && b.Status == LeadBaseStatus.Open
                    orderby b.ReceivedAt, l.SourceLine
                    select new { l.DocumentType, l.Document, l.Id };
        await foreach (var lead in query.AsAsyncEnumerable().WithCancellation(ct))
        {
            index.TryAdd(lead.DocumentType, lead.Document, lead.Id);
        }

        return index;
    }

    private static List<StagingColumn> StageColumns(int slots)
    {
        var columns = new List<StagingColumn>
        {
            new("id", StagingType.Id),
            new("line", StagingType.Long),
            new("doc_type", StagingType.Text),
            new("doc", StagingType.Text),
            new("name", StagingType.Text),
            new("attrs", StagingType.Text),
            new("tz", StagingType.Text),
            new("excluded", StagingType.Bool),
        };
        for (var i = 0; i < slots; i++)
        {
            columns.Add(new(Slot(i), StagingType.Text));
            columns.Add(new(Slot(i) + "_id", StagingType.Id));
            columns.Add(new(Slot(i) + "_reason", StagingType.Text));
        }

        return columns;
    }

    private static string Slot(int i) => "phone" + i.ToString(CultureInfo.InvariantCulture);

    private async Task InsertStagedAsync(Guid baseId, Guid clientId, Guid operationId, int slots, CancellationToken ct)
    {
        var sqlite = db.IsSqlite;
        var p = new Dictionary<string, object>
        {
            ["@base"] = BulkWriter.IdValue(baseId, sqlite),
            ["@client"] = BulkWriter.IdValue(clientId, sqlite),
            ["@op"] = BulkWriter.IdValue(operationId, sqlite),
        };
        await ExecAsync(
            $"""
            INSERT INTO "Leads" ("Id", "ClientId", "OperationId", "BaseId", "DocumentType", "Document", "FullName", "SourceLine", "AttributesJson", "TimeZoneId", "IsExcluded", "Attempts", "AttemptsToday", "IsFinal")
            SELECT s.id, @client, @op, @base, s.doc_type, s.doc, s.name, s.line, s.attrs, s.tz, s.excluded, 0, 0, FALSE
            FROM {Stage} AS s
            """,
            p, ct);
        for (var i = 0; i < slots; i++)
        {
            var slot = Slot(i);
            await ExecAsync(
                $"""
                INSERT INTO "LeadPhones" ("Id", "ClientId", "OperationId", "LeadId", "E164", "Position", "IsUnusable", "ExclusionReason")
                SELECT s.{slot}_id, @client, @op, s.id, s.{slot}, {i.ToString(CultureInfo.InvariantCulture)}, FALSE, s.{slot}_reason
                FROM {Stage} AS s WHERE s.{slot} IS NOT NULL
                """,
                p, ct);
        }
    }

    /// <summary>
    /// Duplicate rows bring phones to the lead of the first occurrence (of this file or of an open base): the ones it
    /// does not have yet are added after its others; a new callable phone makes an excluded lead callable again.
    /// </summary>
    private async Task AddPhonesToEarlierLeadsAsync(List<(Guid LeadId, string E164)> additions, Guid clientId, Guid operationId, ExclusionLists lists, CancellationToken ct)
    {
        foreach (var chunk in additions.Select(a => a.LeadId).Distinct().Chunk(500))
        {
            var ids = chunk.ToList();
            var existing = await db.LeadPhones.AsNoTracking().Where(p => ids.Contains(p.LeadId)).Select(p => new { p.LeadId, p.E164, p.Position }).ToListAsync(ct);
            var phones = existing.GroupBy(p => p.LeadId).ToDictionary(g => g.Key, g => (Set: g.Select(p => p.E164).ToHashSet(StringComparer.Ordinal), Next: g.Max(p => p.Position) + 1));
            var wanted = ids.ToHashSet();
            var callableAgain = new List<Guid>();
            foreach (var (leadId, e164) in additions)
            {
                if (!wanted.Contains(leadId))
                {
                    continue;
                }

                var current = phones.TryGetValue(leadId, out var found) ? found : (Set: new HashSet<string>(StringComparer.Ordinal), Next: 0);
                if (!current.Set.Add(e164))
                {
                    continue;
                }

                var reason = lists.ReasonFor(e164);
                db.LeadPhones.Add(new LeadPhone(clientId, operationId, leadId, e164, current.Next) { ExclusionReason = reason });
                phones[leadId] = (current.Set, current.Next + 1);
                if (reason is null)
                {
                    callableAgain.Add(leadId);
                }
            }

            await db.SaveChangesAsync(ct);
            if (callableAgain.Count > 0)
            {
                await db.Leads.Where(l => callableAgain.Contains(l.Id) && l.IsExcluded).ExecuteUpdateAsync(s => s.SetProperty(l => l.IsExcluded, false), ct);
            }

            foreach (var added in db.ChangeTracker.Entries<LeadPhone>().ToList())
            {
                added.State = EntityState.Detached;
            }
        }
    }

    private async Task ExecAsync(string sql, Dictionary<string, object>? parameters, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        command.CommandTimeout = 1800;
        command.CommandText = sql;
        foreach (var (name, value) in parameters ?? [])
        {
            if (sql.Contains(name, StringComparison.Ordinal))
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = value;
                command.Parameters.Add(parameter);
            }
        }

        var watch = time.GetTimestamp();
        var affected = await command.ExecuteNonQueryAsync(ct);
        logger.LogDebug("Lead import step {Step}… {Rows} rows in {Elapsed}", sql.AsSpan(0, Math.Min(60, sql.Length)).ToString().ReplaceLineEndings(" ").Trim(), affected, time.GetElapsedTime(watch));
    }
}
