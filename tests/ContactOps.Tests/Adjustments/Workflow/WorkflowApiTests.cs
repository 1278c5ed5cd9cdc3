using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ContactOps.Modules.Adjustments;
using ContactOps.Tests.Infrastructure;
using Xunit;
using static ContactOps.Tests.Adjustments.Workflow.AdjustmentsKit;

namespace ContactOps.Tests.Adjustments.Workflow;

/// <summary>
/// Every path of one adjustment's procedure through the API, on both engines. The clock starts on Friday 2026-12-04
/// (Bogotá); expected dates are counted by hand in <see cref="RegulatoryClockTests"/> (Dec 8 and Dec 25 are holidays).
/// </summary>
public class WorkflowApiTests
{
    private static Dictionary<string, object?> F(params (string Key, object? Value)[] pairs) => pairs.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Approved_is_informed_with_filing_number_and_amount_then_accepted_and_closed(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var kit = Start(app);
        var id = await kit.CutAsync("KIT-APR-1", CarrierApproval.Approved, amount: 45_000m, filing: "RAD-778899");
        var bo = await kit.ClientAsync(BackOffice);

        var detail = await GetAsync(bo, id);
        Assert.Equal("ToInform", State(detail));
        Assert.Equal("Approved", detail.GetProperty("row").GetProperty("resolution").GetString());
        Assert.Contains("inform", detail.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()));
        Assert.Single(detail.GetProperty("cuts").EnumerateArray());

        // The message must quote the filing number and the amount.
        var missing = await ProblemAsync(await ActAsync(bo, id, "inform", F(("outcome", "informed"), ("message", "Su ajuste fue aprobado por $ 45.000."))));
        Assert.Equal(HttpStatusCode.BadRequest, missing.Status);
        Assert.Contains("RAD-778899", missing.Detail + missing.Body.GetRawText(), StringComparison.Ordinal);
        var noAmount = await ProblemAsync(await ActAsync(bo, id, "inform", F(("outcome", "informed"), ("message", "Radicado RAD-778899, ajuste aprobado."))));
        Assert.Equal(HttpStatusCode.BadRequest, noAmount.Status);

        var informed = await DoAsync(bo, id, "inform", F(("outcome", "informed"), ("message", "Se aplicó el ajuste por $ 45.000 con radicado RAD-778899.")));
        Assert.Equal("CustomerInformed", State(informed));
        Assert.Equal("2026-12-04", Str(informed, "answerNotifiedOn"));
        Assert.Equal("2026-12-21", Str(informed.GetProperty("row"), "appealDeadlineOn"));
        Assert.NotEqual(Version(detail), Version(informed));

