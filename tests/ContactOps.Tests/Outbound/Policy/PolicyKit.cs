using ContactOps.Modules.Outbound;
using ContactOps.Modules.Outbound.Dialer;
using ContactOps.Platform.Data;
using ContactOps.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace ContactOps.Tests.Outbound.Policy;

/// <summary>Crafted bases, leads, attempts and lists on a demo operation, for the policy, segmentation and hopper tests.</summary>
internal static class PolicyKit
{
    public const string Operation = "devices-outbound";

    public static async Task<(Guid OperationId, Guid ClientId)> OperationAsync(AppDbContext db)
    {
        var op = await db.Operations.IgnoreQueryFilters().Where(o => o.Code == Operation).Select(o => new { o.Id, o.ClientId }).SingleAsync();
        return (op.Id, op.ClientId);
    }

    /// <summary>Closes every base of the operation and drops its segments, so a test sees only its own leads.</summary>
    public static async Task IsolateAsync(AppDbContext db)
    {
        var (opId, _) = await OperationAsync(db);
        await db.LeadBases.IgnoreQueryFilters().Where(b => b.OperationId == opId).ExecuteUpdateAsync(s => s.SetProperty(b => b.Status, LeadBaseStatus.Closed));
        await db.Segments.IgnoreQueryFilters().Where(s => s.OperationId == opId).ExecuteDeleteAsync();
    }

    public static async Task<LeadBase> AddBaseAsync(AppDbContext db, string name)
    {
        var (opId, clientId) = await OperationAsync(db);
        var b = new LeadBase(clientId, opId, name, name + ".csv", DateTimeOffset.UnixEpoch, null);
        db.LeadBases.Add(b);
        await db.SaveChangesAsync();
        return b;
    }

    /// <summary>A lead with one phone (E.164 "+57…"); <paramref name="configure"/> sets its dialing state.</summary>
    public static Lead Lead(AppDbContext db, LeadBase b, string e164, string attributesJson = "{}", Action<Lead>? configure = null, bool phoneUnusable = false, string? document = null)
    {
        var lead = new Lead(b.ClientId, b.OperationId, b.Id, "CC", document ?? e164[3..], "Cliente " + e164[^4..], 1) { AttributesJson = attributesJson };
        configure?.Invoke(lead);
        db.Leads.Add(lead);
        db.LeadPhones.Add(new LeadPhone(b.ClientId, b.OperationId, lead.Id, e164, 0) { IsUnusable = phoneUnusable });
        return lead;
    }

    public static CallAttempt Contact(AppDbContext db, LeadBase b, Guid? leadId, string e164, DateTimeOffset at, string code = "VOLVER_A_LLAMAR", AttemptSource source = AttemptSource.ContactOps, string channel = "voice") =>
        db.CallAttempts.Add(new CallAttempt(b.ClientId, b.OperationId, leadId, e164, DialMode.Preview, at, source)
        {
            DispositionCode = code,
            DispositionAt = at.AddMinutes(3),
            Result = CallResult.Answered,
            Channel = channel,
        }).Entity;

    public static void Dnc(AppDbContext db, LeadBase b, string e164) => db.DncEntries.Add(new DncEntry(b.ClientId, b.OperationId, e164, "manual", null, "prueba"));

    public static async Task RegistryAsync(AppDbContext db, params (string E164, ExclusionChannels Channels)[] entries)
    {
        var current = await db.ExclusionSnapshots.Where(s => s.Country == "CO" && s.IsCurrent).ToListAsync();
        foreach (var c in current)
        {
            c.IsCurrent = false;
        }

        var snap = new ExclusionSnapshot("CO", "rne.csv", DateTimeOffset.UnixEpoch, null, new string('0', 64)) { IsCurrent = true, Numbers = entries.Length };
        db.ExclusionSnapshots.Add(snap);
        foreach (var (e164, channels) in entries)
        {
            db.ExclusionEntries.Add(new ExclusionEntry(snap.Id, "CO", e164, channels));
        }

        await db.SaveChangesAsync();
    }

    /// <summary>The app with the test's clock, for HTTP calls.</summary>
    public static TestApp Clocked(TestApp app, FakeTimeProvider clock) =>
        app.WithClock(clock);

    public static Task<HttpClient> LoginAsync(TestApp factory, string userName) =>
        factory.ClientForAsync(userName);
}
