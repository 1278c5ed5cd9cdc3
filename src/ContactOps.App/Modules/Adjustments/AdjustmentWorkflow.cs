using System.Globalization;
using ContactOps.Modules.Organization;
using ContactOps.Modules.Organization.Contracts;
using ContactOps.Platform.Auth;
using ContactOps.Platform.Calendar;
using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Adjustments;

/// <summary>What a cell user can do with one adjustment (the route segment of POST /api/v1/adjustments/{id}/{action}).</summary>
public enum AdjustmentCommand
{
    /// <summary>"verify": cause confirmed (or corrected) and evidence checked → back office, or PQR when evidence is missing.</summary>
    Verify,

    /// <summary>"escalate": send to the PQR area explicitly.</summary>
    Escalate,

    /// <summary>"answer": the PQR area's / back office's answer recorded by hand (approved or rejected).</summary>
    Answer,

    /// <summary>"review": the cell's review of a rejection (correct → inform; wrong → re-escalate, counts as corrected).</summary>
    Review,

    /// <summary>"inform": the customer was told (informed) or was unreachable (voice message left, retry scheduled).</summary>
    Inform,

    /// <summary>"accept": the customer accepts the answer → closed.</summary>
    Accept,

    /// <summary>"appeal": the customer does not accept → reconsideration (and subsidiarily appeal) filed with the PQR area.</summary>
    Appeal,

    /// <summary>"appeal-answer": the answer to the appeal → closed.</summary>
    AppealAnswer,

    /// <summary>"assign": assign to me or to a user of the cell (state unchanged).</summary>
    Assign,

    /// <summary>"close": supervisors close with a note from any open state.</summary>
    Close,
}

/// <summary>One allowed move: an action from a state to a state, and who may do it.</summary>
public sealed record AdjustmentTransition(AdjustmentCommand Command, AdjustmentState From, AdjustmentState To, IReadOnlyList<Role> Roles);

/// <summary>
/// THE state machine of one adjustment (PROCEDURES §4): one explicit table (state × action → state, roles) that every
/// entry point (API, pages) goes through. An action with two possible outcomes (verify, answer, review, inform) has one
/// row per outcome; the handler picks the outcome from the request and asks <see cref="Find"/> whether that move is allowed.
/// Cuts move adjustments only through <see cref="Adjustment.ApplyCut"/> (waiting states), never through this table.
/// </summary>
public static class AdjustmentWorkflow
{
    /// <summary>Work adjustments: the cell's back office and everyone above it.</summary>
    public static readonly Role[] WorkRoles = [Role.BackOffice, Role.Supervisor, Role.Coordinator, Role.Manager, Role.Admin];

    /// <summary>Close any adjustment, assign to others.</summary>
    public static readonly Role[] SupervisorRoles = [Role.Supervisor, Role.Coordinator, Role.Manager, Role.Admin];

    /// <summary>See the queue and the adjustments (read only for data marshalls and quality analysts).</summary>
    public static readonly Role[] ViewRoles = [Role.BackOffice, Role.Supervisor, Role.Coordinator, Role.Manager, Role.Admin, Role.DataMarshall, Role.QualityAnalyst];

    /// <summary>Configure causes and settings.</summary>
    public static readonly Role[] AdminRoles = [Role.Admin];

    public static readonly IReadOnlyList<AdjustmentState> OpenStates = [.. Enum.GetValues<AdjustmentState>().Where(s => s != AdjustmentState.Closed)];

    /// <summary>The table. Read top to bottom: action, from, to, roles.</summary>
    public static readonly IReadOnlyList<AdjustmentTransition> Transitions = Build();

    /// <summary>Route segment → command.</summary>
    public static readonly IReadOnlyDictionary<string, AdjustmentCommand> Routes = new Dictionary<string, AdjustmentCommand>(StringComparer.OrdinalIgnoreCase)
    {
        ["verify"] = AdjustmentCommand.Verify,
        ["escalate"] = AdjustmentCommand.Escalate,
        ["answer"] = AdjustmentCommand.Answer,
        ["review"] = AdjustmentCommand.Review,
        ["inform"] = AdjustmentCommand.Inform,
        ["accept"] = AdjustmentCommand.Accept,
        ["appeal"] = AdjustmentCommand.Appeal,
        ["appeal-answer"] = AdjustmentCommand.AppealAnswer,
        ["assign"] = AdjustmentCommand.Assign,
        ["close"] = AdjustmentCommand.Close,
    };

    public static Error StaleVersion => Error.Conflict("adjustment.stale_version");

