using System.Globalization;

namespace ContactOps.Platform.Files;

/// <summary>The downloadable list of rejected rows: CSV, UTF-8 with BOM, <c>;</c> (what Excel in es-CO opens directly).</summary>
public static class RejectionReport
{
    /// <summary>Writes <c>linea;campo;motivo</c> and one line per rejection. Leaves <paramref name="stream"/> open.</summary>
    public static void WriteCsv(Stream stream, IEnumerable<RejectedRow> rows)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(rows);
        using var csv = CsvExport.Create(stream, ';', protectFormulas: true);
        csv.WriteHeader("linea", "campo", "motivo");
        foreach (var row in rows)
        {
            csv.WriteRow(row.Line.ToString(CultureInfo.InvariantCulture), row.Field, row.Reason);
        }
    }
}
