using System.Collections.Concurrent;
using ContactOps.Platform.Data;
using ContactOps.Platform.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace ContactOps.Tests.Infrastructure;

/// <summary>
/// The real product in-process (WebApplicationFactory), ONE per database engine for the whole test run, shared by every
/// test: each test brings its own database, clock and stateful services in a <see cref="TestSlot"/>. The host:
/// <list type="bullet">
/// <item>resolves <see cref="DatabaseOptions"/>, <see cref="TimeProvider"/>, the file storage and the stateful
/// singletons from the current test's slot (an unknown slot fails loudly instead of touching another test's data);</item>
/// <item>starts none of the product's background services (the dialer resume, the wrap-up sweep, the schedules, the
/// janitor): a test about one runs its step directly;</item>
/// <item>records every error logged while serving a test in that test's slot.</item>
/// </list>
/// Tests never build hosts: they call <see cref="TestApp.StartAsync"/> (an architecture test keeps it so).
/// </summary>
internal sealed class TestHost : WebApplicationFactory<Program>
{
    /// <summary>The product's singletons that keep state between calls: one instance per test.</summary>
    private static readonly Type[] PerTestTypes =
    [
        typeof(Modules.Outbound.Dialer.OutboundFloor),
        typeof(Modules.Outbound.Dialer.IOutboundFloor),
        typeof(Modules.Outbound.Dialer.ITelephonyGateway),
        typeof(Modules.Outbound.Hopper),
        typeof(Modules.Outbound.Dialer.IDialerLeadSource),
        typeof(Modules.Outbound.AgentPresence),
        typeof(Modules.Outbound.DialerStatus),
        typeof(Modules.Outbound.WrapUpDefaults),
        typeof(Modules.Outbound.QuartzManagementSchedule),
        typeof(Modules.Outbound.IManagementSchedule),
        typeof(ISchedulerFactory),
        typeof(Modules.Sales.AttachmentLimits),
        typeof(ContactOps.Platform.Files.ZipLimits),
        typeof(StorageOptions),
        typeof(IFileStorage),
        typeof(global::ContactOps.Platform.Auth.SignInLimits),
        typeof(Modules.Customers.VerifyLimits),
    ];

    private static readonly ConcurrentDictionary<Provider, Lazy<Task<TestHost>>> Hosts = new();

    private readonly Provider _provider;
    private readonly string _home = Path.Combine(Path.GetTempPath(), "contactops-tests-host", Guid.NewGuid().ToString("N"));

    private TestHost(Provider provider) => _provider = provider;

    /// <summary>Errors logged outside any test (none expected).</summary>
    public ConcurrentQueue<string> StrayErrors { get; } = new();

    /// <summary>The engine's shared host, started on first use.</summary>
    public static Task<TestHost> ForAsync(Provider provider) =>
        Hosts.GetOrAdd(provider, p => new Lazy<Task<TestHost>>(() => Task.Run(() =>
        {
            var host = new TestHost(p);
            _ = host.Server; // runs Program.Main: builds and starts the host
            return host;
        }))).Value;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", _provider == Provider.Postgres ? "postgres" : "sqlite");
        builder.UseSetting("ConnectionStrings:Default", NoTestDatabase(_provider, _home));
        builder.UseSetting("Database:MigrateOnStart", "false");
        builder.UseSetting("Database:SeedDemoData", "false");
        builder.UseSetting("Storage:Root", Path.Combine(_home, "files"));

        // Tests sign in often from one address and as one user: the sign-in limits are the product's business only in
        // the tests about them, which give themselves SignInLimits with low limits (app.Use(...)).
        builder.UseSetting("Security:SignInPerIpPermits", "100000");
        builder.UseSetting("Security:SignInPerAccountPermits", "100000");
        builder.ConfigureLogging(l => l.AddProvider(new ErrorLog(() => TestSlot.Current?.Errors ?? StrayErrors)));
        builder.ConfigureTestServices(services =>
        {
            RemoveBackgroundServices(services);

            // Password hashing at 1,000 PBKDF2 iterations, not the product's 100,000: a sign-in was a test's most expensive
            // step (about 80 ms of CPU), and a third of the suite's CPU. The hash records its own count, so the check is the
            // same code; the served product (the browser suite's ProductHost) keeps the default, and a browser test says so.
            services.Configure<Microsoft.AspNetCore.Identity.PasswordHasherOptions>(o => o.IterationCount = 1000);
            services.AddSingleton<PerTestServices.RootProvider>();

            // The database of the current test; outside a test, one that cannot be opened.
            var none = services.Single(d => d.ServiceType == typeof(DatabaseOptions)).ImplementationInstance;
            services.RemoveAll<DatabaseOptions>();
            services.AddTransient(_ => TestSlot.Current?.Database ?? (DatabaseOptions)none!);

            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider, SlotTimeProvider>();

            services.RemoveAll<ISchedulerFactory>();
            // An in-memory scheduler of its own per test, never started: a test runs a job's step itself.
            services.AddSingleton<ISchedulerFactory>(_ => QuartzSchedulerBuilder
                .Create(q => q.ConfigureScheduler(o => o.InstanceName = "test-" + Guid.NewGuid().ToString("N")).UseInMemoryStore())
                .Build());
            services.RemoveAll<StorageOptions>();
            services.AddSingleton(_ => new StorageOptions { Root = TestSlot.Current!.StorageRoot });
            PerTestServices.Register(services, PerTestTypes);

            services.AddSingleton<IStartupFilter, SlotFromHeader>();
        });
    }

    /// <summary>Hosted services of the product and of Quartz; the web server's own stays.</summary>
    private static void RemoveBackgroundServices(IServiceCollection services)
    {
        var product = typeof(AppHost).Assembly;
        foreach (var d in services.Where(d => d.ServiceType == typeof(IHostedService)).ToList())
        {
            var assembly = d.ImplementationType?.Assembly ?? d.ImplementationFactory?.Method.DeclaringType?.Assembly ?? d.ImplementationInstance?.GetType().Assembly;
            if (assembly == product || assembly?.GetName().Name?.StartsWith("Quartz", StringComparison.Ordinal) == true)
            {
                services.Remove(d);
            }
        }
    }

    private static string NoTestDatabase(Provider provider, string home) => provider == Provider.Postgres
        ? new Npgsql.NpgsqlConnectionStringBuilder(TestDatabases.PostgresAdmin) { Database = "co_no_test_in_context" }.ToString()
        : new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder { DataSource = Path.Combine(home, "no-test-in-context.db"), Mode = Microsoft.Data.Sqlite.SqliteOpenMode.ReadOnly }.ToString();

    /// <summary>Reads the test's slot from the request header, first thing in the pipeline.</summary>
    private sealed class SlotFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                TestSlot.Enter(TestSlot.Find(context.Request.Headers[TestSlot.Header]));
                return nextMiddleware(context);
            });
            next(app);
        };
    }

    /// <summary>The current test's clock, else the real one.</summary>
    private sealed class SlotTimeProvider : TimeProvider
    {
        private static TimeProvider Clock => TestSlot.Current?.Clock ?? System;

        public override TimeZoneInfo LocalTimeZone => Clock.LocalTimeZone;

        public override long TimestampFrequency => Clock.TimestampFrequency;

        public override DateTimeOffset GetUtcNow() => Clock.GetUtcNow();

        public override long GetTimestamp() => Clock.GetTimestamp();

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
            Clock.CreateTimer(callback, state, dueTime, period);
    }
}
