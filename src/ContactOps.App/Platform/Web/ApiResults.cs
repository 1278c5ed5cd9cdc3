using ContactOps.Platform.Localization;
using ContactOps.Platform.Results;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Platform.Web;

/// <summary>Maps expected failures to RFC 9457 ProblemDetails, once, at the API edge.</summary>
public static class ApiResults
{
    public static IResult Problem(Error error)
    {
        var status = error.Kind switch
        {
            ErrorKind.Validation => StatusCodes.Status400BadRequest,
            ErrorKind.NotFound => StatusCodes.Status404NotFound,
            ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
            ErrorKind.Conflict => StatusCodes.Status409Conflict,
            ErrorKind.TooManyRequests => StatusCodes.Status429TooManyRequests,
            _ => StatusCodes.Status500InternalServerError,
        };
        var extensions = new Dictionary<string, object?>(StringComparer.Ordinal) { ["code"] = error.Code };
        foreach (var (key, value) in error.Data ?? new Dictionary<string, object?>())
        {
            extensions.TryAdd(key, value);
        }

        if (error.Kind == ErrorKind.Validation)
        {
            var fields = error.Fields ?? new Dictionary<string, string[]>(StringComparer.Ordinal) { [""] = [error.Message] };
            return TypedResults.ValidationProblem(fields.ToDictionary(k => k.Key, v => v.Value, StringComparer.Ordinal), detail: error.Message, title: Messages.Text("Problem.validation"), extensions: extensions);
        }

        return TypedResults.Problem(detail: error.Message, statusCode: status, title: Title(error.Kind), extensions: extensions);
    }

    public static IResult From<T>(Result<T> result) => result.IsSuccess ? TypedResults.Ok(result.Value) : Problem(result.Error!);

    public static IResult From(Result result) => result.IsSuccess ? TypedResults.NoContent() : Problem(result.Error!);

    private static string Title(ErrorKind kind) => kind switch
    {
        ErrorKind.NotFound => Messages.Text("Problem.not_found"),
        ErrorKind.Forbidden => Messages.Text("Problem.forbidden"),
        ErrorKind.Conflict => Messages.Text("Problem.conflict"),
        ErrorKind.TooManyRequests => Messages.Text("Problem.too_many_requests"),
        _ => Messages.Text("Problem.failure"),
    };
}

/// <summary>
/// One page of a list. Every list endpoint pages: <c>?page=1&amp;pageSize=50</c> (max 500). <see cref="Total"/> counts
/// up to <see cref="PagingQueries.CountCap"/>; past it, <see cref="TotalCapped"/> is true and Total is the cap ("more than
/// 10,000": narrow the filters), so a count never reads a million rows.
/// </summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, long Total, bool TotalCapped = false)
{
    /// <summary>The same page with its items turned into another shape.</summary>
    public Page<TOut> Map<TOut>(Func<T, TOut> map) => new(Items.Select(map).ToList(), PageNumber, PageSize, Total, TotalCapped);
}

public static class PagingQueries
{
    /// <summary>Most rows a list counts: past it the count says "more than" (<see cref="Page{T}.TotalCapped"/>).</summary>
    public const int CountCap = 10_000;

    /// <summary>
    /// Counts the query up to <see cref="CountCap"/> (a bounded read: the count stops at the cap instead of reading every
    /// matching row) and reads one page of it (the query must already be ordered), both in SQL.
    /// </summary>
    public static Task<Page<T>> ToPageAsync<T>(this IQueryable<T> ordered, Paging paging, CancellationToken ct) =>
        ordered.ToPageAsync(paging, CountCap, ct);

    /// <summary>
    /// A count that stops at <paramref name="cap"/> (default <see cref="CountCap"/>): a bounded read of an index range
    /// instead of every matching row. <c>Capped</c> says there are more; show it as "10.000+".
    /// </summary>
    public static async Task<(long Count, bool Capped)> CappedCountAsync<T>(this IQueryable<T> query, CancellationToken ct, int cap = CountCap)
    {
        var counted = await query.Take(cap + 1).LongCountAsync(ct);
        return (Math.Min(counted, cap), counted > cap);
    }

    /// <summary>A capped count as the user reads it: "10.000+" past the cap (the current culture's digits).</summary>
    public static string CountText(long count, bool capped) =>
        count.ToString("N0", System.Globalization.CultureInfo.CurrentCulture) + (capped ? "+" : "");

    /// <summary><see cref="ToPageAsync{T}(IQueryable{T}, Paging, CancellationToken)"/> with another cap.</summary>
    public static async Task<Page<T>> ToPageAsync<T>(this IQueryable<T> ordered, Paging paging, int countCap, CancellationToken ct)
    {
        var counted = await ordered.Take(countCap + 1).LongCountAsync(ct);
        var items = await ordered.Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return new Page<T>(items, paging.Page, paging.PageSize, Math.Min(counted, countCap), counted > countCap);
    }
}

public readonly record struct Paging(int Page, int PageSize)
{
    public const int MaxPageSize = 500;

    public int Skip => (Page - 1) * PageSize;

    public static Result<Paging> From(int? page, int? pageSize)
    {
        var p = page ?? 1;
        var s = pageSize ?? 50;
        var fields = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (p < 1)
        {
            fields["page"] = [Messages.Text("Field.ApiResults.page")];
        }
        else if (s >= 1 && (long)(p - 1) * s > int.MaxValue)
        {
            fields["page"] = [Messages.Text("Field.ApiResults.page#2")];
        }

        if (s < 1 || s > MaxPageSize)
        {
            fields["pageSize"] = [Messages.Text("Field.ApiResults.pageSize", MaxPageSize)];
        }

        return fields.Count > 0 ? Error.Validation(fields) : new Paging(p, s);
    }
}
