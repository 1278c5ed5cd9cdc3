namespace ContactOps.Modules.Administration;

/// <summary>The module's UI text and error messages: AdministrationText.resx (Spanish) and AdministrationText.en.resx (English), beside this file.</summary>
public sealed class AdministrationText
{
}
