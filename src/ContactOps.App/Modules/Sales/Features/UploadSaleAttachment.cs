using System.Globalization;
using ContactOps.Modules.Sales.Features;
using ContactOps.Platform.Auth;
using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using ContactOps.Platform.Storage;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Sales.Features;

/// <summary>An upload: the sale, what the file is (kind), its original name, its declared length when known, and its bytes.</summary>
public sealed record UploadSaleAttachmentRequest(Guid SaleId, string? Kind, string? FileName, long? Length, Stream Content);

public sealed record SaleAttachmentView(
    Guid Id,
    Guid SaleId,
    SaleAttachmentKind Kind,
    string FileName,
    string ContentType,
    long Size,
    string Sha256,
    string UploadedBy,
    DateTimeOffset UploadedAt)
{
    public static SaleAttachmentView From(SaleAttachment a) =>
        new(a.Id, a.SaleId, a.Kind, a.FileName, a.ContentType, a.Size, a.Sha256, a.UploadedBy, a.UploadedAt);
}

/// <summary>
/// Attaches a file to a sale: the extension must be one accepted for the kind AND the first bytes must be of that
/// type; the size is limited (checked while storing too, whatever length was declared). Stored through
/// <see cref="IFileStorage"/>; the record keeps name, detected type, size, SHA-256, who and when.
/// </summary>
public sealed class UploadSaleAttachment(AppDbContext db, AccessScope scope, IFileStorage storage, AttachmentLimits limits, TimeProvider time)
{
    /// <summary>Roles that may attach files to a sale of their operation.</summary>
    public static readonly Role[] UploaderRoles = [Role.Agent, Role.BackOffice, Role.Supervisor, Role.Coordinator, Role.Manager, Role.Admin];

    public async Task<Result<SaleAttachmentView>> HandleAsync(UploadSaleAttachmentRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.Kind) || !Enum.TryParse<SaleAttachmentKind>(request.Kind.Trim(), ignoreCase: true, out var kind) || !Enum.IsDefined(kind))
        {
            return Error.Invalid("kind", "attachment.kind_invalid");
        }

        var fileName = Path.GetFileName(request.FileName?.Trim() ?? "");
        if (fileName.Length == 0)
        {
            return Error.Invalid("file", "attachment.file_required");
        }

        if (fileName.Length > 200)
        {
            return Error.Invalid("file", "attachment.name_too_long");
        }

        var type = AttachmentFileTypes.ByExtension(kind, fileName);
        if (type is null)
        {
            var ext = Path.GetExtension(fileName);
            return Error.Invalid("file", "attachment.type_not_allowed", (ext.Length == 0 ? fileName : ext), KindName(kind), AttachmentFileTypes.AcceptFor(kind).Replace(",", ", ", StringComparison.Ordinal));
        }

        var max = limits.MaxBytes;
        if (request.Length is { } declared && declared > max)
        {
            return TooLarge(declared, max);
        }

        var sale = await db.Sales.AsNoTracking().Where(s => s.Id == request.SaleId)
            .Select(s => new { s.Id, s.ClientId, s.OperationId, s.BackOfficeOperationId }).FirstOrDefaultAsync(ct);
        if (sale is null)
        {
            return Error.NotFound("sale.not_found");
        }

        if (!scope.HasRoleOnSale(sale.OperationId, sale.BackOfficeOperationId, UploaderRoles))
        {
            return Error.Forbidden("attachment.forbidden");
        }

        var header = new byte[AttachmentFileTypes.HeaderLength];
        var headerLength = await request.Content.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, ct);
        if (headerLength == 0)
        {
            return Error.Invalid("file", "attachment.empty");
        }

        if (!type.Matches(header.AsMemory(0, headerLength)))
        {
            return Error.Invalid("file", "attachment.content_mismatch", fileName, type.Name);
        }

        StoredFile stored;
        try
        {
            await using var content = new PrefixedLimitedStream(header.AsMemory(0, headerLength), request.Content, max);
            stored = await storage.PutAsync(content, ct);
        }
        catch (FileTooLargeException ex)
        {
            return TooLarge(ex.ReadBytes, max);
        }

        var attachment = new SaleAttachment(
            sale.ClientId, sale.OperationId, sale.Id, kind, fileName, type.ContentType, stored.Length, stored.Sha256, stored.Key,
            scope.UserId, scope.UserName, time.GetUtcNow())
        {
            BackOfficeOperationId = sale.BackOfficeOperationId,
        };
        db.Add(attachment);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            await storage.DeleteAsync(stored.Key, CancellationToken.None);
            throw;
        }

        return SaleAttachmentView.From(attachment);
    }

    public static string KindName(SaleAttachmentKind kind) => kind switch
    {
        SaleAttachmentKind.CallRecording => "grabación de la llamada",
        SaleAttachmentKind.IdentityValidation => "validación de identidad",
        SaleAttachmentKind.ContractReading => "lectura del contrato",
        _ => "otro soporte",
    };

    private static Error TooLarge(long size, long max) => Error.Invalid("file", "attachment.too_large", max / 1024.0 / 1024.0, size / 1024.0 / 1024.0);
}
