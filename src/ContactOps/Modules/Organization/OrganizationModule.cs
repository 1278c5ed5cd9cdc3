using System.CommandLine;
using ContactOps.Modules.Organization.Cli;
using ContactOps.Modules.Organization.Features;
using ContactOps.Platform;
using ContactOps.Platform.Cli;
using ContactOps.Platform.Web;

namespace ContactOps.Modules.Organization;

/// <summary>Clients, operations, teams, dispositions, business calendars.</summary>
public sealed class OrganizationModule : IAppModule, ICliModule
{
    public IEnumerable<string> TopLevelVerbs => ["calendar"];

    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<ClientCalendars>();
        services.AddScoped<ComputeDue>();
        services.AddScoped<ListHolidays>();
    }

    public void MapEndpoints(RouteGroupBuilder api)
    {
        var clients = api.MapGroup("/clients").WithTags("Clients");
        clients.MapGet("/{code}/calendar/due", async (string code, string? from, double? businessHours, ComputeDue handler, CancellationToken ct) =>
                ApiResults.From(await handler.HandleAsync(new DueRequest(code, from, businessHours), ct)))
            .WithSummary("Due instant: start + N business hours on the client's calendar")
            .Produces<DueResponse>();
        clients.MapGet("/{code}/calendar/holidays", async (string code, int? year, ListHolidays handler, CancellationToken ct) =>
                ApiResults.From(await handler.HandleAsync(code, year, ct)))
            .WithSummary("The client's public holidays in a year")
            .Produces<IReadOnlyList<HolidayRow>>();
    }

    public void Register(RootCommand root, CliContext context) => root.Subcommands.Add(CalendarCommands.Build(context));
}
