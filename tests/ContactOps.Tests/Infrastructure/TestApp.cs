using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using ContactOps.Platform.Tenancy;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;

namespace ContactOps.Tests.Infrastructure;

/// <summary>
/// One test's view of the product: a fresh database (a copy of the migrated demo template) on the engine's shared
/// host, with its own file storage and stateful services, and optionally its own clock (<see cref="WithClock"/>).
/// Costs a database copy, not a host. Disposing it drops the database.
/// <code>
/// await using var app = await TestApp.StartAsync(provider);
/// var client = await app.ClientForAsync("agent.premium-sales");
/// </code>
/// Clients it creates carry the test's identity to the server; <see cref="Services"/>, <see cref="SystemScope"/> and
/// <see cref="CreateClient()"/> also make it the current test for the rest of the calling method, so services resolved
/// afterwards (and the verbs and handlers they run) work on this test's database and clock.
/// </summary>
public sealed class TestApp : IAsyncDisposable
{
    private readonly TestHost _host;
    private readonly TestSlot _slot;
    private readonly TestApp? _owner;
    private readonly List<TestApp> _views = [];

    private TestApp(TestHost host, TestSlot slot, TestApp? owner)
    {
        _host = host;
        _slot = slot;
        _owner = owner;
    }

    public Provider Provider => _slot.Provider;

    public string ConnectionString => _slot.Database.ConnectionString;

    /// <summary>This test's folder of the file storage (recordings, evidence, generated files).</summary>
    public string StorageRoot => _slot.StorageRoot;

    /// <summary>Every error the server logged while working for this test.</summary>
    public ConcurrentQueue<string> LoggedErrors => _slot.Errors;

    /// <summary>The product's services, with this test current.</summary>
    public IServiceProvider Services
    {
        get
        {
            _slot.Enter();
            return _host.Services;
        }
    }

    /// <summary>A fresh database (demo data included, or empty and not migrated) and the product on it.</summary>
    public static async Task<TestApp> StartAsync(Provider provider, bool seeded = true)
    {
        var host = await TestHost.ForAsync(provider);
        var cs = await TestDatabases.CreateAsync(provider, seeded);
        var storage = Path.Combine(Path.GetTempPath(), "contactops-tests-storage", Path.GetRandomFileName());
        return new TestApp(host, TestSlot.Create(provider, cs, storage), null);
    }

    /// <summary>The same test (database, storage, services) on another clock, e.g. a FakeTimeProvider the test moves.</summary>
    public TestApp WithClock(TimeProvider clock)
    {
        var view = new TestApp(_host, _slot.WithClock(clock), _owner ?? this);
        lock ((_owner ?? this)._views)
        {
            (_owner ?? this)._views.Add(view);
        }

        return view;
    }

    /// <summary>Gives this test its own instance of one of the product's stateful services (before its first use).</summary>
    public void Use<T>(T instance)
        where T : class => _slot.Services.Give(typeof(T), instance);

    /// <summary>
    /// As if the server process restarted on this test's database: the product's stateful services (dialer floor,
    /// presence, schedules …) are disposed and built anew on next use. Start-up steps are the test's to run.
    /// </summary>
    public async Task RestartServicesAsync()
    {
        _slot.Enter();
        await _slot.Services.DisposeAsync();
    }

    public HttpClient CreateClient() => CreateClient(new WebApplicationFactoryClientOptions());

    public HttpClient CreateClient(WebApplicationFactoryClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _slot.Enter();
        var handlers = new List<DelegatingHandler>();
        if (options.AllowAutoRedirect)
        {
            handlers.Add(new RedirectHandler(options.MaxAutomaticRedirections));
        }

        if (options.HandleCookies)
        {
            handlers.Add(new CookieContainerHandler());
        }

        handlers.Add(new SlotHeader(_slot.Id));
        return _host.CreateDefaultClient(options.BaseAddress, [.. handlers]);
    }

    /// <summary>
    /// An HTTP client signed in with a bearer token as the given user. Access tokens are short-lived (15 minutes): the
    /// client signs in again when its token has expired on the test's clock (a test that moves its clock by days keeps
    /// working), unless the test has put another Authorization header on the request.
    /// </summary>
    public async Task<HttpClient> ClientForAsync(string userName, string password = Modules.Demo.DemoSeeder.DemoPassword)
    {
        var session = new BearerSession(this, userName, password, _slot.Clock ?? TimeProvider.System);
        var token = await session.SignInAsync() ?? throw new InvalidOperationException($"{userName} could not sign in.");
        _slot.Enter();
        var client = _host.CreateDefaultClient(new RedirectHandler(7), new CookieContainerHandler(), new SlotHeader(_slot.Id), session);
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    /// <summary>A service scope acting as the system (sees every client), with this test current.</summary>
    public AsyncServiceScope SystemScope()
    {
        var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AccessScope>().SetSystem("tests");
        return scope;
    }

    public async ValueTask DisposeAsync()
    {
        if (_owner is not null)
        {
            _slot.Forget();
            return;
        }

        var previous = TestSlot.Current;
        TestSlot.Enter(_slot);
        try
        {
            await _slot.Services.DisposeAsync();
        }
        finally
        {
            TestSlot.Enter(previous);
        }

        _slot.Forget();
        lock (_views)
        {
            _views.ForEach(v => v._slot.Forget());
        }

        await TestDatabases.DropAsync(Provider, ConnectionString);
        try
        {
            if (Directory.Exists(StorageRoot))
            {
                Directory.Delete(StorageRoot, recursive: true);
            }
        }
        catch (IOException)
        {
            // a file still open by a late writer: the temp folder is cleaned by the OS
        }
    }

    /// <summary>Keeps a test client's bearer token fresh on the test's clock (a new sign-in when it has expired).</summary>
    private sealed class BearerSession(TestApp app, string userName, string password, TimeProvider clock) : DelegatingHandler
    {
        private readonly HashSet<string> _issued = new(StringComparer.Ordinal);
        private string? _token;
        private DateTimeOffset _expires;

        public async Task<string?> SignInAsync()
        {
            using var client = app.CreateClient();
            var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName, password });
            if (!response.IsSuccessStatusCode)
            {
                return null;
            }

            using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            _token = doc.RootElement.GetProperty("accessToken").GetString()!;
            _expires = clock.GetUtcNow().AddSeconds(doc.RootElement.GetProperty("expiresIn").GetInt64());
            lock (_issued)
            {
                _issued.Add(_token);
            }

            return _token;
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var presented = request.Headers.Authorization?.Parameter;
            bool ours;
            lock (_issued)
            {
                ours = presented is not null && _issued.Contains(presented);
            }

            if (ours)
            {
                if (clock.GetUtcNow() >= _expires.AddSeconds(-5))
                {
                    await SignInAsync(); // a refused sign-in (password changed, user locked) keeps the old token: the server decides
                }

                request.Headers.Authorization = new("Bearer", _token);
            }

            return await base.SendAsync(request, cancellationToken);
        }
    }

    private sealed class SlotHeader(string id) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Remove(TestSlot.Header);
            request.Headers.Add(TestSlot.Header, id);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
