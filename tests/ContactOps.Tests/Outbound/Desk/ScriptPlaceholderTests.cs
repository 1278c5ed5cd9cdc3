using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using ContactOps.Modules.Outbound;
using ContactOps.Platform.Data;
using ContactOps.Tests.Infrastructure;
using ContactOps.Tests.Interactions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContactOps.Tests.Outbound.Desk;

/// <summary>
/// The script's placeholders (ScriptPlaceholders): an unknown one is refused when the script is saved; at call time each one
/// is replaced by its value, lead fields carry the label of the base's mapping, and a missing value is a visible gap.
/// </summary>
public class ScriptPlaceholderTests
{
    private const string Campaign = "/api/v1/outbound/campaign?operation=devices-outbound";

    // Tuesday 1 December 2026, 10:00 in Bogotá (a working day inside the contact hours).
    private static readonly DateTimeOffset Tuesday10 = Bogota.At(2026, 12, 1, 10);

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Saving_a_script_with_unknown_placeholders_is_refused_with_their_list(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var http = await app.ClientForAsync("supervisor.devices-outbound");
        var settings = JsonNode.Parse(await (await http.GetAsync(Campaign)).Content.ReadAsStringAsync())!.AsObject();

        settings["script"] = Script(
            ("greeting", "Saludo", "Buenos días, {cliente}. Le habla {asesro} de Telco."),
            ("offer", "Oferta", "Tiene {oferta} con {descuento} y {campo:Plan actual}. {"));
        var refused = await http.PutAsJsonAsync(Campaign, settings);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        using (var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()))
        {
            var root = problem.RootElement;
            Assert.Equal("campaign.script_unknown_placeholders", root.GetProperty("code").GetString());
            var detail = root.GetProperty("detail").GetString()!;
            Assert.Contains("{asesro}", detail, StringComparison.Ordinal);
            Assert.Contains("{descuento}", detail, StringComparison.Ordinal);
            Assert.DoesNotContain("{cliente}", detail.Split("Use")[0], StringComparison.Ordinal);
            Assert.DoesNotContain("{oferta}", detail.Split("Use")[0], StringComparison.Ordinal);
            Assert.Contains("script", root.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        }

        // Nothing was saved.
        await using (var scope = app.SystemScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var op = await db.Operations.SingleAsync(o => o.Code == "devices-outbound");
            var stored = await db.OutboundCampaigns.Where(c => c.OperationId == op.Id).Select(c => c.ScriptJson).SingleAsync();
            Assert.DoesNotContain("asesro", stored, StringComparison.Ordinal);
        }

        // English caller: the same code, the message in English.
        var english = await app.ClientForAsync("supervisor.devices-outbound");
        english.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=" + Uri.EscapeDataString("c=en|uic=en"));
        using (var problem = JsonDocument.Parse(await (await english.PutAsJsonAsync(Campaign, settings)).Content.ReadAsStringAsync()))
        {
            Assert.Equal("campaign.script_unknown_placeholders", problem.RootElement.GetProperty("code").GetString());
            Assert.StartsWith("The script has unknown placeholders: {asesro}", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        // Every supported placeholder, the demo's shorthands ({nombre}, {plan}, {cupo}: columns of the demo base) and a column by its label.
        settings["script"] = Script(
            ("greeting", "Saludo", "Buenos días, {cliente} ({primer_nombre}, {nombre}). Le habla {asesor} ({agente})."),
            ("offer", "Oferta", "Tiene {oferta}, plan {plan}, cupo {cupo}, {campo:Plan actual}, {campo:cupo}, {campo:Columna futura}."),
            ("farewell", "Despedida", "Documento {documento}, teléfono {telefono}."));
        var saved = await http.PutAsJsonAsync(Campaign, settings);
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
        Assert.Empty(app.LoggedErrors);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Each_placeholder_is_replaced_on_the_desk_and_a_missing_value_is_a_gap_never_braces(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await using var desk = await DeskApp.StartAsync(app, Tuesday10, c => c.ScriptJson = JsonSerializer.Serialize(new[]
        {
            new ScriptStep("greeting", "Saludo", "Buenos días, {cliente}. Le habla {asesor}."),
            new ScriptStep("offer", "Oferta", "Para {primer_nombre}: {oferta} con cuota de {campo:Cuota mensual} y plan {campo:Plan actual}."),
            new ScriptStep("preclose", "Precierre", "¿Se lo enviamos a {ciudad}? Descuento: {campo:Descuento}."),
            new ScriptStep("close", "Cierre", "{nombre}, documento {documento}, al {telefono}, atendido por {agente}."),
        }, CampaignSettings.Json));
        await desk.DbAsync(async db =>
        {
            // The base's mapping labels its columns with the file's headers.
            var leadBase = await db.LeadBases.SingleAsync(b => b.Name == "desk-tests");
            leadBase.AttributeSchemaJson = LeadAttributeSchema.Write(
            [
                new("plan", LeadAttributeKind.Text, "Plan actual"),
                new("equipo", LeadAttributeKind.Text, "Equipo ofrecido"),
                new("cuota", LeadAttributeKind.Number, "Cuota mensual"),
                new("ciudad", LeadAttributeKind.Text, "Ciudad de entrega"),
                new("descuento", LeadAttributeKind.Text, "Descuento"),
            ]);
            return await db.SaveChangesAsync();
        });
        var agent = await desk.ClientAsync(DeskApp.Agent);

        var lead = (await DeskApi.ReadyForLeadAsync(agent)).GetProperty("lead");
        var steps = lead.GetProperty("script").EnumerateArray().ToList();
        var texts = steps.Select(s => s.GetProperty("text").GetString()!).ToList();
        Assert.Equal("Buenos días, Carlos Andrés Pérez Gómez. Le habla Asesor devices-outbound.", texts[0]);
        Assert.Equal("Para Carlos: Galaxy A55 con cuota de 89900 y plan Pospago 45.", texts[1]);
        // The lead has no discount: a gap named by the column's label, marked as such, not "{campo:Descuento}".
        Assert.Equal("¿Se lo enviamos a Medellín? Descuento: [sin dato: Descuento].", texts[2]);
        var gap = steps[2].GetProperty("parts").EnumerateArray().Single(p => p.GetProperty("isGap").GetBoolean());
        Assert.Equal("[sin dato: Descuento]", gap.GetProperty("text").GetString());
        Assert.Equal("Carlos Andrés Pérez Gómez, documento 79000001, al +573001110001, atendido por Asesor devices-outbound.", texts[3]);
        Assert.All(texts, t => Assert.DoesNotContain("{", t, StringComparison.Ordinal));

        // Lead fields carry the label of the base's mapping.
        var fields = lead.GetProperty("fields").EnumerateArray().ToDictionary(f => f.GetProperty("key").GetString()!, f => f.GetProperty("label").GetString()!);
        Assert.Equal("Plan actual", fields["plan"]);
        Assert.Equal("Equipo ofrecido", fields["equipo"]);
        Assert.Equal("Ciudad de entrega", fields["ciudad"]);

        // In English the gap says so in English.
        var english = await desk.ClientAsync(DeskApp.Agent);
        english.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=" + Uri.EscapeDataString("c=en|uic=en"));
        var view = await DeskApi.OkAsync(await english.GetAsync("/api/v1/outbound/desk" + DeskApi.Q));
        Assert.Contains("[missing: Descuento]", view.GetProperty("lead").GetProperty("script")[2].GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Empty(app.LoggedErrors);
    }

    private static JsonArray Script(params (string Kind, string Title, string Text)[] steps) =>
        new(steps.Select(s => (JsonNode)new JsonObject { ["kind"] = s.Kind, ["title"] = s.Title, ["text"] = s.Text, ["onlyWhenSale"] = false }).ToArray());
}
