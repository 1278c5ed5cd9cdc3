using System.Data.Common;
using System.Globalization;
using System.Text;
using ContactOps.Platform.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace ContactOps.Platform.Imports;

/// <summary>Column types a staging table can hold (mapped per provider).</summary>
public enum StagingType
{
    Text,
    Long,
    Id,
    Bool,
}

/// <summary>A column of a TEMP staging table.</summary>
public readonly record struct StagingColumn(string Name, StagingType Type);

/// <summary>
/// Streams rows into a TEMP staging table inside the DbContext's current transaction: PostgreSQL binary COPY,
/// SQLite a prepared INSERT. Values are written in column order, one <see cref="Write(string?)"/> per column,
/// between <see cref="StartRow"/> and <see cref="EndRow"/>. Bulk loads bypass the change tracker on purpose.
/// </summary>
public abstract class BulkWriter : IAsyncDisposable
{
    protected BulkWriter(IReadOnlyList<StagingColumn> columns) => Columns = columns;

    public IReadOnlyList<StagingColumn> Columns { get; }

    public long RowsWritten { get; private set; }

    /// <summary>Creates the TEMP table <paramref name="table"/> and opens a writer into it. Requires an open transaction on <paramref name="db"/>.</summary>
    /// <param name="extraColumnsSql">Further column definitions (SQL) that are not loaded, e.g. flags set while merging.</param>
    public static async Task<BulkWriter> CreateAsync(AppDbContext db, string table, IReadOnlyList<StagingColumn> columns, CancellationToken ct, string? extraColumnsSql = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("A bulk load needs an open transaction.");
        var connection = db.Database.GetDbConnection();
        var sqlite = db.IsSqlite;
        var ddl = new StringBuilder().Append("CREATE TEMP TABLE ").Append(table).Append(" (");
        for (var i = 0; i < columns.Count; i++)
        {
            ddl.Append(i == 0 ? "" : ", ").Append(columns[i].Name).Append(' ').Append(SqlType(columns[i].Type, sqlite));
        }

        if (!string.IsNullOrWhiteSpace(extraColumnsSql))
        {
            ddl.Append(", ").Append(extraColumnsSql);
        }

        ddl.Append(sqlite ? ")" : ") ON COMMIT DROP");
        await using (var create = connection.CreateCommand())
        {
            create.Transaction = transaction;
            create.CommandText = ddl.ToString();
            await create.ExecuteNonQueryAsync(ct);
        }

        return sqlite
            ? new SqliteBulkWriter((SqliteConnection)connection, (SqliteTransaction)transaction, table, columns)
            : new PostgresBulkWriter(await ((NpgsqlConnection)connection).BeginBinaryImportAsync(
                string.Create(CultureInfo.InvariantCulture, $"COPY {table} ({string.Join(", ", columns.Select(c => c.Name))}) FROM STDIN (FORMAT BINARY)"), ct), columns);
    }

    /// <summary>The SQL type of a staging column for the provider.</summary>
    public static string SqlType(StagingType type, bool sqlite) => (type, sqlite) switch
    {
        (StagingType.Text, _) => "text",
        (StagingType.Long, true) => "integer",
        (StagingType.Long, false) => "bigint",
        (StagingType.Id, true) => "text",
        (StagingType.Id, false) => "uuid",
        (StagingType.Bool, true) => "integer",
        _ => "boolean",
    };

    public abstract void StartRow();

    public abstract void Write(string? value);

    public abstract void Write(long value);

    public abstract void Write(Guid value);

    public abstract void Write(bool value);

    public virtual void EndRow() => RowsWritten++;

    /// <summary>Finishes the load (PostgreSQL: completes the COPY). Rows are visible to the transaction afterwards.</summary>
    public abstract Task CompleteAsync(CancellationToken ct);

    public abstract ValueTask DisposeAsync();

    /// <summary>How a provider stores ids: SQLite as upper-case text (as EF Core does), PostgreSQL as uuid.</summary>
    public static object IdValue(Guid id, bool sqlite) => sqlite ? UpperText(id) : id;

    /// <summary>The upper-case "D" text of an id in one allocation (SQLite stores ids so).</summary>
    public static string UpperText(Guid id) => string.Create(36, id, static (span, g) =>
    {
        g.TryFormat(span, out _, "D");
        for (var i = 0; i < span.Length; i++)
        {
            if (span[i] is >= 'a' and <= 'f')
            {
                span[i] = (char)(span[i] - ('a' - 'A'));
            }
        }
    });

