using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ContactOps.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ContactOps.Tests.Security;

/// <summary>
/// Sends boundary and garbage values to every operation of the OpenAPI document, as the platform admin (who reaches the
/// deepest code) and fails on any 5xx or on a request that does not answer in time: a bad input is the caller's
/// mistake, answered 4xx with a code, never a server error.
/// </summary>
public class ApiFuzzTests(ITestOutputHelper output)
{
    private static readonly TimeSpan PerRequest = TimeSpan.FromSeconds(20);

    /// <summary>Value sets: each fills every parameter and body leaf of an operation at once.</summary>
    private static readonly string[] Profiles = ["deep", "max", "min", "garbage", "wrong-type", "null", "far", "early"];

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task No_operation_answers_a_server_error_to_boundary_or_garbage_input(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var api = await OpenApiOperations.LoadAsync(app);
        var admin = await app.ClientForAsync("admin");
        using var anonymous = app.CreateClient(); // the sign-in endpoints (revoke would end the admin's own session)
        var failures = new List<string>();
        var requests = 0;
        var statuses = new SortedDictionary<int, int>();
        foreach (var op in api.All)
        {
            foreach (var profile in Profiles.Append("malformed"))
            {
                if (profile == "malformed" && op.BodyType is null)
                {
                    continue;
                }

                using var request = Request(api, op, profile);
                using var cts = new CancellationTokenSource(PerRequest);
                requests++;
                try
                {
                    var caller = op.Path.StartsWith("/api/v1/auth/", StringComparison.Ordinal) ? anonymous : admin;
                    using var response = await caller.SendAsync(request, cts.Token);
                    statuses[(int)response.StatusCode] = statuses.GetValueOrDefault((int)response.StatusCode) + 1;
                    if ((int)response.StatusCode >= 500)
                    {
                        var body = await response.Content.ReadAsStringAsync(CancellationToken.None);
                        failures.Add($"{op} [{profile}] {(int)response.StatusCode}: {request.RequestUri} {body[..Math.Min(body.Length, 300)]}");
                    }
                }
                catch (OperationCanceledException)
                {
                    failures.Add($"{op} [{profile}] no answer in {PerRequest.TotalSeconds} s: {request.RequestUri}");
                }
            }
        }

        output.WriteLine($"{api.All.Count} operations, {requests} requests, {failures.Count} failures; answers: {string.Join(", ", statuses.Select(s => $"{s.Key}×{s.Value}"))}");
        Assert.True(statuses.GetValueOrDefault(401) + statuses.GetValueOrDefault(429) < requests / 10, "the fuzz must reach the handlers, not the sign-in or the rate limits");
        Assert.True(api.All.Count > 150, $"only {api.All.Count} operations in the OpenAPI document");
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    private static HttpRequestMessage Request(OpenApiOperations api, ApiOperation op, string profile)
    {
        var path = op.Path;
        var operation = OperationServing(op.Path);
        var query = new List<string>();
        foreach (var p in op.Parameters)
        {
            var value = Leaf(api.TypeOf(p.Schema), api.FormatOf(p.Schema), p.Name, profile == "malformed" ? "deep" : profile, operation);
            var text = value is null ? "" : value.GetValueKind() == System.Text.Json.JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString();
            if (p.In == "path")
            {
                // A path value must still match the route's constraint, or the router answers 404 before any code runs.
                var routeValue = api.FormatOf(p.Schema) == "uuid" || p.Name is "id" or "teamId" ? Guid.NewGuid().ToString()
                    : string.IsNullOrEmpty(text) ? "x" : text.Replace("\0", "", StringComparison.Ordinal); // Kestrel refuses NUL in a path itself
                path = path.Replace("{" + p.Name + "}", Uri.EscapeDataString(routeValue), StringComparison.Ordinal);
            }
            else if (p.In == "query")
            {
                query.Add(Uri.EscapeDataString(p.Name) + "=" + Uri.EscapeDataString(text));
            }
        }

        var request = new HttpRequestMessage(new HttpMethod(op.Method), path + (query.Count > 0 ? "?" + string.Join('&', query) : ""));
        if (op.BodyType is null)
        {
            return request;
        }

        if (profile == "malformed")
        {
            request.Content = new StringContent("{\"a\": [1, 2,", Encoding.UTF8, op.BodyType.StartsWith("multipart", StringComparison.Ordinal) ? "application/json" : op.BodyType);
            return request;
        }

        if (op.BodyType.StartsWith("multipart/", StringComparison.Ordinal) || op.BodyType == "application/x-www-form-urlencoded")
        {
            var form = new MultipartFormDataContent();
            var fields = op.BodySchema is { } s ? api.Properties(s).ToList() : [];
            if (fields.Count == 0)
            {
                fields.Add(("file", default));
            }

            foreach (var (name, schema) in fields)
            {
                var format = schema.ValueKind == System.Text.Json.JsonValueKind.Undefined ? "binary" : api.FormatOf(schema);
                if (format == "binary" || api.TypeOf(schema) == "object")
                {
                    var file = new ByteArrayContent(FileBytes(profile));
                    file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
                    form.Add(file, name, profile == "garbage" ? "../../evil;.csv" : "datos.csv");
                }
                else
                {
                    var value = Leaf(api.TypeOf(schema), format, name, profile, operation);
                    form.Add(new StringContent(value is null ? "" : value.GetValueKind() == System.Text.Json.JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString()), name);
                }
            }

            request.Content = form;
            return request;
        }

        var json = op.BodySchema is { } schemaOfBody ? api.Build(schemaOfBody, (type, format, name) => Leaf(type, format, name, profile, operation)) : new JsonObject();
        request.Content = new StringContent(json?.ToJsonString() ?? "null", Encoding.UTF8, "application/json");
        return request;
    }

    private static byte[] FileBytes(string profile) => profile switch
    {
        "max" => Encoding.UTF8.GetBytes("documento;nombre\n" + string.Concat(Enumerable.Repeat("1;" + new string('x', 3000) + "\n", 50))),
        "min" => [],
        "garbage" => [0x50, 0x4B, 0x03, 0x04, 0xFF, 0x00, 0x13, 0x37, 0xDE, 0xAD, 0xBE, 0xEF],
        _ => Encoding.UTF8.GetBytes("documento;nombre;telefono\n1020304050;Ana;3001234567\n9999999999999999999999;;\n"),
    };

    /// <summary>The value of one leaf (parameter, property or array item) for a profile.</summary>
    /// <summary>A demo operation of the kind the route serves, so that the values reach past the "wrong kind of operation" check.</summary>
    private static string OperationServing(string path) =>
        path.StartsWith("/api/v1/outbound", StringComparison.Ordinal) ? "devices-outbound"
        : path.StartsWith("/api/v1/adjustments", StringComparison.Ordinal) ? "adjustments-cell"
        : path.StartsWith("/api/v1/sales", StringComparison.Ordinal) || path.StartsWith("/api/v1/devices", StringComparison.Ordinal) ? "sales-cell"
        : "premium-sales";

    private static JsonNode? Leaf(string type, string? format, string name, string profile, string operation)
    {
        if (profile == "null")
        {
            return null;
        }

        if (profile == "wrong-type")
        {
            return type == "string" ? JsonValue.Create(12345) : JsonValue.Create("abc");
        }

        if (profile is "far" or "early")
        {
            // Plausible values everywhere but the dates, at the ends of the calendar: arithmetic on them overflows.
            var far = profile == "far";
            return (type, format) switch
            {
                ("integer", _) or ("number", _) => JsonValue.Create(10),
                ("boolean", _) => JsonValue.Create(true),
                (_, "date") => JsonValue.Create(far ? "9999-12-31" : "0001-01-01"),
                (_, "uuid") => JsonValue.Create(Guid.NewGuid().ToString()),
                (_, "date-time") => JsonValue.Create(far ? "9999-12-31T23:59:59+00:00" : "0001-01-01T00:00:00+00:00"),
                _ when LooksLikeADate(name) => JsonValue.Create(far ? "9999-12-31T23:59:59Z" : "0001-01-01T00:00:00Z"),
                _ => JsonValue.Create(StringFor(name, "deep", operation)),
            };
        }

        return (type, format) switch
        {
            ("integer", _) => profile switch
            {
                "max" => format == "int64" ? JsonValue.Create(long.MaxValue) : JsonValue.Create(int.MaxValue),
                "min" => format == "int64" ? JsonValue.Create(long.MinValue) : JsonValue.Create(int.MinValue),
                "garbage" => JsonValue.Create(-1),
                _ => JsonValue.Create(2_000_000_000),
            },
            ("number", _) => profile switch
            {
                "max" => JsonValue.Create(1e28m),
                "min" => JsonValue.Create(-1e28m),
                "garbage" => JsonValue.Create(0.000000001m),
                _ => JsonValue.Create(79228162514264337593543950335m),
            },
            ("boolean", _) => JsonValue.Create(profile != "min"),
            (_, "date-time") => JsonValue.Create(profile switch
            {
                "min" => "0001-01-01T00:00:00+00:00",
                "garbage" => "2026-02-30T25:61:00+14:00",
                _ => "9999-12-31T23:59:59+00:00",
            }),
            (_, "date") => JsonValue.Create(profile switch
            {
                "min" => "0001-01-01",
                "garbage" => "2026-13-45",
                _ => "9999-12-31",
            }),
            (_, "uuid") => JsonValue.Create(profile == "garbage" ? "00000000-0000-0000-0000-000000000000" : Guid.NewGuid().ToString()),
            _ => JsonValue.Create(StringFor(name, profile, operation)),
        };
    }

    private static bool LooksLikeADate(string name)
    {
        var lower = name.ToLowerInvariant();
        return lower is "from" or "to" or "at" or "date" or "day" or "cutoff" || lower.Contains("due", StringComparison.Ordinal)
               || name.EndsWith("At", StringComparison.Ordinal) || lower.Contains("date", StringComparison.Ordinal);
    }

    private static string StringFor(string name, string profile, string operation)
    {
        var lower = name.ToLowerInvariant();
        return profile switch
        {
            "max" => new string('9', 6000),
            "min" => "",
            "garbage" => "\u0000<script>alert(1)</script>'\";--%00../../etc/passwd\r\n\t\uFFFF\uD800",
            _ when lower.Contains("operation", StringComparison.Ordinal) || lower is "code" => operation,
            _ when lower.Contains("client", StringComparison.Ordinal) => "telco-co",
            _ when lower.Contains("role", StringComparison.Ordinal) => "Agent",
            _ when lower.Contains("month", StringComparison.Ordinal) => "9999-12",
            _ when lower.Contains("week", StringComparison.Ordinal) => "9999-W52",
            _ when lower is "from" or "to" or "date" or "day" => "9999-12-31",
            _ => "9999-12-31T23:59:59" + CultureInfo.InvariantCulture.NumberFormat.NumberDecimalSeparator + "9",
        };
    }
}