    private static IReadOnlyList<AdjustmentTransition> Build()
    {
        var work = WorkRoles;
        var sup = SupervisorRoles;
        var t = new List<AdjustmentTransition>
        {
            new(AdjustmentCommand.Verify, AdjustmentState.ToVerify, AdjustmentState.InBackOffice, work),
            new(AdjustmentCommand.Verify, AdjustmentState.ToVerify, AdjustmentState.EscalatedToPqr, work),
            new(AdjustmentCommand.Escalate, AdjustmentState.ToVerify, AdjustmentState.EscalatedToPqr, work),
            new(AdjustmentCommand.Escalate, AdjustmentState.InBackOffice, AdjustmentState.EscalatedToPqr, work),
        };
        foreach (var from in new[] { AdjustmentState.InBackOffice, AdjustmentState.EscalatedToPqr, AdjustmentState.ReEscalated })
        {
            t.Add(new(AdjustmentCommand.Answer, from, AdjustmentState.ToInform, work));
            t.Add(new(AdjustmentCommand.Answer, from, AdjustmentState.RejectedToReview, work));
        }

        t.Add(new(AdjustmentCommand.Review, AdjustmentState.RejectedToReview, AdjustmentState.ToInform, work));
        t.Add(new(AdjustmentCommand.Review, AdjustmentState.RejectedToReview, AdjustmentState.ReEscalated, work));
        foreach (var from in new[] { AdjustmentState.ToInform, AdjustmentState.VoiceMessageLeft })
        {
            t.Add(new(AdjustmentCommand.Inform, from, AdjustmentState.CustomerInformed, work));
            t.Add(new(AdjustmentCommand.Inform, from, AdjustmentState.VoiceMessageLeft, work));
        }

        t.Add(new(AdjustmentCommand.Accept, AdjustmentState.CustomerInformed, AdjustmentState.Closed, work));
        t.Add(new(AdjustmentCommand.Appeal, AdjustmentState.CustomerInformed, AdjustmentState.AppealFiled, work));
        t.Add(new(AdjustmentCommand.Appeal, AdjustmentState.VoiceMessageLeft, AdjustmentState.AppealFiled, work));
        t.Add(new(AdjustmentCommand.AppealAnswer, AdjustmentState.AppealFiled, AdjustmentState.Closed, work));
        foreach (var s in OpenStates)
        {
            t.Add(new(AdjustmentCommand.Assign, s, s, work));
            t.Add(new(AdjustmentCommand.Close, s, AdjustmentState.Closed, sup));
        }

        return t.AsReadOnly();
    }

    /// <summary>The row allowing <paramref name="command"/> from <paramref name="from"/> to <paramref name="to"/>, or null.</summary>
    public static AdjustmentTransition? Find(AdjustmentCommand command, AdjustmentState from, AdjustmentState to) =>
        Transitions.FirstOrDefault(t => t.Command == command && t.From == from && t.To == to);

    /// <summary>True when some row allows the command from the state (whatever the outcome).</summary>
    public static bool Allows(AdjustmentCommand command, AdjustmentState from) => Transitions.Any(t => t.Command == command && t.From == from);

    /// <summary>The commands a caller with <paramref name="role"/> may run on an adjustment in <paramref name="state"/>.</summary>
    public static IReadOnlyList<AdjustmentCommand> AllowedFor(AdjustmentState state, Role? role) =>
        role is null ? [] : [.. Transitions.Where(t => t.From == state && t.Roles.Contains(role.Value)).Select(t => t.Command).Distinct()];

    public static string RouteOf(AdjustmentCommand command) => Routes.First(r => r.Value == command).Key;

    /// <summary>Spanish name of a state (queue, messages).</summary>
    public static string StateName(AdjustmentState state) => state switch
    {
        AdjustmentState.ToVerify => "Por verificar",
        AdjustmentState.InBackOffice => "En back office",
        AdjustmentState.EscalatedToPqr => "Escalado a PQR",
        AdjustmentState.RejectedToReview => "Rechazo por revisar",
        AdjustmentState.ReEscalated => "Re-escalado",
        AdjustmentState.ToInform => "Por informar",
        AdjustmentState.VoiceMessageLeft => "Mensaje de voz dejado",
        AdjustmentState.CustomerInformed => "Cliente informado",
        AdjustmentState.AppealFiled => "Recurso radicado",
        AdjustmentState.Closed => "Cerrado",
        _ => state.ToString(),
    };

    /// <summary>Spanish verb phrase of a command ("No se puede verificar…").</summary>
    public static string CommandName(AdjustmentCommand command) => command switch
    {
        AdjustmentCommand.Verify => "verificar",
        AdjustmentCommand.Escalate => "escalar a PQR",
        AdjustmentCommand.Answer => "registrar la respuesta",
        AdjustmentCommand.Review => "revisar el rechazo",
        AdjustmentCommand.Inform => "informar al cliente",
        AdjustmentCommand.Accept => "registrar la aceptación",
        AdjustmentCommand.Appeal => "radicar el recurso",
        AdjustmentCommand.AppealAnswer => "registrar la respuesta del recurso",
        AdjustmentCommand.Assign => "asignar",
        AdjustmentCommand.Close => "cerrar",
        _ => command.ToString(),
    };

    /// <summary>409 for a move the table refuses, naming the current state.</summary>
    public static Error Refused(AdjustmentCommand command, AdjustmentState state) => Error.Conflict("adjustment.transition_refused", CommandName(command), StateName(state));
}