        var closed = await DoAsync(bo, id, "accept", F(("note", "Cliente conforme.")));
        Assert.Equal("Closed", State(closed));
        var steps = closed.GetProperty("steps").EnumerateArray().ToList();
        Assert.Equal(["CustomerInformed", "CustomerAccepted"], steps.Select(s => s.GetProperty("action").GetString()));
        Assert.All(steps, s => Assert.Equal("Back office adjustments-cell", s.GetProperty("userName").GetString()));
        Assert.Contains("RAD-778899", steps[0].GetProperty("dataJson").GetString(), StringComparison.Ordinal);
        Assert.Empty(closed.GetProperty("allowedActions").EnumerateArray());
        Assert.Empty(app.LoggedErrors);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Customer_informed_needs_what_was_told_and_required_notes_need_words(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var kit = Start(app);
        var id = await kit.CutAsync("KIT-INF-1", CarrierApproval.Rejected, reason: "Sin soporte de la falla");
        var supervisor = await kit.ClientAsync(Supervisor);
        var confirmed = await DoAsync(supervisor, id, "review", F(("outcome", "correct"), ("note", "Rechazo correcto: sin soporte.")));
        Assert.Equal("ToInform", State(confirmed));

        // "Cliente informado" without what the customer was told: refused with its own code, nothing recorded.
        foreach (var message in new object?[] { null, "", "   ", " . - " })
        {
            var refused = await ProblemAsync(await ActAsync(supervisor, id, "inform", F(("outcome", "informed"), ("message", message))));
            Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
            Assert.Equal("adjustment.informed_text_required", refused.Code);
            Assert.Contains("message", refused.Body.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        }

        var still = await GetAsync(supervisor, id);
        Assert.Equal("ToInform", State(still));
        Assert.Equal(Version(confirmed), Version(still));

        // A required note made only of punctuation is no note either (closing needs one).
        var close = await ProblemAsync(await ActAsync(supervisor, id, "close", F(("note", "..."))));
        Assert.Equal(HttpStatusCode.BadRequest, close.Status);

        var informed = await DoAsync(supervisor, id, "inform", F(("outcome", "informed"), ("message", "Se le explicó que el ajuste se rechazó por falta de soporte de la falla.")));
        Assert.Equal("CustomerInformed", State(informed));
        Assert.Empty(app.LoggedErrors);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Unreachable_customer_gets_voice_messages_and_retries_until_attempts_run_out_then_is_informed(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var kit = Start(app);
        var id = await kit.CutAsync("KIT-VOZ-1", CarrierApproval.Approved, amount: 120_500m, filing: "RAD-5511");
        var bo = await kit.ClientAsync(BackOffice);
        const string Voice = "Buenos días, su ajuste por $ 120.500 fue aprobado con radicado RAD-5511.";

        var noText = await ProblemAsync(await ActAsync(bo, id, "inform", F(("outcome", "unreachable"))));
        Assert.Equal(HttpStatusCode.BadRequest, noText.Status);

        var first = await DoAsync(bo, id, "inform", F(("outcome", "unreachable"), ("message", Voice)));
        Assert.Equal("VoiceMessageLeft", State(first));
        var row = first.GetProperty("row");
        Assert.Equal(1, row.GetProperty("contactAttempts").GetInt32());
        Assert.Equal(new DateTimeOffset(2026, 12, 5, 15, 0, 0, TimeSpan.Zero), row.GetProperty("nextContactAt").GetDateTimeOffset());
        Assert.False(row.GetProperty("attemptsExhausted").GetBoolean());

        // The voice message counts as the notification: the appeal term runs from the first one.
        Assert.Equal("2026-12-04", Str(first, "answerNotifiedOn"));
        Assert.Equal("2026-12-21", Str(row, "appealDeadlineOn"));

        await kit.SetTodayAsync("2026-12-07");
        var second = await DoAsync(bo, id, "inform", F(("outcome", "unreachable"), ("message", Voice)));
        Assert.Equal(2, second.GetProperty("row").GetProperty("contactAttempts").GetInt32());
        await kit.SetTodayAsync("2026-12-09");
        var third = await DoAsync(bo, id, "inform", F(("outcome", "unreachable"), ("message", Voice)));
        row = third.GetProperty("row");
        Assert.Equal(3, row.GetProperty("contactAttempts").GetInt32());
        Assert.Equal(JsonValueKind.Null, row.GetProperty("nextContactAt").ValueKind);
        Assert.True(row.GetProperty("attemptsExhausted").GetBoolean());
        Assert.Equal("2026-12-04", Str(third, "answerNotifiedOn"));

        var fourth = await ProblemAsync(await ActAsync(bo, id, "inform", F(("outcome", "unreachable"), ("message", Voice))));
        Assert.Equal(HttpStatusCode.Conflict, fourth.Status);
        Assert.Equal("adjustment.attempts_exhausted", fourth.Code);
        Assert.Equal(3, (await kit.LoadAsync(id)).ContactAttempts);

        await kit.SetTodayAsync("2026-12-10");
        var informed = await DoAsync(bo, id, "inform", F(("outcome", "informed"), ("message", "Cliente devolvió la llamada; se le informó el radicado RAD-5511 por 120500.")));
        Assert.Equal("CustomerInformed", State(informed));
        Assert.Equal("2026-12-04", Str(informed, "answerNotifiedOn"));
        Assert.Equal(4, await kit.StepCountAsync(id));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task A_correct_rejection_is_explained_to_the_customer(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var kit = Start(app);
        var id = await kit.CutAsync("KIT-REJ-OK", CarrierApproval.Rejected, reason: "Sin soporte de la falla");
        var bo = await kit.ClientAsync(BackOffice);
        Assert.Equal("RejectedToReview", State(await GetAsync(bo, id)));

        var noNote = await ProblemAsync(await ActAsync(bo, id, "review", F(("outcome", "correct"))));
        Assert.Equal(HttpStatusCode.BadRequest, noNote.Status);

        var reviewed = await DoAsync(bo, id, "review", F(("outcome", "correct"), ("note", "No hay ticket de falla en las fechas reportadas.")));
        Assert.Equal("ToInform", State(reviewed));
        Assert.Equal("RejectedCorrectly", reviewed.GetProperty("row").GetProperty("resolution").GetString());

        var informed = await DoAsync(bo, id, "inform", F(("outcome", "informed"), ("message", "Se explicó que el ajuste no procede sin ticket de falla.")));
        Assert.Equal("CustomerInformed", State(informed));
        var adjustment = await kit.LoadAsync(id);
        Assert.False(adjustment.Corrected);
        Assert.Equal(D("2026-12-03"), adjustment.RejectedCutoff);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task A_wrong_rejection_is_re_escalated_counts_as_corrected_and_a_later_cut_approves_it(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var kit = Start(app);
        var id = await kit.CutAsync("KIT-REJ-BAD", CarrierApproval.Rejected, reason: "Causal no aplica", cutoff: "2026-12-03");
        var bo = await kit.ClientAsync(BackOffice);

        var noMarking = await ProblemAsync(await ActAsync(bo, id, "review", F(("outcome", "wrong"))));
        Assert.Equal(HttpStatusCode.BadRequest, noMarking.Status);

        var reEscalated = await DoAsync(bo, id, "review", F(("outcome", "wrong"), ("marking", "Marcación 2 con ticket 99812 adjunto"), ("note", "El ticket sí existe")));
        Assert.Equal("ReEscalated", State(reEscalated));
        var row = reEscalated.GetProperty("row");
        Assert.True(row.GetProperty("corrected").GetBoolean());
        Assert.Equal("2026-12-04", Str(row, "pqrFiledOn"));
        Assert.Equal("2026-12-21", Str(row, "pqrFlagOn"));
        Assert.Equal("2026-12-29", Str(row, "pqrDueOn"));
        Assert.Equal("OnTime", Str(row, "clock"));
        Assert.Equal(15, row.GetProperty("businessDaysLeft").GetInt32());
        Assert.Equal("CASOSPQR-PQRRES", Str(reEscalated, "pqrDestination"));

        // The same cut seen again is not a new answer; a later cut's approval is.
        await kit.CutAsync("KIT-REJ-BAD", CarrierApproval.Rejected, reason: "Causal no aplica", cutoff: "2026-12-03");
        Assert.Equal(AdjustmentState.ReEscalated, (await kit.LoadAsync(id)).State);
        await kit.CutAsync("KIT-REJ-BAD", CarrierApproval.Approved, amount: 30_000m, filing: "RAD-3003", cutoff: "2026-12-10");
        var adjustment = await kit.LoadAsync(id);
        Assert.Equal(AdjustmentState.ToInform, adjustment.State);
        Assert.True(adjustment.Corrected);
        Assert.NotNull(adjustment.CorrectedAt);
        Assert.Equal(D("2026-12-03"), adjustment.ReEscalatedAfterCutoff);
        Assert.Equal(D("2026-12-10"), adjustment.PqrAnsweredOn);
        Assert.Equal(AdjustmentResolution.Approved, adjustment.Resolution);

        var detail = await GetAsync(bo, id);
        Assert.Equal(2, detail.GetProperty("cuts").GetArrayLength());
        Assert.Equal("None", Str(detail.GetProperty("row"), "clock"));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Verify_sends_to_the_back_office_with_all_evidence_and_to_pqr_without_it(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var kit = Start(app);
        var complete = await kit.CutAsync("KIT-VER-1", CarrierApproval.Pending, cause: "A");
        var partial = await kit.CutAsync("KIT-VER-2", CarrierApproval.Pending, cause: "A");
        var bo = await kit.ClientAsync(BackOffice);
        var detail = await GetAsync(bo, complete);
        Assert.Equal("ToVerify", State(detail));
        var evidence = detail.GetProperty("cause").GetProperty("evidence").EnumerateArray().Select(e => e.GetString()!).ToArray();
        Assert.Equal(2, evidence.Length);

        var unknown = await ProblemAsync(await ActAsync(bo, complete, "verify", F(("canBackOfficeHandle", true), ("evidence", new[] { "Foto del recibo" }))));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.Status);
        var noDecision = await ProblemAsync(await ActAsync(bo, complete, "verify", F(("evidence", evidence))));
        Assert.Equal(HttpStatusCode.BadRequest, noDecision.Status);

        var toBackOffice = await DoAsync(bo, complete, "verify", F(("canBackOfficeHandle", true), ("evidence", evidence)));
        Assert.Equal("InBackOffice", State(toBackOffice));
        Assert.Equal(JsonValueKind.Null, toBackOffice.GetProperty("row").GetProperty("pqrDueOn").ValueKind);

        // Evidence missing: escalation to PQR is mandatory even if the back office could handle it; the cause is corrected to D.
        var dEvidence = (await GetAsync(bo, partial)).GetProperty("activeCauses").EnumerateArray()
            .Single(c => c.GetProperty("letter").GetString() == "D").GetProperty("evidence")[0].GetString();
        var toPqr = await DoAsync(bo, partial, "verify", F(("canBackOfficeHandle", true), ("causeLetter", "d"), ("evidence", new[] { dEvidence })));
        Assert.Equal("EscalatedToPqr", State(toPqr));
        var row = toPqr.GetProperty("row");
        Assert.Equal("D", Str(row, "causeLetter"));
        Assert.Equal("2026-12-04", Str(row, "pqrFiledOn"));
        Assert.Equal("2026-12-21", Str(row, "pqrFlagOn"));
        Assert.Equal("2026-12-29", Str(row, "pqrDueOn"));
        Assert.Equal("CASOSPQR-PQRRES", Str(toPqr, "pqrDestination"));

        // Escalate explicitly from the back office; then the PQR answer recorded by hand.
        var escalated = await DoAsync(bo, complete, "escalate", F(("note", "El back office no tiene acceso a la cuenta")));
        Assert.Equal("EscalatedToPqr", State(escalated));
        var badAnswer = await ProblemAsync(await ActAsync(bo, complete, "answer", F(("outcome", "approved"), ("amount", 10_000m))));
        Assert.Equal(HttpStatusCode.BadRequest, badAnswer.Status);
        await kit.SetTodayAsync("2026-12-10");
        var answered = await DoAsync(bo, complete, "answer", F(("outcome", "approved"), ("amount", 10_000m), ("filingNumber", "RAD-1010")));
        Assert.Equal("ToInform", State(answered));
        Assert.Equal("2026-12-10", Str(answered, "pqrAnsweredOn"));
        Assert.Equal("RAD-1010", Str(answered.GetProperty("row"), "filingNumber"));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task An_appeal_is_filed_within_the_term_and_refused_after_it(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var kit = Start(app);
        var inTerm = await kit.CutAsync("KIT-APL-1", CarrierApproval.Approved, amount: 5_000m, filing: "RAD-A1");
        var late = await kit.CutAsync("KIT-APL-2", CarrierApproval.Approved, amount: 5_000m, filing: "RAD-A2");
        var bo = await kit.ClientAsync(BackOffice);
        await DoAsync(bo, inTerm, "inform", F(("outcome", "informed"), ("message", "Radicado RAD-A1 por 5.000")));
        await DoAsync(bo, late, "inform", F(("outcome", "informed"), ("message", "Radicado RAD-A2 por 5.000")));

        // Deadline Mon 2026-12-21 (10 business days after Fri Dec 4, Dec 8 a holiday): the last day is still in term.
        await kit.SetTodayAsync("2026-12-21");
        var subsidioAlone = await ProblemAsync(await ActAsync(bo, inTerm, "appeal", F(("subsidio", true), ("grounds", "No está de acuerdo con el valor"))));
        Assert.Equal(HttpStatusCode.BadRequest, subsidioAlone.Status);
        Assert.True(subsidioAlone.Body.GetProperty("errors").TryGetProperty("reposicion", out _));

        var filed = await DoAsync(bo, inTerm, "appeal", F(("reposicion", true), ("subsidio", true), ("grounds", "El valor no cubre todo el periodo de la falla")));
        Assert.Equal("AppealFiled", State(filed));
        var row = filed.GetProperty("row");
        Assert.Equal("2026-12-21", Str(row, "pqrFiledOn"));
        // From Mon Dec 21: 22(1) 23(2) 24(3) [25] 28(4) 29(5) 30(6) 31(7) [Jan 1] Jan 4(8) 5(9) 6(10) 7(11) 8(12) [11] 12(13) 13(14) 14(15).
        Assert.Equal("2027-01-06", Str(row, "pqrFlagOn"));
        Assert.Equal("2027-01-14", Str(row, "pqrDueOn"));
        Assert.NotEqual(JsonValueKind.Null, filed.GetProperty("appealFiledAt").ValueKind);
        var step = filed.GetProperty("steps").EnumerateArray().Last();
        Assert.Equal("AppealFiled", step.GetProperty("action").GetString());
        using (var data = JsonDocument.Parse(step.GetProperty("dataJson").GetString()!))
        {
            Assert.True(data.RootElement.GetProperty("reposicion").GetBoolean());
            Assert.True(data.RootElement.GetProperty("subsidioApelacion").GetBoolean());
            Assert.Equal("CASOSPQR-PQRRES", data.RootElement.GetProperty("destination").GetString());
        }

        await kit.SetTodayAsync("2026-12-22");
        var before = await kit.LoadAsync(late);
        var refused = await ProblemAsync(await ActAsync(bo, late, "appeal", F(("reposicion", true), ("grounds", "No acepta"))));
        Assert.Equal(HttpStatusCode.Conflict, refused.Status);
        Assert.Equal("adjustment.appeal_out_of_term", refused.Code);
        Assert.Contains("fuera de término", refused.Detail, StringComparison.Ordinal);
        var after = await kit.LoadAsync(late);
        Assert.Equal(AdjustmentState.CustomerInformed, after.State);
        Assert.Equal(before.Version, after.Version);

        var closed = await DoAsync(bo, inTerm, "appeal-answer", F(("note", "Se confirma el valor aplicado")));
        Assert.Equal("Closed", State(closed));
        Assert.Equal("2026-12-22", Str(closed, "pqrAnsweredOn"));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Refused_transitions_answer_409_naming_the_state_and_change_nothing(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var kit = Start(app);
        var toVerify = await kit.CutAsync("KIT-REF-1", CarrierApproval.Pending);
        var toInform = await kit.CutAsync("KIT-REF-2", CarrierApproval.Approved, amount: 1_000m, filing: "RAD-R2");
        var bo = await kit.ClientAsync(BackOffice);
        var cases = new (Guid Id, string Action, Dictionary<string, object?> Fields, string StateName)[]
        {
            (toVerify, "inform", F(("outcome", "informed"), ("message", "x")), "Por verificar"),
            (toVerify, "appeal", F(("reposicion", true), ("grounds", "x")), "Por verificar"),
            (toVerify, "accept", F(), "Por verificar"),
            (toVerify, "review", F(("outcome", "correct"), ("note", "x")), "Por verificar"),
            (toVerify, "answer", F(("outcome", "rejected"), ("reason", "x")), "Por verificar"),
            (toInform, "verify", F(("canBackOfficeHandle", true)), "Por informar"),
            (toInform, "escalate", F(("note", "x")), "Por informar"),
            (toInform, "appeal-answer", F(("note", "x")), "Por informar"),
        };
        foreach (var (id, action, fields, stateName) in cases)
        {
            var before = await kit.LoadAsync(id);
            var steps = await kit.StepCountAsync(id);
            var problem = await ProblemAsync(await ActAsync(bo, id, action, fields));
            Assert.Equal(HttpStatusCode.Conflict, problem.Status);
            Assert.Equal("adjustment.transition_refused", problem.Code);
            Assert.Contains($"el ajuste está en «{stateName}»", problem.Detail, StringComparison.Ordinal);
            var after = await kit.LoadAsync(id);
            Assert.Equal(before.State, after.State);
            Assert.Equal(before.Version, after.Version);
            Assert.Equal(steps, await kit.StepCountAsync(id));
        }

        var unknown = await bo.PostAsJsonAsync($"/api/v1/adjustments/{toVerify}/fly", new { version = Guid.NewGuid() });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task A_stale_version_is_a_conflict(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var kit = Start(app);
        var id = await kit.CutAsync("KIT-VER-STALE", CarrierApproval.Approved, amount: 2_000m, filing: "RAD-S1");
        var bo = await kit.ClientAsync(BackOffice);
        var seen = Version(await GetAsync(bo, id));
        await DoAsync(bo, id, "assign", F());
        var stale = await ProblemAsync(await bo.PostAsJsonAsync($"/api/v1/adjustments/{id}/inform", new { version = seen, outcome = "informed", message = "RAD-S1 por 2.000" }));
        Assert.Equal(HttpStatusCode.Conflict, stale.Status);
        Assert.Equal("adjustment.stale_version", stale.Code);
        Assert.Equal(AdjustmentState.ToInform, (await kit.LoadAsync(id)).State);
        var missing = await bo.PostAsJsonAsync($"/api/v1/adjustments/{id}/inform", new { outcome = "informed", message = "RAD-S1 por 2.000" });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Roles_and_tenancy_agents_are_refused_other_clients_do_not_see_it_only_supervisors_close(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var kit = Start(app);
        var id = await kit.CutAsync("KIT-ROLE-1", CarrierApproval.Pending);
        var agent = await kit.ClientAsync(Agent);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync($"/api/v1/adjustments/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync($"/api/v1/adjustments?operation={Operation}")).StatusCode);
        var version = (await kit.LoadAsync(id)).Version;
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.PostAsJsonAsync($"/api/v1/adjustments/{id}/escalate", new { version, note = "x" })).StatusCode);

        var bolivia = await kit.ClientAsync("backoffice.digital-sales");
        Assert.Equal(HttpStatusCode.NotFound, (await bolivia.GetAsync($"/api/v1/adjustments/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bolivia.PostAsJsonAsync($"/api/v1/adjustments/{id}/escalate", new { version, note = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bolivia.GetAsync($"/api/v1/adjustments?operation={Operation}")).StatusCode);

        var bo = await kit.ClientAsync(BackOffice);
        var close = await ProblemAsync(await ActAsync(bo, id, "close", F(("note", "duplicado"))));
        Assert.Equal(HttpStatusCode.Forbidden, close.Status);
        Assert.DoesNotContain("close", (await GetAsync(bo, id)).GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()));
        var assignOther = await ProblemAsync(await ActAsync(bo, id, "assign", F(("userName", Supervisor))));
        Assert.Equal(HttpStatusCode.Forbidden, assignOther.Status);

        var sup = await kit.ClientAsync(Supervisor);
        var assigned = await DoAsync(sup, id, "assign", F(("userName", BackOffice)));
        Assert.Equal("Back office adjustments-cell", Str(assigned.GetProperty("row"), "assignedTo"));
        Assert.Equal("ToVerify", State(assigned));
        var noNote = await ProblemAsync(await ActAsync(sup, id, "close", F()));
        Assert.Equal(HttpStatusCode.BadRequest, noNote.Status);
        var closed = await DoAsync(sup, id, "close", F(("note", "Duplicado del escalamiento KIT-ROLE-0")));
        Assert.Equal("Closed", State(closed));
        Assert.Equal(AdjustmentState.Closed, (await kit.LoadAsync(id)).State);
    }

    [Theory]
    // SQLite case removed for now: on SQLite this test hangs after the fake clock is moved (a busy loop, seen in CI on
    // 2026-11-24; the PostgreSQL case passes in 5 s). Tracked as a known gap in the README until the cause is found.
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task The_queue_filters_by_state_clock_agent_and_search_and_counts_per_state(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var kit = Start(app);
        var pqr = await kit.CutAsync("KIT-Q-1", CarrierApproval.Pending, agent: "asesor.q1", account: "KITQ-1");
        var other = await kit.CutAsync("KIT-Q-2", CarrierApproval.Pending, agent: "asesor.q2", account: "KITQ-2");
        var bo = await kit.ClientAsync(BackOffice);
        await DoAsync(bo, pqr, "escalate", F(("note", "Falta soporte")));

        async Task<JsonElement> Queue(string query) => await OkAsync(await bo.GetAsync($"/api/v1/adjustments?operation={Operation}&{query}"));

        var byAgent = await Queue("agent=ASESOR.Q2");
        Assert.Equal([other], byAgent.GetProperty("page").GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetGuid()));
        var bySearch = await Queue("q=KITQ-1");
        Assert.Equal([pqr], bySearch.GetProperty("page").GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetGuid()));
        var byRef = await Queue("q=kit-q-2");
        Assert.Equal([other], byRef.GetProperty("page").GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetGuid()));

        var escalated = await Queue("state=EscalatedToPqr&q=KITQ");
        Assert.Single(escalated.GetProperty("page").GetProperty("items").EnumerateArray());
        Assert.True(escalated.GetProperty("countsByState").GetProperty("EscalatedToPqr").GetInt32() >= 1);
        Assert.Empty((await Queue("clock=overdue&q=KITQ")).GetProperty("page").GetProperty("items").EnumerateArray());

        await kit.SetTodayAsync("2026-12-21");
        var flagged = await Queue("clock=flagged&q=KITQ");
        var flaggedRow = Assert.Single(flagged.GetProperty("page").GetProperty("items").EnumerateArray());
        Assert.Equal("Flagged", Str(flaggedRow, "clock"));
        Assert.Equal(5, flaggedRow.GetProperty("businessDaysLeft").GetInt32()); // 22 23 24 [25] 28 29

        await kit.SetTodayAsync("2026-12-30");
        var overdue = await Queue("clock=overdue&q=KITQ&sort=age");
        var overdueRow = Assert.Single(overdue.GetProperty("page").GetProperty("items").EnumerateArray());
        Assert.Equal(pqr, overdueRow.GetProperty("id").GetGuid());
        Assert.Equal("Overdue", Str(overdueRow, "clock"));
        Assert.Equal(-1, overdueRow.GetProperty("businessDaysLeft").GetInt32());
        Assert.True(overdue.GetProperty("overdue").GetInt32() >= 1);
        Assert.Equal(27, overdueRow.GetProperty("ageDays").GetInt32());
        Assert.Equal(2, (await Queue("minAgeDays=27&q=KITQ")).GetProperty("page").GetProperty("total").GetInt32());
        Assert.Equal(0, (await Queue("minAgeDays=28&q=KITQ")).GetProperty("page").GetProperty("total").GetInt32());
        Assert.Equal(1, (await Queue("dueBefore=2026-12-29&q=KITQ")).GetProperty("page").GetProperty("total").GetInt32());

        var bad = await ProblemAsync(await bo.GetAsync($"/api/v1/adjustments?operation={Operation}&clock=late&state=Lost"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        Assert.True(bad.Body.GetProperty("errors").TryGetProperty("clock", out _));
        Assert.True(bad.Body.GetProperty("errors").TryGetProperty("state", out _));
        Assert.Equal(HttpStatusCode.BadRequest, (await bo.GetAsync("/api/v1/adjustments")).StatusCode);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Admins_edit_causes_and_settings_and_new_escalations_use_the_new_destination(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var kit = Start(app);
        var admin = await kit.ClientAsync(CellAdmin);
        var bo = await kit.ClientAsync(BackOffice);

        var causes = await OkAsync(await bo.GetAsync($"/api/v1/adjustments/causes?operation={Operation}"));
        Assert.Equal(13, causes.GetArrayLength());
        Assert.Equal(HttpStatusCode.Forbidden, (await bo.PutAsJsonAsync($"/api/v1/adjustments/causes/N?operation={Operation}", new { name = "Nueva", evidence = new[] { "x" }, isActive = true })).StatusCode);
        var invalid = await ProblemAsync(await admin.PutAsJsonAsync($"/api/v1/adjustments/causes/N1?operation={Operation}", new { name = "", evidence = Array.Empty<string>() }));
        Assert.Equal(HttpStatusCode.BadRequest, invalid.Status);
        Assert.Equal(3, invalid.Body.GetProperty("errors").EnumerateObject().Count());

        var added = await OkAsync(await admin.PutAsJsonAsync($"/api/v1/adjustments/causes/n?operation={Operation}", new { name = "Cobro de servicio no contratado", evidence = new[] { "Grabación de la venta", " " }, isActive = true }));
        Assert.Equal("N", Str(added, "letter"));
        Assert.Equal(["Grabación de la venta"], added.GetProperty("evidence").EnumerateArray().Select(e => e.GetString()));
        var edited = await OkAsync(await admin.PutAsJsonAsync($"/api/v1/adjustments/causes/M?operation={Operation}", new { name = "Garantía de equipos", evidence = new[] { "Factura" }, isActive = false }));
        Assert.False(edited.GetProperty("isActive").GetBoolean());
        Assert.Equal(14, (await OkAsync(await bo.GetAsync($"/api/v1/adjustments/causes?operation={Operation}"))).GetArrayLength());

        var defaults = await OkAsync(await bo.GetAsync($"/api/v1/adjustments/settings?operation={Operation}"));
        Assert.Equal("CASOSPQR-PQRRES", Str(defaults, "pqrDestination"));
        Assert.True(defaults.GetProperty("isDefault").GetBoolean());
        var badSettings = await ProblemAsync(await admin.PutAsJsonAsync($"/api/v1/adjustments/settings?operation={Operation}",
            new { pqrDestination = "X", pqrAnswerBusinessDays = 10, pqrFlagBusinessDays = 12, appealBusinessDays = 0, retryHours = 24, maxContactAttempts = 3 }));
        Assert.Equal(HttpStatusCode.BadRequest, badSettings.Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await bo.PutAsJsonAsync($"/api/v1/adjustments/settings?operation={Operation}",
            new { pqrDestination = "PQR-NORTE", pqrAnswerBusinessDays = 15, pqrFlagBusinessDays = 10, appealBusinessDays = 10, retryHours = 24, maxContactAttempts = 3 })).StatusCode);
        var saved = await OkAsync(await admin.PutAsJsonAsync($"/api/v1/adjustments/settings?operation={Operation}",
            new { pqrDestination = "PQR-NORTE", pqrAnswerBusinessDays = 15, pqrFlagBusinessDays = 5, appealBusinessDays = 10, retryHours = 4, maxContactAttempts = 2 }));
        Assert.False(saved.GetProperty("isDefault").GetBoolean());

        var id = await kit.CutAsync("KIT-SET-1", CarrierApproval.Pending);
        var escalated = await DoAsync(bo, id, "escalate", F(("note", "Sin soportes")));
        Assert.Equal("PQR-NORTE", Str(escalated, "pqrDestination"));
        Assert.Equal("2026-12-14", Str(escalated.GetProperty("row"), "pqrFlagOn")); // 7 [8] 9 10 11 14
        var verifyInactive = await ProblemAsync(await ActAsync(bo, await kit.CutAsync("KIT-SET-2", CarrierApproval.Pending), "verify", F(("canBackOfficeHandle", true), ("causeLetter", "M"))));
        Assert.Equal(HttpStatusCode.BadRequest, verifyInactive.Status);
    }
}
