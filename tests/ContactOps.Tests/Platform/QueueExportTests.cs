using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using ContactOps.Tests.Infrastructure;
using ContactOps.Tests.Outbound.Desk;
using MiniExcelLibs;

namespace ContactOps.Tests.Platform;

/// <summary>
/// Issue 14, exports of the queues a leader works: each downloads as CSV (<c>;</c>, UTF-8 with BOM) and XLSX with the
/// list's filters, the same rows as the list, headers and words in the user's language, times local to the client;
/// a role that does not work the queue is refused and a bad format is a 400 with its code.
/// </summary>
public class QueueExportTests
{
    private static readonly TimeZoneInfo Bogota = TimeZoneInfo.FindSystemTimeZoneById("America/Bogota");

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task The_escalations_queue_exports_its_filtered_rows_in_the_users_language_and_local_time(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var supervisor = await app.ClientForAsync("supervisor.premium-sales");
        var list = await Demo.JsonAsync(await supervisor.GetAsync("/api/v1/escalations?operation=premium-sales&filter=open&pageSize=500"));
        var items = list.GetProperty("page").GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(items);

        var csv = await DownloadAsync(supervisor, "/api/v1/escalations/export?operation=premium-sales&filter=open&format=csv", null, "escalamientos-premium-sales-", ".csv");
        var rows = Csv(csv);
        Assert.Equal(["Operación", "Estado", "Tipo", "Cliente", "Escalado", "Respuesta prometida", "Área", "Respondido", "Respondido por", "Respuesta"], rows[0]);
        Assert.Equal(items.Count, rows.Count - 1);
        for (var i = 0; i < items.Count; i++)
        {
            var (item, row) = (items[i], rows[i + 1]);
            Assert.Equal("premium-sales", row[0]);
            Assert.Equal(item.GetProperty("typeName").GetString(), row[2]);
            Assert.Equal(Local(item.GetProperty("openedAt").GetDateTimeOffset()), row[4]);
            Assert.Equal(Local(item.GetProperty("promised").GetProperty("dueAt").GetDateTimeOffset()), row[5]);
            Assert.Equal(AlarmEs(item.GetProperty("alarm").GetString()!), row[1]);
        }

        Assert.Contains(rows.Skip(1), r => r[1] == "Vencido"); // the demo's overdue case, as a word

        var xlsx = Xlsx(await DownloadAsync(supervisor, "/api/v1/escalations/export?operation=premium-sales&filter=open&format=xlsx", "en", "escalations-premium-sales-", ".xlsx"));
        Assert.Equal(["Operation", "Status", "Type", "Customer", "Escalated", "Promised answer", "Area", "Answered", "Answered by", "Answer"], xlsx[0]);
        Assert.Equal(rows.Skip(1).Select(r => r[2]), xlsx.Skip(1).Select(r => r[2]));
        Assert.Equal(rows.Skip(1).Select(r => r[4]), xlsx.Skip(1).Select(r => r[4]));
        Assert.Contains(xlsx.Skip(1), r => r[1] == "Overdue");

        // The answered filter exports only answered ones (none of the open rows).
        var answered = Csv(await DownloadAsync(supervisor, "/api/v1/escalations/export?operation=premium-sales&filter=answered", null, "escalamientos-", ".csv"));
        Assert.DoesNotContain(answered.Skip(1), r => r[1] is "Vencido" or "Por vencer" or "A tiempo");

        await RefusedAsync(app, "agent.premium-sales", "/api/v1/escalations/export?operation=premium-sales&format=csv");
        await BadFormatAsync(supervisor, "/api/v1/escalations/export?operation=premium-sales&format=pdf");
        Assert.Empty(app.LoggedErrors);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task The_back_office_queue_exports_its_filtered_rows_in_the_users_language_and_local_time(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var bo = await app.ClientForAsync("backoffice.sales-cell");
        var list = await Demo.JsonAsync(await bo.GetAsync("/api/v1/sales?operation=sales-cell&openOnly=true&pageSize=500"));
        var items = list.GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(items);

        var rows = Csv(await DownloadAsync(bo, "/api/v1/sales/backoffice/export?operation=sales-cell&openOnly=true&format=csv", null, "backoffice-ventas-sales-cell-", ".csv"));
        Assert.Equal(["Operación", "Fecha de venta", "Tipo de venta", "Estado", "Cliente", "Cuenta / línea", "Asesor", "Responsable", "Seguimiento", "Valor mensual", "Moneda"], rows[0]);
        Assert.Equal(items.Count, rows.Count - 1);
        for (var i = 0; i < items.Count; i++)
        {
            var (item, row) = (items[i], rows[i + 1]);
            Assert.Equal(item.GetProperty("operationCode").GetString(), row[0]);
            Assert.Equal(Local(item.GetProperty("soldAt").GetDateTimeOffset()), row[1]);
            Assert.Equal(item.GetProperty("customerName").GetString(), row[4]);
        }

        // A state filter: the same rows as the list with it, the state as a word in Spanish, then in English.
        var registered = (await Demo.JsonAsync(await bo.GetAsync("/api/v1/sales?operation=sales-cell&state=Registered&pageSize=500"))).GetProperty("items").GetArrayLength();
        var filtered = Csv(await DownloadAsync(bo, "/api/v1/sales/backoffice/export?operation=sales-cell&state=Registered&format=csv", null, "backoffice-ventas-", ".csv"));
        Assert.Equal(registered, filtered.Count - 1);
        Assert.All(filtered.Skip(1), r => Assert.Equal("Registrada", r[3]));
        var english = Xlsx(await DownloadAsync(bo, "/api/v1/sales/backoffice/export?operation=sales-cell&state=Registered&format=xlsx", "en", "sales-backoffice-sales-cell-", ".xlsx"));
        Assert.Equal(["Operation", "Sold on", "Sale kind", "State", "Customer", "Account / line", "Agent", "Assigned to", "Follow-up", "Monthly value", "Currency"], english[0]);
        Assert.Equal(registered, english.Count - 1);
        Assert.All(english.Skip(1), r => Assert.Equal("Registered", r[3]));
        Assert.Equal(filtered.Skip(1).Select(r => r[1]), english.Skip(1).Select(r => r[1]));

        await RefusedAsync(app, "agent.sales-cell", "/api/v1/sales/backoffice/export?operation=sales-cell");
        await BadFormatAsync(bo, "/api/v1/sales/backoffice/export?operation=sales-cell&format=xls");
        Assert.Empty(app.LoggedErrors);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task The_adjustments_queue_exports_its_filtered_sorted_rows_in_the_users_language(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var supervisor = await app.ClientForAsync("supervisor.adjustments-cell");
        const string filters = "operation=adjustments-cell&state=open&sort=age";
        var list = await Demo.JsonAsync(await supervisor.GetAsync($"/api/v1/adjustments?{filters}&pageSize=500"));
        var items = list.GetProperty("page").GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(items);

        var rows = Csv(await DownloadAsync(supervisor, $"/api/v1/adjustments/export?{filters}&format=csv", null, "ajustes-adjustments-cell-", ".csv"));
        Assert.Equal(["Escalamiento / clave", "Cuenta", "Causal", "Asesor", "Estado", "Valor", "Moneda", "Reloj PQR", "Vence", "Días hábiles", "Plazo de recurso", "Días", "Asignado a", "Próximo contacto"], rows[0]);
        Assert.Equal(items.Count, rows.Count - 1);
        for (var i = 0; i < items.Count; i++)
        {
            var (item, row) = (items[i], rows[i + 1]);
            Assert.Equal(item.GetProperty("account").GetString(), row[1]);
            Assert.Equal(item.GetProperty("stateName").GetString(), row[4]);
            Assert.NotEqual(item.GetProperty("state").GetString(), row[4]);
            Assert.Equal(item.GetProperty("pqrDueOn").ValueKind == JsonValueKind.Null ? "" : item.GetProperty("pqrDueOn").GetString(), row[8]);
            Assert.Equal(item.GetProperty("ageDays").GetInt32().ToString(CultureInfo.InvariantCulture), row[11]);
        }

        var english = Xlsx(await DownloadAsync(supervisor, $"/api/v1/adjustments/export?{filters}&format=xlsx", "en", "adjustments-adjustments-cell-", ".xlsx"));
        Assert.Equal("Account", english[0][1]);
        Assert.Equal(rows.Skip(1).Select(r => r[1]), english.Skip(1).Select(r => r[1]));

        await RefusedAsync(app, "agent.adjustments-cell", $"/api/v1/adjustments/export?{filters}");
        await BadFormatAsync(supervisor, $"/api/v1/adjustments/export?{filters}&format=json");
        Assert.Empty(app.LoggedErrors);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task The_floor_exports_its_agents_with_state_and_local_time(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var now = new DateTimeOffset(2026, 12, 1, 15, 0, 0, TimeSpan.Zero); // Tuesday 10:00 in Bogotá
        await using var desk = await DeskApp.StartAsync(app, now);
        var agent = await desk.ClientAsync(DeskApp.Agent);
        var supervisor = await desk.ClientAsync(DeskApp.Supervisor);
        await DeskApi.OkAsync(await agent.PostAsync("join"));
        await DeskApi.OkAsync(await agent.PostAsync("ready"));
        desk.Clock.Advance(TimeSpan.FromMinutes(5));
        await DeskApi.OkAsync(await agent.PostAsync("pause", new { reasonCode = "break" }));
        desk.Clock.Advance(TimeSpan.FromMinutes(14));

        var floor = await DeskApi.OkAsync(await supervisor.GetAsync("/api/v1/outbound/floor" + DeskApi.Q));
        var seen = floor.GetProperty("agents").EnumerateArray().Single();
        var rows = Csv(await DownloadAsync(supervisor, "/api/v1/outbound/floor/export" + DeskApi.Q + "&format=csv", null, "piso-devices-outbound-20261201-1019", ".csv"));
        Assert.Equal(["Asesor", "Usuario", "Estado", "Motivo", "Desde", "Tiempo en el estado", "Segundos en el estado", "Sobre el límite", "Teléfono"], rows[0]);
        var row = Assert.Single(rows.Skip(1));
        Assert.Equal(seen.GetProperty("displayName").GetString(), row[0]);
        Assert.Equal(seen.GetProperty("login").GetString(), row[1]);
        Assert.Equal("En pausa", row[2]);
        Assert.Equal("Descanso", row[3]);
        Assert.Equal("2026-12-01 10:05", row[4]);
        Assert.Equal("14:00", row[5]);
        Assert.Equal("840", row[6]);
        Assert.Equal("no", row[7]);

        var english = Xlsx(await DownloadAsync(supervisor, "/api/v1/outbound/floor/export" + DeskApi.Q + "&format=xlsx", "en", "floor-devices-outbound-", ".xlsx"));
        Assert.Equal(["Agent", "User name", "State", "Reason", "Since", "Time in state", "Seconds in state", "Over the limit", "Phone"], english[0].Take(9));
        Assert.Equal("Paused", english[1][2]);
        Assert.Equal("2026-12-01 10:05", english[1][4]);
        Assert.Equal("840", english[1][6]);

        var refused = await agent.GetAsync("/api/v1/outbound/floor/export" + DeskApi.Q);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        await BadFormatAsync(supervisor, "/api/v1/outbound/floor/export" + DeskApi.Q + "&format=docx");
    }

    private static string Local(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, Bogota).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static string AlarmEs(string alarm) => alarm switch
    {
        "Overdue" => "Vencido",
        "DueSoon" => "Por vencer",
        "OnTime" => "A tiempo",
        "AnsweredOnTime" => "Respondido a tiempo",
        _ => "Respondido tarde",
    };

    private static async Task<byte[]> DownloadAsync(HttpClient client, string url, string? culture, string namePrefix, string extension)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (culture is not null)
        {
            request.Headers.Add("Cookie", ".AspNetCore.Culture=" + Uri.EscapeDataString($"c={culture}|uic={culture}"));
        }

        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var disposition = response.Content.Headers.ContentDisposition;
        Assert.Equal("attachment", disposition?.DispositionType);
        var name = disposition!.FileNameStar ?? disposition.FileName!.Trim('"');
        Assert.StartsWith(namePrefix, name, StringComparison.Ordinal);
        Assert.EndsWith(extension, name, StringComparison.Ordinal);
        Assert.Equal(extension == ".csv" ? "text/csv" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        Assert.False(response.Headers.Contains("X-Export-Capped"));
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static async Task RefusedAsync(TestApp app, string userName, string url)
    {
        var client = await app.ClientForAsync(userName);
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private static async Task BadFormatAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await Demo.JsonAsync(response);
        Assert.Equal("export.format", problem.GetProperty("code").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("format", out _));
    }

    /// <summary>A CSV as written: UTF-8 with BOM, <c>;</c>, quoted fields with doubled quotes, CRLF rows.</summary>
    public static List<string[]> Csv(byte[] bytes)
    {
        Assert.True(bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF, "UTF-8 BOM");
        var text = new UTF8Encoding(false, true).GetString(bytes, 3, bytes.Length - 3);
        var rows = new List<string[]>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ';')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                row.Add(field.ToString());
                field.Clear();
                rows.Add([.. row]);
                row.Clear();
                i++;
            }
            else
            {
                field.Append(c);
            }
        }

        Assert.True(row.Count == 0 && field.Length == 0, "the file ends with a row end");
        return rows;
    }

    /// <summary>An XLSX's first sheet read back with MiniExcel, every cell as text (dates as <c>yyyy-MM-dd HH:mm</c>, numbers invariant).</summary>
    public static List<string[]> Xlsx(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        return MiniExcel.Query(stream, useHeaderRow: false).Cast<IDictionary<string, object?>>()
            .Select(r => r.Values.Select(v => v switch
            {
                null => "",
                DateTime d => d.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                _ => v.ToString() ?? "",
            }).ToArray())
            .ToList();
    }
}
