namespace ContactOps.Modules.Customers;

/// <summary>Whether a phone number is a mobile (celular) or a fixed line (fijo).</summary>
public enum PhoneKind
{
    Mobile,
    Fixed,
}
