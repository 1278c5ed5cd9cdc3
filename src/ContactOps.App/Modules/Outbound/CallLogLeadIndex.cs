using System.Globalization;
using ContactOps.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Outbound;

/// <summary>
/// The operation's leads by document number and by phone, loaded once per import (numeric keys where possible, so a
/// million leads stay small). When a document or a phone is on several leads, the lead of an open base wins, then the
/// most recently received base.
/// </summary>
internal sealed class CallLogLeadIndex
{
    private readonly Dictionary<long, Guid> _numericDocuments = [];
    private readonly Dictionary<string, Guid> _textDocuments = new(StringComparer.Ordinal);
    private readonly Dictionary<long, Guid> _phones = [];

    public int Documents => _numericDocuments.Count + _textDocuments.Count;

    public int Phones => _phones.Count;

    public static async Task<CallLogLeadIndex> LoadAsync(AppDbContext db, Guid operationId, bool documents, bool phones, CancellationToken ct)
    {
        var index = new CallLogLeadIndex();
        if (documents)
        {
            var query = from l in db.Leads.AsNoTracking()
                        join b in db.LeadBases on l.BaseId equals b.Id
                        where l.OperationId == operationId
                        orderby b.Status == LeadBaseStatus.Open ? 0 : 1, b.ReceivedAt descending
                        select new { l.Id, l.Document };
            await foreach (var lead in query.AsAsyncEnumerable().WithCancellation(ct))
            {
                if (DocumentKey(lead.Document) is { } key)
                {
                    index._numericDocuments.TryAdd(key, lead.Id);
                }
                else
                {
                    index._textDocuments.TryAdd(lead.Document, lead.Id);
                }
            }
        }

        if (phones)
        {
            var query = from p in db.LeadPhones.AsNoTracking()
                        join l in db.Leads on p.LeadId equals l.Id
                        join b in db.LeadBases on l.BaseId equals b.Id
                        where p.OperationId == operationId
                        orderby b.Status == LeadBaseStatus.Open ? 0 : 1, b.ReceivedAt descending, p.Position
                        select new { p.E164, p.LeadId };
            await foreach (var phone in query.AsAsyncEnumerable().WithCancellation(ct))
            {
                if (ExclusionLists.PhoneKey(phone.E164) is { } key)
                {
                    index._phones.TryAdd(key, phone.LeadId);
                }
            }
        }

        return index;
    }

    public bool TryByDocument(string number, out Guid leadId) =>
        DocumentKey(number) is { } key ? _numericDocuments.TryGetValue(key, out leadId) : _textDocuments.TryGetValue(number, out leadId);

    public bool TryByPhone(string e164, out Guid leadId)
    {
        leadId = Guid.Empty;
        return ExclusionLists.PhoneKey(e164) is { } key && _phones.TryGetValue(key, out leadId);
    }

    private static long? DocumentKey(string number) =>
        number.Length is > 0 and <= 17 && number.AsSpan().IndexOfAnyExceptInRange('0', '9') < 0 && number[0] != '0'
            ? long.Parse(number, NumberStyles.None, CultureInfo.InvariantCulture)
            : null;
}
