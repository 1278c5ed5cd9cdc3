using System.Globalization;
using System.Text.Json.Serialization;
using ContactOps.Components;
using ContactOps.Platform;
using ContactOps.Platform.Auth;
using ContactOps.Platform.Data;
using ContactOps.Platform.Web;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Localization;
using MudBlazor.Services;
using OpenTelemetry.Metrics;
using Scalar.AspNetCore;

namespace ContactOps;

/// <summary>Builds the one deployable: services, database, pipeline. Shared by the server, the CLI and the tests.</summary>
public static class AppHost
{
    public const string DefaultUrl = "http://localhost:5080";

    public static readonly CultureInfo[] Cultures = [new("es-CO"), new("en")];

    public static WebApplicationBuilder CreateBuilder(string[] args, bool forCli)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = Directory.GetCurrentDirectory(),
        });

        if (forCli)
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Error);

            // A failed command surfaces as the verb's own error; EF's log of it (e.g. the migrations history table
            // that does not exist yet on a new PostgreSQL database) would only alarm the operator.
            builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.None);
        }
        else if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]) && string.IsNullOrEmpty(builder.Configuration["http_ports"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        if (!forCli)
        {
            // Package assets (MudBlazor's CSS/JS under _content/) are served from the build output in every
            // environment, not only Development (a no-op for published output, where they sit in wwwroot).
            builder.WebHost.UseStaticWebAssets();
        }

        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Warning);
        ConfigureServices(builder.Services, builder.Configuration, builder.Environment);
        return builder;
    }

    public static void ConfigureServices(IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddAppDatabase(DatabaseOptions.From(configuration, environment.ContentRootPath));
        services.AddAppAuth();
        services.AddProblemDetails();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true); // answered by ApiExceptionHandler as a 400 with a code
        services.AddValidation();
        services.AddOpenApi();
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            o.SerializerOptions.Converters.Add(new NoNulStrings.Converter());
        });
        services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database", tags: ["ready"]);
        services.AddOpenTelemetry().WithMetrics(m => m
            .AddAspNetCoreInstrumentation()
            .AddMeter(AppMetrics.MeterName)
            .AddPrometheusExporter());
        services.AddSingleton<AppMetrics>();
        services.AddLocalization();
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddScoped<Components.Shared.CurrentOperation>();
        services.AddAntiforgery();
        var dataProtection = services.AddDataProtection().SetApplicationName("ContactOps");
        if (configuration["DataProtection:KeysPath"] is { Length: > 0 } keysPath)
        {
            // Several server nodes must share the keys that protect cookies and bearer tokens.
            dataProtection.PersistKeysToFileSystem(new DirectoryInfo(keysPath));
        }

        services.AddHttpContextAccessor();
        foreach (var module in AppModules.All)
        {
            module.AddServices(services);
        }
    }

    public static async Task PrepareDatabaseAsync(WebApplication app)
    {
        var options = app.Services.GetRequiredService<DatabaseOptions>();
        if (options.MigrateOnStart)
        {
            await DatabaseMigrator.MigrateAsync(app.Services);
        }

        if (options.SeedDemoData)
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<Modules.Demo.DemoSeeder>().SeedIfEmptyAsync(CancellationToken.None);
        }
    }

    public static void ConfigurePipeline(WebApplication app)
    {
        app.UseSecurityHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler(new ExceptionHandlerOptions
            {
                ExceptionHandlingPath = "/error",
                CreateScopeForErrors = true,
                StatusCodeSelector = e => e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
            });
            app.UseHsts(); // only on HTTPS requests
        }
        else
        {
            // The developer page for pages; the API answers ProblemDetails in every environment.
            app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), a => a.UseExceptionHandler(new ExceptionHandlerOptions
            {
                StatusCodeSelector = e => e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
            }));
        }

        // Pages: an unknown address (or another error status without a body) renders the not-found page. Registered
        // before the API handler below, which answers /api with ProblemDetails first (so this one then leaves it alone).
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseStatusCodePages(async ctx =>
        {
            var http = ctx.HttpContext;
            if (http.Request.Path.StartsWithSegments("/api") && !http.Response.HasStarted && http.Response.ContentLength is null && string.IsNullOrEmpty(http.Response.ContentType))
            {
                await TypedResults.Problem(statusCode: http.Response.StatusCode).ExecuteAsync(http);
            }
        });
        app.UseRequestLocalization(o =>
        {
            o.DefaultRequestCulture = new RequestCulture("es-CO");
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            o.RequestCultureProviders = [new CookieRequestCultureProvider(), new UserClaimCultureProvider()];
        });
        app.UseNoNulInput();
        app.UseDownloadHeaders();
        app.MapStaticAssets();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAccessScope();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapHealthChecks("/health/live", new() { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new() { Predicate = c => c.Tags.Contains("ready") });
        MapMetrics(app);
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapScalarApiReference("/scalar");
        app.MapAuthEndpoints();
        app.MapCultureEndpoint();
        var api = app.MapGroup("/api/v1").RequireAuthorization().RequireAntiforgeryForCookies().RefuseNulArguments();
        foreach (var module in AppModules.All)
        {
            module.MapEndpoints(api);
        }

        Modules.Outbound.OutboundModule.MapHub(app);
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
    }

    /// <summary>
    /// <c>/metrics</c> (routes, sign-in counters): on the management port only, without sign-in, when
    /// <c>Security:MetricsPort</c> is set; otherwise on every port for a signed-in leader or admin (or such an API key).
    /// </summary>
    private static void MapMetrics(WebApplication app)
    {
        var metrics = app.MapPrometheusScrapingEndpoint("/metrics");
        if (app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<SecurityOptions>>().Value.MetricsPort is { } port)
        {
            metrics.RequireHost($"*:{port}");
            return;
        }

        metrics.RequireAuthorization(p => p.RequireAssertion(c =>
            c.Resource is HttpContext http
            && http.RequestServices.GetRequiredService<Platform.Tenancy.AccessScope>() is var scope
            && (scope.IsPlatformAdmin || scope.Memberships.Any(m => Roles.IsLeader(m.Role)))));
    }

    public static void AnnounceOnStart(WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var options = app.Services.GetRequiredService<DatabaseOptions>();
            var urls = string.Join(", ", app.Urls);
            Console.WriteLine();
            Console.WriteLine($"ContactOps escuchando en {urls}  (base de datos: {options.Provider})");
            Console.WriteLine($"API: {urls.Split(',')[0].Trim()}/scalar   Salud: /health/ready");
            if (options.SeedDemoData)
            {
                Console.WriteLine("Usuarios de demostración (contraseña para todos: " + Modules.Demo.DemoSeeder.DemoPassword + "):");
                foreach (var line in Modules.Demo.DemoSeeder.DemoLoginsSummary())
                {
                    Console.WriteLine("  " + line);
                }
            }

            Console.WriteLine();
        });
    }
}
