using ContactOps.Modules.Organization.Contracts;
using ContactOps.Platform.Results;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace ContactOps.Components.Shared;

/// <summary>What every admin page shares: its module's strings, snackbar messages for results, and who may use it.</summary>
/// <typeparam name="TText">The administered module's text resource (OrganizationText, AdministrationText).</typeparam>
public abstract class AdminPageBase<TText> : ComponentBase
{
    [Inject]
    protected IStringLocalizer<TText> L { get; set; } = default!;

    [Inject]
    protected ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    protected AdminAccess Access { get; set; } = default!;

    /// <summary>The current operation, whose client's time zone every instant is shown in.</summary>
    [Inject]
    protected CurrentOperation CurrentOp { get; set; } = default!;

    /// <summary>False for users who administer nothing: the page shows the refusal instead of its content.</summary>
    protected bool Allowed => Access.IsAnyAdmin;

    protected bool Busy { get; set; }

    /// <summary>Shows the outcome (success text, or the handler's Spanish message and field errors) and tells whether it succeeded.</summary>
    protected bool Report<T>(Result<T> result, string successKey)
    {
        if (result.IsSuccess)
        {
            Snackbar.Add(L[successKey], Severity.Success);
            return true;
        }

        Snackbar.Add(Describe(result.Error!), result.Error!.Kind == ErrorKind.Forbidden ? Severity.Warning : Severity.Error);
        return false;
    }

    protected static string Describe(Error error) =>
        error.Fields is { Count: > 0 } fields
            ? string.Join(" ", fields.SelectMany(f => f.Value).Distinct(StringComparer.Ordinal))
            : error.Message;

    /// <summary>An instant in the current client's time zone and the UI culture's pattern; "—" for none.</summary>
    protected string When(DateTimeOffset? at) => CurrentOp.Format(at);
}
