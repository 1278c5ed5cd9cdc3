using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ContactOps.Platform.Data;
using ContactOps.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ContactOps.Tests.Sales.Devices.DevicesKit;

namespace ContactOps.Tests.Sales.Devices;

/// <summary>The back office for device sales through the API and the CLI, on both engines.</summary>
public class DeviceBackOfficeTests
{
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task A_desk_sale_goes_from_confirmation_to_legalization(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var kit = Start(app);
        var bo = await kit.ClientAsync(BackOffice);
        var (customer, _) = await kit.CustomerAsync(0);
        var saleId = await kit.OpenSaleAsync(customer);

        // The sale from the desk is in the devices-outbound queue.
        var queue = await OkAsync(await bo.GetAsync("/api/v1/devices/queue?operation=devices-outbound"));
        Assert.Contains(queue.GetProperty("page").GetProperty("items").EnumerateArray(), r => r.GetProperty("saleId").GetGuid() == saleId);

        var sale = await GetAsync(bo, saleId);
        Assert.Equal("Registered", State(sale));
        var original = sale.GetProperty("customerAddress").GetString();
        Assert.False(string.IsNullOrWhiteSpace(original));

        // Confirmation call with a corrected address: both kept, who and when.
        sale = await OkAsync(await ConfirmAsync(bo, sale, addressOk: false, corrected: "Carrera 7 # 72-10 apto 501, Bogotá"));
        Assert.Equal("InValidation", State(sale));
        var confirmation = sale.GetProperty("confirmation");
        Assert.Equal(original, confirmation.GetProperty("originalAddress").GetString());
        Assert.Equal("Carrera 7 # 72-10 apto 501, Bogotá", confirmation.GetProperty("correctedAddress").GetString());
        Assert.Equal("Smartphone A15 128 GB a 24 cuotas", confirmation.GetProperty("device").GetString());
        Assert.Equal(kit.Clock.GetUtcNow(), confirmation.GetProperty("at").GetDateTimeOffset());
        Assert.False(string.IsNullOrWhiteSpace(confirmation.GetProperty("by").GetString()));

        sale = await OkAsync(await CreditAsync(bo, sale, quota: 1_500_000m));
        Assert.Equal("Validated", State(sale));
        Assert.Equal(1_500_000m, sale.GetProperty("credit").GetProperty("approvedQuota").GetDecimal());
        Assert.Equal("COP", sale.GetProperty("credit").GetProperty("currency").GetString());

        sale = await OkAsync(await ReserveAsync(bo, sale, " r-2026 0001 "));
        Assert.Equal("Reserved", State(sale));
        var reservation = sale.GetProperty("reservation");
        Assert.Equal("R-20260001", reservation.GetProperty("reservationNumber").GetString());
        Assert.Equal("Carrera 7 # 72-10 apto 501, Bogotá", reservation.GetProperty("deliveryAddress").GetString());
        Assert.Equal("52123456", reservation.GetProperty("receiverDocument").GetString());
        Assert.Equal(["+573007654321", "+576015551234"], reservation.GetProperty("phones").EnumerateArray().Select(p => p.GetString()!).ToArray());
        Assert.Equal("Pending", sale.GetProperty("deliveryState").GetString());

        // Not delivered yet: cannot be legalized.
        var early = await ProblemAsync(await bo.PostAsJsonAsync($"/api/v1/devices/sales/{saleId}/legalize", new { version = Version(sale) }), HttpStatusCode.Conflict);
        Assert.Equal("devices.not_delivered", Code(early));
        var preview = await OkAsync(await bo.GetAsync("/api/v1/sales/legalization?operation=devices-outbound&month=2026-11"));
        Assert.Equal(0, preview.GetProperty("devices").GetInt32());

        // The carrier's report: in transit, then delivered, through the CLI.
        var report = Temp("entregas.csv", "numero_reserva;estado;fecha;guia;observacion\nR-20260001;En tránsito;2026-11-11 08:00;G-77;Salió de bodega\nR-20260001;ENTREGADO;2026-11-12 16:30;G-77;Recibió Pedro\n");
        kit.Clock.Advance(TimeSpan.FromDays(3));
        bo = await kit.ClientAsync(BackOffice); // the bearer token expired with the days
        var run = await kit.CliAsync("import", "deliveries", "--operation", "devices-outbound", "--file", report, "--json");
        Assert.True(run.Exit == 0, run.Out + run.Err);
        Assert.Equal("""{"rows":2,"updated":2,"unmatched":0,"rejected":0}""", run.Out);

        sale = await GetAsync(bo, saleId);
        Assert.Equal("Delivered", State(sale));
        Assert.Equal("Delivered", sale.GetProperty("deliveryState").GetString());
        Assert.Equal(["InTransit", "Delivered"], sale.GetProperty("deliveries").EnumerateArray().Select(e => e.GetProperty("state").GetString()!).ToArray());
        Assert.Equal(new DateTimeOffset(2026, 11, 12, 16, 30, 0, TimeSpan.FromHours(-5)), sale.GetProperty("deliveries")[1].GetProperty("at").GetDateTimeOffset());

        // Delivered: the month's legalization carries it; the sale itself needs its recording.
        preview = await OkAsync(await bo.GetAsync("/api/v1/sales/legalization?operation=devices-outbound&month=2026-11"));
        Assert.Equal(1, preview.GetProperty("devices").GetInt32());
        var noRecording = await ProblemAsync(await bo.PostAsJsonAsync($"/api/v1/devices/sales/{saleId}/legalize", new { version = Version(sale) }), HttpStatusCode.Conflict);
        Assert.Equal("devices.recording_required", Code(noRecording));
        var upload = await SalesTestData.UploadAsync(bo, saleId, "CallRecording", "venta.wav", SalesTestData.Wav);
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        sale = await OkAsync(await bo.PostAsJsonAsync($"/api/v1/devices/sales/{saleId}/legalize", new { version = Version(sale) }));
        Assert.Equal("Legalized", State(sale));

        // The sales sheet records every move.
        var detail = await OkAsync(await bo.GetAsync($"/api/v1/sales/{saleId}"));
        var history = detail.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("to").GetString()).ToList();
        Assert.Equal(["InValidation", "Validated", "Reserved", "Delivered", "Legalized"], history);
        var runLegal = await OkAsync(await bo.PostAsJsonAsync("/api/v1/sales/legalization/runs", new { operation = "devices-outbound", month = "2026-11" }));
        Assert.Equal(1, runLegal.GetProperty("devices").GetInt32());
        Assert.NotNull(runLegal.GetProperty("xlsxFileName").GetString());
        Assert.Empty(app.LoggedErrors);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task The_order_is_enforced_and_reservation_numbers_are_unique(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var kit = Start(app);
        var bo = await kit.ClientAsync(BackOffice);
        var first = await kit.OpenSaleAsync((await kit.CustomerAsync(0)).Id);
        var second = await kit.OpenSaleAsync((await kit.CustomerAsync(1)).Id);

        var sale = await GetAsync(bo, first);
        Assert.Equal("devices.confirmation_required", Code(await ProblemAsync(await CreditAsync(bo, sale), HttpStatusCode.Conflict)));
        Assert.Equal("devices.confirmation_required", Code(await ProblemAsync(await ReserveAsync(bo, sale, "R-1"), HttpStatusCode.Conflict)));

        // Missing answers are 400 with the field.
        var bad = await ProblemAsync(await bo.PostAsJsonAsync($"/api/v1/devices/sales/{first}/confirmation", new { version = Version(sale), deviceConfirmed = true, addressConfirmed = false }), HttpStatusCode.BadRequest);
        Assert.True(bad.GetProperty("errors").TryGetProperty("correctedAddress", out _));
        Assert.True(bad.GetProperty("errors").TryGetProperty("recording", out _));

        // The customer did not confirm the device: recorded, but nothing moves on.
        sale = await OkAsync(await ConfirmAsync(bo, sale, device: false));
        Assert.Equal("Registered", State(sale));
        Assert.Equal("devices.confirmation_required", Code(await ProblemAsync(await CreditAsync(bo, sale), HttpStatusCode.Conflict)));
        sale = await OkAsync(await ConfirmAsync(bo, sale));
        Assert.Equal("InValidation", State(sale));
        Assert.Equal("devices.credit_required", Code(await ProblemAsync(await ReserveAsync(bo, sale, "R-1"), HttpStatusCode.Conflict)));

        // Denied credit: no reservation; approved without quota: 400.
        sale = await OkAsync(await CreditAsync(bo, sale, "Denied", null));
        Assert.Equal("InValidation", State(sale));
        var denied = await ProblemAsync(await ReserveAsync(bo, sale, "R-1"), HttpStatusCode.Conflict);
        Assert.Contains("negado", denied.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.True((await ProblemAsync(await CreditAsync(bo, sale, "Approved", null), HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("approvedQuota", out _));
        sale = await OkAsync(await CreditAsync(bo, sale));
        Assert.Equal("Validated", State(sale));

        // The receiver's document and phones follow the platform's rules.
        var invalid = await ProblemAsync(await ReserveAsync(bo, sale, "R-1", document: "12ab", phones: ["12"]), HttpStatusCode.BadRequest);
        Assert.True(invalid.GetProperty("errors").TryGetProperty("receiverDocument", out _));
        Assert.True(invalid.GetProperty("errors").TryGetProperty("phones", out _));
        sale = await OkAsync(await ReserveAsync(bo, sale, "R-1"));
        Assert.Equal("Reserved", State(sale));
        Assert.Equal("devices.already_reserved", Code(await ProblemAsync(await ReserveAsync(bo, sale, "R-2"), HttpStatusCode.Conflict)));
        Assert.Equal("devices.already_reserved", Code(await ProblemAsync(await ConfirmAsync(bo, sale), HttpStatusCode.Conflict)));

        // The same reservation number on another sale of the operation: 409 (case and spaces do not make it new).
        var other = await GetAsync(bo, second);
        other = await OkAsync(await ConfirmAsync(bo, other));
        other = await OkAsync(await CreditAsync(bo, other));
        var taken = await ProblemAsync(await ReserveAsync(bo, other, " r-1 "), HttpStatusCode.Conflict);
        Assert.Equal("devices.reservation_taken", Code(taken));
        Assert.Equal("Validated", State(await GetAsync(bo, second)));

        // A stale version is refused.
        Assert.Equal(HttpStatusCode.Conflict, (await ReserveAsync(bo, sale, "R-9")).StatusCode);
        Assert.Empty(app.LoggedErrors);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task The_delivery_report_is_crossed_keeping_the_history(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var kit = Start(app);
        var bo = await kit.ClientAsync(BackOffice);
        var (c1, _) = await kit.CustomerAsync(0);
        var (c2, doc2) = await kit.CustomerAsync(1);
        var s1 = await kit.OpenSaleAsync(c1);
        var s2 = await kit.OpenSaleAsync(c2);
        await ReserveAllAsync(bo, s1, "RES-100");
        await ReserveAllAsync(bo, s2, "RES-200");
        kit.Clock.Advance(TimeSpan.FromDays(2));
        bo = await kit.ClientAsync(BackOffice);

        // First report (semicolons, Windows-1252): s1 by reservation, s2 by document only, one unknown, one bad state.
        var first = "reserva;documento;estado;fecha;guia\r\n"
            + "RES-100;;En tránsito;10/11/2026 18:00;G-1\r\n"
            + $";{doc2};Despachado;2026-11-11;G-2\r\n"
            + "RES-999;;Entregado;2026-11-11;G-9\r\n"
            + "RES-100;;perdido en el limbo;2026-11-11;G-1\r\n";
        var path1 = Path.Combine(Directory.CreateTempSubdirectory("deliveries").FullName, "reporte1.csv");
        await File.WriteAllBytesAsync(path1, System.Text.Encoding.Latin1.GetBytes(first));
        var run1 = await kit.CliAsync("import", "deliveries", "--operation", "devices-outbound", "--file", path1, "--json");
        Assert.True(run1.Exit == 0, run1.Out + run1.Err);
        Assert.Equal("""{"rows":4,"updated":2,"unmatched":1,"rejected":1}""", run1.Out);
        var text = await kit.CliAsync("import", "deliveries", "--operation", "devices-outbound", "--file", path1);
        Assert.Contains("línea 5", text.Out, StringComparison.Ordinal);
        Assert.Contains("perdido en el limbo", text.Out, StringComparison.Ordinal);

        var sale2 = await GetAsync(bo, s2);
        Assert.Equal("InTransit", sale2.GetProperty("deliveryState").GetString());
        Assert.Equal("Despachado", sale2.GetProperty("carrierState").GetString());

        // Second report (commas, API upload): the same transit state again (not duplicated), then delivered.
        var second = "numero_reserva,estado,fecha,observacion\n"
            + "RES-100,En tránsito,10/11/2026 18:00,\n"
            + "RES-100,Entregado,2026-11-12 09:15,Recibió el titular\n"
            + "RES-200,Devuelto,2026-11-12 10:00,Dirección no existe\n";
        using var form = new MultipartFormDataContent
        {
            { new StringContent("devices-outbound"), "operation" },
            { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(second)), "file", "reporte2.csv" },
        };
        var summary = await OkAsync(await bo.PostAsync("/api/v1/devices/deliveries", form));
        Assert.Equal(3, summary.GetProperty("rows").GetInt64());
        Assert.Equal(2, summary.GetProperty("updated").GetInt64());
        Assert.Equal(1, summary.GetProperty("unchanged").GetInt64());
        Assert.Equal(0, summary.GetProperty("unmatched").GetInt64());
        Assert.Equal(1, summary.GetProperty("delivered").GetInt64());

        var sale1 = await GetAsync(bo, s1);
        Assert.Equal("Delivered", State(sale1));
        Assert.Equal(["InTransit", "Delivered"], sale1.GetProperty("deliveries").EnumerateArray().Select(e => e.GetProperty("state").GetString()!).ToArray());
        Assert.Equal("Import", sale1.GetProperty("deliveries")[0].GetProperty("source").GetString());
        sale2 = await GetAsync(bo, s2);
        Assert.Equal("Reserved", State(sale2));
        Assert.Equal(["InTransit", "Returned"], sale2.GetProperty("deliveries").EnumerateArray().Select(e => e.GetProperty("state").GetString()!).ToArray());

        // A third load of the same first report adds nothing.
        var again = await kit.CliAsync("import", "deliveries", "--operation", "devices-outbound", "--file", path1, "--json");
        Assert.Equal("""{"rows":4,"updated":0,"unmatched":1,"rejected":1}""", again.Out);
        await using var scope = kit.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(4, await db.DeliveryEvents.CountAsync());
        Assert.Equal(4, await db.ImportBatches.CountAsync(b => b.Kind == "deliveries"));
        Assert.Empty(app.LoggedErrors);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task A_bad_delivery_report_is_refused_with_its_lines_and_nothing_is_written(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var kit = Start(app);
        var bo = await kit.ClientAsync(BackOffice);
        var s1 = await kit.OpenSaleAsync((await kit.CustomerAsync(0)).Id);
        await ReserveAllAsync(bo, s1, "RES-1");

        // No state column.
        var noState = Temp("sin-estado.csv", "reserva;fecha\nRES-1;2026-11-10\n");
        var missing = await kit.CliAsync("import", "deliveries", "--operation", "devices-outbound", "--file", noState, "--json");
        Assert.Equal(2, missing.Exit);
        Assert.Contains("estado", missing.Out + missing.Err, StringComparison.Ordinal);

        // Most rows wrong: refused whole, the lines listed (a good row is not applied either).
        var mostlyBad = Temp("malo.csv", "reserva;estado;fecha\nRES-1;Entregado;2026-11-10\nRES-1;Entregado;31/02/2026\n;Entregado;2026-11-10\nRES-1;;2026-11-10\n");
        var bad = await kit.CliAsync("import", "deliveries", "--operation", "devices-outbound", "--file", mostlyBad);
        Assert.Equal(2, bad.Exit);
        var message = bad.Out + bad.Err;
        Assert.Contains("línea 3", message, StringComparison.Ordinal);
        Assert.Contains("línea 4", message, StringComparison.Ordinal);
        Assert.Contains("línea 5", message, StringComparison.Ordinal);

        // Unreadable: an old Excel file.
        var xls = Path.Combine(Directory.CreateTempSubdirectory("deliveries").FullName, "reporte.xls");
        await File.WriteAllBytesAsync(xls, [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0]);
        Assert.Equal(2, (await kit.CliAsync("import", "deliveries", "--operation", "devices-outbound", "--file", xls, "--json")).Exit);

        // The API answers 400 ProblemDetails with the lines as fields.
        using var form = new MultipartFormDataContent
        {
            { new StringContent("devices-outbound"), "operation" },
            { new ByteArrayContent(File.ReadAllBytes(mostlyBad)), "file", "malo.csv" },
        };
        var problem = await ProblemAsync(await bo.PostAsync("/api/v1/devices/deliveries", form), HttpStatusCode.BadRequest);
        Assert.Equal("deliveries.bad_file", Code(problem));
        Assert.True(problem.GetProperty("errors").TryGetProperty("linea 3", out _));

        await using var scope = kit.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(0, await db.DeliveryEvents.CountAsync());
        Assert.Equal(0, await db.ImportBatches.CountAsync(b => b.Kind == "deliveries"));
        Assert.Equal("Reserved", State(await GetAsync(bo, s1)));
        Assert.Empty(app.LoggedErrors);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Sales_without_delivery_news_for_N_days_are_flagged(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var kit = Start(app);
        var bo = await kit.ClientAsync(BackOffice);
        var supervisor = await kit.ClientAsync("supervisor.devices-outbound");
        var quiet = await kit.OpenSaleAsync((await kit.CustomerAsync(0)).Id);
        var news = await kit.OpenSaleAsync((await kit.CustomerAsync(1)).Id);
        await ReserveAllAsync(bo, quiet, "Q-1");
        var newsSale = await ReserveAllAsync(bo, news, "Q-2");

        async Task<List<Guid>> StaleAsync()
        {
            bo = await kit.ClientAsync(BackOffice); // a fresh token after the clock moved
            var page = await OkAsync(await bo.GetAsync("/api/v1/devices/queue?operation=devices-outbound&stale=true"));
            return page.GetProperty("page").GetProperty("items").EnumerateArray().Select(r => r.GetProperty("saleId").GetGuid()).ToList();
        }

        kit.Clock.Advance(TimeSpan.FromDays(2));
        Assert.Empty(await StaleAsync());
        newsSale = await OkAsync(await bo.PostAsJsonAsync($"/api/v1/devices/sales/{news}/deliveries", new { version = Version(newsSale), state = "InTransit", carrierState = "En ruta" }));

        kit.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal([quiet], await StaleAsync());
        var row = (await OkAsync(await bo.GetAsync("/api/v1/devices/queue?operation=devices-outbound&state=Reserved")))
            .GetProperty("page").GetProperty("items").EnumerateArray().Single(r => r.GetProperty("saleId").GetGuid() == quiet);
        Assert.True(row.GetProperty("stale").GetBoolean());
        Assert.Equal(3, row.GetProperty("daysWithoutNews").GetInt32());

        // Per operation: 5 days → nothing flagged yet; back office may not change it.
        supervisor = await kit.ClientAsync("supervisor.devices-outbound");
        Assert.Equal(HttpStatusCode.Forbidden, (await bo.PutAsJsonAsync("/api/v1/devices/settings", new { operation = "devices-outbound", staleAfterDays = 5 })).StatusCode);
        await OkAsync(await supervisor.PutAsJsonAsync("/api/v1/devices/settings", new { operation = "devices-outbound", staleAfterDays = 5 }));
        Assert.Empty(await StaleAsync());
        kit.Clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal([quiet], await StaleAsync());
        kit.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal([quiet], await StaleAsync()); // the other one had news two days after its reservation
        kit.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(2, (await StaleAsync()).Count);
        Assert.Empty(app.LoggedErrors);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Users_of_another_client_or_operation_do_not_find_the_sale(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var kit = Start(app);
        var bo = await kit.ClientAsync(BackOffice);
        var saleId = await kit.OpenSaleAsync((await kit.CustomerAsync(0)).Id);
        var sale = await ReserveAllAsync(bo, saleId, "T-1");

        foreach (var user in new[] { "backoffice.digital-sales", "admin.digital-sales", "backoffice.premium-sales" })
        {
            var other = await kit.ClientAsync(user);
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/devices/sales/{saleId}/")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync($"/api/v1/devices/sales/{saleId}/deliveries", new { version = Version(sale), state = "Delivered" })).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync($"/api/v1/devices/sales/{saleId}/legalize", new { version = Version(sale) })).StatusCode);
        }

        // The agent who sold it sees it but may not work it.
        var agent = await kit.ClientAsync("agent.devices-outbound");
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.PostAsJsonAsync($"/api/v1/devices/sales/{saleId}/deliveries", new { version = Version(sale), state = "Delivered" })).StatusCode);

        // Another client's delivery report cannot touch it either.
        var bolivia = await kit.ClientAsync("backoffice.digital-sales");
        using var form = new MultipartFormDataContent
        {
            { new StringContent("devices-outbound"), "operation" },
            { new ByteArrayContent("reserva;estado\nT-1;Entregado\n"u8.ToArray()), "file", "r.csv" },
        };
        Assert.Equal(HttpStatusCode.NotFound, (await bolivia.PostAsync("/api/v1/devices/deliveries", form)).StatusCode);
        Assert.Equal("Reserved", State(await GetAsync(bo, saleId)));
        Assert.Empty(app.LoggedErrors);
    }
}
