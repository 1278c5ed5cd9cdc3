namespace ContactOps.Tests.Infrastructure;

public class SmokeTests
{
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Ready_health_check_answers_healthy_on_a_migrated_database(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var client = app.CreateClient();
        var response = await client.GetAsync("/health/ready");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
        Assert.Empty(app.LoggedErrors);
    }
}
