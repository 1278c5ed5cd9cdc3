using System.Globalization;
using ContactOps.Modules.Organization;
using ContactOps.Modules.Organization.Contracts;
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

namespace ContactOps.Modules.Outbound.Features;

/// <summary>Another dialer's call log, to load into an operation.</summary>
/// <param name="Layout">generic (default) or vicidial.</param>
public sealed record ImportCallLogRequest(string OperationCode, Stream File, string FileName, string? Layout = null);

/// <summary>What a call-log import did (rows = accepted + rejected); <paramref name="Leads"/> = leads whose dialing state changed.</summary>
public sealed record CallLogImportSummary(Guid ImportId, string Layout, long Rows, long Accepted, long Rejected, long Leads, IReadOnlyList<RejectedRow> RejectedRows);

/// <summary>
/// Loads another dialer's call log (issue 5, "Call logs from another dialer"). The file is streamed once: each row is
/// validated and matched to a lead of the operation (by document when given, else by phone; indexes loaded once), and
/// accepted rows are written as <see cref="CallAttempt"/>s with <see cref="AttemptSource.Imported"/> by binary COPY on
/// PostgreSQL (TEMP table + INSERT … SELECT on SQLite), bypassing the change tracker; their hourly figures are summed in
/// memory (<see cref="AttemptFlags"/>, <see cref="StatDelta.Bucket"/> in the client's zone) and applied with
/// <see cref="OutboundStats.ApplyAsync"/>. The leads' dialing state is then replayed attempt by attempt in time order
/// through <see cref="LeadOutcomes.CountAttempt"/> and <see cref="LeadOutcomes.ApplyToLead"/> and written back set-based;
/// unusable numbers and do-not-call entries follow the dispositions' flags. One transaction: all or nothing.
/// </summary>
public sealed class ImportCallLog(AppDbContext db, AccessScope scope, AuditLog audit, ImportRejects rejects, TimeProvider time, ILogger<ImportCallLog> logger)
{
    /// <summary>The kind of the call-log imports' <see cref="ImportBatch"/> (and of their rejects).</summary>
    public const string FileKind = "call-log";

    private const string LeadStage = "stage_call_log_leads";
    private const string PhoneStage = "stage_call_log_phones";
    private const int LeadChunk = 5000;

    public static bool TryLayout(string? text, out CallLogLayout layout)
    {
        layout = CallLogLayout.Generic;
        if (string.IsNullOrWhiteSpace(text) || string.Equals(text.Trim(), "generic", StringComparison.OrdinalIgnoreCase) || string.Equals(text.Trim(), "generico", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (string.Equals(text.Trim(), "vicidial", StringComparison.OrdinalIgnoreCase))
        {
            layout = CallLogLayout.Vicidial;
            return true;
        }

        return false;
    }

    public async Task<Result<CallLogImportSummary>> HandleAsync(ImportCallLogRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.OperationCode))
        {
            return Error.Invalid("operation", "import.operation_required");
        }

        if (!TryLayout(request.Layout, out var layout))
        {
            return Error.Invalid("mapping", "calllog.layout_invalid", request.Layout);
        }

        var operation = await db.Operations.AsNoTracking().FirstOrDefaultAsync(o => o.Code == request.OperationCode.Trim(), ct);
        if (operation is null)
        {
            return Error.NotFound("operation.not_found#2", request.OperationCode.Trim());
        }

        if (!LeadAccess.CanManageBases(scope, operation.Id))
        {
            return Error.Forbidden("calllog.forbidden");
        }

        if (operation.Kind != OperationKind.Outbound)
        {
            return Error.Invalid("operation", "calllog.not_outbound", operation.Code);
        }

        var client = await db.Clients.AsNoTracking().FirstAsync(c => c.Id == operation.ClientId, ct);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(client.TimeZoneId);

        FileStream? tempCopy = null;
        var file = request.File;
        try
        {
            if (!file.CanSeek)
            {
                tempCopy = PrivateTempFile.Create("contactops-calllog-");
                await file.CopyToAsync(tempCopy, ct);
                tempCopy.Position = 0;
                file = tempCopy;
            }

            var sha = await ImportFiles.Sha256Async(file, ct);
            var opened = TabularFile.OpenForImport(file, request.FileName);
            if (!opened.IsSuccess)
            {
                return opened.Error!;
            }

            using var reader = opened.Value!;
            var map = ColumnRecognizer.Recognize(reader.Headers, CallLogLayouts.Aliases(layout));
            var missing = CallLogRowParser.Missing(layout, map);
            if (missing.Count > 0)
            {
                return Error.Invalid("file", "calllog.missing_columns", layout == CallLogLayout.Vicidial ? "vicidial" : "generic", string.Join("; ", missing), reader.LineNumber);
            }

            var catalog = await OperationCatalog.DispositionTraitsAsync(db, operation.Id, ct);
            var campaign = await CampaignSettings.ReadAsync(db, operation.Id, ct);
            var recycle = campaign is null ? new Dictionary<string, int>(StringComparer.Ordinal) : CampaignSettings.RecycleMinutes(campaign);
            var leads = await CallLogLeadIndex.LoadAsync(db, operation.Id, map.Has(CallLogLayouts.Document), map.Has(CallLogLayouts.Phone), ct);
            var agents = await AgentsAsync(operation.Id, ct);
            var parser = new CallLogRowParser(layout, map, client.Country, operation.DefaultAreaCode, zone, time.GetUtcNow(), catalog, leads);
            var estimate = (int)Math.Clamp(file.Length / 60, 1024, 8_000_000);
            return await ImportAsync(reader, parser, layout, operation, client, zone, recycle, agents, request.FileName, sha, estimate, ct);
        }
        finally
        {
            if (tempCopy is not null)
            {
                await tempCopy.DisposeAsync();
            }
        }
    }

