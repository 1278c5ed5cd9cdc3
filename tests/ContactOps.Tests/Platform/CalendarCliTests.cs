using System.Net;
using System.Text.Json;
using ContactOps.Platform.Cli;
using ContactOps.Tests.Infrastructure;

namespace ContactOps.Tests.Platform;

/// <summary>`calendar due` / `calendar holidays` run in-process against the real database, and the same through the API.</summary>
public class CalendarCliTests
{
    internal static async Task<(int Exit, string Out, string Err)> RunAsync(TestApp app, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CliHost.RunAsync(AppModules.Cli, app.Services, args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    // Expected values computed by hand on the telco-co calendar (America/Bogota, Mon–Fri 08:00–18:00):
    [Theory]
    // Wednesday 16:00 + 4h: 2h on Wednesday, 2h on Thursday morning.
    [InlineData(Provider.Sqlite, "2026-11-18T16:00:00-05:00", "4", "2026-11-19T10:00:00-05:00")]
    [InlineData(Provider.Postgres, "2026-11-18T16:00:00-05:00", "4", "2026-11-19T10:00:00-05:00")]
    // Friday 13 Nov 16:00 + 4h: weekend, then Monday 16 Nov is a holiday (11 Nov moved to Monday), so Tuesday 10:00.
    [InlineData(Provider.Sqlite, "2026-11-13T16:00:00-05:00", "4", "2026-11-17T10:00:00-05:00")]
    [InlineData(Provider.Postgres, "2026-11-13T16:00:00-05:00", "4", "2026-11-17T10:00:00-05:00")]
    // Friday 4 Dec 16:00 + 4h: weekend only, Monday 7 Dec 10:00.
    [InlineData(Provider.Sqlite, "2026-12-04T16:00:00-05:00", "4", "2026-12-07T10:00:00-05:00")]
    // Monday 7 Dec 16:00 + 4h: Tuesday 8 Dec (Immaculate Conception) is closed, so Wednesday 10:00.
    [InlineData(Provider.Postgres, "2026-12-07T16:00:00-05:00", "4", "2026-12-09T10:00:00-05:00")]
    // Exactly a full day from opening completes at the closing instant, not at the next opening.
    [InlineData(Provider.Sqlite, "2026-11-23T08:00:00-05:00", "10", "2026-11-23T18:00:00-05:00")]
    [InlineData(Provider.Postgres, "2026-11-23T08:00:00-05:00", "10", "2026-11-23T18:00:00-05:00")]
    // A start on Saturday begins at Monday's opening; given in UTC, answered in the client's offset.
    [InlineData(Provider.Sqlite, "2026-11-21T15:00:00Z", "1.5", "2026-11-23T09:30:00-05:00")]
    public async Task Calendar_due_prints_the_due_instant_with_the_clients_offset(Provider provider, string from, string hours, string expected)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (exit, output, error) = await RunAsync(app, "calendar", "due", "--client", "telco-co", "--from", from, "--business-hours", hours, "--json");
        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(expected, json.RootElement.GetProperty("due").GetString());

        var plain = await RunAsync(app, "calendar", "due", "--client", "telco-co", "--from", from, "--business-hours", hours);
        Assert.Equal(0, plain.Exit);
        Assert.Equal(expected, plain.Out.Trim());

        var agent = await app.ClientForAsync("agent.premium-sales");
        var response = await agent.GetAsync($"/api/v1/clients/telco-co/calendar/due?from={Uri.EscapeDataString(from)}&businessHours={hours}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, (await Demo.JsonAsync(response)).GetProperty("due").GetString());
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Calendar_holidays_lists_the_bolivian_holidays_of_2027(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (exit, output, error) = await RunAsync(app, "calendar", "holidays", "--client", "telco-bo", "--year", "2027", "--json");
        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(output);
        var dates = json.RootElement.EnumerateArray().Select(h => h.GetProperty("date").GetString()).ToList();

        // Easter 2027 is 28 March: Carnival 8–9 Feb, Good Friday 26 Mar, Corpus Christi 27 May. No fixed holiday falls on a Sunday in 2027.
        string[] expected =
        [
            "2027-01-01", "2027-01-22", "2027-02-08", "2027-02-09", "2027-03-26", "2027-05-01",
            "2027-05-27", "2027-06-21", "2027-08-06", "2027-11-02", "2027-12-25",
        ];
        Assert.Equal(expected, dates);
        Assert.All(json.RootElement.EnumerateArray(), h => Assert.False(string.IsNullOrWhiteSpace(h.GetProperty("name").GetString())));

        var text = await RunAsync(app, "calendar", "holidays", "--client", "telco-bo", "--year", "2027");
        Assert.Equal(0, text.Exit);
        Assert.Equal(expected.Length, text.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Bad_input_exits_with_2_and_a_spanish_message(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);

        var noOffset = await RunAsync(app, "calendar", "due", "--client", "telco-co", "--from", "2026-11-18T16:00:00", "--business-hours", "4");
        Assert.Equal(ExitCodes.BadInput, noOffset.Exit);
        Assert.Contains("zona horaria", noOffset.Err, StringComparison.Ordinal);
        Assert.Equal("", noOffset.Out);

        var unknown = await RunAsync(app, "calendar", "due", "--client", "telco-xx", "--from", "2026-11-18T16:00:00-05:00", "--business-hours", "4");
        Assert.Equal(ExitCodes.BadInput, unknown.Exit);
        Assert.Contains("No existe el cliente 'telco-xx'", unknown.Err, StringComparison.Ordinal);

        var negative = await RunAsync(app, "calendar", "due", "--client", "telco-co", "--from", "2026-11-18T16:00:00-05:00", "--business-hours=-4");
        Assert.Equal(ExitCodes.BadInput, negative.Exit);
        Assert.Contains("horas hábiles", negative.Err, StringComparison.Ordinal);

        var negativeJson = await RunAsync(app, "calendar", "due", "--client", "telco-co", "--from", "2026-11-18T16:00:00-05:00", "--business-hours=-4", "--json");
        Assert.Equal(ExitCodes.BadInput, negativeJson.Exit);
        using (var json = JsonDocument.Parse(negativeJson.Out))
        {
            Assert.True(json.RootElement.GetProperty("fields").TryGetProperty("businessHours", out _));
        }

        var missing = await RunAsync(app, "calendar", "due", "--client", "telco-co");
        Assert.Equal(ExitCodes.BadInput, missing.Exit);
        Assert.Contains("--help", missing.Err, StringComparison.Ordinal);

        var badYear = await RunAsync(app, "calendar", "holidays", "--client", "telco-bo", "--year", "1200");
        Assert.Equal(ExitCodes.BadInput, badYear.Exit);
        Assert.Contains("año válido", badYear.Err, StringComparison.Ordinal);

        // Parse errors are Spanish too, whatever the machine's locale.
        var previous = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.InvariantCulture;
        try
        {
            var notANumber = await RunAsync(app, "calendar", "due", "--client", "telco-co", "--from", "2026-11-18T16:00:00-05:00", "--business-hours", "abc");
            Assert.Equal(ExitCodes.BadInput, notANumber.Exit);
            Assert.Contains("'abc'", notANumber.Err, StringComparison.Ordinal);
            Assert.DoesNotContain("Cannot parse", notANumber.Err, StringComparison.Ordinal);
            var noFrom = await RunAsync(app, "calendar", "due", "--client", "telco-co", "--business-hours", "4");
            Assert.Equal(ExitCodes.BadInput, noFrom.Exit);
            Assert.Contains("Se requiere la opción '--from'", noFrom.Err, StringComparison.Ordinal);
            Assert.Equal(System.Globalization.CultureInfo.InvariantCulture, System.Globalization.CultureInfo.CurrentUICulture);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = previous;
        }

        var help = await RunAsync(app, "calendar", "due", "--help");
        Assert.Equal(0, help.Exit);
        Assert.Contains("--business-hours", help.Out, StringComparison.Ordinal);
        Assert.Equal(0, (await RunAsync(app, "--help")).Exit);

        // The API answers the same errors as ProblemDetails with field errors.
        var agent = await app.ClientForAsync("agent.premium-sales");
        var api = await agent.GetAsync("/api/v1/clients/telco-co/calendar/due?from=2026-11-18T16:00:00&businessHours=-4");
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        var errors = (await Demo.JsonAsync(api)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("from", out _));
        Assert.True(errors.TryGetProperty("businessHours", out _));
        Assert.Equal(HttpStatusCode.NotFound, (await agent.GetAsync("/api/v1/clients/telco-xx/calendar/due?from=2026-11-18T16%3A00%3A00-05%3A00&businessHours=4")).StatusCode);
    }
}
