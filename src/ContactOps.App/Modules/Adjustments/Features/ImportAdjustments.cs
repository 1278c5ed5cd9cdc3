using System.Data.Common;
using System.Globalization;
using ContactOps.Modules.Organization;
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

namespace ContactOps.Modules.Adjustments.Features;

/// <summary>One carrier adjustments base to load into an Adjustments operation.</summary>
/// <param name="OperationCode">Code (or id) of the operation.</param>
/// <param name="File">The workbook (XLSX, or CSV with ; or , in UTF-8 or Windows-1252), at its start.</param>
/// <param name="FileName">Its name: the extension decides the format; a <c>yyyy-MM-dd</c> / <c>yyyyMMdd</c> in it is the cut-off when none is given.</param>
/// <param name="Cutoff">The cut-off date (client-local); null → from the file name.</param>
/// <param name="MappingName">Saved column mapping of file kind <c>adjustments</c>; null → header recognition.</param>
/// <param name="Progress">Reading progress (rows read, fraction of the file).</param>
public sealed record ImportAdjustmentsRequest(
    string? OperationCode, Stream File, string FileName, DateOnly? Cutoff = null, string? MappingName = null, IProgress<ImportProgress>? Progress = null);

/// <summary>
/// What the import did: rows (accepted + rejected), created (new adjustments), updated (the carrier's values changed or the
/// cut moved the adjustment's state), unchanged (same values, or a cut older than the adjustment's last one: history only),
/// rejected (with line and reason; the first <see cref="ImportAdjustments.MaxListed"/> are listed).
/// </summary>
public sealed record AdjustmentImportSummary(
    Guid CutId, DateOnly Cutoff, long Rows, long Created, long Updated, long Unchanged, long Rejected, IReadOnlyList<RejectedRow> RejectedRows);

/// <summary>
/// Imports the carrier's adjustments base (issue 6, "The adjustments base"). The whole file is validated first as a file
/// (readable, the required columns, a cut-off) — a bad file is refused and nothing is written; then it is streamed once:
/// each row is parsed (<see cref="AdjustmentFileColumns"/>), keyed with <see cref="Adjustment.KeyFor"/> (escalation
/// reference, else account + cause + filing date) and matched against the operation's keys (loaded once). A row with
/// errors, or a second row of the same key, is rejected with its line (header = line 1); the others load.
/// <para>
/// New adjustments are built in memory (<see cref="Adjustment.ApplyCut"/>, the same rule as every cut) and streamed into a
/// TEMP staging table (PostgreSQL binary COPY, SQLite prepared inserts: <see cref="BulkWriter"/>) together with the cut's
/// history rows; one INSERT … SELECT creates the adjustments, their <see cref="AdjustmentAction.Imported"/> step and the
/// <see cref="AdjustmentCutRecord"/>s (upsert on (adjustment, cut-off): re-loading a cut overwrites its history row).
/// Adjustments that already exist are read untracked in chunks and go through <see cref="Adjustment.ApplyCut"/> too (so
/// the cell's work is kept and only the waiting states move); the changed ones are written by one staged UPDATE guarded by
/// their version, with an Imported step when the cut moved the state. The bulk paths bypass the change tracker and the
/// audit interceptor on purpose: the import itself is audited once (<see cref="AuditAction.Imported"/>, with the summary
/// and the file's SHA-256), every created adjustment carries its Imported step and the cut's history rows keep every
/// value the carrier sent. Everything runs in one transaction: all or nothing.
/// </para>
/// </summary>
public sealed class ImportAdjustments(IDbContextFactory<AppDbContext> dbs, AccessScope scope, AuditLog audit, TimeProvider time, ILogger<ImportAdjustments> logger)
{
    public const int MaxListed = 200;
    private const string Stage = "stage_adjustments";
    private const string UpdateStage = "stage_adjustment_updates";
    private const int UpdateChunk = 5000;

    /// <summary>Who may load the base: back office, data marshall, supervisor and up, admin.</summary>
    public static readonly Role[] ImportRoles = [Role.BackOffice, Role.DataMarshall, Role.Supervisor, Role.Coordinator, Role.Manager, Role.Admin];

