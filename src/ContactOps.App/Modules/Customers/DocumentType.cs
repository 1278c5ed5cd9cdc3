namespace ContactOps.Modules.Customers;

/// <summary>
/// Identity document types. Colombia: CC, CE, NIT, PA, TI. Bolivia: CI, NIT.
/// The member names are the codes shown to people and stored, so never rename them.
/// </summary>
public enum DocumentType
{
    /// <summary>Cédula de ciudadanía (Colombia).</summary>
    CC,

    /// <summary>Cédula de extranjería (Colombia).</summary>
    CE,

    /// <summary>Número de identificación tributaria (Colombia, with DIAN check digit; Bolivia, SIN).</summary>
    NIT,

    /// <summary>Pasaporte (Colombia).</summary>
    PA,

    /// <summary>Tarjeta de identidad (Colombia, minors).</summary>
    TI,

    /// <summary>Cédula / carnet de identidad (Bolivia).</summary>
    CI,
}
