using System.Text.Json;
using System.Text.Json.Nodes;
using ContactOps.Tests.Infrastructure;

namespace ContactOps.Tests.Security;

/// <summary>One parameter of an operation: where it goes, its name and its schema.</summary>
public sealed record ApiParameter(string In, string Name, JsonElement Schema);

/// <summary>One operation of the OpenAPI document: method, path template, parameters and request body.</summary>
public sealed record ApiOperation(string Method, string Path, IReadOnlyList<ApiParameter> Parameters, string? BodyType, JsonElement? BodySchema)
{
    public override string ToString() => $"{Method} {Path}";
}

/// <summary>
/// Reads the application's own OpenAPI document, so the security walks cover every operation, including the ones added
/// after them: a new endpoint is fuzzed, walked across clients and checked against the role table without anyone
/// remembering to add it.
/// </summary>
public sealed class OpenApiOperations
{
    private readonly JsonElement _root;

    private OpenApiOperations(JsonElement root, IReadOnlyList<ApiOperation> operations)
    {
        _root = root;
        All = operations;
    }

    public IReadOnlyList<ApiOperation> All { get; }

    public static async Task<OpenApiOperations> LoadAsync(TestApp app)
    {
        using var client = app.CreateClient();
        var text = await client.GetStringAsync("/openapi/v1.json");
        var root = JsonDocument.Parse(text).RootElement.Clone();
        var operations = new List<ApiOperation>();
        foreach (var path in root.GetProperty("paths").EnumerateObject())
        {
            var shared = path.Value.TryGetProperty("parameters", out var sp) ? sp.EnumerateArray().ToList() : [];
            foreach (var op in path.Value.EnumerateObject().Where(o => o.Name is "get" or "post" or "put" or "delete" or "patch"))
            {
                var parameters = shared.Concat(op.Value.TryGetProperty("parameters", out var p) ? p.EnumerateArray() : [])
                    .Select(x => new ApiParameter(x.GetProperty("in").GetString()!, x.GetProperty("name").GetString()!,
                        x.TryGetProperty("schema", out var s) ? s : default))
                    .ToList();
                string? bodyType = null;
                JsonElement? bodySchema = null;
                if (op.Value.TryGetProperty("requestBody", out var body) && body.TryGetProperty("content", out var content))
                {
                    var media = content.EnumerateObject().FirstOrDefault();
                    bodyType = media.Name;
                    bodySchema = media.Value.TryGetProperty("schema", out var bs) ? bs : null;
                }

                operations.Add(new ApiOperation(op.Name.ToUpperInvariant(), path.Name, parameters, bodyType, bodySchema));
            }
        }

        return new OpenApiOperations(root, operations);
    }

    /// <summary>The schema behind a <c>$ref</c> (or the schema itself).</summary>
    public JsonElement Resolve(JsonElement schema)
    {
        for (var i = 0; i < 10 && schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out var r); i++)
        {
            var node = _root;
            foreach (var part in r.GetString()!.TrimStart('#', '/').Split('/'))
            {
                node = node.GetProperty(part.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal));
            }

