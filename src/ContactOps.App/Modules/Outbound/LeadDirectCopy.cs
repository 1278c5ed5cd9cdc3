using ContactOps.Platform.Storage;
using Npgsql;
using NpgsqlTypes;

namespace ContactOps.Modules.Outbound;

/// <summary>
/// PostgreSQL path of the lead import: accepted leads are written once, by binary COPY straight into "Leads" (ids made
/// client-side, duplicates already decided in memory), while their phones are spooled compactly to a temporary file and
/// COPY'd into "LeadPhones" after the leads (the connection carries one COPY at a time). Runs inside the caller's
/// transaction, so a failure still leaves nothing behind.
/// </summary>
internal sealed class LeadDirectCopy : IAsyncDisposable
{
    private const string LeadsCopy =
        """COPY "Leads" ("Id", "ClientId", "OperationId", "BaseId", "DocumentType", "Document", "FullName", "SourceLine", "AttributesJson", "TimeZoneId", "IsExcluded", "Attempts", "AttemptsToday", "IsFinal") FROM STDIN (FORMAT BINARY)""";

    private const string PhonesCopy =
        """COPY "LeadPhones" ("Id", "ClientId", "OperationId", "LeadId", "E164", "Position", "IsUnusable", "ExclusionReason") FROM STDIN (FORMAT BINARY)""";

    private readonly NpgsqlConnection _connection;
    private readonly Guid _clientId;
    private readonly Guid _operationId;
    private readonly Guid _baseId;
    private readonly FileStream _spoolFile;
    private readonly BinaryWriter _spool;
    private readonly byte[] _guid = new byte[16];
    private NpgsqlBinaryImporter? _leads;
    private long _phones;

    private LeadDirectCopy(NpgsqlConnection connection, NpgsqlBinaryImporter leads, Guid clientId, Guid operationId, Guid baseId)
    {
        _connection = connection;
        _leads = leads;
        _clientId = clientId;
        _operationId = operationId;
        _baseId = baseId;
        _spoolFile = PrivateTempFile.Create("contactops-leadphones-");
        _spool = new BinaryWriter(_spoolFile, System.Text.Encoding.UTF8, leaveOpen: true);
    }

    public static async Task<LeadDirectCopy> StartAsync(NpgsqlConnection connection, Guid clientId, Guid operationId, Guid baseId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var leads = await connection.BeginBinaryImportAsync(LeadsCopy, ct);
        return new LeadDirectCopy(connection, leads, clientId, operationId, baseId);
    }

    /// <summary>Writes one accepted lead; its phones (with their exclusion reasons, by position) go to the spool.</summary>
    public void Write(Guid id, LeadRow row, bool excluded, string?[] reasons)
    {
        var leads = _leads ?? throw new InvalidOperationException("The leads COPY is already complete.");
        leads.StartRow();
        leads.Write(id, NpgsqlDbType.Uuid);
        leads.Write(_clientId, NpgsqlDbType.Uuid);
        leads.Write(_operationId, NpgsqlDbType.Uuid);
        leads.Write(_baseId, NpgsqlDbType.Uuid);
        leads.Write(row.DocumentType, NpgsqlDbType.Varchar);
        leads.Write(row.Document, NpgsqlDbType.Varchar);
        leads.Write(row.FullName, NpgsqlDbType.Varchar);
        leads.Write(checked((int)row.Line), NpgsqlDbType.Integer);
        leads.Write(row.AttributesJson, NpgsqlDbType.Varchar);
        if (row.TimeZoneId is null)
        {
            leads.WriteNull();
        }
        else
        {
            leads.Write(row.TimeZoneId, NpgsqlDbType.Varchar);
        }

        leads.Write(excluded, NpgsqlDbType.Boolean);
        leads.Write(0, NpgsqlDbType.Integer);
        leads.Write(0, NpgsqlDbType.Integer);
        leads.Write(false, NpgsqlDbType.Boolean);

        id.TryWriteBytes(_guid);
        for (var i = 0; i < row.Phones.Count; i++)
        {
            _spool.Write(_guid);
            _spool.Write((byte)i);
            _spool.Write(row.Phones[i]);
            _spool.Write(reasons[i] ?? "");
            _phones++;
        }
    }

    /// <summary>Completes the leads COPY, then COPYs the spooled phones into "LeadPhones".</summary>
    public async Task CompleteAsync(Func<Guid> newId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(newId);
        var leads = _leads ?? throw new InvalidOperationException("The leads COPY is already complete.");
        await leads.CompleteAsync(ct);
        await leads.DisposeAsync();
        _leads = null;

        _spool.Flush();
        _spoolFile.Position = 0;
        using var reader = new BinaryReader(_spoolFile, System.Text.Encoding.UTF8, leaveOpen: true);
        await using var phones = await _connection.BeginBinaryImportAsync(PhonesCopy, ct);
        var guid = new byte[16];
        for (long n = 0; n < _phones; n++)
        {
            if ((n & 0xFFFF) == 0)
            {
                ct.ThrowIfCancellationRequested();
            }

            reader.BaseStream.ReadExactly(guid);
            var position = reader.ReadByte();
            var e164 = reader.ReadString();
            var reason = reader.ReadString();
            phones.StartRow();
            phones.Write(newId(), NpgsqlDbType.Uuid);
            phones.Write(_clientId, NpgsqlDbType.Uuid);
            phones.Write(_operationId, NpgsqlDbType.Uuid);
            phones.Write(new Guid(guid), NpgsqlDbType.Uuid);
            phones.Write(e164, NpgsqlDbType.Varchar);
            phones.Write((int)position, NpgsqlDbType.Integer);
            phones.Write(false, NpgsqlDbType.Boolean);
            if (reason.Length == 0)
            {
                phones.WriteNull();
            }
            else
            {
                phones.Write(reason, NpgsqlDbType.Varchar);
            }
        }

        await phones.CompleteAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (_leads is not null)
        {
            // Not completed: the COPY is cancelled and the transaction is rolled back by the caller.
            try
            {
                await _leads.DisposeAsync();
            }
            catch (NpgsqlException)
            {
            }

            _leads = null;
        }

        await _spool.DisposeAsync();
        await _spoolFile.DisposeAsync();
    }
}
