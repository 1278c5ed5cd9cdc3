using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ContactOps.Tests.Infrastructure;

/// <summary>
/// The product exactly as it runs for a user: Kestrel on a loopback port, one SQLite database migrated and seeded by
/// the product's own start-up, its background services on. The browser suite starts ONE for all its tests.
/// Records every error the server logs, so a journey can assert there were none.
/// </summary>
public sealed class ProductHost : WebApplicationFactory<Program>
{
    private readonly string _home = Path.Combine(Path.GetTempPath(), "contactops-browser", Guid.NewGuid().ToString("N"));

    private ProductHost()
    {
    }

    public ConcurrentQueue<string> LoggedErrors { get; } = new();

    /// <summary>The address Kestrel listens on, e.g. http://127.0.0.1:40123.</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>Starts the product on a new SQLite database with the demo data.</summary>
    public static ProductHost StartOnKestrel()
    {
        var host = new ProductHost();
        host.UseKestrel(0);
        host.StartServer();
        var addresses = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        host.BaseUrl = addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
        return host;
    }

    /// <summary>A service scope acting as the system (sees every client).</summary>
    public AsyncServiceScope SystemScope()
    {
        var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ContactOps.Platform.Tenancy.AccessScope>().SetSystem("tests");
        return scope;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", "sqlite");
        builder.UseSetting("ConnectionStrings:Default", new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder { DataSource = Path.Combine(_home, "contactops.db") }.ToString());
        builder.UseSetting("Database:MigrateOnStart", "true");
        builder.UseSetting("Database:SeedDemoData", "true");
        builder.UseSetting("Storage:Root", Path.Combine(_home, "files"));
        builder.UseSetting("Interactions:AbandonCheckMinutes", "0"); // the rule runs when a test calls it, on the test's clock
        // The browser suite signs the same demo users in dozens of times from one address within minutes: the throttle
        // (10 per account in 5 min, 60 per address a minute) would bounce them back to /login. SignInAbuseTests test it.
        builder.UseSetting("Security:SignInPerIpPermits", "100000");
        builder.UseSetting("Security:SignInPerAccountPermits", "100000");
        builder.UseSetting("Security:StampValidationSeconds", "2"); // open pages notice an ended session within seconds, not a minute
        builder.ConfigureLogging(l => l.AddProvider(new ErrorLog(() => LoggedErrors)));
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(CallableDayClock.Create()));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_home, recursive: true);
        }
        catch (IOException)
        {
            // best effort
        }
    }
}

/// <summary>
/// The real clock, moved one day forward when it is Sunday in Bogotá: the outbound journeys dial, and Ley 2300 de 2023
/// forbids calls on Sundays (every other rule they set themselves: windows all day, holidays allowed). Moving forward
/// keeps every cookie the browser holds valid; elapsed time and timers are the real ones.
/// </summary>
internal sealed class CallableDayClock(TimeSpan shift) : TimeProvider
{
    private static readonly TimeZoneInfo Bogota = TimeZoneInfo.FindSystemTimeZoneById("America/Bogota");

    public static CallableDayClock Create() =>
        new(TimeZoneInfo.ConvertTime(System.GetUtcNow(), Bogota).DayOfWeek == DayOfWeek.Sunday ? TimeSpan.FromDays(1) : TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + shift;
}
