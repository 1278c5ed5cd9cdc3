namespace ContactOps.Modules.Customers;

/// <summary>Fields of a customers file and the Spanish/English headers recognised for each (compared normalised).</summary>
public static class CustomerFileColumns
{
    public const string FileKind = "customers";
    public const string DocumentType = "tipo_documento";
    public const string Document = "documento";
    public const string Complement = "complemento";
    public const string Department = "departamento";
    public const string FirstNames = "nombres";
    public const string LastNames = "apellidos";
    public const string FullName = "nombre_completo";
    public const string Phones = "telefono";
    public const string Email = "correo";
    public const string Address = "direccion";
    public const string City = "ciudad";
    public const string Account = "cuenta";
    public const string AccountStatus = "estado_cuenta";
    public const string Line = "linea";
    public const string Plan = "plan";

    public static IReadOnlyDictionary<string, string[]> Aliases { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        [DocumentType] = ["tipo documento", "tipo doc", "tipodoc", "tipo identificacion", "tipo de documento", "document type", "id type", "doc type"],
        [Document] = ["cedula", "identificacion", "nit", "ci", "numero documento", "nro documento", "no documento", "num documento", "numero de documento", "document", "document number", "id number", "doc"],
        [Complement] = ["complement"],
        [Department] = ["expedido", "lugar expedicion", "department"],
        [FirstNames] = ["nombre", "first name", "first names", "firstname", "given name"],
        [LastNames] = ["apellido", "last name", "last names", "lastname", "surname"],
        [FullName] = ["nombre completo", "full name", "fullname", "name", "razon social", "titular"],
        [Phones] = ["telefono", "telefonos", "celular", "movil", "fijo", "tel", "phone", "mobile", "cell", "numero contacto"],
        [Email] = ["email", "e-mail", "correo electronico", "mail"],
        [Address] = ["address", "direccion residencia"],
        [City] = ["city", "municipio"],
        [Account] = ["account", "numero cuenta", "cuenta hogar", "account number"],
        [AccountStatus] = ["estado cuenta", "account status", "estado de cuenta"],
        [Line] = ["line", "numero linea", "msisdn", "linea movil"],
        [Plan] = ["tipo linea", "tipo plan", "line plan"],
    };

    public static IReadOnlyCollection<string> MultiValued { get; } = [Phones];
}
