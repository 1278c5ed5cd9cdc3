using ContactOps.Platform.Data;
using ContactOps.Platform.Tenancy;
using ContactOps.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ContactOps.Tests.Interactions;

/// <summary>The product on a test database with a clock the test moves; handlers run as the system (sees every client).</summary>
internal sealed class ClockedApp : IAsyncDisposable
{
    private readonly TestApp _app;

    private ClockedApp(TestApp app, FakeTimeProvider clock)
    {
        _app = app;
        Clock = clock;
    }

    public FakeTimeProvider Clock { get; }

    public static ClockedApp Start(TestApp app, DateTimeOffset now)
    {
        var clock = new FakeTimeProvider(now);
        var clocked = app.WithClock(clock);
        return new ClockedApp(clocked, clock);
    }

    /// <summary>Runs a handler of type <typeparamref name="T"/> in a fresh system scope.</summary>
    public async Task<TResult> RunAsync<T, TResult>(Func<T, Task<TResult>> call)
        where T : notnull
    {
        await using var scope = _app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AccessScope>().SetSystem("tests");
        return await call(scope.ServiceProvider.GetRequiredService<T>());
    }

    public async Task<TResult> DbAsync<TResult>(Func<AppDbContext, Task<TResult>> call)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AccessScope>().SetSystem("tests");
        return await call(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public async Task<Guid> CustomerIdAsync(string document) =>
        await DbAsync(db => db.Customers.Where(c => c.DocumentNumber == document).Select(c => c.Id).SingleAsync());

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}

internal static class Bogota
{
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("America/Bogota");

    /// <summary>A local Bogotá wall-clock time as a UTC instant.</summary>
    public static DateTimeOffset At(int year, int month, int day, int hour, int minute = 0)
    {
        var local = new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
