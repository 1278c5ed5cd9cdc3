using ContactOps.Platform.Data;
using ContactOps.Platform.Imports;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace ContactOps.Modules.Customers;

/// <summary>
/// Rebuilds the word statistics (<see cref="CustomerNameWord"/>) of a client from its name tokens, set-based: one
/// INSERT … SELECT … GROUP BY … ON CONFLICT DO UPDATE and one DELETE of the words gone (the same SQL on both engines), in
/// one transaction. Run by the demo seeder and daily by <see cref="CustomerNameWordsJob"/>; a customers import recounts
/// only the words of the customers it created, inside its transaction. Between two runs, customers saved one by one
/// are not counted (a word the statistics do not know counts as rare, so it drives the search: still correct).
/// </summary>
public sealed class CustomerNameWords(AppDbContext db, AccessScope scope, ILogger<CustomerNameWords> log)
{
    /// <summary>
    /// Sets the count of each word of the client's tokens (parameter @client) that <paramref name="tokenFilter"/> keeps (a
    /// condition on <c>t."Token"</c>, or null for all): an upsert in the words' order, so two imports of one client at
    /// once neither collide on the key nor deadlock, and a search reading meanwhile sees old or new counts, never none.
    /// </summary>
    public static string UpsertSql(string? tokenFilter) => $"""
        INSERT INTO "CustomerNameWords" ("ClientId", "Token", "Customers")
        SELECT t."ClientId", t."Token", COUNT(*) FROM "CustomerNameTokens" AS t
        WHERE t."ClientId" = @client{(tokenFilter is null ? "" : " AND " + tokenFilter)}
        GROUP BY t."ClientId", t."Token" ORDER BY t."Token"
        ON CONFLICT ("ClientId", "Token") DO UPDATE SET "Customers" = excluded."Customers"
        """;

    /// <summary>Removes the client's words no customer has any more (parameter @client).</summary>
    public const string PruneSql = """
        DELETE FROM "CustomerNameWords" WHERE "ClientId" = @client
          AND NOT EXISTS (SELECT 1 FROM "CustomerNameTokens" AS t WHERE t."ClientId" = "CustomerNameWords"."ClientId" AND t."Token" = "CustomerNameWords"."Token")
        """;

    /// <summary>Rebuilds the statistics of one client, in the current transaction or in its own.</summary>
    public async Task RefreshAsync(Guid clientId, CancellationToken ct)
    {
        var client = BulkWriter.IdValue(clientId, db.IsSqlite);
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            await db.Database.ExecuteSqlRawAsync(UpsertSql(null).Replace("@client", "{0}", StringComparison.Ordinal), [client], ct);
            await db.Database.ExecuteSqlRawAsync(PruneSql.Replace("@client", "{0}", StringComparison.Ordinal), [client], ct);
            if (own is not null)
            {
                await own.CommitAsync(ct);
            }
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync();
            }
        }
    }

    /// <summary>Rebuilds the statistics of every client (as the system); the number of clients.</summary>
    public async Task<int> RefreshAllAsync(CancellationToken ct)
    {
        scope.SetSystem("estadísticas de nombres");
        var clientIds = await db.Clients.AsNoTracking().Select(c => c.Id).ToListAsync(ct);
        foreach (var clientId in clientIds)
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            await RefreshAsync(clientId, ct);
            log.LogDebug("Name word statistics of client {ClientId} rebuilt in {Elapsed}", clientId, System.Diagnostics.Stopwatch.GetElapsedTime(started));
        }

        return clientIds.Count;
    }
}

/// <summary>Rebuilds the name word statistics of every client once a day (Quartz.NET).</summary>
[DisallowConcurrentExecution]
public sealed class CustomerNameWordsJob(IServiceScopeFactory scopes, ILogger<CustomerNameWordsJob> log) : IJob
{
    public static readonly JobKey Key = new("customer-name-words", "customers");

    /// <summary>Every day at 03:15 (server time), away from the working day.</summary>
    public const string Cron = "0 15 3 * * ?";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var clients = await scope.ServiceProvider.GetRequiredService<CustomerNameWords>().RefreshAllAsync(cancellationToken);
        log.LogInformation("Estadísticas de palabras de nombres reconstruidas para {Count} clientes.", clients);
    }
}

/// <summary>Puts <see cref="CustomerNameWordsJob"/> on the scheduler when the server starts.</summary>
public sealed class CustomerNameWordsSchedule(ISchedulerFactory factory, TimeProvider time, ILogger<CustomerNameWordsSchedule> log) : IHostedService
{
    public static readonly TriggerKey TriggerKey = new("customer-name-words-daily", "customers");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            var scheduler = await factory.GetScheduler(cancellationToken);
            var job = JobBuilder.Create<CustomerNameWordsJob>().WithIdentity(CustomerNameWordsJob.Key).StoreDurably().Build();
            await scheduler.AddJob(job, AddJobOptions.Replacing, cancellationToken);
            var trigger = TriggerBuilder.Create(time)
                .WithIdentity(TriggerKey)
                .ForJob(CustomerNameWordsJob.Key)
                .WithSchedule(CronScheduleBuilder.Create(CustomerNameWordsJob.Cron))
                .Build();
            await scheduler.UnscheduleJob(trigger.Key, cancellationToken);
            await scheduler.ScheduleJob(trigger, default, cancellationToken);
        }
        catch (SchedulerException ex)
        {
            log.LogWarning(ex, "No se pudo programar la reconstrucción de las estadísticas de nombres.");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
