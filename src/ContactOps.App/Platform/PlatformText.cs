namespace ContactOps.Platform;

/// <summary>The platform's messages (files, imports, calendars, paging, access): PlatformText.resx (Spanish) and PlatformText.en.resx (English), beside this file.</summary>
public sealed class PlatformText
{
}
