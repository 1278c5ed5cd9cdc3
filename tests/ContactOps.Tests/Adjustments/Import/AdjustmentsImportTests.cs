using System.Net;
using System.Text;
using System.Text.Json;
using ContactOps.Modules.Adjustments;
using ContactOps.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ContactOps.Tests.Adjustments.Import.AdjustmentsImportKit;

namespace ContactOps.Tests.Adjustments.Import;

/// <summary>The carrier's adjustments base (issue 6, "The adjustments base"), on both engines.</summary>
public sealed class AdjustmentsImportTests
{
    private static Dictionary<string, object?> Row(string cuenta, string? esc, string estado, string causal, string aprobacion, object? valor, string? radicado, string login, string? motivo, object? fecha) =>
        new()
        {
            ["Cuenta"] = cuenta, ["Escalamiento"] = esc, ["Estado Ajuste"] = estado, ["CAUSAL"] = causal, ["Aprobación"] = aprobacion,
            ["Valor"] = valor, ["Radicado"] = radicado, ["Login_Asesor"] = login, ["Motivo Rechazo"] = motivo, ["Fecha Radicación"] = fecha,
        };

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task A_realistic_xlsx_workbook_loads_with_keys_es_co_amounts_and_causes_by_letter_or_text(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var bo = await app.ClientForAsync(BackOffice);
        var before = await CountsAsync(app);
        var book = Xlsx(
        [
            Row("8012345671", "ESC-T1-0001", "Aplicado en factura", "A", "APROBADO", 45000, "RAD-998877", "Agent.Premium-Sales", null, new DateTime(2026, 11, 12)),
            Row("8012345672", "esc-t1-0002", "Rechazado por BO", "Cargos de reconexión", "Rechazada", "$ 45.000", null, "agent.adjustments-cell", "Sin soporte de pago", "10/11/2026"),
            Row("8012345673", null, "En estudio", "e", "", "1.234.567,50", null, "ag.lopez", null, new DateTime(2026, 11, 12)),
            Row("8012345674", "ESC-T1-0004", "Pendiente", "CAMBIO DE ESTRATO", "pendiente", null, null, "ag.lopez", null, null),
            Row("8012345675", "ESC-T1-0005", "Aplicado", "M - Garantía de equipos", "aprobada", 1234567.5, "RAD-5", "ag.ruiz", null, null),
        ]);

        var summary = await ImportOkAsync(bo, book, "ajustes_2026-11-20.xlsx");
        Assert.Equal(5, N(summary, "rows"));
        Assert.Equal(5, N(summary, "created"));
        Assert.Equal(0, N(summary, "updated") + N(summary, "unchanged") + N(summary, "rejected"));
        Assert.Equal("2026-11-20", summary.GetProperty("cutoff").GetString());

        var approved = await AdjustmentAsync(app, "E:ESC-T1-0001");
        Assert.Equal(45000m, approved.Amount);
        Assert.Equal("COP", approved.Currency);
        Assert.Equal(CarrierApproval.Approved, approved.Approval);
        Assert.Equal(AdjustmentState.ToInform, approved.State);
        Assert.Equal(new DateOnly(2026, 11, 20), approved.ApprovedCutoff);
        Assert.Equal("agent.premium-sales", approved.AgentLogin);
        Assert.Equal(new DateOnly(2026, 11, 12), approved.FilingDate);
        Assert.Equal("RAD-998877", approved.FilingNumber);

        var rejected = await AdjustmentAsync(app, "E:ESC-T1-0002");
        Assert.Equal("E", rejected.CauseLetter);
        Assert.Equal(45000m, rejected.Amount);
        Assert.Equal(CarrierApproval.Rejected, rejected.Approval);
        Assert.Equal(AdjustmentState.RejectedToReview, rejected.State);
        Assert.Equal(new DateOnly(2026, 11, 20), rejected.RejectedCutoff);
        Assert.Equal("Sin soporte de pago", rejected.RejectionReason);
        Assert.Equal(new DateOnly(2026, 11, 10), rejected.FilingDate);

        // No escalation reference: the key falls back to account + cause + filing date.
        var byAccount = await AdjustmentAsync(app, "A:8012345673|E|2026-11-12");
        Assert.Equal(1234567.50m, byAccount.Amount);
        Assert.Equal(CarrierApproval.Pending, byAccount.Approval);
        Assert.Equal(AdjustmentState.ToVerify, byAccount.State);

        var pending = await AdjustmentAsync(app, "E:ESC-T1-0004");
        Assert.Equal("G", pending.CauseLetter);
        Assert.Null(pending.Amount);
        Assert.Equal(new DateOnly(2026, 11, 20), pending.FilingDate); // no filing date: the cut-off

        var warranty = await AdjustmentAsync(app, "E:ESC-T1-0005");
        Assert.Equal("M", warranty.CauseLetter);
        Assert.Equal(1234567.5m, warranty.Amount);

        var after = await CountsAsync(app);
        Assert.Equal(before.Adjustments + 5, after.Adjustments);
        Assert.Equal(before.Cuts + 1, after.Cuts);
        Assert.Equal(before.Records + 5, after.Records);
        Assert.Equal(before.Steps + 5, after.Steps);
        var (steps, audited) = await WithDbAsync(app, async (db, op) => (
            await db.AdjustmentSteps.CountAsync(s => s.AdjustmentId == approved.Id && s.Action == AdjustmentAction.Imported && s.ToState == AdjustmentState.ToInform && s.UserId != null && s.UserName != ""),
            await db.AuditEntries.CountAsync(e => e.Entity == "AdjustmentCut" && e.EntityId == summary.GetProperty("cutId").GetString())));
        Assert.Equal(1, steps);
        Assert.Equal(1, audited);

        // The list of cuts shows it with its summary.
        var cuts = await OkJsonAsync(await bo.GetAsync("/api/v1/adjustments/cuts?operation=adjustments-cell"));
        var cut = cuts.EnumerateArray().Single(c => c.GetProperty("id").GetString() == summary.GetProperty("cutId").GetString());
        Assert.Equal("ajustes_2026-11-20.xlsx", cut.GetProperty("fileName").GetString());
        Assert.Equal(5, cut.GetProperty("created").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(cut.GetProperty("importedBy").GetString()));
        Assert.Empty(app.LoggedErrors);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Semicolon_csv_in_windows_1252_and_utf8_reads_accents_and_the_cli_prints_the_issue_json(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        string[][] rows =
        [
            ["9000000001", "ESC-W-1", "Rechazado", "Cargos de reconexión", "RECHAZADO", "1.234.567,50", "", "ag.peña", "Sin soporte de pago oportuno"],
            ["9000000002", "ESC-W-2", "Aplicado", "Garantía de equipos", "APROBADO", "$ 45.000", "RAD-77", "ag.peña", ""],
            ["9000000003", "ESC-W-3", "Aplicado", "Cargos de conexión", "Aprobado", "45000", "RAD-78", "AG.ROJAS", ""],
        ];
        var path = TempFile(Csv(rows, Windows1252), "ajustes_2026-11-20.csv");
        var run = await CliAsync(app, "import", "adjustments", "--operation", Operation, "--file", path, "--json");
        Assert.True(run.Exit == 0, run.Out + run.Err);
        var json = run.Json!.Value;
        Assert.Equal(["created", "rejected", "rows", "unchanged", "updated"], json.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(3, N(json, "rows"));
        Assert.Equal(3, N(json, "created"));
        Assert.Equal(0, N(json, "rejected"));

        var reconnection = await AdjustmentAsync(app, "E:ESC-W-1");
        Assert.Equal("E", reconnection.CauseLetter);
        Assert.Equal(1234567.50m, reconnection.Amount);
        Assert.Equal("ag.peña", reconnection.AgentLogin);
        Assert.Equal("M", (await AdjustmentAsync(app, "E:ESC-W-2")).CauseLetter);
        Assert.Equal("K", (await AdjustmentAsync(app, "E:ESC-W-3")).CauseLetter);
        Assert.Equal("ag.rojas", (await AdjustmentAsync(app, "E:ESC-W-3")).AgentLogin);

        // The same content in UTF-8 (other keys) through the API.
        var bo = await app.ClientForAsync(BackOffice);
        var utf8 = rows.Select(r => r.Select((v, i) => i == 1 ? v.Replace("ESC-W", "ESC-U", StringComparison.Ordinal) : v).ToArray());
        var summary = await ImportOkAsync(bo, Csv(utf8, new UTF8Encoding(true)), "ajustes_20261120.csv");
        Assert.Equal(3, N(summary, "created"));
        Assert.Equal("E", (await AdjustmentAsync(app, "E:ESC-U-1")).CauseLetter);
        Assert.Equal("ag.peña", (await AdjustmentAsync(app, "E:ESC-U-1")).AgentLogin);

        // The human output lists the summary (and rejected rows with their lines).
        var bad = TempFile(Csv([["9000000009", "ESC-W-9", "", "Z", "", "", "", "ag.x", ""], ["9000000010", "ESC-W-10", "", "A", "", "", "", "ag.x", ""]]), "ajustes_2026-11-21.csv");
        var text = await CliAsync(app, "import", "adjustments", "--operation", Operation, "--file", bad);
        Assert.Equal(0, text.Exit);
        Assert.Contains("creados 1", text.Out, StringComparison.Ordinal);
        Assert.Contains("línea 2: Causal «Z» desconocida", text.Out, StringComparison.Ordinal);
    }

    private static string[] R(string account, string esc, string approval, string amount, string reason = "", string cause = "A", string filing = "") =>
        [account, esc, approval == "APROBADO" ? "Aplicado" : "En trámite", cause, approval, amount, filing, "agent.adjustments-cell", reason];

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task A_later_cut_updates_the_carrier_values_keeps_the_cells_work_and_the_history_by_cut(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var bo = await app.ClientForAsync(BackOffice);
        var first = await ImportOkAsync(bo, Csv([R("7001", "ESC-M-1", "PENDIENTE", "10.000"), R("7002", "ESC-M-2", "PENDIENTE", "20.000"), R("7003", "ESC-M-3", "RECHAZADO", "30.000", "Sin soporte")]), "ajustes_2026-11-13.csv");
        Assert.Equal(3, N(first, "created"));

        // The cell works two of them between the cuts.
        await WithDbAsync(app, async (db, op) =>
        {
            var worked = await db.Adjustments.SingleAsync(a => a.OperationId == op && a.Key == "E:ESC-M-1");
            worked.State = AdjustmentState.InBackOffice;
            worked.EvidenceChecked = ["Ticket de falla o visita técnica"];
            worked.AssignedTo = BackOffice;
            db.AdjustmentSteps.Add(new AdjustmentStep(worked, AdjustmentAction.Verified, AdjustmentState.ToVerify, AdjustmentState.InBackOffice, DateTimeOffset.UnixEpoch.AddYears(56), null, BackOffice, "Verificado"));
            var informed = await db.Adjustments.SingleAsync(a => a.OperationId == op && a.Key == "E:ESC-M-3");
            informed.State = AdjustmentState.CustomerInformed;
            informed.Resolution = AdjustmentResolution.RejectedCorrectly;
            await db.SaveChangesAsync();
            return 0;
        });
        var versionBefore = (await AdjustmentAsync(app, "E:ESC-M-1")).Version;

        var secondFile = Csv([R("7001", "ESC-M-1", "APROBADO", "12.500", filing: "RAD-1"), R("7002", "ESC-M-2", "PENDIENTE", "20.000"), R("7003", "ESC-M-3", "RECHAZADO", "30.000", "Sin soporte de pago"), R("7004", "ESC-M-4", "PENDIENTE", "5.000")]);
        var second = await ImportOkAsync(bo, secondFile, "ajustes_2026-11-20.csv");
        Assert.Equal((4, 1, 2, 1, 0), (N(second, "rows"), N(second, "created"), N(second, "updated"), N(second, "unchanged"), N(second, "rejected")));

        var approved = await AdjustmentAsync(app, "E:ESC-M-1");
        Assert.Equal(12500m, approved.Amount);
        Assert.Equal("RAD-1", approved.FilingNumber);
        Assert.Equal(CarrierApproval.Approved, approved.Approval);
        Assert.Equal(AdjustmentState.ToInform, approved.State); // a waiting state moves with the carrier's decision
        Assert.Equal(["Ticket de falla o visita técnica"], approved.EvidenceChecked);
        Assert.Equal(BackOffice, approved.AssignedTo);
        Assert.Equal(new DateOnly(2026, 11, 13), approved.FirstCutoff);
        Assert.Equal(new DateOnly(2026, 11, 20), approved.LastCutoff);
        Assert.Equal(new DateOnly(2026, 11, 20), approved.ApprovedCutoff);
        Assert.NotEqual(versionBefore, approved.Version);

        var informed = await AdjustmentAsync(app, "E:ESC-M-3");
        Assert.Equal(AdjustmentState.CustomerInformed, informed.State); // the cell's work is not undone
        Assert.Equal(AdjustmentResolution.RejectedCorrectly, informed.Resolution);
        Assert.Equal("Sin soporte de pago", informed.RejectionReason);
        Assert.Equal(new DateOnly(2026, 11, 13), informed.RejectedCutoff);

        var (records, verified, importedMoves) = await WithDbAsync(app, async (db, _) => (
            await db.AdjustmentCutRecords.Where(r => r.AdjustmentId == approved.Id).OrderBy(r => r.Cutoff).Select(r => new { r.Cutoff, r.Approval, r.Amount }).ToListAsync(),
            await db.AdjustmentSteps.CountAsync(s => s.AdjustmentId == approved.Id && s.Action == AdjustmentAction.Verified),
            await db.AdjustmentSteps.CountAsync(s => s.AdjustmentId == approved.Id && s.Action == AdjustmentAction.Imported && s.FromState == AdjustmentState.InBackOffice && s.ToState == AdjustmentState.ToInform)));
        Assert.Equal(2, records.Count);
        Assert.Equal((new DateOnly(2026, 11, 13), CarrierApproval.Pending, (decimal?)10000m), (records[0].Cutoff, records[0].Approval, records[0].Amount));
        Assert.Equal((new DateOnly(2026, 11, 20), CarrierApproval.Approved, (decimal?)12500m), (records[1].Cutoff, records[1].Approval, records[1].Amount));
        Assert.Equal(1, verified);
        Assert.Equal(1, importedMoves);

        // The same cut again: idempotent.
        var counts = await CountsAsync(app);
        var again = await ImportOkAsync(bo, secondFile, "ajustes_2026-11-20.csv");
        Assert.Equal((4, 0, 0, 4), (N(again, "rows"), N(again, "created"), N(again, "updated"), N(again, "unchanged")));
        var afterAgain = await CountsAsync(app);
        Assert.Equal((counts.Adjustments, counts.Records, counts.Steps), (afterAgain.Adjustments, afterAgain.Records, afterAgain.Steps));
        Assert.Equal(approved.Version, (await AdjustmentAsync(app, "E:ESC-M-1")).Version);

        // An older cut only adds its history row.
        var older = await ImportOkAsync(bo, Csv([R("7001", "ESC-M-1", "RECHAZADO", "99.000", "Otro")]), "ajustes_2026-11-06.csv");
        Assert.Equal((1, 0, 0, 1), (N(older, "rows"), N(older, "created"), N(older, "updated"), N(older, "unchanged")));
        var still = await AdjustmentAsync(app, "E:ESC-M-1");
        Assert.Equal((CarrierApproval.Approved, (decimal?)12500m, AdjustmentState.ToInform, new DateOnly(2026, 11, 20)), (still.Approval, still.Amount, still.State, still.LastCutoff));
        Assert.Null(still.RejectedCutoff);
        Assert.Equal(3, await WithDbAsync(app, (db, _) => db.AdjustmentCutRecords.CountAsync(r => r.AdjustmentId == approved.Id)));
        Assert.Empty(app.LoggedErrors);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task The_cut_off_comes_from_the_option_or_the_file_name_and_without_one_nothing_is_written(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var content = Csv([R("6001", "ESC-C-1", "PENDIENTE", "")]);
        var before = await CountsAsync(app);

        var noDate = TempFile(content, "base_ajustes.csv");
        var refused = await CliAsync(app, "import", "adjustments", "--operation", Operation, "--file", noDate, "--json");
        Assert.Equal(2, refused.Exit);
        Assert.Equal("adjustments.cutoff_required", refused.Json!.Value.GetProperty("error").GetString());
        Assert.Contains("fecha de corte", refused.Json!.Value.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync(app));

        var bo = await app.ClientForAsync(BackOffice);
        var api = await UploadAsync(bo, content, "base_ajustes.csv");
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        Assert.Contains("adjustments.cutoff_required", await api.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync(app));

        Assert.Equal(2, (await CliAsync(app, "import", "adjustments", "--operation", Operation, "--file", noDate, "--cutoff", "20-11-2026")).Exit);
        var given = await CliAsync(app, "import", "adjustments", "--operation", Operation, "--file", noDate, "--cutoff", "2026-11-19", "--json");
        Assert.Equal(0, given.Exit);
        Assert.Equal(new DateOnly(2026, 11, 19), (await AdjustmentAsync(app, "E:ESC-C-1")).LastCutoff);

        var compact = await ImportOkAsync(bo, Csv([R("6002", "ESC-C-2", "PENDIENTE", "")]), "Ajustes_20261121_final.csv");
        Assert.Equal("2026-11-21", compact.GetProperty("cutoff").GetString());
        var dashed = await ImportOkAsync(bo, Csv([R("6003", "ESC-C-3", "PENDIENTE", "")]), "ajustes_2026-11-22.csv", cutoff: "2026-11-23");
        Assert.Equal("2026-11-23", dashed.GetProperty("cutoff").GetString()); // the given cut-off wins over the name
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Bad_files_are_refused_whole_and_bad_rows_are_rejected_with_their_lines(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var bo = await app.ClientForAsync(BackOffice);
        var before = await CountsAsync(app);

        // Missing required column (cuenta).
        var noAccount = Csv(Headers.Where(h => h != "cuenta").ToArray(), [["ESC-B-1", "x", "A", "APROBADO", "1000", "R", "ag.x", ""]]);
        var missing = await UploadAsync(bo, noAccount, "ajustes_2026-11-20.csv");
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        var problem = await missing.Content.ReadAsStringAsync();
        Assert.Contains("adjustments.missing_columns", problem, StringComparison.Ordinal);
        Assert.Contains("cuenta", problem, StringComparison.Ordinal);

        // Unreadable: not a workbook, and a damaged one.
        var notXlsx = await UploadAsync(bo, Encoding.UTF8.GetBytes("esto no es un libro de Excel"), "ajustes_2026-11-20.xlsx");
        Assert.Equal(HttpStatusCode.BadRequest, notXlsx.StatusCode);
        var book = Xlsx([Row("1", "ESC-B-2", "x", "A", "APROBADO", 1, null, "ag.x", null, null)]);
        var damaged = book.Take(book.Length / 2).ToArray();
        var broken = await UploadAsync(bo, damaged, "ajustes_2026-11-20.xlsx");
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);

        // Every row bad: a bad file, nothing written.
        var allBad = await UploadAsync(bo, Csv([R("5001", "ESC-B-3", "PENDIENTE", "-5", cause: "Z"), R("", "ESC-B-4", "PENDIENTE", "")]), "ajustes_2026-11-20.csv");
        Assert.Equal(HttpStatusCode.BadRequest, allBad.StatusCode);
        var allBadText = await allBad.Content.ReadAsStringAsync();
        Assert.Contains("adjustments.bad_file", allBadText, StringComparison.Ordinal);
        Assert.Contains("línea 2", allBadText, StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync(app));

        // Bad rows among good ones: those rows are rejected with their line (header = line 1), the rest load.
        string[][] rows =
        [
            R("5101", "ESC-B-10", "APROBADO", "45.000"),                                           // line 2 ok
            R("5102", "ESC-B-11", "PENDIENTE", ""),                                                // line 3 ok
            R("5103", "ESC-B-12", "PENDIENTE", "", cause: "Z"),                                    // line 4 unknown cause
            R("5104", "esc-b-10", "RECHAZADO", "1.000"),                                           // line 5 same key as line 2
            R("5105", "ESC-B-14", "PENDIENTE", "-500"),                                            // line 6 negative amount
            ["5106", "ESC-B-15", "x", "A", "PENDIENTE", "", "", "", ""],                           // line 7 no login
            R("5107", "ESC-B-16", "QUIZÁS", ""),                                                   // line 8 unknown approval
            R("5108", "ESC-B-17", "PENDIENTE", "doce mil"),                                        // line 9 garbage amount
        ];
        var summary = await ImportOkAsync(bo, Csv(rows), "ajustes_2026-11-20.csv");
        Assert.Equal((8, 2, 6), (N(summary, "rows"), N(summary, "created"), N(summary, "rejected")));
        var rejected = summary.GetProperty("rejectedRows").EnumerateArray().Select(r => (r.GetProperty("line").GetInt64(), r.GetProperty("reason").GetString()!)).ToList();
        Assert.Equal([4L, 5, 6, 7, 8, 9], rejected.Select(r => r.Item1).ToArray());
        Assert.Contains("Causal «Z» desconocida", rejected[0].Item2, StringComparison.Ordinal);
        Assert.Contains("duplicado en el archivo", rejected[1].Item2, StringComparison.Ordinal);
        Assert.Contains("Valor «-500»", rejected[2].Item2, StringComparison.Ordinal);
        Assert.Contains("login", rejected[3].Item2, StringComparison.Ordinal);
        Assert.Contains("QUIZÁS", rejected[4].Item2, StringComparison.Ordinal);
        var after = await CountsAsync(app);
        Assert.Equal(before.Adjustments + 2, after.Adjustments);
        Assert.Equal(CarrierApproval.Approved, (await AdjustmentAsync(app, "E:ESC-B-10")).Approval); // the first row of the key wins
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Only_users_of_the_cell_who_may_import_load_the_base(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var content = Csv([R("4001", "ESC-T-1", "PENDIENTE", "")]);
        var before = await CountsAsync(app);

        var otherClient = await app.ClientForAsync("backoffice.digital-sales");
        Assert.Equal(HttpStatusCode.NotFound, (await UploadAsync(otherClient, content, "ajustes_2026-11-20.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherClient.GetAsync("/api/v1/adjustments/cuts?operation=adjustments-cell")).StatusCode);

        var agent = await app.ClientForAsync("agent.adjustments-cell");
        Assert.Equal(HttpStatusCode.Forbidden, (await UploadAsync(agent, content, "ajustes_2026-11-20.csv")).StatusCode);

        var otherKind = await app.ClientForAsync("backoffice.sales-cell");
        Assert.Equal(HttpStatusCode.BadRequest, (await UploadAsync(otherKind, content, "ajustes_2026-11-20.csv", operation: "sales-cell")).StatusCode);
        Assert.Equal(before, await CountsAsync(app));

        var marshall = await app.ClientForAsync("datamarshall.adjustments-cell");
        Assert.Equal(1, N(await ImportOkAsync(marshall, content, "ajustes_2026-11-20.csv"), "created"));
        var supervisor = await app.ClientForAsync("supervisor.telco-co");
        Assert.Equal(1, N(await ImportOkAsync(supervisor, content, "ajustes_2026-11-20.csv"), "unchanged"));

        var unknown = await CliAsync(app, "import", "adjustments", "--operation", "no-such-op", "--file", TempFile(content, "ajustes_2026-11-20.csv"), "--json");
        Assert.Equal(2, unknown.Exit);
        var missingFile = await CliAsync(app, "import", "adjustments", "--operation", Operation, "--file", "/nonexistent/ajustes_2026-11-20.csv");
        Assert.Equal(2, missingFile.Exit);
        Assert.Equal(2, (await CliAsync(app, "import", "adjustments", "--operation", Operation)).Exit); // --file is required
    }
}
