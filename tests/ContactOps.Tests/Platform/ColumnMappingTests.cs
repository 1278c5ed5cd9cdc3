using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ContactOps.Platform.Cli;
using ContactOps.Tests.Infrastructure;

namespace ContactOps.Tests.Platform;

/// <summary>A saved column mapping lets a carrier's file with its own headers be imported with --mapping.</summary>
public class ColumnMappingTests
{
    private const string CarrierFile = "NUM_ID_CLIENTE;PRIMER_NOMBRE;APELLIDOS_CLIENTE;TEL_A;TEL_B;REGION\n"
        + "52111222;Lucía;Pérez Gómez;3105550101;6014440202;NORTE\n"
        + "52111333;Óscar;Díaz;3105550303;;SUR\n";

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task A_mapping_saved_by_cli_is_used_by_the_import_and_validated(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var dir = Directory.CreateTempSubdirectory("mapping-test");
        var file = Path.Combine(dir.FullName, "base_operador.csv");
        await File.WriteAllTextAsync(file, CarrierFile, new UTF8Encoding(true));

        // Without a mapping the file has no recognisable document column: refused.
        Assert.Equal(2, await CliHost.RunAsync(AppModules.Cli, app.Services, ["import", "customers", "--operation", "premium-sales", "--file", file, "--json"], new StringWriter(), new StringWriter()));

        var err = new StringWriter();
        Assert.Equal(2, await CliHost.RunAsync(AppModules.Cli, app.Services,
            ["mapping", "set", "--operation", "premium-sales", "--kind", "customers", "--name", "operador", "--map", "no_existe=X"], new StringWriter(), err));
        Assert.Contains("no existe", err.ToString(), StringComparison.Ordinal);

        Assert.Equal(0, await CliHost.RunAsync(AppModules.Cli, app.Services,
            ["mapping", "set", "--operation", "premium-sales", "--kind", "customers", "--name", "operador",
             "--map", "documento=NUM_ID_CLIENTE", "--map", "nombres=PRIMER_NOMBRE", "--map", "apellidos=APELLIDOS_CLIENTE", "--map", "telefono=TEL_A|TEL_B"],
            new StringWriter(), new StringWriter()));

        var output = new StringWriter();
        Assert.Equal(0, await CliHost.RunAsync(AppModules.Cli, app.Services,
            ["import", "customers", "--operation", "premium-sales", "--file", file, "--mapping", "operador", "--json"], output, new StringWriter()));
        using var summary = JsonDocument.Parse(output.ToString());
        Assert.Equal(2, summary.RootElement.GetProperty("created").GetInt64());
        Assert.Equal(0, summary.RootElement.GetProperty("rejected").GetInt64());

        // Both phones of the first row landed; it is findable by the second one.
        var agent = await app.ClientForAsync("agent.premium-sales");
        var names = await Demo.SearchNamesAsync(agent, "601 444 0202");
        Assert.Equal(["Lucía Pérez Gómez"], names);

        // An unknown mapping name is refused, not silently ignored.
        Assert.Equal(2, await CliHost.RunAsync(AppModules.Cli, app.Services,
            ["import", "customers", "--operation", "premium-sales", "--file", file, "--mapping", "otro"], new StringWriter(), new StringWriter()));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Mappings_api_lets_a_data_marshall_save_and_list_and_refuses_an_agent(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var marshall = await app.ClientForAsync("datamarshall.devices-outbound");
        var put = await marshall.PutAsJsonAsync("/api/v1/operations/devices-outbound/mappings/customers/base-tyt",
            new Dictionary<string, string> { ["documento"] = "CEDULA_TITULAR", ["telefono"] = "CEL1|CEL2" });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var list = await marshall.GetFromJsonAsync<JsonElement>("/api/v1/operations/devices-outbound/mappings");
        Assert.Equal("CEL1|CEL2", list[0].GetProperty("fields").GetProperty("telefono").GetString());

        var bad = await marshall.PutAsJsonAsync("/api/v1/operations/devices-outbound/mappings/customers/x",
            new Dictionary<string, string> { ["documento"] = "A|B" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);

        var agent = await app.ClientForAsync("agent.devices-outbound");
        var refused = await agent.PutAsJsonAsync("/api/v1/operations/devices-outbound/mappings/customers/y",
            new Dictionary<string, string> { ["documento"] = "CEDULA" });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        var otherClient = await app.ClientForAsync("datamarshall.digital-sales");
        Assert.Equal(HttpStatusCode.NotFound, (await otherClient.GetAsync("/api/v1/operations/devices-outbound/mappings")).StatusCode);
    }
}
