using ContactOps.Modules.Outbound.Features;
using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace ContactOps.Modules.Outbound;

/// <summary>Keeps the scheduler's daily triggers in line with the operations' layouts.</summary>
public interface IManagementSchedule
{
    /// <summary>(Re)schedules the operation's daily report from its layout (removes the trigger when it has no time).</summary>
    Task RefreshAsync(Guid operationId, CancellationToken ct);
}

/// <summary>
/// The daily generation of the management report (Quartz.NET). One durable job; one cron trigger per operation, at the
/// layout's time in the client's zone. The run reports the local date of the firing (or the day before when the layout
/// says so) and is kept like a user's run, marked "Schedule".
/// </summary>
[DisallowConcurrentExecution]
public sealed class ManagementReportJob(IServiceScopeFactory scopes, TimeProvider time, ILogger<ManagementReportJob> log) : IJob
{
    public const string OperationKey = "operationId";

    public static readonly JobKey Key = new("management-report", "outbound");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!Guid.TryParse(context.MergedJobDataMap.GetString(OperationKey), out var operationId))
        {
            return;
        }

        var result = await RunAsync(operationId, cancellationToken);
        if (!result.IsSuccess)
        {
            log.LogWarning("Informe de gestión programado de la operación {OperationId} no generado: {Message}", operationId, result.Error!.Message);
        }
    }

    /// <summary>Generates the operation's report for the date the schedule covers at the current time (system identity).</summary>
    public async Task<Result<ManagementRunItem>> RunAsync(Guid operationId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AccessScope>().SetSystem("programador");
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var target = await (from o in db.Operations
                            join c in db.Clients on o.ClientId equals c.Id
                            where o.Id == operationId
                            select new { o.Code, c.TimeZoneId }).FirstOrDefaultAsync(ct);
        if (target is null)
        {
            return Error.NotFound("operation.not_found#4");
        }

        var previousDay = await db.ManagementLayouts.Where(l => l.OperationId == operationId).Select(l => l.SchedulePreviousDay).FirstOrDefaultAsync(ct);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(target.TimeZoneId);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime);
        var date = previousDay ? today.AddDays(-1) : today;
        var handler = scope.ServiceProvider.GetRequiredService<GenerateManagementReport>();
        var result = await handler.HandleAsync(
            new ManagementReportRequest(target.Code, date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), ManagementTrigger.Schedule, ct);
        if (result.IsSuccess)
        {
            log.LogInformation("Informe de gestión {Operation} {Date}: {Rows} filas", target.Code, date, result.Value!.Rows);
        }

        return result;
    }
}

/// <summary>Schedules the daily reports on the Quartz scheduler (in-memory store; see docs/operations.md for the clustered ADO store).</summary>
public sealed class QuartzManagementSchedule(ISchedulerFactory factory, IServiceScopeFactory scopes, TimeProvider time) : IManagementSchedule
{
    public static TriggerKey TriggerOf(Guid operationId) => new("management-" + operationId.ToString("N"), "outbound");

    public async Task RefreshAsync(Guid operationId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AccessScope>().SetSystem("programador");
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var row = await (from l in db.ManagementLayouts
                         join c in db.Clients on l.ClientId equals c.Id
                         where l.OperationId == operationId
                         select new { l.ScheduleAt, c.TimeZoneId }).FirstOrDefaultAsync(ct);
        var scheduler = await factory.GetScheduler(ct);
        await EnsureJobAsync(scheduler, ct);
        await scheduler.UnscheduleJob(TriggerOf(operationId), ct);
        if (row?.ScheduleAt is not { } at)
        {
            return;
        }

        var cron = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"0 {at.Minute} {at.Hour} ? * *");
        var trigger = TriggerBuilder.Create(time)
            .WithIdentity(TriggerOf(operationId))
            .ForJob(ManagementReportJob.Key)
            .UsingJobData(ManagementReportJob.OperationKey, operationId.ToString())
            .WithSchedule(CronScheduleBuilder.Create(cron).InTimeZone(TimeZoneInfo.FindSystemTimeZoneById(row.TimeZoneId)))
            .Build();
        await scheduler.ScheduleJob(trigger, default, ct);
    }

    /// <summary>Schedules every operation that has a daily time (at start-up).</summary>
    public async Task RefreshAllAsync(CancellationToken ct)
    {
        List<Guid> ids;
        await using (var scope = scopes.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<AccessScope>().SetSystem("programador");
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            ids = await db.ManagementLayouts.Where(l => l.ScheduleAt != null).Select(l => l.OperationId).ToListAsync(ct);
        }

        foreach (var id in ids)
        {
            await RefreshAsync(id, ct);
        }
    }

    private static async Task EnsureJobAsync(IScheduler scheduler, CancellationToken ct)
    {
        if (await scheduler.GetJobDetail(ManagementReportJob.Key, ct) is null)
        {
            var job = JobBuilder.Create<ManagementReportJob>().WithIdentity(ManagementReportJob.Key).StoreDurably().Build();
            await scheduler.AddJob(job, AddJobOptions.Replacing, ct);
        }
    }
}

/// <summary>Loads the schedules when the server starts (after the database is ready); never stops the start-up.</summary>
public sealed class ManagementScheduleStartup(QuartzManagementSchedule schedule, ILogger<ManagementScheduleStartup> log) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await schedule.RefreshAllAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or System.Data.Common.DbException or SchedulerException)
        {
            log.LogWarning(ex, "No se pudieron programar los informes de gestión al iniciar.");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
