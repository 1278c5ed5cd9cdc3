using ContactOps.Modules.Interactions;
using ContactOps.Modules.Interactions.Features;
using ContactOps.Platform.Results;
using ContactOps.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Tests.Interactions;

/// <summary>Due instants on the client's business calendar, FCR marking and the escalation queue's alarms, with a controlled clock.</summary>
public class EscalationDueAndFcrTests
{
    private const string Maria = "1020304050";

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Escalation_due_instants_skip_the_weekend_and_a_Colombian_holiday(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        // Friday 4 December 2026, 16:00 in Bogotá; Tuesday 8 December is a holiday (Inmaculada Concepción); hours Mon–Fri 08–18.
        await using var clocked = ClockedApp.Start(app, Bogota.At(2026, 12, 4, 16));
        var customer = await clocked.CustomerIdAsync(Maria);

        // 24 business hours: Fri 2 h + Mon 10 h + (Tue holiday) + Wed 10 h + Thu 2 h → Thursday 10 December, 10:00.
        var study = await EscalateAsync(clocked, customer, "ESTUDIO_DOCUMENTO");
        Assert.Equal("2026-12-10T10:00:00-05:00", study.Promised!.DueLocal);
        Assert.Equal(Bogota.At(2026, 12, 10, 10), study.Promised.DueAt);
        Assert.Contains("jueves 10 de diciembre de 2026", study.Promised.DueText, StringComparison.Ordinal);
        Assert.Equal(24, study.Promised.BusinessHours);

        // 72 business hours use up exactly the Wednesday 16 December's closing: the closing instant itself.
        var premise = await EscalateAsync(clocked, customer, "CREACION_PREDIO");
        Assert.Equal("2026-12-16T18:00:00-05:00", premise.Promised!.DueLocal);
        Assert.Equal("Operaciones — creación de predios", premise.Promised.DestinationArea);
        Assert.Equal("Escalated", premise.Interaction.Resolution);
        Assert.False(premise.Interaction.SolvedInFirstContact);

        // The stored escalation carries the same instant.
        var stored = await clocked.DbAsync(db => db.Escalations.SingleAsync(e => e.InteractionId == premise.Interaction.Id));
        Assert.Equal(Bogota.At(2026, 12, 16, 18), stored.DueAt);
        Assert.Equal(Bogota.At(2026, 12, 4, 16), stored.OpenedAt);
        Assert.Equal(EscalationState.Open, stored.State);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task A_second_interaction_of_the_same_typology_inside_the_window_marks_the_first_not_solved(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await using var clocked = ClockedApp.Start(app, Bogota.At(2026, 12, 1, 9));
        var customer = await clocked.CustomerIdAsync(Maria);

        var first = await SolveAsync(clocked, customer, "CONSULTA_PLAN");
        Assert.True(first.Interaction.SolvedInFirstContact);

        // Another typology three days later does not count.
        clocked.Clock.Advance(TimeSpan.FromDays(3));
        var other = await SolveAsync(clocked, customer, "CAMBIO_PLAN");
        Assert.Empty(other.MarkedNotSolved);
        Assert.True((await GetAsync(clocked, first.Interaction.Id)).SolvedInFirstContact);

        // The same typology six days after the first (window: 7 calendar days) re-opens it.
        clocked.Clock.Advance(TimeSpan.FromDays(3));
        var second = await SolveAsync(clocked, customer, "CONSULTA_PLAN");
        Assert.Equal([first.Interaction.Id], second.MarkedNotSolved);
        var reread = await GetAsync(clocked, first.Interaction.Id);
        Assert.False(reread.SolvedInFirstContact);
        Assert.Contains("CONSULTA_PLAN", reread.NotSolvedReason, StringComparison.Ordinal);
        Assert.Contains(second.Interaction.Id.ToString(), reread.NotSolvedReason, StringComparison.Ordinal);
        Assert.True((await GetAsync(clocked, other.Interaction.Id)).SolvedInFirstContact);

        // Eight days later the second is outside the window: a third contact leaves it solved.
        clocked.Clock.Advance(TimeSpan.FromDays(8));
        var third = await SolveAsync(clocked, customer, "CONSULTA_PLAN");
        Assert.Empty(third.MarkedNotSolved);
        Assert.True((await GetAsync(clocked, second.Interaction.Id)).SolvedInFirstContact);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task The_queue_classifies_due_soon_and_overdue_and_an_answer_closes_the_escalation(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await using var clocked = ClockedApp.Start(app, Bogota.At(2026, 12, 14, 8));
        await clocked.DbAsync(db => db.Escalations.ExecuteDeleteAsync()); // start from an empty queue (demo cases removed)
        var customer = await clocked.CustomerIdAsync(Maria);

        // Monday 14 December 08:00: 24 h → Wednesday 16 December 12:00; 72 h → Wednesday 23 December 10:00.
        var soon = await EscalateAsync(clocked, customer, "ESTUDIO_DOCUMENTO");
        Assert.Equal("2026-12-16T12:00:00-05:00", soon.Promised!.DueLocal);
        var later = await EscalateAsync(clocked, customer, "CREACION_PREDIO");
        Assert.Equal("2026-12-23T10:00:00-05:00", later.Promised!.DueLocal);

        var queue = await QueueAsync(clocked, null);
        Assert.Equal(new EscalationCounts(2, 0, 0, 0), queue.Counts);
        Assert.All(queue.Page.Items, r => Assert.Equal("OnTime", r.Alarm));

        // Wednesday 09:00: the first is due within 4 hours.
        clocked.Clock.SetUtcNow(Bogota.At(2026, 12, 16, 9));
        queue = await QueueAsync(clocked, null);
        Assert.Equal(new EscalationCounts(2, 0, 1, 0), queue.Counts);
        var dueSoon = Assert.Single((await QueueAsync(clocked, "dueSoon")).Page.Items);
        Assert.Equal(soon.Interaction.Escalation!.Id, dueSoon.Id);
        Assert.Equal("DueSoon", dueSoon.Alarm);

        // With a 2-hour threshold it is not yet "due soon".
        var narrow = await clocked.RunAsync<ListEscalations, Result<EscalationQueue>>(h => h.HandleAsync(new EscalationQueueRequest("premium-sales", null, 2), default));
        Assert.Equal(0, narrow.Value!.Counts.DueSoon);

        // Wednesday 12:01: past the due instant, overdue.
        clocked.Clock.SetUtcNow(Bogota.At(2026, 12, 16, 12, 1));
        queue = await QueueAsync(clocked, null);
        Assert.Equal(new EscalationCounts(2, 1, 0, 0), queue.Counts);
        var overdue = Assert.Single((await QueueAsync(clocked, "overdue")).Page.Items);
        Assert.Equal("Overdue", overdue.Alarm);
        Assert.Equal(soon.Interaction.Escalation!.Id, queue.Page.Items[0].Id); // most urgent first

        // Answering closes it (late); answering again is refused.
        clocked.Clock.Advance(TimeSpan.FromMinutes(30));
        var answered = await clocked.RunAsync<AnswerEscalation, Result<EscalationView>>(h => h.HandleAsync(overdue.Id, new AnswerEscalationRequest("Documento validado; el cliente puede continuar la venta."), default));
        Assert.True(answered.IsSuccess, answered.Error?.Message);
        Assert.Equal("Answered", answered.Value!.State);
        Assert.Equal(clocked.Clock.GetUtcNow(), answered.Value.AnsweredAt);
        queue = await QueueAsync(clocked, null);
        Assert.Equal(new EscalationCounts(1, 0, 0, 1), queue.Counts);
        Assert.Equal("AnsweredLate", (await QueueAsync(clocked, "answered")).Page.Items.Single().Alarm);
        Assert.Equal(later.Interaction.Escalation!.Id, (await QueueAsync(clocked, "open")).Page.Items.Single().Id);

        var again = await clocked.RunAsync<AnswerEscalation, Result<EscalationView>>(h => h.HandleAsync(overdue.Id, new AnswerEscalationRequest("Otra vez"), default));
        Assert.Equal(ErrorKind.Conflict, again.Error!.Kind);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Pages_of_the_queue_read_open_then_answered_and_a_page_spans_the_boundary(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await using var clocked = ClockedApp.Start(app, Bogota.At(2026, 12, 14, 8));
        await clocked.DbAsync(db => db.Escalations.ExecuteDeleteAsync());
        var customer = await clocked.CustomerIdAsync(Maria);

        // Five escalations ten minutes apart (five due instants); the second and the fourth answered.
        var ids = new List<Guid>();
        foreach (var type in new[] { "CREACION_PREDIO", "ESTUDIO_DOCUMENTO", "CREACION_PREDIO", "ESTUDIO_DOCUMENTO", "ESTUDIO_DOCUMENTO" })
        {
            ids.Add((await EscalateAsync(clocked, customer, type)).Interaction.Escalation!.Id);
            clocked.Clock.Advance(TimeSpan.FromMinutes(10));
        }

        foreach (var id in new[] { ids[1], ids[3] })
        {
            var answered = await clocked.RunAsync<AnswerEscalation, Result<EscalationView>>(h => h.HandleAsync(id, new AnswerEscalationRequest("Respondido."), default));
            Assert.True(answered.IsSuccess, answered.Error?.Message);
        }

        // The expected order from the rows themselves: open by due instant, then answered by due instant.
        var rows = await clocked.DbAsync(db => db.Escalations.AsNoTracking().ToListAsync());
        var expected = rows.Where(e => e.State == EscalationState.Open).OrderBy(e => e.DueAt).ThenBy(e => e.Id)
            .Concat(rows.Where(e => e.State == EscalationState.Answered).OrderBy(e => e.DueAt).ThenBy(e => e.Id))
            .Select(e => e.Id).ToList();
        Assert.Equal(5, expected.Count);

        // Pages of two: open, open | open, answered (the boundary) | answered; then past the end.
        var seen = new List<Guid>();
        for (var page = 1; page <= 4; page++)
        {
            var result = await clocked.RunAsync<ListEscalations, Result<EscalationQueue>>(h => h.HandleAsync(new EscalationQueueRequest("premium-sales", null, null, page, 2), default));
            Assert.True(result.IsSuccess, result.Error?.Message);
            Assert.Equal(5, result.Value!.Page.Total);
            Assert.Equal(page switch { 1 or 2 => 2, 3 => 1, _ => 0 }, result.Value.Page.Items.Count);
            seen.AddRange(result.Value.Page.Items.Select(r => r.Id));
        }

        Assert.Equal(expected, seen);

        // A filter keeps the order within its half.
        var open = await clocked.RunAsync<ListEscalations, Result<EscalationQueue>>(h => h.HandleAsync(new EscalationQueueRequest("premium-sales", "open", null, 2, 2), default));
        Assert.Equal(expected.Skip(2).Take(1), open.Value!.Page.Items.Select(r => r.Id));
        var answeredPage = await clocked.RunAsync<ListEscalations, Result<EscalationQueue>>(h => h.HandleAsync(new EscalationQueueRequest("premium-sales", "answered", null, 1, 1), default));
        Assert.Equal(expected.Skip(3).Take(1), answeredPage.Value!.Page.Items.Select(r => r.Id));
    }

    private static async Task<CloseInteractionResponse> EscalateAsync(ClockedApp app, Guid customer, string type)
    {
        var id = await OpenAsync(app, customer);
        var closed = await app.RunAsync<CloseInteraction, Result<CloseInteractionResponse>>(h =>
            h.HandleAsync(id, new CloseInteractionRequest(Disposition: "ESCALADO", Resolution: "Escalated", EscalationType: type), default));
        Assert.True(closed.IsSuccess, closed.Error?.Message);
        return closed.Value!;
    }

    private static async Task<CloseInteractionResponse> SolveAsync(ClockedApp app, Guid customer, string typology)
    {
        var id = await OpenAsync(app, customer);
        var closed = await app.RunAsync<CloseInteraction, Result<CloseInteractionResponse>>(h =>
            h.HandleAsync(id, new CloseInteractionRequest(Disposition: "INFORMACION", Typology: typology), default));
        Assert.True(closed.IsSuccess, closed.Error?.Message);
        Assert.Null(closed.Value!.Promised);
        return closed.Value;
    }

    private static async Task<Guid> OpenAsync(ClockedApp app, Guid customer)
    {
        var opened = await app.RunAsync<OpenInteraction, Result<InteractionView>>(h =>
            h.HandleAsync(new OpenInteractionRequest("premium-sales", "Voice", "CALL-" + Guid.NewGuid().ToString("N")[..8], "4101", "agent.premium-sales", customer), default));
        Assert.True(opened.IsSuccess, opened.Error?.Message);
        return opened.Value!.Id;
    }

    private static async Task<InteractionView> GetAsync(ClockedApp app, Guid id) =>
        (await app.RunAsync<GetInteraction, Result<InteractionView>>(h => h.HandleAsync(id, default))).Value!;

    private static async Task<EscalationQueue> QueueAsync(ClockedApp app, string? filter)
    {
        var result = await app.RunAsync<ListEscalations, Result<EscalationQueue>>(h => h.HandleAsync(new EscalationQueueRequest("premium-sales", filter), default));
        Assert.True(result.IsSuccess, result.Error?.Message);
        return result.Value!;
    }
}
