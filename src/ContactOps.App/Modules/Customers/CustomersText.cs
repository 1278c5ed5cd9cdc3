namespace ContactOps.Modules.Customers;

/// <summary>The module's UI text and error messages: CustomersText.resx (Spanish) and CustomersText.en.resx (English), beside this file.</summary>
public sealed class CustomersText
{
}
