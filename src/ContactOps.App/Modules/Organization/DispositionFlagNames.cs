using ContactOps.Platform.Localization;
using ContactOps.Modules.Organization.Contracts;
using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using ContactOps.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Organization;

public static class DispositionFlagNames
{
    public static IReadOnlyList<string> Of(DispositionFlags flags) =>
        Enum.GetValues<DispositionFlags>().Where(f => f != DispositionFlags.None && flags.HasFlag(f)).Select(f => f.ToString()).ToList();

    /// <summary>Parses flag names (case-insensitive); unknown names are reported in <paramref name="errors"/>.</summary>
    public static DispositionFlags Parse(IEnumerable<string>? names, FieldErrors errors)
    {
        var flags = DispositionFlags.None;
        foreach (var n in names ?? [])
        {
            if (string.IsNullOrWhiteSpace(n) || n.Trim().All(char.IsDigit) || !Enum.TryParse<DispositionFlags>(n.Trim(), true, out var f) || !Enum.IsDefined(f))
            {
                errors.Add("flags", Messages.Text("Field.DispositionFlagNames.flags", n, string.Join(", ", Enum.GetNames<DispositionFlags>().Where(x => x != "None"))));
                continue;
            }

            flags |= f;
        }

        return flags;
    }
}