            schema = node;
        }

        return schema;
    }

    /// <summary>The schema's type, ignoring "null" in a union (OpenAPI 3.1); "" when it has none.</summary>
    public string TypeOf(JsonElement schema)
    {
        schema = Resolve(schema);
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return "";
        }

        if (schema.TryGetProperty("type", out var t))
        {
            if (t.ValueKind == JsonValueKind.String)
            {
                return t.GetString()!;
            }

            if (t.ValueKind == JsonValueKind.Array)
            {
                return t.EnumerateArray().Select(x => x.GetString()).FirstOrDefault(x => x != "null") ?? "";
            }
        }

        if (schema.TryGetProperty("enum", out _))
        {
            return "string";
        }

        foreach (var union in new[] { "oneOf", "anyOf", "allOf" })
        {
            if (schema.TryGetProperty(union, out var options))
            {
                foreach (var o in options.EnumerateArray())
                {
                    var inner = TypeOf(o);
                    if (inner is not ("" or "null"))
                    {
                        return inner;
                    }
                }
            }
        }

        return schema.TryGetProperty("properties", out _) ? "object" : "";
    }

    public string? FormatOf(JsonElement schema)
    {
        schema = Resolve(schema);
        return schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("format", out var f) ? f.GetString() : null;
    }

    /// <summary>The properties of an object schema.</summary>
    public IEnumerable<(string Name, JsonElement Schema)> Properties(JsonElement schema)
    {
        schema = Resolve(schema);
        if (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("properties", out var props))
        {
            foreach (var p in props.EnumerateObject())
            {
                yield return (p.Name, p.Value);
            }
        }
    }

    /// <summary>A JSON value for <paramref name="schema"/>, each leaf chosen by <paramref name="leaf"/> (type, format, property name).</summary>
    public JsonNode? Build(JsonElement schema, Func<string, string?, string, JsonNode?> leaf, string name = "", int depth = 0)
    {
        var type = TypeOf(schema);
        if (depth > 4)
        {
            return null;
        }

        switch (type)
        {
            case "object":
                var obj = new JsonObject();
                foreach (var (prop, ps) in Properties(schema))
                {
                    obj[prop] = Build(ps, leaf, prop, depth + 1);
                }

                return obj;
            case "array":
                var items = Resolve(schema).TryGetProperty("items", out var it) ? it : default;
                var item = items.ValueKind == JsonValueKind.Undefined ? leaf("string", null, name) : Build(items, leaf, name, depth + 1);
                return new JsonArray(item);
            default:
                return leaf(type, FormatOf(schema), name);
        }
    }

    /// <summary>The first value of the schema's enum (through a nullable union), if it has one.</summary>
    public string? EnumOf(JsonElement schema)
    {
        schema = Resolve(schema);
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (schema.TryGetProperty("enum", out var e))
        {
            return e.EnumerateArray().Select(x => x.ToString()).FirstOrDefault(x => x.Length > 0);
        }

        foreach (var union in new[] { "oneOf", "anyOf", "allOf" })
        {
            if (schema.TryGetProperty(union, out var options))
            {
                foreach (var o in options.EnumerateArray())
                {
                    if (EnumOf(o) is { } inner)
                    {
                        return inner;
                    }
                }
            }
        }

        return null;
    }

    /// <summary>
    /// A plausible valid value for <paramref name="schema"/>: each leaf from <paramref name="named"/> (property name, type,
    /// format) when it answers, else the enum's first value, a date, a number, a short text; maps are empty.
    /// </summary>
    public JsonNode? Sample(JsonElement schema, Func<string, string, string?, JsonNode?> named, string name = "", int depth = 0)
    {
        var type = TypeOf(schema);
        var resolved = Resolve(schema);
        if (depth > 4)
        {
            return null;
        }

        if (type == "object")
        {
            var obj = new JsonObject();
            foreach (var (prop, ps) in Properties(schema))
            {
                obj[prop] = Sample(ps, named, prop, depth + 1);
            }

            return obj;
        }

        if (type == "array")
        {
            var given = named(name, type, null);
            if (given is not null)
            {
                return given is JsonArray ? given : new JsonArray(given);
            }

            var items = resolved.TryGetProperty("items", out var it) ? it : default;
            return items.ValueKind == JsonValueKind.Undefined ? new JsonArray() : new JsonArray(Sample(items, named, name, depth + 1));
        }

        var format = FormatOf(schema);
        if (EnumOf(schema) is { } listed)
        {
            return JsonValue.Create(listed); // an enum's own value, whatever the property's name suggests
        }

        return named(name, type, format) ?? EnumOf(schema) switch
        {
            { } first => JsonValue.Create(first),
            null => (type, format) switch
            {
                ("integer", _) or ("number", _) => JsonValue.Create(1),
                ("boolean", _) => JsonValue.Create(true),
                (_, "uuid") => JsonValue.Create(Guid.NewGuid().ToString()),
                (_, "date-time") => JsonValue.Create("2026-11-23T10:00:00-05:00"),
                (_, "date") => JsonValue.Create("2026-11-23"),
                _ => JsonValue.Create("Texto de prueba"),
            },
        };
    }
}
