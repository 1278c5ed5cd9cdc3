using System.Globalization;
using ContactOps.Modules.Customers;
using ContactOps.Modules.Organization;
using ContactOps.Platform;
using ContactOps.Platform.Auth;
using ContactOps.Platform.Data;
using ContactOps.Platform.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Demo;

/// <summary>
/// Demo data for a first run: two carriers (telco-co, telco-bo), their operations, a user of every role in
/// each operation, and a few hundred customers with accounts, lines and premises in every status.
/// Deterministic (fixed seed) so that screenshots and tests can rely on it.
/// </summary>
public sealed class DemoSeeder(AppDbContext db, AccessScope scope, UserManager<AppUser> users, TimeProvider time)
{
    public const string DemoPassword = "ContactOps2026";

    public static readonly (string ClientCode, string Code, string Name, OperationKind Kind)[] DemoOperations =
    [
        ("telco-co", "premium-sales", "Ventas Premium (entrante)", OperationKind.InboundSales),
        ("telco-co", "sales-cell", "Célula de ventas (back office)", OperationKind.SalesCell),
        ("telco-co", "devices-outbound", "Terminales y tecnología (saliente)", OperationKind.Outbound),
        ("telco-co", "adjustments-cell", "Célula de ajustes", OperationKind.Adjustments),
        ("telco-bo", "digital-sales", "Ventas digitales", OperationKind.DigitalSales),
    ];

    private static readonly string[] FirstNames = ["Ana María", "Carlos", "Luisa", "Jorge", "Valentina", "Andrés", "Camila", "Juan Pablo", "Sofía", "Diego", "Mariana", "Felipe", "Daniela", "Santiago", "Laura", "Mateo", "Isabella", "Sebastián", "Paula", "Nicolás", "Natalia", "Óscar", "Lucía", "Ángel"];
    private static readonly string[] LastNames = ["Gómez", "Rodríguez", "Martínez", "López", "García", "Pérez", "Sánchez", "Ramírez", "Torres", "Díaz", "Vargas", "Castro", "Rojas", "Moreno", "Muñoz", "Ortiz", "Quispe", "Mamani", "Fernández", "Gutiérrez", "Peña", "Ibáñez"];
    private static readonly string[] CoCities = ["Bogotá", "Medellín", "Cali", "Barranquilla", "Bucaramanga", "Cartagena"];
    private static readonly string[] BoCities = ["La Paz", "El Alto", "Cochabamba", "Santa Cruz", "Oruro"];

    /// <summary>User names of the demo logins, as printed on start and written in the README.</summary>
    public static IEnumerable<string> DemoLoginsSummary()
    {
        yield return "admin (administrador de la plataforma, ve todos los clientes)";
        yield return "admin.telco-co, admin.telco-bo (administradores de todo un cliente: sus operaciones y su gente)";
        foreach (var (_, code, _, _) in DemoOperations)
        {
            yield return $"{code}: " + string.Join(", ", Enum.GetValues<Role>().Select(r => UserNameFor(r, code)));
        }
    }

    public static string UserNameFor(Role role, string operationCode) =>
        role.ToString().ToLowerInvariant() + "." + operationCode;

    public async Task<bool> SeedIfEmptyAsync(CancellationToken ct)
    {
        scope.SetSystem("demo");
        if (await db.Clients.IgnoreQueryFilters().AnyAsync(ct))
        {
            return false;
        }

        await SeedAsync(ct);
        return true;
    }

