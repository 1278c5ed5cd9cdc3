using System.Text.Json;
using ContactOps.Platform;

namespace ContactOps.Modules.Outbound;

/// <summary>One column of the carrier's layout: a field (<see cref="ManagementFields"/>) and the header the carrier wants.</summary>
public sealed record ManagementColumn(string Field, string Header);

/// <summary>
/// The carrier's layout of an operation's daily management report (one per operation): which fields, in which order,
/// under which headers; the file format; and the daily time (client's zone) at which it is generated automatically.
/// </summary>
public sealed class ManagementLayout : IAuditable, IStamped
{
    private ManagementLayout()
    {
    }

    public ManagementLayout(Guid clientId, Guid operationId)
    {
        Id = Ids.New();
        ClientId = clientId;
        OperationId = operationId;
        ColumnsJson = JsonSerializer.Serialize(ManagementFields.DefaultLayout, ManagementFields.Json);
    }

    public Guid Id { get; private set; }

    public Guid ClientId { get; private set; }

    public Guid OperationId { get; private set; }

    /// <summary>The columns as JSON: [{"field":"document","header":"CEDULA"},…].</summary>
    public string ColumnsJson { get; private set; } = "[]";

    /// <summary>csv or xlsx.</summary>
    public string Format { get; set; } = "csv";

    /// <summary>Daily generation time in the client's zone (null: not generated automatically).</summary>
    public TimeOnly? ScheduleAt { get; set; }

    /// <summary>The scheduled run reports the previous local date (e.g. generated at 06:00 for yesterday) instead of the current one.</summary>
    public bool SchedulePreviousDay { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public IReadOnlyList<ManagementColumn> Columns() =>
        JsonSerializer.Deserialize<List<ManagementColumn>>(ColumnsJson, ManagementFields.Json) ?? [];

    public void SetColumns(IReadOnlyList<ManagementColumn> columns) => ColumnsJson = JsonSerializer.Serialize(columns, ManagementFields.Json);

    Guid? IAuditable.AuditClientId => ClientId;

    Guid? IAuditable.AuditOperationId => OperationId;
}

/// <summary>Who asked for a run.</summary>
public enum ManagementTrigger
{
    Schedule,
    User,
    Cli,
}

/// <summary>A generated daily management report, kept in the file storage and downloadable.</summary>
public sealed class ManagementReportRun
{
    private ManagementReportRun()
    {
    }

    public ManagementReportRun(Guid clientId, Guid operationId, DateOnly date, Guid? baseId, string format, ManagementTrigger trigger, Guid? userId, string userName)
    {
        Id = Ids.New();
        ClientId = clientId;
        OperationId = operationId;
        Date = date;
        BaseId = baseId;
        Format = format;
        Trigger = trigger;
        GeneratedByUserId = userId;
        GeneratedBy = userName;
    }

    public Guid Id { get; private set; }

    public Guid ClientId { get; private set; }

    public Guid OperationId { get; private set; }

    /// <summary>The local date (client's zone) the report describes: the leads' state at the end of it.</summary>
    public DateOnly Date { get; private set; }

    /// <summary>The base chosen (null: every open base of the operation).</summary>
    public Guid? BaseId { get; private set; }

    public string Format { get; private set; } = "csv";

    public ManagementTrigger Trigger { get; private set; }

    public Guid? GeneratedByUserId { get; private set; }

    public string GeneratedBy { get; private set; } = "";

    public DateTimeOffset GeneratedAt { get; set; }

    public long Rows { get; set; }

    public string FileKey { get; set; } = "";

    public string FileName { get; set; } = "";

    public long Length { get; set; }

    public string Sha256 { get; set; } = "";
}
