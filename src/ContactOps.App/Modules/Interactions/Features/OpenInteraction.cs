using ContactOps.Platform.Localization;
using ContactOps.Modules.Customers.Contracts;
using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Interactions.Features;

public sealed record OpenInteractionRequest(
    string? Operation, string? Channel, string? CallId, string? Extension, string? AgentLogin, Guid? CustomerId = null, string? Request = null);

/// <summary>Opens an interaction for an inbound contact. Voice contacts carry call id, extension and agent login.</summary>
public sealed class OpenInteraction(IDbContextFactory<AppDbContext> dbs, AccessScope scope, TimeProvider time)
{
    public async Task<Result<InteractionView>> HandleAsync(OpenInteractionRequest request, CancellationToken ct)
    {
        var fields = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var channel = InteractionRules.ParseEnum<InteractionChannel>(fields, "channel", request.Channel, "El canal");
        if (channel == InteractionChannel.Voice)
        {
            if (string.IsNullOrWhiteSpace(request.CallId))
            {
                fields["callId"] = [Messages.Text("Field.OpenInteraction.callId")];
            }

            if (string.IsNullOrWhiteSpace(request.Extension))
            {
                fields["extension"] = [Messages.Text("Field.OpenInteraction.extension")];
            }

            if (string.IsNullOrWhiteSpace(request.AgentLogin))
            {
                fields["agentLogin"] = [Messages.Text("Field.OpenInteraction.agentLogin")];
            }
        }

        InteractionRules.MaxLength(fields, "callId", request.CallId, 80, "El id de la llamada");
        InteractionRules.MaxLength(fields, "extension", request.Extension, 20, "La extensión");
        InteractionRules.MaxLength(fields, "agentLogin", request.AgentLogin, 60, "El login");
        InteractionRules.MaxLength(fields, "request", request.Request, 2000, "La solicitud");
        if (fields.Count > 0)
        {
            return Error.Validation(fields);
        }

        await using var db = await dbs.CreateDbContextAsync(ct);
        var op = await InteractionRules.OperationAsync(db, scope, request.Operation, InteractionRules.DeskRoles, ct);
        if (!op.IsSuccess)
        {
            return op.Error!;
        }

        var operation = op.Value!;
        if (request.CustomerId is { } customerId && await CustomerDirectory.NameAsync(db, operation.ClientId, customerId, ct) is null)
        {
            return Error.Invalid("customerId", "customer.not_found#2");
        }

        var interaction = new Interaction(operation.ClientId, operation.Id, channel!.Value, Clean(request.CallId), Clean(request.Extension), Clean(request.AgentLogin),
            scope.UserId, time.GetUtcNow());
        if (request.CustomerId is { } id)
        {
            interaction.Identify(id);
        }

        interaction.RecordRequest(request.Request, null);
        db.Interactions.Add(interaction);
        await db.SaveChangesAsync(ct);
        return await InteractionRules.ViewAsync(db, interaction, ct);
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