    private async Task SeedAsync(CancellationToken ct)
    {
        var co = new Client("telco-co", "Telco Colombia", Country.CO, "America/Bogota", "COP");
        var bo = new Client("telco-bo", "Telco Bolivia", Country.BO, "America/La_Paz", "BOB");
        db.Clients.AddRange(co, bo);

        var ops = new Dictionary<string, Operation>(StringComparer.Ordinal);
        foreach (var (clientCode, code, name, kind) in DemoOperations)
        {
            var client = clientCode == co.Code ? co : bo;
            var op = new Operation(client.Id, code, name, kind);
            if (client == bo)
            {
                op.Update(name, kind, "2", 7, true);
            }

            SeedTargets(op);
            ops[code] = op;
            db.Operations.Add(op);
            db.Teams.Add(new Team(client.Id, op.Id, "Equipo 1"));
            var order = 0;
            foreach (var (dcode, dname, flags) in CatalogFor(kind))
            {
                db.Dispositions.Add(new Disposition(client.Id, op.Id, dcode, dname, flags, order++));
            }
        }

        // The sales cell works the sales premium attention registers (PROCEDURES §2).
        ops["premium-sales"].RouteSalesTo(ops["sales-cell"].Id);

        await db.SaveChangesAsync(ct);

        // One hash for every demo user: hashing is deliberately slow, and the demo password is shared anyway.
        var admin = new AppUser { UserName = "admin", DisplayName = "Administración ContactOps", IsPlatformAdmin = true };
        var hash = users.PasswordHasher.HashPassword(admin, DemoPassword);
        admin.PasswordHash = hash;
        Check(await users.CreateAsync(admin));
        foreach (var (clientCode, code, _, _) in DemoOperations)
        {
            var op = ops[code];
            foreach (var role in Enum.GetValues<Role>())
            {
                var user = new AppUser
                {
                    UserName = UserNameFor(role, code),
                    DisplayName = $"{RoleName(role)} {code}",
                    PasswordHash = hash,
                    Email = $"{UserNameFor(role, code)}@{clientCode}.demo",
                };
                Check(await users.CreateAsync(user));
                db.Memberships.Add(new Membership(user.Id, op.ClientId, op.Id, role));
            }
        }

        // One admin of each whole client (operations, people, calendars); admin.<operation> administers only that operation.
        foreach (var client in new[] { co, bo })
        {
            var clientAdmin = new AppUser { UserName = "admin." + client.Code, DisplayName = "Administración " + client.Name, PasswordHash = hash, Email = $"admin@{client.Code}.demo" };
            Check(await users.CreateAsync(clientAdmin));
            Check(await users.AddClaimAsync(clientAdmin, new System.Security.Claims.Claim(AccessScope.ClientAdminClaim, client.Id.ToString())));
        }

        // A supervisor who works in every Colombian operation.
        var multi = new AppUser { UserName = "supervisor.telco-co", DisplayName = "Supervisora Colombia", PasswordHash = hash };
        Check(await users.CreateAsync(multi));
        foreach (var op in ops.Values.Where(o => o.ClientId == co.Id))
        {
            db.Memberships.Add(new Membership(multi.Id, co.Id, op.Id, Role.Supervisor));
        }

        await db.SaveChangesAsync(ct);

        var random = new Random(2026);
        AddCustomers(co, 300, random);
        AddCustomers(bo, 100, random);
        await db.SaveChangesAsync(ct);
        var words = new CustomerNameWords(db, scope, Microsoft.Extensions.Logging.Abstractions.NullLogger<CustomerNameWords>.Instance);
        await words.RefreshAsync(co.Id, ct);
        await words.RefreshAsync(bo.Id, ct);

        // Interactions (premium inbound): escalation types and a few cases, one escalation overdue.
        InteractionsDemo.Add(db, co, ops["premium-sales"], time);
        await db.SaveChangesAsync(ct);

        // Outbound (devices-outbound): campaign settings, script, a demo base of 300 leads and two segments.
        OutboundDemo.Add(db, co, ops["devices-outbound"], time);
        await db.SaveChangesAsync(ct);

        // Billing-adjustments cell: the procedure's thirteen causes (A–M) with their evidence.
        foreach (var op in ops.Values.Where(o => o.Kind == OperationKind.Adjustments))
        {
            Adjustments.AdjustmentCauseDefaults.AddTo(db, op.ClientId, op.Id);
        }

        await db.SaveChangesAsync(ct);

        // Billing-adjustments cell: four weekly cuts of the carrier's adjustments base (as the importer loads them).
        await AdjustmentsDemo.SeedAsync(db, ops["adjustments-cell"], co, time.GetUtcNow(), ct);

        // Sales sheet: checklists of the sales cell and premium sales, and a few sales in various states.
        await DemoSales.SeedAsync(db, ops, co, time.GetUtcNow(), ct);
    }

