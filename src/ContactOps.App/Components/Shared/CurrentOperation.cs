using ContactOps.Modules.Organization;
using ContactOps.Platform.Auth;
using ContactOps.Platform.Data;
using ContactOps.Platform.Tenancy;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Components.Shared;

/// <summary>An operation the signed-in user works in, with the client it belongs to and the user's role there.</summary>
public sealed record OperationChoice(Guid OperationId, string OperationCode, string OperationName, Guid ClientId, string ClientName, string TimeZoneId, OperationKind Kind, Role Role);

/// <summary>
/// The operation the user is working in right now. It is carried in the address (<c>?op=&lt;operation code&gt;</c>, kept by the
/// menu links, the operation switch and the language switch) and stored on the user (<see cref="AppUser.CurrentOperationId"/>),
/// so a reload, a new tab, a shared link or a language switch keep it. Precedence: the address, then the stored one, then the
/// first of the user's operations. An address naming an operation the user does not work in (another client's, or none at
/// all) is never used: the stored one is, and <see cref="RefusedRequest"/> tells the layout to say so — the same way whether
/// that operation exists or not.
/// Scoped: one per request and one per Blazor circuit. Pages read <see cref="Current"/> and listen to <see cref="Changed"/>.
/// </summary>
public sealed class CurrentOperation(IDbContextFactory<AppDbContext> factory, AccessScope scope, NavigationManager nav)
{
    /// <summary>The query parameter that carries the operation's code.</summary>
    public const string QueryParameter = "op";

    private Task? _loading;

    public IReadOnlyList<OperationChoice> Operations { get; private set; } = [];

    public OperationChoice? Current { get; private set; }

    /// <summary>True when the address named an operation that is not one of the user's (it was ignored).</summary>
    public bool RefusedRequest { get; private set; }

    public event Action? Changed;

    /// <summary>The time zone of the current operation's client (dates are shown and filtered in it); UTC when none.</summary>
    public TimeZoneInfo TimeZone => Platform.Calendar.LocalTimeFormat.Zone(Current?.TimeZoneId);

