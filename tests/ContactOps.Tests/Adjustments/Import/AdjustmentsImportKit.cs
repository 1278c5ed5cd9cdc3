using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ContactOps.Modules.Adjustments;
using ContactOps.Platform.Cli;
using ContactOps.Platform.Data;
using ContactOps.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace ContactOps.Tests.Adjustments.Import;

/// <summary>Files of the carrier's adjustments base and the ways the tests load them (API, CLI) and look at the result.</summary>
internal static class AdjustmentsImportKit
{
    public const string Operation = "adjustments-cell";
    public const string BackOffice = "backoffice.adjustments-cell";

    public static readonly string[] Headers = ["cuenta", "escalamiento", "estado_ajuste", "causal", "aprobacion", "valor", "radicado", "login_asesor", "motivo_rechazo"];

    static AdjustmentsImportKit() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>The encoding Excel in es-CO saves CSV in.</summary>
    public static Encoding Windows1252 => Encoding.GetEncoding(1252);

    /// <summary>A <c>;</c> CSV of <paramref name="rows"/> under <paramref name="headers"/> in the given encoding.</summary>
    public static byte[] Csv(IReadOnlyList<string> headers, IEnumerable<string[]> rows, Encoding? encoding = null)
    {
        var text = new StringBuilder().Append(string.Join(';', headers)).Append("\r\n");
        foreach (var row in rows)
        {
            text.Append(string.Join(';', row.Select(v => v.Contains(';', StringComparison.Ordinal) ? "\"" + v + "\"" : v))).Append("\r\n");
        }

        return (encoding ?? new UTF8Encoding(false)).GetBytes(text.ToString());
    }

    public static byte[] Csv(IEnumerable<string[]> rows, Encoding? encoding = null) => Csv(Headers, rows, encoding);

    /// <summary>An XLSX workbook (MiniExcel) with one sheet; values keep their type (numbers stay number cells).</summary>
    public static byte[] Xlsx(IEnumerable<IDictionary<string, object?>> rows)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(rows.ToList(), sheetName: "ajustes");
        return stream.ToArray();
    }

    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] file, string fileName, string? cutoff = null, string operation = Operation)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(operation), "operation");
        if (cutoff is not null)
        {
            form.Add(new StringContent(cutoff), "cutoff");
        }

        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue(fileName.EndsWith(".xlsx", StringComparison.Ordinal) ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv");
        form.Add(content, "file", fileName);
        return await client.PostAsync("/api/v1/adjustments/cuts", form);
    }

    public static async Task<JsonElement> OkJsonAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        using var doc = JsonDocument.Parse(body);
        return doc.RootElement.Clone();
    }

    public static async Task<JsonElement> ImportOkAsync(HttpClient client, byte[] file, string fileName, string? cutoff = null) =>
        await OkJsonAsync(await UploadAsync(client, file, fileName, cutoff));

    public static long N(JsonElement e, string name) => e.GetProperty(name).GetInt64();

    public static async Task<(int Exit, JsonElement? Json, string Out, string Err)> CliAsync(TestApp app, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await CliHost.RunAsync(AppModules.Cli, app.Services, args, output, error);
        var text = output.ToString().Trim();
        JsonElement? json = null;
        if (text.StartsWith('{'))
        {
            using var doc = JsonDocument.Parse(text);
            json = doc.RootElement.Clone();
        }

        return (exit, json, text, error.ToString());
    }

    public static string TempFile(byte[] content, string fileName)
    {
        var dir = Path.Combine(Path.GetTempPath(), "contactops-adj-tests", Path.GetRandomFileName());
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, fileName);
        File.WriteAllBytes(path, content);
        return path;
    }

    public static async Task<T> WithDbAsync<T>(TestApp app, Func<AppDbContext, Guid, Task<T>> work)
    {
        await using var scope = app.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var op = await db.Operations.Where(o => o.Code == Operation).Select(o => o.Id).SingleAsync();
        return await work(db, op);
    }

    public static Task<Adjustment> AdjustmentAsync(TestApp app, string key) =>
        WithDbAsync(app, (db, op) => db.Adjustments.AsNoTracking().SingleAsync(a => a.OperationId == op && a.Key == key));

    /// <summary>Rows of every adjustments table of the operation (to prove a refused file wrote nothing).</summary>
    public static Task<(int Adjustments, int Cuts, int Records, int Steps)> CountsAsync(TestApp app) =>
        WithDbAsync(app, async (db, op) => (
            await db.Adjustments.CountAsync(a => a.OperationId == op),
            await db.AdjustmentCuts.CountAsync(a => a.OperationId == op),
            await db.AdjustmentCutRecords.CountAsync(a => a.OperationId == op),
            await db.AdjustmentSteps.CountAsync(a => a.OperationId == op)));
}
