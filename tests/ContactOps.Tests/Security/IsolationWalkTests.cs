using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ContactOps.Modules.Organization;
using ContactOps.Platform.Auth;
using ContactOps.Platform.Data;
using ContactOps.Platform.Tenancy;
using ContactOps.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace ContactOps.Tests.Security;

/// <summary>
/// Issue 13, the isolation walk: every operation of the OpenAPI document, called by users of telco-bo (its client admin
/// and an operation admin) with the ids and codes of telco-co records that exist (<see cref="TenantRecords"/>, filled in
/// by <see cref="OperationInputs"/>), answers 404 or 403 whenever the request names a telco-co record or code, never a
/// 5xx, and no response carries telco-co data (its customers' documents, names and phones, its people, its operations'
/// names, its leads, its sales' accounts); telco-co's rows, people and audit trail are exactly as before the walk.
/// </summary>
public class IsolationWalkTests(ITestOutputHelper output)
{
    private const string Owner = "telco-co";
    private const string Other = "telco-bo";
    private static readonly string[] Callers = ["admin.telco-bo", "admin.digital-sales"];

    /// <summary>
    /// Answers other than 404/403 accepted for a request that names a telco-co record, and why (each leaks nothing and
    /// changes nothing). Key: "METHOD path".
    /// </summary>
    private static readonly Dictionary<string, (int[] Statuses, string Why)> Accepted = new(StringComparer.Ordinal)
    {
        ["GET /api/v1/audit"] = ([200], "filters (user, operation id, entity id) over the caller's own trail: another client's ids match nothing, an empty page as for an unknown id"),
        ["GET /api/v1/users"] = ([200], "a text search over the people the caller may see: another client's user names find nothing"),
        ["GET /api/v1/customers"] = ([200], "a search over the caller's own customers: another client's document or client id finds nothing"),
    };

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Every_operation_called_by_the_other_client_with_real_ids_answers_404_or_403_and_leaks_and_changes_nothing(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var api = await OpenApiOperations.LoadAsync(app);
        var records = await TenantRecords.PrepareAsync(app, Owner);
        var markers = await MarkersAsync(app);
        var before = await FingerprintAsync(app, records.ClientId);

        var failures = new List<string>(api.All.SelectMany(OperationInputs.Unmapped));
        var statuses = new SortedDictionary<int, int>();
        var covered = new HashSet<string>(StringComparer.Ordinal);
        var requests = 0;
        foreach (var caller in Callers)
        {
            var http = await app.ClientForAsync(caller);
            foreach (var op in api.All.Where(o => !OperationInputs.Unmapped(o).Any()))
            {
                var primary = records.Operations[OperationInputs.KindFor(op.Path)];
                var codes = UsesOperation(api, op) ? records.Operations.Values.OrderBy(c => c != primary).ToList() : [primary];
                foreach (var code in codes)
                {
                    var context = new InputContext(records, code, caller, sacrificial: false);
                    var (request, carries, sent) = await OperationInputs.Build(api, op, context);
                    using (request)
                    {
                        using var response = await http.SendAsync(request);
                        requests++;
                        var status = (int)response.StatusCode;
                        statuses[status] = statuses.GetValueOrDefault(status) + 1;
                        var body = await response.Content.ReadAsStringAsync();
                        var what = $"{caller} {op} [{code}] → {status}: {request.RequestUri}";
                        if (status >= 500)
                        {
                            failures.Add($"{what} server error {Excerpt(body)}");
                        }
                        else if (carries && status is not (404 or 403) && !(Accepted.TryGetValue(op.ToString(), out var ok) && ok.Statuses.Contains(status)))
                        {
                            failures.Add($"{what} names telco-co records and was not refused: {Excerpt(body)}");
                        }

                        var leaked = markers.Where(m => !sent.Contains(m, StringComparison.Ordinal) && Contains(body, m)).Take(3).ToList();
                        if (leaked.Count > 0)
                        {
                            failures.Add($"{what} leaks telco-co data: {string.Join(", ", leaked)}");
                        }

                        covered.Add(op.ToString());
                    }
                }
            }
        }

        var after = await FingerprintAsync(app, records.ClientId);
        foreach (var table in before.Keys.Union(after.Keys).Where(t => before.GetValueOrDefault(t) != after.GetValueOrDefault(t)))
        {
            failures.Add($"telco-co's {table} changed during the walk");
        }

        output.WriteLine($"{provider}: {covered.Count} of {api.All.Count} operations walked, {requests} requests by {string.Join(", ", Callers)}, {markers.Count} telco-co markers, {before.Count} tables fingerprinted; answers: {string.Join(", ", statuses.Select(s => $"{s.Key}×{s.Value}"))}");
        Assert.True(failures.Count == 0, $"{failures.Count} failures:\n" + string.Join('\n', failures));
        Assert.Equal(api.All.Count, covered.Count);
        Assert.True(api.All.Count > 150, $"only {api.All.Count} operations in the OpenAPI document");
        Assert.Empty(app.LoggedErrors);
    }