    private async Task<Dictionary<string, Guid>> AgentsAsync(Guid operationId, CancellationToken ct)
    {
        var rows = await (from m in db.Memberships.IgnoreQueryFilters()
                          join u in db.Users on m.UserId equals u.Id
                          where m.OperationId == operationId && u.UserName != null
                          select new { u.Id, u.UserName }).ToListAsync(ct);
        var agents = new Dictionary<string, Guid>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in rows)
        {
            agents.TryAdd(row.UserName!, row.Id);
        }

        return agents;
    }

    /// <summary>An accepted attempt, compactly, for replaying the leads' dialing state in time order.</summary>
    private readonly record struct Replay(Guid LeadId, long Ticks, int TalkSeconds, int Disposition);

    private async Task<Result<CallLogImportSummary>> ImportAsync(
        ITabularReader reader, CallLogRowParser parser, CallLogLayout layout, Operation operation, Client client, TimeZoneInfo zone,
        IReadOnlyDictionary<string, int> recycle, Dictionary<string, Guid> agents, string fileName, string sha, int estimate, CancellationToken ct)
    {
        var started = time.GetTimestamp();
        var sqlite = db.IsSqlite;
        var batch = new ImportBatch(client.Id, operation.Id, FileKind, Path.GetFileName(fileName), sha, scope.UserName, time.GetUtcNow());
        var importId = batch.Id;
        string? rejectsKey = null;
        var rejections = new RejectionCollector();
        var committed = false;
        var catalog = parser.Catalog;
        try
        {
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
            await db.Database.OpenConnectionAsync(ct);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (sqlite)
            {
                await ExecAsync($"DROP TABLE IF EXISTS temp.stage_call_log; DROP TABLE IF EXISTS temp.{LeadStage}; DROP TABLE IF EXISTS temp.{PhoneStage}", ct);
            }
            else
            {
                await ExecAsync("SET LOCAL synchronous_commit = off; SET LOCAL work_mem = '64MB'", ct);
            }

            var replays = new List<Replay>(Math.Min(estimate, 1 << 20));
            var stats = new Dictionary<(DateOnly Day, int Hour, string Agent), StatDelta>();
            var unusable = new HashSet<(Guid LeadId, string E164)>();
            var dnc = new Dictionary<string, string>(StringComparer.Ordinal);
            long rows = 0, accepted = 0;
            var parseSeconds = 0.0;
            var row = new CallLogRow();
            await using (var sink = await CallAttemptSink.StartAsync(db, client.Id, operation.Id, ct))
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
                        return Error.Invalid("file", "calllog.unreadable", reader.LineNumber, ex.Message);
                    }

                    if (!more)
                    {
                        break;
                    }

                    rows++;
                    if ((rows & 0xFFF) == 0)
                    {
                        ct.ThrowIfCancellationRequested();
                    }

                    if (parser.Parse(reader, row) is { } rejection)
                    {
                        rejections.Add(rejection);
                        continue;
                    }

                    var disposition = row.Disposition >= 0 ? catalog[row.Disposition] : null;
                    Guid? agentUserId = row.Agent is not null && agents.TryGetValue(row.Agent, out var userId) ? userId : null;
                    sink.Write(row, agentUserId, disposition?.Id, disposition?.Code);
                    accepted++;

                    var flags = AttemptFlags.Of(row.Result, disposition, row.Abandoned, row.TalkSeconds);
                    var (day, hour) = StatDelta.Bucket(row.StartedAt, zone);
                    var key = (day, hour, row.Agent ?? "");
                    var delta = StatDelta.Between(client.Id, operation.Id, day, hour, row.Agent, null, flags);
                    stats[key] = stats.TryGetValue(key, out var sum) ? Add(sum, delta) : delta;

                    replays.Add(new Replay(row.LeadId, row.StartedAt.UtcTicks, row.TalkSeconds, row.Disposition));
                    if (disposition is { NumberUnusable: true })
                    {
                        unusable.Add((row.LeadId, row.PhoneE164));
                    }

                    if (disposition is { DoNotCall: true })
                    {
                        dnc.TryAdd(row.PhoneE164, disposition.Name);
                    }
                }

                parseSeconds = time.GetElapsedTime(started).TotalSeconds;
                await sink.CompleteAsync(ct);
            }

            var readSeconds = time.GetElapsedTime(started).TotalSeconds;
            await OutboundStats.ApplyAsync(db, stats.Values, ct);
            var statsSeconds = time.GetElapsedTime(started).TotalSeconds;
            var leadsChanged = await ReplayLeadsAsync(replays, catalog, recycle, zone, ct);
            var leadsSeconds = time.GetElapsedTime(started).TotalSeconds;
            await MarkUnusableAsync(unusable, ct);
            var dncAdded = await AddDncAsync(client.Id, operation.Id, dnc, ct);
            logger.LogInformation(
                "Call log phases: read+copy {Read:F1}s (of which finishing the COPY and moving the rows into CallAttempts {Publish:F1}s) · hourly figures {Stats:F1}s · lead replay {Leads:F1}s · phones and DNC {Phones:F1}s ({Buckets} buckets, {Unusable} unusable, {Dnc} DNC)",
                readSeconds, readSeconds - parseSeconds, statsSeconds - readSeconds, leadsSeconds - statsSeconds, time.GetElapsedTime(started).TotalSeconds - leadsSeconds, stats.Count, unusable.Count, dncAdded);

            db.AuditEntries.Add(audit.Entry(client.Id, operation.Id, "CallLog", importId.ToString(), AuditAction.Imported, new
            {
                kind = "call-log",
                layout = LayoutName(layout),
                file = Path.GetFileName(fileName),
                sha256 = sha,
                rows,
                accepted,
                rejected = rejections.Count,
                leads = leadsChanged,
                dnc = dncAdded,
            }));
            batch.Finish(time.GetUtcNow(), ImportStatus.Committed, rows, accepted, 0, 0, 0, rejections.Count);
            db.ImportBatches.Add(batch);
            rejectsKey = await rejects.KeepAsync(rejections, importId, FileKind, client.Id, operation.Id, ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            committed = true;
            logger.LogInformation(
                "Call log {File} ({Layout}) into {Operation}: {Rows} rows, {Accepted} accepted, {Rejected} rejected, {Leads} leads updated in {Elapsed:F1}s (read+copy {Read:F1}s)",
                Path.GetFileName(fileName), LayoutName(layout), operation.Code, rows, accepted, rejections.Count, leadsChanged, time.GetElapsedTime(started).TotalSeconds, readSeconds);
            return new CallLogImportSummary(importId, LayoutName(layout), rows, accepted, rejections.Count, leadsChanged, rejections.First.ToList());
        }
        finally
        {
            db.ChangeTracker.Clear();
            rejections.Dispose();
            if (!committed)
            {
                await rejects.ForgetAsync(rejectsKey);
            }

            await db.Database.CloseConnectionAsync();
        }
    }

    public static string LayoutName(CallLogLayout layout) => layout == CallLogLayout.Vicidial ? "vicidial" : "generic";

    private static StatDelta Add(StatDelta a, StatDelta b) => a with
    {
        Attempts = a.Attempts + b.Attempts, Answered = a.Answered + b.Answered, Machine = a.Machine + b.Machine, Contacts = a.Contacts + b.Contacts,
        EffectiveContacts = a.EffectiveContacts + b.EffectiveContacts, Sales = a.Sales + b.Sales, Abandoned = a.Abandoned + b.Abandoned, TalkSeconds = a.TalkSeconds + b.TalkSeconds,
    };

    /// <summary>
    /// Replays the accepted attempts on their leads in time order with the dialer's own rules and writes the resulting
    /// dialing state back with one set-based UPDATE.
    /// </summary>
    private async Task<long> ReplayLeadsAsync(List<Replay> replays, IReadOnlyList<DispositionTraits> catalog, IReadOnlyDictionary<string, int> recycle, TimeZoneInfo clientZone, CancellationToken ct)
    {
        if (replays.Count == 0)
        {
            return 0;
        }

        replays.Sort(static (a, b) => a.LeadId != b.LeadId ? a.LeadId.CompareTo(b.LeadId) : a.Ticks.CompareTo(b.Ticks));
        var ids = new List<Guid>();
        foreach (var r in replays)
        {
            if (ids.Count == 0 || ids[^1] != r.LeadId)
            {
                ids.Add(r.LeadId);
            }
        }

        var states = new List<Lead>(ids.Count);
        var position = 0;
        var watch = time.GetTimestamp();
        foreach (var chunk in ids.Chunk(LeadChunk))
        {
            var list = chunk.ToList();
            var loaded = await db.Leads.AsNoTracking().Where(l => list.Contains(l.Id)).ToDictionaryAsync(l => l.Id, ct);
            foreach (var id in chunk)
            {
                var lead = loaded[id];
                var leadZone = ContactPolicy.ZoneOf(lead.TimeZoneId, clientZone);
                for (; position < replays.Count && replays[position].LeadId == id; position++)
                {
                    var r = replays[position];
                    var at = new DateTimeOffset(r.Ticks, TimeSpan.Zero);
                    LeadOutcomes.CountAttempt(lead, at, DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, leadZone).DateTime));
                    if (r.Disposition >= 0)
                    {
                        LeadOutcomes.ApplyToLead(lead, at, catalog[r.Disposition], recycle, at.AddSeconds(r.TalkSeconds));
                    }
                }

                states.Add(lead);
            }
        }

        logger.LogInformation("Call log lead replay: {Leads} leads loaded and replayed in {Elapsed:F1}s", states.Count, time.GetElapsedTime(watch).TotalSeconds);
        watch = time.GetTimestamp();
        var sqlite = db.IsSqlite;
        var instant = sqlite ? StagingType.Long : StagingType.Text;
        StagingColumn[] columns =
        [
            new("id", StagingType.Id), new("attempts", StagingType.Long), new("today", StagingType.Long), new("day", StagingType.Text),
            new("last_at", instant), new("first_at", instant), new("contact_at", instant), new("next_at", instant), new("code", StagingType.Text), new("final", StagingType.Bool),
        ];
        await using (var writer = await BulkWriter.CreateAsync(db, LeadStage, columns, ct))
        {
            foreach (var lead in states)
            {
                writer.StartRow();
                writer.Write(lead.Id);
                writer.Write(lead.Attempts);
                writer.Write(lead.AttemptsToday);
                writer.Write(lead.AttemptsDay?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                WriteInstant(writer, lead.LastAttemptAt, sqlite);
                WriteInstant(writer, lead.FirstAttemptAt, sqlite);
                WriteInstant(writer, lead.LastContactAt, sqlite);
                WriteInstant(writer, lead.NextAttemptAt, sqlite);
                writer.Write(lead.LastDispositionCode);
                writer.Write(lead.IsFinal);
                writer.EndRow();
            }

            await writer.CompleteAsync(ct);
        }

        var cast = (string type) => sqlite ? "" : "::" + type;
        await ExecAsync(
            $"""
            UPDATE "Leads" AS l SET "Attempts" = s.attempts, "AttemptsToday" = s.today, "AttemptsDay" = s.day{cast("date")},
                "LastAttemptAt" = s.last_at{cast("timestamptz")}, "FirstAttemptAt" = s.first_at{cast("timestamptz")},
                "LastContactAt" = s.contact_at{cast("timestamptz")}, "NextAttemptAt" = s.next_at{cast("timestamptz")},
                "LastDispositionCode" = s.code, "IsFinal" = s.final, "ReservedUntil" = NULL
            FROM {LeadStage} AS s WHERE l."Id" = s.id
            """,
            ct);
        if (sqlite)
        {
            await ExecAsync($"DROP TABLE IF EXISTS temp.{LeadStage}", ct);
        }

        logger.LogInformation("Call log lead replay: staged and updated in {Elapsed:F1}s", time.GetElapsedTime(watch).TotalSeconds);
        return states.Count;
    }

    private static void WriteInstant(BulkWriter writer, DateTimeOffset? at, bool sqlite)
    {
        if (at is not { } value)
        {
            writer.Write((string?)null);
        }
        else if (sqlite)
        {
            writer.Write(value.UtcTicks);
        }
        else
        {
            writer.Write(value.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.ffffff'+00'", CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Numbers the imported dispositions found unusable (wrong number) are marked so on their leads.</summary>
    private async Task MarkUnusableAsync(HashSet<(Guid LeadId, string E164)> phones, CancellationToken ct)
    {
        if (phones.Count == 0)
        {
            return;
        }

        await using (var writer = await BulkWriter.CreateAsync(db, PhoneStage, [new("lead_id", StagingType.Id), new("phone", StagingType.Text)], ct))
        {
            foreach (var (leadId, e164) in phones)
            {
                writer.StartRow();
                writer.Write(leadId);
                writer.Write(e164);
                writer.EndRow();
            }

            await writer.CompleteAsync(ct);
        }

        await ExecAsync($"UPDATE \"LeadPhones\" AS p SET \"IsUnusable\" = TRUE FROM {PhoneStage} AS s WHERE p.\"LeadId\" = s.lead_id AND p.\"E164\" = s.phone", ct);
        if (db.IsSqlite)
        {
            await ExecAsync($"DROP TABLE IF EXISTS temp.{PhoneStage}", ct);
        }
    }

    /// <summary>Do-not-call dispositions put their numbers on the operation's list (once), as the desk does.</summary>
    private async Task<int> AddDncAsync(Guid clientId, Guid operationId, Dictionary<string, string> numbers, CancellationToken ct)
    {
        var added = 0;
        foreach (var chunk in numbers.Keys.Chunk(2000))
        {
            var list = chunk.ToList();
            var listed = (await db.DncEntries.AsNoTracking().Where(d => d.OperationId == operationId && list.Contains(d.E164)).Select(d => d.E164).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
            foreach (var e164 in chunk.Where(e => !listed.Contains(e)))
            {
                db.DncEntries.Add(new DncEntry(clientId, operationId, e164, "disposition", scope.UserId, numbers[e164]));
                added++;
            }

            await db.SaveChangesAsync(ct);
        }

        return added;
    }

    private async Task ExecAsync(string sql, CancellationToken ct)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        command.CommandTimeout = 1800;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }
}
