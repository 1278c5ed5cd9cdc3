using ContactOps.Platform.Results;

namespace ContactOps.Modules.Sales;

/// <summary>
/// The sale's explicit state machine and the checklist rules, as pure functions over a sale, its checklist
/// version and the steps recorded so far (used by the handlers and the demo seeder alike).
/// <para>Registered → InValidation → Validated → (Scheduled | Reserved | Shipped) → (Installed | Delivered) → Legalized,
/// with Rejected, Cancelled and NotInstalled (each with a reason). A success state is reached only when every
/// applicable step up to the last one that unlocks it is OK; a step is recorded only when every earlier applicable
/// step is OK.</para>
/// </summary>
public static class SaleWorkflow
{
    public static Error ConcurrencyConflict => Error.Conflict("sale.concurrency");

    private static readonly Dictionary<SaleState, SaleState[]> Next = new()
    {
        [SaleState.Registered] = [SaleState.InValidation, SaleState.Rejected, SaleState.Cancelled],
        [SaleState.InValidation] = [SaleState.Validated, SaleState.Rejected, SaleState.Cancelled],
        [SaleState.Validated] = [SaleState.Scheduled, SaleState.Reserved, SaleState.Shipped, SaleState.Installed, SaleState.Cancelled],
        [SaleState.Scheduled] = [SaleState.Installed, SaleState.NotInstalled, SaleState.Cancelled],
        [SaleState.Reserved] = [SaleState.Delivered, SaleState.Cancelled],
        [SaleState.Shipped] = [SaleState.Delivered, SaleState.NotInstalled, SaleState.Cancelled],
        [SaleState.NotInstalled] = [SaleState.Scheduled, SaleState.Cancelled],
        [SaleState.Installed] = [SaleState.Legalized],
        [SaleState.Delivered] = [SaleState.Legalized],
        [SaleState.Legalized] = [],
        [SaleState.Rejected] = [],
        [SaleState.Cancelled] = [],
    };

    /// <summary>States that need a reason.</summary>
    public static bool NeedsReason(SaleState state) => state is SaleState.Rejected or SaleState.Cancelled or SaleState.NotInstalled;

    /// <summary>States a sale no longer leaves.</summary>
    public static bool IsClosed(SaleState state) => Next[state].Length == 0;

    public static IReadOnlyList<SaleState> NextStates(SaleState state) => Next[state];

    public static bool CanMove(SaleState from, SaleState to) => Next[from].Contains(to);

    /// <summary>Position on the success path (Registered 0 … Legalized 5); -1 for Rejected/Cancelled/NotInstalled.</summary>
    public static int Rank(SaleState state) => state switch
    {
        SaleState.Registered => 0,
        SaleState.InValidation => 1,
        SaleState.Validated => 2,
        SaleState.Scheduled or SaleState.Reserved or SaleState.Shipped => 3,
        SaleState.Installed or SaleState.Delivered => 4,
        SaleState.Legalized => 5,
        _ => -1,
    };

    /// <summary>States a checklist step may unlock.</summary>
    public static bool IsUnlockable(SaleState state) => Rank(state) is >= 1 and <= 4;

    public static string Spanish(SaleState state) => state switch
    {
        SaleState.Registered => "Registrada",
        SaleState.InValidation => "En validación",
        SaleState.Validated => "Validada",
        SaleState.Scheduled => "Agendada",
        SaleState.Reserved => "Reservada",
        SaleState.Shipped => "Enviada",
        SaleState.Installed => "Instalada",
        SaleState.Delivered => "Entregada",
        SaleState.Legalized => "Legalizada",
        SaleState.Rejected => "Rechazada",
        SaleState.Cancelled => "Cancelada",
        _ => "No instalada",
    };

    /// <summary>The checklist steps that apply to this sale (open-work-order steps only for home sales with a visit).</summary>
    public static IReadOnlyList<ChecklistItem> Applicable(ChecklistDefinition checklist, Sale sale) =>
        checklist.Items.Where(i => !i.OpenWorkOrderOnly || sale.WorkOrder == WorkOrder.Open).OrderBy(i => i.Order).ToList();

