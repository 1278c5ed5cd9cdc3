using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ContactOps.Tests.Infrastructure;

/// <summary>
/// One test's instances of the product's stateful singletons. The shared host registers each such type as a transient
/// that answers the current test's instance, created on first use (from the root provider, as the singleton would be)
/// or given by the test (<see cref="TestApp.Use{T}"/>); they are disposed when the test ends.
/// </summary>
internal sealed class PerTestServices : IAsyncDisposable
{
    private readonly ConcurrentDictionary<Type, Lazy<object>> _instances = new();
    private readonly ConcurrentDictionary<Type, object> _given = new();

    public void Give(Type type, object instance)
    {
        if (_instances.ContainsKey(type))
        {
            throw new InvalidOperationException($"{type.Name} is already in use in this test: give it before the first call that needs it.");
        }

        _given[type] = instance;
    }

    public object Get(Type type, Func<object> create) =>
        _given.TryGetValue(type, out var given) ? given : _instances.GetOrAdd(type, _ => new Lazy<object>(create)).Value;

    public async ValueTask DisposeAsync()
    {
        foreach (var instance in _instances.Values.Where(l => l.IsValueCreated).Select(l => l.Value).Concat(_given.Values).Distinct())
        {
            switch (instance)
            {
                case IAsyncDisposable asyncDisposable:
                    await asyncDisposable.DisposeAsync();
                    break;
                case IDisposable disposable:
                    disposable.Dispose();
                    break;
            }
        }

        _instances.Clear();
        _given.Clear();
    }

    /// <summary>
    /// Replaces the registrations of <paramref name="types"/> with per-test ones. The original registration (type,
    /// factory or instance) still builds the instance, from the root provider, so a forwarding registration
    /// (<c>IOutboundFloor → OutboundFloor</c>) lands on the same per-test instance.
    /// </summary>
    public static void Register(IServiceCollection services, IEnumerable<Type> types)
    {
        foreach (var type in types)
        {
            var original = services.LastOrDefault(d => d.ServiceType == type && !d.IsKeyedService)
                ?? throw new InvalidOperationException($"The product no longer registers {type.FullName}: update the per-test service list.");
            services.RemoveAll(type);
            services.AddTransient(type, sp =>
            {
                var slot = TestSlot.Current
                    ?? throw new InvalidOperationException($"{type.Name} was asked for outside a test (no test slot in context).");
                var root = sp.GetRequiredService<RootProvider>().Services;
                return slot.Services.Get(type, () => Build(original, root));
            });
        }
    }

    private static object Build(ServiceDescriptor original, IServiceProvider root) =>
        original.ImplementationInstance
        ?? original.ImplementationFactory?.Invoke(root)
        ?? ActivatorUtilities.CreateInstance(root, original.ImplementationType!);

    /// <summary>The root provider (a singleton is given the root, whatever scope resolves it).</summary>
    internal sealed class RootProvider(IServiceProvider services)
    {
        public IServiceProvider Services { get; } = services;
    }
}
