using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ContactOps.Modules.Outbound;
using ContactOps.Platform.Data;
using ContactOps.Tests.Files;
using ContactOps.Tests.Infrastructure;
using ContactOps.Tests.Outbound.Leads;
using ContactOps.Tests.Outbound.Policy;
using ContactOps.Tests.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace ContactOps.Tests.Outbound.CallLogs;

public class CallLogImportTests
{
    private const string Operation = "devices-outbound";
    private const string Agent = "agent.devices-outbound";
    private static readonly DateOnly Day = new(2025, 3, 4);

    static CallLogImportTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Three leads of an isolated base: L1 (1020000001, 3001000001), L2 (1020000002, 3001000002 + 3001000003), L3 (1020000003, 3001000004).</summary>
    internal static async Task<(Guid L1, Guid L2, Guid L3, Guid OperationId)> SeedAsync(TestApp app)
    {
        await using var scope = app.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await PolicyKit.IsolateAsync(db);
        var b = await PolicyKit.AddBaseAsync(db, "Base registro de llamadas");
        var l1 = PolicyKit.Lead(db, b, "+573001000001", document: "1020000001");
        var l2 = PolicyKit.Lead(db, b, "+573001000002", document: "1020000002");
        db.LeadPhones.Add(new LeadPhone(b.ClientId, b.OperationId, l2.Id, "+573001000003", 1));
        var l3 = PolicyKit.Lead(db, b, "+573001000004", document: "1020000003");
        await db.SaveChangesAsync();
        return (l1.Id, l2.Id, l3.Id, b.OperationId);
    }

