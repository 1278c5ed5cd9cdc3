using System.Globalization;
using ContactOps.Modules.Outbound.Contracts;
using ContactOps.Platform;
using ContactOps.Platform.Data;
using ContactOps.Platform.Files;
using ContactOps.Platform.Results;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Outbound.Features;

/// <summary>The dialable leads of a segment for another dialer: vicidial (its lead loader layout) or csv (our columns).</summary>
public sealed record ExportDialerListRequest(string OperationCode, string Segment, string Format);

/// <summary>What an export wrote: leads written, leads refused and, per policy reason, how many refused leads had it.</summary>
public sealed record DialerListSummary(string Format, long Written, long Refused, IReadOnlyDictionary<string, long> RefusedByReason);

/// <summary>
/// Writes the leads of a segment (open bases) that may be called NOW: every phone of every lead is screened with the
/// contact policy's batch check (<see cref="ContactPolicy.CheckManyAsync"/>, the hopper's screening: hours, Sundays and
/// holidays, registry, do-not-call, contact and attempt limits, recycle delay, final dispositions, unusable numbers);
/// a lead is written with its allowed phones only (first as the number to dial, second as alternative), and a lead with
/// none is counted as refused under each reason its phones got. Reads the segment in pages, so memory stays flat.
/// </summary>
public sealed class ExportDialerList(AppDbContext db, AccessScope scope, ContactPolicy policy, TimeProvider time)
{
    public const string NoPhone = "no_phone";
    private const int Page = 1000;

    /// <summary>VICIdial's lead loader ("standard format") columns, in order.</summary>
    public static readonly string[] VicidialColumns =
    [
        "vendor_lead_code", "source_id", "list_id", "phone_code", "phone_number", "title", "first_name", "middle_initial", "last_name",
        "address1", "address2", "address3", "city", "state", "province", "postal_code", "country_code", "gender", "date_of_birth",
        "alt_phone", "email", "security_phrase", "comments",
    ];

    /// <summary>Our own columns (csv format, ';' and UTF-8 with BOM for Excel es-CO; phones in E.164).</summary>
    public static readonly string[] CsvColumns = ["lead_id", "tipo_documento", "documento", "nombre", "telefono", "telefono2", "segmento", "intentos", "ultima_tipificacion"];

    /// <summary>Validates the request and the caller's access before any file is created.</summary>
    public async Task<Result<(Guid OperationId, Guid SegmentId, Country Country, string Format)>> PrepareAsync(ExportDialerListRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var format = (request.Format ?? "").Trim().ToLowerInvariant();
        if (format is not ("vicidial" or "csv"))
        {
            return Error.Invalid("format", "dialerlist.format_invalid", request.Format);
        }

        if (string.IsNullOrWhiteSpace(request.OperationCode))
        {
            return Error.Invalid("operation", "export.operation_required");
        }

        var operation = await db.Operations.AsNoTracking().FirstOrDefaultAsync(o => o.Code == request.OperationCode.Trim(), ct);
        if (operation is null)
        {
            return Error.NotFound("operation.not_found#2", request.OperationCode.Trim());
        }

        if (!LeadAccess.CanManageBases(scope, operation.Id))
        {
            return Error.Forbidden("dialerlist.forbidden");
        }

        var name = (request.Segment ?? "").Trim();
        var segment = await db.Segments.AsNoTracking().Where(s => s.OperationId == operation.Id && s.Name == name).Select(s => (Guid?)s.Id).FirstOrDefaultAsync(ct);
        if (segment is null)
        {
            return Error.NotFound("segment.not_found", operation.Code, name);
        }

        var country = await db.Clients.AsNoTracking().Where(c => c.Id == operation.ClientId).Select(c => c.Country).FirstAsync(ct);
        return (operation.Id, segment.Value, country, format);
    }

