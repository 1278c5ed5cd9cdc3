using System.Net;
using System.Text;
using ContactOps.Modules.Outbound;
using ContactOps.Platform.Cli;
using ContactOps.Platform.Data;
using ContactOps.Tests.Files;
using ContactOps.Tests.Infrastructure;
using ContactOps.Tests.Outbound.Policy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ContactOps.Tests.Outbound.CallLogs;

public class DialerListExportTests
{
    private const string Operation = "devices-outbound";
    private const string SegmentName = "Exportar";

    /// <summary>Tuesday 24 November 2026, 10:00 in Bogotá: inside the contact window, not a holiday.</summary>
    private static readonly DateTimeOffset Tuesday10 = new(2026, 11, 24, 15, 0, 0, TimeSpan.Zero);

    private static async Task<(int Exit, string Output, string Error)> RunAsync(TestApp web, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await CliHost.RunAsync(AppModules.Cli, web.Services, args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>
    /// Segment "Exportar": A callable · B on the DNC list · C in the registry (calls) · D attempts exhausted · E final ·
    /// F first phone unusable, second callable. G callable but in another segment.
    /// </summary>
    private static async Task SeedAsync(TestApp app)
    {
        await using var scope = app.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await PolicyKit.IsolateAsync(db);
        var b = await PolicyKit.AddBaseAsync(db, "Base exportación");
        var segment = new Segment(b.ClientId, b.OperationId, SegmentName, 1, 100m, "[]");
        var other = new Segment(b.ClientId, b.OperationId, "Otro", 2, 0m, "[]");
        db.Segments.AddRange(segment, other);
        await db.SaveChangesAsync();
        var campaign = (await CampaignSettings.ReadAsync(db, b.OperationId, default))!;
        void In(Lead l) => l.SegmentId = segment.Id;
        PolicyKit.Lead(db, b, "+573002000001", document: "2000000001", configure: In);
        PolicyKit.Lead(db, b, "+573002000002", document: "2000000002", configure: In);
        PolicyKit.Dnc(db, b, "+573002000002");
        PolicyKit.Lead(db, b, "+573002000003", document: "2000000003", configure: In);
        PolicyKit.Lead(db, b, "+573002000004", document: "2000000004", configure: l => { In(l); l.Attempts = campaign.MaxAttemptsTotal; });
        PolicyKit.Lead(db, b, "+573002000005", document: "2000000005", configure: l => { In(l); l.IsFinal = true; l.LastDispositionCode = "VENTA"; });
        var f = PolicyKit.Lead(db, b, "+573002000006", document: "2000000006", configure: In, phoneUnusable: true);
        db.LeadPhones.Add(new LeadPhone(b.ClientId, b.OperationId, f.Id, "+573002000007", 1));
        PolicyKit.Lead(db, b, "+573002000008", document: "2000000008", configure: l => l.SegmentId = other.Id);
        await db.SaveChangesAsync();
        await PolicyKit.RegistryAsync(db, ("+573002000003", ExclusionChannels.Calls));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Export_writes_only_numbers_the_policy_allows_now(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await SeedAsync(app);
        await using var web = PolicyKit.Clocked(app, new FakeTimeProvider(Tuesday10));
        using var temp = new TempFolder();

        var vicidialPath = temp.PathOf("lista.csv");
        var vicidial = await RunAsync(web, "export", "dialer-list", "--operation", Operation, "--segment", SegmentName, "--format", "vicidial", "--out", vicidialPath, "--json");
        Assert.Equal(0, vicidial.Exit);
        Assert.Equal("{\"written\":2,\"refused\":4,\"refusedByReason\":{\"attempt_limit\":1,\"dnc\":1,\"excluded_registry\":1,\"final_disposition\":1}}", vicidial.Output.Trim());

        var lines = File.ReadAllLines(vicidialPath, Encoding.UTF8);
        Assert.Equal(
            "vendor_lead_code,source_id,list_id,phone_code,phone_number,title,first_name,middle_initial,last_name,address1,address2,address3,city,state,province,postal_code,country_code,gender,date_of_birth,alt_phone,email,security_phrase,comments",
            lines[0]);
        var rows = lines.Skip(1).Select(l => l.Split(',')).OrderBy(r => r[0], StringComparer.Ordinal).ToList();
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal(23, r.Length));
        Assert.Equal(("2000000001", "57", "3002000001", "", SegmentName, "COL"), (rows[0][0], rows[0][3], rows[0][4], rows[0][19], rows[0][22], rows[0][16]));
        Assert.Equal(("2000000006", "3002000007", "Cliente", "0006"), (rows[1][0], rows[1][4], rows[1][6], rows[1][8]));
        Assert.All(rows, r => Assert.Equal(32, r[1].Length)); // source_id: the lead id, to find it again in VICIdial's call log
        var text = File.ReadAllText(vicidialPath);
        foreach (var refused in new[] { "3002000002", "3002000003", "3002000004", "3002000005", "3002000006", "3002000008" })
        {
            Assert.DoesNotContain(refused, text, StringComparison.Ordinal);
        }

        var csvPath = temp.PathOf("lista-propia.csv");
        var csv = await RunAsync(web, "export", "dialer-list", "--operation", Operation, "--segment", SegmentName, "--format", "csv", "--out", csvPath);
        Assert.Equal(0, csv.Exit);
        Assert.Contains("2", csv.Output, StringComparison.Ordinal);
        Assert.Contains("dnc: 1", csv.Output, StringComparison.Ordinal);
        var ours = File.ReadAllLines(csvPath, Encoding.UTF8);
        Assert.Equal("lead_id;tipo_documento;documento;nombre;telefono;telefono2;segmento;intentos;ultima_tipificacion", ours[0].TrimStart('\uFEFF'));
        Assert.Equal(["+573002000001", "+573002000007"], ours.Skip(1).Select(l => l.Split(';')[4]).Order(StringComparer.Ordinal));

        // Out of hours (Tuesday 21:00 in Bogotá) nothing may be dialled: the list is empty.
        await using var night = PolicyKit.Clocked(app, new FakeTimeProvider(Tuesday10.AddHours(11)));
        var late = await RunAsync(night, "export", "dialer-list", "--operation", Operation, "--segment", SegmentName, "--format", "csv", "--out", temp.PathOf("noche.csv"), "--json");
        Assert.Equal(0, late.Exit);
        Assert.StartsWith("{\"written\":0,\"refused\":6,", late.Output.Trim(), StringComparison.Ordinal);
        Assert.Single(File.ReadAllLines(temp.PathOf("noche.csv")));

        // The API gives the same list.
        var http = await PolicyKit.LoginAsync(web, "supervisor.devices-outbound");
        var response = await http.GetAsync($"/api/v1/outbound/dialer-list?operation={Operation}&segment={Uri.EscapeDataString(SegmentName)}&format=vicidial");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("2000000001,", body, StringComparison.Ordinal);
        Assert.DoesNotContain("3002000002", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Unknown_segment_operation_or_format_exit_2(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var temp = new TempFolder();
        await using var web = PolicyKit.Clocked(app, new FakeTimeProvider(Tuesday10));
        var path = temp.PathOf("x.csv");
        var segment = await RunAsync(web, "export", "dialer-list", "--operation", Operation, "--segment", "No existe", "--format", "csv", "--out", path);
        Assert.Equal(2, segment.Exit);
        Assert.Contains("No existe", segment.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
        Assert.Equal(2, (await RunAsync(web, "export", "dialer-list", "--operation", "nada", "--segment", "Resto", "--out", path)).Exit);
        Assert.Equal(2, (await RunAsync(web, "export", "dialer-list", "--operation", Operation, "--segment", "Resto", "--format", "xml", "--out", path)).Exit);
        var http = await PolicyKit.LoginAsync(web, "supervisor.devices-outbound");
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"/api/v1/outbound/dialer-list?operation={Operation}&segment=Nada&format=csv")).StatusCode);
    }
}
