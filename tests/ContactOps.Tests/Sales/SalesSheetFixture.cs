using System.Text;
using System.Text.Json;
using ContactOps.Modules.Sales;
using ContactOps.Platform.Cli;
using ContactOps.Platform.Data;
using ContactOps.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContactOps.Tests.Sales;

/// <summary>Customers and sales of premium-sales (telco-co, America/Bogota) that the sales-sheet tests start from.</summary>
internal static class SalesSheetFixture
{
    public const string Operation = "premium-sales";

    public const string Header = "documento;tipo_venta;codigo_tarifa;cantidad;valor_mensual;valor_unico;fecha_venta;asesor;id_llamada;extension;cuenta;linea;estado";

    /// <summary>Our sheet: 5 sales in 2026-11-02..04 and one on 2026-11-10 (outside the carrier's days).</summary>
    public static readonly string[] OurRows =
    [
        "52000001;hogar nuevo servicio;TV-HD;1;59900;0;2026-11-02;agent.premium-sales;C-1;101;8001;;instalada",
        "52000002;movil portabilidad;POS-40;1;45000;0;2026-11-02;agent.premium-sales;C-2;101;;3001110002;enviada",
        "52000003;hogar upgrade;INT-300;1;89900;0;2026-11-03;;;;8003;;registrada",
        "52000004;hogar adicional;DECO;2;20000;0;2026-11-03;;;;8004;;instalada",
        "52000005;hogar nuevo servicio;TV-HD;1;59900;0;2026-11-04;;;;8005;;instalada",
        "52000001;hogar nuevo servicio;TV-HD;1;59900;0;2026-11-10;;;;8010;;instalada",
    ];

    public static string Dir() => Directory.CreateTempSubdirectory("sales-sheet").FullName;

    public static async Task<(int Exit, JsonDocument? Json, string Out, string Err)> RunAsync(TestApp app, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await CliHost.RunAsync(AppModules.Cli, app.Services, args, output, error);
        var text = output.ToString().Trim();
        return (exit, text.StartsWith('{') ? JsonDocument.Parse(text) : null, text, error.ToString());
    }

    /// <summary>Customers 52000001..52000006 via <c>import customers</c>.</summary>
    public static async Task AddCustomersAsync(TestApp app, string dir)
    {
        var file = Path.Combine(dir, "clientes.csv");
        var lines = new StringBuilder("documento;nombres;apellidos\n");
        for (var i = 1; i <= 6; i++)
        {
            lines.Append("5200000").Append(i).Append(";Cliente;Prueba ").Append(i).Append('\n');
        }

        await File.WriteAllTextAsync(file, lines.ToString(), new UTF8Encoding(true));
        var (exit, _, _, err) = await RunAsync(app, "import", "customers", "--operation", Operation, "--file", file, "--json");
        Assert.True(exit == 0, err);
    }

    /// <summary>Customers, our sheet imported, and a second sale with account 8006's key twice (a duplicate on our side, made directly: the import refuses it).</summary>
    public static async Task SeedOursAsync(TestApp app, string dir)
    {
        await AddCustomersAsync(app, dir);
        var file = Path.Combine(dir, "ventas.csv");
        await File.WriteAllTextAsync(file, Header + "\n" + string.Join('\n', OurRows) + "\n", new UTF8Encoding(true));
        var (exit, json, _, err) = await RunAsync(app, "import", "sales", "--operation", Operation, "--file", file, "--json");
        Assert.True(exit == 0, err + json?.RootElement.ToString());
        Assert.Equal(OurRows.Length, json!.RootElement.GetProperty("created").GetInt64());

        await using var scope = app.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var operation = await db.Operations.FirstAsync(o => o.Code == Operation);
        var customer = await db.Customers.FirstAsync(c => c.DocumentNumber == "52000006");
        var soldAt = new DateTimeOffset(2026, 11, 4, 15, 0, 0, TimeSpan.Zero); // 10:00 in Bogotá
        for (var i = 0; i < 2; i++)
        {
            var sale = new Sale(operation.ClientId, operation.Id, customer.Id, SaleKind.HomeNewService, soldAt.AddMinutes(i), "COP", SaleOrigin.CustomerPage) { AccountNumber = "8006" };
            sale.AddProduct("TV-HD", "TV HD", 1, 59900, 0, needsTechnicianVisit: false);
            sale.MoveTo(SaleState.Installed, soldAt);
            db.Sales.Add(sale);
        }

        await db.SaveChangesAsync();
    }
}
