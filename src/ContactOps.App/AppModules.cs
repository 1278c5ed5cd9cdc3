using ContactOps.Modules.Adjustments;
using ContactOps.Modules.Administration;
using ContactOps.Modules.Customers;
using ContactOps.Modules.Demo;
using ContactOps.Modules.Interactions;
using ContactOps.Modules.Organization;
using ContactOps.Modules.Outbound;
using ContactOps.Modules.Reports;
using ContactOps.Modules.Sales;
using ContactOps.Platform;
using ContactOps.Platform.Cli;

namespace ContactOps;

/// <summary>The product's modules, in the order their services and endpoints are added.</summary>
public static class AppModules
{
    public static readonly IAppModule[] All =
    [
        new PlatformModule(),
        new OrganizationModule(),
        new AdministrationModule(),
        new CustomersModule(),
        new SalesModule(),
        new ReportsModule(),
        new DemoModule(),
        new InteractionsModule(),
        new OutboundModule(),
        new AdjustmentsModule(),
    ];

    public static IEnumerable<ICliModule> Cli => All.OfType<ICliModule>();
}
