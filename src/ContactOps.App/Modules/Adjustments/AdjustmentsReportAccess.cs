using ContactOps.Platform.Localization;
using System.Globalization;
using System.Text.RegularExpressions;
using ContactOps.Modules.Organization;
using ContactOps.Platform.Auth;
using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Adjustments;

/// <summary>The adjustments operation a report or a coaching action is about, resolved for the caller.</summary>
public sealed record AdjustmentsOperation(Guid Id, Guid ClientId, string Code, string Name, TimeZoneInfo Zone, string Currency);

/// <summary>An ISO week (Monday..Sunday) as "yyyy-Www".</summary>
public readonly record struct IsoWeekRef(int Year, int Week)
{
    public DateOnly Monday => DateOnly.FromDateTime(ISOWeek.ToDateTime(Year, Week, DayOfWeek.Monday));

    public DateOnly Sunday => Monday.AddDays(6);

    public IsoWeekRef Next => Of(Monday.AddDays(7));

    public IsoWeekRef Previous => Of(Monday.AddDays(-7));

    public static IsoWeekRef Of(DateOnly date)
    {
        var dt = date.ToDateTime(TimeOnly.MinValue);
        return new IsoWeekRef(ISOWeek.GetYear(dt), ISOWeek.GetWeekOfYear(dt));
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:0000}-W{Week:00}");
}

/// <summary>
/// Who may read the cell's reports and how their inputs are validated. Readers: supervisors, coordinators, managers and
/// admins of the operation, its quality analysts, and the platform/system. The operation must be of kind Adjustments.
/// Another client's operation is simply not found (tenancy query filter → 404).
/// </summary>
public static partial class AdjustmentsReportAccess
{
    public const int MaxDays = 400;

    public static bool CanRead(AccessScope scope, Guid operationId) =>
        scope.SeesAll || scope.RoleIn(operationId) is { } role && (Roles.IsLeader(role) || role == Role.QualityAnalyst);

    /// <summary>Supervisors, coordinators and managers of the operation (and the system) write coaching commitments.</summary>
    public static bool CanCoach(AccessScope scope, Guid operationId) =>
        scope.SeesAll || scope.HasRole(operationId, Role.Supervisor, Role.Coordinator, Role.Manager);

    public static async Task<Result<AdjustmentsOperation>> OperationAsync(AppDbContext db, AccessScope scope, string? code, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        if (string.IsNullOrWhiteSpace(code))
        {
            return Error.Invalid("operation", "report.operation_required");
        }

        var c = code.Trim();
        var op = await db.Operations.AsNoTracking().FirstOrDefaultAsync(o => o.Code == c, ct);
        if (op is null)
        {
            return Error.NotFound("operation.not_found#2", c);
        }

        if (op.Kind != OperationKind.Adjustments)
        {
            return Error.Invalid("operation", "report.not_adjustments", c);
        }

        if (!CanRead(scope, op.Id))
        {
            return Error.Forbidden("report.forbidden");
        }

        var client = await db.Clients.AsNoTracking().Where(x => x.Id == op.ClientId).Select(x => new { x.TimeZoneId, x.Currency }).FirstAsync(ct);
        return new AdjustmentsOperation(op.Id, op.ClientId, op.Code, op.Name, TimeZoneInfo.FindSystemTimeZoneById(client.TimeZoneId), client.Currency);
    }

    /// <summary>Parses "yyyy-Www" (e.g. 2026-W47); the week must exist in that ISO year.</summary>
    public static Result<IsoWeekRef> Week(string? text, string field = "week")
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Error.Invalid(field, "report.week_required");
        }

        var m = WeekPattern().Match(text.Trim());
        if (!m.Success)
        {
            return Error.Invalid(field, "report.week_invalid", text);
        }

        var year = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        var week = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
        if (year < 2000 || year > 2100 || week < 1 || week > ISOWeek.GetWeeksInYear(year))
        {
            return Error.Invalid(field, "report.week_invalid#2", text, year, (year is >= 2000 and <= 2100 ? ISOWeek.GetWeeksInYear(year) : 52));
        }

        return new IsoWeekRef(year, week);
    }

    /// <summary>A required yyyy-MM-dd date, or a field error.</summary>
    public static DateOnly? Date(string? text, string field, Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(text))
        {
            errors[field] = [Messages.Text("Field.AdjustmentsReportAccess.field")];
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && Platform.Calendar.PlausibleDates.Contains(d))
        {
            return d;
        }

        errors[field] = [Messages.Text("Field.AdjustmentsReportAccess.field#2", text)];
        return null;
    }

    /// <summary>Validates a period (from ≤ to, at most <see cref="MaxDays"/> days).</summary>
    public static Result<(DateOnly From, DateOnly To)> Period(string? from, string? to)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var f = Date(from, "from", errors);
        var t = Date(to, "to", errors);
        if (f is { } ff && t is { } tt)
        {
            if (tt < ff)
            {
                errors["to"] = [Messages.Text("Field.AdjustmentsReportAccess.to")];
            }
            else if (tt.DayNumber - ff.DayNumber + 1 > MaxDays)
            {
                errors["to"] = [Messages.Text("Field.AdjustmentsReportAccess.to#2", MaxDays)];
            }
        }

        return errors.Count > 0 ? Error.Validation(errors) : (f!.Value, t!.Value);
    }

    /// <summary>The last complete ISO week before the given local date (the coaching page's default).</summary>
    public static IsoWeekRef LastCompleteWeek(DateOnly today) => IsoWeekRef.Of(today).Previous;

    [GeneratedRegex(@"^(\d{4})-?[Ww](\d{1,2})$", RegexOptions.CultureInvariant)]
    private static partial Regex WeekPattern();
}
