using ContactOps.Platform;

namespace ContactOps.Modules.Sales;

/// <summary>What a file attached to a sale is for.</summary>
public enum SaleAttachmentKind
{
    /// <summary>The recording of the sale's call (required for legalization).</summary>
    CallRecording,

    /// <summary>Evidence of the identity validation (carrier policy).</summary>
    IdentityValidation,

    /// <summary>The contract reading (audio or signed document).</summary>
    ContractReading,

    Other,
}

/// <summary>
/// A file attached to a sale: the bytes live in the file storage under <see cref="StorageKey"/>; this record keeps
/// what it is, its original name, the type detected from its content, size, SHA-256, and who uploaded it when.
/// </summary>
public sealed class SaleAttachment : IAuditable, IStamped
{
    private SaleAttachment()
    {
    }

    public SaleAttachment(
        Guid clientId,
        Guid operationId,
        Guid saleId,
        SaleAttachmentKind kind,
        string fileName,
        string contentType,
        long size,
        string sha256,
        string storageKey,
        Guid? uploadedByUserId,
        string uploadedBy,
        DateTimeOffset uploadedAt)
    {
        Id = Ids.New();
        ClientId = clientId;
        OperationId = operationId;
        SaleId = saleId;
        Kind = kind;
        FileName = fileName;
        ContentType = contentType;
        Size = size;
        Sha256 = sha256;
        StorageKey = storageKey;
        UploadedByUserId = uploadedByUserId;
        UploadedBy = uploadedBy;
        UploadedAt = uploadedAt;
    }

    public Guid Id { get; private set; }

    public Guid ClientId { get; private set; }

    public Guid OperationId { get; private set; }

    /// <summary>Copy of the sale's back-office operation (for the tenancy filter).</summary>
    public Guid? BackOfficeOperationId { get; init; }

    public Guid SaleId { get; private set; }

    public SaleAttachmentKind Kind { get; private set; }

    /// <summary>The name the file had when uploaded (shown and used on download).</summary>
    public string FileName { get; private set; } = "";

    /// <summary>Media type detected from the content (magic bytes), not the one the browser claimed.</summary>
    public string ContentType { get; private set; } = "";

    public long Size { get; private set; }

    public string Sha256 { get; private set; } = "";

    public string StorageKey { get; private set; } = "";

    public Guid? UploadedByUserId { get; private set; }

    public string UploadedBy { get; private set; } = "";

    public DateTimeOffset UploadedAt { get; private set; }

    /// <summary>Lower-case extension of the original name, with the dot (".wav").</summary>
    public string Extension => Path.GetExtension(FileName).ToLowerInvariant();

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    Guid? IAuditable.AuditClientId => ClientId;

    Guid? IAuditable.AuditOperationId => OperationId;
}
