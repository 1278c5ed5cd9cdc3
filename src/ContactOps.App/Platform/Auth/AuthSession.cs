namespace ContactOps.Platform.Auth;

/// <summary>
/// One API sign-in (a token family): the access tokens and refresh tokens issued from one password sign-in. Revoking
/// it (revoke endpoint, a reused refresh token, a changed security stamp) ends every token of the family.
/// </summary>
public sealed class AuthSession
{
    private AuthSession()
    {
    }

    public AuthSession(Guid userId, string securityStamp, DateTimeOffset now)
    {
        Id = Ids.New();
        UserId = userId;
        SecurityStamp = securityStamp;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid UserId { get; private set; }

    /// <summary>The user's security stamp when the session began: a different stamp now (password, membership, sign-out) ends it.</summary>
    public string SecurityStamp { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    /// <summary>Why it ended: revoked, reused, stamp, user.</summary>
    public string? RevokedReason { get; private set; }

    public void Revoke(DateTimeOffset now, string reason)
    {
        if (RevokedAt is null)
        {
            RevokedAt = now;
            RevokedReason = reason;
        }
    }
}

/// <summary>A refresh token of a <see cref="AuthSession"/>: only its SHA-256 is stored; it is good for one use.</summary>
public sealed class RefreshToken
{
    private RefreshToken()
    {
    }

    public RefreshToken(Guid sessionId, string hash, DateTimeOffset now, DateTimeOffset expiresAt)
    {
        Id = Ids.New();
        SessionId = sessionId;
        Hash = hash;
        CreatedAt = now;
        ExpiresAt = expiresAt;
    }

    public Guid Id { get; private set; }

    public Guid SessionId { get; private set; }

    public string Hash { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    /// <summary>When it was exchanged for a new pair; a second use revokes the whole session.</summary>
    public DateTimeOffset? UsedAt { get; private set; }
}
