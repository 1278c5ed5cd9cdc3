using ContactOps.Tests.Infrastructure;
using ContactOps.Tests.Outbound.Leads;

namespace ContactOps.Tests.Platform;

/// <summary>Every file-import verb refuses a file it cannot read the same way: exit 2 and the path with a Spanish message.</summary>
public class CliFilesTests
{
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Every_import_verb_refuses_an_unreadable_file_with_exit_2_and_the_path(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var missing = Path.Combine(Path.GetTempPath(), "contactops-no-existe-" + Guid.NewGuid().ToString("N") + ".csv");
        string[][] verbs =
        [
            ["import", "customers", "--operation", "premium-sales", "--file", missing],
            ["import", "sales", "--operation", "premium-sales", "--file", missing],
            ["import", "leads", "--operation", "devices-outbound", "--file", missing],
            ["import", "exclusions", "--country", "CO", "--file", missing],
            ["import", "call-log", "--operation", "devices-outbound", "--file", missing],
            ["import", "deliveries", "--operation", "devices-outbound", "--file", missing],
            ["import", "adjustments", "--operation", "adjustments-cell", "--file", missing, "--cutoff", "2026-06-05"],
        ];

        foreach (var args in verbs)
        {
            var (exit, output, error) = await LeadImportTests.RunAsync(app, args);
            var verb = string.Join(' ', args.Take(2));
            Assert.True(exit == 2, $"{verb}: exit {exit}; {output} {error}");
            Assert.Contains("No se puede leer el archivo", output + error, StringComparison.Ordinal);
            Assert.Contains(missing, output + error, StringComparison.Ordinal);
        }

        // The JSON form carries the stable code.
        var (jsonExit, jsonOut, jsonErr) = await LeadImportTests.RunAsync(app, "import", "adjustments", "--operation", "adjustments-cell", "--file", missing, "--cutoff", "2026-06-05", "--json");
        Assert.Equal(2, jsonExit);
        Assert.Contains("import.file_unreadable", jsonOut + jsonErr, StringComparison.Ordinal);
    }
}
