using ContactOps.Modules.Organization;
using ContactOps.Platform.Auth;
using MudBlazor;

namespace ContactOps.Components.Layout;

/// <summary>Which resource a menu entry's text is read from.</summary>
public enum MenuText
{
    App,
    Sales,
    Outbound,
    Adjustments,
}

/// <summary>Who an entry is for.</summary>
public enum MenuAudience
{
    /// <summary>Every signed-in user (the home page).</summary>
    Everyone,

    /// <summary>The user's role in the current operation is one of the entry's roles, and the operation is of one of its kinds.</summary>
    Operation,

    /// <summary>Leaders of the current operation (its roles), and client and platform administrators whatever the operation.</summary>
    OperationOrClientAdmin,

    /// <summary>Anyone who administers something: the platform, a client, or an operation (an Admin membership).</summary>
    AnyAdmin,
}

/// <summary>
/// One entry of the menu and the rule for the pages under its address. <see cref="Roles"/> see it in the menu and open its
/// pages; <see cref="AlsoOpens"/> may open its pages by address without a menu entry (a read-only view of what others edit).
/// </summary>
public sealed record MenuEntry(
    string Id,
    string Href,
    string Icon,
    MenuText Text,
    string TextKey,
    MenuAudience Audience,
    IReadOnlyList<Role> Roles,
    IReadOnlyList<OperationKind> Kinds,
    bool Exact = false,
    IReadOnlyList<Role>? AlsoOpens = null,
    bool InAdminGroup = false);

/// <summary>What the menu is decided on: the user's role and the kind of the current operation, and what they administer.</summary>
public sealed record MenuContext(Role? Role, OperationKind? Kind, string? OperationName, bool AdministersAnything, bool AdministersAClient)
{
    /// <summary>The signed-in user's context: the current operation, and what they administer (an operation, a client, the platform).</summary>
    public static MenuContext For(Shared.CurrentOperation current, Modules.Organization.Contracts.AdminAccess admin)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(admin);
        return new(current.Current?.Role, current.Current?.Kind, current.Current?.OperationName, admin.IsAnyAdmin, admin.Scope.SeesAll || admin.Scope.AdministeredClientIds.Count > 0);
    }
}

/// <summary>Why a page is refused (<see cref="Allowed"/> when it is not).</summary>
public enum PageRefusal
{
    Allowed,
    NoOperation,
    Kind,
    Role,
    NotAdmin,
}

/// <summary>
/// The menu and the pages' first guard, in one table: each entry with the roles and operation kinds that see it. The layout
/// shows the entries <see cref="Shows"/> allows, and refuses a page reached by its address (<see cref="Check"/>) with the reason
/// before the page loads anything. Handlers still check roles on every call; this table decides what is offered.
/// </summary>
public static class AppMenu
{
    private static readonly Role[] Everyone = Enum.GetValues<Role>();

    private static readonly Role[] Leaders = [Role.Supervisor, Role.Coordinator, Role.Manager, Role.Admin];

    private static readonly OperationKind[] AnyKind = Enum.GetValues<OperationKind>();

    /// <summary>Operations that keep a sales sheet: inbound and digital sales, the sales cell, outbound (device sales).</summary>
    private static readonly OperationKind[] SalesKinds = [OperationKind.InboundSales, OperationKind.SalesCell, OperationKind.Outbound, OperationKind.DigitalSales];

    /// <summary>Operations that take customers' cases on the inbound desk (calls and digital channels) and escalate them.</summary>
    private static readonly OperationKind[] CaseKinds = [OperationKind.InboundSales, OperationKind.DigitalSales];

    private static readonly OperationKind[] Outbound = [OperationKind.Outbound];

    private static readonly OperationKind[] Adjustments = [OperationKind.Adjustments];

    private static Role[] R(params Role[] roles) => roles;

    private static Role[] LeadersAnd(params Role[] roles) => [.. Leaders, .. roles];