    /// <summary>How a provider stores instants: SQLite as UTC ticks (<see cref="UtcTicksConverter"/>), PostgreSQL as timestamptz.</summary>
    public static object InstantValue(DateTimeOffset at, bool sqlite) => sqlite ? at.UtcTicks : at.ToUniversalTime();

    /// <summary>
    /// One prepared INSERT driven through SQLite's own API on the connection's handle (inside its open transaction):
    /// values are bound by position (no per-execution lookup of parameter names, which Microsoft.Data.Sqlite does for
    /// every parameter of every row) and text is bound as UTF-16 without copies.
    /// </summary>
    private sealed class SqliteBulkWriter : BulkWriter
    {
        private readonly SqliteConnection _connection;
        private readonly SQLitePCL.sqlite3_stmt _insert;
        private int _next;

        public SqliteBulkWriter(SqliteConnection connection, SqliteTransaction transaction, string table, IReadOnlyList<StagingColumn> columns)
            : base(columns)
        {
            ArgumentNullException.ThrowIfNull(transaction);
            _connection = connection;
            var sql = string.Create(
                CultureInfo.InvariantCulture,
                $"INSERT INTO {table} ({string.Join(", ", columns.Select(c => c.Name))}) VALUES ({string.Join(", ", columns.Select((_, i) => "?" + (i + 1).ToString(CultureInfo.InvariantCulture)))})");
            Check(SQLitePCL.raw.sqlite3_prepare_v2(connection.Handle, sql, out _insert));
        }

        private void Check(int rc)
        {
            if (rc is not SQLitePCL.raw.SQLITE_OK and not SQLitePCL.raw.SQLITE_DONE and not SQLitePCL.raw.SQLITE_ROW)
            {
                throw new SqliteException(SQLitePCL.raw.sqlite3_errmsg(_connection.Handle).utf8_to_string(), rc);
            }
        }

        public override void StartRow() => _next = 1;

        public override void Write(string? value)
        {
            var index = _next++;
            Check(value is null
                ? SQLitePCL.raw.sqlite3_bind_null(_insert, index)
                : SQLitePCL.raw.sqlite3_bind_text16(_insert, index, value));
        }

        public override void Write(long value) => Check(SQLitePCL.raw.sqlite3_bind_int64(_insert, _next++, value));

        public override void Write(Guid value)
        {
            Span<char> text = stackalloc char[36];
            value.TryFormat(text, out _, "D");
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] is >= 'a' and <= 'f')
                {
                    text[i] = (char)(text[i] - ('a' - 'A'));
                }
            }

            Check(SQLitePCL.raw.sqlite3_bind_text16(_insert, _next++, text));
        }

        public override void Write(bool value) => Write(value ? 1L : 0L);

        public override void EndRow()
        {
            Check(SQLitePCL.raw.sqlite3_step(_insert));
            Check(SQLitePCL.raw.sqlite3_reset(_insert));
            base.EndRow();
        }

        public override Task CompleteAsync(CancellationToken ct) => Task.CompletedTask;

        public override ValueTask DisposeAsync()
        {
            _insert.Dispose();
            return ValueTask.CompletedTask;
        }
    }

    private sealed class PostgresBulkWriter(NpgsqlBinaryImporter importer, IReadOnlyList<StagingColumn> columns) : BulkWriter(columns)
    {
        private bool _completed;

        public override void StartRow() => importer.StartRow();

        public override void Write(string? value)
        {
            if (value is null)
            {
                importer.WriteNull();
            }
            else
            {
                importer.Write(value, NpgsqlDbType.Text);
            }
        }

        public override void Write(long value) => importer.Write(value, NpgsqlDbType.Bigint);

        public override void Write(Guid value) => importer.Write(value, NpgsqlDbType.Uuid);

        public override void Write(bool value) => importer.Write(value, NpgsqlDbType.Boolean);

        public override async Task CompleteAsync(CancellationToken ct)
        {
            await importer.CompleteAsync(ct);
            _completed = true;
        }

        public override async ValueTask DisposeAsync()
        {
            if (!_completed)
            {
                // Not completed: the COPY is cancelled and the transaction is rolled back by the caller.
                try
                {
                    await importer.DisposeAsync();
                }
                catch (PostgresException)
                {
                }
                catch (NpgsqlException)
                {
                }

                return;
            }

            await importer.DisposeAsync();
        }
    }
}
