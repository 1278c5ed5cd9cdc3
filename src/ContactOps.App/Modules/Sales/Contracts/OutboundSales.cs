using ContactOps.Platform.Localization;
using ContactOps.Modules.Sales.Features;
using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using ContactOps.Platform.Storage;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Sales.Contracts;

/// <summary>The identity-validation evidence of a sale made on the outbound desk: the agent's confirmation and, optionally, a file (a recording, photo or PDF).</summary>
public sealed record IdentityEvidence(string ConfirmationText, string? FileName, byte[]? Content);

/// <summary>A devices sale made on an outbound call (one product: the offered device on credit).</summary>
public sealed record OutboundSaleInput(
    Guid OperationId,
    Guid CustomerId,
    Guid AttemptId,
    Guid SellerUserId,
    string SellerLogin,
    string TariffCode,
    string Description,
    decimal MonthlyValue,
    decimal OneOffValue,
    string? LineNumber,
    string? Notes,
    DateTimeOffset SoldAt,
    IdentityEvidence Evidence);

/// <summary>
/// Opens a sale on the sales sheet from the outbound desk (origin OutboundDesk, kind DeviceOnCredit, routed to the
/// operation's back office with its checklist) with the identity-validation evidence attached. Stores the evidence
/// files; the caller saves the context (and should delete <see cref="OpenedSale.StoredKeys"/> if the save fails).
/// </summary>
public static class OutboundSales
{
    public sealed record OpenedSale(Guid SaleId, IReadOnlyList<string> StoredKeys);

    public static async Task<Result<OpenedSale>> OpenAsync(AppDbContext db, IFileStorage storage, OutboundSaleInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(input);
        var operation = await db.Operations.FirstOrDefaultAsync(o => o.Id == input.OperationId, ct);
        if (operation is null)
        {
            return Error.NotFound("operation.not_found#5");
        }

        var client = await db.Clients.FirstAsync(c => c.Id == operation.ClientId, ct);
        var fields = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(input.TariffCode) || input.TariffCode.Trim().Length > 40)
        {
            fields["sale.tariffCode"] = [Messages.Text("Field.OutboundSales.sale.tariffCode")];
        }

        if (string.IsNullOrWhiteSpace(input.Description) || input.Description.Trim().Length > 200)
        {
            fields["sale.description"] = [Messages.Text("Field.OutboundSales.sale.description")];
        }

        if (input.MonthlyValue < 0 || input.OneOffValue < 0)
        {
            fields["sale.monthlyValue"] = [Messages.Text("Field.OutboundSales.sale.monthlyValue")];
        }

        AttachmentFileType? fileType = null;
        if (input.Evidence.Content is { Length: > 0 } bytes)
        {
            fileType = AttachmentFileTypes.AllowedFor(SaleAttachmentKind.Other).FirstOrDefault(t => t.Matches(bytes));
            if (fileType is null)
            {
                fields["sale.evidence"] = [Messages.Text("Field.OutboundSales.sale.evidence", AttachmentFileTypes.AcceptFor(SaleAttachmentKind.Other))];
            }
        }

        if (fields.Count > 0)
        {
            return Error.Validation(fields);
        }

        var sale = new Sale(operation.ClientId, operation.Id, input.CustomerId, SaleKind.DeviceOnCredit, input.SoldAt, client.Currency, SaleOrigin.OutboundDesk)
        {
            InteractionId = input.AttemptId,
            SellerUserId = input.SellerUserId,
            SellerLogin = input.SellerLogin,
            CallId = input.AttemptId.ToString("N"),
            LineNumber = input.LineNumber,
            Notes = input.Notes,
        };
        sale.RouteToBackOffice(operation.SalesBackOfficeOperationId);
        sale.AddProduct(input.TariffCode.Trim(), input.Description.Trim(), 1, input.MonthlyValue, input.OneOffValue, false);
        var checklist = await SaleUnits.CurrentChecklistAsync(db, sale.BackOfficeOperationId ?? operation.Id, sale.Kind, ct)
            ?? await SaleUnits.CurrentChecklistAsync(db, operation.Id, sale.Kind, ct);
        sale.ChecklistId = checklist?.Id;
        sale.ChecklistVersion = checklist?.Version;
        db.Sales.Add(sale);

        var keys = new List<string>();
        var confirmation = System.Text.Encoding.UTF8.GetBytes(input.Evidence.ConfirmationText);
        await AttachAsync(db, storage, sale, "validacion-identidad.txt", "text/plain", confirmation, input, keys, ct);
        if (fileType is not null)
        {
            var name = Path.GetFileName(input.Evidence.FileName ?? "evidencia") ?? "evidencia";
            await AttachAsync(db, storage, sale, name, fileType.ContentType, input.Evidence.Content!, input, keys, ct);
        }

        return new OpenedSale(sale.Id, keys);
    }

    private static async Task AttachAsync(
        AppDbContext db, IFileStorage storage, Sale sale, string fileName, string contentType, byte[] content, OutboundSaleInput input, List<string> keys, CancellationToken ct)
    {
        using var stream = new MemoryStream(content, writable: false);
        var stored = await storage.PutAsync(stream, ct);
        keys.Add(stored.Key);
        db.SaleAttachments.Add(new SaleAttachment(
            sale.ClientId, sale.OperationId, sale.Id, SaleAttachmentKind.IdentityValidation, fileName, contentType, stored.Length,
            stored.Sha256, stored.Key, input.SellerUserId, input.SellerLogin, input.SoldAt)
        {
            BackOfficeOperationId = sale.BackOfficeOperationId,
        });
    }
}