    private void AddCustomers(Client client, int count, Random random)
    {
        var accountStatuses = Enum.GetValues<AccountStatus>();
        var premiseStatuses = Enum.GetValues<PremiseStatus>();
        var lineStatuses = Enum.GetValues<LineStatus>();
        for (var i = 0; i < count; i++)
        {
            var first = FirstNames[random.Next(FirstNames.Length)];
            var last = LastNames[random.Next(LastNames.Length)] + " " + LastNames[random.Next(LastNames.Length)];
            IdDocument doc;
            string mobile;
            string? fixedLine;
            string city;
            if (client.Country == Country.CO)
            {
                doc = Value(IdDocument.Create(DocumentType.CC, (1_000_000_000L + (i * 7919L) + random.Next(1000)).ToString(CultureInfo.InvariantCulture), Country.CO));
                mobile = "3" + random.Next(0, 3).ToString(CultureInfo.InvariantCulture) + random.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture);
                fixedLine = i % 3 == 0 ? "601" + random.Next(2_000_000, 9_999_999).ToString(CultureInfo.InvariantCulture) : null;
                city = CoCities[random.Next(CoCities.Length)];
            }
            else
            {
                doc = Value(IdDocument.Create(DocumentType.CI, (3_000_000 + (i * 7919) + random.Next(1000)).ToString(CultureInfo.InvariantCulture), Country.BO, department: "LP"));
                mobile = (i % 2 == 0 ? "7" : "6") + random.Next(1_000_000, 9_999_999).ToString(CultureInfo.InvariantCulture);
                fixedLine = i % 3 == 0 ? "2" + random.Next(2_000_000, 2_999_999).ToString(CultureInfo.InvariantCulture) : null;
                city = BoCities[random.Next(BoCities.Length)];
            }

            // The very first demo customer has a known document and phone, for walkthroughs and tests.
            if (i == 0)
            {
                doc = client.Country == Country.CO
                    ? Value(IdDocument.Create(DocumentType.CC, "1020304050", Country.CO))
                    : Value(IdDocument.Create(DocumentType.CI, "4567890", Country.BO, department: "LP"));
                mobile = client.Country == Country.CO ? "3001234567" : "71234567";
                first = client.Country == Country.CO ? "María Fernanda" : "Juan Carlos";
                last = client.Country == Country.CO ? "Rodríguez Peña" : "Quispe Mamani";
            }

            var customer = new Customer(client.Id, doc, first, last);
            customer.AddPhone(Value(PhoneNumber.Parse(mobile, client.Country)));
            if (fixedLine is not null)
            {
                customer.AddPhone(Value(PhoneNumber.Parse(fixedLine, client.Country)));
            }

            customer.AddEmail($"cliente{i:D4}@correo.demo");
            var address = $"Calle {random.Next(1, 200)} # {random.Next(1, 120)}-{random.Next(1, 99)}";
            customer.AddAddress(address, city, null);
            db.Customers.Add(customer);

            var premise = new Premise(client.Id, customer.Id, address, city, i % 5 == 0 ? $"M{random.Next(10000, 99999)}" : null, premiseStatuses[i % premiseStatuses.Length]);
            db.Premises.Add(premise);
            if (i % 4 != 3)
            {
                var account = new HomeAccount(client.Id, customer.Id, (client.Country == Country.CO ? "8" : "5") + (10_000_000 + i).ToString(CultureInfo.InvariantCulture), accountStatuses[i % accountStatuses.Length], premise.Id);
                if (account.Status == AccountStatus.Active && i % 7 == 0)
                {
                    account.SetStanding(AccountStatus.Active, inArrears: true, finalNotice: i % 14 == 0);
                }

                db.HomeAccounts.Add(account);
            }

            if (i % 2 == 0)
            {
                db.MobileLines.Add(new MobileLine(client.Id, customer.Id, customer.Phones[0].E164, i % 4 == 0 ? LinePlan.Prepaid : LinePlan.Postpaid, lineStatuses[i % lineStatuses.Length]));
            }
        }
    }

    private static void SeedTargets(Operation op)
    {
        switch (op.Kind)
        {
            case OperationKind.Outbound:
                op.SetKpiTarget("effectiveness", 0.02m);
                op.SetKpiTarget("contactability", 0.70m);
                op.SetKpiTarget("baseCoverage", 0.85m);
                op.SetKpiTarget("goalAttainment", 0.80m);
                op.SetKpiTarget("effectiveContactRate", 0.60m);
                break;
            case OperationKind.InboundSales:
                op.SetKpiTarget("salesSheetTypification", 1.00m);
                op.SetKpiTarget("mec", 0.90m);
                op.SetKpiTarget("fcr", 0.80m);
                break;
            case OperationKind.DigitalSales:
                op.SetKpiTarget("efficientDigitalSales", 0.95m);
                break;
            case OperationKind.Adjustments:
                op.SetKpiTarget("appliedRate", 0.90m);
                break;
            case OperationKind.SalesCell:
                op.SetKpiTarget("reconciliationMissing", 0.00m);
                break;
        }
    }

    private static IEnumerable<(string Code, string Name, DispositionFlags Flags)> CatalogFor(OperationKind kind)
    {
        const DispositionFlags A = DispositionFlags.Answered, C = DispositionFlags.Contact, E = DispositionFlags.EffectiveContact,
            S = DispositionFlags.Sale, F = DispositionFlags.Final;
        if (kind == OperationKind.Outbound)
        {
            return
            [
                ("VENTA", "Venta", A | C | E | S | F),
                ("NO_INTERESADO", "No interesado", A | C | F),
                ("VOLVER_A_LLAMAR", "Volver a llamar", A | C | DispositionFlags.Callback),
                ("NO_TITULAR", "No es el titular", A),
                ("NUMERO_ERRADO", "Número errado", A | F | DispositionFlags.NumberUnusable),
                ("DNC", "No volver a llamar", A | C | DispositionFlags.DoNotCall | F),
                ("BUZON", "Buzón de voz", DispositionFlags.Machine),
                ("NO_CONTESTA", "No contesta", DispositionFlags.None),
                ("OCUPADO", "Ocupado", DispositionFlags.None),
                ("FALLIDA", "Llamada fallida", DispositionFlags.Failed),
            ];
        }

        return
        [
            ("VENTA", "Venta registrada", A | C | E | S | F),
            ("INFORMACION", "Información entregada (cierre en primer contacto)", A | C | F),
            ("ESCALADO", "Escalado a otra área", A | C | DispositionFlags.Escalation),
            ("NO_VENTA", "No acepta la oferta", A | C | F),
            ("IMPEDIMENTO", "Impedimento (cartera o cobertura)", A | C | F),
            ("LLAMADA_CAIDA", "Llamada caída", DispositionFlags.Failed),
        ];
    }

    private static string RoleName(Role role) => role switch
    {
        Role.Agent => "Asesor",
        Role.BackOffice => "Back office",
        Role.Supervisor => "Supervisor",
        Role.Coordinator => "Coordinador",
        Role.Manager => "Gerente",
        Role.DataMarshall => "Data marshall",
        Role.QualityAnalyst => "Analista de calidad",
        _ => "Administrador",
    };

    private static T Value<T>(Platform.Results.Result<T> result) =>
        result.IsSuccess ? result.Value! : throw new InvalidOperationException("Dato de demostración inválido: " + result.Error!.Message);

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("No se pudo crear un usuario de demostración: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