    public async Task<Result<AdjustmentImportSummary>> HandleAsync(ImportAdjustmentsRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.OperationCode))
        {
            return Error.Invalid("operation", "adjustments.operation_required");
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
            return Error.Forbidden("adjustments.import_forbidden");
        }

        if (operation.Kind != OperationKind.Adjustments)
        {
            return Error.Invalid("operation", "adjustments.not_adjustments", operation.Code);
        }

        var cutoff = request.Cutoff ?? AdjustmentFileColumns.CutoffFromFileName(request.FileName);
        if (cutoff is null)
        {
            return Error.Invalid("cutoff", "adjustments.cutoff_required", Path.GetFileName(request.FileName));
        }

        var mapping = await ColumnMappings.FindAsync(db, operation.Id, AdjustmentFileColumns.FileKind, request.MappingName, ct);
        if (request.MappingName is not null && mapping is null)
        {
            return Error.Invalid("mapping", "adjustments.mapping_not_found", request.MappingName);
        }

        var client = await db.Clients.AsNoTracking().FirstAsync(c => c.Id == operation.ClientId, ct);
        FileStream? tempCopy = null;
        var file = request.File;
        try
        {
            if (!file.CanSeek)
            {
                tempCopy = PrivateTempFile.Create("contactops-adjustments-");
                await file.CopyToAsync(tempCopy, ct);
                tempCopy.Position = 0;
                file = tempCopy;
            }

            var start = file.Position;
            var sha = await ImportFiles.Sha256Async(file, ct);
            file.Position = start;
            var opened = TabularFile.OpenForImport(file, request.FileName);
            if (!opened.IsSuccess)
            {
                return opened.Error!;
            }

            using var reader = opened.Value!;
            var map = ColumnRecognizer.Recognize(reader.Headers, AdjustmentFileColumns.Aliases, mapping);
            var missing = map.MissingFields(AdjustmentFileColumns.Required);
            if (missing.Count > 0)
            {
                return Error.Invalid("file", "adjustments.missing_columns", string.Join(", ", missing), reader.LineNumber);
            }

            var causes = new CauseIndex((await db.AdjustmentCauses.AsNoTracking().Where(c => c.OperationId == operation.Id && c.IsActive)
                .Select(c => new { c.Id, c.Letter, c.Name }).ToListAsync(ct)).Select(c => (c.Id, c.Letter, c.Name)));
            return await ImportAsync(db, reader, map, causes, operation, client, cutoff.Value, Path.GetFileName(request.FileName), sha, request.Progress, ct);
        }
        finally
        {
            if (tempCopy is not null)
            {
                await tempCopy.DisposeAsync();
            }
        }
    }

    /// <summary>What the database knows of an existing adjustment before the import.</summary>
    private readonly record struct Known(Guid Id, DateOnly LastCutoff);

    /// <summary>A row for an adjustment that already exists, applied after the bulk part.</summary>
    private sealed record ExistingRow(Guid Id, int Line, AdjustmentCutValues Values);

    private sealed class Refused(Error error) : Exception(error.Message)
    {
        public Error Error { get; } = error;
    }

    private async Task<Result<AdjustmentImportSummary>> ImportAsync(
        AppDbContext db, ITabularReader reader, ColumnMap map, CauseIndex causes, Operation operation, Client client, DateOnly cutoff,
        string fileName, string sha, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        var started = time.GetTimestamp();
        var now = time.GetUtcNow();
        var sqlite = db.IsSqlite;
        var known = new Dictionary<string, Known>(StringComparer.Ordinal);
        foreach (var k in await db.Adjustments.AsNoTracking().Where(a => a.OperationId == operation.Id).Select(a => new { a.Key, a.Id, a.LastCutoff }).ToListAsync(ct))
        {
            known[k.Key] = new Known(k.Id, k.LastCutoff);
        }

        var cut = new AdjustmentCut(client.Id, operation.Id, cutoff, fileName, now, scope.UserName);
        var rejected = new List<RejectedRow>();
        long rejectedCount = 0;
        void Reject(RejectedRow row)
        {
            rejectedCount++;
            if (rejected.Count < MaxListed)
            {
                rejected.Add(row);
            }
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var existing = new List<ExistingRow>();
        long rows = 0, created = 0, unchanged = 0, updated = 0;
        var committed = false;
        try
        {
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
            await db.Database.OpenConnectionAsync(ct);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (sqlite)
            {
                await ExecAsync(db, $"DROP TABLE IF EXISTS temp.{Stage}", null, ct);
            }
            else
            {
                await ExecAsync(db, "SET LOCAL synchronous_commit = off", null, ct);
            }

            var instant = sqlite ? StagingType.Long : StagingType.Text;
            StagingColumn[] columns =
            [
                new("id", StagingType.Id), new("is_new", StagingType.Bool), new("line", StagingType.Long), new("record_id", StagingType.Id), new("step_id", StagingType.Id),
                new("adj_key", StagingType.Text), new("account", StagingType.Text), new("escalation_ref", StagingType.Text), new("carrier_status", StagingType.Text),
                new("cause_id", StagingType.Id), new("cause_letter", StagingType.Text), new("approval", StagingType.Text), new("amount", StagingType.Text),
                new("filing_number", StagingType.Text), new("filing_date", StagingType.Text), new("agent_login", StagingType.Text), new("rejection_reason", StagingType.Text),
                new("state", StagingType.Text), new("resolution", StagingType.Text), new("state_changed_at", instant), new("rejected_cutoff", StagingType.Text),
                new("approved_cutoff", StagingType.Text), new("version", StagingType.Id),
            ];
            var accountIx = map.IndexOf(AdjustmentFileColumns.Account);
            var parser = new RowParser(map, causes, cutoff, client.Currency);
            await using (var writer = await BulkWriter.CreateAsync(db, Stage, columns, ct))
            {
                while (true)
                {
                    bool more;
                    try
                    {
                        more = reader.Read();
                    }
                    catch (Exception ex) when (ex is InvalidDataException or IOException or FormatException or InvalidOperationException)
                    {
                        throw new Refused(Error.Invalid("file", "adjustments.unreadable", reader.LineNumber, ex.Message));
                    }

                    if (!more)
                    {
                        break;
                    }

                    rows++;
                    if ((rows & 0xFFF) == 0)
                    {
                        ct.ThrowIfCancellationRequested();
                        progress?.Report(new ImportProgress(rows, reader.Progress, ImportStage.Reading));
                    }

                    var line = (int)reader.LineNumber;
                    if (RejectedRow.FromRowError(reader) is { } malformed)
                    {
                        Reject(malformed);
                        continue;
                    }

                    if (!parser.TryParse(reader, line, out var values, out var rejection))
                    {
                        Reject(rejection!);
                        continue;
                    }

                    var key = Adjustment.KeyFor(values.EscalationRef, values.Account, values.CauseLetter, values.FilingDate);
                    if (!seen.Add(key))
                    {
                        Reject(new RejectedRow(line, string.Format(CultureInfo.InvariantCulture, "Ajuste duplicado en el archivo (misma clave {0} que una fila anterior).", key), accountIx >= 0 ? AdjustmentFileColumns.Account : null));
                        continue;
                    }

                    if (known.TryGetValue(key, out var k))
                    {
                        WriteStage(writer, sqlite, k.Id, false, line, key, values, null);
                        if (cutoff < k.LastCutoff)
                        {
                            unchanged++; // an older cut only adds its history row
                        }
                        else
                        {
                            existing.Add(new ExistingRow(k.Id, line, values));
                        }

                        continue;
                    }

                    var adjustment = new Adjustment(client.Id, operation.Id, key, cutoff) { FilingDate = values.FilingDate };
                    adjustment.ApplyCut(values, now);
                    WriteStage(writer, sqlite, adjustment.Id, true, line, key, values, adjustment);
                    created++;
                }

                await writer.CompleteAsync(ct);
            }

            var total = created + existing.Count + unchanged;
            if (rows == 0)
            {
                throw new Refused(Error.Invalid("file", "adjustments.empty"));
            }

            if (total == 0)
            {
                var listed = rejected.Take(20).Select(r => string.Format(CultureInfo.InvariantCulture, "línea {0}: {1}", r.Line, r.Reason));
                throw new Refused(Error.Validation("adjustments.bad_file", rows, string.Join("; ", listed)) with
                {
                    Fields = rejected.Take(MaxListed).GroupBy(r => "linea " + r.Line.ToString(CultureInfo.InvariantCulture)).ToDictionary(g => g.Key, g => g.Select(r => r.Reason).ToArray(), StringComparer.Ordinal),
                });
            }

            var bulkSeconds = time.GetElapsedTime(started).TotalSeconds;
            progress?.Report(new ImportProgress(rows, 1, ImportStage.Merging));
            var mergeSplit = await MergeStageAsync(db, sqlite, client.Id, operation.Id, cut.Id, cutoff, now, fileName, ct);
            var mergeSeconds = time.GetElapsedTime(started).TotalSeconds;
            updated = await ApplyExistingAsync(db, sqlite, existing, now, fileName, ct);
            var updateSeconds = time.GetElapsedTime(started).TotalSeconds - mergeSeconds;
            unchanged += existing.Count - updated;

            cut.Rows = (int)rows;
            cut.Created = (int)created;
            cut.Updated = (int)updated;
            cut.Unchanged = (int)unchanged;
            cut.Rejected = (int)rejectedCount;
            db.AdjustmentCuts.Add(cut);
            db.AuditEntries.Add(audit.Entry(client.Id, operation.Id, "AdjustmentCut", cut.Id.ToString(), AuditAction.Imported, new
            {
                kind = AdjustmentFileColumns.FileKind,
                file = fileName,
                sha256 = sha,
                cutoff = cutoff.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                rows,
                created,
                updated,
                unchanged,
                rejected = rejectedCount,
            }));
            await db.SaveChangesAsync(ct);
            if (sqlite)
            {
                await ExecAsync(db, $"DROP TABLE IF EXISTS temp.{Stage}", null, ct);
            }

            await transaction.CommitAsync(ct);
            committed = true;
            progress?.Report(new ImportProgress(rows, 1, ImportStage.Done));
            logger.LogInformation(
                "Adjustments base {File} (cut {Cutoff:yyyy-MM-dd}) into {Operation}: {Rows} rows, {Created} created, {Updated} updated, {Unchanged} unchanged, {Rejected} rejected in {Elapsed:F1}s (read+stage {Bulk:F1}s, merge {Merge:F1}s: {Split}; later-cut updates {Updates:F1}s)",
                fileName, cutoff, operation.Code, rows, created, updated, unchanged, rejectedCount, time.GetElapsedTime(started).TotalSeconds, bulkSeconds, mergeSeconds - bulkSeconds, mergeSplit, updateSeconds);
            return new AdjustmentImportSummary(cut.Id, cutoff, rows, created, updated, unchanged, rejectedCount, rejected);
        }
        catch (Refused refused)
        {
            return refused.Error;
        }
        finally
        {
            db.ChangeTracker.Clear();
            if (!committed)
            {
                logger.LogDebug("Adjustments base {File} not loaded: rolled back", fileName);
            }

            await db.Database.CloseConnectionAsync();
        }
    }

    private static void WriteStage(BulkWriter w, bool sqlite, Guid id, bool isNew, int line, string key, AdjustmentCutValues v, Adjustment? a)
    {
        w.StartRow();
        w.Write(id);
        w.Write(isNew);
        w.Write(line);
        w.Write(Ids.New());
        w.Write(Ids.New());
        w.Write(key);
        w.Write(v.Account);
        w.Write(v.EscalationRef);
        w.Write(v.CarrierStatus);
        w.Write(v.CauseId!.Value);
        w.Write(v.CauseLetter);
        w.Write(v.Approval.ToString());
        w.Write(v.Amount is { } amount ? AmountText(amount, sqlite) : null);
        w.Write(v.FilingNumber);
        w.Write(DateText(v.FilingDate));
        w.Write(v.AgentLogin);
        w.Write(v.RejectionReason);
        w.Write((a?.State ?? AdjustmentState.ToVerify).ToString());
        w.Write((a?.Resolution ?? AdjustmentResolution.None).ToString());
        WriteInstant(w, a?.StateChangedAt, sqlite);

        w.Write(a?.RejectedCutoff is { } rc ? DateText(rc) : null);
        w.Write(a?.ApprovedCutoff is { } ac ? DateText(ac) : null);
        w.Write(a?.Version ?? Guid.Empty);
        w.EndRow();
    }

    private static string DateText(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>SQLite keeps decimals as text the way EF Core writes them; PostgreSQL casts the invariant text to numeric.</summary>
    private static string AmountText(decimal amount, bool sqlite) =>
        amount.ToString(sqlite ? "0.0###########################" : "0.############################", CultureInfo.InvariantCulture);

    /// <summary>Creates the new adjustments, their Imported step, and the cut's history rows (upsert) from the staging table.</summary>
    private async Task<string> MergeStageAsync(AppDbContext db, bool sqlite, Guid clientId, Guid operationId, Guid cutId, DateOnly cutoff, DateTimeOffset now, string fileName, CancellationToken ct)
    {
        string Cast(string expression, string type) => sqlite ? expression : $"CAST({expression} AS {type})";
        var parameters = new (string Name, object? Value)[]
        {
            ("@client", BulkWriter.IdValue(clientId, sqlite)),
            ("@op", BulkWriter.IdValue(operationId, sqlite)),
            ("@cut", BulkWriter.IdValue(cutId, sqlite)),
            ("@cutoff", sqlite ? DateText(cutoff) : cutoff),
            ("@now", BulkWriter.InstantValue(now, sqlite)),
            ("@user", scope.UserId is { } u ? BulkWriter.IdValue(u, sqlite) : DBNull.Value),
            ("@user_name", scope.UserName),
            ("@note", string.Format(CultureInfo.InvariantCulture, "Corte {0:yyyy-MM-dd} ({1})", cutoff, fileName)),
            ("@currency", ""),
        };
        var currency = await db.Clients.AsNoTracking().Where(c => c.Id == clientId).Select(c => c.Currency).FirstAsync(ct);
        parameters[^1] = ("@currency", currency);
        var emptyList = sqlite ? "'[]'" : "CAST('{}' AS text[])";
        var watch = time.GetTimestamp();
        await ExecAsync(db, $"""
            INSERT INTO "Adjustments" ("Id", "ClientId", "OperationId", "Key", "Account", "EscalationRef", "CarrierStatus", "CauseId", "CauseLetter", "Approval",
                "Amount", "Currency", "FilingNumber", "FilingDate", "AgentLogin", "RejectionReason", "FirstCutoff", "LastCutoff", "RejectedCutoff", "ApprovedCutoff",
                "Corrected", "State", "StateChangedAt", "Resolution", "EvidenceChecked", "ContactAttempts", "CreatedAt", "UpdatedAt", "Version")
            SELECT s.id, @client, @op, s.adj_key, s.account, s.escalation_ref, s.carrier_status, s.cause_id, s.cause_letter, s.approval,
                {Cast("s.amount", "numeric")}, @currency, s.filing_number, {Cast("s.filing_date", "date")}, s.agent_login, s.rejection_reason, @cutoff, @cutoff,
                {Cast("s.rejected_cutoff", "date")}, {Cast("s.approved_cutoff", "date")},
                {(sqlite ? "0" : "FALSE")}, s.state, {Cast("s.state_changed_at", "timestamptz")}, s.resolution, {emptyList}, 0, @now, @now, s.version
            FROM {Stage} AS s WHERE s.is_new
            """, parameters, ct);
        var adjustmentsSeconds = time.GetElapsedTime(watch).TotalSeconds;
        watch = time.GetTimestamp();
        await ExecAsync(db, $"""
            INSERT INTO "AdjustmentSteps" ("Id", "AdjustmentId", "ClientId", "OperationId", "Action", "FromState", "ToState", "At", "UserId", "UserName", "Note", "DataJson")
            SELECT s.step_id, s.id, @client, @op, 'Imported', 'ToVerify', s.state, @now, @user, @user_name, @note, NULL
            FROM {Stage} AS s WHERE s.is_new
            """, parameters, ct);
        var stepsSeconds = time.GetElapsedTime(watch).TotalSeconds;
        watch = time.GetTimestamp();
        await ExecAsync(db, $"""
            INSERT INTO "AdjustmentCutRecords" ("Id", "AdjustmentId", "ClientId", "OperationId", "CutId", "Cutoff", "Line", "CarrierStatus", "CauseLetter", "Approval",
                "Amount", "FilingNumber", "AgentLogin", "RejectionReason")
            SELECT s.record_id, s.id, @client, @op, @cut, @cutoff, {Cast("s.line", "integer")}, s.carrier_status, s.cause_letter, s.approval,
                {Cast("s.amount", "numeric")}, s.filing_number, s.agent_login, s.rejection_reason
            FROM {Stage} AS s WHERE TRUE
            ON CONFLICT ("AdjustmentId", "Cutoff") DO UPDATE SET "CutId" = excluded."CutId", "Line" = excluded."Line", "CarrierStatus" = excluded."CarrierStatus",
                "CauseLetter" = excluded."CauseLetter", "Approval" = excluded."Approval", "Amount" = excluded."Amount", "FilingNumber" = excluded."FilingNumber",
                "AgentLogin" = excluded."AgentLogin", "RejectionReason" = excluded."RejectionReason"
            """, parameters, ct);
        return string.Format(CultureInfo.InvariantCulture, "adjustments {0:F1}s, steps {1:F1}s, history {2:F1}s", adjustmentsSeconds, stepsSeconds, time.GetElapsedTime(watch).TotalSeconds);
    }

    /// <summary>An existing adjustment after <see cref="Adjustment.ApplyCut"/>: what the UPDATE writes.</summary>
    private sealed record Applied(Adjustment After, Guid OldVersion, AdjustmentState Before, int Line);

    /// <summary>
    /// The rows of adjustments that already exist (same or later cut than their last one). Each adjustment is read
    /// (untracked, in chunks) and goes through <see cref="Adjustment.ApplyCut"/> — the same rule as everywhere, so the cell's
    /// work is kept and only the waiting states move; those whose carrier values changed or whose state moved are staged
    /// and written by one UPDATE … FROM (new <see cref="Adjustment.Version"/>, guarded by the version read: an adjustment a
    /// user changed meanwhile refuses the import with a conflict, nothing written), plus an Imported step for each moved
    /// state. Set-based on purpose (a later cut of 200,000 rows matches 200,000 adjustments): the audit interceptor does not
    /// see these changes; the import is audited once with its summary and the cut's history rows keep every value.
    /// </summary>
    private async Task<long> ApplyExistingAsync(AppDbContext db, bool sqlite, List<ExistingRow> rows, DateTimeOffset now, string fileName, CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return 0;
        }

        var changed = new List<Applied>();
        foreach (var chunk in rows.Chunk(UpdateChunk))
        {
            var ids = chunk.Select(r => r.Id).ToList();
            var loaded = await db.Adjustments.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
            foreach (var row in chunk)
            {
                var adjustment = loaded[row.Id];
                var before = adjustment.State;
                var oldVersion = adjustment.Version;
                var carrierChanged = adjustment.ApplyCut(row.Values, now);
                if (carrierChanged || adjustment.State != before)
                {
                    adjustment.Version = Guid.NewGuid();
                    changed.Add(new Applied(adjustment, oldVersion, before, row.Line));
                }
            }
        }

        if (changed.Count == 0)
        {
            return 0;
        }

        var instant = sqlite ? StagingType.Long : StagingType.Text;
        StagingColumn[] columns =
        [
            new("id", StagingType.Id), new("old_version", StagingType.Id), new("version", StagingType.Id), new("account", StagingType.Text), new("escalation_ref", StagingType.Text),
            new("carrier_status", StagingType.Text), new("cause_id", StagingType.Id), new("cause_letter", StagingType.Text), new("approval", StagingType.Text),
            new("amount", StagingType.Text), new("filing_number", StagingType.Text), new("agent_login", StagingType.Text), new("rejection_reason", StagingType.Text),
            new("last_cutoff", StagingType.Text), new("rejected_cutoff", StagingType.Text), new("approved_cutoff", StagingType.Text), new("state", StagingType.Text),
            new("resolution", StagingType.Text), new("state_changed_at", instant), new("pqr_answered_on", StagingType.Text), new("moved", StagingType.Bool),
            new("from_state", StagingType.Text), new("step_id", StagingType.Id), new("note", StagingType.Text),
        ];
        if (sqlite)
        {
            await ExecAsync(db, $"DROP TABLE IF EXISTS temp.{UpdateStage}", null, ct);
        }

        await using (var w = await BulkWriter.CreateAsync(db, UpdateStage, columns, ct))
        {
            foreach (var (a, oldVersion, before, _) in changed)
            {
                w.StartRow();
                w.Write(a.Id);
                w.Write(oldVersion);
                w.Write(a.Version);
                w.Write(a.Account);
                w.Write(a.EscalationRef);
                w.Write(a.CarrierStatus);
                w.Write(a.CauseId!.Value);
                w.Write(a.CauseLetter);
                w.Write(a.Approval.ToString());
                w.Write(a.Amount is { } amount ? AmountText(amount, sqlite) : null);
                w.Write(a.FilingNumber);
                w.Write(a.AgentLogin);
                w.Write(a.RejectionReason);
                w.Write(DateText(a.LastCutoff));
                w.Write(a.RejectedCutoff is { } rc ? DateText(rc) : null);
                w.Write(a.ApprovedCutoff is { } ac ? DateText(ac) : null);
                w.Write(a.State.ToString());
                w.Write(a.Resolution.ToString());
                WriteInstant(w, a.StateChangedAt, sqlite);
                w.Write(a.PqrAnsweredOn is { } answered ? DateText(answered) : null);
                w.Write(a.State != before);
                w.Write(before.ToString());
                w.Write(Ids.New());
                w.Write(string.Format(CultureInfo.InvariantCulture, "Corte {0:yyyy-MM-dd} ({1}): {2}", a.LastCutoff, fileName, ApprovalNote(a.Approval)));
                w.EndRow();
            }

            await w.CompleteAsync(ct);
        }

        string Cast(string expression, string type) => sqlite ? expression : $"CAST({expression} AS {type})";
        var parameters = new (string Name, object? Value)[]
        {
            ("@now", BulkWriter.InstantValue(now, sqlite)),
            ("@user", scope.UserId is { } u ? BulkWriter.IdValue(u, sqlite) : DBNull.Value),
            ("@user_name", scope.UserName),
        };
        var affected = await ExecAsync(db, $"""
            UPDATE "Adjustments" AS a SET "Account" = s.account, "EscalationRef" = s.escalation_ref, "CarrierStatus" = s.carrier_status, "CauseId" = s.cause_id,
                "CauseLetter" = s.cause_letter, "Approval" = s.approval, "Amount" = {Cast("s.amount", "numeric")}, "FilingNumber" = s.filing_number,
                "AgentLogin" = s.agent_login, "RejectionReason" = s.rejection_reason, "LastCutoff" = {Cast("s.last_cutoff", "date")},
                "RejectedCutoff" = {Cast("s.rejected_cutoff", "date")}, "ApprovedCutoff" = {Cast("s.approved_cutoff", "date")}, "State" = s.state, "Resolution" = s.resolution,
                "StateChangedAt" = {Cast("s.state_changed_at", "timestamptz")}, "PqrAnsweredOn" = {Cast("s.pqr_answered_on", "date")}, "Version" = s.version, "UpdatedAt" = @now
            FROM {UpdateStage} AS s WHERE a."Id" = s.id AND a."Version" = s.old_version
            """, parameters, ct);
        if (affected != changed.Count)
        {
            throw new Refused(Error.Conflict("adjustments.concurrent_change"));
        }

        await ExecAsync(db, $"""
            INSERT INTO "AdjustmentSteps" ("Id", "AdjustmentId", "ClientId", "OperationId", "Action", "FromState", "ToState", "At", "UserId", "UserName", "Note", "DataJson")
            SELECT s.step_id, a."Id", a."ClientId", a."OperationId", 'Imported', s.from_state, s.state, @now, @user, @user_name, s.note, NULL
            FROM {UpdateStage} AS s JOIN "Adjustments" AS a ON a."Id" = s.id WHERE s.moved
            """, parameters, ct);
        if (sqlite)
        {
            await ExecAsync(db, $"DROP TABLE IF EXISTS temp.{UpdateStage}", null, ct);
        }

        return changed.Count;
    }

    private static void WriteInstant(BulkWriter w, DateTimeOffset? at, bool sqlite)
    {
        if (at is not { } value)
        {
            w.Write((string?)null);
        }
        else if (sqlite)
        {
            w.Write(value.UtcTicks);
        }
        else
        {
            w.Write(value.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.ffffff'+00'", CultureInfo.InvariantCulture));
        }
    }

    private static async Task<int> ExecAsync(AppDbContext db, string sql, (string Name, object? Value)[]? parameters, CancellationToken ct)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        command.CommandTimeout = 600;
        command.CommandText = sql;
        foreach (var (name, value) in parameters ?? [])
        {
            if (!sql.Contains(name, StringComparison.Ordinal))
            {
                continue;
            }

            DbParameter p = command.CreateParameter();
            p.ParameterName = name;
            p.Value = value ?? DBNull.Value;
            command.Parameters.Add(p);
        }

        return await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Parses and validates one row into the carrier's values of this cut.</summary>
    private sealed class RowParser(ColumnMap map, CauseIndex causes, DateOnly cutoff, string currency)
    {
        private readonly int _account = map.IndexOf(AdjustmentFileColumns.Account);
        private readonly int _escalation = map.IndexOf(AdjustmentFileColumns.Escalation);
        private readonly int _status = map.IndexOf(AdjustmentFileColumns.CarrierStatus);
        private readonly int _cause = map.IndexOf(AdjustmentFileColumns.Cause);
        private readonly int _approval = map.IndexOf(AdjustmentFileColumns.Approval);
        private readonly int _amount = map.IndexOf(AdjustmentFileColumns.Amount);
        private readonly int _filing = map.IndexOf(AdjustmentFileColumns.FilingNumber);
        private readonly int _login = map.IndexOf(AdjustmentFileColumns.AgentLogin);
        private readonly int _reason = map.IndexOf(AdjustmentFileColumns.RejectionReason);
        private readonly int _date = map.IndexOf(AdjustmentFileColumns.FilingDate);
        private readonly Dictionary<string, string> _pool = new(StringComparer.Ordinal);

        private static string Field(ITabularReader reader, int index) => index < 0 ? "" : reader.GetField(index).Trim();

        /// <summary>Repeated texts (statuses, reasons, logins) share one string.</summary>
        private string? Pooled(string text, int max)
        {
            if (text.Length == 0)
            {
                return null;
            }

            if (text.Length > max)
            {
                text = text[..max];
            }

            if (_pool.TryGetValue(text, out var shared))
            {
                return shared;
            }

            if (_pool.Count < 50_000)
            {
                _pool[text] = text;
            }

            return text;
        }

        public bool TryParse(ITabularReader reader, int line, out AdjustmentCutValues values, out RejectedRow? rejection)
        {
            values = null!;
            rejection = null;
            var account = Field(reader, _account);
            if (account.Length == 0)
            {
                rejection = new RejectedRow(line, "Sin número de cuenta.", AdjustmentFileColumns.Account);
                return false;
            }

            if (account.Length > 60)
            {
                rejection = new RejectedRow(line, "El número de cuenta es demasiado largo (máx. 60).", AdjustmentFileColumns.Account);
                return false;
            }

            var login = Field(reader, _login).ToLowerInvariant();
            if (login.Length == 0)
            {
                rejection = new RejectedRow(line, "Sin login del asesor que radicó el ajuste.", AdjustmentFileColumns.AgentLogin);
                return false;
            }

            if (login.Length > 120)
            {
                rejection = new RejectedRow(line, "El login del asesor es demasiado largo (máx. 120).", AdjustmentFileColumns.AgentLogin);
                return false;
            }

            var causeText = Field(reader, _cause);
            if (causeText.Length == 0)
            {
                rejection = new RejectedRow(line, "Sin causal (letra A–M o el texto de la causal).", AdjustmentFileColumns.Cause);
                return false;
            }

            if (causes.Find(causeText) is not { } cause)
            {
                rejection = new RejectedRow(line, string.Format(CultureInfo.InvariantCulture, "Causal «{0}» desconocida: use la letra (A–M) o el texto de una causal de la operación.", causeText), AdjustmentFileColumns.Cause);
                return false;
            }

            var approvalText = Field(reader, _approval);
            if (AdjustmentFileColumns.ParseApproval(approvalText) is not { } approval)
            {
                rejection = new RejectedRow(line, string.Format(CultureInfo.InvariantCulture, "Aprobación «{0}» no reconocida: use APROBADO, RECHAZADO o PENDIENTE.", approvalText), AdjustmentFileColumns.Approval);
                return false;
            }

            var amountText = Field(reader, _amount);
            if (!AdjustmentFileColumns.TryParseAmount(amountText, out var amount))
            {
                rejection = new RejectedRow(line, string.Format(CultureInfo.InvariantCulture, "Valor «{0}» no válido: use un valor positivo como 45000, 45.000 o 1.234.567,50.", amountText), AdjustmentFileColumns.Amount);
                return false;
            }

            var filingDate = cutoff;
            var dateText = Field(reader, _date);
            if (dateText.Length > 0)
            {
                if (AdjustmentFileColumns.ParseDate(dateText) is not { } date)
                {
                    rejection = new RejectedRow(line, string.Format(CultureInfo.InvariantCulture, "Fecha de radicación «{0}» no válida: use aaaa-MM-dd o dd/MM/aaaa.", dateText), AdjustmentFileColumns.FilingDate);
                    return false;
                }

                if (date > cutoff)
                {
                    rejection = new RejectedRow(line, string.Format(CultureInfo.InvariantCulture, "La fecha de radicación {0:yyyy-MM-dd} es posterior al corte {1:yyyy-MM-dd}.", date, cutoff), AdjustmentFileColumns.FilingDate);
                    return false;
                }

                filingDate = date;
            }

            var escalation = Field(reader, _escalation);
            if (escalation.Length > 80)
            {
                rejection = new RejectedRow(line, "La referencia de escalamiento es demasiado larga (máx. 80).", AdjustmentFileColumns.Escalation);
                return false;
            }

            var filing = Field(reader, _filing);
            if (filing.Length > 80)
            {
                rejection = new RejectedRow(line, "El radicado es demasiado largo (máx. 80).", AdjustmentFileColumns.FilingNumber);
                return false;
            }

            values = new AdjustmentCutValues(
                cutoff, account, escalation.Length == 0 ? null : escalation.ToUpperInvariant(), Pooled(Field(reader, _status), 120), cause.Id, cause.Letter, approval, amount, currency,
                filing.Length == 0 ? null : filing, filingDate, Pooled(login, 120)!, Pooled(Field(reader, _reason), 400));
            return true;
        }
    }

    /// <summary>The carrier's approval as the step note says it (notes are kept in the carrier's working language, Spanish).</summary>
    private static string ApprovalNote(CarrierApproval approval) => approval switch
    {
        CarrierApproval.Approved => "aprobado",
        CarrierApproval.Rejected => "rechazado",
        _ => "pendiente",
    };
}
