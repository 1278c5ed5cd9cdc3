namespace ContactOps.Platform.Results;

/// <summary>Kinds of expected failure. Mapped once to HTTP status at the API edge and to messages in the UI.</summary>
public enum ErrorKind
{
    Validation,
    NotFound,
    Forbidden,
    Conflict,
    Failure,
}

/// <summary>
/// An expected failure: a stable machine code (e.g. <c>phone.invalid_length</c>), a Spanish message for
/// people, and optional field errors (field name → messages).
/// </summary>
public sealed record Error(ErrorKind Kind, string Code, string Message, IReadOnlyDictionary<string, string[]>? Fields = null)
{
    public static Error Validation(string code, string message) => new(ErrorKind.Validation, code, message);

    public static Error Validation(string code, string message, string field) =>
        new(ErrorKind.Validation, code, message, new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [message] });

    public static Error Validation(IReadOnlyDictionary<string, string[]> fields) =>
        new(ErrorKind.Validation, "validation", "Hay datos inválidos.", fields);

    public static Error NotFound(string code = "not_found", string message = "No se encontró el registro.") => new(ErrorKind.NotFound, code, message);

    public static Error Forbidden(string code = "forbidden", string message = "No tiene permiso para esta acción.") => new(ErrorKind.Forbidden, code, message);

    public static Error Conflict(string code, string message) => new(ErrorKind.Conflict, code, message);

    public static Error Failure(string code, string message) => new(ErrorKind.Failure, code, message);
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
