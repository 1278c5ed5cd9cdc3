using System.Text.Json;
using System.Text.Json.Serialization;
using ContactOps.Platform.Localization;

namespace ContactOps.Platform.Web;

/// <summary>
/// Refuses the NUL character in API input. PostgreSQL cannot store it in text (it answers "invalid byte sequence"), so a
/// NUL in a query string or a JSON string is the caller's mistake, answered 400 <c>request.invalid_characters</c>, never
/// a server error on one engine and silent storage on the other.
/// </summary>
public static class NoNulStrings
{
    public const string Code = "request.invalid_characters";

    /// <summary>The binding failure of a JSON string with a NUL (answered 400 <c>request.invalid_characters</c>).</summary>
    public sealed class NulCharacterException() : JsonException("NUL character in a string");

    /// <summary>A JSON string converter that fails the binding (400 <c>request.invalid_characters</c>) on a NUL.</summary>
    public sealed class Converter : JsonConverter<string>
    {
        public override bool HandleNull => false;

        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var value = reader.GetString();
            if (value is not null && value.Contains('\0', StringComparison.Ordinal))
            {
                throw new NulCharacterException();
            }

            return value;
        }

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
        {
            ArgumentNullException.ThrowIfNull(writer);
            writer.WriteStringValue(value);
        }
    }

    /// <summary>Answers 400 to an API request whose query string or url-encoded form carries a NUL (multipart uploads: <see cref="RefuseNulArguments"/>).</summary>
    public static IApplicationBuilder UseNoNulInput(this IApplicationBuilder app) =>
        app.Use(async (ctx, next) =>
        {
            var request = ctx.Request;
            var nul = request.Path.StartsWithSegments("/api")
                      && (request.QueryString.Value?.Contains("%00", StringComparison.Ordinal) == true
                          || request.Query.Any(q => q.Value.Any(v => v?.Contains('\0', StringComparison.Ordinal) == true))
                          || (request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true && (await request.ReadFormAsync(ctx.RequestAborted)).Any(f => f.Value.Any(v => v?.Contains('\0', StringComparison.Ordinal) == true))));
            if (nul)
            {
                ctx.Response.StatusCode = StatusCodes.Status400BadRequest;
                await Refusal().ExecuteAsync(ctx);
                return;
            }

            await next(ctx);
        });

    /// <summary>
    /// Answers 400 to an endpoint call whose bound arguments carry a NUL: the fields of a multipart upload (operation,
    /// mapping, base name, password…) and an uploaded file's name, which the middleware above does not buffer.
    /// </summary>
    public static TBuilder RefuseNulArguments<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.AddEndpointFilter(async (context, next) =>
        {
            foreach (var argument in context.Arguments)
            {
                var text = argument switch
                {
                    string s => s,
                    IFormFile f => f.FileName,
                    _ => null,
                };
                if (text?.Contains('\0', StringComparison.Ordinal) == true)
                {
                    return Refusal();
                }
            }

            return await next(context);
        });
        return builder;
    }

    private static IResult Refusal() => TypedResults.Problem(
        detail: Messages.Text("Error." + Code),
        statusCode: StatusCodes.Status400BadRequest,
        title: Messages.Text("Problem.validation"),
        extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["code"] = Code });
}