    // Line 1 header · 2 L1 by phone, sale by the demo agent · 3 L1 machine (no disposition → BUZON as the engine does) ·
    // 4 L2 by document (the phone is nobody's), ISO time with offset · 5 L3 by phone, DNC · 6 unknown phone · 7 unknown
    // document · 8 disposition not in the catalog · 9 unreadable time · 10 L2 by phone, answered without disposition, an
    // agent who is not a user.
    private const string GenericCsv =
        "fecha_hora;telefono;documento;agente;resultado;tipificacion;segundos\n" +
        "2025-03-04 09:10:00;300 100 0001;;agent.devices-outbound;contestada;VENTA;300\n" +
        "2025-03-04 09:40:00;3001000001;;;buzon;;0\n" +
        "2025-03-04T10:05:00-05:00;3009999999;1020000002;agent.devices-outbound;;NO_INTERESADO;60\n" +
        "2025-03-04 10:30:00;+57 300 100 0004;;;answered;DNC;20\n" +
        "2025-03-04 10:45:00;3005555555;;;no_answer;;0\n" +
        "2025-03-04 11:00:00;;1099999999;;busy;;0\n" +
        "2025-03-04 11:15:00;3001000002;;;answered;INVENTADA;10\n" +
        "mañana;3001000002;;;answered;;10\n" +
        "2025-03-04 09:20:00;3001000002;;agente.externo;answered;;45\n";

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Generic_log_matches_by_phone_and_document_updates_leads_and_hourly_figures(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (l1, l2, l3, opId) = await SeedAsync(app);
        using var temp = new TempFolder();
        var file = temp.WriteText("llamadas.csv", GenericCsv, Tabular.Utf8NoBom);
        var rejects = temp.PathOf("rechazos.csv");

        var result = await LeadImportTests.RunAsync(app, "import", "call-log", "--operation", Operation, "--file", file, "--rejects", rejects, "--json");

        Assert.Equal(0, result.Exit);
        Assert.Equal("{\"rows\":9,\"accepted\":5,\"rejected\":4}", result.Output.Trim());
        var rejected = File.ReadAllLines(rejects, Encoding.UTF8).Skip(1).ToList();
        Assert.Equal(["6", "7", "8", "9"], rejected.Select(l => l.Split(';')[0]));
        Assert.Contains("Sin lead", rejected[0], StringComparison.Ordinal);
        Assert.Contains("1099999999", rejected[1], StringComparison.Ordinal);
        Assert.Contains("INVENTADA", rejected[2], StringComparison.Ordinal);
        Assert.StartsWith("9;time;", rejected[3], StringComparison.Ordinal);

        await using var scope = app.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var attempts = await db.CallAttempts.AsNoTracking().Where(a => a.Source == AttemptSource.Imported).ToListAsync();
        Assert.Equal(5, attempts.Count);
        var agentId = await db.Users.Where(u => u.UserName == Agent).Select(u => u.Id).SingleAsync();
        var sale = attempts.Single(a => a.DispositionCode == "VENTA");
        Assert.Equal((l1, "+573001000001", CallResult.Answered, agentId, Agent, 300), (sale.LeadId!.Value, sale.PhoneE164, sale.Result, sale.AgentUserId!.Value, sale.AgentLogin!, sale.TalkSeconds));
        Assert.Equal(new DateTimeOffset(2025, 3, 4, 14, 10, 0, TimeSpan.Zero), sale.StartedAt);
        var machine = attempts.Single(a => a.Result == CallResult.Machine);
        Assert.Equal(("BUZON", l1), (machine.DispositionCode, machine.LeadId!.Value));
        var byDocument = attempts.Single(a => a.DispositionCode == "NO_INTERESADO");
        Assert.Equal((l2, "+573009999999", CallResult.Answered), (byDocument.LeadId!.Value, byDocument.PhoneE164, byDocument.Result));
        Assert.Equal(new DateTimeOffset(2025, 3, 4, 15, 5, 0, TimeSpan.Zero), byDocument.StartedAt);
        var external = attempts.Single(a => a.AgentLogin == "agente.externo");
        Assert.Equal((l2, (Guid?)null, (string?)null, 45), (external.LeadId!.Value, external.AgentUserId, external.DispositionCode, external.TalkSeconds));

        // Lead state, as if ContactOps had placed the calls (replayed in time order).
        var campaign = (await CampaignSettings.ReadAsync(db, opId, default))!;
        var recycle = CampaignSettings.RecycleMinutes(campaign);
        var leads = await db.Leads.AsNoTracking().Where(l => l.Id == l1 || l.Id == l2 || l.Id == l3).ToDictionaryAsync(l => l.Id);
        var a1 = leads[l1];
        Assert.Equal((2, 2, (DateOnly?)Day, "BUZON", true), (a1.Attempts, a1.AttemptsToday, a1.AttemptsDay, a1.LastDispositionCode, a1.IsFinal));
        Assert.Equal(At(14, 10), a1.FirstAttemptAt);
        Assert.Equal(At(14, 40), a1.LastAttemptAt);
        Assert.Equal(At(14, 10), a1.LastContactAt);
        Assert.Equal(recycle.GetValueOrDefault("BUZON") is > 0 and var m ? At(14, 40).AddMinutes(m) : null, a1.NextAttemptAt);
        var a2 = leads[l2];
        Assert.Equal((2, "NO_INTERESADO", true), (a2.Attempts, a2.LastDispositionCode, a2.IsFinal));
        Assert.Equal(At(14, 20), a2.FirstAttemptAt);
        Assert.Equal(At(15, 5), a2.LastAttemptAt);
        Assert.Equal(At(15, 5), a2.LastContactAt);
        var a3 = leads[l3];
        Assert.Equal((1, "DNC", true), (a3.Attempts, a3.LastDispositionCode, a3.IsFinal));
        Assert.True(await db.DncEntries.AnyAsync(d => d.OperationId == opId && d.E164 == "+573001000004"));

        // The pre-aggregated figures, read from the table, equal the hand count of the five rows.
        var stats = await db.OutboundHourlyStats.AsNoTracking().Where(s => s.OperationId == opId && s.Day == Day).ToListAsync();
        var actual = stats.OrderBy(s => s.Hour).ThenBy(s => s.AgentLogin, StringComparer.Ordinal)
            .Select(s => (s.Hour, s.AgentLogin, s.Attempts, s.Answered, s.Machine, s.Contacts, s.EffectiveContacts, s.Sales, s.Abandoned, s.TalkSeconds)).ToList();
        (int, string, long, long, long, long, long, long, long, long)[] expected =
        [
            (9, "", 1, 0, 1, 0, 0, 0, 0, 0),                       // 09:40 machine
            (9, Agent, 1, 1, 0, 1, 1, 1, 0, 300),                  // 09:10 sale
            (9, "agente.externo", 1, 1, 0, 0, 0, 0, 0, 45),        // 09:20 answered, no disposition
            (10, "", 1, 1, 0, 1, 0, 0, 0, 20),                     // 10:30 DNC (answered, contact)
            (10, Agent, 1, 1, 0, 1, 0, 0, 0, 60),                  // 10:05 not interested (answered, contact)
        ];
        Assert.Equal(expected, actual);

        // Loading the same rows again adds to the figures (the upserts are additive), it does not overwrite them.
        var again = await LeadImportTests.RunAsync(app, "import", "call-log", "--operation", Operation, "--file", file, "--json");
        Assert.Equal(0, again.Exit);
        var doubled = await db.OutboundHourlyStats.AsNoTracking().Where(s => s.OperationId == opId && s.Day == Day).SumAsync(s => s.Attempts);
        Assert.Equal(10, doubled);
    }

