using ContactOps.Modules.Outbound;
using ContactOps.Modules.Outbound.Contracts;
using ContactOps.Modules.Outbound.Dialer;
using ContactOps.Tests.Infrastructure;
using ContactOps.Tests.Interactions;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Tests.Outbound.Policy;

/// <summary>The hopper: never a lead the policy refuses, due callbacks first, the mix, and disjoint takes under concurrency.</summary>
public class HopperTests
{
    private static readonly DateTimeOffset Monday10 = Bogota.At(2026, 11, 23, 10);

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task The_hopper_never_holds_a_lead_the_policy_refuses(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await using var clocked = ClockedApp.Start(app, Monday10);
        var allowed = new List<Guid>();
        var refused = new List<Guid>();
        await clocked.DbAsync(async db =>
        {
            await PolicyKit.IsolateAsync(db);
            var b = await PolicyKit.AddBaseAsync(db, "Base hopper");
            var n = 300;
            string Phone() => "+57310555" + (n++).ToString("0000", System.Globalization.CultureInfo.InvariantCulture);

            allowed.Add(PolicyKit.Lead(db, b, Phone()).Id);
            allowed.Add(PolicyKit.Lead(db, b, Phone(), configure: l => { l.Attempts = 2; l.NextAttemptAt = Monday10.AddMinutes(-1); }).Id);
            allowed.Add(PolicyKit.Lead(db, b, Phone(), configure: l => { l.AttemptsToday = 3; l.AttemptsDay = new DateOnly(2026, 11, 22); l.Attempts = 3; }).Id);

            var dnc = Phone();
            refused.Add(PolicyKit.Lead(db, b, dnc).Id);
            PolicyKit.Dnc(db, b, dnc);
            refused.Add(PolicyKit.Lead(db, b, "+573105559999").Id); // in the registry (below)
            refused.Add(PolicyKit.Lead(db, b, Phone(), configure: l => l.IsFinal = true).Id);
            refused.Add(PolicyKit.Lead(db, b, Phone(), configure: l => l.IsExcluded = true).Id);
            refused.Add(PolicyKit.Lead(db, b, Phone(), configure: l => l.Attempts = 10).Id);
            refused.Add(PolicyKit.Lead(db, b, Phone(), configure: l => { l.AttemptsToday = 3; l.AttemptsDay = new DateOnly(2026, 11, 23); l.Attempts = 3; }).Id);
            refused.Add(PolicyKit.Lead(db, b, Phone(), configure: l => l.NextAttemptAt = Monday10.AddMinutes(5)).Id);
            refused.Add(PolicyKit.Lead(db, b, Phone(), phoneUnusable: true).Id);
            refused.Add(PolicyKit.Lead(db, b, Phone(), configure: l => l.ReservedUntil = Monday10.AddMinutes(1)).Id);
            refused.Add(PolicyKit.Lead(db, b, Phone(), configure: l => l.TimeZoneId = "Pacific/Kiritimati").Id); // 05:00 there
            var contactedPhone = Phone();
            var contacted = PolicyKit.Lead(db, b, contactedPhone);
            PolicyKit.Contact(db, b, contacted.Id, contactedPhone, Monday10.AddHours(-2));
            refused.Add(contacted.Id);
            var byPhone = Phone();
            refused.Add(PolicyKit.Lead(db, b, byPhone).Id);
            PolicyKit.Contact(db, b, null, byPhone, Monday10.AddHours(-1), source: AttemptSource.Imported);
            var future = PolicyKit.Lead(db, b, Phone());
            db.Callbacks.Add(new Callback(b.ClientId, b.OperationId, future.Id, Monday10.AddHours(2), null, null, "más tarde"));
            refused.Add(future.Id);
            await db.SaveChangesAsync();
            await PolicyKit.RegistryAsync(db, ("+573105559999", ExclusionChannels.All));
            return 0;
        });

        var opId = await OpAsync(clocked);
        var taken = await clocked.RunAsync<IDialerLeadSource, IReadOnlyList<DialerLead>>(h => h.TakeAsync(opId, 50, null, default));
        Assert.Equal(allowed.Order(), taken.Select(t => t.LeadId).Order());

        // Each lead handed out is allowed by the policy at that instant, and now reserved.
        foreach (var lead in taken)
        {
            var decision = await clocked.RunAsync<IContactPolicy, PolicyDecision>(p => p.CheckAsync(lead.OperationId, lead.PhoneE164, lead.LeadId, Monday10, CallOrigin.Check, default));
            Assert.True(decision.Allowed, string.Join(',', decision.Reasons));
        }

        var reserved = await clocked.DbAsync(db => db.Leads.Where(l => allowed.Contains(l.Id)).Select(l => l.ReservedUntil).ToListAsync());
        Assert.All(reserved, r => Assert.Equal(Monday10.AddMinutes(2), r));
        Assert.Empty(await clocked.RunAsync<IDialerLeadSource, IReadOnlyList<DialerLead>>(h => h.TakeAsync(opId, 50, null, default)));

        // Released leads come back; on Sunday nothing is handed out.
        await clocked.RunAsync<IDialerLeadSource, int>(async h => { await h.ReleaseAsync(taken[0].OperationId, taken[0].LeadId, default); return 0; });
        Assert.Equal([taken[0].LeadId], (await clocked.RunAsync<IDialerLeadSource, IReadOnlyList<DialerLead>>(h => h.TakeAsync(opId, 50, null, default))).Select(t => t.LeadId));
        clocked.Clock.SetUtcNow(Bogota.At(2026, 11, 29, 10));
        Assert.Empty(await clocked.RunAsync<IDialerLeadSource, IReadOnlyList<DialerLead>>(h => h.TakeAsync(opId, 50, null, default)));
        Assert.Empty(app.LoggedErrors);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Due_callbacks_come_first_for_their_agent_and_only_when_due(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await using var clocked = ClockedApp.Start(app, Monday10);
        var agentA = Guid.NewGuid();
        var agentB = Guid.NewGuid();
        var ids = await clocked.DbAsync(async db =>
        {
            await PolicyKit.IsolateAsync(db);
            var b = await PolicyKit.AddBaseAsync(db, "Base callbacks");
            var plain = PolicyKit.Lead(db, b, "+573105550401");
            var forA = PolicyKit.Lead(db, b, "+573105550402");
            var anyone = PolicyKit.Lead(db, b, "+573105550403");
            var later = PolicyKit.Lead(db, b, "+573105550404");
            db.Callbacks.Add(new Callback(b.ClientId, b.OperationId, forA.Id, Monday10.AddMinutes(-10), agentA, null, null));
            db.Callbacks.Add(new Callback(b.ClientId, b.OperationId, anyone.Id, Monday10.AddMinutes(-5), null, null, null));
            db.Callbacks.Add(new Callback(b.ClientId, b.OperationId, later.Id, Monday10.AddMinutes(30), null, null, null));
            await db.SaveChangesAsync();
            return (Plain: plain.Id, ForA: forA.Id, Anyone: anyone.Id, Later: later.Id);
        });
        var opId = await OpAsync(clocked);

        // Agent B: anyone's due callback first, then the plain lead; not A's callback, not the one due later.
        var forB = await clocked.RunAsync<IDialerLeadSource, IReadOnlyList<DialerLead>>(h => h.TakeAsync(opId, 10, agentB, default));
        Assert.Equal([ids.Anyone, ids.Plain], forB.Select(t => t.LeadId));
        Assert.NotNull(forB[0].CallbackId);
        Assert.Null(forB[1].CallbackId);

        // Agent A gets their own callback.
        var forA = await clocked.RunAsync<IDialerLeadSource, IReadOnlyList<DialerLead>>(h => h.TakeAsync(opId, 10, agentA, default));
        Assert.Equal([ids.ForA], forA.Select(t => t.LeadId));
        Assert.Equal(agentA, forA[0].CallbackAgentUserId);

        // Half an hour later (reservations expired; the first callback was called back) the later one is due and comes first.
        await clocked.DbAsync(db => db.Callbacks.Where(c => c.LeadId == ids.Anyone).ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, CallbackStatus.Done)));
        clocked.Clock.Advance(TimeSpan.FromMinutes(31));
        var later = await clocked.RunAsync<IDialerLeadSource, IReadOnlyList<DialerLead>>(h => h.TakeAsync(opId, 1, null, default));
        Assert.Equal([ids.Later], later.Select(t => t.LeadId));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Segments_are_taken_in_mix_order_and_parallel_takes_are_disjoint(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await using var clocked = ClockedApp.Start(app, Monday10);
        var (high, rest) = await clocked.DbAsync(async db =>
        {
            await PolicyKit.IsolateAsync(db);
            var b = await PolicyKit.AddBaseAsync(db, "Base mezcla");
            var high = new Segment(b.ClientId, b.OperationId, "Alto", 1, 70m, "[]");
            var rest = new Segment(b.ClientId, b.OperationId, "Resto", 2, 30m, "[]");
            db.Segments.AddRange(high, rest);
            for (var i = 0; i < 40; i++)
            {
                PolicyKit.Lead(db, b, "+57310556" + i.ToString("0000", System.Globalization.CultureInfo.InvariantCulture), configure: l => l.SegmentId = i % 2 == 0 ? high.Id : rest.Id);
            }

            await db.SaveChangesAsync();
            return (high.Id, rest.Id);
        });
        var opId = await OpAsync(clocked);

        // One at a time (the engine's way): the shares hold over the window.
        var order = new List<string?>();
        for (var i = 0; i < 10; i++)
        {
            var one = await clocked.RunAsync<IDialerLeadSource, IReadOnlyList<DialerLead>>(h => h.TakeAsync(opId, 1, null, default));
            order.Add(Assert.Single(one).SegmentName);
        }

        Assert.Equal(7, order.Count(s => s == "Alto"));
        Assert.Equal(3, order.Count(s => s == "Resto"));
        Assert.Equal("Alto", order[0]);
        Assert.Equal("Resto", order[1]);

        // Two takers at once never get the same lead (30 left).
        var takes = await Task.WhenAll(
            clocked.RunAsync<IDialerLeadSource, IReadOnlyList<DialerLead>>(h => h.TakeAsync(opId, 20, null, default)),
            clocked.RunAsync<IDialerLeadSource, IReadOnlyList<DialerLead>>(h => h.TakeAsync(opId, 20, null, default)));
        var all = takes.SelectMany(t => t).Select(t => t.LeadId).ToList();
        Assert.Equal(all.Count, all.Distinct().Count());
        Assert.True(all.Count is > 20 and <= 30, $"tomados {all.Count}");
        var segmentOf = await clocked.DbAsync(db => db.Leads.Where(l => all.Contains(l.Id)).ToDictionaryAsync(l => l.Id, l => l.SegmentId));
        Assert.All(takes.SelectMany(t => t), t => Assert.Equal(t.SegmentName == "Alto" ? high : rest, segmentOf[t.LeadId]));
    }

    private static Task<Guid> OpAsync(ClockedApp clocked) =>
        clocked.DbAsync(async db => (await PolicyKit.OperationAsync(db)).OperationId);
}
