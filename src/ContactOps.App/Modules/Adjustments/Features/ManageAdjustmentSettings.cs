using ContactOps.Platform.Localization;
using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Adjustments.Features;

/// <summary>The cell's settings of one operation (defaults when never saved).</summary>
public sealed record AdjustmentSettingsView(string Operation, string PqrDestination, int PqrAnswerBusinessDays, int PqrFlagBusinessDays, int AppealBusinessDays, int RetryHours, int MaxContactAttempts, bool IsDefault);

public sealed record AdjustmentSettingsRequest(string? PqrDestination, int? PqrAnswerBusinessDays, int? PqrFlagBusinessDays, int? AppealBusinessDays, int? RetryHours, int? MaxContactAttempts);

/// <summary>Reads (cell roles) and changes (admins) the PQR destination, the regulatory day counts and the retry policy. New values apply to clocks started afterwards.</summary>
public sealed class ManageAdjustmentSettings(IDbContextFactory<AppDbContext> dbs, AccessScope scope)
{
    public async Task<Result<AdjustmentSettingsView>> GetAsync(string? operation, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var op = await AdjustmentLookups.OperationAsync(db, scope, operation, AdjustmentWorkflow.ViewRoles, ct);
        if (!op.IsSuccess)
        {
            return op.Error!;
        }

        var opId = op.Value!.Id;
        var row = await db.AdjustmentSettings.AsNoTracking().FirstOrDefaultAsync(s => s.OperationId == opId, ct);
        return View(op.Value.Code, row ?? new AdjustmentSettings(op.Value.ClientId, opId), row is null);
    }

    public async Task<Result<AdjustmentSettingsView>> SaveAsync(string? operation, AdjustmentSettingsRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var fields = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var destination = request.PqrDestination?.Trim() ?? "";
        if (destination.Length is < 2 or > 120)
        {
            fields["pqrDestination"] = [Messages.Text("Field.ManageAdjustmentSettings.pqrDestination")];
        }

        Range(fields, "pqrAnswerBusinessDays", request.PqrAnswerBusinessDays, 1, 60, "Los días hábiles para responder la PQR");
        Range(fields, "pqrFlagBusinessDays", request.PqrFlagBusinessDays, 1, 60, "Los días hábiles de alerta");
        Range(fields, "appealBusinessDays", request.AppealBusinessDays, 1, 60, "Los días hábiles para recurrir");
        Range(fields, "retryHours", request.RetryHours, 1, 720, "Las horas entre intentos");
        Range(fields, "maxContactAttempts", request.MaxContactAttempts, 1, 20, "Los intentos de contacto");
        if (!fields.ContainsKey("pqrFlagBusinessDays") && !fields.ContainsKey("pqrAnswerBusinessDays") && request.PqrFlagBusinessDays > request.PqrAnswerBusinessDays)
        {
            fields["pqrFlagBusinessDays"] = [Messages.Text("Field.ManageAdjustmentSettings.pqrFlagBusinessDays")];
        }

        if (fields.Count > 0)
        {
            return Error.Validation(fields);
        }

        await using var db = await dbs.CreateDbContextAsync(ct);
        var op = await AdjustmentLookups.OperationAsync(db, scope, operation, AdjustmentWorkflow.AdminRoles, ct);
        if (!op.IsSuccess)
        {
            return op.Error!;
        }

        var opId = op.Value!.Id;
        var row = await db.AdjustmentSettings.FirstOrDefaultAsync(s => s.OperationId == opId, ct);
        if (row is null)
        {
            row = new AdjustmentSettings(op.Value.ClientId, opId);
            db.AdjustmentSettings.Add(row);
        }

        row.PqrDestination = destination;
        row.PqrAnswerBusinessDays = request.PqrAnswerBusinessDays!.Value;
        row.PqrFlagBusinessDays = request.PqrFlagBusinessDays!.Value;
        row.AppealBusinessDays = request.AppealBusinessDays!.Value;
        row.RetryHours = request.RetryHours!.Value;
        row.MaxContactAttempts = request.MaxContactAttempts!.Value;
        await db.SaveChangesAsync(ct);
        return View(op.Value.Code, row, false);
    }

    private static AdjustmentSettingsView View(string code, AdjustmentSettings s, bool isDefault) =>
        new(code, s.PqrDestination, s.PqrAnswerBusinessDays, s.PqrFlagBusinessDays, s.AppealBusinessDays, s.RetryHours, s.MaxContactAttempts, isDefault);

    private static void Range(Dictionary<string, string[]> fields, string field, int? value, int min, int max, string label)
    {
        if (value is null || value < min || value > max)
        {
            fields[field] = [Messages.Text("Field.ManageAdjustmentSettings.field", label, min, max)];
        }
    }
}