    /// <summary>Whether the operation code reaches the handler (parameter, body property or upload form).</summary>
    internal static bool UsesOperation(OpenApiOperations api, ApiOperation op) =>
        op.Parameters.Any(p => p.Name is "operation" or "Operation" || (p.Name == "code" && op.Path.StartsWith("/api/v1/operations/", StringComparison.Ordinal)))
        || op.BodyType?.StartsWith("multipart/", StringComparison.Ordinal) == true
        || (op.BodySchema is { } s && api.Properties(s).Any(x => x.Name == "operation"));

    private static string Excerpt(string body) => body.Length > 300 ? body[..300] : body;

    private static bool Contains(string body, string marker) =>
        body.Contains(marker, StringComparison.Ordinal) || body.Contains(JsonEncodedText.Encode(marker).ToString(), StringComparison.Ordinal);

    /// <summary>Texts of 6+ characters that only telco-co's data has: documents, names, phones, people, operation names, leads, accounts.</summary>
    private static async Task<List<string>> MarkersAsync(TestApp app)
    {
        await using var scope = app.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        async Task<HashSet<string>> Of(string client)
        {
            var c = await db.Clients.IgnoreQueryFilters().SingleAsync(x => x.Code == client);
            var texts = new HashSet<string>(StringComparer.Ordinal);
            foreach (var customer in await db.Customers.IgnoreQueryFilters().Where(x => x.ClientId == c.Id).ToListAsync())
            {
                texts.Add(customer.DocumentNumber);
                texts.Add(customer.FullName);
            }

            foreach (var phone in await db.CustomerPhones.IgnoreQueryFilters().Where(x => x.ClientId == c.Id).Select(x => x.E164).ToListAsync())
            {
                texts.Add(phone);
                texts.Add(phone.Length > 10 ? phone[^10..] : phone); // national number
            }

            var userIds = await UserIdsAsync(db, c.Id);
            foreach (var u in await db.Users.IgnoreQueryFilters().Where(u => userIds.Contains(u.Id)).ToListAsync())
            {
                texts.Add(u.UserName!);
                texts.Add(u.DisplayName);
                if (u.Email is not null)
                {
                    texts.Add(u.Email);
                }
            }

            texts.UnionWith(await db.Operations.IgnoreQueryFilters().Where(x => x.ClientId == c.Id).Select(x => x.Name).ToListAsync());
            foreach (var lead in await db.Leads.IgnoreQueryFilters().Where(x => x.ClientId == c.Id).Select(x => new { x.FullName, x.Document }).ToListAsync())
            {
                texts.Add(lead.FullName ?? "");
                texts.Add(lead.Document ?? "");
            }

            foreach (var sale in await db.Sales.IgnoreQueryFilters().Where(x => x.ClientId == c.Id).Select(x => new { x.AccountNumber, x.LineNumber }).ToListAsync())
            {
                texts.Add(sale.AccountNumber ?? "");
                texts.Add(sale.LineNumber ?? "");
            }

            texts.RemoveWhere(t => t.Length < 6);
            return texts;
        }

        var mine = await Of(Owner);
        var theirs = await Of(Other);
        mine.RemoveWhere(m => theirs.Any(t => t.Contains(m, StringComparison.Ordinal)));
        return [.. mine.Order(StringComparer.Ordinal)];
    }

