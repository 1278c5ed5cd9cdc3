using System.Globalization;
using ContactOps.Platform.Files;
using ContactOps.Platform.Reporting;
using MiniExcelLibs;

namespace ContactOps.Modules.Reports.Features;

/// <summary>Writes a KPI report as CSV (one table: figures, then series, then breakdowns) or XLSX (one sheet each).</summary>
public static class ExportKpiReport
{
    public static string FileName(KpiReport report, string extension) =>
        string.Create(CultureInfo.InvariantCulture, $"indicadores_{report.Operation}_{report.From:yyyyMMdd}_{report.To:yyyyMMdd}.{extension}");

    public static void WriteCsv(KpiReport report, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var csv = CsvExport.Create(stream, ';', protectFormulas: true);
        csv.WriteHeader("tabla", "seccion", "codigo", "nombre", "periodo_o_grupo", "valor", "numerador", "denominador", "meta", "cumple");
        foreach (var row in Rows(report))
        {
            csv.WriteRow(row.Table, row.Section, row.Code, row.Label, row.Group, row.Value, row.Numerator, row.Denominator, row.Target, row.Meets);
        }
    }

    public static void WriteXlsx(KpiReport report, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(report);
        var rows = Rows(report).ToList();
        var sheets = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["Indicadores"] = Sheet(rows.Where(r => r.Table == "indicador")),
            ["Serie"] = Sheet(rows.Where(r => r.Table == "serie")),
            ["Distribucion"] = Sheet(rows.Where(r => r.Table == "distribucion")),
            ["Por asesor"] = Sheet(rows.Where(r => r.Table == "asesor")),
            ["Por equipo"] = Sheet(rows.Where(r => r.Table == "equipo")),
        };
        stream.SaveAs(sheets);
    }

    private static List<Dictionary<string, object?>> Sheet(IEnumerable<Row> rows) => rows.Select(r => new Dictionary<string, object?>(StringComparer.Ordinal)
    {
        ["Sección"] = r.Section,
        ["Código"] = r.Code,
        ["Nombre"] = r.Label,
        ["Periodo o grupo"] = r.Group,
        ["Valor"] = r.RawValue,
        ["Numerador"] = r.RawNumerator,
        ["Denominador"] = r.RawDenominator,
        ["Meta"] = r.RawTarget,
        ["Cumple"] = r.Meets,
    }).ToList();

    private sealed record Row(string Table, string Section, string Code, string Label, string Group, decimal RawValue, long? RawNumerator = null, long? RawDenominator = null, decimal? RawTarget = null, string? Meets = null)
    {
        public string Value => RawValue.ToString("0.######", CultureInfo.InvariantCulture);

        public string? Numerator => RawNumerator?.ToString(CultureInfo.InvariantCulture);

        public string? Denominator => RawDenominator?.ToString(CultureInfo.InvariantCulture);

        public string? Target => RawTarget?.ToString("0.######", CultureInfo.InvariantCulture);
    }

    private static IEnumerable<Row> Rows(KpiReport report)
    {
        var period = string.Create(CultureInfo.InvariantCulture, $"{report.From:yyyy-MM-dd}..{report.To:yyyy-MM-dd}");
        foreach (var s in report.Sections)
        {
            foreach (var f in s.Figures)
            {
                yield return new Row("indicador", s.Title, f.Code, f.Label, period, f.Value, f.Numerator, f.Denominator, f.Target, f.MeetsTarget switch { true => "sí", false => "no", _ => null });
            }

            foreach (var series in s.Series)
            {
                for (var i = 0; i < report.Buckets.Count && i < series.Values.Count; i++)
                {
                    yield return new Row("serie", s.Title, series.Code, series.Label, report.Buckets[i].ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), series.Values[i]);
                }
            }

            foreach (var d in s.Distributions)
            {
                foreach (var slice in d.Slices)
                {
                    yield return new Row("distribucion", s.Title, d.Code + "." + slice.Key, slice.Label, d.Label, slice.Value);
                }
            }

            foreach (var (table, rows) in new[] { ("asesor", s.ByAgent), ("equipo", s.ByTeam) })
            {
                foreach (var r in rows)
                {
                    foreach (var c in s.Columns)
                    {
                        yield return new Row(table, s.Title, c.Code, c.Label, r.Name, r.Values.TryGetValue(c.Code, out var v) ? v : 0);
                    }
                }
            }
        }
    }
}
