using ContactOps.Platform.Tenancy;

namespace ContactOps.Platform.Data;

/// <summary>
/// Runs a handler in a unit of work of its own: a fresh service scope (so a fresh <see cref="AppDbContext"/>, disposed
/// when the call ends) acting as the caller. Blazor components reach handlers only through it, so no database
/// context lives as long as a circuit (a circuit's scope lasts as long as the browser tab):
/// <code>
/// @inject UnitOfWork&lt;ListSales&gt; ListSales
/// var page = await ListSales.RunAsync(h =&gt; h.HandleAsync(query, ct));
/// </code>
/// HTTP endpoints and CLI verbs take handlers directly: their request or run is already one unit of work.
/// </summary>
public sealed class UnitOfWork<THandler>(IServiceScopeFactory scopes, AccessScope caller)
    where THandler : notnull
{
    public async Task<TResult> RunAsync<TResult>(Func<THandler, Task<TResult>> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        await using var scope = Open();
        return await call(scope.ServiceProvider.GetRequiredService<THandler>());
    }

    public async Task RunAsync(Func<THandler, Task> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        await using var scope = Open();
        await call(scope.ServiceProvider.GetRequiredService<THandler>());
    }

    private AsyncServiceScope Open()
    {
        var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AccessScope>().CopyFrom(caller);
        return scope;
    }
}
