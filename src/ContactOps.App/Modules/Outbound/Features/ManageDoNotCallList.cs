using System.Globalization;
using ContactOps.Modules.Customers.Contracts;
using ContactOps.Modules.Organization;
using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Outbound.Features;

/// <summary>A number of an operation's internal do-not-call list as the API and CLI show it.</summary>
public sealed record DncItem(string Phone, string Source, string? Reason, DateTimeOffset AddedAt);

/// <summary>
/// The operation's internal do-not-call list: add (idempotent), remove and list. Supervisors, data marshalls,
/// coordinators, managers and administrators of the operation manage it; agents add numbers through a disposition
/// flagged DNC (the desk records those with source "disposition").
/// </summary>
public sealed class ManageDoNotCallList(AppDbContext db, AccessScope scope)
{
    public async Task<Result<DncItem>> AddAsync(string operationCode, string phone, string? reason, CancellationToken ct)
    {
        var target = await ResolveAsync(operationCode, phone, ct);
        if (!target.IsSuccess)
        {
            return target.Error!;
        }

        var (operation, e164) = target.Value;
        var existing = await db.DncEntries.AsNoTracking().FirstOrDefaultAsync(d => d.OperationId == operation.Id && d.E164 == e164, ct);
        if (existing is not null)
        {
            return new DncItem(existing.E164, existing.Source, existing.Reason, existing.CreatedAt);
        }

        var trimmed = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (trimmed is { Length: > 400 })
        {
            return Error.Invalid("reason", "dnc.reason_too_long");
        }

        var entry = new DncEntry(operation.ClientId, operation.Id, e164, "manual", scope.UserId, trimmed);
        db.DncEntries.Add(entry);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.InnerException is Npgsql.PostgresException { SqlState: "23505" } or Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 19 })
        {
            // Added by someone else at the same time: idempotent, the entry that got in is the answer.
            db.Entry(entry).State = EntityState.Detached;
            existing = await db.DncEntries.AsNoTracking().FirstAsync(d => d.OperationId == operation.Id && d.E164 == e164, ct);
            return new DncItem(existing.E164, existing.Source, existing.Reason, existing.CreatedAt);
        }

        return new DncItem(entry.E164, entry.Source, entry.Reason, entry.CreatedAt);
    }

    public async Task<Result<bool>> RemoveAsync(string operationCode, string phone, CancellationToken ct)
    {
        var target = await ResolveAsync(operationCode, phone, ct);
        if (!target.IsSuccess)
        {
            return target.Error!;
        }

        var (operation, e164) = target.Value;
        var entry = await db.DncEntries.FirstOrDefaultAsync(d => d.OperationId == operation.Id && d.E164 == e164, ct);
        if (entry is null)
        {
            return Error.NotFound("dnc.not_found", e164);
        }

        db.DncEntries.Remove(entry);
        await db.SaveChangesAsync(ct);
        return true;
    }

    public async Task<Result<IReadOnlyList<DncItem>>> ListAsync(string operationCode, CancellationToken ct)
    {
        var operation = await OperationAsync(operationCode, ct);
        if (!operation.IsSuccess)
        {
            return operation.Error!;
        }

        var id = operation.Value!.Id;
        var items = await db.DncEntries.AsNoTracking().Where(d => d.OperationId == id).OrderBy(d => d.E164)
            .Select(d => new DncItem(d.E164, d.Source, d.Reason, d.CreatedAt)).ToListAsync(ct);
        return items;
    }

    private async Task<Result<(Operation Operation, string E164)>> ResolveAsync(string operationCode, string phone, CancellationToken ct)
    {
        var operation = await OperationAsync(operationCode, ct);
        if (!operation.IsSuccess)
        {
            return operation.Error!;
        }

        var country = await db.Clients.AsNoTracking().Where(c => c.Id == operation.Value!.ClientId).Select(c => c.Country).FirstAsync(ct);
        var e164 = ContactValues.NormalizePhone(phone, country, operation.Value!.DefaultAreaCode);
        return e164.IsSuccess ? (operation.Value, e164.Value!) : Error.Relabel(e164.Error!, "dnc.phone_invalid", "phone");
    }

    private async Task<Result<Operation>> OperationAsync(string operationCode, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(operationCode))
        {
            return Error.Invalid("operation", "dnc.operation_required");
        }

        var operation = await db.Operations.AsNoTracking().FirstOrDefaultAsync(o => o.Code == operationCode.Trim(), ct);
        if (operation is null)
        {
            return Error.NotFound("operation.not_found#2", operationCode.Trim());
        }

        return LeadAccess.CanManageBases(scope, operation.Id)
            ? operation
            : Error.Forbidden("dnc.forbidden");
    }
}

/// <summary>Body of POST /api/v1/outbound/dnc.</summary>
public sealed record DncRequest(string? Operation, string? Phone, string? Reason);
