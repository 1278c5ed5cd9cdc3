namespace ContactOps.Components;

/// <summary>The module's UI text and error messages: AppText.resx (Spanish) and AppText.en.resx (English), beside this file.</summary>
public sealed class AppText
{
}
