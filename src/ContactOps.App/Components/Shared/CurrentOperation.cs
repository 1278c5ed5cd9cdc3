using ContactOps.Modules.Organization;
using ContactOps.Platform.Auth;
using ContactOps.Platform.Data;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Components.Shared;

/// <summary>An operation the signed-in user works in, with the client it belongs to and the user's role there.</summary>
public sealed record OperationChoice(Guid OperationId, string OperationName, Guid ClientId, string ClientName, string TimeZoneId, OperationKind Kind, Role Role);

/// <summary>
/// The operation the user is working in right now (chosen in the app bar, remembered in a per-user cookie).
/// Scoped: one per request and one per Blazor circuit. Pages read <see cref="Current"/> and listen to <see cref="Changed"/>.
/// </summary>
public sealed class CurrentOperation(IDbContextFactory<AppDbContext> factory, AccessScope scope)
{
    /// <summary>Cookie name prefix; the user id is appended so two people sharing a browser keep their own choice.</summary>
    public const string CookiePrefix = "contactops.op.";

    private Task? _loading;

    public IReadOnlyList<OperationChoice> Operations { get; private set; } = [];

    public OperationChoice? Current { get; private set; }

    /// <summary>The operation id remembered in the cookie (set by the root component before loading).</summary>
    public Guid? Remembered { get; set; }

    public event Action? Changed;

    public string? CookieName => scope.UserId is { } id ? CookiePrefix + id.ToString("N") : null;

    /// <summary>The time zone of the current operation's client (dates are shown and filtered in it); UTC when none.</summary>
    public TimeZoneInfo TimeZone
    {
        get
        {
            if (Current is { } c && TimeZoneInfo.TryFindSystemTimeZoneById(c.TimeZoneId, out var tz))
            {
                return tz;
            }

            return TimeZoneInfo.Utc;
        }
    }

    /// <summary>An instant in the current operation's time zone.</summary>
    public DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, TimeZone);

    /// <summary>The instant a calendar date starts in the current operation's time zone.</summary>
    public DateTimeOffset StartOfDay(DateTime date)
    {
        var local = DateTime.SpecifyKind(date.Date, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, TimeZone.GetUtcOffset(local));
    }

    public Task EnsureLoadedAsync(CancellationToken ct = default) => _loading ??= LoadAsync(ct);

    public void Select(Guid operationId)
    {
        var choice = Operations.FirstOrDefault(o => o.OperationId == operationId);
        if (choice is null || choice == Current)
        {
            return;
        }

        Current = choice;
        Changed?.Invoke();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        if (!scope.IsAuthenticated)
        {
            return;
        }

        // Its own context: the layout loads this while the page loads its own data on the circuit's context.
        await using var db = await factory.CreateDbContextAsync(ct);
        var ops = await db.Operations.AsNoTracking()
            .Join(db.Clients.AsNoTracking(), o => o.ClientId, c => c.Id, (o, c) => new { o.Id, o.Name, o.Kind, o.IsActive, ClientId = c.Id, ClientName = c.Name, c.TimeZoneId })
            .ToListAsync(ct);
        var list = new List<OperationChoice>();
        foreach (var o in ops.Where(o => o.IsActive).OrderBy(o => o.ClientName, StringComparer.CurrentCulture).ThenBy(o => o.Name, StringComparer.CurrentCulture))
        {
            // Members see their operations with their role; platform admins see every operation as Admin.
            var role = scope.Memberships.Where(m => m.OperationId == o.Id).Select(m => (Role?)m.Role).FirstOrDefault()
                ?? (scope.SeesAll ? Role.Admin : null);
            if (role is { } r)
            {
                list.Add(new OperationChoice(o.Id, o.Name, o.ClientId, o.ClientName, o.TimeZoneId, o.Kind, r));
            }
        }

        Operations = list;
        Current = list.FirstOrDefault(o => o.OperationId == Remembered) ?? list.FirstOrDefault();
    }
}
