using System.Globalization;
using ContactOps.Modules.Customers.Contracts;
using ContactOps.Modules.Interactions.Contracts;
using ContactOps.Platform.Auth;
using ContactOps.Platform.Data;
using ContactOps.Platform.Localization;
using ContactOps.Platform.Results;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Sales.Features;

public sealed record SaleProductInput(string? TariffCode, string? Description, int Quantity, decimal MonthlyValue, decimal OneOffValue, bool NeedsTechnicianVisit);

/// <summary>
/// A sale as the front registers it: from an interaction (<see cref="InteractionId"/>) or the customer page.
/// <see cref="Operation"/> is the operation code (optional when the caller works in only one).
/// </summary>
public sealed record RegisterSaleRequest(
    string? Operation,
    Guid CustomerId,
    SaleKind? Kind,
    IReadOnlyList<SaleProductInput>? Products,
    Guid? InteractionId = null,
    string? AccountNumber = null,
    string? LineNumber = null,
    string? DonorOperator = null,
    Guid? SellerUserId = null,
    string? SellerLogin = null,
    string? CallId = null,
    string? Extension = null,
    string? Notes = null,
    bool? ConfirmDuplicate = null);

/// <summary>
/// Registers a sale on the sales sheet (state Registered), routed to the operation's sales back office when it has one,
/// with the current checklist version of the operation that works it. An interaction, when given, must be of the same
/// operation and customer.
/// </summary>
public sealed class RegisterSale(IDbContextFactory<AppDbContext> dbs, AccessScope scope, TimeProvider time, Microsoft.Extensions.Configuration.IConfiguration configuration)
{
    /// <summary>Days within which the same customer, kind and products make a likely duplicate (<c>Sales:DuplicateSaleDays</c>, default 7).</summary>
    public int DuplicateWindowDays => Math.Clamp(configuration.GetValue("Sales:DuplicateSaleDays", 7), 0, 365);