    /// <summary>The users of a client: those with a membership in it or its client-admin grant.</summary>
    private static async Task<List<Guid>> UserIdsAsync(AppDbContext db, Guid clientId)
    {
        var members = await db.Memberships.IgnoreQueryFilters().Where(m => m.ClientId == clientId).Select(m => m.UserId).ToListAsync();
        var claim = clientId.ToString();
        var admins = await db.UserClaims.Where(x => x.ClaimType == AccessScope.ClientAdminClaim && x.ClaimValue == claim).Select(x => x.UserId).ToListAsync();
        return [.. members.Concat(admins).Distinct()];
    }

    /// <summary>
    /// A hash per entity type of the rows that belong to the client (a ClientId or OperationId of it, owned rows included),
    /// plus its users (password hash, security stamp, lockout, activity) and their claims.
    /// </summary>
    internal static async Task<SortedDictionary<string, string>> FingerprintAsync(TestApp app, Guid clientId)
    {
        await using var scope = app.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var ids = new HashSet<Guid>(await db.Operations.IgnoreQueryFilters().Where(o => o.ClientId == clientId).Select(o => o.Id).ToListAsync()) { clientId };
        var users = new HashSet<Guid>(await UserIdsAsync(db, clientId));
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var rows = typeof(IsolationWalkTests).GetMethod(nameof(RowsAsync), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!;
        foreach (var type in db.Model.GetEntityTypes().Where(e => !e.IsOwned() && !e.HasSharedClrType && e.FindPrimaryKey() is not null))
        {
            var scoped = type.GetProperties().Where(p => p.Name is "ClientId" or "OperationId" || (type.ClrType == typeof(AppUser) && p.Name == "Id") || p.Name == "UserId" && type.ClrType.Name.StartsWith("IdentityUser", StringComparison.Ordinal)).ToList();
            if (scoped.Count == 0)
            {
                continue;
            }

            var keep = type.ClrType == typeof(AppUser) || type.ClrType.Name.StartsWith("IdentityUser", StringComparison.Ordinal) ? users : ids;
            var lines = await (Task<List<string>>)rows.MakeGenericMethod(type.ClrType).Invoke(null, [db, type, scoped, keep])!;
            result[type.ClrType.Name] = $"{lines.Count} rows " + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', lines.Order(StringComparer.Ordinal)))));
        }

        return result;
    }

    private static async Task<List<string>> RowsAsync<T>(AppDbContext db, IEntityType type, List<IProperty> scoped, HashSet<Guid> keep)
        where T : class
    {
        var lines = new List<string>();
        foreach (var row in await db.Set<T>().IgnoreQueryFilters().ToListAsync())
        {
            var entry = db.Entry(row);
            if (!scoped.Any(p => entry.Property(p.Name).CurrentValue is Guid g && keep.Contains(g)))
            {
                continue;
            }

            var text = new StringBuilder(Line(entry.Properties.Select(p => (p.Metadata.Name, p.CurrentValue))));
            foreach (var owned in type.GetNavigations().Where(n => n.TargetEntityType.IsOwned()))
            {
                var value = entry.Navigation(owned.Name).CurrentValue;
                foreach (var item in value is System.Collections.IEnumerable many and not string ? many.Cast<object>() : value is null ? [] : [value])
                {
                    text.Append(" | ").Append(Line(db.Entry(item).Properties.Select(p => (p.Metadata.Name, p.CurrentValue))));
                }
            }

            lines.Add(text.ToString());
        }

        return lines;
    }

    private static string Line(IEnumerable<(string Name, object? Value)> values) =>
        string.Join(';', values.OrderBy(v => v.Name, StringComparer.Ordinal).Select(v => v.Name + "=" + v.Value switch
        {
            null => "∅",
            byte[] bytes => Convert.ToBase64String(bytes),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            var other => other.ToString(),
        }));
}
