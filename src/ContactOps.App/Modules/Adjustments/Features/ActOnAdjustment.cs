using ContactOps.Platform.Localization;
using System.Globalization;
using System.Text.Json;
using ContactOps.Platform.Auth;
using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Adjustments.Features;

/// <summary>
/// The body of POST /api/v1/adjustments/{id}/{action}. Version (required): the version the caller saw. Fields by action:
/// verify — causeLetter (optional correction), evidence (items of the cause's list), canBackOfficeHandle;
/// escalate — note; answer — outcome approved|rejected, filingNumber + amount (approved) or reason (rejected);
/// review — outcome correct (note = the explanation) | wrong (marking = the new marking, note = the validation);
/// inform — outcome informed|unreachable, message (what was told / the voice message left);
/// accept — note (optional); appeal — reposicion (required true), subsidio, grounds; appeal-answer — note;
/// assign — userName (empty: me); close — note.
/// </summary>
public sealed record AdjustmentActionRequest(
    Guid? Version = null, string? Note = null, string? CauseLetter = null, IReadOnlyList<string>? Evidence = null, bool? CanBackOfficeHandle = null,
    string? Outcome = null, string? FilingNumber = null, decimal? Amount = null, string? Reason = null, string? Marking = null, string? Message = null,
    bool? Reposicion = null, bool? Subsidio = null, string? Grounds = null, string? UserName = null);

/// <summary>
/// Runs one action of the cell's procedure on one adjustment through <see cref="AdjustmentWorkflow"/>: 404 (not found / other
/// client), 403 (role), 409 (refused transition naming the state, stale version, appeal out of term, attempts exhausted),
/// 400 (fields). On success: the new state, one <see cref="AdjustmentStep"/> (who, when, note, data JSON), a new Version.
/// </summary>
public sealed class ActOnAdjustment(IDbContextFactory<AppDbContext> dbs, AccessScope scope, TimeProvider time)
{
    private const int MaxText = 2000;

    public async Task<Result<AdjustmentDetail>> HandleAsync(Guid id, string? action, AdjustmentActionRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(action) || !AdjustmentWorkflow.Routes.TryGetValue(action.Trim(), out var command))
        {
            return Error.Invalid("action", "adjustment.action_unknown", string.Join(", ", AdjustmentWorkflow.Routes.Keys));
        }

        await using var db = await dbs.CreateDbContextAsync(ct);
        var a = await db.Adjustments.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (a is null)
        {
            return Error.NotFound("adjustment.not_found#2");
        }

        var role = scope.RoleIn(a.OperationId);
        if (role is null || !AdjustmentWorkflow.Transitions.Any(t => t.Command == command && t.Roles.Contains(role.Value)))
        {
            return Error.Forbidden("adjustment.forbidden#2#2");
        }

        if (!AdjustmentWorkflow.Allows(command, a.State))
        {
            return AdjustmentWorkflow.Refused(command, a.State);
        }

        if (request.Version is null)
        {
            return Error.Invalid("version", "adjustment.version_required");
        }

        if (request.Version != a.Version)
        {
            return AdjustmentWorkflow.StaleVersion;
        }

        var context = await AdjustmentLookups.ContextAsync(db, a.OperationId, ct);
        var work = new Work(db, scope, time, context, a, command);
        var outcome = command switch
        {
            AdjustmentCommand.Verify => await work.VerifyAsync(request, ct),
            AdjustmentCommand.Escalate => work.Escalate(request),
            AdjustmentCommand.Answer => work.Answer(request),
            AdjustmentCommand.Review => work.Review(request),
            AdjustmentCommand.Inform => work.Inform(request),
            AdjustmentCommand.Accept => work.Accept(request),
            AdjustmentCommand.Appeal => work.Appeal(request),
            AdjustmentCommand.AppealAnswer => work.AppealAnswer(request),
            AdjustmentCommand.Assign => await work.AssignAsync(request, ct),
            AdjustmentCommand.Close => work.Close(request),
            _ => throw new InvalidOperationException("Unknown command."),
        };
        if (!outcome.IsSuccess)
        {
            return outcome.Error!;
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return AdjustmentWorkflow.StaleVersion;
        }

