using ContactOps.Modules.Customers;
using ContactOps.Modules.Interactions;
using ContactOps.Modules.Organization;
using ContactOps.Modules.Sales;
using ContactOps.Platform.Audit;
using ContactOps.Platform.Auth;
using ContactOps.Platform.Imports;
using ContactOps.Platform.Tenancy;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ContactOps.Platform.Data;

/// <summary>
/// The one DbContext. Every query of client data is filtered by the caller's <see cref="AccessScope"/>:
/// records of other clients (or operations) simply do not exist for the caller, so lookups answer 404.
/// </summary>
public sealed class AppDbContext(DbContextOptions<AppDbContext> options, AccessScope scope)
    : IdentityUserContext<AppUser, Guid>(options)
{
    public AccessScope Scope { get; } = scope;

    // Read by the query filters; EF parameterises them per query, so one model serves every caller.
    internal bool ScopeSeesAll => Scope.SeesAll;

    internal IReadOnlyList<Guid> ScopeClientIds => Scope.ClientIds;

    internal IReadOnlyList<Guid> ScopeOperationIds => Scope.OperationIds;

    public DbSet<Client> Clients => Set<Client>();

    public DbSet<Operation> Operations => Set<Operation>();

    public DbSet<Team> Teams => Set<Team>();

    public DbSet<Disposition> Dispositions => Set<Disposition>();

    public DbSet<Membership> Memberships => Set<Membership>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    public DbSet<AuthSession> AuthSessions => Set<AuthSession>();

    public DbSet<RefreshToken> RefreshTokens => Set<RefreshToken>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<Customer> Customers => Set<Customer>();

    public DbSet<CustomerPhone> CustomerPhones => Set<CustomerPhone>();

    public DbSet<CustomerAddress> CustomerAddresses => Set<CustomerAddress>();

    public DbSet<CustomerNameToken> CustomerNameTokens => Set<CustomerNameToken>();

    public DbSet<CustomerNameWord> CustomerNameWords => Set<CustomerNameWord>();

    public DbSet<HomeAccount> HomeAccounts => Set<HomeAccount>();

    public DbSet<MobileLine> MobileLines => Set<MobileLine>();

    public DbSet<Premise> Premises => Set<Premise>();

    public DbSet<ColumnMappingRecord> ColumnMappings => Set<ColumnMappingRecord>();

    public DbSet<ImportBatch> ImportBatches => Set<ImportBatch>();

    public DbSet<ImportRejectsFile> ImportRejects => Set<ImportRejectsFile>();

    // Sales
    public DbSet<Sale> Sales => Set<Sale>();

    public DbSet<SaleProduct> SaleProducts => Set<SaleProduct>();

    public DbSet<Interaction> Interactions => Set<Interaction>();

    public DbSet<EscalationType> EscalationTypes => Set<EscalationType>();

    public DbSet<Escalation> Escalations => Set<Escalation>();

    // Sales: attachments and legalization
    public DbSet<Modules.Sales.SaleAttachment> SaleAttachments => Set<Modules.Sales.SaleAttachment>();

    public DbSet<Modules.Sales.LegalizationLayout> LegalizationLayouts => Set<Modules.Sales.LegalizationLayout>();

    public DbSet<Modules.Sales.LegalizationRun> LegalizationRuns => Set<Modules.Sales.LegalizationRun>();

    public DbSet<ChecklistDefinition> SaleChecklists => Set<ChecklistDefinition>();

    public DbSet<ChecklistItem> SaleChecklistItems => Set<ChecklistItem>();

    public DbSet<SaleStep> SaleSteps => Set<SaleStep>();

    public DbSet<SaleStateChange> SaleStateChanges => Set<SaleStateChange>();

    // Sales reconciliation
    public DbSet<Modules.Sales.ReconciliationCut> ReconciliationCuts => Set<Modules.Sales.ReconciliationCut>();

    public DbSet<Modules.Sales.ReconciliationItem> ReconciliationItems => Set<Modules.Sales.ReconciliationItem>();

    public DbSet<Modules.Sales.SaleClaim> SaleClaims => Set<Modules.Sales.SaleClaim>();

    // Outbound campaigns
    public DbSet<Modules.Outbound.LeadBase> LeadBases => Set<Modules.Outbound.LeadBase>();

    public DbSet<Modules.Outbound.Lead> Leads => Set<Modules.Outbound.Lead>();

    public DbSet<Modules.Outbound.LeadPhone> LeadPhones => Set<Modules.Outbound.LeadPhone>();

    public DbSet<Modules.Outbound.CallAttempt> CallAttempts => Set<Modules.Outbound.CallAttempt>();

    public DbSet<Modules.Outbound.Callback> Callbacks => Set<Modules.Outbound.Callback>();

    public DbSet<Modules.Outbound.DncEntry> DncEntries => Set<Modules.Outbound.DncEntry>();

    /// <summary>National exclusion registries: reference data of a country, shared by every client (no tenancy filter).</summary>
    public DbSet<Modules.Outbound.ExclusionSnapshot> ExclusionSnapshots => Set<Modules.Outbound.ExclusionSnapshot>();

    public DbSet<Modules.Outbound.ExclusionEntry> ExclusionEntries => Set<Modules.Outbound.ExclusionEntry>();

    public DbSet<Modules.Outbound.PolicyRefusal> PolicyRefusals => Set<Modules.Outbound.PolicyRefusal>();

    public DbSet<Modules.Outbound.OutboundCampaign> OutboundCampaigns => Set<Modules.Outbound.OutboundCampaign>();

    public DbSet<Modules.Outbound.Segment> Segments => Set<Modules.Outbound.Segment>();

    public DbSet<Modules.Outbound.AgentStateChange> AgentStateChanges => Set<Modules.Outbound.AgentStateChange>();

    public DbSet<Modules.Outbound.OutboundHourlyStat> OutboundHourlyStats => Set<Modules.Outbound.OutboundHourlyStat>();

    public DbSet<Modules.Outbound.DailySalesGoal> DailySalesGoals => Set<Modules.Outbound.DailySalesGoal>();

    // Sales: device back office (issue 5)
    public DbSet<Modules.Sales.DeviceFulfilment> DeviceFulfilments => Set<Modules.Sales.DeviceFulfilment>();

    public DbSet<Modules.Sales.DeliveryEvent> DeliveryEvents => Set<Modules.Sales.DeliveryEvent>();

    public DbSet<Modules.Sales.DeviceBackOfficeSettings> DeviceBackOfficeSettings => Set<Modules.Sales.DeviceBackOfficeSettings>();

    public DbSet<Modules.Outbound.ManagementLayout> ManagementLayouts => Set<Modules.Outbound.ManagementLayout>();

    public DbSet<Modules.Outbound.ManagementReportRun> ManagementReportRuns => Set<Modules.Outbound.ManagementReportRun>();

    // Billing-adjustments cell (issue 6)
    public DbSet<Modules.Adjustments.AdjustmentCause> AdjustmentCauses => Set<Modules.Adjustments.AdjustmentCause>();

    public DbSet<Modules.Adjustments.Adjustment> Adjustments => Set<Modules.Adjustments.Adjustment>();

    public DbSet<Modules.Adjustments.AdjustmentCut> AdjustmentCuts => Set<Modules.Adjustments.AdjustmentCut>();

    public DbSet<Modules.Adjustments.AdjustmentCutRecord> AdjustmentCutRecords => Set<Modules.Adjustments.AdjustmentCutRecord>();

    public DbSet<Modules.Adjustments.AdjustmentStep> AdjustmentSteps => Set<Modules.Adjustments.AdjustmentStep>();

    public DbSet<Modules.Adjustments.CoachingRecord> CoachingRecords => Set<Modules.Adjustments.CoachingRecord>();

    public DbSet<Modules.Adjustments.AdjustmentSettings> AdjustmentSettings => Set<Modules.Adjustments.AdjustmentSettings>();

    public bool IsSqlite => Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite";

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
        configurationBuilder.Properties<string>().HaveMaxLength(400);
        configurationBuilder.Properties<decimal>().HavePrecision(18, 6);
        if (Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite")
        {
            // SQLite has no instant type: store UTC ticks so instants order and compare in SQL.
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);

        // Tenancy: one filter per scoped entity.
        builder.Entity<Client>().HasQueryFilter(e => ScopeSeesAll || ScopeClientIds.Contains(e.Id));
        builder.Entity<ClientHoliday>().HasQueryFilter(e => ScopeSeesAll || ScopeClientIds.Contains(e.ClientId));
        builder.Entity<Operation>().HasQueryFilter(e => ScopeSeesAll || ScopeOperationIds.Contains(e.Id));
        builder.Entity<Team>().HasQueryFilter(e => ScopeSeesAll || ScopeOperationIds.Contains(e.OperationId));
        builder.Entity<Disposition>().HasQueryFilter(e => ScopeSeesAll || ScopeOperationIds.Contains(e.OperationId));
        builder.Entity<Membership>().HasQueryFilter(e => ScopeSeesAll || ScopeClientIds.Contains(e.ClientId));
        builder.Entity<ApiKey>().HasQueryFilter(e => ScopeSeesAll || ScopeOperationIds.Contains(e.OperationId));
        builder.Entity<AuditEntry>().HasQueryFilter(e => ScopeSeesAll || (e.ClientId != null && ScopeClientIds.Contains(e.ClientId.Value)));
        builder.Entity<Customer>().HasQueryFilter(e => ScopeSeesAll || ScopeClientIds.Contains(e.ClientId));
        builder.Entity<CustomerPhone>().HasQueryFilter(e => ScopeSeesAll || ScopeClientIds.Contains(e.ClientId));
        builder.Entity<CustomerAddress>().HasQueryFilter(e => ScopeSeesAll || ScopeClientIds.Contains(e.ClientId));
        builder.Entity<CustomerNameToken>().HasQueryFilter(e => ScopeSeesAll || ScopeClientIds.Contains(e.ClientId));
        builder.Entity<CustomerNameWord>().HasQueryFilter(e => ScopeSeesAll || ScopeClientIds.Contains(e.ClientId));
        if (!IsSqlite)
        {
            // Byte order, as on SQLite: a prefix search is a plain range on the (client, token) index whatever the
            // database's default collation.
            builder.Entity<CustomerNameToken>().Property(e => e.Token).UseCollation("C");
            builder.Entity<CustomerNameWord>().Property(e => e.Token).UseCollation("C");
        }

        builder.Entity<HomeAccount>().HasQueryFilter(e => ScopeSeesAll || ScopeClientIds.Contains(e.ClientId));
        builder.Entity<MobileLine>().HasQueryFilter(e => ScopeSeesAll || ScopeClientIds.Contains(e.ClientId));
        builder.Entity<Premise>().HasQueryFilter(e => ScopeSeesAll || ScopeClientIds.Contains(e.ClientId));
        builder.Entity<ColumnMappingRecord>().HasQueryFilter(e => ScopeSeesAll || ScopeOperationIds.Contains(e.OperationId));
        builder.Entity<ImportBatch>().HasQueryFilter(e => ScopeSeesAll || ScopeClientIds.Contains(e.ClientId));
        builder.Entity<ImportRejectsFile>().HasQueryFilter(e => ScopeSeesAll || ScopeOperationIds.Contains(e.OperationId));

        // Sales
        // A sale routed to a back-office operation (the sales cell) is seen by members of either operation; its children too.
        builder.Entity<Sale>().HasQueryFilter(e => ScopeSeesAll || ScopeOperationIds.Contains(e.OperationId) || (e.BackOfficeOperationId != null && ScopeOperationIds.Contains(e.BackOfficeOperationId.Value)));
        builder.Entity<SaleProduct>().HasQueryFilter(e => ScopeSeesAll || ScopeOperationIds.Contains(e.OperationId) || (e.BackOfficeOperationId != null && ScopeOperationIds.Contains(e.BackOfficeOperationId.Value)));

        builder.Entity<Interaction>().HasQueryFilter(e => ScopeSeesAll || ScopeOperationIds.Contains(e.OperationId));
        builder.Entity<EscalationType>().HasQueryFilter(e => ScopeSeesAll || ScopeOperationIds.Contains(e.OperationId));
        builder.Entity<Escalation>().HasQueryFilter(e => ScopeSeesAll || ScopeOperationIds.Contains(e.OperationId));

        // Sales: attachments and legalization
        builder.Entity<Modules.Sales.SaleAttachment>().HasQueryFilter(e => ScopeSeesAll || ScopeOperationIds.Contains(e.OperationId) || (e.BackOfficeOperationId != null && ScopeOperationIds.Contains(e.BackOfficeOperationId.Value)));
        builder.Entity<Modules.Sales.LegalizationLayout>().HasQueryFilter(e => ScopeSeesAll || ScopeClientIds.Contains(e.ClientId));
        builder.Entity<Modules.Sales.LegalizationRun>().HasQueryFilter(e => ScopeSeesAll || ScopeOperationIds.Contains(e.OperationId));

        builder.Entity<ChecklistDefinition>().HasQueryFilter(e => ScopeSeesAll || ScopeOperationIds.Contains(e.OperationId));
        builder.Entity<ChecklistItem>().HasQueryFilter(e => ScopeSeesAll || ScopeOperationIds.Contains(e.OperationId));
        builder.Entity<SaleStep>().HasQueryFilter(e => ScopeSeesAll || ScopeOperationIds.Contains(e.OperationId) || (e.BackOfficeOperationId != null && ScopeOperationIds.Contains(e.BackOfficeOperationId.Value)));
        builder.Entity<SaleStateChange>().HasQueryFilter(e => ScopeSeesAll || ScopeOperationIds.Contains(e.OperationId) || (e.BackOfficeOperationId != null && ScopeOperationIds.Contains(e.BackOfficeOperationId.Value)));

        // Sales reconciliation
        builder.Entity<Modules.Sales.ReconciliationCut>().HasQueryFilter(e => ScopeSeesAll || ScopeOperationIds.Contains(e.OperationId));
        builder.Entity<Modules.Sales.ReconciliationItem>().HasQueryFilter(e => ScopeSeesAll || ScopeOperationIds.Contains(e.OperationId));
        builder.Entity<Modules.Sales.SaleClaim>().HasQueryFilter(e => ScopeSeesAll || ScopeOperationIds.Contains(e.OperationId));

        // Outbound campaigns (exclusion registries are national reference data: no filter)
        builder.Entity<Modules.Outbound.LeadBase>().HasQueryFilter(e => ScopeSeesAll || ScopeOperationIds.Contains(e.OperationId));
        builder.Entity<Modules.Outbound.Lead>().HasQueryFilter(e => ScopeSeesAll || ScopeOperationIds.Contains(e.OperationId));
        builder.Entity<Modules.Outbound.LeadPhone>().HasQueryFilter(e => ScopeSeesAll || ScopeOperationIds.Contains(e.OperationId));
        builder.Entity<Modules.Outbound.CallAttempt>().HasQueryFilter(e => ScopeSeesAll || ScopeOperationIds.Contains(e.OperationId));
        builder.Entity<Modules.Outbound.Callback>().HasQueryFilter(e => ScopeSeesAll || ScopeOperationIds.Contains(e.OperationId));
        builder.Entity<Modules.Outbound.DncEntry>().HasQueryFilter(e => ScopeSeesAll || ScopeOperationIds.Contains(e.OperationId));
        builder.Entity<Modules.Outbound.PolicyRefusal>().HasQueryFilter(e => ScopeSeesAll || ScopeOperationIds.Contains(e.OperationId));
        builder.Entity<Modules.Outbound.OutboundCampaign>().HasQueryFilter(e => ScopeSeesAll || ScopeOperationIds.Contains(e.OperationId));
        builder.Entity<Modules.Outbound.Segment>().HasQueryFilter(e => ScopeSeesAll || ScopeOperationIds.Contains(e.OperationId));
        builder.Entity<Modules.Outbound.AgentStateChange>().HasQueryFilter(e => ScopeSeesAll || ScopeOperationIds.Contains(e.OperationId));
        builder.Entity<Modules.Outbound.OutboundHourlyStat>().HasQueryFilter(e => ScopeSeesAll || ScopeOperationIds.Contains(e.OperationId));
        builder.Entity<Modules.Outbound.DailySalesGoal>().HasQueryFilter(e => ScopeSeesAll || ScopeOperationIds.Contains(e.OperationId));

        // Sales: device back office (issue 5)
        builder.Entity<Modules.Sales.DeviceFulfilment>().HasQueryFilter(e => ScopeSeesAll || ScopeOperationIds.Contains(e.OperationId) || (e.BackOfficeOperationId != null && ScopeOperationIds.Contains(e.BackOfficeOperationId.Value)));
        builder.Entity<Modules.Sales.DeliveryEvent>().HasQueryFilter(e => ScopeSeesAll || ScopeOperationIds.Contains(e.OperationId) || (e.BackOfficeOperationId != null && ScopeOperationIds.Contains(e.BackOfficeOperationId.Value)));
        builder.Entity<Modules.Sales.DeviceBackOfficeSettings>().HasQueryFilter(e => ScopeSeesAll || ScopeOperationIds.Contains(e.OperationId));

        builder.Entity<Modules.Outbound.ManagementLayout>().HasQueryFilter(e => ScopeSeesAll || ScopeOperationIds.Contains(e.OperationId));
        builder.Entity<Modules.Outbound.ManagementReportRun>().HasQueryFilter(e => ScopeSeesAll || ScopeOperationIds.Contains(e.OperationId));

        // Billing-adjustments cell (issue 6)
        builder.Entity<Modules.Adjustments.AdjustmentCause>().HasQueryFilter(e => ScopeSeesAll || ScopeOperationIds.Contains(e.OperationId));
        builder.Entity<Modules.Adjustments.Adjustment>().HasQueryFilter(e => ScopeSeesAll || ScopeOperationIds.Contains(e.OperationId));
        builder.Entity<Modules.Adjustments.AdjustmentCut>().HasQueryFilter(e => ScopeSeesAll || ScopeOperationIds.Contains(e.OperationId));
        builder.Entity<Modules.Adjustments.AdjustmentCutRecord>().HasQueryFilter(e => ScopeSeesAll || ScopeOperationIds.Contains(e.OperationId));
        builder.Entity<Modules.Adjustments.AdjustmentStep>().HasQueryFilter(e => ScopeSeesAll || ScopeOperationIds.Contains(e.OperationId));
        builder.Entity<Modules.Adjustments.CoachingRecord>().HasQueryFilter(e => ScopeSeesAll || ScopeOperationIds.Contains(e.OperationId));
        builder.Entity<Modules.Adjustments.AdjustmentSettings>().HasQueryFilter(e => ScopeSeesAll || ScopeOperationIds.Contains(e.OperationId));
    }
}

/// <summary>DateTimeOffset ↔ UTC ticks (SQLite only). Values are always UTC; offsets are applied at the edges.</summary>
public sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    v => v.UtcTicks,
    v => new DateTimeOffset(v, TimeSpan.Zero));
