using System.Net;
using System.Text;
using ContactOps.Platform.Data;
using ContactOps.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContactOps.Tests.Security;

/// <summary>Issue 13, finding 10: simultaneous uploads of lead bases with the same name answer one 200 and 409s, never a 500.</summary>
public class LeadBaseRaceTests
{
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Simultaneous_uploads_with_the_same_name_create_one_base_and_answer_409_to_the_others(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var marshall = await app.ClientForAsync("datamarshall.devices-outbound");

        async Task<HttpStatusCode> UploadAsync(int i)
        {
            using var form = new MultipartFormDataContent();
            form.Add(new StringContent("devices-outbound"), "operation");
            form.Add(new StringContent("Base carrera"), "base");
            var csv = new ByteArrayContent(Encoding.UTF8.GetBytes($"documento;nombre;celular\n{80_000_000 + i};Carrera {i};300222{i:D4}\n"));
            form.Add(csv, "file", $"carrera-{i}.csv");
            using var response = await marshall.PostAsync("/api/v1/outbound/bases", form);
            return response.StatusCode;
        }

        var statuses = await Task.WhenAll(Enumerable.Range(1, 6).Select(UploadAsync));
        Assert.All(statuses, s => Assert.Contains(s, new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }));
        Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.OK));

        await using var scope = app.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(1, await db.LeadBases.CountAsync(b => b.Name == "Base carrera"));
        // EF Core itself logs the refused insert of each loser; nothing else may fail.
        Assert.DoesNotContain(app.LoggedErrors, e => !e.StartsWith("Microsoft.EntityFrameworkCore.", StringComparison.Ordinal));
    }
}