    private static DateTimeOffset At(int hour, int minute) => new(2025, 3, 4, hour, minute, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Comma_and_semicolon_utf8_windows1252_and_xlsx_files_load_alike(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (l1, l2, _, opId) = await SeedAsync(app);
        using var temp = new TempFolder();

        // Windows-1252, ',' and accented headers and agent (Spanish words for the result).
        var cp1252 = temp.Write("registro 1252.csv", Encoding.GetEncoding(1252).GetBytes(
            "Fecha Hora,Teléfono,Agente,Resultado,Segundos\n" +
            "2025-03-04 08:05:00,3001000001,josé.pérez,no contesta,0\n" +
            "2025-03-04T13:06:00Z,3001000002,josé.pérez,ocupado,0\n"));
        var fromCp1252 = await LeadImportTests.RunAsync(app, "import", "call-log", "--operation", Operation, "--file", cp1252, "--json");
        Assert.Equal(0, fromCp1252.Exit);
        Assert.Equal("{\"rows\":2,\"accepted\":2,\"rejected\":0}", fromCp1252.Output.Trim());

        // UTF-8 with BOM, ';' and a document column only.
        var utf8 = temp.WriteText("registro utf8.csv", "documento;fecha_hora;telefono;tipificacion\n1020000002;2025-03-04 08:30:00;3001000003;VOLVER_A_LLAMAR\n", Tabular.Utf8Bom);
        var fromUtf8 = await LeadImportTests.RunAsync(app, "import", "call-log", "--operation", Operation, "--file", utf8, "--json");
        Assert.Equal("{\"rows\":1,\"accepted\":1,\"rejected\":0}", fromUtf8.Output.Trim());

        var xlsx = temp.PathOf("registro.xlsx");
        MiniExcel.SaveAs(xlsx, new[]
        {
            new Dictionary<string, object?> { ["fecha_hora"] = "2025-03-04 08:45:00", ["telefono"] = 3001000001L, ["resultado"] = "answered", ["tipificacion"] = "VOLVER_A_LLAMAR", ["segundos"] = 61 },
            new Dictionary<string, object?> { ["fecha_hora"] = "2025-03-04 08:50:00", ["telefono"] = 3007777777L, ["resultado"] = "answered", ["tipificacion"] = "VENTA", ["segundos"] = 10 },
        });
        var fromXlsx = await LeadImportTests.RunAsync(app, "import", "call-log", "--operation", Operation, "--file", xlsx, "--json");
        Assert.Equal(0, fromXlsx.Exit);
        Assert.Equal("{\"rows\":2,\"accepted\":1,\"rejected\":1}", fromXlsx.Output.Trim());

        await using var scope = app.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var attempts = await db.CallAttempts.AsNoTracking().Where(a => a.Source == AttemptSource.Imported).OrderBy(a => a.StartedAt).ToListAsync();
        Assert.Equal(
            [
                (l1, "josé.pérez", CallResult.NoAnswer, (string?)"NO_CONTESTA", At(13, 5)),
                (l2, "josé.pérez", CallResult.Busy, "OCUPADO", At(13, 6)),
                (l2, (string?)null, CallResult.Answered, "VOLVER_A_LLAMAR", At(13, 30)),
                (l1, null, CallResult.Answered, "VOLVER_A_LLAMAR", At(13, 45)),
            ],
            attempts.Select(a => (a.LeadId!.Value, a.AgentLogin, a.Result, a.DispositionCode, a.StartedAt)));
        Assert.Equal(4, await db.OutboundHourlyStats.AsNoTracking().Where(s => s.OperationId == opId && s.Day == Day && s.Hour == 8).SumAsync(s => s.Attempts));
        Assert.Equal(61, await db.OutboundHourlyStats.AsNoTracking().Where(s => s.OperationId == opId && s.Day == Day).SumAsync(s => s.TalkSeconds));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Bad_files_are_rejected_with_a_clear_error_and_nothing_written(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (l1, l2, l3, opId) = await SeedAsync(app);
        using var temp = new TempFolder();

        // No result nor disposition column.
        var noResult = temp.WriteText("sin resultado.csv", "fecha_hora;telefono;segundos\n2025-03-04 09:00:00;3001000001;10\n", Tabular.Utf8NoBom);
        var missing = await LeadImportTests.RunAsync(app, "import", "call-log", "--operation", Operation, "--file", noResult, "--json");
        Assert.Equal(2, missing.Exit);
        Assert.Contains("calllog.missing_columns", missing.Output, StringComparison.Ordinal);
        Assert.Contains("resultado", missing.Output, StringComparison.Ordinal);

        // A VICIdial layout asked for a generic file: its columns are not there.
        var generic = temp.WriteText("generico.csv", GenericCsv, Tabular.Utf8NoBom);
        var wrongLayout = await LeadImportTests.RunAsync(app, "import", "call-log", "--operation", Operation, "--file", generic, "--mapping", "vicidial");
        Assert.Equal(2, wrongLayout.Exit);
        Assert.Contains("call_date", wrongLayout.Error, StringComparison.Ordinal);

        // Not a workbook, an unknown layout, an unknown operation.
        var fake = temp.Write("falso.xlsx", Encoding.ASCII.GetBytes("esto no es un libro"));
        Assert.Equal(2, (await LeadImportTests.RunAsync(app, "import", "call-log", "--operation", Operation, "--file", fake)).Exit);
        Assert.Equal(2, (await LeadImportTests.RunAsync(app, "import", "call-log", "--operation", Operation, "--file", generic, "--mapping", "genesys")).Exit);
        Assert.Equal(2, (await LeadImportTests.RunAsync(app, "import", "call-log", "--operation", "no-existe", "--file", generic)).Exit);

        // The API answers 400 with a ProblemDetails for the same file.
        var http = await app.ClientForAsync("supervisor.devices-outbound");
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(Operation), "operation");
        var content = new ByteArrayContent(File.ReadAllBytes(noResult));
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(content, "file", "sin resultado.csv");
        var response = await http.PostAsync("/api/v1/outbound/call-logs", form);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("resultado", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // An agent may not load call logs.
        var agent = await app.ClientForAsync(Agent);
        using var form2 = new MultipartFormDataContent();
        form2.Add(new StringContent(Operation), "operation");
        form2.Add(new ByteArrayContent(File.ReadAllBytes(generic)), "file", "generico.csv");
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.PostAsync("/api/v1/outbound/call-logs", form2)).StatusCode);

        await using var scope = app.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(0, await db.CallAttempts.CountAsync(a => a.Source == AttemptSource.Imported));
        Assert.Equal(0, await db.OutboundHourlyStats.CountAsync(s => s.OperationId == opId && s.Day == Day));
        Assert.Equal(0, await db.Leads.CountAsync(l => (l.Id == l1 || l.Id == l2 || l.Id == l3) && (l.Attempts > 0 || l.LastDispositionCode != null)));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Api_upload_answers_the_summary_with_rejected_lines(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await SeedAsync(app);
        var http = await app.ClientForAsync("supervisor.devices-outbound");
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(Operation), "operation");
        form.Add(new StringContent("generic"), "mapping");
        form.Add(new ByteArrayContent(Tabular.Utf8NoBom.GetBytes(GenericCsv)), "file", "llamadas.csv");
        var response = await http.PostAsync("/api/v1/outbound/call-logs", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await Demo.JsonAsync(response);
        Assert.Equal((9, 5, 4), (body.GetProperty("rows").GetInt32(), body.GetProperty("accepted").GetInt32(), body.GetProperty("rejected").GetInt32()));
        Assert.Equal([6, 7, 8, 9], body.GetProperty("rejectedRows").EnumerateArray().Select(r => r.GetProperty("line").GetInt32()));
        var id = body.GetProperty("importId").GetGuid();
        var csv = await http.GetStringAsync($"/api/v1/outbound/call-logs/{id}/rejected");
        Assert.Contains("8;disposition;", csv, StringComparison.Ordinal);
    }

    // VICIdial's Export Calls Report (tab-delimited, standard columns; vendor_lead_code carries the document).
    private const string VicidialHeader =
        "call_date\tphone_number_dialed\tstatus\tuser\tfull_name\tcampaign_id\tvendor_lead_code\tsource_id\tlist_id\tgmt_offset_now\tphone_code\tphone_number\ttitle\tfirst_name\tmiddle_initial\tlast_name\taddress1\taddress2\taddress3\tcity\tstate\tprovince\tpostal_code\tcountry_code\tgender\tdate_of_birth\talt_phone\temail\tsecurity_phrase\tcomments\tlength_in_sec\tuser_group\talt_dial\trank\towner\tlead_id\tlist_name\tlist_description\tstatus_name";

    private static string VicidialRow(string callDate, string phone, string status, string user, string vendorLeadCode, int seconds) =>
        string.Join('\t', new[]
        {
            callDate, phone, status, user, "Cliente Demo", "TERMINALES", vendorLeadCode, "", "1001", "-5.00", "57", phone, "", "Cliente", "", "Demo",
            "", "", "", "Bogota", "", "", "", "COL", "U", "", "", "", "", "", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture), "AGENTES", "MAIN", "0", "", "12345", "Lista", "", status,
        });

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Vicidial_export_maps_statuses_to_results_and_dispositions(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (l1, l2, l3, opId) = await SeedAsync(app);
        using var temp = new TempFolder();
        var text = string.Join("\r\n",
            VicidialHeader,
            VicidialRow("2025-03-04 09:00:01", "3001000001", "NA", "VDAD", "", 0),           // 2 no answer, no agent
            VicidialRow("2025-03-04 09:05:00", "3001000001", "A", "VDAD", "", 0),            // 3 machine
            VicidialRow("2025-03-04 09:10:00", "3001000001", "DROP", "VDAD", "", 0),         // 4 dropped: answered, abandoned
            VicidialRow("2025-03-04 09:20:00", "3001000002", "CALLBK", Agent, "1020000002", 95), // 5 callback
            VicidialRow("2025-03-04 09:30:00", "3001000002", "SALE", Agent, "1020000002", 420),  // 6 sale
            VicidialRow("2025-03-04 09:40:00", "3001000004", "DNC", Agent, "", 12),           // 7 DNC
            VicidialRow("2025-03-04 09:45:00", "3001000004", "ZZZ", Agent, "", 12),           // 8 unknown status
            VicidialRow("2025-03-04 09:50:00", "3001000004", "NEW", "", "", 0),               // 9 never dialled
            VicidialRow("2025-03-04 09:55:00", "3001000003", "B", "VDAD", "1099999999", 0)) + "\r\n"; // 10 unknown vendor_lead_code
        var file = temp.WriteText("vicidial_calls.txt", text, Tabular.Utf8NoBom);

        var result = await LeadImportTests.RunAsync(app, "import", "call-log", "--operation", Operation, "--file", file, "--mapping", "vicidial", "--json");
        Assert.Equal(0, result.Exit);
        Assert.Equal("{\"rows\":9,\"accepted\":6,\"rejected\":3}", result.Output.Trim());

        await using var scope = app.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var attempts = await db.CallAttempts.AsNoTracking().Where(a => a.Source == AttemptSource.Imported).OrderBy(a => a.StartedAt).ToListAsync();
        Assert.Equal(
            [
                (l1, CallResult.NoAnswer, (string?)"NO_CONTESTA", false, (string?)null, 0),
                (l1, CallResult.Machine, "BUZON", false, null, 0),
                (l1, CallResult.Answered, null, true, null, 0),
                (l2, CallResult.Answered, "VOLVER_A_LLAMAR", false, Agent, 95),
                (l2, CallResult.Answered, "VENTA", false, Agent, 420),
                (l3, CallResult.Answered, "DNC", false, Agent, 12),
            ],
            attempts.Select(a => (a.LeadId!.Value, a.Result, a.DispositionCode, a.Abandoned, a.AgentLogin, a.TalkSeconds)));
        var hour = await db.OutboundHourlyStats.AsNoTracking().Where(s => s.OperationId == opId && s.Day == Day && s.Hour == 9).ToListAsync();
        Assert.Equal((6L, 4L, 1L, 3L, 1L, 1L, 1L), (hour.Sum(s => s.Attempts), hour.Sum(s => s.Answered), hour.Sum(s => s.Machine), hour.Sum(s => s.Contacts), hour.Sum(s => s.Sales), hour.Sum(s => s.Abandoned), hour.Sum(s => s.EffectiveContacts)));
        Assert.True((await db.Leads.AsNoTracking().SingleAsync(l => l.Id == l2)).IsFinal);
        Assert.True(await db.DncEntries.AnyAsync(d => d.OperationId == opId && d.E164 == "+573001000004"));
    }
}
