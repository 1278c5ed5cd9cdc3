namespace ContactOps.Modules.Sales;

/// <summary>The six procedures of PROCEDURES §2 (seed 001) as checklist definitions, version 1.</summary>
public static class ChecklistSeeds
{
    private const string Otp = "Referencia OTP";
    private const string Contract = "Lectura de contrato confirmada (grabación o referencia)";
    private const string Plan = "Plan ofrecido (costo y descripción)";

    public static IEnumerable<ChecklistDefinition> For(Guid clientId, Guid operationId)
    {
        foreach (var kind in Enum.GetValues<SaleKind>())
        {
            yield return Build(clientId, operationId, kind);
        }
    }

    public static ChecklistDefinition Build(Guid clientId, Guid operationId, SaleKind kind)
    {
        var name = kind switch
        {
            SaleKind.HomeNewService => "Hogar — servicio nuevo",
            SaleKind.HomeBundle => "Hogar — empaquetamiento",
            SaleKind.HomeUpgrade => "Hogar — upgrade",
            SaleKind.HomeAddOn => "Hogar — servicios adicionales",
            SaleKind.MobileNewLine => "Móvil — línea nueva",
            SaleKind.MobileMigration => "Móvil — migración prepago a pospago",
            SaleKind.MobilePortability => "Móvil — portabilidad",
            _ => "Terminales y tecnología (cupo)",
        };
        var c = new ChecklistDefinition(clientId, operationId, kind, 1, name, null);
        switch (kind)
        {
            case SaleKind.HomeNewService:
                c.AddItem("SHEET_ENTRY", "Venta registrada en la hoja de ventas", null, false, SaleState.InValidation);
                c.AddItem("CALL_TRANSFER", "Llamada transferida del frente a la célula", "ID de la llamada transferida", false, null);
                c.AddItem("TARIFF_OFFER", "Oferta tarifaria", Plan, true, null);
                c.AddItem("CREDIT_CHECK", "Estudio de crédito (Visor Único)", "Resultado del estudio de crédito", true, null);
                c.AddItem("IDENTITY_OTP", "Validación de identidad (OTP)", Otp, true, null);
                c.AddItem("CONTRACT_READING", "Lectura de contrato", Contract, true, SaleState.Validated);
                c.AddItem("VISIT_SCHEDULED", "Venta digitada en Visor Único y visita agendada", "Fecha de la cita", true, SaleState.Scheduled, openWorkOrderOnly: true);
                c.AddItem("INSTALLED", "Instalación confirmada", "Confirmación de la instalación (orden de trabajo)", true, SaleState.Installed);
                break;
            case SaleKind.HomeBundle or SaleKind.HomeUpgrade or SaleKind.HomeAddOn:
                c.AddItem("SHEET_ENTRY", "Venta registrada en la hoja de ventas", null, false, SaleState.InValidation);
                c.AddItem("FRONT_REVIEW", "Revisión de la venta del frente", "Observaciones de la revisión", false, null);
                c.AddItem("CODES_VERIFIED", "Códigos tarifarios, cantidades y servicios aprovisionados verificados", "Códigos verificados", true, SaleState.Validated);
                c.AddItem("VISIT_SCHEDULED", "Visita técnica agendada", "Fecha de la cita", true, SaleState.Scheduled, openWorkOrderOnly: true);
                c.AddItem("INSTALLED", "Seguimiento hasta la instalación: instalada", "Confirmación de la instalación", true, SaleState.Installed);
                break;
            case SaleKind.MobileNewLine:
                c.AddItem("TYPOLOGY", "Tipología del cliente (Poliedro)", "Tipología", true, SaleState.InValidation);
                c.AddItem("IDENTITY_OTP", "Validación de identidad (OTP)", Otp, true, null);
                c.AddItem("PLAN_OFFER", "Oferta del plan", Plan, true, null);
                c.AddItem("CONTRACT_READING", "Lectura de contrato", Contract, true, SaleState.Validated);
                c.AddItem("SIM_SHIPPED", "SIM enviada con el operador logístico", "Guía de envío de la SIM", true, SaleState.Shipped);
                c.AddItem("DELIVERED", "SIM entregada y activada", "Confirmación de entrega", true, SaleState.Delivered);
                break;
            case SaleKind.MobileMigration:
                c.AddItem("TYPOLOGY", "Tipología del cliente (Poliedro)", "Tipología", true, SaleState.InValidation);
                c.AddItem("RECHARGE_CAPACITY", "Capacidad de recarga verificada", "Resultado de la verificación de recargas", true, null);
                c.AddItem("IDENTITY_OTP", "Validación de identidad (OTP)", Otp, true, null);
                c.AddItem("PLAN_OFFER", "Oferta del plan", Plan, true, null);
                c.AddItem("CONTRACT_READING", "Lectura de contrato", Contract, true, SaleState.Validated);
                c.AddItem("MIGRATION_APPLIED", "Migración aplicada a pospago", "Número de la orden de migración", true, SaleState.Installed);
                break;
            case SaleKind.MobilePortability:
                c.AddItem("TYPOLOGY", "Tipología del cliente (Poliedro)", "Tipología", true, SaleState.InValidation);
                c.AddItem("IDENTITY_OTP", "Validación de identidad (OTP)", Otp, true, null);
                c.AddItem("NIP_SENT", "Código NIP enviado", "Referencia del NIP enviado", true, null);
                c.AddItem("PLAN_OFFER", "Oferta del plan (y descuento si aplica)", Plan, true, null);
                c.AddItem("CONTRACT_READING", "Lectura de contrato", Contract, true, SaleState.Validated);
                c.AddItem("SIM_SHIPPED", "SIM enviada con el operador logístico", "Guía de envío de la SIM", true, SaleState.Shipped);
                c.AddItem("DELIVERED", "Portación completada y SIM entregada", "Confirmación de entrega", true, SaleState.Delivered);
                break;
            default:
                c.AddItem("DEVICE_CHECK", "Revisión del equipo elegido en la hoja de ventas", "Referencia del equipo", true, SaleState.InValidation);
                c.AddItem("INVENTORY", "Inventario disponible", "Disponibilidad en inventario", false, null);
                c.AddItem("IDENTITY_QUOTA", "Identidad y cupo de crédito verificados", "Referencia OTP y cupo aprobado", true, SaleState.Validated);
                c.AddItem("RESERVATION", "Reserva en Poliedro y Notus", "Número de reserva", true, SaleState.Reserved);
                c.AddItem("CONTRACT_READING", "Lectura de contrato", Contract, true, null);
                c.AddItem("DELIVERED", "Equipo entregado al cliente", "Guía o confirmación de entrega", true, SaleState.Delivered);
                break;
        }

        return c;
    }
}
