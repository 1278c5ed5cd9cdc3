using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ContactOps.Platform.Data;

/// <summary>
/// Used only by `dotnet ef migrations add`: the provider comes from CONTACTOPS_EF_PROVIDER (sqlite|postgres).
/// See docs/operations.md for the exact commands.
/// </summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args)
    {
        var provider = Environment.GetEnvironmentVariable("CONTACTOPS_EF_PROVIDER") ?? "sqlite";
        var options = new DatabaseOptions
        {
            Provider = provider.Equals("postgres", StringComparison.OrdinalIgnoreCase) ? DbProvider.Postgres : DbProvider.Sqlite,
            ConnectionString = provider.Equals("postgres", StringComparison.OrdinalIgnoreCase)
                ? "Host=localhost;Database=contactops_design;Username=postgres"
                : "Data Source=design.db",
        };
        var builder = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseSetup.Configure(builder, options, interceptor: null);
        return new AppDbContext(builder.Options, AccessScope.System());
    }
}
