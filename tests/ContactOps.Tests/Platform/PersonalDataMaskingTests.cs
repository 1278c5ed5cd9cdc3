using System.Net;
using ContactOps.Platform.Audit;
using ContactOps.Tests.Infrastructure;

namespace ContactOps.Tests.Platform;

/// <summary>Full documents and phones leave the server only through the logged reveal — not through history or the audit API.</summary>
public class PersonalDataMaskingTests
{
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task The_360_view_and_the_audit_api_never_carry_the_full_document_or_phone(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var id = await Demo.CustomerIdAsync(app, Demo.CoDocument);
        var agent = await app.ClientForAsync("agent.premium-sales");
        var view = await agent.GetAsync($"/api/v1/customers/{id}");
        Assert.Equal(HttpStatusCode.OK, view.StatusCode);
        var text = await view.Content.ReadAsStringAsync();
        Assert.Contains("4050", text, StringComparison.Ordinal);            // the masked document's tail
        Assert.Contains("DocumentNumber", text, StringComparison.Ordinal);  // the creation appears in the history…
        Assert.DoesNotContain(Demo.CoDocument, text, StringComparison.Ordinal); // …masked
        Assert.DoesNotContain("3001234567", text, StringComparison.Ordinal);

        var supervisor = await app.ClientForAsync("supervisor.premium-sales");
        var audit = await supervisor.GetAsync($"/api/v1/audit?entity=Customer&entityId={id}");
        Assert.Equal(HttpStatusCode.OK, audit.StatusCode);
        var auditText = await audit.Content.ReadAsStringAsync();
        Assert.Contains("DocumentNumber", auditText, StringComparison.Ordinal);
        Assert.DoesNotContain(Demo.CoDocument, auditText, StringComparison.Ordinal);
        Assert.DoesNotContain("3001234567", auditText, StringComparison.Ordinal);

        // The reveal still gives the full values (and is logged) to who may reveal: the back office, not the agent.
        var reveal = await (await app.ClientForAsync("backoffice.premium-sales")).PostAsync($"/api/v1/customers/{id}/reveal", null);
        Assert.Contains("1020304050", await reveal.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public void Masking_keeps_the_last_four_characters_and_is_idempotent()
    {
        var masked = PersonalDataRedaction.MaskChanges("""{"DocumentNumber":[null,"1020304050"],"CustomerPhone.E164":[null,"+573001234567"],"FirstNames":[null,"Ana"]}""");
        Assert.Equal("""{"DocumentNumber":[null,"******4050"],"CustomerPhone.E164":[null,"+********4567"],"FirstNames":[null,"Ana"]}""", masked);
        Assert.Equal(masked, PersonalDataRedaction.MaskChanges(masked));
        Assert.Equal("not json", PersonalDataRedaction.MaskChanges("not json"));
    }
}
