using ContactOps.Modules.Organization.Contracts;
using ContactOps.Modules.Administration.Features;
using ContactOps.Platform;
using ContactOps.Platform.Auth;
using ContactOps.Platform.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace ContactOps.Modules.Administration;

/// <summary>Users, memberships, client-admin grants and API keys, managed by platform, client and operation admins.</summary>
public sealed class AdministrationModule : IAppModule
{
    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<AdminUsers>();
        services.AddScoped<ListUsers>();
        services.AddScoped<CreateUser>();
        services.AddScoped<SetUserActive>();
        services.AddScoped<SetUserDesk>();
        services.AddScoped<UnlockUser>();
        services.AddScoped<ResetPassword>();
        services.AddScoped<AddMembership>();
        services.AddScoped<ChangeMembership>();
        services.AddScoped<RemoveMembership>();
        services.AddScoped<ListApiKeys>();
        services.AddScoped<CreateApiKey>();
        services.AddScoped<RevokeApiKey>();
        services.AddScoped<SetClientAdmin>();
        services.AddScoped<GetMyProfile>();
        services.AddScoped<SaveMyProfile>();

        // Deactivated users are refused by AppSignInManager (Platform/Auth), for cookies and bearer tokens alike.
    }

    public void MapEndpoints(RouteGroupBuilder api)
    {
        var users = api.MapGroup("/users").WithTags("Users");
        users.MapGet("/", async (string? q, int? page, int? pageSize, ListUsers h, CancellationToken ct) => ApiResults.From(await h.HandleAsync(q, page, pageSize, ct)))
            .WithSummary("The users the caller administers (client admins: the client's people; operation admins: their operations' people)").Produces<Page<UserRow>>();
        users.MapPost("/", async (CreateUserRequest request, CreateUser h, CancellationToken ct) => ApiResults.From(await h.HandleAsync(request, ct)))
            .WithSummary("Create a user with an initial password").Produces<UserRow>();
        users.MapPut("/{id:guid}/client-admin/{client}", async (Guid id, string client, SetClientAdminRequest request, SetClientAdmin h, CancellationToken ct) => ApiResults.From(await h.HandleAsync(id, client, request, ct)))
            .WithSummary("Grant or take back the administration of a whole client (platform admins and that client's admins)").Produces<UserRow>();
        users.MapPut("/{id:guid}/active", async (Guid id, SetUserActiveRequest request, SetUserActive h, CancellationToken ct) => ApiResults.From(await h.HandleAsync(id, request, ct)))
            .WithSummary("Activate or deactivate a user").Produces<UserRow>();
        users.MapPut("/{id:guid}/desk", async (Guid id, SetUserDeskRequest request, SetUserDesk h, CancellationToken ct) => ApiResults.From(await h.HandleAsync(id, request, ct)))
            .WithSummary("Set a user's extension and dialer login (what the desks and the sale form prefill)").Produces<UserRow>();
        users.MapPost("/{id:guid}/unlock", async (Guid id, UnlockUser h, CancellationToken ct) => ApiResults.From(await h.HandleAsync(id, ct)))
            .WithSummary("End a lockout").Produces<UserRow>();
        users.MapPost("/{id:guid}/password", async (Guid id, ResetPasswordRequest request, ResetPassword h, CancellationToken ct) => ApiResults.From(await h.HandleAsync(id, request, ct)))
            .WithSummary("Set a new password").Produces<UserRow>();
        users.MapPost("/{id:guid}/memberships", async (Guid id, AddMembershipRequest request, AddMembership h, CancellationToken ct) => ApiResults.From(await h.HandleAsync(id, request, ct)))
            .WithSummary("Give the user a role in an operation").Produces<UserRow>();

        var memberships = api.MapGroup("/memberships").WithTags("Users");
        memberships.MapPut("/{id:guid}", async (Guid id, ChangeMembershipRequest request, ChangeMembership h, CancellationToken ct) => ApiResults.From(await h.HandleAsync(id, request, ct)))
            .WithSummary("Change a membership's role or team").Produces<UserRow>();
        memberships.MapDelete("/{id:guid}", async (Guid id, RemoveMembership h, CancellationToken ct) => ApiResults.From(await h.HandleAsync(id, ct)))
            .WithSummary("Remove a membership").Produces<UserRow>();

        // The caller's own profile: any signed-in user, whatever their role.
        var me = api.MapGroup("/me").WithTags("Profile");
        me.MapGet("/profile", async (GetMyProfile h, CancellationToken ct) => ApiResults.From(await h.HandleAsync(ct)))
            .WithSummary("The caller's own profile: extension and dialer login (prefilled on the desk and the sale form)").Produces<MyProfile>();
        me.MapPut("/profile", async (SaveMyProfileRequest request, SaveMyProfile h, CancellationToken ct) => ApiResults.From(await h.HandleAsync(request, ct)))
            .WithSummary("Set the caller's extension (2–8 digits) and dialer login (letters, digits, . _ -, up to 40); blank clears").Produces<MyProfile>();

        var keys = api.MapGroup("/api-keys").WithTags("API keys");
        keys.MapGet("/", async ([FromQuery] string? operation, int? page, int? pageSize, ListApiKeys h, CancellationToken ct) => ApiResults.From(await h.HandleAsync(operation, page, pageSize, ct)))
            .WithSummary("API keys of an operation (?operation=code)").Produces<Page<ApiKeyRow>>();
        keys.MapPost("/", async (CreateApiKeyRequest request, CreateApiKey h, CancellationToken ct) => ApiResults.From(await h.HandleAsync(request, ct)))
            .WithSummary("Create an API key; the full key is returned only now").Produces<CreatedApiKey>();
        keys.MapDelete("/{id:guid}", async (Guid id, RevokeApiKey h, CancellationToken ct) => ApiResults.From(await h.HandleAsync(id, ct)))
            .WithSummary("Revoke an API key").Produces<ApiKeyRow>();
    }
}
