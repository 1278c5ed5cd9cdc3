namespace ContactOps.Platform.Imports;

/// <summary>
/// A saved column mapping for one operation and file kind (e.g. "customers", "leads"): field → header text
/// in the carrier's file. Without one, columns are recognised by common Spanish and English header names.
/// </summary>
public sealed class ColumnMappingRecord : IAuditable, IStamped
{
    private ColumnMappingRecord()
    {
    }

    public ColumnMappingRecord(Guid clientId, Guid operationId, string fileKind, string name, string mappingJson)
    {
        Id = Ids.New();
        ClientId = clientId;
        OperationId = operationId;
        FileKind = fileKind;
        Name = name;
        MappingJson = mappingJson;
    }

    public Guid Id { get; private set; }

    public Guid ClientId { get; private set; }

    public Guid OperationId { get; private set; }

    public string FileKind { get; private set; } = "";

    public string Name { get; private set; } = "";

    /// <summary>JSON object: field → header.</summary>
    public string MappingJson { get; private set; } = "{}";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    Guid? IAuditable.AuditClientId => ClientId;

    Guid? IAuditable.AuditOperationId => OperationId;

    public void Change(string mappingJson) => MappingJson = mappingJson;
}

public enum ImportStatus
{
    Committed,
    Failed,
}

/// <summary>The record of one file load: who, when, which file (SHA-256) and its summary.</summary>
public sealed class ImportBatch
{
    private ImportBatch()
    {
    }

    public ImportBatch(Guid clientId, Guid? operationId, string kind, string fileName, string fileSha256, string userName, DateTimeOffset startedAt)
    {
        Id = Ids.New();
        ClientId = clientId;
        OperationId = operationId;
        Kind = kind;
        FileName = fileName;
        FileSha256 = fileSha256;
        UserName = userName;
        StartedAt = startedAt;
    }

    public Guid Id { get; private set; }

    public Guid ClientId { get; private set; }

    public Guid? OperationId { get; private set; }

    public string Kind { get; private set; } = "";

    public string FileName { get; private set; } = "";

    public string FileSha256 { get; private set; } = "";

    public string UserName { get; private set; } = "";

    public DateTimeOffset StartedAt { get; private set; }

    public DateTimeOffset? FinishedAt { get; private set; }

    public ImportStatus Status { get; private set; }

    public long Rows { get; private set; }

    public long Created { get; private set; }

    public long Updated { get; private set; }

    public long Unchanged { get; private set; }

    public long Duplicates { get; private set; }

    public long Rejected { get; private set; }

    public void Finish(DateTimeOffset at, ImportStatus status, long rows, long created, long updated, long unchanged, long duplicates, long rejected)
    {
        FinishedAt = at;
        Status = status;
        Rows = rows;
        Created = created;
        Updated = updated;
        Unchanged = unchanged;
        Duplicates = duplicates;
        Rejected = rejected;
    }
}
