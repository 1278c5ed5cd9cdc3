using System.Globalization;
using ContactOps.Modules.Interactions.Features;
using Quartz;

namespace ContactOps.Modules.Interactions;

/// <summary>How long an inbound interaction may stay open without any change before the abandonment rule closes it.</summary>
public sealed class InteractionsOptions
{
    public const string Section = "Interactions";

    /// <summary>Hours without a change (default 4: longer than any call, shorter than a shift).</summary>
    public int AbandonAfterHours { get; set; } = 4;

    /// <summary>How often the rule runs, in minutes (default 10).</summary>
    public int AbandonCheckMinutes { get; set; } = 10;
}

/// <summary>Runs the abandonment rule on the scheduler (Quartz.NET), every few minutes.</summary>
[DisallowConcurrentExecution]
public sealed class AbandonedInteractionsJob(IServiceScopeFactory scopes, ILogger<AbandonedInteractionsJob> log) : IJob
{
    public static readonly JobKey Key = new("abandoned-interactions", "interactions");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var closed = await scope.ServiceProvider.GetRequiredService<CloseAbandonedInteractions>().RunAsync(cancellationToken);
        if (closed > 0)
        {
            log.LogInformation("La regla de abandono cerró {Count} interacciones abiertas sin cambios.", closed);
        }
    }
}

/// <summary>Puts the abandonment rule on the scheduler when the server starts (every <see cref="InteractionsOptions.AbandonCheckMinutes"/>).</summary>
public sealed class AbandonedInteractionsSchedule(ISchedulerFactory factory, TimeProvider time, Microsoft.Extensions.Options.IOptions<InteractionsOptions> options, ILogger<AbandonedInteractionsSchedule> log) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var minutes = Math.Min(59, options.Value.AbandonCheckMinutes);
        if (minutes <= 0)
        {
            return;
        }

        try
        {
            var scheduler = await factory.GetScheduler(cancellationToken);
            var job = JobBuilder.Create<AbandonedInteractionsJob>().WithIdentity(AbandonedInteractionsJob.Key).StoreDurably().Build();
            await scheduler.AddJob(job, AddJobOptions.Replacing, cancellationToken);
            var trigger = TriggerBuilder.Create(time)
                .WithIdentity("abandoned-interactions-every", "interactions")
                .ForJob(AbandonedInteractionsJob.Key)
                .WithSchedule(CronScheduleBuilder.Create(string.Create(CultureInfo.InvariantCulture, $"0 0/{minutes} * * * ?")))
                .Build();
            await scheduler.UnscheduleJob(trigger.Key, cancellationToken);
            await scheduler.ScheduleJob(trigger, default, cancellationToken);
        }
        catch (SchedulerException ex)
        {
            log.LogWarning(ex, "No se pudo programar la regla de abandono de interacciones.");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
