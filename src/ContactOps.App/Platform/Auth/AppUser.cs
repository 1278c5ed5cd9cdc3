using Microsoft.AspNetCore.Identity;

namespace ContactOps.Platform.Auth;

/// <summary>A person who signs in. What they may see comes from their <see cref="Membership"/>s.</summary>
public sealed class AppUser : IdentityUser<Guid>, IAuditable, IStamped
{
    public string DisplayName { get; set; } = "";

    /// <summary>UI culture remembered per user: "es-CO" (default) or "en".</summary>
    public string PreferredCulture { get; set; } = "es-CO";

    /// <summary>
    /// The operation the user last worked in (the app bar's operation switch, or an address's <c>?op=</c>), so that a new tab
    /// or a new sign-in opens it. A preference, written by one statement and not audited; checked against the user's
    /// memberships whenever it is read.
    /// </summary>
    public Guid? CurrentOperationId { get; set; }

    /// <summary>Manages every client (creates clients, first admins). Client admins are memberships with role Admin.</summary>
    public bool IsPlatformAdmin { get; set; }

    public bool IsActive { get; set; } = true;

    /// <summary>The agent's phone extension (2–8 digits), prefilled on the inbound desk and the sale form; null when not set.</summary>
    public string? Extension { get; set; }

    /// <summary>
    /// The login the dialer and the carrier know the agent by (letters, digits, <c>. _ -</c>, up to 40), when it is not the
    /// account's own login; the desk and the sale form prefill it, else the account's login. Null when not set.
    /// </summary>
    public string? DialerLogin { get; set; }

    /// <summary>Lockouts in a row (each one longer than the last); reset by a successful sign-in or an unlock.</summary>
    public int LockoutStreak { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    Guid? IAuditable.AuditClientId => null;

    Guid? IAuditable.AuditOperationId => null;
}

/// <summary>A user's role in one operation.</summary>
public sealed class Membership : IAuditable, IStamped
{
    private Membership()
    {
    }

    public Membership(Guid userId, Guid clientId, Guid operationId, Role role, Guid? teamId = null)
    {
        Id = Ids.New();
        UserId = userId;
        ClientId = clientId;
        OperationId = operationId;
        Role = role;
        TeamId = teamId;
    }

    public Guid Id { get; private set; }

    public Guid UserId { get; private set; }

    public Guid ClientId { get; private set; }

    public Guid OperationId { get; private set; }

    public Role Role { get; private set; }

    public Guid? TeamId { get; private set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    Guid? IAuditable.AuditClientId => ClientId;

    Guid? IAuditable.AuditOperationId => OperationId;

    public void Change(Role role, Guid? teamId)
    {
        Role = role;
        TeamId = teamId;
    }
}

/// <summary>
/// A key for an integration, scoped to one operation and acting with one role. Only a SHA-256 hash of the
/// secret is stored; the full key is shown once, at creation.
/// </summary>
public sealed class ApiKey : IAuditable, IStamped
{
    private ApiKey()
    {
    }

    public ApiKey(Guid clientId, Guid operationId, string name, string prefix, string hash, Role role, Guid createdBy, DateTimeOffset? expiresAt)
    {
        Id = Ids.New();
        ClientId = clientId;
        OperationId = operationId;
        Name = name;
        Prefix = prefix;
        Hash = hash;
        Role = role;
        CreatedBy = createdBy;
        ExpiresAt = expiresAt;
    }

    public Guid Id { get; private set; }

    public Guid ClientId { get; private set; }

    public Guid OperationId { get; private set; }

    public string Name { get; private set; } = "";

    /// <summary>Public part of the key (shown in lists, used to find the row).</summary>
    public string Prefix { get; private set; } = "";

    public string Hash { get; private set; } = "";

    public Role Role { get; private set; }

    public Guid CreatedBy { get; private set; }

    public DateTimeOffset? ExpiresAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public DateTimeOffset? LastUsedAt { get; private set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    Guid? IAuditable.AuditClientId => ClientId;

    Guid? IAuditable.AuditOperationId => OperationId;

    public bool IsUsable(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is null || ExpiresAt > now);

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;

    public void MarkUsed(DateTimeOffset now) => LastUsedAt = now;
}
