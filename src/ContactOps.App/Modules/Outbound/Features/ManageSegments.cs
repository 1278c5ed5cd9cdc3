using ContactOps.Platform.Auth;
using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Outbound.Features;

public sealed record SegmentDto(Guid? Id, string Name, int Priority, decimal MixPercent, bool IsActive, List<SegmentRule> Rules);

public sealed record SegmentCount(Guid? Id, string Name, int Leads);

/// <summary>Leads of the open bases per segment (first match by priority), and those of no segment.</summary>
public sealed record SegmentPreview(int Total, IReadOnlyList<SegmentCount> Segments, int Unsegmented);

public sealed record ApplySegmentationResult(int Leads, int Changed, IReadOnlyList<SegmentCount> Segments, int Unsegmented);

/// <summary>
/// The segments of an operation: list, save the whole set (rules, priority, mix — the active segments' mix adds up to 100),
/// preview counts for unsaved rules, and apply (stores <see cref="Lead.SegmentId"/> on the leads of open bases, streaming
/// the leads and updating in batches, so a base of a million leads is fine).
/// </summary>
public sealed class ManageSegments(AppDbContext db, AccessScope scope, TimeProvider time)
{
    public static readonly Role[] Editors = [Role.Supervisor, Role.Coordinator, Role.Manager, Role.DataMarshall, Role.Admin];

    private const int UpdateBatch = 2000;

    public async Task<Result<List<SegmentDto>>> ListAsync(string? operation, CancellationToken ct)
    {
        var op = await PolicyOperations.FindAsync(db, scope, operation, ct);
        if (!op.IsSuccess)
        {
            return op.Error!;
        }

        var opId = op.Value!.Id;
        var rows = await db.Segments.AsNoTracking().Where(s => s.OperationId == opId).OrderBy(s => s.Priority).ThenBy(s => s.Name).ToListAsync(ct);
        return rows.Select(s => new SegmentDto(s.Id, s.Name, s.Priority, s.MixPercent, s.IsActive, SegmentRules.Parse(s.RulesJson))).ToList();
    }

    /// <summary>Replaces the operation's segments by <paramref name="segments"/> (ids kept for existing ones; missing ones deleted, their leads unsegmented).</summary>
    public async Task<Result<List<SegmentDto>>> SaveAsync(string? operation, IReadOnlyList<SegmentDto>? segments, CancellationToken ct)
    {
        var op = await PolicyOperations.FindAsync(db, scope, operation, ct);
        if (!op.IsSuccess)
        {
            return op.Error!;
        }

        var opId = op.Value!.Id;
        if (!scope.HasRole(opId, Editors))
        {
            return Error.Forbidden("segments.forbidden");
        }

        var invalid = Validate(segments);
        if (invalid is not null)
        {
            return invalid;
        }

        var existing = await db.Segments.Where(s => s.OperationId == opId).ToListAsync(ct);
        var keep = new HashSet<Guid>();
        foreach (var dto in segments!)
        {
            var rules = SegmentRules.Write(dto.Rules ?? []);
            var row = dto.Id is { } id ? existing.FirstOrDefault(s => s.Id == id) : null;
            if (row is null)
            {
                row = new Segment(op.Value.ClientId, opId, dto.Name.Trim(), dto.Priority, dto.MixPercent, rules) { IsActive = dto.IsActive };
                db.Segments.Add(row);
            }
            else
            {
                row.Name = dto.Name.Trim();
                row.Priority = dto.Priority;
                row.MixPercent = dto.MixPercent;
                row.RulesJson = rules;
                row.IsActive = dto.IsActive;
            }

            keep.Add(row.Id);
        }

        var removed = existing.Where(s => !keep.Contains(s.Id)).ToList();
        db.Segments.RemoveRange(removed);
        await db.SaveChangesAsync(ct);
        foreach (var gone in removed)
        {
            var goneId = gone.Id;
            await db.Leads.Where(l => l.OperationId == opId && l.SegmentId == goneId).ExecuteUpdateAsync(s => s.SetProperty(l => l.SegmentId, (Guid?)null), ct);
        }

        return await ListAsync(operation, ct);
    }

    /// <summary>Counts per segment for rules not saved yet (the live preview).</summary>
    public async Task<Result<SegmentPreview>> PreviewAsync(string? operation, IReadOnlyList<SegmentDto>? segments, CancellationToken ct)
    {
        var op = await PolicyOperations.FindAsync(db, scope, operation, ct);
        if (!op.IsSuccess)
        {
            return op.Error!;
        }

        var list = segments ?? [];
        var ruleErrors = list.SelectMany(s => SegmentRules.Validate(s.Rules ?? [])).ToList();
        if (ruleErrors.Count > 0)
        {
            return Error.Validation(new Dictionary<string, string[]>(StringComparer.Ordinal) { ["rules"] = [.. ruleErrors.Distinct(StringComparer.Ordinal)] });
        }

        var counts = new int[list.Count];
        var (total, unsegmented) = await ClassifyAsync(op.Value!, list, (_, index, _) =>
        {
            if (index >= 0)
            {
                counts[index]++;
            }
        }, ct);
        return new SegmentPreview(total, list.Select((s, i) => new SegmentCount(s.Id, s.Name, counts[i])).ToList(), unsegmented);
    }

