using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using ContactOps.Platform.Tenancy;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ContactOps.Tests.Infrastructure;

/// <summary>
/// The real product in-process (WebApplicationFactory) on a real database engine. Records every error the
/// server logs so tests can assert there were none.
/// </summary>
public sealed class TestApp : WebApplicationFactory<Program>
{
    private readonly bool _seed;

    public TestApp(Provider provider, string connectionString, bool seed = false)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _seed = seed;
    }

    public Provider Provider { get; }

    public string ConnectionString { get; }

    public ConcurrentQueue<string> LoggedErrors { get; } = new();

    /// <summary>A fresh folder for the file storage of this app (recordings, evidence, generated files).</summary>
    public string StorageRoot { get; } = Path.Combine(Path.GetTempPath(), "contactops-tests-storage", Path.GetRandomFileName());

    /// <summary>A fresh database (demo data included) and the product running on it.</summary>
    public static async Task<TestApp> StartAsync(Provider provider, bool seeded = true)
    {
        var cs = await TestDatabases.CreateAsync(provider, seeded);
        var app = new TestApp(provider, cs);
        _ = app.Server;
        return app;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Provider == Provider.Postgres ? "postgres" : "sqlite");
        builder.UseSetting("ConnectionStrings:Default", ConnectionString);
        builder.UseSetting("Database:SeedDemoData", _seed ? "true" : "false");
        builder.UseSetting("Storage:Root", StorageRoot);
        builder.ConfigureLogging(l => l.AddProvider(new ErrorCollector(LoggedErrors)));
    }

    /// <summary>An HTTP client signed in with a bearer token as the given user.</summary>
    public async Task<HttpClient> ClientForAsync(string userName, string password = Modules.Demo.DemoSeeder.DemoPassword)
    {
        var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName, password });
        response.EnsureSuccessStatusCode();
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        client.DefaultRequestHeaders.Authorization = new("Bearer", doc.RootElement.GetProperty("accessToken").GetString());
        return client;
    }

    /// <summary>A service scope acting as the system (sees every client).</summary>
    public AsyncServiceScope SystemScope()
    {
        var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AccessScope>().SetSystem("tests");
        return scope;
    }

    private sealed class ErrorCollector(ConcurrentQueue<string> sink) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, sink);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<string> sink) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (logLevel >= LogLevel.Error)
                {
                    sink.Enqueue($"{category}: {formatter(state, exception)} {exception}");
                }
            }
        }
    }
}
