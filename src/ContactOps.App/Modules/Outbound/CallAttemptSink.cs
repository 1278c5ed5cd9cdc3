using System.Globalization;
using ContactOps.Modules.Outbound.Dialer;
using ContactOps.Platform.Data;
using ContactOps.Platform.Imports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace ContactOps.Modules.Outbound;

/// <summary>
/// Writes imported attempts without the change tracker (so the hourly-stats interceptor never sees them: the import
/// applies its own deltas): PostgreSQL by binary COPY straight into "CallAttempts"; SQLite into a TEMP table through
/// <see cref="BulkWriter"/>, then one INSERT … SELECT. Inside the caller's transaction.
/// </summary>
internal abstract class CallAttemptSink : IAsyncDisposable
{
    protected const string Columns =
        "\"Id\", \"ClientId\", \"OperationId\", \"LeadId\", \"PhoneE164\", \"Mode\", \"Source\", \"Channel\", \"StartedAt\", \"EndedAt\", \"Result\", \"Abandoned\", \"AgentUserId\", \"AgentLogin\", \"TalkSeconds\", \"WrapSeconds\", \"DispositionId\", \"DispositionCode\", \"DispositionAt\", \"DispositionDefaulted\", \"CallId\"";

    protected static readonly string Mode = DialMode.Predictive.ToString();
    protected static readonly string Source = AttemptSource.Imported.ToString();
    protected static readonly string[] Results = Enum.GetNames<CallResult>();

    /// <summary>PostgreSQL staging table (TEMP, no indexes, dropped at commit).</summary>
    internal const string PostgresStage = "stage_call_attempts";

    /// <summary>
    /// How PostgreSQL receives the rows. <see cref="PostgresWrite.Direct"/> (default): binary COPY straight into
    /// "CallAttempts". <see cref="PostgresWrite.Staged"/> / <see cref="PostgresWrite.StagedByLead"/>: binary COPY into an
    /// unindexed TEMP table, then one INSERT … SELECT … ORDER BY (OperationId, StartedAt) or (LeadId, StartedAt) so one
    /// B-tree of "CallAttempts" is visited in order. Measured side by side with the bench (docs/performance.md, call-log
    /// import): no gain beyond the noise of a shared machine, so the simpler direct COPY stays the default; the staged
    /// paths are kept for the bench (<c>import-calllog --strategies</c>) to re-measure on a quiet, tuned server.
    /// </summary>
    internal static PostgresWrite Strategy { get; set; } = PostgresWrite.Direct;

    public static async Task<CallAttemptSink> StartAsync(AppDbContext db, Guid clientId, Guid operationId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.IsSqlite)
        {
            var writer = await BulkWriter.CreateAsync(db, SqliteSink.Stage, SqliteSink.StageColumns, ct);
            return new SqliteSink(db, writer, clientId, operationId);
        }

        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var strategy = Strategy;
        if (strategy == PostgresWrite.Direct)
        {
            var direct = await connection.BeginBinaryImportAsync("COPY \"CallAttempts\" (" + Columns + ") FROM STDIN (FORMAT BINARY)", ct);
            return new PostgresSink(direct, clientId, operationId, null);
        }

