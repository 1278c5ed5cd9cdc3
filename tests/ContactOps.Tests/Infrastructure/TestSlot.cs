using System.Collections.Concurrent;
using ContactOps.Platform.Data;

namespace ContactOps.Tests.Infrastructure;

/// <summary>
/// What one test owns inside the shared host: its database, its clock, its file storage, its instances of the
/// product's stateful singletons (the dialer floor, the hopper, agent presence …) and the errors the server logged
/// while working for it. The current slot flows with the test's async calls (an <see cref="AsyncLocal{T}"/>) and
/// with its HTTP requests (a header the shared host reads back), so the same host serves many tests at once.
/// </summary>
internal sealed class TestSlot
{
    public const string Header = "X-ContactOps-Test";

    private static readonly AsyncLocal<TestSlot?> Ambient = new();
    private static readonly ConcurrentDictionary<string, TestSlot> ById = new(StringComparer.Ordinal);

    private TestSlot(Provider provider, DatabaseOptions database, string storageRoot, TimeProvider? clock, PerTestServices services, ConcurrentQueue<string> errors)
    {
        Provider = provider;
        Database = database;
        StorageRoot = storageRoot;
        Clock = clock;
        Services = services;
        Errors = errors;
        ById[Id] = this;
    }

    public string Id { get; } = Guid.NewGuid().ToString("N");

    public Provider Provider { get; }

    public DatabaseOptions Database { get; }

    public string StorageRoot { get; }

    /// <summary>The test's clock, or null for the real one.</summary>
    public TimeProvider? Clock { get; }

    public PerTestServices Services { get; }

    public ConcurrentQueue<string> Errors { get; }

    /// <summary>The slot of the code running now (null outside a test).</summary>
    public static TestSlot? Current => Ambient.Value;

    public static TestSlot Create(Provider provider, string connectionString, string storageRoot) =>
        new(provider, Options(provider, connectionString), storageRoot, null, new PerTestServices(), new ConcurrentQueue<string>());

    /// <summary>The same database, storage, services and error log on another clock.</summary>
    public TestSlot WithClock(TimeProvider clock) => new(Provider, Database, StorageRoot, clock, Services, Errors);

    public static TestSlot? Find(string? id) => id is not null && ById.TryGetValue(id, out var slot) ? slot : null;

    /// <summary>Makes this slot the current one for the rest of the calling method (call from synchronous code only).</summary>
    public void Enter() => Ambient.Value = this;

    public static void Enter(TestSlot? slot) => Ambient.Value = slot;

    public void Forget() => ById.TryRemove(Id, out _);

    private static DatabaseOptions Options(Provider provider, string connectionString) => new()
    {
        Provider = provider.ToDbProvider(),
        ConnectionString = connectionString,
        MigrateOnStart = false,
        SeedDemoData = false,
    };
}
