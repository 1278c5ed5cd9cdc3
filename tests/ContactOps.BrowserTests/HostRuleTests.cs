using ContactOps.Tests.Architecture;

namespace ContactOps.BrowserTests;

public class HostRuleTests
{
    [Fact]
    public void Browser_tests_use_the_collections_one_product_host()
    {
        var violations = HostRule.Violations(typeof(BrowserFixture).Assembly).ToList();
        Assert.True(violations.Count == 0, "Un host construido fuera de la infraestructura de pruebas:\n" + string.Join('\n', violations));
    }
}
