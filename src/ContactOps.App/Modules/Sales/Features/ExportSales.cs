using System.Globalization;
using ContactOps.Modules.Customers.Contracts;
using ContactOps.Platform.Auth;
using ContactOps.Platform.Data;
using ContactOps.Platform.Files;
using ContactOps.Platform.Results;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace ContactOps.Modules.Sales.Features;

public enum SheetFormat
{
    Csv,
    Xlsx,
}

/// <summary>The sales sheet of an operation for sale dates <paramref name="From"/>..<paramref name="To"/> (local dates of the client, inclusive).</summary>
public sealed record ExportSalesRequest(string OperationCode, DateOnly From, DateOnly To, SheetFormat Format);

/// <summary>
/// Writes the operation's sales sheet (one row per product, the columns in Spanish as <see cref="SalesSheetColumns.ExportHeaders"/>,
/// the same layout <c>import sales</c> reads back): CSV (<c>;</c>, UTF-8 with BOM) or XLSX (MiniExcel). Answers the rows written.
/// </summary>
public sealed class ExportSales(AppDbContext db, AccessScope scope)
{
    public async Task<Result<long>> HandleAsync(ExportSalesRequest request, Stream output, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(output);
        if (request.From.Year < 2000 || request.To.Year > 2100)
        {
            return Error.Invalid(request.From.Year < 2000 ? "from" : "to", "export.date_out_of_range");
        }

        if (request.To < request.From)
        {
            return Error.Invalid("to", "export.range");
        }

        if (request.To.DayNumber - request.From.DayNumber > 366)
        {
            return Error.Invalid("to", "export.range_too_long");
        }

        var code = request.OperationCode?.Trim() ?? "";
        var operation = await db.Operations.AsNoTracking().FirstOrDefaultAsync(o => o.Code == code, ct);
        if (operation is null)
        {
            return Error.NotFound("operation.not_found#2", code);
        }

        if (!scope.SeesAll && !(scope.RoleIn(operation.Id) is { } role && (Roles.IsLeader(role) || Roles.CanImport(role) || role == Role.BackOffice)))
        {
            return Error.Forbidden("export.forbidden");
        }

        var client = await db.Clients.AsNoTracking().FirstAsync(c => c.Id == operation.ClientId, ct);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(client.TimeZoneId);
        var from = LocalMidnight(request.From, zone);
        var to = LocalMidnight(request.To.AddDays(1), zone);
        var rows = await (from s in db.Sales.AsNoTracking()
                          join p in db.SaleProducts.AsNoTracking() on s.Id equals p.SaleId
                          where s.OperationId == operation.Id && s.SoldAt >= @from && s.SoldAt < to
                          orderby s.SoldAt, s.Id, p.TariffCode
                          select new
                          {
                              s.CustomerId, s.Kind, p.TariffCode, p.Quantity, p.MonthlyValue, p.OneOffValue, s.SoldAt, s.SellerLogin, s.CallId, s.Extension, s.AccountNumber, s.LineNumber, s.State,
                          })
            .ToListAsync(ct);
        var documents = await CustomerDocuments.NumbersAsync(db, rows.Select(r => r.CustomerId), ct);
        var lines = rows.Select(r => new string?[]
        {
            documents.GetValueOrDefault(r.CustomerId, ""),
            SalesSheetColumns.KindName(r.Kind),
            r.TariffCode,
            r.Quantity.ToString(CultureInfo.InvariantCulture),
            Money(r.MonthlyValue * r.Quantity),
            Money(r.OneOffValue * r.Quantity),
            DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(r.SoldAt, zone).DateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            r.SellerLogin,
            r.CallId,
            r.Extension,
            r.AccountNumber,
            r.LineNumber,
            SalesSheetColumns.StateName(r.State),
        });
        var headers = SalesSheetColumns.ExportHeaders;
        if (request.Format == SheetFormat.Csv)
        {
            using var csv = CsvExport.Create(output, ';', protectFormulas: true);
            csv.WriteHeader(headers.ToArray());
            foreach (var line in lines)
            {
                csv.WriteRow(line);
            }
        }
        else
        {
            var sheet = lines.Select(line =>
            {
                var row = new Dictionary<string, object?>(StringComparer.Ordinal);
                for (var i = 0; i < headers.Count; i++)
                {
                    row[headers[i]] = line[i];
                }

                return row;
            });
            await MiniExcel.SaveAsAsync(output, sheet, sheetName: "ventas", cancellationToken: ct);
        }

        return rows.Count;
    }

    private static string Money(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static DateTimeOffset LocalMidnight(DateOnly date, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
