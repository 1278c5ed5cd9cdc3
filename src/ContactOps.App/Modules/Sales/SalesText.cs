namespace ContactOps.Modules.Sales;

/// <summary>The module's UI text and error messages: SalesText.resx (Spanish) and SalesText.en.resx (English), beside this file.</summary>
public sealed class SalesText
{
}
