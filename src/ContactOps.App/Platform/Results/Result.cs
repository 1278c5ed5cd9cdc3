namespace ContactOps.Platform.Results;

/// <summary>Kinds of expected failure. Mapped once to HTTP status at the API edge and to messages in the UI.</summary>
public enum ErrorKind
{
    Validation,
    NotFound,
    Forbidden,
    Conflict,
    Failure,

    /// <summary>The caller has made too many such requests for now (a rate limit per user): 429.</summary>
    TooManyRequests,
}

/// <summary>
/// An expected failure: a stable machine code (e.g. <c>phone.invalid_length</c>) that API clients and tests rely on, a
/// message for people in the current UI language (the resource <c>Error.&lt;code&gt;</c> of the module that raises it,
/// formatted with the arguments: Spanish on an es-CO screen, English on an English one), and optional field errors
/// (field name → messages). A code may have several wordings: <c>"code#2"</c> names the second (the code stays <c>code</c>).
/// </summary>
public sealed record Error(ErrorKind Kind, string Code, string Message, IReadOnlyDictionary<string, string[]>? Fields = null)
{
    /// <summary>Facts a client acts on (e.g. the id of the record a duplicate clashes with), added to the ProblemDetails as members.</summary>
    public IReadOnlyDictionary<string, object?>? Data { get; init; }

    public static Error Validation(string code, params object?[] args) => Of(ErrorKind.Validation, code, args);

    /// <summary>A validation error of one field (its message is also the field's).</summary>
    public static Error Invalid(string field, string code, params object?[] args)
    {
        var error = Of(ErrorKind.Validation, code, args);
        return error with { Fields = new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [error.Message] } };
    }

    /// <summary>Field errors (their messages already in the UI language, from <see cref="Localization.Messages.Text"/>).</summary>
    public static Error Validation(IReadOnlyDictionary<string, string[]> fields) =>
        new(ErrorKind.Validation, "validation", Localization.Messages.Text("Error.validation"), fields);

    public static Error NotFound(string code = "not_found", params object?[] args) => Of(ErrorKind.NotFound, code, args);

    public static Error Forbidden(string code = "forbidden", params object?[] args) => Of(ErrorKind.Forbidden, code, args);

    public static Error Conflict(string code, params object?[] args) => Of(ErrorKind.Conflict, code, args);

    public static Error Failure(string code, params object?[] args) => Of(ErrorKind.Failure, code, args);

    public static Error TooManyRequests(string code, params object?[] args) => Of(ErrorKind.TooManyRequests, code, args);

    /// <summary>Another error's message (already in the UI language) under this code, as a validation error of <paramref name="field"/>.</summary>
    public static Error Relabel(Error inner, string code, string? field = null)
    {
        ArgumentNullException.ThrowIfNull(inner);
        return new(ErrorKind.Validation, code, inner.Message,
            field is null ? inner.Fields : new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [inner.Message] });
    }

    private static Error Of(ErrorKind kind, string code, object?[] args)
    {
        var variant = code.IndexOf('#', StringComparison.Ordinal);
        return new(kind, variant < 0 ? code : code[..variant], Localization.Messages.Text("Error." + code, args));
    }
}

/// <summary>Outcome of an operation that returns no value.</summary>
public readonly record struct Result
{
    private Result(Error? error) => Error = error;

    public Error? Error { get; }

    public bool IsSuccess => Error is null;

    public static Result Success() => new(null);

    public static Result Failure(Error error) => new(error);

    public static implicit operator Result(Error error) => new(error);
}

/// <summary>Outcome of an operation that returns a value on success.</summary>
public readonly record struct Result<T>
{
    private Result(T? value, Error? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }

    public Error? Error { get; }

    public bool IsSuccess => Error is null;

    public static Result<T> Success(T value) => new(value, null);

    public static Result<T> Failure(Error error) => new(default, error);

    public static implicit operator Result<T>(T value) => new(value, null);

    public static implicit operator Result<T>(Error error) => new(default, error);
}