    /// <summary>Stores each lead's segment (first active segment by priority that matches; none → null) on the open bases.</summary>
    public async Task<Result<ApplySegmentationResult>> ApplyAsync(string? operation, CancellationToken ct)
    {
        var op = await PolicyOperations.FindAsync(db, scope, operation, ct);
        if (!op.IsSuccess)
        {
            return op.Error!;
        }

        var opId = op.Value!.Id;
        if (!scope.HasRole(opId, Editors))
        {
            return Error.Forbidden("segments.forbidden#2");
        }

        var saved = await db.Segments.AsNoTracking().Where(s => s.OperationId == opId && s.IsActive).OrderBy(s => s.Priority).ThenBy(s => s.Name).ToListAsync(ct);
        var dtos = saved.Select(s => new SegmentDto(s.Id, s.Name, s.Priority, s.MixPercent, s.IsActive, SegmentRules.Parse(s.RulesJson))).ToList();
        var moves = new Dictionary<Guid, List<Guid>>();
        var toNone = new List<Guid>();
        var counts = new int[dtos.Count];
        var (total, unsegmented) = await ClassifyAsync(op.Value, dtos, (leadId, index, current) =>
        {
            var target = index >= 0 ? dtos[index].Id : null;
            if (index >= 0)
            {
                counts[index]++;
            }

            if (target == current)
            {
                return;
            }

            if (target is { } t)
            {
                if (!moves.TryGetValue(t, out var ids))
                {
                    moves[t] = ids = [];
                }

                ids.Add(leadId);
            }
            else
            {
                toNone.Add(leadId);
            }
        }, ct);

        var changed = 0;
        foreach (var (segmentId, ids) in moves)
        {
            foreach (var chunk in ids.Chunk(UpdateBatch))
            {
                changed += await db.Leads.Where(l => chunk.Contains(l.Id)).ExecuteUpdateAsync(s => s.SetProperty(l => l.SegmentId, (Guid?)segmentId), ct);
            }
        }

        foreach (var chunk in toNone.Chunk(UpdateBatch))
        {
            changed += await db.Leads.Where(l => chunk.Contains(l.Id)).ExecuteUpdateAsync(s => s.SetProperty(l => l.SegmentId, (Guid?)null), ct);
        }

        return new ApplySegmentationResult(total, changed, dtos.Select((s, i) => new SegmentCount(s.Id, s.Name, counts[i])).ToList(), unsegmented);
    }

    private async Task<(int Total, int Unsegmented)> ClassifyAsync(PolicyOperation op, IReadOnlyList<SegmentDto> segments, Action<Guid, int, Guid?> onLead, CancellationToken ct)
    {
        var ordered = segments.Select((s, i) => (Index: i, s.Priority, s.IsActive, Rules: (IReadOnlyList<SegmentRule>)(s.Rules ?? [])))
            .Where(s => s.IsActive).OrderBy(s => s.Priority).ThenBy(s => s.Index).ToList();
        var opId = op.Id;
        var bases = await db.LeadBases.AsNoTracking().Where(b => b.OperationId == opId && b.Status == LeadBaseStatus.Open).ToDictionaryAsync(b => b.Id, b => b.Name, ct);
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(op.TimeZoneId, out var z) ? z : TimeZoneInfo.Utc;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime);
        var baseIds = bases.Keys.ToList();
        int total = 0, unsegmented = 0;
        var stream = db.Leads.AsNoTracking().Where(l => l.OperationId == opId && baseIds.Contains(l.BaseId))
            .Select(l => new { l.Id, l.Document, l.FullName, l.BaseId, l.AttributesJson, l.SegmentId })
            .AsAsyncEnumerable();
        await foreach (var lead in stream.WithCancellation(ct))
        {
            total++;
            var fields = new LeadFields(lead.Document, lead.FullName, bases[lead.BaseId], lead.AttributesJson);
            var index = -1;
            foreach (var s in ordered)
            {
                if (SegmentRules.Matches(s.Rules, fields, today))
                {
                    index = s.Index;
                    break;
                }
            }

            if (index < 0)
            {
                unsegmented++;
            }

            onLead(lead.Id, index, lead.SegmentId);
        }

        return (total, unsegmented);
    }

    private static Error? Validate(IReadOnlyList<SegmentDto>? segments)
    {
        if (segments is null)
        {
            return Error.Validation("segments.body_required");
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        void Add(string field, string message) => errors[field] = errors.TryGetValue(field, out var m) ? [.. m, message] : [message];

        foreach (var s in segments)
        {
            if (string.IsNullOrWhiteSpace(s.Name) || s.Name.Trim().Length > 80)
            {
                Add("name", "Cada segmento necesita un nombre (máximo 80 caracteres).");
            }

            if (s.MixPercent is < 0 or > 100)
            {
                Add("mixPercent", $"La mezcla de «{s.Name}» debe estar entre 0 y 100 %.");
            }

            foreach (var e in SegmentRules.Validate(s.Rules ?? []))
            {
                Add("rules", $"{s.Name}: {e}");
            }
        }

        if (segments.Select(s => s.Name?.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Count() != segments.Count)
        {
            Add("name", "Los nombres de los segmentos no pueden repetirse.");
        }

        var active = segments.Where(s => s.IsActive).ToList();
        var sum = active.Sum(s => s.MixPercent);
        if (active.Count > 0 && sum != 100m)
        {
            Add("mixPercent", $"La mezcla de los segmentos activos debe sumar 100 % (suma {sum.ToString("0.##", System.Globalization.CultureInfo.GetCultureInfo("es-CO"))} %).");
        }

        return errors.Count > 0 ? Error.Validation(errors) : null;
    }
}