    public async Task<Result<DialerListSummary>> WriteAsync(ExportDialerListRequest request, Stream output, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        var prepared = await PrepareAsync(request, ct);
        if (!prepared.IsSuccess)
        {
            return prepared.Error!;
        }

        var (operationId, segmentId, country, format) = prepared.Value;
        var segmentName = request.Segment.Trim();
        var vicidial = format == "vicidial";
        var phoneCode = country == Country.BO ? "591" : "57";
        using var csv = vicidial ? CsvExport.Create(output, ',', utf8Bom: false) : CsvExport.Create(output, ';', utf8Bom: true);
        csv.WriteHeader(vicidial ? VicidialColumns : CsvColumns);
        var now = time.GetUtcNow();
        long written = 0, refused = 0;
        var reasons = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var openBases = db.LeadBases.Where(b => b.OperationId == operationId && b.Status == LeadBaseStatus.Open).Select(b => b.Id);
        var skip = 0;
        while (true)
        {
            var query = db.Leads.AsNoTracking().Where(l => l.OperationId == operationId && l.SegmentId == segmentId && openBases.Contains(l.BaseId));
            var leads = await query.OrderBy(l => l.Id).Skip(skip).Take(Page)
                .Select(l => new { l.Id, l.DocumentType, l.Document, l.FullName, l.Attempts, l.LastDispositionCode })
                .ToListAsync(ct);
            if (leads.Count == 0)
            {
                break;
            }

            skip += leads.Count;
            var ids = leads.Select(l => l.Id).ToList();
            var phones = (await db.LeadPhones.AsNoTracking().Where(p => ids.Contains(p.LeadId)).Select(p => new { p.LeadId, p.E164, p.Position }).ToListAsync(ct))
                .OrderBy(p => p.Position).GroupBy(p => p.LeadId).ToDictionary(g => g.Key, g => g.Select(p => p.E164).ToList());
            var candidates = new List<PolicyCandidate>();
            foreach (var lead in leads)
            {
                foreach (var e164 in phones.GetValueOrDefault(lead.Id) ?? [])
                {
                    candidates.Add(new PolicyCandidate(lead.Id, e164));
                }
            }

            var decisions = await policy.CheckManyAsync(operationId, candidates, now, CallOrigin.Check, log: false, ct);
            var byLead = new Dictionary<Guid, (List<string> Allowed, HashSet<string> Reasons)>();
            for (var i = 0; i < candidates.Count; i++)
            {
                var c = candidates[i];
                if (!byLead.TryGetValue(c.LeadId!.Value, out var entry))
                {
                    entry = ([], new HashSet<string>(StringComparer.Ordinal));
                    byLead[c.LeadId.Value] = entry;
                }

                if (decisions[i].Allowed)
                {
                    entry.Allowed.Add(c.PhoneE164);
                }
                else
                {
                    entry.Reasons.UnionWith(decisions[i].Reasons);
                }
            }

            foreach (var lead in leads)
            {
                if (!byLead.TryGetValue(lead.Id, out var entry) || entry.Allowed.Count == 0)
                {
                    refused++;
                    foreach (var reason in entry.Reasons is { Count: > 0 } r ? r : [NoPhone])
                    {
                        reasons[reason] = reasons.GetValueOrDefault(reason) + 1;
                    }

                    continue;
                }

                written++;
                var first = entry.Allowed[0];
                var second = entry.Allowed.Count > 1 ? entry.Allowed[1] : null;
                if (vicidial)
                {
                    var (firstName, lastName) = SplitName(Text(lead.FullName));
                    csv.WriteRow(
                        lead.Document, lead.Id.ToString("N", CultureInfo.InvariantCulture), "", phoneCode, National(first, phoneCode), "", firstName, "", lastName,
                        "", "", "", "", "", "", "", country == Country.BO ? "BOL" : "COL", "U", "",
                        second is null ? "" : National(second, phoneCode), "", "", segmentName);
                }
                else
                {
                    csv.WriteRow(
                        lead.Id.ToString("D", CultureInfo.InvariantCulture), lead.DocumentType, lead.Document, Text(lead.FullName), first, second, segmentName,
                        lead.Attempts.ToString(CultureInfo.InvariantCulture), lead.LastDispositionCode);
                }
            }

            if (leads.Count < Page)
            {
                break;
            }
        }

        csv.Flush();
        return new DialerListSummary(format, written, refused, reasons);
    }

    /// <summary>Free text that a spreadsheet would take for a formula gets a leading apostrophe (phones keep their '+').</summary>
    public static string Text(string value) =>
        value is { Length: > 0 } && value[0] is '=' or '+' or '-' or '@' ? "'" + value : value ?? "";

    /// <summary>The national number of an E.164 phone of the client's country (VICIdial keeps the country code apart).</summary>
    public static string National(string e164, string phoneCode)
    {
        ArgumentNullException.ThrowIfNull(e164);
        var digits = e164.TrimStart('+');
        return digits.StartsWith(phoneCode, StringComparison.Ordinal) ? digits[phoneCode.Length..] : digits;
    }

    /// <summary>Names and surnames the Spanish way: four words or more → two names; three → one name and two surnames.</summary>
    public static (string First, string Last) SplitName(string fullName)
    {
        var words = (fullName ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var names = words.Length switch
        {
            0 => 0,
            1 => 1,
            2 or 3 => 1,
            _ => 2,
        };
        return (string.Join(' ', words.Take(names)), string.Join(' ', words.Skip(names)));
    }
}