    /// <summary>The latest record of each step code.</summary>
    public static Dictionary<string, SaleStep> Latest(IEnumerable<SaleStep> steps) =>
        steps.GroupBy(s => s.StepCode, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(s => s.Sequence).Last(), StringComparer.Ordinal);

    public static bool IsOk(IReadOnlyDictionary<string, SaleStep> latest, string code) =>
        latest.TryGetValue(code, out var s) && s.Result == StepResult.Ok;

    /// <summary>The applicable steps that must be OK (and are not) before the sale may reach the state; null when the procedure does not pass through it.</summary>
    public static IReadOnlyList<ChecklistItem>? MissingFor(ChecklistDefinition checklist, Sale sale, IEnumerable<SaleStep> steps, SaleState to)
    {
        var items = Applicable(checklist, sale);
        var last = items.LastOrDefault(i => i.Unlocks == to);
        if (last is null)
        {
            return null;
        }

        var latest = Latest(steps);
        return items.Where(i => i.Order <= last.Order && !IsOk(latest, i.Code)).ToList();
    }

    /// <summary>Records a step on the sale; when it completes what a state needs, the sale moves there too.</summary>
    public static Result<SaleStep> RecordStep(
        Sale sale, ChecklistDefinition? checklist, IReadOnlyList<SaleStep> steps, string code, StepResult result, string? evidence,
        Guid? userId, string userName, DateTimeOffset at, out SaleStateChange? change)
    {
        change = null;
        if (IsClosed(sale.State))
        {
            return Error.Conflict("sale.closed#3", Spanish(sale.State));
        }

        if (checklist is null)
        {
            return Error.Conflict("sale.no_checklist");
        }

        var normalized = (code ?? "").Trim().ToUpperInvariant();
        var item = checklist.Items.FirstOrDefault(i => i.Code == normalized);
        if (item is null)
        {
            return Error.Invalid("stepCode", "sale.step_unknown", code, checklist.Version);
        }

        var applicable = Applicable(checklist, sale);
        if (!applicable.Contains(item))
        {
            return Error.Invalid("stepCode", "sale.step_not_applicable", item.Name);
        }

        var latest = Latest(steps);
        var pending = applicable.Where(i => i.Order < item.Order && !IsOk(latest, i.Code)).ToList();
        if (pending.Count > 0)
        {
            return Error.Conflict("sale.step_out_of_order", item.Name, string.Join(", ", pending.Select(p => "«" + p.Name + "»")));
        }

        evidence = string.IsNullOrWhiteSpace(evidence) || !evidence.Any(char.IsLetterOrDigit) ? null : evidence.Trim();
        if (result == StepResult.Ok && item.EvidenceRequired && evidence is null)
        {
            return Error.Invalid("evidence", "sale.evidence_required", item.Name, item.Evidence);
        }

        if (result == StepResult.Failed && evidence is null)
        {
            // A failed step must say why (what the back office found), or nobody can act on it.
            return Error.Invalid("evidence", "sale.step_failure_reason_required", item.Name);
        }

        if (evidence is { Length: > 400 })
        {
            return Error.Invalid("evidence", "sale.evidence_too_long");
        }

        var step = new SaleStep(sale, item, steps.Count == 0 ? 1 : steps.Max(s => s.Sequence) + 1, result, evidence, userId, userName, at);
        if (result == StepResult.Ok && item.Unlocks is { } unlocks && CanMove(sale.State, unlocks))
        {
            var missing = MissingFor(checklist, sale, [.. steps, step], unlocks);
            if (missing is { Count: 0 })
            {
                change = new SaleStateChange(sale, sale.State, unlocks, null, userId, userName, at);
                sale.MoveTo(unlocks, at);
            }
        }

        return step;
    }

