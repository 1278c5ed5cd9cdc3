using ContactOps.Modules.Customers.Contracts;
using ContactOps.Modules.Interactions.Features;
using ContactOps.Platform;
using ContactOps.Platform.Web;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ContactOps.Modules.Interactions;

/// <summary>Inbound interactions (cases), their closing with a disposition, escalations with due instants and their queue.</summary>
public sealed class InteractionsModule : IAppModule
{
    public void AddServices(IServiceCollection services)
    {
        services.TryAddScoped<CustomerDirectory>();
        services.AddScoped<Platform.Reporting.IKpiProvider, CasesKpiProvider>();
        services.AddScoped<OpenInteraction>();
        services.AddScoped<GetInteraction>();
        services.AddScoped<IdentifyCustomer>();
        services.AddScoped<RecordPremiseCheck>();
        services.AddScoped<CloseInteraction>();
        services.AddScoped<ListCloseOptions>();
        services.AddScoped<ListEscalations>();
        services.AddScoped<ExportEscalations>();
        services.AddScoped<AnswerEscalation>();
        services.AddScoped<ListEscalationTypes>();
        services.AddScoped<SaveEscalationType>();
        services.AddScoped<ListOpenInteractions>();
        services.AddScoped<CloseAbandonedInteractions>();
        services.AddOptions<InteractionsOptions>().BindConfiguration(InteractionsOptions.Section);

        // The abandonment rule on the product's scheduler (Quartz.NET, registered by the outbound module); 0 minutes turns it off.
        services.AddHostedService<AbandonedInteractionsSchedule>();
    }

    public void MapEndpoints(RouteGroupBuilder api)
    {
        var interactions = api.MapGroup("/interactions").WithTags("Interactions");
        interactions.MapPost("/", async (OpenInteractionRequest request, OpenInteraction h, CancellationToken ct) => ApiResults.From(await h.HandleAsync(request, ct)))
            .WithSummary("Open an interaction (channel Voice|WhatsApp|WebChat|Email; voice needs callId, extension, agentLogin)")
            .Produces<InteractionView>();
        interactions.MapGet("/{id:guid}", async (Guid id, GetInteraction h, CancellationToken ct) => ApiResults.From(await h.HandleAsync(id, ct)))
            .WithSummary("One interaction with its escalation").Produces<InteractionView>();
        interactions.MapPut("/{id:guid}/customer", async (Guid id, IdentifyCustomerRequest request, IdentifyCustomer h, CancellationToken ct) => ApiResults.From(await h.HandleAsync(id, request, ct)))
            .WithSummary("Link the identified customer to the interaction").Produces<InteractionView>();
        interactions.MapPut("/{id:guid}/premise-check", async (Guid id, RecordPremiseCheckRequest request, RecordPremiseCheck h, CancellationToken ct) => ApiResults.From(await h.HandleAsync(id, request, ct)))
            .WithSummary("Record the request and the premise/account check outcome").Produces<InteractionView>();
        interactions.MapPost("/{id:guid}/close", async (Guid id, CloseInteractionRequest request, CloseInteraction h, CancellationToken ct) => ApiResults.From(await h.HandleAsync(id, request, ct)))
            .WithSummary("Close with a disposition: solved in first contact, or escalated (returns the promised answer instant)")
            .Produces<CloseInteractionResponse>();
        interactions.MapGet("/mine", async (string? operation, int? page, int? pageSize, ListOpenInteractions h, CancellationToken ct) => ApiResults.From(await h.HandleAsync(operation, page, pageSize, ct)))
            .WithSummary("The caller's interactions still open in the operation (to resume and close them)").Produces<Page<OpenInteractionRow>>();
        interactions.MapGet("/close-options", async (string? operation, ListCloseOptions h, CancellationToken ct) => ApiResults.From(await h.HandleAsync(operation, ct)))
            .WithSummary("Dispositions and escalation types an interaction of the operation can be closed with").Produces<CloseOptions>();

        var escalations = api.MapGroup("/escalations").WithTags("Escalations");
        escalations.MapGet("/", async ([Microsoft.AspNetCore.Http.AsParameters] EscalationQueueRequest request, ListEscalations h, CancellationToken ct) => ApiResults.From(await h.HandleAsync(request, ct)))
            .WithSummary("The escalation queue: counts (open, overdue, due soon, answered) and a page of rows; filter all|open|overdue|dueSoon|answered")
            .Produces<EscalationQueue>();
        escalations.MapGet("/export", async ([Microsoft.AspNetCore.Http.AsParameters] ExportEscalationsRequest request, ExportEscalations h, HttpContext http, CancellationToken ct) =>
                TableExportResults.From(await h.HandleAsync(request, ct), http))
            .WithSummary("The escalations queue as a file (format=csv|xlsx, the list's filters; headers in the user's language, local times; at most 100,000 rows, X-Export-Capped when more)");
        escalations.MapPost("/{id:guid}/answer", async (Guid id, AnswerEscalationRequest request, AnswerEscalation h, CancellationToken ct) => ApiResults.From(await h.HandleAsync(id, request, ct)))
            .WithSummary("Answer an escalation (closes it)").Produces<EscalationView>();
        escalations.MapGet("/types", async (string? operation, bool? includeInactive, ListEscalationTypes h, CancellationToken ct) => ApiResults.From(await h.HandleAsync(operation, includeInactive ?? false, ct)))
            .WithSummary("Escalation types of an operation").Produces<IReadOnlyList<EscalationTypeRow>>();
        escalations.MapPost("/types", async (EscalationTypeRequest request, SaveEscalationType h, CancellationToken ct) => ApiResults.From(await h.CreateAsync(request, ct)))
            .WithSummary("Create an escalation type (coordinators, managers, admins)").Produces<EscalationTypeRow>();
        escalations.MapPut("/types/{id:guid}", async (Guid id, EscalationTypeRequest request, SaveEscalationType h, CancellationToken ct) => ApiResults.From(await h.UpdateAsync(id, request, ct)))
            .WithSummary("Change an escalation type").Produces<EscalationTypeRow>();
    }
}