    /// <summary>An instant in the current operation's time zone.</summary>
    public DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, TimeZone);

    /// <summary>
    /// An instant as every page shows it: in the client's time zone, in the UI culture's one pattern
    /// (<see cref="Platform.Calendar.LocalTimeFormat"/>); <paramref name="none"/> when there is none.
    /// </summary>
    public string Format(DateTimeOffset? instant, string none = "—") =>
        instant is { } at ? Platform.Calendar.LocalTimeFormat.Format(at, TimeZone, System.Globalization.CultureInfo.CurrentCulture) : none;

    /// <summary>The calendar date of an instant in the client's time zone, in the UI culture's pattern.</summary>
    public string FormatDate(DateTimeOffset? instant, string none = "—") =>
        instant is { } at ? Platform.Calendar.LocalTimeFormat.FormatDate(at, TimeZone, System.Globalization.CultureInfo.CurrentCulture) : none;

    /// <summary>The instant a calendar date starts in the current operation's time zone.</summary>
    public DateTimeOffset StartOfDay(DateTime date)
    {
        var local = DateTime.SpecifyKind(date.Date, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, TimeZone.GetUtcOffset(local));
    }

    public Task EnsureLoadedAsync(CancellationToken ct = default) => _loading ??= LoadAsync(ct);

    /// <summary>
    /// The operation to work in: the one the address names when it is one of <paramref name="operations"/> (by code, any case,
    /// or by id), else the stored one when it still is, else the first. <c>Refused</c> is true when the address named one that is not.
    /// </summary>
    public static (OperationChoice? Choice, bool Refused) Resolve(IReadOnlyList<OperationChoice> operations, string? requested, Guid? stored)
    {
        ArgumentNullException.ThrowIfNull(operations);
        var refused = false;
        if (!string.IsNullOrWhiteSpace(requested))
        {
            if (Find(operations, requested) is { } named)
            {
                return (named, false);
            }

            refused = true;
        }

        var fallback = operations.FirstOrDefault(o => o.OperationId == stored) ?? operations.FirstOrDefault();
        return (fallback, refused);
    }

    /// <summary>One of the user's operations named by its code (any case) or its id; null otherwise.</summary>
    public static OperationChoice? Find(IReadOnlyList<OperationChoice> operations, string? codeOrId)
    {
        ArgumentNullException.ThrowIfNull(operations);
        var text = codeOrId?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        return operations.FirstOrDefault(o => string.Equals(o.OperationCode, text, StringComparison.OrdinalIgnoreCase))
            ?? (Guid.TryParse(text, out var id) ? operations.FirstOrDefault(o => o.OperationId == id) : null);
    }

    /// <summary>The value of <c>?op=</c> in an address (absolute or relative), or null.</summary>
    public static string? RequestedIn(string uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        var q = uri.IndexOf('?', StringComparison.Ordinal);
        if (q < 0)
        {
            return null;
        }

        var query = uri[q..].Split('#')[0];
        return QueryHelpers.ParseQuery(query).TryGetValue(QueryParameter, out var values) ? values.ToString() : null;
    }

    /// <summary>An address (relative to the base, starting with '/') with <c>?op=</c> set to the current operation (left as is when there is none).</summary>
    public string WithOperation(string href)
    {
        ArgumentNullException.ThrowIfNull(href);
        if (Current is not { } c)
        {
            return href;
        }

        var hashAt = href.IndexOf('#', StringComparison.Ordinal);
        var fragment = hashAt >= 0 ? href[hashAt..] : "";
        var withoutFragment = hashAt >= 0 ? href[..hashAt] : href;
        var q = withoutFragment.IndexOf('?', StringComparison.Ordinal);
        var path = q >= 0 ? withoutFragment[..q] : withoutFragment;
        var pairs = (q >= 0 ? QueryHelpers.ParseQuery(withoutFragment[q..]) : [])
            .Where(p => !string.Equals(p.Key, QueryParameter, StringComparison.OrdinalIgnoreCase))
            .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)))
            .Append(new KeyValuePair<string, string?>(QueryParameter, c.OperationCode));
        return QueryHelpers.AddQueryString(path, pairs) + fragment;
    }

    /// <summary>
    /// Follows the address after an in-app navigation: an operation of the user named by <c>?op=</c> becomes current (and
    /// stored); one that is not the user's is refused (<see cref="RefusedRequest"/>); no <c>?op=</c> changes nothing.
    /// </summary>
    public async Task FollowAddressAsync(string uri, CancellationToken ct = default)
    {
        await EnsureLoadedAsync(ct);
        var requested = RequestedIn(uri);
        if (string.IsNullOrWhiteSpace(requested))
        {
            return;
        }

        if (Find(Operations, requested) is { } named)
        {
            var refusedBefore = RefusedRequest;
            RefusedRequest = false;
            if (named != Current)
            {
                await SelectAsync(named.OperationId, ct);
            }
            else if (refusedBefore)
            {
                Changed?.Invoke();
            }
        }
        else if (!RefusedRequest)
        {
            RefusedRequest = true;
            Changed?.Invoke();
        }
    }

    /// <summary>Makes one of the user's operations current and stores it on the user; anything else is ignored.</summary>
    public async Task SelectAsync(Guid operationId, CancellationToken ct = default)
    {
        var choice = Operations.FirstOrDefault(o => o.OperationId == operationId);
        if (choice is null || choice == Current)
        {
            return;
        }

        Current = choice;
        RefusedRequest = false;
        Changed?.Invoke();
        await StoreAsync(choice.OperationId, ct);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        if (!scope.IsAuthenticated || scope.UserId is not { } userId)
        {
            return;
        }

        // Its own context: the layout loads this while the page loads its own data on the circuit's context.
        await using var db = await factory.CreateDbContextAsync(ct);
        var ops = await db.Operations.AsNoTracking()
            .Join(db.Clients.AsNoTracking(), o => o.ClientId, c => c.Id, (o, c) => new { o.Id, o.Code, o.Name, o.Kind, o.IsActive, ClientId = c.Id, ClientName = c.Name, c.TimeZoneId })
            .ToListAsync(ct);
        var list = new List<OperationChoice>();
        foreach (var o in ops.Where(o => o.IsActive).OrderBy(o => o.ClientName, StringComparer.CurrentCulture).ThenBy(o => o.Name, StringComparer.CurrentCulture))
        {
            // Members see their operations with their role; platform admins see every operation as Admin.
            var role = scope.Memberships.Where(m => m.OperationId == o.Id).Select(m => (Role?)m.Role).FirstOrDefault()
                ?? (scope.SeesAll ? Role.Admin : null);
            if (role is { } r)
            {
                list.Add(new OperationChoice(o.Id, o.Code, o.Name, o.ClientId, o.ClientName, o.TimeZoneId, o.Kind, r));
            }
        }

        var stored = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.CurrentOperationId).FirstOrDefaultAsync(ct);
        var (choice, refused) = Resolve(list, RequestedIn(nav.Uri), stored);
        Operations = list;
        Current = choice;
        RefusedRequest = refused;
        if (choice is not null && choice.OperationId != stored)
        {
            await StoreAsync(db, userId, choice.OperationId, ct);
        }
    }

    private async Task StoreAsync(Guid operationId, CancellationToken ct)
    {
        if (scope.UserId is not { } userId)
        {
            return;
        }

        await using var db = await factory.CreateDbContextAsync(ct);
        await StoreAsync(db, userId, operationId, ct);
    }

    // One statement, outside the change tracker: a preference, not a change of the user worth an audit entry.
    private static Task StoreAsync(AppDbContext db, Guid userId, Guid operationId, CancellationToken ct) =>
        db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.CurrentOperationId, operationId), ct);
}
