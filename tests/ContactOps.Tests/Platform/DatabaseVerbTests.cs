using System.Text.Json;
using ContactOps.Platform.Data;
using ContactOps.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContactOps.Tests.Platform;

/// <summary>`db migrate` and `demo seed` do their work once and nothing the second time.</summary>
public class DatabaseVerbTests
{
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Migrate_and_seed_are_idempotent(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider, seeded: false);

        async Task<(int Exit, JsonElement Json, string Err)> Run(params string[] args)
        {
            using var output = new StringWriter();
            using var error = new StringWriter();
            var exit = await ContactOps.Platform.Cli.CliHost.RunAsync(AppModules.Cli, app.Services, args, output, error);
            using var doc = JsonDocument.Parse(output.ToString());
            return (exit, doc.RootElement.Clone(), error.ToString());
        }

        var first = await Run("db", "migrate", "--json");
        Assert.True(first.Exit == 0, first.Err);
        var applied = first.Json.GetProperty("applied").EnumerateArray().Select(a => a.GetString()).ToList();
        Assert.Contains(applied, a => a!.EndsWith("_Initial", StringComparison.Ordinal));

        var second = await Run("db", "migrate", "--json");
        Assert.Equal(0, second.Exit);
        Assert.Empty(second.Json.GetProperty("applied").EnumerateArray());

        var seed = await Run("demo", "seed", "--json");
        Assert.True(seed.Exit == 0, seed.Err);
        Assert.True(seed.Json.GetProperty("seeded").GetBoolean());
        int customers;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<ContactOps.Platform.Tenancy.AccessScope>().SetSystem("tests");
            customers = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Customers.CountAsync();
        }

        Assert.True(customers > 0);

        var again = await Run("demo", "seed", "--json");
        Assert.Equal(0, again.Exit);
        Assert.False(again.Json.GetProperty("seeded").GetBoolean());
        await using (var scope = app.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<ContactOps.Platform.Tenancy.AccessScope>().SetSystem("tests");
            Assert.Equal(customers, await scope.ServiceProvider.GetRequiredService<AppDbContext>().Customers.CountAsync());
        }
    }
}
