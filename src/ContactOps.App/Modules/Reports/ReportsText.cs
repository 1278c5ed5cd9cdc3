namespace ContactOps.Modules.Reports;

/// <summary>The module's UI text and error messages: ReportsText.resx (Spanish) and ReportsText.en.resx (English), beside this file.</summary>
public sealed class ReportsText
{
}
