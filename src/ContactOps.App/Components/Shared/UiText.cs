using ContactOps.Platform.Results;
using Microsoft.Extensions.Localization;

namespace ContactOps.Components.Shared;

/// <summary>Helpers for showing handler results in the UI language.</summary>
public static class UiText
{
    /// <summary>
    /// The error in the current UI language: a resource named <c>Err_&lt;code&gt;</c> when there is one,
    /// otherwise the handler's own (Spanish) message.
    /// </summary>
    public static string ErrorText(this IStringLocalizer localizer, Error error)
    {
        var text = localizer["Err_" + error.Code];
        return text.ResourceNotFound ? error.Message : text.Value;
    }
}
