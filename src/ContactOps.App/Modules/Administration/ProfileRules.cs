using System.Text.RegularExpressions;
using ContactOps.Platform.Results;

namespace ContactOps.Modules.Administration;

/// <summary>A user's desk profile: the extension (2–8 digits) and the dialer login (letters, digits, <c>. _ -</c>, up to 40), both optional.</summary>
public static partial class ProfileRules
{
    public const int ExtensionMin = 2, ExtensionMax = 8, DialerLoginMax = 40;

    /// <summary>
    /// The cleaned values (trimmed; blank means none), or a validation error naming each bad field; its code is the first
    /// bad field's (<c>profile.extension_invalid</c>, <c>profile.dialer_login_invalid</c>).
    /// </summary>
    public static Result<(string? Extension, string? DialerLogin)> Clean(string? extension, string? dialerLogin)
    {
        var ext = string.IsNullOrWhiteSpace(extension) ? null : extension.Trim();
        var login = string.IsNullOrWhiteSpace(dialerLogin) ? null : dialerLogin.Trim();
        Error? error = null;
        var fields = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (ext is not null && !ExtensionPattern().IsMatch(ext))
        {
            var e = Error.Invalid("extension", "profile.extension_invalid", ExtensionMin, ExtensionMax);
            error ??= e;
            fields["extension"] = e.Fields!["extension"];
        }

        if (login is not null && !DialerLoginPattern().IsMatch(login))
        {
            var e = Error.Invalid("dialerLogin", "profile.dialer_login_invalid", DialerLoginMax);
            error ??= e;
            fields["dialerLogin"] = e.Fields!["dialerLogin"];
        }

        if (error is not null)
        {
            return error with { Fields = fields };
        }

        return (ext, login);
    }

    [GeneratedRegex("^[0-9]{2,8}$", RegexOptions.CultureInvariant)]
    private static partial Regex ExtensionPattern();

    [GeneratedRegex("^[A-Za-z0-9._-]{1,40}$", RegexOptions.CultureInvariant)]
    private static partial Regex DialerLoginPattern();
}
