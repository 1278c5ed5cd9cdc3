using System.Net;
using System.Net.Http.Json;
using System.Text;
using ContactOps.Modules.Customers;
using ContactOps.Modules.Customers.Features;
using ContactOps.Platform.Data;
using ContactOps.Platform.Imports;
using ContactOps.Tests.Files;
using ContactOps.Tests.Infrastructure;
using ContactOps.Tests.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace ContactOps.Tests.Customers.Api;

/// <summary>
/// The name search picks its driving word from the per-client word statistics (<see cref="CustomerNameWord"/>), which the
/// customers import (its own words), the demo seeder and a daily job rebuild; a word the statistics do not know still finds its customers.
/// </summary>
public class CustomerNameWordsTests
{
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task The_driving_word_is_the_rarest_per_the_statistics_and_a_word_they_do_not_know_drives(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await using var scope = app.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var search = scope.ServiceProvider.GetRequiredService<SearchCustomers>();
        var clientId = (await db.Clients.SingleAsync(c => c.Code == "telco-co")).Id;

        // The seeder built the statistics from the tokens.
        Assert.True(await db.CustomerNameWords.AnyAsync(w => w.ClientId == clientId && w.Token == "MARIA"));

        // Words no customer has: counting the token index would tie them at 0 (and the longer, ZZALPHA, would drive);
        // only the statistics say ZZBETA is the rarer.
        db.CustomerNameWords.AddRange(new CustomerNameWord(clientId, "ZZALPHA", 5000), new CustomerNameWord(clientId, "ZZBETA", 1), new CustomerNameWord(clientId, "ZZBETO", 2));
        await db.SaveChangesAsync();
        var ct = CancellationToken.None;
        Assert.Equal(TextSearch.PrefixRange("ZZBETA"), (await search.RarestFirstAsync(clientId, ["ZZALPHA", "ZZBETA"], ct))[0]);

        // A partial word counts every statistics word in its prefix range: ZZBET is ZZBETA + ZZBETO.
        Assert.Equal(TextSearch.PrefixRange("ZZBET"), (await search.RarestFirstAsync(clientId, ["ZZALPHA", "ZZBET"], ct))[0]);
        await db.CustomerNameWords.Where(w => w.ClientId == clientId && w.Token == "ZZBETO").ExecuteUpdateAsync(s => s.SetProperty(w => w.Customers, 6000));
        Assert.Equal(TextSearch.PrefixRange("ZZALPHA"), (await search.RarestFirstAsync(clientId, ["ZZBET", "ZZALPHA"], ct))[0]);

        // A word the statistics do not know counts as 0, even shorter than the other.
        Assert.Equal(TextSearch.PrefixRange("ZZNEW"), (await search.RarestFirstAsync(clientId, ["ZZALPHA", "ZZNEW"], ct))[0]);

        // The statistics are per client: the other client's figures do not count.
        var boId = (await db.Clients.SingleAsync(c => c.Code == "telco-bo")).Id;
        db.CustomerNameWords.Add(new CustomerNameWord(boId, "ZZGAMMA", 1));
        db.CustomerNameWords.Add(new CustomerNameWord(clientId, "ZZGAMMA", 9000));
        await db.SaveChangesAsync();
        Assert.Equal(TextSearch.PrefixRange("ZZALPHA"), (await search.RarestFirstAsync(clientId, ["ZZGAMMA", "ZZALPHA"], ct))[0]);
        Assert.Empty(app.LoggedErrors);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task A_name_saved_after_the_statistics_is_found_and_the_daily_job_counts_it(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var agent = await app.ClientForAsync("agent.premium-sales");
        var created = await agent.PostAsJsonAsync("/api/v1/customers", new
        {
            operation = "premium-sales", documentType = "CC", documentNumber = "1.077.123.456", firstNames = "Zacarías Yepes", lastNames = "Quiñónez Oyola",
            phone = "(310) 555 0177",
        });
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        const string Name = "Zacarías Yepes Quiñónez Oyola";

        // Saving a customer does not touch the statistics (no counter row to contend on): its words are unknown, so they drive.
        Guid clientId;
        await using (var scope = app.SystemScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            clientId = (await db.Clients.SingleAsync(c => c.Code == "telco-co")).Id;
            Assert.False(await db.CustomerNameWords.AnyAsync(w => w.Token == "ZACARIAS" || w.Token == "OYOLA"));
        }

        foreach (var q in new[] { "zacarias oyola", "OYO zac", "quinonez yepes zacar", "maria zacarias" })
        {
            var names = await Demo.SearchNamesAsync(agent, q);
            Assert.Equal(q != "maria zacarias", names.Contains(Name));
        }

        // The daily job is on the scheduler, and a run rebuilds every client's statistics from the tokens.
        var services = app.Services;
        await ActivatorUtilities.CreateInstance<CustomerNameWordsSchedule>(services).StartAsync(CancellationToken.None);
        var scheduler = await services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var trigger = Assert.IsAssignableFrom<ICronTrigger>(await scheduler.GetTrigger(CustomerNameWordsSchedule.TriggerKey));
        Assert.Equal(CustomerNameWordsJob.Cron, trigger.CronExpressionString);
        Assert.Equal(CustomerNameWordsJob.Key, trigger.JobKey);

        await ActivatorUtilities.CreateInstance<CustomerNameWordsJob>(services).Execute(null!, CancellationToken.None);
        await AssertStatisticsMatchTokensAsync(app);
        await using (var scope = app.SystemScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.Equal(1, await db.CustomerNameWords.Where(w => w.ClientId == clientId && w.Token == "ZACARIAS").Select(w => w.Customers).SingleAsync());
        }

        Assert.Contains(Name, await Demo.SearchNamesAsync(agent, "zacarias oyola"));
        Assert.Empty(app.LoggedErrors);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task An_import_recounts_the_words_of_the_customers_it_creates_and_two_imports_at_once_both_land(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var agent = await app.ClientForAsync("agent.premium-sales");

        // One Xiomara saved by hand (not yet counted), three imported; MARIA's count made wrong on purpose.
        var created = await agent.PostAsJsonAsync("/api/v1/customers", new
        {
            operation = "premium-sales", documentType = "CC", documentNumber = "80222000", firstNames = "Xiomara", lastNames = "Arboleda", phone = "(310) 555 0178",
        });
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Guid clientId;
        await using (var scope = app.SystemScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            clientId = (await db.Clients.SingleAsync(c => c.Code == "telco-co")).Id;
            Assert.Equal(1, await db.CustomerNameWords.Where(w => w.ClientId == clientId && w.Token == "MARIA").ExecuteUpdateAsync(u => u.SetProperty(w => w.Customers, 1)));
        }

        const string Header = "tipo_documento;Cédula;Nombres;Apellidos;Teléfono 1;Celular;correo;direccion;ciudad;cuenta;linea;plan;Segmento\r\n";
        using var temp = new TempFolder();
        await ImportAsync(app, temp, "clientes.csv", Header +
            "CC;80222111;Xiomara;Urrutia Lozada;;;;;;;;;\r\n" +
            "CC;80222112;Xiomara Inés;Urrutia;;;;;;;;;\r\n" +
            "CC;80222113;XIOMARA;Ñañez;;;;;;;;;\r\n", created: 3);

        // The import's words are counted from the token index (the hand-saved Xiomara too); the others are left alone.
        var words = await WordsAsync(app, clientId, "XIOMARA", "URRUTIA", "NANEZ", "ARBOLEDA", "MARIA");
        Assert.Equal(4, words["XIOMARA"]);
        Assert.Equal(2, words["URRUTIA"]);
        Assert.Equal(1, words["NANEZ"]);
        Assert.False(words.ContainsKey("ARBOLEDA"));
        Assert.Equal(1, words["MARIA"]);
        Assert.Equal(2, (await Demo.SearchNamesAsync(agent, "xiomara urru")).Count);

        // Two files with the same words at once: no collision on a word's row, both land, and the counts add up.
        await Task.WhenAll(
            ImportAsync(app, temp, "a.csv", Header + "CC;80222121;Yesenia;Urrutia Zabaleta;;;;;;;;;\r\nCC;80222122;Yesenia;Zabaleta;;;;;;;;;\r\n", created: 2),
            ImportAsync(app, temp, "b.csv", Header + "CC;80222131;Yesenia Xiomara;Zabaleta;;;;;;;;;\r\nCC;80222132;Xiomara;Urrutia;;;;;;;;;\r\n", created: 2));
        words = await WordsAsync(app, clientId, "XIOMARA", "URRUTIA", "YESENIA", "ZABALETA");
        Assert.Equal(6, words["XIOMARA"]);
        Assert.Equal(4, words["URRUTIA"]);
        Assert.Equal(3, words["YESENIA"]);
        Assert.Equal(3, words["ZABALETA"]);

        // The daily rebuild then agrees with the tokens everywhere (MARIA and ARBOLEDA included).
        await ActivatorUtilities.CreateInstance<CustomerNameWordsJob>(app.Services).Execute(null!, CancellationToken.None);
        await AssertStatisticsMatchTokensAsync(app);
        Assert.Empty(app.LoggedErrors);
    }

    private static async Task ImportAsync(TestApp app, TempFolder temp, string name, string csv, int created)
    {
        var path = temp.WriteText(name, csv, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        await using var scope = app.SystemScope();
        await using var stream = File.OpenRead(path);
        var result = await scope.ServiceProvider.GetRequiredService<ImportCustomers>()
            .HandleAsync(new ImportCustomersRequest("premium-sales", stream, name), null, CancellationToken.None);
        Assert.True(result.IsSuccess, result.Error?.Message);
        Assert.Equal(created, result.Value!.Created);
    }

    private static async Task<Dictionary<string, int>> WordsAsync(TestApp app, Guid clientId, params string[] tokens)
    {
        await using var scope = app.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.CustomerNameWords.Where(w => w.ClientId == clientId && tokens.Contains(w.Token)).ToDictionaryAsync(w => w.Token, w => w.Customers);
    }

    private static async Task AssertStatisticsMatchTokensAsync(TestApp app)
    {
        await using var scope = app.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var tokens = (await db.CustomerNameTokens.GroupBy(t => new { t.ClientId, t.Token }).Select(g => new { g.Key.ClientId, g.Key.Token, Count = g.Count() }).ToListAsync())
            .Select(x => (x.ClientId, x.Token, x.Count)).Order().ToList();
        var words = (await db.CustomerNameWords.Select(w => new { w.ClientId, w.Token, w.Customers }).ToListAsync())
            .Select(x => (x.ClientId, x.Token, Count: x.Customers)).Order().ToList();
        Assert.NotEmpty(words);
        Assert.Equal(tokens, words);
    }
}
