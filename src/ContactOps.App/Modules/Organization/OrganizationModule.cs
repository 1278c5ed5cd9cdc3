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
        services.AddScoped<Contracts.AdminAccess>();
        services.AddScoped<ClientCalendars>();
        services.AddScoped<ComputeDue>();
        services.AddScoped<ListHolidays>();
        services.AddScoped<ListClients>();
        services.AddScoped<CreateClient>();
        services.AddScoped<UpdateClient>();
        services.AddScoped<GetCalendar>();
        services.AddScoped<UpdateOpeningHours>();
        services.AddScoped<AddHolidayOverride>();
        services.AddScoped<RemoveHolidayOverride>();
        services.AddScoped<ListOperations>();
        services.AddScoped<Contracts.AdministeredOperations>();
        services.AddScoped<CreateOperation>();
        services.AddScoped<UpdateOperation>();
        services.AddScoped<SetKpiTarget>();
        services.AddScoped<ListDispositions>();
        services.AddScoped<CreateDisposition>();
        services.AddScoped<UpdateDisposition>();
        services.AddScoped<ManageTeams>();
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
        clients.MapGet("/", async (int? page, int? pageSize, ListClients h, CancellationToken ct) => ApiResults.From(await h.HandleAsync(page, pageSize, ct)))
            .WithSummary("Clients the caller administers").Produces<Page<ClientRow>>();
        clients.MapPost("/", async (CreateClientRequest request, CreateClient h, CancellationToken ct) => ApiResults.From(await h.HandleAsync(request, ct)))
            .WithSummary("Create a client (platform admins)").Produces<ClientRow>();
        clients.MapPut("/{code}", async (string code, UpdateClientRequest request, UpdateClient h, CancellationToken ct) => ApiResults.From(await h.HandleAsync(code, request, ct)))
            .WithSummary("Rename or (de)activate a client").Produces<ClientRow>();
        clients.MapGet("/{code}/calendar", async (string code, GetCalendar h, CancellationToken ct) => ApiResults.From(await h.HandleAsync(code, ct)))
            .WithSummary("The client's calendar settings: zone, opening hours, manual overrides").Produces<CalendarView>();
        clients.MapPut("/{code}/calendar/opening-hours", async (string code, UpdateOpeningHoursRequest request, UpdateOpeningHours h, CancellationToken ct) => ApiResults.From(await h.HandleAsync(code, request, ct)))
            .WithSummary("Set weekly opening hours, e.g. \"Mon-Fri 08:00-18:00\"").Produces<CalendarView>();
        clients.MapPost("/{code}/calendar/overrides", async (string code, HolidayOverrideRequest request, AddHolidayOverride h, CancellationToken ct) => ApiResults.From(await h.HandleAsync(code, request, ct)))
            .WithSummary("Add a manual holiday (or remove a rule holiday)").Produces<CalendarView>();
        clients.MapDelete("/{code}/calendar/overrides/{date}", async (string code, string date, RemoveHolidayOverride h, CancellationToken ct) => ApiResults.From(await h.HandleAsync(code, date, ct)))
            .WithSummary("Delete a manual override (yyyy-MM-dd)").Produces<CalendarView>();

        var operations = api.MapGroup("/operations").WithTags("Operations");
        operations.MapGet("/", async (string? client, int? page, int? pageSize, ListOperations h, CancellationToken ct) => ApiResults.From(await h.HandleAsync(client, page, pageSize, ct)))
            .WithSummary("Operations of the clients the caller administers (?client=code)").Produces<Page<OperationRow>>();
        operations.MapPost("/", async (CreateOperationRequest request, CreateOperation h, CancellationToken ct) => ApiResults.From(await h.HandleAsync(request, ct)))
            .WithSummary("Create an operation").Produces<OperationRow>();
        operations.MapPut("/{code}", async (string code, UpdateOperationRequest request, UpdateOperation h, CancellationToken ct) => ApiResults.From(await h.HandleAsync(code, request, ct)))
            .WithSummary("Change an operation").Produces<OperationRow>();
        operations.MapPut("/{code}/kpi-targets/{kpi}", async (string code, string kpi, SetKpiTargetRequest request, SetKpiTarget h, CancellationToken ct) => ApiResults.From(await h.HandleAsync(code, kpi, request, ct)))
            .WithSummary("Set a KPI target (fraction, 0.7 = 70%)").Produces<OperationRow>();
        operations.MapGet("/{code}/dispositions", async (string code, int? page, int? pageSize, ListDispositions h, CancellationToken ct) => ApiResults.From(await h.HandleAsync(code, page, pageSize, ct)))
            .WithSummary("The operation's disposition catalog").Produces<Page<DispositionRow>>();
        operations.MapPost("/{code}/dispositions", async (string code, DispositionRequest request, CreateDisposition h, CancellationToken ct) => ApiResults.From(await h.HandleAsync(code, request, ct)))
            .WithSummary("Add a disposition").Produces<DispositionRow>();
        operations.MapPut("/{code}/dispositions/{disposition}", async (string code, string disposition, DispositionRequest request, UpdateDisposition h, CancellationToken ct) => ApiResults.From(await h.HandleAsync(code, disposition, request, ct)))
            .WithSummary("Change a disposition").Produces<DispositionRow>();
        operations.MapGet("/{code}/teams", async (string code, ManageTeams h, CancellationToken ct) => ApiResults.From(await h.ListAsync(code, ct)))
            .WithSummary("The operation's teams with their members, and the members without team").Produces<TeamsView>();
        operations.MapPost("/{code}/teams", async (string code, TeamRequest request, ManageTeams h, CancellationToken ct) => ApiResults.From(await h.CreateAsync(code, request, ct)))
            .WithSummary("Create a team (name, supervisor user name)").Produces<TeamsView>();
        operations.MapPut("/{code}/teams/{teamId:guid}", async (string code, Guid teamId, TeamRequest request, ManageTeams h, CancellationToken ct) => ApiResults.From(await h.UpdateAsync(code, teamId, request, ct)))
            .WithSummary("Rename a team or change its supervisor").Produces<TeamsView>();
        operations.MapPost("/{code}/teams/{teamId:guid}/members", async (string code, Guid teamId, TeamMembersRequest request, ManageTeams h, CancellationToken ct) => ApiResults.From(await h.AddMembersAsync(code, teamId, request, ct)))
            .WithSummary("Put members (membership ids) in the team").Produces<TeamsView>();
        operations.MapPost("/{code}/teams/without-team", async (string code, TeamMembersRequest request, ManageTeams h, CancellationToken ct) => ApiResults.From(await h.RemoveMembersAsync(code, request, ct)))
            .WithSummary("Take members (membership ids) out of their team").Produces<TeamsView>();
    }

    public void Register(RootCommand root, CliContext context) => root.Subcommands.Add(CalendarCli.Build(context));
}
