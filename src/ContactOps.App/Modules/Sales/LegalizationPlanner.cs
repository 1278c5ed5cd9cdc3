using ContactOps.Platform.Localization;
using System.Globalization;
using System.Text;
using ContactOps.Modules.Customers.Contracts;
using ContactOps.Modules.Organization;
using ContactOps.Modules.Sales.Features;
using ContactOps.Platform.Auth;
using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Sales;

/// <summary>A legalizable sale held back, and why (listed, never silently skipped).</summary>
public sealed record BlockingSale(Guid SaleId, string? CallId, string? Extension, string? Login, string SaleDate, string Line, string Reason);

/// <summary>What a month's legalization would contain: counts and the blocking list.</summary>
public sealed record LegalizationPreview(string Operation, string Month, string TimeZone, int Legalizable, int Ready, int Blocking, int Devices, IReadOnlyList<BlockingSale> BlockingSales);

/// <summary>One sale in a legalization, with what the files need of it.</summary>
internal sealed record LegalizationItem(Sale Sale, SaleAttachment? Recording, CustomerIdentity? Customer, DateOnly LocalDate)
{
    public string? RecordingFileName { get; set; }

    public string? BlockingReason { get; set; }
}

/// <summary>The loaded month: operation, client zone, the items (home/mobile and devices), the layouts.</summary>
/// <remarks>A class, not a positional record: a record's Deconstruct would take the organisation entities by reference.</remarks>
internal sealed class LegalizationPlan(
    Operation operation,
    Client client,
    TimeZoneInfo zone,
    string month,
    IReadOnlyList<LegalizationItem> legalizable,
    IReadOnlyList<LegalizationItem> devices,
    IReadOnlyList<LegalizationColumn> recordingsLayout,
    IReadOnlyList<LegalizationColumn> devicesLayout)
{
    public Operation Operation { get; } = operation;

    public Client Client { get; } = client;

    public TimeZoneInfo Zone { get; } = zone;

    public string Month { get; } = month;

    public IReadOnlyList<LegalizationItem> Legalizable { get; } = legalizable;

    public IReadOnlyList<LegalizationItem> Devices { get; } = devices;

    public IReadOnlyList<LegalizationColumn> RecordingsLayout { get; } = recordingsLayout;

    public IReadOnlyList<LegalizationColumn> DevicesLayout { get; } = devicesLayout;

    public IEnumerable<LegalizationItem> Ready => Legalizable.Where(i => i.BlockingReason is null);

    public IEnumerable<LegalizationItem> Blocked => Legalizable.Where(i => i.BlockingReason is not null);

    public LegalizationPreview Preview() => new(
        Operation.Code, Month, Zone.Id, Legalizable.Count, Ready.Count(), Blocked.Count(), Devices.Count,
        Blocked.Select(i => new BlockingSale(i.Sale.Id, i.Sale.CallId, i.Sale.Extension, i.Sale.SellerLogin,
            i.LocalDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), LegalizationValues.LineCode(i.Sale.Line), i.BlockingReason!)).ToList());
}

/// <summary>
/// Loads a month of an operation for legalization. Legalizable: home and mobile sales sold in the month (in the
/// client's time zone) and now Installed, Delivered or Legalized; each needs its call recording and call id,
/// extension and login, or it is blocking with the reason. Devices sales of the month in the same states go to the
/// TyT report.
/// </summary>
public sealed class LegalizationPlanner(AppDbContext db, AccessScope scope)
{
    public static readonly SaleState[] LegalizableStates = [SaleState.Installed, SaleState.Delivered, SaleState.Legalized];

    /// <summary>Roles that may legalize (and download the packages).</summary>
    public static readonly Role[] LegalizerRoles = [Role.BackOffice, Role.Supervisor, Role.Coordinator, Role.Manager, Role.Admin];

    public async Task<Result<LegalizationPreview>> PreviewAsync(string? operation, string? month, CancellationToken ct)
    {
        var plan = await PlanAsync(operation, month, ct);
        return plan.IsSuccess ? plan.Value!.Preview() : plan.Error!;
    }