    /// <summary>Moves the sale to a state when the state machine allows it and the steps that lead there are OK.</summary>
    public static Result<SaleStateChange> Transition(
        Sale sale, ChecklistDefinition? checklist, IReadOnlyList<SaleStep> steps, SaleState to, string? reason,
        Guid? userId, string userName, DateTimeOffset at)
    {
        reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (IsClosed(sale.State))
        {
            return Error.Conflict("sale.closed#4", Spanish(sale.State));
        }

        if (!CanMove(sale.State, to))
        {
            return Error.Conflict("sale.transition_forbidden", Spanish(sale.State), Spanish(to));
        }

        if (NeedsReason(to) && reason is null)
        {
            return Error.Invalid("reason", "sale.reason_required", Spanish(to));
        }

        if (reason is { Length: > 400 })
        {
            return Error.Invalid("reason", "sale.reason_too_long");
        }

        if (IsUnlockable(to))
        {
            if (checklist is null)
            {
                return Error.Conflict("sale.no_checklist");
            }

            var missing = MissingFor(checklist, sale, steps, to);
            if (missing is null)
            {
                return Error.Conflict("sale.state_not_in_procedure", Spanish(to));
            }

            if (missing.Count > 0)
            {
                return Error.Conflict("sale.steps_missing", Spanish(to), string.Join(", ", missing.Select(p => "«" + p.Name + "»")));
            }
        }

        var change = new SaleStateChange(sale, sale.State, to, reason, userId, userName, at);
        sale.MoveTo(to, at, NeedsReason(to) ? reason : null);
        return change;
    }

    /// <summary>
    /// Moves the sale to <paramref name="to"/> for a procedure that keeps its own evidence records instead of checklist
    /// steps (the device back office: confirmation call, credit check, reservation, delivery report). The state machine
    /// is checked; the caller has already checked its own order. Used by <c>Devices</c> only.
    /// </summary>
    public static Result<SaleStateChange> Advance(Sale sale, SaleState to, Guid? userId, string userName, DateTimeOffset at)
    {
        if (IsClosed(sale.State))
        {
            return Error.Conflict("sale.closed#4", Spanish(sale.State));
        }

        if (!CanMove(sale.State, to))
        {
            return Error.Conflict("sale.transition_forbidden", Spanish(sale.State), Spanish(to));
        }

        var change = new SaleStateChange(sale, sale.State, to, null, userId, userName, at);
        sale.MoveTo(to, at);
        return change;
    }

    /// <summary>The conditions for the account marking (CTA) that are not met, in Spanish; empty when it may be recorded.</summary>
    public static IReadOnlyList<string> MissingForMarking(Sale sale, IEnumerable<SaleStep> steps, ChecklistDefinition? checklist, bool codesProvisioned, bool noArrears, bool visitConfirmed, bool? accountInArrearsOrFinalNotice)
    {
        var missing = new List<string>();
        if (!codesProvisioned)
        {
            missing.Add("confirmar que los códigos de la venta quedaron aprovisionados");
        }

        if (accountInArrearsOrFinalNotice == true)
        {
            missing.Add("la cuenta está en mora o con preaviso");
        }
        else if (!noArrears)
        {
            missing.Add("confirmar que el suscriptor no está en mora ni con preaviso");
        }

        if (sale.WorkOrder == WorkOrder.Open)
        {
            var visitStep = checklist is null ? null : Applicable(checklist, sale).LastOrDefault(i => i.Unlocks == SaleState.Scheduled);
            var scheduled = visitStep is not null && IsOk(Latest(steps), visitStep.Code);
            if (!scheduled)
            {
                missing.Add("la visita técnica no está agendada");
            }
            else if (!visitConfirmed)
            {
                missing.Add("confirmar la visita técnica");
            }
        }

        if (sale.State is SaleState.Rejected or SaleState.Cancelled)
        {
            missing.Add($"la venta está «{Spanish(sale.State)}»");
        }

        return missing;
    }
}
