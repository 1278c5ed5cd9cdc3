namespace ContactOps.Modules.Interactions;

/// <summary>The module's UI text and error messages: InteractionsText.resx (Spanish) and InteractionsText.en.resx (English), beside this file.</summary>
public sealed class InteractionsText
{
}
