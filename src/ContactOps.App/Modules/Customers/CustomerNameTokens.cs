using ContactOps.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ContactOps.Modules.Customers;

/// <summary>
/// Keeps <see cref="CustomerNameToken"/> in step with every customer saved through EF: a new customer gets its name's
/// words, a renamed one has them replaced, in the same save. (The customers import writes them itself, set-based.)
/// </summary>
public sealed class CustomerNameTokens : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is AppDbContext db)
        {
            var tracked = Tracked(db);
            foreach (var (customer, renamed) in Pending(db))
            {
                if (renamed)
                {
                    Replace(db, customer, db.CustomerNameTokens.IgnoreQueryFilters().Where(t => t.CustomerId == customer.Id).ToList(), tracked);
                    continue;
                }

                Add(db, customer, tracked);
            }
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is AppDbContext db)
        {
            var tracked = Tracked(db);
            foreach (var (customer, renamed) in Pending(db))
            {
                if (renamed)
                {
                    Replace(db, customer, await db.CustomerNameTokens.IgnoreQueryFilters().Where(t => t.CustomerId == customer.Id).ToListAsync(cancellationToken), tracked);
                    continue;
                }

                Add(db, customer, tracked);
            }
        }

        return result;
    }

    private static List<(Customer Customer, bool Renamed)> Pending(AppDbContext db)
    {
        db.ChangeTracker.DetectChanges();
        return db.ChangeTracker.Entries<Customer>()
            .Where(e => e.State == EntityState.Added || (e.State == EntityState.Modified && e.Property(c => c.SearchName).IsModified))
            .Select(e => (e.Entity, e.State == EntityState.Modified))
            .ToList();
    }

    /// <summary>A renamed customer: the words no longer in the name go, the new ones come (the kept ones stay).</summary>
    private static void Replace(AppDbContext db, Customer customer, List<CustomerNameToken> stored, HashSet<(Guid, string)> tracked)
    {
        var words = TextSearch.Tokens(customer.SearchName);
        db.CustomerNameTokens.RemoveRange(stored.Where(t => !words.Contains(t.Token, StringComparer.Ordinal)));
        foreach (var t in stored)
        {
            tracked.Add((t.CustomerId, t.Token));
        }

        Add(db, customer, tracked);
    }

    /// <summary>Tokens already tracked as added (a save retried after a failure must not add them twice).</summary>
    private static HashSet<(Guid, string)> Tracked(AppDbContext db) =>
        db.ChangeTracker.Entries<CustomerNameToken>().Where(e => e.State == EntityState.Added).Select(e => (e.Entity.CustomerId, e.Entity.Token)).ToHashSet();

    private static void Add(AppDbContext db, Customer customer, HashSet<(Guid, string)> tracked)
    {
        foreach (var token in TextSearch.Tokens(customer.SearchName))
        {
            if (tracked.Add((customer.Id, token)))
            {
                db.CustomerNameTokens.Add(new CustomerNameToken(customer.Id, customer.ClientId, token));
            }
        }
    }
}
