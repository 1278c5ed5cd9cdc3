using ContactOps.Platform.Data;
using ContactOps.Platform.Tenancy;
using ContactOps.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Tests.Platform;

/// <summary>Every model change ships a migration for both providers, and both migrations assemblies ship with the host.</summary>
public class MigrationsTests
{
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public void The_model_has_no_change_missing_from_the_providers_migrations(Provider provider)
    {
        Assert.NotNull(DatabaseSetup.MigrationsAssembly(provider.ToDbProvider()));
        var builder = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseSetup.Configure(builder, new DatabaseOptions
        {
            Provider = provider.ToDbProvider(),
            ConnectionString = provider == Provider.Postgres ? "Host=127.0.0.1;Database=model_check" : "Data Source=:memory:",
        }, interceptor: null);
        using var db = new AppDbContext(builder.Options, AccessScope.System());

        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(),
            $"The model has changes without a {provider} migration: add one with dotnet ef migrations add (docs/architecture.md).");
    }
}