    public async Task<Result<SaleDetail>> HandleAsync(RegisterSaleRequest request, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var op = await SaleUnits.OperationAsync(db, request.Operation, scope, ct);
        if (!op.IsSuccess)
        {
            return op.Error!;
        }

        var operation = op.Value!;
        if (scope.RoleIn(operation.Id) is not { } role)
        {
            return Error.Forbidden("sale.not_member");
        }

        // The front, the back office and those who lead them register sales; loading files or evaluating calls does not.
        if (role is Role.DataMarshall or Role.QualityAnalyst)
        {
            return Error.Forbidden("sale.cannot_register");
        }

        var client = await db.Clients.FirstAsync(c => c.Id == operation.ClientId, ct);
        var fields = new Dictionary<string, string[]>(StringComparer.Ordinal);
        void Add(string field, string message) => fields[field] = fields.TryGetValue(field, out var m) ? [.. m, message] : [message];

        CustomerRef? customer = null;
        if (request.CustomerId == Guid.Empty)
        {
            Add("customerId", Messages.Text("Field.RegisterSale.customerId_required"));
        }
        else
        {
            customer = await CustomerFacts.FindAsync(db, request.CustomerId, ct);
            if (customer is null || customer.ClientId != operation.ClientId)
            {
                Add("customerId", Messages.Text("Field.RegisterSale.customerId_unknown"));
            }
        }

        if (request.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            Add("kind", Messages.Text("Field.RegisterSale.kind_required", string.Join(", ", Enum.GetNames<SaleKind>())));
            kind = default;
        }

        var products = request.Products ?? [];
        if (products.Count == 0)
        {
            Add("products", Messages.Text("Field.RegisterSale.products_required"));
        }

        for (var i = 0; i < products.Count; i++)
        {
            var p = products[i];
            var prefix = string.Create(CultureInfo.InvariantCulture, $"products[{i}].");
            if (string.IsNullOrWhiteSpace(p.TariffCode))
            {
                Add(prefix + "tariffCode", Messages.Text("Field.RegisterSale.tariffCode_required"));
            }
            else if (p.TariffCode.Trim().Length > 40)
            {
                Add(prefix + "tariffCode", Messages.Text("Field.RegisterSale.tariffCode_length"));
            }

            if (string.IsNullOrWhiteSpace(p.Description))
            {
                Add(prefix + "description", Messages.Text("Field.RegisterSale.description_required"));
            }
            else if (p.Description.Trim().Length > 200)
            {
                Add(prefix + "description", Messages.Text("Field.RegisterSale.description_length"));
            }

            if (p.Quantity is < 1 or > 999)
            {
                Add(prefix + "quantity", Messages.Text("Field.RegisterSale.quantity_range"));
            }

            if (p.MonthlyValue < 0 || p.MonthlyValue > 1_000_000_000m)
            {
                Add(prefix + "monthlyValue", Messages.Text("Field.RegisterSale.monthlyValue_negative"));
            }

            if (p.OneOffValue < 0 || p.OneOffValue > 1_000_000_000m)
            {
                Add(prefix + "oneOffValue", Messages.Text("Field.RegisterSale.oneOffValue_negative"));
            }
        }

        var line = SaleKinds.LineOf(kind);
        var account = request.AccountNumber?.Trim();
        account = string.IsNullOrEmpty(account) ? null : account;
        if (request.Kind is not null && line == SaleLine.Home && account is null)
        {
            Add("accountNumber", Messages.Text("Field.RegisterSale.accountNumber_required"));
        }
        else if (account is { Length: > 40 })
        {
            Add("accountNumber", Messages.Text("Field.RegisterSale.accountNumber_length"));
        }

        string? lineNumber = null;
        if (!string.IsNullOrWhiteSpace(request.LineNumber))
        {
            var normalized = CustomerFacts.NormalizeMobileLine(request.LineNumber, client.Country);
            if (normalized.IsSuccess)
            {
                lineNumber = normalized.Value;
            }
            else
            {
                Add("lineNumber", normalized.Error!.Message);
            }
        }
        else if (request.Kind is not null && line == SaleLine.Mobile)
        {
            Add("lineNumber", Messages.Text("Field.RegisterSale.lineNumber_required"));
        }

        var donor = request.DonorOperator?.Trim();
        donor = string.IsNullOrEmpty(donor) ? null : donor;
        if (request.Kind == SaleKind.MobilePortability && donor is null)
        {
            Add("donorOperator", Messages.Text("Field.RegisterSale.donorOperator_required"));
        }
        else if (donor is { Length: > 60 })
        {
            Add("donorOperator", Messages.Text("Field.RegisterSale.donorOperator_length"));
        }

        foreach (var (name, value, max) in new[] { ("sellerLogin", request.SellerLogin, 60), ("callId", request.CallId, 80), ("extension", request.Extension, 20), ("notes", request.Notes, 2000) })
        {
            if (value is not null && value.Trim().Length > max)
            {
                Add(name, Messages.Text("Field.RegisterSale.too_long", max));
            }
        }

        var seller = request.SellerUserId ?? scope.UserId;
        if (request.SellerUserId is { } chosen && chosen != scope.UserId)
        {
            if (!scope.HasRole(operation.Id, SaleRoles.Assign))
            {
                Add("sellerUserId", Messages.Text("Field.RegisterSale.sellerUserId_forbidden"));
            }
            else if (!await db.Memberships.AnyAsync(m => m.UserId == chosen && m.OperationId == operation.Id, ct))
            {
                Add("sellerUserId", Messages.Text("Field.RegisterSale.sellerUserId_unknown"));
            }
        }

        if (request.InteractionId is { } interactionId)
        {
            // The sale is made in that interaction: it must be one of this operation, with this customer.
            var interaction = await InteractionLookups.FindAsync(db, interactionId, ct);
            if (interaction is null || interaction.OperationId != operation.Id)
            {
                Add("interactionId", Messages.Text("Field.RegisterSale.interactionId_unknown"));
            }
            else if (customer is not null && interaction.CustomerId != customer.Id)
            {
                Add("interactionId", Messages.Text("Field.RegisterSale.interactionId_other_customer"));
            }
        }

        if (fields.Count > 0)
        {
            return Error.Validation(fields);
        }

        var now = time.GetUtcNow();
        if (request.ConfirmDuplicate != true && await LikelyDuplicateAsync(db, customer!.Id, kind, products.Select(p => p.TariffCode!.Trim()).ToArray(), now, ct) is { } twin)
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(client.TimeZoneId);
            return Error.Conflict("sale.possible_duplicate", TimeZoneInfo.ConvertTime(twin.SoldAt, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture))
                with { Data = new Dictionary<string, object?> { ["saleId"] = twin.Id } };
        }