    public static IReadOnlyList<MenuEntry> Entries { get; } =
    [
        new("nav-home", "/", Icons.Material.Filled.Home, MenuText.App, "Nav_Home", MenuAudience.Everyone, Everyone, AnyKind, Exact: true),
        new("nav-customers", "/customers", Icons.Material.Filled.PersonSearch, MenuText.App, "Nav_Customers", MenuAudience.Operation, Everyone, AnyKind),
        new("nav-inbound", "/inbound", Icons.Material.Filled.SupportAgent, MenuText.App, "Nav_Inbound", MenuAudience.Operation, LeadersAnd(Role.Agent), CaseKinds),
        new("nav-escalations", "/escalations", Icons.Material.Filled.AlarmOn, MenuText.App, "Nav_Escalations", MenuAudience.Operation, LeadersAnd(Role.BackOffice), CaseKinds, Exact: true),
        new("nav-escalation-types", "/escalations/types", Icons.Material.Filled.Tune, MenuText.App, "Nav_EscalationTypes", MenuAudience.Operation, R(Role.Coordinator, Role.Manager, Role.Admin), CaseKinds, AlsoOpens: R(Role.Supervisor)),

        new("nav-outbound-desk", "/outbound/desk", Icons.Material.Filled.PhoneForwarded, MenuText.Outbound, "Nav_Desk", MenuAudience.Operation, R(Role.Agent), Outbound),
        new("nav-outbound-floor", "/outbound/floor", Icons.Material.Filled.Dashboard, MenuText.Outbound, "Nav_Floor", MenuAudience.Operation, Leaders, Outbound),
        new("nav-outbound-wallboard", "/outbound/wallboard", Icons.Material.Filled.Tv, MenuText.Outbound, "Nav_Wallboard", MenuAudience.Operation, Leaders, Outbound),
        new("nav-outbound-management", "/outbound/management", Icons.Material.Filled.Summarize, MenuText.Outbound, "Nav_Management", MenuAudience.Operation, LeadersAnd(Role.DataMarshall), Outbound),
        new("nav-outbound-attempts", "/outbound/attempts", Icons.Material.Filled.ListAlt, MenuText.Outbound, "Nav_Attempts", MenuAudience.Operation, LeadersAnd(Role.QualityAnalyst), Outbound),
        new("nav-outbound-goals", "/outbound/goals", Icons.Material.Filled.Flag, MenuText.Outbound, "Nav_Goals", MenuAudience.Operation, LeadersAnd(Role.QualityAnalyst), Outbound),
        new("nav-devices-backoffice", "/backoffice/devices", Icons.Material.Filled.LocalShipping, MenuText.Sales, "Nav_Devices", MenuAudience.Operation, LeadersAnd(Role.BackOffice), Outbound),

        new("nav-adjustments", "/adjustments", Icons.Material.Filled.RequestQuote, MenuText.Adjustments, "Nav_Adjustments", MenuAudience.Operation, LeadersAnd(Role.BackOffice, Role.DataMarshall, Role.QualityAnalyst), Adjustments, Exact: true),
        new("nav-adjustment-causes", "/adjustments/causes", Icons.Material.Filled.Rule, MenuText.Adjustments, "Nav_Causes", MenuAudience.Operation, LeadersAnd(Role.BackOffice, Role.DataMarshall, Role.QualityAnalyst), Adjustments),
        new("nav-adjustments-import", "/adjustments/import", Icons.Material.Filled.UploadFile, MenuText.Adjustments, "Nav_Import", MenuAudience.Operation, LeadersAnd(Role.BackOffice, Role.DataMarshall), Adjustments),
        new("nav-adjustments-kpis", "/adjustments/kpis", Icons.Material.Filled.QueryStats, MenuText.Adjustments, "Nav_Kpis", MenuAudience.Operation, LeadersAnd(Role.QualityAnalyst), Adjustments),
        new("nav-adjustments-coaching", "/adjustments/coaching", Icons.Material.Filled.RecordVoiceOver, MenuText.Adjustments, "Nav_Coaching", MenuAudience.Operation, LeadersAnd(Role.QualityAnalyst), Adjustments),

        // The adjustments cell coaches the front agents who file adjustments (inbound) and its own agents.
        new("nav-my-coaching", "/my/coaching", Icons.Material.Filled.Feedback, MenuText.Adjustments, "Nav_MyCoaching", MenuAudience.Operation, R(Role.Agent), [OperationKind.InboundSales, OperationKind.Adjustments]),

        new("nav-sales", "/sales", Icons.Material.Filled.PointOfSale, MenuText.Sales, "Nav_Sales", MenuAudience.Operation, Everyone, SalesKinds, Exact: true),
        new("nav-backoffice", "/backoffice", Icons.Material.Filled.FactCheck, MenuText.Sales, "Nav_BackOffice", MenuAudience.Operation, LeadersAnd(Role.BackOffice), [OperationKind.InboundSales, OperationKind.SalesCell, OperationKind.DigitalSales]),
        new("nav-sale-flows", "/sales/flows", Icons.Material.Filled.AccountTree, MenuText.Sales, "Nav_Flows", MenuAudience.Operation, Everyone, SalesKinds),
        new("nav-checklists", "/sales/checklists", Icons.Material.Filled.Checklist, MenuText.Sales, "Nav_Checklists", MenuAudience.Operation, R(Role.Coordinator, Role.Manager, Role.Admin), SalesKinds),
        new("nav-import", "/customers/import", Icons.Material.Filled.UploadFile, MenuText.App, "Nav_ImportCustomers", MenuAudience.Operation, R(Role.DataMarshall, Role.Coordinator, Role.Manager, Role.Admin), AnyKind, Exact: true),

        new("nav-outbound-bases", "/outbound/bases", Icons.Material.Filled.PhoneForwarded, MenuText.Outbound, "Nav_LeadBases", MenuAudience.Operation, LeadersAnd(Role.DataMarshall), Outbound),
        new("nav-outbound-campaign", "/outbound/campaign", Icons.Material.Filled.PhoneForwarded, MenuText.Outbound, "Nav_Campaign", MenuAudience.Operation, LeadersAnd(Role.DataMarshall), Outbound, AlsoOpens: R(Role.Agent)),
        new("nav-outbound-segments", "/outbound/segments", Icons.Material.Filled.FilterAlt, MenuText.Outbound, "Nav_Segments", MenuAudience.Operation, LeadersAnd(Role.DataMarshall), Outbound),
        new("nav-outbound-call-logs", "/outbound/call-logs", Icons.Material.Filled.History, MenuText.Outbound, "Nav_CallLogs", MenuAudience.Operation, LeadersAnd(Role.DataMarshall), Outbound),

        new("nav-reports", "/reports", Icons.Material.Filled.Insights, MenuText.App, "Nav_Reports", MenuAudience.Operation, LeadersAnd(Role.QualityAnalyst), AnyKind),
        new("nav-legalization", "/sales/legalization", Icons.Material.Filled.Gavel, MenuText.App, "Nav_Legalization", MenuAudience.Operation, LeadersAnd(Role.BackOffice), SalesKinds),
        new("nav-sales-reconciliation", "/sales/reconciliation", Icons.Material.Filled.CompareArrows, MenuText.App, "Nav_SalesReconciliation", MenuAudience.Operation, R(Role.DataMarshall, Role.Coordinator, Role.Manager, Role.Admin, Role.BackOffice), SalesKinds, Exact: true),
        new("nav-audit", "/audit", Icons.Material.Filled.History, MenuText.App, "Nav_Audit", MenuAudience.OperationOrClientAdmin, Leaders, AnyKind),

        new("nav-admin-clients", "/admin/clients", "", MenuText.App, "Nav_Admin_Clients", MenuAudience.AnyAdmin, Everyone, AnyKind, InAdminGroup: true),
        new("nav-admin-operations", "/admin/operations", "", MenuText.App, "Nav_Admin_Operations", MenuAudience.AnyAdmin, Everyone, AnyKind, InAdminGroup: true),
        new("nav-admin-users", "/admin/users", "", MenuText.App, "Nav_Admin_Users", MenuAudience.AnyAdmin, Everyone, AnyKind, InAdminGroup: true),
        new("nav-admin-api-keys", "/admin/api-keys", "", MenuText.App, "Nav_Admin_ApiKeys", MenuAudience.AnyAdmin, Everyone, AnyKind, InAdminGroup: true),
        new("nav-admin-calendars", "/admin/calendars", "", MenuText.App, "Nav_Admin_Calendars", MenuAudience.AnyAdmin, Everyone, AnyKind, InAdminGroup: true),
        new("nav-admin-dispositions", "/admin/dispositions", "", MenuText.App, "Nav_Admin_Dispositions", MenuAudience.AnyAdmin, Everyone, AnyKind, InAdminGroup: true),
        new("nav-admin-teams", "/admin/teams", "", MenuText.App, "Nav_Admin_Teams", MenuAudience.AnyAdmin, Everyone, AnyKind, InAdminGroup: true),
    ];

