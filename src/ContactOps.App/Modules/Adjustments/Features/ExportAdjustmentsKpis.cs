using System.Globalization;
using ContactOps.Platform.Results;
using MiniExcelLibs;

namespace ContactOps.Modules.Adjustments.Features;

/// <summary>
/// GET /api/v1/adjustments/kpis.xlsx: the KPIs of a period as a workbook (MiniExcel) with the sheets «Resumen» (the three
/// KPIs with counts and the applied-rate target), «Por asesor», «Por semana», «Por causal» and «Registros» (every record of the period).
/// </summary>
public sealed class ExportAdjustmentsKpis(GetAdjustmentsKpis kpis, ListAdjustmentKpiRecords records)
{
    public static readonly string[] Sheets = ["Resumen", "Por asesor", "Por semana", "Por causal", "Registros"];

    public async Task<Result<(byte[] Content, string FileName)>> HandleAsync(AdjustmentsKpisRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var detail = await kpis.DetailAsync(request, ct);
        if (!detail.IsSuccess)
        {
            return detail.Error!;
        }

        var query = await records.QueryAsync(new AdjustmentKpiRecordsRequest(request.Operation, request.From, request.To, request.Agent), ct);
        if (!query.IsSuccess)
        {
            return query.Error!;
        }

        var rows = await ListAdjustmentKpiRecords.AllAsync(query.Value!, ct);
        var d = detail.Value!;
        var k = d.Kpis;
        var summary = new List<Dictionary<string, object?>>
        {
            Line("Registros del periodo", k.Total, null, null),
            Line("Rechazados (mal radicados)", k.Rejected, k.RejectedPct, null),
            Line("Corregidos (rechazo errado)", k.Corrected, k.CorrectedPct, null),
            Line("Aplicados", k.Applied, k.AppliedPct, d.AppliedTarget is { } t ? Math.Round(t * 100, 2) : null),
        };
        var sheets = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["Resumen"] = summary,
            ["Por asesor"] = k.ByAgent.Select(a => new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["Asesor"] = a.Login,
                ["Registros"] = a.Total,
                ["Rechazados"] = a.Rejected,
                ["Corregidos"] = a.Corrected,
                ["Aplicados"] = a.Applied,
                ["% rechazados"] = KpiCounts.Pct(a.Rejected, a.Total),
                ["% corregidos"] = KpiCounts.Pct(a.Corrected, a.Total),
                ["% aplicados"] = KpiCounts.Pct(a.Applied, a.Total),
            }).ToList(),
            ["Por semana"] = d.ByWeek.Select(Group).ToList(),
            ["Por causal"] = d.ByCause.Select(Group).ToList(),
            ["Registros"] = rows.Select(r => new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["Cuenta"] = r.Account,
                ["Escalamiento"] = r.EscalationRef,
                ["Causal"] = r.CauseLetter,
                ["Asesor"] = r.AgentLogin,
                ["Aprobación"] = r.Approval.ToString(),
                ["Rechazado"] = r.Rejected ? "sí" : "no",
                ["Corregido"] = r.Corrected ? "sí" : "no",
                ["Aplicado"] = r.Applied ? "sí" : "no",
                ["Motivo de rechazo"] = r.RejectionReason,
                ["Primer corte"] = Date(r.FirstCutoff),
                ["Último corte"] = Date(r.LastCutoff),
                ["Corte del rechazo"] = r.RejectedCutoff is { } rc ? Date(rc) : null,
                ["Corte de la aprobación"] = r.ApprovedCutoff is { } ac ? Date(ac) : null,
                ["Valor"] = r.Amount,
                ["Moneda"] = r.Currency,
            }).ToList(),
        };
        using var buffer = new MemoryStream();
        buffer.SaveAs(sheets);
        var name = string.Create(CultureInfo.InvariantCulture, $"ajustes_kpi_{d.Operation}_{d.From:yyyyMMdd}_{d.To:yyyyMMdd}.xlsx");
        return (buffer.ToArray(), name);
    }

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static Dictionary<string, object?> Line(string name, int count, decimal? pct, decimal? target) => new(StringComparer.Ordinal)
    {
        ["Indicador"] = name,
        ["Registros"] = count,
        ["Porcentaje"] = pct,
        ["Meta %"] = target,
    };

    private static Dictionary<string, object?> Group(AdjustmentsKpiGroup g) => new(StringComparer.Ordinal)
    {
        ["Grupo"] = g.Label,
        ["Desde"] = g.From is { } f ? Date(f) : null,
        ["Hasta"] = g.To is { } t ? Date(t) : null,
        ["Registros"] = g.Total,
        ["Rechazados"] = g.Rejected,
        ["Corregidos"] = g.Corrected,
        ["Aplicados"] = g.Applied,
        ["% rechazados"] = g.RejectedPct,
        ["% corregidos"] = g.CorrectedPct,
        ["% aplicados"] = g.AppliedPct,
    };
}