        await ExecAsync(db, $"DROP TABLE IF EXISTS pg_temp.{PostgresStage}; CREATE TEMP TABLE {PostgresStage} (LIKE \"CallAttempts\") ON COMMIT DROP", ct);
        var importer = await connection.BeginBinaryImportAsync($"COPY {PostgresStage} (" + Columns + ") FROM STDIN (FORMAT BINARY)", ct);
        var order = strategy == PostgresWrite.StagedByLead ? "\"LeadId\", \"StartedAt\"" : "\"OperationId\", \"StartedAt\"";
        return new PostgresSink(importer, clientId, operationId, async token =>
        {
            await ExecAsync(db, $"INSERT INTO \"CallAttempts\" ({Columns}) SELECT {Columns} FROM {PostgresStage} ORDER BY {order}; DROP TABLE {PostgresStage}", token);
        });
    }

    private static async Task ExecAsync(AppDbContext db, string sql, CancellationToken ct)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        command.CommandTimeout = 1800;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }

    public abstract void Write(CallLogRow row, Guid? agentUserId, Guid? dispositionId, string? dispositionCode);

    public abstract Task CompleteAsync(CancellationToken ct);

    public abstract ValueTask DisposeAsync();

    private sealed class PostgresSink(NpgsqlBinaryImporter importer, Guid clientId, Guid operationId, Func<CancellationToken, Task>? publish) : CallAttemptSink
    {
        private bool _completed;

        public override void Write(CallLogRow row, Guid? agentUserId, Guid? dispositionId, string? dispositionCode)
        {
            var started = row.StartedAt.UtcDateTime;
            var ended = started.AddSeconds(row.TalkSeconds);
            importer.StartRow();
            importer.Write(Platform.Ids.New(), NpgsqlDbType.Uuid);
            importer.Write(clientId, NpgsqlDbType.Uuid);
            importer.Write(operationId, NpgsqlDbType.Uuid);
            importer.Write(row.LeadId, NpgsqlDbType.Uuid);
            importer.Write(row.PhoneE164, NpgsqlDbType.Varchar);
            importer.Write(Mode, NpgsqlDbType.Varchar);
            importer.Write(Source, NpgsqlDbType.Varchar);
            importer.Write("voice", NpgsqlDbType.Varchar);
            importer.Write(started, NpgsqlDbType.TimestampTz);
            importer.Write(ended, NpgsqlDbType.TimestampTz);
            importer.Write(Results[(int)row.Result], NpgsqlDbType.Varchar);
            importer.Write(row.Abandoned, NpgsqlDbType.Boolean);
            WriteNullable(agentUserId);
            if (row.Agent is null)
            {
                importer.WriteNull();
            }
            else
            {
                importer.Write(row.Agent, NpgsqlDbType.Varchar);
            }

            importer.Write(row.TalkSeconds, NpgsqlDbType.Integer);
            importer.Write(0, NpgsqlDbType.Integer);
            WriteNullable(dispositionId);
            if (dispositionCode is null)
            {
                importer.WriteNull();
                importer.WriteNull();
            }
            else
            {
                importer.Write(dispositionCode, NpgsqlDbType.Varchar);
                importer.Write(ended, NpgsqlDbType.TimestampTz);
            }

            importer.Write(false, NpgsqlDbType.Boolean);
            if (row.CallId is null)
            {
                importer.WriteNull();
            }
            else
            {
                importer.Write(row.CallId, NpgsqlDbType.Varchar);
            }
        }

        private void WriteNullable(Guid? id)
        {
            if (id is { } value)
            {
                importer.Write(value, NpgsqlDbType.Uuid);
            }
            else
            {
                importer.WriteNull();
            }
        }

        public override async Task CompleteAsync(CancellationToken ct)
        {
            await importer.CompleteAsync(ct);
            _completed = true;
            await importer.DisposeAsync();
            if (publish is not null)
            {
                await publish(ct);
            }
        }

        public override async ValueTask DisposeAsync()
        {
            try
            {
                await importer.DisposeAsync();
            }
            catch (NpgsqlException) when (!_completed)
            {
                // Cancelled COPY: the caller rolls the transaction back.
            }
        }
    }

    private sealed class SqliteSink(AppDbContext db, BulkWriter writer, Guid clientId, Guid operationId) : CallAttemptSink
    {
        public const string Stage = "stage_call_log";

        public static readonly StagingColumn[] StageColumns =
        [
            new("id", StagingType.Id), new("lead_id", StagingType.Id), new("phone", StagingType.Text), new("started", StagingType.Long),
            new("ended", StagingType.Long), new("result", StagingType.Text), new("abandoned", StagingType.Bool), new("agent_user", StagingType.Text),
            new("agent", StagingType.Text), new("talk", StagingType.Long), new("dispo_id", StagingType.Text), new("dispo_code", StagingType.Text),
            new("dispo_at", StagingType.Long), new("call_id", StagingType.Text),
        ];

        public override void Write(CallLogRow row, Guid? agentUserId, Guid? dispositionId, string? dispositionCode)
        {
            var started = row.StartedAt.UtcTicks;
            var ended = row.StartedAt.AddSeconds(row.TalkSeconds).UtcTicks;
            writer.StartRow();
            writer.Write(Platform.Ids.New());
            writer.Write(row.LeadId);
            writer.Write(row.PhoneE164);
            writer.Write(started);
            writer.Write(ended);
            writer.Write(Results[(int)row.Result]);
            writer.Write(row.Abandoned);
            writer.Write(agentUserId is { } u ? BulkWriter.UpperText(u) : null);
            writer.Write(row.Agent);
            writer.Write(row.TalkSeconds);
            writer.Write(dispositionId is { } d ? BulkWriter.UpperText(d) : null);
            writer.Write(dispositionCode);
            if (dispositionCode is null)
            {
                writer.Write((string?)null);
            }
            else
            {
                writer.Write(ended);
            }

            writer.Write(row.CallId);
            writer.EndRow();
        }

        public override async Task CompleteAsync(CancellationToken ct)
        {
            await writer.CompleteAsync(ct);
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
            command.CommandTimeout = 1800;
            command.CommandText = string.Create(
                CultureInfo.InvariantCulture,
                $"""
                INSERT INTO "CallAttempts" ({Columns})
                SELECT s.id, '{BulkWriter.UpperText(clientId)}', '{BulkWriter.UpperText(operationId)}', s.lead_id, s.phone, '{Mode}', '{Source}', 'voice', s.started, s.ended,
                       s.result, s.abandoned, s.agent_user, s.agent, s.talk, 0, s.dispo_id, s.dispo_code, s.dispo_at, 0, s.call_id
                FROM {Stage} AS s
                """);
            await command.ExecuteNonQueryAsync(ct);
            await using var drop = db.Database.GetDbConnection().CreateCommand();
            drop.Transaction = command.Transaction;
            drop.CommandText = "DROP TABLE IF EXISTS temp." + Stage;
            await drop.ExecuteNonQueryAsync(ct);
        }

        public override ValueTask DisposeAsync() => writer.DisposeAsync();
    }
}

/// <summary>How the call-log import writes attempts on PostgreSQL (see <see cref="CallAttemptSink.Strategy"/>).</summary>
internal enum PostgresWrite
{
    Staged,
    StagedByLead,
    Direct,
}