        return await GetAdjustment.ReadAsync(db, scope, time, a.Id, ct);
    }

    /// <summary>One action on one loaded adjustment: validates, moves through the table, records the step.</summary>
    private sealed class Work(AppDbContext db, AccessScope scope, TimeProvider time, AdjustmentContext context, Adjustment a, AdjustmentCommand command)
    {
        private readonly DateTimeOffset now = time.GetUtcNow();

        private DateOnly Today => context.Calendar.LocalDate(now);

        private AdjustmentSettings Settings => context.Settings;

        public async Task<Result> VerifyAsync(AdjustmentActionRequest r, CancellationToken ct)
        {
            if (r.CanBackOfficeHandle is null)
            {
                return Error.Invalid("canBackOfficeHandle", "adjustment.can_handle_required");
            }

            var letter = string.IsNullOrWhiteSpace(r.CauseLetter) ? a.CauseLetter : r.CauseLetter.Trim().ToUpperInvariant();
            var cause = await db.AdjustmentCauses.AsNoTracking().FirstOrDefaultAsync(c => c.OperationId == a.OperationId && c.Letter == letter, ct);
            if (cause is null || !cause.IsActive)
            {
                return Error.Invalid("causeLetter", "adjustment.cause_unknown", letter);
            }

            var checkedItems = (r.Evidence ?? []).Select(e => e?.Trim() ?? "").Where(e => e.Length > 0).Distinct(StringComparer.Ordinal).ToList();
            var unknown = checkedItems.Where(e => !cause.Evidence.Contains(e, StringComparer.Ordinal)).ToList();
            if (unknown.Count > 0)
            {
                return Error.Invalid("evidence", "adjustment.evidence_unknown", unknown[0], cause.Letter, string.Join("; ", cause.Evidence));
            }

            var complete = cause.Evidence.All(checkedItems.Contains);
            var previousLetter = a.CauseLetter;
            a.CauseId = cause.Id;
            a.CauseLetter = cause.Letter;
            a.EvidenceChecked = checkedItems;
            var to = r.CanBackOfficeHandle.Value && complete ? AdjustmentState.InBackOffice : AdjustmentState.EscalatedToPqr;
            if (to == AdjustmentState.EscalatedToPqr)
            {
                StartPqrClock();
            }

            var missing = cause.Evidence.Where(e => !checkedItems.Contains(e)).ToList();
            return Move(AdjustmentAction.Verified, to, Text(r.Note), new
            {
                cause = cause.Letter,
                previousCause = previousLetter == cause.Letter ? null : previousLetter,
                evidence = checkedItems,
                missing,
                canBackOfficeHandle = r.CanBackOfficeHandle.Value,
                destination = to == AdjustmentState.EscalatedToPqr ? a.PqrDestination : null,
                pqrFiledOn = a.PqrFiledOn,
                pqrDueOn = a.PqrDueOn,
            });
        }

        public Result Escalate(AdjustmentActionRequest r)
        {
            var note = Text(r.Note);
            if (note is null)
            {
                return Error.Invalid("note", "adjustment.note_invalid");
            }

            StartPqrClock();
            return Move(AdjustmentAction.EscalatedToPqr, AdjustmentState.EscalatedToPqr, note, new { destination = a.PqrDestination, pqrFiledOn = a.PqrFiledOn, pqrFlagOn = a.PqrFlagOn, pqrDueOn = a.PqrDueOn });
        }

        public Result Answer(AdjustmentActionRequest r)
        {
            switch (r.Outcome?.Trim().ToLowerInvariant())
            {
                case "approved":
                {
                    var fields = new Dictionary<string, string[]>(StringComparer.Ordinal);
                    var filing = Text(r.FilingNumber, 80);
                    if (filing is null)
                    {
                        fields["filingNumber"] = [Messages.Text("Field.ActOnAdjustment.filingNumber")];
                    }

                    if (r.Amount is not > 0)
                    {
                        fields["amount"] = [Messages.Text("Field.ActOnAdjustment.amount")];
                    }

                    if (fields.Count > 0)
                    {
                        return Error.Validation(fields);
                    }

                    a.FilingNumber = filing;
                    a.Amount = r.Amount;
                    a.Currency = string.IsNullOrEmpty(a.Currency) ? context.Client.Currency : a.Currency;
                    a.Resolution = AdjustmentResolution.Approved;
                    AnswerPqr();
                    return Move(AdjustmentAction.PqrAnswered, AdjustmentState.ToInform, Text(r.Note), new { outcome = "approved", filingNumber = filing, amount = r.Amount, currency = a.Currency });
                }

                case "rejected":
                {
                    var reason = Text(r.Reason, 400);
                    if (reason is null)
                    {
                        return Error.Invalid("reason", "adjustment.reason_invalid");
                    }

                    a.RejectionReason = reason;
                    AnswerPqr();
                    return Move(AdjustmentAction.PqrAnswered, AdjustmentState.RejectedToReview, Text(r.Note), new { outcome = "rejected", reason });
                }

                default:
                    return Error.Invalid("outcome", "adjustment.outcome_invalid");
            }
        }

        public Result Review(AdjustmentActionRequest r)
        {
            switch (r.Outcome?.Trim().ToLowerInvariant())
            {
                case "correct":
                {
                    var note = Text(r.Note);
                    if (note is null)
                    {
                        return Error.Invalid("note", "adjustment.note_invalid#2");
                    }

                    a.Resolution = AdjustmentResolution.RejectedCorrectly;
                    return Move(AdjustmentAction.RejectionConfirmed, AdjustmentState.ToInform, note, new { outcome = "correct", reason = a.RejectionReason });
                }

                case "wrong":
                {
                    var marking = Text(r.Marking);
                    if (marking is null)
                    {
                        return Error.Invalid("marking", "adjustment.marking_invalid");
                    }

                    a.Corrected = true;
                    a.CorrectedAt = now;
                    a.ReEscalatedAfterCutoff = a.LastCutoff;
                    a.Resolution = AdjustmentResolution.None;
                    StartPqrClock();
                    return Move(AdjustmentAction.RejectionContested, AdjustmentState.ReEscalated, Text(r.Note), new
                    {
                        outcome = "wrong",
                        marking,
                        reason = a.RejectionReason,
                        destination = a.PqrDestination,
                        pqrFiledOn = a.PqrFiledOn,
                        pqrDueOn = a.PqrDueOn,
                        afterCutoff = a.ReEscalatedAfterCutoff,
                    });
                }

                default:
                    return Error.Invalid("outcome", "adjustment.outcome_invalid#2");
            }
        }

        public Result Inform(AdjustmentActionRequest r)
        {
            var outcome = r.Outcome?.Trim().ToLowerInvariant();
            if (outcome is not ("informed" or "unreachable"))
            {
                return Error.Invalid("outcome", "adjustment.outcome_invalid#3");
            }

            var message = Text(r.Message);
            if (message is null)
            {
                // "Cliente informado" records what the customer was told: without it there is no proof of the notice.
                return outcome == "informed"
                    ? Error.Invalid("message", "adjustment.informed_text_required")
                    : Error.Invalid("message", "adjustment.message_invalid#voice");
            }

            if (a.Resolution == AdjustmentResolution.Approved)
            {
                if (!string.IsNullOrEmpty(a.FilingNumber) && !message.Contains(a.FilingNumber, StringComparison.OrdinalIgnoreCase))
                {
                    return Error.Invalid("message", "adjustment.message_invalid", a.FilingNumber);
                }

                if (a.Amount is { } amount && !QuotesAmount(message, amount))
                {
                    return Error.Invalid("message", "adjustment.message_invalid#2", AdjustmentLookups.Money(a.Amount, a.Currency));
                }
            }

            if (outcome == "unreachable" && a.ContactAttempts >= Settings.MaxContactAttempts)
            {
                return Error.Conflict("adjustment.attempts_exhausted", a.ContactAttempts, Settings.MaxContactAttempts);
            }

            a.ContactAttempts++;
            var firstNotice = a.AnswerNotifiedOn is null;
            if (firstNotice)
            {
                // The first notice (a call or a voice message with the answer and filing number) starts the appeal term.
                a.AnswerNotifiedOn = Today;
                a.AppealDeadlineOn = RegulatoryClock.AppealDeadline(context.Calendar, Today, Settings);
            }

            if (outcome == "informed")
            {
                a.NextContactAt = null;
                return Move(AdjustmentAction.CustomerInformed, AdjustmentState.CustomerInformed, Text(r.Note), new
                {
                    outcome, message, resolution = a.Resolution.ToString(), filingNumber = a.FilingNumber, amount = a.Amount,
                    notifiedOn = a.AnswerNotifiedOn, appealDeadlineOn = a.AppealDeadlineOn, attempt = a.ContactAttempts,
                });
            }

            a.NextContactAt = a.ContactAttempts < Settings.MaxContactAttempts ? now.AddHours(Settings.RetryHours) : null;
            return Move(AdjustmentAction.VoiceMessageLeft, AdjustmentState.VoiceMessageLeft, Text(r.Note), new
            {
                outcome, voiceMessage = message, attempt = a.ContactAttempts, nextContactAt = a.NextContactAt,
                notifiedOn = a.AnswerNotifiedOn, appealDeadlineOn = a.AppealDeadlineOn,
            });
        }

        public Result Accept(AdjustmentActionRequest r) =>
            Move(AdjustmentAction.CustomerAccepted, AdjustmentState.Closed, Text(r.Note), new { accepted = true });

        public Result Appeal(AdjustmentActionRequest r)
        {
            var fields = new Dictionary<string, string[]>(StringComparer.Ordinal);
            if (r.Reposicion != true)
            {
                fields["reposicion"] = [Messages.Text("Field.ActOnAdjustment.reposicion")];
            }

            var grounds = Text(r.Grounds);
            if (grounds is null)
            {
                fields["grounds"] = [Messages.Text("Field.ActOnAdjustment.grounds")];
            }

            if (fields.Count > 0)
            {
                return Error.Validation(fields);
            }

            if (a.AppealDeadlineOn is { } deadline && Today > deadline)
            {
                return Error.Conflict("adjustment.appeal_out_of_term", deadline, Settings.AppealBusinessDays, a.AnswerNotifiedOn);
            }

            a.AppealFiledAt = now;
            StartPqrClock();
            return Move(AdjustmentAction.AppealFiled, AdjustmentState.AppealFiled, Text(r.Note), new
            {
                reposicion = true, subsidioApelacion = r.Subsidio == true, grounds, destination = a.PqrDestination,
                pqrFiledOn = a.PqrFiledOn, pqrDueOn = a.PqrDueOn, deadline = a.AppealDeadlineOn,
            });
        }

        public Result AppealAnswer(AdjustmentActionRequest r)
        {
            var note = Text(r.Note);
            if (note is null)
            {
                return Error.Invalid("note", "adjustment.note_invalid#3");
            }

            AnswerPqr();
            return Move(AdjustmentAction.PqrAnswered, AdjustmentState.Closed, note, new { appeal = true });
        }

        public async Task<Result> AssignAsync(AdjustmentActionRequest r, CancellationToken ct)
        {
            var name = r.UserName?.Trim();
            Guid userId;
            string display;
            if (string.IsNullOrEmpty(name))
            {
                if (scope.UserId is not { } me)
                {
                    return Error.Invalid("userName", "adjustment.userName_invalid");
                }

                userId = me;
                display = scope.UserName;
            }
            else
            {
                var upper = name.ToUpperInvariant();
                var user = await db.Users.AsNoTracking().Where(u => u.NormalizedUserName == upper && u.IsActive).Select(u => new { u.Id, u.DisplayName, u.UserName }).FirstOrDefaultAsync(ct);
                var member = user is not null && await db.Memberships.AsNoTracking()
                    .AnyAsync(m => m.UserId == user.Id && m.OperationId == a.OperationId && AdjustmentWorkflow.WorkRoles.Contains(m.Role), ct);
                if (user is null || !member)
                {
                    return Error.Invalid("userName", "adjustment.userName_invalid#2", name);
                }

                if (user.Id != scope.UserId && !scope.HasRole(a.OperationId, AdjustmentWorkflow.SupervisorRoles))
                {
                    return Error.Forbidden("adjustment.assign_forbidden#2");
                }

                userId = user.Id;
                display = string.IsNullOrWhiteSpace(user.DisplayName) ? user.UserName ?? name : user.DisplayName;
            }

            var previous = a.AssignedTo;
            a.AssignedUserId = userId;
            a.AssignedTo = display.Length > 120 ? display[..120] : display;
            return Move(AdjustmentAction.Assigned, a.State, Text(r.Note), new { assignedTo = a.AssignedTo, previous });
        }

        public Result Close(AdjustmentActionRequest r)
        {
            var note = Text(r.Note);
            if (note is null)
            {
                return Error.Invalid("note", "adjustment.note_invalid#4");
            }

            return Move(AdjustmentAction.Closed, AdjustmentState.Closed, note, new { closedFrom = a.State.ToString() });
        }

        private static bool QuotesAmount(string message, decimal amount)
        {
            var digits = new string(message.Where(c => char.IsDigit(c) || c is '.' or ',').ToArray());
            var whole = decimal.Truncate(amount) == amount;
            var forms = new[]
            {
                amount.ToString(whole ? "N0" : "N2", CultureInfo.GetCultureInfo("es-CO")),
                amount.ToString(whole ? "0" : "0.00", CultureInfo.InvariantCulture),
                amount.ToString(whole ? "0" : "0.00", CultureInfo.GetCultureInfo("es-CO")),
            };
            return forms.Any(f => message.Contains(f, StringComparison.Ordinal) || digits.Contains(f, StringComparison.Ordinal));
        }

        private void StartPqrClock()
        {
            var (flag, due) = RegulatoryClock.PqrDates(context.Calendar, Today, Settings);
            a.PqrDestination = Settings.PqrDestination;
            a.PqrFiledOn = Today;
            a.PqrFlagOn = flag;
            a.PqrDueOn = due;
            a.PqrAnsweredOn = null;
        }

        private void AnswerPqr()
        {
            if (a.PqrFiledOn is not null && a.PqrAnsweredOn is null)
            {
                a.PqrAnsweredOn = Today;
            }
        }

        private Result Move(AdjustmentAction action, AdjustmentState to, string? note, object data)
        {
            var from = a.State;
            var row = AdjustmentWorkflow.Find(command, from, to);
            if (row is null)
            {
                return AdjustmentWorkflow.Refused(command, from);
            }

            if (!row.Roles.Contains(scope.RoleIn(a.OperationId) ?? (Role)(-1)))
            {
                return Error.Forbidden("adjustment.forbidden#2#2");
            }

            a.State = to;
            if (from != to)
            {
                a.StateChangedAt = now;
            }

            a.Version = Guid.NewGuid();
            db.AdjustmentSteps.Add(new AdjustmentStep(a, action, from, to, now, scope.UserId, scope.UserName, note, JsonSerializer.Serialize(data, JsonOptions)));
            return Result.Success();
        }

        /// <summary>The trimmed text, or null when there is nothing to read in it (empty, blanks, or only punctuation like "." or "-").</summary>
        private static string? Text(string? value, int max = MaxText)
        {
            var t = value?.Trim();
            return string.IsNullOrEmpty(t) || !t.Any(char.IsLetterOrDigit) ? null : t.Length > max ? t[..max] : t;
        }
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
