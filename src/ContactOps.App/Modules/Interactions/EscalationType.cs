using ContactOps.Platform;

namespace ContactOps.Modules.Interactions;

/// <summary>
/// A kind of escalation an operation offers (e.g. "Estudio de creación de predio — recibo de servicio público"),
/// with the answer promised in business hours of the client's calendar and the area that answers it.
/// </summary>
public sealed class EscalationType : IAuditable, IStamped
{
    public const int MinHours = 1;
    public const int MaxHours = 720;

    private EscalationType()
    {
    }

    public EscalationType(Guid clientId, Guid operationId, string code, string name, int targetBusinessHours, string destinationArea)
    {
        Id = Ids.New();
        ClientId = clientId;
        OperationId = operationId;
        Code = code;
        Update(name, targetBusinessHours, destinationArea, true);
    }

    public Guid Id { get; private set; }

    public Guid ClientId { get; private set; }

    public Guid OperationId { get; private set; }

    public string Code { get; private set; } = "";

    public string Name { get; private set; } = "";

    public int TargetBusinessHours { get; private set; }

    public string DestinationArea { get; private set; } = "";

    public bool IsActive { get; private set; } = true;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    Guid? IAuditable.AuditClientId => ClientId;

    Guid? IAuditable.AuditOperationId => OperationId;

    public void Update(string name, int targetBusinessHours, string destinationArea, bool isActive)
    {
        if (targetBusinessHours is < MinHours or > MaxHours)
        {
            throw new ArgumentOutOfRangeException(nameof(targetBusinessHours));
        }

        Name = name.Trim();
        TargetBusinessHours = targetBusinessHours;
        DestinationArea = destinationArea.Trim();
        IsActive = isActive;
    }
}
