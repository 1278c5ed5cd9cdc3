using System.Globalization;
using ContactOps.Platform.Files;
using ContactOps.Platform.Results;

namespace ContactOps.Platform.Web;

/// <summary>An export at the API edge: the file (an attachment), with <see cref="TableExport.CappedHeader"/> when rows were left out; a failure as ProblemDetails.</summary>
public static class TableExportResults
{
    public static IResult From(Result<TableFile> result, HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (!result.IsSuccess)
        {
            return ApiResults.Problem(result.Error!);
        }

        var file = result.Value!;
        if (file.Capped)
        {
            http.Response.Headers[TableExport.CappedHeader] = TableExport.MaxRows.ToString(CultureInfo.InvariantCulture);
        }

        return TypedResults.File(file.Content, file.ContentType, file.FileName);
    }
}
