namespace ContactOps.Modules.Outbound;

/// <summary>The module's UI text and error messages: OutboundText.resx (Spanish) and OutboundText.en.resx (English), beside this file.</summary>
public sealed class OutboundText
{
}
