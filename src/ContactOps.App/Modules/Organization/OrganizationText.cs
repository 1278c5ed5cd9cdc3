namespace ContactOps.Modules.Organization;

/// <summary>The module's UI text and error messages: OrganizationText.resx (Spanish) and OrganizationText.en.resx (English), beside this file.</summary>
public sealed class OrganizationText
{
}
