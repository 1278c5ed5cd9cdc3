using System.Net.Http.Json;
using System.Text.Json;
using ContactOps.Modules.Organization;
using ContactOps.Modules.Sales;
using ContactOps.Modules.Sales.Features;
using ContactOps.Platform.Data;
using ContactOps.Platform.Tenancy;
using ContactOps.Tests.Infrastructure;
using ContactOps.Tests.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContactOps.Tests.Sales;

/// <summary>
/// The sales cell's sheet and back-office queue (its own sales or those routed to it) are read as two index-ordered halves
/// merged in the handler: the pages must hold exactly the rows of the OR query (<c>OperationId = cell OR
/// BackOfficeOperationId = cell</c>), in its order <c>SoldAt DESC, Id</c>, each sale once.
/// </summary>
public class SalesCellSheetPagingTests
{
    private static readonly SaleState[] Closed = [SaleState.Legalized, SaleState.Rejected, SaleState.Cancelled];

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Pages_of_the_cells_sheet_merge_own_and_routed_sales_in_the_order_of_the_OR_query(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (cell, both) = await SeedAsync(app);
        var bo = await app.ClientForAsync("backoffice.sales-cell");

        // The whole sheet, page by page (7 a page: pages cut through groups of sales sold at the same instant).
        var expected = await ExpectedAsync(app, cell, _ => true);
        Assert.True(expected.Count > 60);
        var (ids, total, capped) = await WalkAsync(bo, "/api/v1/sales?operation=sales-cell", 7);
        Assert.Equal(expected, ids);
        Assert.Equal(expected.Count, total);
        Assert.False(capped);

        // A sale sold by the cell and also routed to it is listed once.
        Assert.All(both, id => Assert.Single(ids, id));

        // A deep page on its own (offset 35) is the same slice.
        var deep = await Demo.JsonAsync(await bo.GetAsync("/api/v1/sales?operation=sales-cell&pageSize=7&page=6"));
        Assert.Equal(expected.Skip(35).Take(7), Ids(deep));
        Assert.Equal(expected.Count, deep.GetProperty("total").GetInt64());

        // A state filter applies to both halves.
        expected = await ExpectedAsync(app, cell, s => s.State == SaleState.Registered);
        Assert.NotEmpty(expected);
        (ids, total, _) = await WalkAsync(bo, "/api/v1/sales?operation=sales-cell&state=Registered", 4);
        Assert.Equal(expected, ids);
        Assert.Equal(expected.Count, total);

        // The back-office queue: open and unassigned.
        expected = await ExpectedAsync(app, cell, s => !Closed.Contains(s.State) && s.AssignedToUserId == null);
        Assert.NotEmpty(expected);
        (ids, total, _) = await WalkAsync(bo, "/api/v1/sales?operation=sales-cell&openOnly=true&unassigned=true", 5);
        Assert.Equal(expected, ids);
        Assert.Equal(expected.Count, total);
        Assert.All(both.Where(expected.Contains), id => Assert.Single(ids, id));
        Assert.Empty(app.LoggedErrors);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Pages_past_the_merge_depth_and_the_export_read_the_OR_query_with_the_same_rows(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (cell, _) = await SeedAsync(app);
        var expected = await ExpectedAsync(app, cell, _ => true);
        var queue = await ExpectedAsync(app, cell, s => !Closed.Contains(s.State) && s.AssignedToUserId == null);

        await using var scope = app.SystemScope();
        var services = scope.ServiceProvider;

        // Merge depth lowered to 12: pages ending at or before row 12 are merged, deeper ones read the OR query.
        var list = new ListSales(services.GetRequiredService<IDbContextFactory<AppDbContext>>(), services.GetRequiredService<AccessScope>(), TimeProvider.System) { MergeRows = 12 };
        for (var page = 1; page <= (expected.Count + 4) / 5 + 1; page++)
        {
            var result = await list.HandleAsync(new SaleListRequest("sales-cell", Page: page, PageSize: 5), CancellationToken.None);
            Assert.True(result.IsSuccess);
            Assert.Equal(expected.Skip((page - 1) * 5).Take(5), result.Value!.Items.Select(r => r.Id));
            Assert.Equal(expected.Count, result.Value.Total);
            Assert.False(result.Value.TotalCapped);
        }

        for (var page = 1; page <= (queue.Count + 4) / 5; page++)
        {
            var result = await list.HandleAsync(new SaleListRequest("sales-cell", OpenOnly: true, Unassigned: true, Page: page, PageSize: 5), CancellationToken.None);
            Assert.Equal(queue.Skip((page - 1) * 5).Take(5), result.Value!.Items.Select(r => r.Id));
            Assert.Equal(queue.Count, result.Value.Total);
        }

        // The export (a limit): one page of the OR query, capped; the CSV export too.
        var export = await list.HandleAsync(new SaleListRequest("sales-cell", OpenOnly: true, Unassigned: true), 10, CancellationToken.None);
        Assert.Equal(queue.Take(10), export.Value!.Items.Select(r => r.Id));
        Assert.Equal(queue.Count > 10, export.Value.TotalCapped);
        var csv = await list.ExportCsvAsync(new SaleListRequest("sales-cell"), TimeZoneInfo.Utc, CancellationToken.None);
        var lines = System.Text.Encoding.UTF8.GetString(csv.Value!).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(expected, lines.Skip(1).Select(l => Guid.Parse(l.Split(';')[0])));
        Assert.Empty(app.LoggedErrors);
    }

    /// <summary>
    /// 66 sales of the Colombian client: 30 sold by the cell, 30 sold by premium-sales and routed to the cell, 6 sold by the
    /// cell and (as a stored row can be) routed to it too. Three at each instant, the kinds mixed, so the id decides ties
    /// across the halves; states and assignment spread so the filters keep some of each.
    /// </summary>
    private static async Task<(Guid Cell, List<Guid> Both)> SeedAsync(TestApp app)
    {
        var customer = await Demo.CustomerIdAsync(app, Demo.CoDocument);
        await using var scope = app.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var cell = await db.Set<Operation>().SingleAsync(o => o.Code == "sales-cell");
        var front = await db.Set<Operation>().SingleAsync(o => o.Code == "premium-sales");
        var someone = await db.Users.Where(u => u.UserName == "backoffice.sales-cell").Select(u => u.Id).SingleAsync();
        var start = new DateTimeOffset(TimeProvider.System.GetUtcNow().UtcDateTime.Date, TimeSpan.Zero).AddDays(-2);
        var states = new[] { SaleState.Registered, SaleState.InValidation, SaleState.Legalized, SaleState.Validated, SaleState.Cancelled };
        var both = new List<Guid>();
        for (var i = 0; i < 66; i++)
        {
            var kind = i % 11 == 5 ? "both" : i % 2 == 0 ? "own" : "routed";
            var sale = new Sale(cell.ClientId, kind == "routed" ? front.Id : cell.Id, customer, SaleKind.MobileNewLine, start.AddMinutes(-(i / 3)), "COP", SaleOrigin.CustomerPage);
            sale.RouteToBackOffice(kind == "routed" ? cell.Id : null);
            sale.MoveTo(states[i % states.Length], sale.SoldAt);
            sale.AssignedToUserId = i % 4 == 0 ? someone : null;
            db.Sales.Add(sale);
            if (kind == "both")
            {
                both.Add(sale.Id);
            }
        }

        await db.SaveChangesAsync();

        // RouteToBackOffice never routes a sale to its own operation; such rows are valid in the table (the OR matches them once).
        await db.Sales.Where(s => both.Contains(s.Id)).ExecuteUpdateAsync(u => u.SetProperty(s => s.BackOfficeOperationId, cell.Id));
        return (cell.Id, both);
    }

    /// <summary>What the OR query returns, in its own SQL order.</summary>
    private static async Task<List<Guid>> ExpectedAsync(TestApp app, Guid cell, System.Linq.Expressions.Expression<Func<Sale, bool>> filter)
    {
        await using var scope = app.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Sales.AsNoTracking().Where(s => s.OperationId == cell || s.BackOfficeOperationId == cell).Where(filter)
            .OrderByDescending(s => s.SoldAt).ThenBy(s => s.Id).Select(s => s.Id).ToListAsync();
    }

    private static async Task<(List<Guid> Ids, long Total, bool Capped)> WalkAsync(HttpClient client, string url, int pageSize)
    {
        var ids = new List<Guid>();
        long total = -1;
        var capped = false;
        for (var page = 1; ; page++)
        {
            var json = await client.GetFromJsonAsync<JsonElement>($"{url}&pageSize={pageSize}&page={page}");
            total = json.GetProperty("total").GetInt64();
            capped = json.GetProperty("totalCapped").GetBoolean();
            var items = Ids(json);
            ids.AddRange(items);
            if (items.Count < pageSize)
            {
                return (ids, total, capped);
            }
        }
    }

    private static List<Guid> Ids(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetGuid()).ToList();
}
