using System.Globalization;
using ContactOps.Modules.Customers.Contracts;
using ContactOps.Modules.Sales.Features;
using ContactOps.Platform.Auth;
using ContactOps.Platform.Data;
using ContactOps.Platform.Files;
using ContactOps.Platform.Imports;
using ContactOps.Platform.Results;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Sales;

/// <summary>Columns of the carrier's delivery report and their Spanish aliases.</summary>
public static class DeliveryReportColumns
{
    public const string FileKind = "deliveries";
    public const string Reservation = "reserva";
    public const string Document = "documento";
    public const string State = "estado";
    public const string Date = "fecha";
    public const string Guide = "guia";
    public const string Note = "observacion";

    public static readonly IReadOnlyDictionary<string, string[]> Aliases = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        [Reservation] = ["numero_reserva", "numero de reserva", "no_reserva", "nro_reserva", "num_reserva", "reservation", "reservation_number"],
        [Document] = ["documento_cliente", "cedula", "identificacion", "nit", "document", "numero_documento", "doc"],
        [State] = ["estado_entrega", "estado entrega", "estado_envio", "status", "state"],
        [Date] = ["fecha_estado", "fecha_novedad", "fecha_entrega", "fecha_hora", "date"],
        [Guide] = ["numero_guia", "guia_envio", "guide", "tracking"],
        [Note] = ["observaciones", "novedad", "comentario", "note"],
    };
}
