namespace ContactOps.Platform.Files;

/// <summary>A row an import did not take: its line in the file, why (Spanish, for people) and, when known, the field.</summary>
public sealed record RejectedRow(long Line, string Reason, string? Field = null)
{
    /// <summary>The rejection for the reader's current record when it is malformed (<see cref="ITabularReader.RowError"/>); otherwise null.</summary>
    public static RejectedRow? FromRowError(ITabularReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return reader.RowError is { } error ? new RejectedRow(reader.LineNumber, error) : null;
    }
}
