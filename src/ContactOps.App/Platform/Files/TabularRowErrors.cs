namespace ContactOps.Platform.Files;

/// <summary>Stable codes for <see cref="ITabularReader.RowErrorCode"/>.</summary>
public static class TabularRowErrors
{
    /// <summary>The record has non-empty values beyond the last header column.</summary>
    public const string TooManyFields = "row.too_many_fields";

    /// <summary>A quote is not closed, or is followed by something other than a delimiter or a line break.</summary>
    public const string MalformedQuotes = "row.malformed_quotes";

    /// <summary>The record is longer than <see cref="TabularReadOptions.MaxRecordLength"/> (usually an unclosed quote).</summary>
    public const string TooLarge = "row.too_large";

    /// <summary>The record does not split into the header's columns (one field under a header of several: another delimiter).</summary>
    public const string ColumnsMismatch = "row.columns_mismatch";
}

/// <summary>Stable codes of the errors <see cref="TabularFile.Open"/> returns (all <c>ErrorKind.Validation</c>).</summary>
public static class TabularFileErrors
{
    public const string UnsupportedFormat = "file.unsupported_format";
    public const string LegacyExcel = "file.legacy_excel";
    public const string Empty = "file.empty";
    public const string NotText = "file.not_text";
    public const string Corrupt = "file.corrupt";
    public const string SheetNotFound = "file.sheet_not_found";
    public const string MalformedHeader = "file.malformed_header";
    public const string InvalidOption = "file.invalid_option";
    public const string NoRows = "file.no_rows";
    public const string ColumnsMismatch = "file.columns_mismatch";
}
