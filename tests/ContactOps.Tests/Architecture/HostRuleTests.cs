using ContactOps.Tests.Infrastructure;

namespace ContactOps.Tests.Architecture;

public class HostRuleTests
{
    private const string Fixtures = "ContactOps.Tests.Architecture.Fixtures.Hosts";

    [Fact]
    public void Only_the_test_infrastructure_builds_application_hosts()
    {
        var violations = HostRule.Violations(typeof(TestApp).Assembly, Fixtures).ToList();
        Assert.True(violations.Count == 0, "Un host construido fuera de la infraestructura de pruebas (use TestApp.StartAsync):\n" + string.Join('\n', violations));
    }

    [Fact]
    public void The_rule_sees_a_factory_built_reconfigured_or_derived_in_a_test()
    {
        var found = HostRule.Violations(typeof(TestApp).Assembly).Where(v => v.StartsWith(Fixtures, StringComparison.Ordinal)).ToList();
        Assert.Contains(found, v => v.Contains("BuildsItsOwn.Start", StringComparison.Ordinal) && v.Contains(".ctor", StringComparison.Ordinal));
        Assert.Contains(found, v => v.Contains("Reconfigures.Start", StringComparison.Ordinal) && v.Contains("WithWebHostBuilder", StringComparison.Ordinal));
        Assert.Contains(found, v => v.Contains("OwnFactory derives from", StringComparison.Ordinal));
        Assert.Contains(found, v => v.Contains("BuildsTheProduct.Start", StringComparison.Ordinal) && v.Contains("AppHost.CreateBuilder", StringComparison.Ordinal));
    }
}
