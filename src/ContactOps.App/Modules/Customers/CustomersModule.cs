using System.CommandLine;
using ContactOps.Modules.Customers.Features;
using ContactOps.Modules.Customers.Cli;
using ContactOps.Platform;
using ContactOps.Platform.Imports;
using ContactOps.Platform.Results;
using Microsoft.AspNetCore.Mvc;
using ContactOps.Platform.Cli;
using ContactOps.Platform.Web;

namespace ContactOps.Modules.Customers;

/// <summary>Customers, their accounts, lines and premises; search, the 360° view, imports.</summary>
public sealed class CustomersModule : IAppModule, ICliModule
{
    public IEnumerable<string> TopLevelVerbs => ["import"];

    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<SearchCustomers>();
        services.AddScoped<CreateCustomer>();
        services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.ISaveChangesInterceptor, CustomerNameTokens>();
        services.AddScoped<CustomerNameWords>();
        services.AddHostedService<CustomerNameWordsSchedule>();
        services.AddScoped<GetCustomer360>();
        services.AddScoped<RevealPersonalData>();
        services.AddScoped<VerifyPersonalData>();
        services.AddSingleton<VerifyThrottle>();
        services.AddSingleton<VerifyLimits>();
        services.AddScoped<ImportCustomers>();
        services.AddSingleton(new Platform.Imports.Mappings.FileKindDefinition(
            CustomerFileColumns.FileKind, CustomerFileColumns.Aliases.Keys.ToArray(), CustomerFileColumns.MultiValued));
        services.AddScoped<GetImportRejections>();
    }

    public void MapEndpoints(RouteGroupBuilder api)
    {
        var customers = api.MapGroup("/customers").WithTags("Customers");
        customers.MapGet("/", async ([AsParameters] CustomerSearchRequest request, SearchCustomers handler, CancellationToken ct) =>
                ApiResults.From(await handler.HandleAsync(request, ct)))
            .WithSummary("Search customers by document, phone (any format), account, line or name")
            .Produces<Page<CustomerSummary>>();
        customers.MapPost("/", async (CreateCustomerRequest request, CreateCustomer handler, CancellationToken ct) =>
                ApiResults.From(await handler.HandleAsync(request, ct)))
            .WithSummary("Create a customer of the operation's client (document and phone validated; a duplicate document or phone answers 409 with customerId)")
            .Produces<CreatedCustomer>();
        customers.MapGet("/{id:guid}", async (Guid id, GetCustomer360 handler, CancellationToken ct) =>
                ApiResults.From(await handler.HandleAsync(id, ct)))
            .WithSummary("The customer's 360° view (personal data masked)")
            .Produces<Customer360>();
        customers.MapPost("/{id:guid}/reveal", async (Guid id, RevealPersonalData handler, CancellationToken ct) =>
                ApiResults.From(await handler.HandleAsync(id, ct)))
            .WithSummary("Full document and phones of a customer, for the roles of the operation's setting (default back office and leaders) and the client's admins; others 403 customer.reveal_not_allowed; every read is logged in the audit trail")
            .Produces<PersonalData>();
        customers.MapPost("/{id:guid}/verify", async (Guid id, VerifyPersonalDataRequest request, VerifyPersonalData handler, CancellationToken ct) =>
                ApiResults.From(await handler.HandleAsync(id, request, ct)))
            .WithSummary("Whether a document and/or phone the customer gives match theirs (true/false, null when not asked), without showing them; logged in the audit trail and limited per user (429)")
            .Produces<PersonalDataCheck>();

        var imports = customers.MapGroup("/imports");
        imports.MapPost("/", async (
                [FromForm] string? operation,
                [FromForm] string? mapping,
                [FromForm] string? sheet,
                IFormFile? file,
                ImportCustomers handler,
                CancellationToken ct) =>
            {
                if (file is null || file.Length == 0)
                {
                    return ApiResults.Problem(Error.Invalid("file", "import.file_required#2"));
                }

                await using var stream = file.OpenReadStream();
                return ApiResults.From(await handler.HandleAsync(
                    new ImportCustomersRequest(operation ?? "", stream, file.FileName, string.IsNullOrWhiteSpace(mapping) ? null : mapping, string.IsNullOrWhiteSpace(sheet) ? null : sheet),
                    null,
                    ct));
            })
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(1L << 30), new RequestFormLimitsAttribute { MultipartBodyLengthLimit = 1L << 30 })
            .WithSummary("Import customers from a CSV or XLSX file (multipart: operation, file, mapping?, sheet?); all or nothing")
            .Produces<ImportSummary>();
        imports.MapGet("/{batchId:guid}/rejected", async (Guid batchId, GetImportRejections handler, CancellationToken ct) =>
            {
                var result = await handler.HandleAsync(batchId, ct);
                return result.IsSuccess
                    ? Results.File(result.Value!, "text/csv; charset=utf-8", "rechazados-" + batchId.ToString("N")[..8] + ".csv")
                    : ApiResults.Problem(result.Error!);
            })
            .WithSummary("The rejected rows of an import as CSV (linea;campo;motivo)");
    }

    public void Register(RootCommand root, CliContext context)
    {
        var import = root.Subcommands.FirstOrDefault(c => c.Name == "import");
        if (import is null)
        {
            import = new Command("import", "Importa archivos (CSV o XLSX)");
            root.Subcommands.Add(import);
        }

        import.Subcommands.Add(ImportCustomersCli.Build(context));
    }
}
