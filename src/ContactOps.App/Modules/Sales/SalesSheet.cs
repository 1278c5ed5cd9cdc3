using ContactOps.Modules.Sales.Features;
using ContactOps.Platform.Web;
using Microsoft.AspNetCore.Mvc;

namespace ContactOps.Modules.Sales;

/// <summary>The sales sheet and the sales-cell back office: services and the /api/v1/sales endpoints.</summary>
public static class SalesSheet
{
    public static void AddServices(IServiceCollection services)
    {
        services.AddScoped<RegisterSale>();
        services.AddScoped<GetSale>();
        services.AddScoped<ListSales>();
        services.AddScoped<RecordSaleStep>();
        services.AddScoped<ChangeSaleState>();
        services.AddScoped<MarkSaleAccount>();
        services.AddScoped<ClaimSale>();
        services.AddScoped<AssignSale>();
        services.AddScoped<ListSaleAssignees>();
        services.AddScoped<SetSaleFollowUp>();
        services.AddScoped<ListChecklists>();
        services.AddScoped<SaveChecklist>();
    }

    public static void MapEndpoints(RouteGroupBuilder api)
    {
        var sales = api.MapGroup("/sales").WithTags("Sales");
        sales.MapPost("/", async (RegisterSaleRequest request, RegisterSale handler, CancellationToken ct) =>
            {
                var result = await handler.HandleAsync(request, ct);
                return result.IsSuccess ? TypedResults.Created("/api/v1/sales/" + result.Value!.Id, result.Value) : ApiResults.Problem(result.Error!);
            })
            .WithSummary("Register a sale on the sales sheet (from an interaction or the customer page)")
            .Produces<SaleDetail>(StatusCodes.Status201Created);
        sales.MapGet("/", async ([AsParameters] SaleListRequest request, ListSales handler, CancellationToken ct) =>
                ApiResults.From(await handler.HandleAsync(request, ct)))
            .WithSummary("The sales sheet: filters operation, state, kind, from/to, agent, assignedTo, unassigned, minAgeDays, followUpDue, openOnly; paged")
            .Produces<Page<SaleRow>>();
        sales.MapGet("/export.csv", async ([AsParameters] SaleListRequest request, [FromQuery] string? timeZone, ListSales handler, CancellationToken ct) =>
            {
                var zone = TimeZoneInfo.Utc;
                if (!string.IsNullOrWhiteSpace(timeZone) && !TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out zone))
                {
                    return ApiResults.Problem(Platform.Results.Error.Validation("sale.time_zone", "Zona horaria desconocida.", "timeZone"));
                }

                var result = await handler.ExportCsvAsync(request, zone!, ct);
                return result.IsSuccess ? Results.File(result.Value!, "text/csv; charset=utf-8", "hoja-de-ventas.csv") : ApiResults.Problem(result.Error!);
            })
            .WithSummary("The filtered sales sheet as CSV (semicolon-delimited, UTF-8)");
        sales.MapGet("/follow-ups/due", async ([FromQuery] string? operation, ListSales handler, CancellationToken ct) =>
                ApiResults.From(await handler.DueFollowUpsAsync(operation, ct)))
            .WithSummary("How many open sales have their follow-up due")
            .Produces<int>();
        sales.MapGet("/assignees", async ([FromQuery] string? operation, ListSaleAssignees handler, CancellationToken ct) =>
                ApiResults.From(await handler.HandleAsync(operation, ct)))
            .WithSummary("Back-office people a sale of the operation can be assigned to");

        var checklists = sales.MapGroup("/checklists");
        checklists.MapGet("/", async ([FromQuery] string? operation, [FromQuery] Sales.SaleKind? kind, [FromQuery] bool? all, ListChecklists handler, CancellationToken ct) =>
                ApiResults.From(await handler.HandleAsync(operation, kind, all == true, ct)))
            .WithSummary("Checklists of an operation (current versions; all=true for every version)")
            .Produces<IReadOnlyList<ChecklistView>>();
        checklists.MapGet("/{id:guid}", async (Guid id, ListChecklists handler, CancellationToken ct) =>
                ApiResults.From(await handler.GetAsync(id, ct)))
            .Produces<ChecklistView>();
        checklists.MapPost("/", async (SaveChecklistRequest request, SaveChecklist handler, CancellationToken ct) =>
                ApiResults.From(await handler.HandleAsync(request, ct)))
            .WithSummary("Save a checklist as a new version (sales keep the version they started with)")
            .Produces<ChecklistView>();

        sales.MapGet("/{id:guid}", async (Guid id, GetSale handler, CancellationToken ct) =>
                ApiResults.From(await handler.HandleAsync(id, ct)))
            .WithSummary("A sale with products, checklist, steps and state history")
            .Produces<SaleDetail>();
        sales.MapPost("/{id:guid}/steps", async (Guid id, RecordSaleStepRequest request, RecordSaleStep handler, CancellationToken ct) =>
                ApiResults.From(await handler.HandleAsync(id, request, ct)))
            .WithSummary("Record a checklist step (in order; 409 when an earlier step is missing or the version is stale)")
            .Produces<SaleDetail>();
        sales.MapPost("/{id:guid}/transitions", async (Guid id, ChangeSaleStateRequest request, ChangeSaleState handler, CancellationToken ct) =>
                ApiResults.From(await handler.HandleAsync(id, request, ct)))
            .WithSummary("Move the sale to a state (state machine + checklist checked; reason for Rejected/Cancelled/NotInstalled)")
            .Produces<SaleDetail>();
        sales.MapPost("/{id:guid}/marking", async (Guid id, MarkSaleAccountRequest request, MarkSaleAccount handler, CancellationToken ct) =>
                ApiResults.From(await handler.HandleAsync(id, request, ct)))
            .WithSummary("Record the account marking CTA (only when codes provisioned, no arrears and, open work order, visit confirmed)")
            .Produces<SaleDetail>();
        sales.MapPost("/{id:guid}/claim", async (Guid id, ClaimSaleRequest request, ClaimSale handler, CancellationToken ct) =>
                ApiResults.From(await handler.HandleAsync(id, request, ct)))
            .WithSummary("Take a free sale to work it")
            .Produces<SaleDetail>();
        sales.MapPost("/{id:guid}/assign", async (Guid id, AssignSaleRequest request, AssignSale handler, CancellationToken ct) =>
                ApiResults.From(await handler.HandleAsync(id, request, ct)))
            .WithSummary("Assign the sale to a back-office member (supervisors)")
            .Produces<SaleDetail>();
        sales.MapPut("/{id:guid}/follow-up", async (Guid id, SetSaleFollowUpRequest request, SetSaleFollowUp handler, CancellationToken ct) =>
                ApiResults.From(await handler.HandleAsync(id, request, ct)))
            .WithSummary("Set or clear the next follow-up of the sale")
            .Produces<SaleDetail>();
    }
}
