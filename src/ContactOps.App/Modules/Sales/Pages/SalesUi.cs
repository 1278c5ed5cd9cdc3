using System.Globalization;
using ContactOps.Modules.Sales.Features;
using ContactOps.Platform.Results;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace ContactOps.Modules.Sales.Pages;

/// <summary>Formatting shared by the sales pages.</summary>
public static class SalesUi
{
    public static string Money(decimal amount, string currency) =>
        amount.ToString("N0", CultureInfo.CurrentCulture) + " " + currency;

    public static Color StateColor(SaleState state) => state switch
    {
        SaleState.Registered => Color.Default,
        SaleState.InValidation => Color.Info,
        SaleState.Validated => Color.Primary,
        SaleState.Scheduled or SaleState.Reserved or SaleState.Shipped => Color.Secondary,
        SaleState.Installed or SaleState.Delivered or SaleState.Legalized => Color.Success,
        SaleState.NotInstalled => Color.Warning,
        _ => Color.Error,
    };

    /// <summary>Field errors of a validation error, by field name.</summary>
    public static IReadOnlyDictionary<string, string[]> Fields(Error? error) =>
        error?.Fields ?? new Dictionary<string, string[]>(StringComparer.Ordinal);

    public static string? FieldError(Error? error, string field) =>
        error?.Fields is { } f && f.TryGetValue(field, out var m) ? string.Join(" ", m) : null;

    public static bool IsConflict(Error? error) => error?.Kind == ErrorKind.Conflict;

    public static bool IsConcurrency(Error? error) => error?.Code == SaleWorkflow.ConcurrencyConflict.Code;

    public static IEnumerable<SaleKind> Kinds => Enum.GetValues<SaleKind>();

    public static IEnumerable<SaleState> States => Enum.GetValues<SaleState>();

    public static SaleChecklistStepView? NextStep(SaleDetail sale) => sale.Checklist.FirstOrDefault(c => c.CanRecord && c.LastResult != StepResult.Ok);
}
