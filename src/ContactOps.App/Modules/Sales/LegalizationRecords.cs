using ContactOps.Platform;

namespace ContactOps.Modules.Sales;

/// <summary>Which legalization file a layout shapes.</summary>
public enum LegalizationFileKind
{
    /// <summary>The comma-delimited file the carrier loads with the recordings (home and mobile).</summary>
    Recordings,

    /// <summary>The devices (TyT) report in the carrier's metadata layout (XLSX).</summary>
    Devices,
}

/// <summary>A value a legalization column can carry.</summary>
public enum LegalizationField
{
    SaleId,
    CallId,
    Extension,
    Login,
    SaleDate,
    AccountOrLine,
    Account,
    Line,
    DocumentType,
    Document,
    CustomerName,
    BusinessLine,
    SaleType,
    TariffCodes,
    Products,
    Quantity,
    MonthlyValue,
    OneOffValue,
    Currency,
    State,
    RecordingFile,
}

/// <summary>One column of a legalization file: its header and the value it carries.</summary>
public sealed record LegalizationColumn(string Header, LegalizationField Field);

/// <summary>
/// A client's layout (column names and order) of one legalization file. Without a record the defaults of
/// <see cref="LegalizationLayouts"/> apply.
/// </summary>
public sealed class LegalizationLayout : IAuditable, IStamped
{
    private LegalizationLayout()
    {
    }

    public LegalizationLayout(Guid clientId, LegalizationFileKind kind, IReadOnlyList<LegalizationColumn> columns)
    {
        Id = Ids.New();
        ClientId = clientId;
        Kind = kind;
        Columns = [.. columns];
    }

    public Guid Id { get; private set; }

    public Guid ClientId { get; private set; }

    public LegalizationFileKind Kind { get; private set; }

    /// <summary>The columns in file order (stored as JSON).</summary>
    public List<LegalizationColumn> Columns { get; private set; } = [];

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    Guid? IAuditable.AuditClientId => ClientId;

    Guid? IAuditable.AuditOperationId => null;

    public void Replace(IReadOnlyList<LegalizationColumn> columns) => Columns = [.. columns];
}

/// <summary>The default layouts (used while a client has not configured its own).</summary>
public static class LegalizationLayouts
{
    public static readonly IReadOnlyList<LegalizationColumn> DefaultRecordings =
    [
        new("IDLLAMADA", LegalizationField.CallId),
        new("EXTENSION", LegalizationField.Extension),
        new("LOGIN", LegalizationField.Login),
        new("FECHA_VENTA", LegalizationField.SaleDate),
        new("CUENTA_LINEA", LegalizationField.AccountOrLine),
        new("DOCUMENTO", LegalizationField.Document),
        new("TIPO_VENTA", LegalizationField.SaleType),
        new("CODIGO_TARIFA", LegalizationField.TariffCodes),
        new("VALOR", LegalizationField.MonthlyValue),
        new("ARCHIVO_GRABACION", LegalizationField.RecordingFile),
    ];

    public static readonly IReadOnlyList<LegalizationColumn> DefaultDevices =
    [
        new("FECHA_VENTA", LegalizationField.SaleDate),
        new("IDLLAMADA", LegalizationField.CallId),
        new("EXTENSION", LegalizationField.Extension),
        new("LOGIN", LegalizationField.Login),
        new("TIPO_DOCUMENTO", LegalizationField.DocumentType),
        new("DOCUMENTO", LegalizationField.Document),
        new("NOMBRE_CLIENTE", LegalizationField.CustomerName),
        new("LINEA", LegalizationField.Line),
        new("CODIGO_MATERIAL", LegalizationField.TariffCodes),
        new("DESCRIPCION_EQUIPO", LegalizationField.Products),
        new("CANTIDAD", LegalizationField.Quantity),
        new("VALOR_CUOTA_MENSUAL", LegalizationField.MonthlyValue),
        new("VALOR_TOTAL", LegalizationField.OneOffValue),
        new("MONEDA", LegalizationField.Currency),
        new("ESTADO", LegalizationField.State),
        new("ID_VENTA", LegalizationField.SaleId),
    ];

    public static IReadOnlyList<LegalizationColumn> DefaultFor(LegalizationFileKind kind) =>
        kind == LegalizationFileKind.Recordings ? DefaultRecordings : DefaultDevices;
}

/// <summary>One legalization run of an operation and month: who generated it, when, the counts and the files produced.</summary>
public sealed class LegalizationRun : IAuditable, IStamped
{
    private LegalizationRun()
    {
    }

    public LegalizationRun(Guid clientId, Guid operationId, string month, DateTimeOffset runAt, Guid? runByUserId, string runBy)
    {
        Id = Ids.New();
        ClientId = clientId;
        OperationId = operationId;
        Month = month;
        RunAt = runAt;
        RunByUserId = runByUserId;
        RunBy = runBy;
    }

    public Guid Id { get; private set; }

    public Guid ClientId { get; private set; }

    public Guid OperationId { get; private set; }

    /// <summary>The month legalized, <c>yyyy-MM</c> (in the client's time zone).</summary>
    public string Month { get; private set; } = "";

    public DateTimeOffset RunAt { get; private set; }

    public Guid? RunByUserId { get; private set; }

    public string RunBy { get; private set; } = "";

    /// <summary>Home and mobile sales of the month in a legalizable state.</summary>
    public int Legalizable { get; private set; }

    /// <summary>Of those, exported with their recording.</summary>
    public int Exported { get; private set; }

    /// <summary>Of those, held back (no recording, missing call id/extension/login), listed in bloqueadas.csv.</summary>
    public int Blocking { get; private set; }

    /// <summary>Device (TyT) sales in the XLSX report.</summary>
    public int Devices { get; private set; }

    public string ZipFileName { get; private set; } = "";

    public string ZipStorageKey { get; private set; } = "";

    public string? XlsxFileName { get; private set; }

    public string? XlsxStorageKey { get; private set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    Guid? IAuditable.AuditClientId => ClientId;

    Guid? IAuditable.AuditOperationId => OperationId;

    public void Record(int legalizable, int exported, int blocking, int devices, string zipFileName, string zipKey, string? xlsxFileName, string? xlsxKey)
    {
        Legalizable = legalizable;
        Exported = exported;
        Blocking = blocking;
        Devices = devices;
        ZipFileName = zipFileName;
        ZipStorageKey = zipKey;
        XlsxFileName = xlsxFileName;
        XlsxStorageKey = xlsxKey;
    }
}
