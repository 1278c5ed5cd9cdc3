namespace ContactOps.Platform.Auth;

/// <summary>The role a user has in one operation (a user may have different roles in different operations).</summary>
public enum Role
{
    Agent,
    BackOffice,
    Supervisor,
    Coordinator,
    Manager,
    DataMarshall,
    QualityAnalyst,
    Admin,
}

public static class Roles
{
    /// <summary>Roles that lead people and see the floor: they browse the audit trail and see full personal data.</summary>
    public static bool IsLeader(Role role) => role is Role.Supervisor or Role.Coordinator or Role.Manager or Role.Admin;

    /// <summary>Roles that administer their client: operations, users, memberships, API keys, calendars, catalogs.</summary>
    public static bool IsAdmin(Role role) => role is Role.Admin;

    /// <summary>Roles that load files (customers, lead bases, carrier reports).</summary>
    public static bool CanImport(Role role) => role is Role.DataMarshall or Role.Admin or Role.Coordinator or Role.Manager;
}