        var sale = new Sale(operation.ClientId, operation.Id, customer!.Id, kind, now, client.Currency,
            request.InteractionId is null ? SaleOrigin.CustomerPage : SaleOrigin.Interaction)
        {
            InteractionId = request.InteractionId,
            AccountNumber = account,
            LineNumber = lineNumber,
            DonorOperator = donor,
            SellerUserId = seller,
            SellerLogin = Clean(request.SellerLogin),
            CallId = Clean(request.CallId),
            Extension = Clean(request.Extension),
            Notes = Clean(request.Notes),
        };
        // Routed at registration: the operation's sales back office (e.g. the sales cell) works it (PROCEDURES §2).
        sale.RouteToBackOffice(operation.SalesBackOfficeOperationId);
        foreach (var p in products)
        {
            sale.AddProduct(p.TariffCode!, p.Description!, p.Quantity, p.MonthlyValue, p.OneOffValue, p.NeedsTechnicianVisit);
        }

        // The procedure is the one of whoever works the sale: the back office's checklist when routed.
        var checklist = await SaleUnits.CurrentChecklistAsync(db, sale.BackOfficeOperationId ?? operation.Id, kind, ct)
            ?? await SaleUnits.CurrentChecklistAsync(db, operation.Id, kind, ct);
        sale.ChecklistId = checklist?.Id;
        sale.ChecklistVersion = checklist?.Version;
        db.Sales.Add(sale);
        await db.SaveChangesAsync(ct);
        return await GetSale.LoadAsync(db, sale.Id, ct);
    }

    /// <summary>The customer the sale is for (for the form's header), or null when the caller cannot see it.</summary>
    /// <summary>
    /// A sale of the same customer and kind with the same products (tariff codes, in any order), sold within
    /// <see cref="DuplicateWindowDays"/> and not rejected or cancelled: the agent probably keyed it twice.
    /// </summary>
    private async Task<(Guid Id, DateTimeOffset SoldAt)?> LikelyDuplicateAsync(AppDbContext db, Guid customerId, SaleKind kind, string[] codes, DateTimeOffset now, CancellationToken ct)
    {
        var days = DuplicateWindowDays;
        if (days == 0)
        {
            return null;
        }

        var since = now.AddDays(-days);
        var candidates = await db.Sales.AsNoTracking()
            .Where(s => s.CustomerId == customerId && s.Kind == kind && s.SoldAt >= since && s.State != SaleState.Rejected && s.State != SaleState.Cancelled)
            .OrderByDescending(s => s.SoldAt).Select(s => new { s.Id, s.SoldAt }).Take(20).ToListAsync(ct);
        var wanted = codes.Select(c => c.ToUpperInvariant()).Order(StringComparer.Ordinal).ToArray();
        foreach (var candidate in candidates)
        {
            var theirs = (await db.SaleProducts.AsNoTracking().Where(p => p.SaleId == candidate.Id).Select(p => p.TariffCode).ToListAsync(ct))
                .Select(c => c.ToUpperInvariant()).Order(StringComparer.Ordinal).ToArray();
            if (theirs.SequenceEqual(wanted, StringComparer.Ordinal))
            {
                return (candidate.Id, candidate.SoldAt);
            }
        }

        return null;
    }

    /// <summary>The interaction a sale is made in (call id, extension, agent login), to prefill the sale form; null when not the caller's.</summary>
    public async Task<InteractionRef?> InteractionAsync(Guid interactionId, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await InteractionLookups.FindAsync(db, interactionId, ct);
    }

    public async Task<CustomerRef?> CustomerAsync(Guid customerId, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await CustomerFacts.FindAsync(db, customerId, ct);
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