    /// <summary>True when the entry of that id is in the user's menu.</summary>
    public static bool Shows(string id, MenuContext context) => Shows(Entries.Single(e => e.Id == id), context);

    /// <summary>True when the entry is in the user's menu.</summary>
    public static bool Shows(MenuEntry entry, MenuContext context)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(context);
        return Decide(entry, context, entry.Roles) == PageRefusal.Allowed;
    }

    /// <summary>The entry whose pages an address (path, query ignored) belongs to: the longest matching entry address; null for none.</summary>
    public static MenuEntry? EntryFor(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var p = path.Split('?', '#')[0].TrimEnd('/');
        if (p.Length == 0)
        {
            p = "/";
        }

        MenuEntry? best = null;
        foreach (var e in Entries)
        {
            var matches = e.Href == "/"
                ? p == "/"
                : p.Equals(e.Href, StringComparison.OrdinalIgnoreCase) || p.StartsWith(e.Href + "/", StringComparison.OrdinalIgnoreCase);
            if (matches && (best is null || e.Href.Length > best.Href.Length))
            {
                best = e;
            }
        }

        return best;
    }

    /// <summary>May the user open the page at this address in the current operation? <see cref="PageRefusal.Allowed"/> or why not.</summary>
    public static (PageRefusal Refusal, MenuEntry? Entry) Check(string path, MenuContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var entry = EntryFor(path);
        if (entry is null)
        {
            return (PageRefusal.Allowed, null);
        }

        return (Decide(entry, context, entry.AlsoOpens is { } also ? [.. entry.Roles, .. also] : entry.Roles), entry);
    }

    private static PageRefusal Decide(MenuEntry entry, MenuContext c, IReadOnlyList<Role> roles)
    {
        switch (entry.Audience)
        {
            case MenuAudience.Everyone:
                return PageRefusal.Allowed;
            case MenuAudience.AnyAdmin:
                return c.AdministersAnything ? PageRefusal.Allowed : PageRefusal.NotAdmin;
            case MenuAudience.OperationOrClientAdmin when c.AdministersAClient:
                return PageRefusal.Allowed;
        }

        if (c.Role is not { } role || c.Kind is not { } kind)
        {
            return PageRefusal.NoOperation;
        }

        if (!entry.Kinds.Contains(kind))
        {
            return PageRefusal.Kind;
        }

        return roles.Contains(role) ? PageRefusal.Allowed : PageRefusal.Role;
    }
}