    internal static Result<(int Year, int Month)> ParseMonth(string? month)
    {
        if (string.IsNullOrWhiteSpace(month)
            || !DateTime.TryParseExact(month.Trim(), "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
            || parsed.Year < 2000 || parsed.Year > 2100)
        {
            return Error.Invalid("month", "legalization.month_invalid", month);
        }

        return (parsed.Year, parsed.Month);
    }

    internal async Task<Result<LegalizationPlan>> PlanAsync(string? operationCode, string? month, CancellationToken ct)
    {
        var fields = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(operationCode))
        {
            fields["operation"] = [Messages.Text("Field.LegalizationPlanner.operation")];
        }

        var parsedMonth = ParseMonth(month);
        if (!parsedMonth.IsSuccess)
        {
            fields["month"] = [parsedMonth.Error!.Message];
        }

        if (fields.Count > 0)
        {
            return Error.Validation(fields);
        }

        var code = operationCode!.Trim();
        var operation = await db.Operations.AsNoTracking().FirstOrDefaultAsync(o => o.Code == code, ct);
        if (operation is null)
        {
            return Error.NotFound("operation.not_found#2", code);
        }

        if (!scope.HasRole(operation.Id, LegalizerRoles))
        {
            return Error.Forbidden("legalization.forbidden");
        }

        var client = await db.Clients.AsNoTracking().FirstAsync(c => c.Id == operation.ClientId, ct);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(client.TimeZoneId);
        var (year, monthNumber) = parsedMonth.Value;
        var from = LocalMidnightUtc(new DateTime(year, monthNumber, 1, 0, 0, 0, DateTimeKind.Unspecified), zone);
        var to = LocalMidnightUtc(new DateTime(year, monthNumber, 1, 0, 0, 0, DateTimeKind.Unspecified).AddMonths(1), zone);

        // A sale is legalized by the operation that works it: a sale routed to a back office (premium-sales → sales-cell)
        // is in the back office's legalization, not in the front's, so no recording is exported twice.
        var opId = operation.Id;
        var salesOfMonth = db.Sales.Where(s => ((s.OperationId == opId && s.BackOfficeOperationId == null) || s.BackOfficeOperationId == opId) && s.SoldAt >= from && s.SoldAt < to && LegalizableStates.Contains(s.State));
        var sales = await salesOfMonth.AsNoTracking().Include(s => s.Products).OrderBy(s => s.SoldAt).ThenBy(s => s.Id).ToListAsync(ct);
        var recordings = (await db.SaleAttachments.AsNoTracking()
                .Where(a => a.Kind == SaleAttachmentKind.CallRecording && salesOfMonth.Select(s => s.Id).Contains(a.SaleId))
                .ToListAsync(ct))
            .GroupBy(a => a.SaleId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(a => a.UploadedAt).ThenByDescending(a => a.Id).First());
        var customers = await CustomerIdentities.ForAsync(db, sales.Select(s => s.CustomerId).ToList(), ct);
        var layouts = await db.LegalizationLayouts.AsNoTracking().Where(l => l.ClientId == client.Id).ToListAsync(ct);

        var legalizable = new List<LegalizationItem>();
        var devices = new List<LegalizationItem>();
        foreach (var sale in sales)
        {
            var item = new LegalizationItem(
                sale,
                recordings.GetValueOrDefault(sale.Id),
                customers.GetValueOrDefault(sale.CustomerId),
                DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(sale.SoldAt, zone).DateTime));
            if (sale.Line == SaleLine.Devices)
            {
                devices.Add(item);
                continue;
            }

            var missing = new List<string>();
            if (item.Recording is null)
            {
                missing.Add("sin grabación de la llamada");
            }

            if (string.IsNullOrWhiteSpace(sale.CallId))
            {
                missing.Add("sin id de llamada");
            }

            if (string.IsNullOrWhiteSpace(sale.Extension))
            {
                missing.Add("sin extensión");
            }

            if (string.IsNullOrWhiteSpace(sale.SellerLogin))
            {
                missing.Add("sin login del asesor");
            }

            item.BlockingReason = missing.Count == 0 ? null : Capitalize(string.Join(", ", missing));
            legalizable.Add(item);
        }

