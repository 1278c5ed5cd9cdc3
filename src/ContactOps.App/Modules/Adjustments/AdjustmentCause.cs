using ContactOps.Platform;

namespace ContactOps.Modules.Adjustments;

/// <summary>
/// A cause ("causal") a front agent files a billing adjustment under, letters A–M in the carrier's procedure (seed 003).
/// Configurable per operation (name, the evidence it needs, active); seeded with the procedure's thirteen.
/// </summary>
public sealed class AdjustmentCause : IAuditable, IStamped
{
    private AdjustmentCause()
    {
    }

    public AdjustmentCause(Guid clientId, Guid operationId, string letter, string name, IEnumerable<string> evidence, int sortOrder)
    {
        Id = Ids.New();
        ClientId = clientId;
        OperationId = operationId;
        Letter = letter.Trim().ToUpperInvariant();
        Name = name.Trim();
        Evidence = [.. evidence];
        SortOrder = sortOrder;
        IsActive = true;
    }

    public Guid Id { get; private set; }

    public Guid ClientId { get; private set; }

    public Guid OperationId { get; private set; }

    /// <summary>The carrier's letter (A–M; more letters may be added), unique per operation.</summary>
    public string Letter { get; private set; } = "";

    public string Name { get; private set; } = "";

    /// <summary>The evidence ("soportes") the cause needs before the back office can apply it; without it, it goes to PQR.</summary>
    public List<string> Evidence { get; private set; } = [];

    public int SortOrder { get; private set; }

    public bool IsActive { get; private set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    Guid? IAuditable.AuditClientId => ClientId;

    Guid? IAuditable.AuditOperationId => OperationId;

    public void Update(string name, IEnumerable<string> evidence, bool isActive)
    {
        Name = name.Trim();
        Evidence = [.. evidence.Select(e => e.Trim()).Where(e => e.Length > 0)];
        IsActive = isActive;
    }
}

/// <summary>The procedure's thirteen causes with the evidence each needs (seed 003 §4 step 2).</summary>
public static class AdjustmentCauseDefaults
{
    public static readonly IReadOnlyList<(string Letter, string Name, string[] Evidence)> All =
    [
        ("A", "Fallas en la prestación del servicio", ["Ticket de falla o visita técnica", "Fechas de la falla"]),
        ("B", "Campaña caída no aplicada por retención o ventas", ["Grabación u orden de la campaña ofrecida", "Marcación de retención o ventas"]),
        ("C", "Suspensión temporal no aplicada", ["Marcación de la solicitud de suspensión", "Fechas de la suspensión"]),
        ("D", "Cobros de equipos", ["Acta de devolución o entrega del equipo", "Serial del equipo"]),
        ("E", "Cargos de reconexión", ["Soporte de pago oportuno", "Fecha de la reconexión"]),
        ("F", "Solicitudes no realizadas en aplicativos Claro Video", ["Historial de compras de Claro Video", "Fecha y título cobrado"]),
        ("G", "Cambio de estrato", ["Certificado de estratificación", "Fecha de radicación del certificado"]),
        ("H", "Tomas y puntos adicionales", ["Orden de trabajo de instalación", "Número de puntos instalados"]),
        ("I", "Cruce de saldos", ["Soporte de pago", "Cuentas involucradas"]),
        ("J", "Desconexión tardía", ["Marcación de la solicitud de retiro", "Fecha de la solicitud"]),
        ("K", "Cargos de conexión", ["Orden de instalación", "Oferta aceptada por el cliente"]),
        ("L", "Demoras en ejecución de traslado", ["Marcación de la solicitud de traslado", "Fecha de ejecución del traslado"]),
        ("M", "Garantía de equipos", ["Factura o fecha de compra del equipo", "Diagnóstico técnico"]),
    ];

    /// <summary>Adds the thirteen default causes to an operation (caller saves).</summary>
    public static void AddTo(Platform.Data.AppDbContext db, Guid clientId, Guid operationId)
    {
        ArgumentNullException.ThrowIfNull(db);
        var order = 0;
        foreach (var (letter, name, evidence) in All)
        {
            db.AdjustmentCauses.Add(new AdjustmentCause(clientId, operationId, letter, name, evidence, order++));
        }
    }
}
