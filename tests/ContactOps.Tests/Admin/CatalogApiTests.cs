using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ContactOps.Tests.Infrastructure;

namespace ContactOps.Tests.Admin;

public class CatalogApiTests
{
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Platform_admin_creates_a_client_with_validated_region_and_client_admins_cannot(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var platform = await app.ClientForAsync("admin");

        var bad = await platform.PostAsJsonAsync("/api/v1/clients", new { code = "Telco PE", name = "", country = "PE", timeZone = "Bogota", currency = "pesos" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await Body(bad)).GetProperty("errors");
        foreach (var field in new[] { "code", "name", "country", "timeZone", "currency" })
        {
            Assert.True(errors.TryGetProperty(field, out _), field);
        }

        Assert.Contains("IANA", errors.GetProperty("timeZone")[0].GetString(), StringComparison.Ordinal);

        var ok = await platform.PostAsJsonAsync("/api/v1/clients", new { code = "telco-co-2", name = "Telco Colombia 2", country = "CO", timeZone = "America/Bogota", currency = "cop" });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("COP", (await Body(ok)).GetProperty("currency").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await platform.PostAsJsonAsync("/api/v1/clients", new { code = "telco-co-2", name = "Otra", country = "CO", timeZone = "America/Bogota", currency = "COP" })).StatusCode);

        var listed = await Body(await platform.GetAsync("/api/v1/clients?page=1&pageSize=2"));
        Assert.Equal(3, listed.GetProperty("total").GetInt64());
        Assert.Equal(2, listed.GetProperty("items").GetArrayLength());

        var clientAdmin = await app.ClientForAsync("admin.telco-co");
        Assert.Equal(HttpStatusCode.Forbidden, (await clientAdmin.PostAsJsonAsync("/api/v1/clients", new { code = "x-y", name = "X", country = "CO", timeZone = "America/Bogota", currency = "COP" })).StatusCode);
        var own = await Body(await clientAdmin.GetAsync("/api/v1/clients"));
        Assert.Equal("telco-co", Assert.Single(own.GetProperty("items").EnumerateArray()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await clientAdmin.PutAsJsonAsync("/api/v1/clients/telco-bo", new { name = "X" })).StatusCode);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Client_admin_manages_operations_kpi_targets_and_dispositions_of_their_client(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var admin = await app.ClientForAsync("admin.telco-co");

        var created = await admin.PostAsJsonAsync("/api/v1/operations", new { client = "telco-co", code = "retention", name = "Retención", kind = "Outbound" });
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsJsonAsync("/api/v1/operations", new { client = "telco-co", code = "digital-sales", name = "X", kind = "Outbound" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsJsonAsync("/api/v1/operations", new { client = "telco-bo", code = "bo-new", name = "X", kind = "Outbound" })).StatusCode);

        var fcr = await admin.PutAsJsonAsync("/api/v1/operations/retention", new { name = "Retención", kind = "Outbound", fcrWindowDays = 91, defaultAreaCode = "2" });
        Assert.Equal(HttpStatusCode.BadRequest, fcr.StatusCode);
        Assert.Contains("1 y 90", await fcr.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var area = await admin.PutAsJsonAsync("/api/v1/operations/retention", new { name = "Retención", kind = "Outbound", fcrWindowDays = 30, defaultAreaCode = "2" });
        Assert.Equal(HttpStatusCode.BadRequest, area.StatusCode); // area codes are Bolivian only

        var target = await admin.PutAsJsonAsync("/api/v1/operations/retention/kpi-targets/effectiveness", new { target = 0.02m });
        Assert.Equal(HttpStatusCode.OK, target.StatusCode);
        var kpi = Assert.Single((await Body(target)).GetProperty("kpiTargets").EnumerateArray());
        Assert.Equal(0.02m, kpi.GetProperty("target").GetDecimal());

        // The KPI providers name their figures in camelCase (appliedRate, baseCoverage): those targets are set too.
        var camel = await admin.PutAsJsonAsync("/api/v1/operations/retention/kpi-targets/baseCoverage", new { target = 0.85m });
        Assert.Equal(HttpStatusCode.OK, camel.StatusCode);
        Assert.Contains((await Body(camel)).GetProperty("kpiTargets").EnumerateArray(), k => k.GetProperty("kpi").GetString() == "baseCoverage");
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PutAsJsonAsync("/api/v1/operations/retention/kpi-targets/Base%20Coverage", new { target = 0.85m })).StatusCode);

        var badCode = await admin.PostAsJsonAsync("/api/v1/operations/retention/dispositions", new { code = "venta-ok", name = "Venta", flags = new[] { "Sale" } });
        Assert.Equal(HttpStatusCode.BadRequest, badCode.StatusCode);
        var badFlag = await admin.PostAsJsonAsync("/api/v1/operations/retention/dispositions", new { code = "VENTA", name = "Venta", flags = new[] { "Sold" } });
        Assert.Equal(HttpStatusCode.BadRequest, badFlag.StatusCode);
        var disp = await admin.PostAsJsonAsync("/api/v1/operations/retention/dispositions", new { code = "VENTA_EFECTIVA", name = "Venta efectiva", flags = new[] { "Contact", "sale", "Final" }, sortOrder = 1 });
        Assert.Equal(HttpStatusCode.OK, disp.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsJsonAsync("/api/v1/operations/retention/dispositions", new { code = "VENTA_EFECTIVA", name = "Otra" })).StatusCode);
        var upd = await admin.PutAsJsonAsync("/api/v1/operations/retention/dispositions/VENTA_EFECTIVA", new { name = "Venta", flags = new[] { "Sale" }, active = false });
        Assert.Equal(HttpStatusCode.OK, upd.StatusCode);

        var list = await Body(await admin.GetAsync("/api/v1/operations/retention/dispositions"));
        var row = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal("Venta", row.GetProperty("name").GetString());
        Assert.False(row.GetProperty("isActive").GetBoolean());
        Assert.Equal("Sale", Assert.Single(row.GetProperty("flags").EnumerateArray()).GetString());

        // Another client's catalog is not there for this admin; a supervisor of this client is refused.
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/v1/operations/digital-sales/dispositions")).StatusCode);
        var supervisor = await app.ClientForAsync("supervisor.premium-sales");
        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.GetAsync("/api/v1/operations/premium-sales/dispositions")).StatusCode);
        Assert.Empty(app.LoggedErrors);
    }

    private static async Task<JsonElement> Body(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
}
