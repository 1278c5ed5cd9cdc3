using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Outbound.Features;

/// <summary>The agent's desk on a campaign: state, pending call and lead (history, script), dispositions, pause reasons, callbacks.</summary>
public sealed class GetDesk(IDbContextFactory<AppDbContext> dbs, AccessScope scope, AgentDesk desk)
{
    public async Task<Result<DeskView>> HandleAsync(string? operation, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var unit = await DeskUnits.LoadAsync(db, scope, operation, DeskUnits.AgentRoles, ct);
        return unit.IsSuccess ? await desk.ViewAsync(db, unit.Value!, ct) : unit.Error!;
    }
}