        // Name the recordings; two sales with the same call id, extension, login and date get -2, -3…
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in legalizable.Where(i => i.BlockingReason is null))
        {
            var stem = RecordingStem(item.Sale.CallId!, item.Sale.Extension!, item.Sale.SellerLogin!, item.LocalDate);
            var ext = item.Recording!.Extension;
            var name = stem + ext;
            for (var n = 2; !used.Add(name); n++)
            {
                name = stem + "-" + n.ToString(CultureInfo.InvariantCulture) + ext;
            }

            item.RecordingFileName = name;
        }

        return new LegalizationPlan(
            operation, client, zone, string.Create(CultureInfo.InvariantCulture, $"{year:0000}-{monthNumber:00}"), legalizable, devices,
            layouts.FirstOrDefault(l => l.Kind == LegalizationFileKind.Recordings)?.Columns ?? LegalizationLayouts.DefaultRecordings,
            layouts.FirstOrDefault(l => l.Kind == LegalizationFileKind.Devices)?.Columns ?? LegalizationLayouts.DefaultDevices);
    }

    /// <summary><c>IDLLAMADA_EXTENSION_LOGIN_yyyyMMdd</c>, each part cleaned of characters not allowed in file names.</summary>
    public static string RecordingStem(string callId, string extension, string login, DateOnly saleDate) =>
        string.Join('_', SafePart(callId), SafePart(extension), SafePart(login), saleDate.ToString("yyyyMMdd", CultureInfo.InvariantCulture));

    /// <summary>Replaces characters not allowed in file names (Windows and Unix), control characters and spaces by '-'.</summary>
    public static string SafePart(string value)
    {
        var sb = new StringBuilder(value.Length);
        foreach (var c in value.Trim())
        {
            sb.Append(char.IsControl(c) || char.IsWhiteSpace(c) || c is '\\' or '/' or ':' or '*' or '?' or '"' or '<' or '>' or '|' ? '-' : c);
        }

        var text = sb.ToString().Trim('.');
        return text.Length == 0 ? "-" : text;
    }

    internal static DateTimeOffset LocalMidnightUtc(DateTime local, TimeZoneInfo zone)
    {
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }

        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, zone), TimeSpan.Zero);
    }

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpper(text[0], CultureInfo.GetCultureInfo("es-CO")) + text[1..];
}

/// <summary>How each <see cref="LegalizationField"/> is written (culture-invariant; dates yyyyMMdd in the client's zone).</summary>
internal static class LegalizationValues
{
    public static string LineCode(SaleLine line) => line switch
    {
        SaleLine.Home => "HOGAR",
        SaleLine.Mobile => "MOVIL",
        _ => "TERMINALES",
    };

    public static string KindCode(SaleKind kind) => kind switch
    {
        SaleKind.HomeNewService => "SERVICIO_NUEVO",
        SaleKind.HomeBundle => "EMPAQUETAMIENTO",
        SaleKind.HomeUpgrade => "UPGRADE",
        SaleKind.HomeAddOn => "ADICIONAL",
        SaleKind.MobileNewLine => "LINEA_NUEVA",
        SaleKind.MobileMigration => "MIGRACION",
        SaleKind.MobilePortability => "PORTABILIDAD",
        _ => "TERMINAL_A_CUOTAS",
    };

    public static string StateCode(SaleState state) => state switch
    {
        SaleState.Installed => "INSTALADA",
        SaleState.Delivered => "ENTREGADA",
        SaleState.Legalized => "LEGALIZADA",
        _ => state.ToString().ToUpperInvariant(),
    };

    public static object? Value(LegalizationItem item, LegalizationField field, bool typed)
    {
        var s = item.Sale;
        object? value = field switch
        {
            LegalizationField.SaleId => s.Id.ToString(),
            LegalizationField.CallId => s.CallId,
            LegalizationField.Extension => s.Extension,
            LegalizationField.Login => s.SellerLogin,
            LegalizationField.SaleDate => item.LocalDate.ToString("yyyyMMdd", CultureInfo.InvariantCulture),
            LegalizationField.AccountOrLine => s.Line == SaleLine.Home ? s.AccountNumber ?? s.LineNumber : s.LineNumber ?? s.AccountNumber,
            LegalizationField.Account => s.AccountNumber,
            LegalizationField.Line => s.LineNumber,
            LegalizationField.DocumentType => item.Customer?.DocumentType,
            LegalizationField.Document => item.Customer?.DocumentNumber,
            LegalizationField.CustomerName => item.Customer?.FullName,
            LegalizationField.BusinessLine => LineCode(s.Line),
            LegalizationField.SaleType => KindCode(s.Kind),
            LegalizationField.TariffCodes => string.Join('|', s.Products.Select(p => p.TariffCode)),
            LegalizationField.Products => string.Join('|', s.Products.Select(p => p.Description)),
            LegalizationField.Quantity => typed ? s.Products.Sum(p => p.Quantity) : s.Products.Sum(p => p.Quantity).ToString(CultureInfo.InvariantCulture),
            LegalizationField.MonthlyValue => typed ? s.MonthlyValue : s.MonthlyValue.ToString("0.##", CultureInfo.InvariantCulture),
            LegalizationField.OneOffValue => typed ? s.OneOffValue : s.OneOffValue.ToString("0.##", CultureInfo.InvariantCulture),
            LegalizationField.Currency => s.Currency,
            LegalizationField.State => StateCode(s.State),
            LegalizationField.RecordingFile => item.RecordingFileName,
            _ => null,
        };
        return value ?? (typed ? null : "");
    }
}
