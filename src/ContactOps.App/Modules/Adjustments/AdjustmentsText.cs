namespace ContactOps.Modules.Adjustments;

/// <summary>The module's UI text and error messages: AdjustmentsText.resx (Spanish) and AdjustmentsText.en.resx (English), beside this file.</summary>
public sealed class AdjustmentsText
{
}
