using System.Globalization;
using ContactOps.Modules.Customers.Contracts;
using ContactOps.Platform;
using ContactOps.Platform.Audit;
using ContactOps.Platform.Data;
using ContactOps.Platform.Files;
using ContactOps.Platform.Imports;
using ContactOps.Platform.Results;
using ContactOps.Platform.Storage;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace ContactOps.Modules.Outbound.Features;

/// <summary>A national exclusion-registry file (Colombia: CRC "Registro de Números Excluidos") for a country.</summary>
public sealed record ImportExclusionsRequest(string Country, Stream File, string FileName, DateOnly? RegistryDate = null);

/// <summary>Rows read, distinct numbers loaded and rows rejected (no valid phone, unknown channel).</summary>
public sealed record ExclusionImportSummary(Guid SnapshotId, long Rows, long Numbers, long Rejected, IReadOnlyList<RejectedRow> RejectedRows);

/// <summary>
/// Loads a registry file as the country's new current snapshot, atomically: in one transaction the new snapshot and its
/// entries are inserted, the previous current one is marked not current and its entries deleted; the previous snapshot
/// record stays (date, file name, SHA-256, count) as evidence of what was in force. Only platform administrators (and
/// the CLI) may load it: it is reference data shared by every client of the country.
/// </summary>
public sealed class ImportExclusions(AppDbContext db, AccessScope scope, AuditLog audit, TimeProvider time, ILogger<ImportExclusions> logger)
{
    private const string Stage = "stage_exclusions";

    private static readonly Dictionary<string, ExclusionChannels> ChannelNames = new(StringComparer.Ordinal)
    {
        ["llamada"] = ExclusionChannels.Calls,
        ["llamadas"] = ExclusionChannels.Calls,
        ["voz"] = ExclusionChannels.Calls,
        ["calls"] = ExclusionChannels.Calls,
        ["call"] = ExclusionChannels.Calls,
        ["telefonia"] = ExclusionChannels.Calls,
        ["sms"] = ExclusionChannels.Sms,
        ["mensajes"] = ExclusionChannels.Sms,
        ["mensajesdetexto"] = ExclusionChannels.Sms,
        ["correo"] = ExclusionChannels.Email,
        ["email"] = ExclusionChannels.Email,
        ["correoelectronico"] = ExclusionChannels.Email,
        ["apps"] = ExclusionChannels.Apps,
        ["aplicaciones"] = ExclusionChannels.Apps,
        ["app"] = ExclusionChannels.Apps,
        ["redessociales"] = ExclusionChannels.Apps,
        ["todos"] = ExclusionChannels.All,
        ["todas"] = ExclusionChannels.All,
        ["all"] = ExclusionChannels.All,
    };

    private static readonly IReadOnlyDictionary<string, string[]> Aliases = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["telefono"] = ["numero", "número", "linea", "celular", "movil", "phone", "number", "msisdn"],
        ["canales"] = ["canal", "channels", "channel", "medios"],
        ["llamadas"] = ["llamada", "voz", "calls"],
        ["sms"] = ["mensajes", "mensajes de texto"],
        ["correo"] = ["email", "correo electronico"],
        ["apps"] = ["aplicaciones", "redes sociales"],
    };

    public async Task<Result<ExclusionImportSummary>> HandleAsync(ImportExclusionsRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!scope.SeesAll)
        {
            return Error.Forbidden("exclusions.forbidden");
        }

        if (!Enum.TryParse<Country>(request.Country?.Trim(), ignoreCase: true, out var country) || !Enum.IsDefined(country))
        {
            return Error.Invalid("country", "exclusions.country_invalid");
        }

        var file = request.File;
        FileStream? temp = null;
        try
        {
            if (!file.CanSeek)
            {
                temp = PrivateTempFile.Create("contactops-registry-");
                await file.CopyToAsync(temp, ct);
                temp.Position = 0;
                file = temp;
            }

            var sha = await ImportFiles.Sha256Async(file, ct);
            var opened = TabularFile.OpenForImport(file, request.FileName);
            if (!opened.IsSuccess)
            {
                return opened.Error!;
            }

            using var reader = opened.Value!;
            var map = ColumnRecognizer.Recognize(reader.Headers, Aliases);
            if (!map.Has("telefono"))
            {
                return Error.Invalid("file", "exclusions.no_phone_column");
            }

            var flagColumns = new[] { ("llamadas", ExclusionChannels.Calls), ("sms", ExclusionChannels.Sms), ("correo", ExclusionChannels.Email), ("apps", ExclusionChannels.Apps) }
                .Where(f => map.Has(f.Item1)).Select(f => (Index: map.IndexOf(f.Item1), Channel: f.Item2)).ToList();
            var channelsColumn = map.IndexOf("canales");

            var numbers = new Dictionary<string, ExclusionChannels>(StringComparer.Ordinal);
            var rejected = new List<RejectedRow>();
            long rejectedCount = 0, rows = 0;
            while (reader.Read())
            {
                rows++;
                var problem = RejectedRow.FromRowError(reader);
                var channels = ExclusionChannels.None;
                if (problem is null)
                {
                    if (!ContactValues.TryNormalizePhone(reader.GetField(map.IndexOf("telefono")), country, null, out var e164))
                    {
                        problem = new RejectedRow(reader.LineNumber, "Número no válido para el país.", "telefono");
                    }
                    else if (!TryChannels(reader, channelsColumn, flagColumns, out channels, out var bad))
                    {
                        problem = new RejectedRow(reader.LineNumber, string.Format(CultureInfo.InvariantCulture, "Canal no reconocido «{0}» (use llamadas, sms, correo, apps o todos).", bad), "canales");
                    }
                    else
                    {
                        numbers[e164] = numbers.TryGetValue(e164, out var before) ? before | channels : channels;
                    }
                }

                if (problem is not null)
                {
                    rejectedCount++;
                    if (rejected.Count < RejectionCollector.KeepInMemory)
                    {
                        rejected.Add(problem);
                    }
                }
            }

            return await SaveAsync(country, request, sha, rows, numbers, rejectedCount, rejected, ct);
        }
        finally
        {
            if (temp is not null)
            {
                await temp.DisposeAsync();
            }
        }
    }

    private async Task<Result<ExclusionImportSummary>> SaveAsync(
        Country country, ImportExclusionsRequest request, string sha, long rows, Dictionary<string, ExclusionChannels> numbers, long rejectedCount, List<RejectedRow> rejected, CancellationToken ct)
    {
        var code = country.ToString();
        var now = time.GetUtcNow();
        var snapshot = new ExclusionSnapshot(code, Path.GetFileName(request.FileName), now, request.RegistryDate, sha)
        {
            Numbers = numbers.Count,
            IsCurrent = true,
            LoadedByUserId = scope.UserId,
        };
        var sqlite = db.IsSqlite;
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var previous = await db.ExclusionSnapshots.Where(s => s.Country == code && s.IsCurrent).ToListAsync(ct);
            foreach (var old in previous)
            {
                old.IsCurrent = false;
            }

            db.ExclusionSnapshots.Add(snapshot);
            await db.SaveChangesAsync(ct);
            var oldIds = previous.Select(p => p.Id).ToList();
            var deleted = oldIds.Count == 0 ? 0 : await db.ExclusionEntries.Where(e => oldIds.Contains(e.SnapshotId)).ExecuteDeleteAsync(ct);

            if (sqlite)
            {
                await db.Database.ExecuteSqlRawAsync($"DROP TABLE IF EXISTS temp.{Stage}", ct);
            }

            await using (var writer = await BulkWriter.CreateAsync(db, Stage, [new("e164", StagingType.Text), new("channels", StagingType.Long)], ct))
            {
                foreach (var (e164, channels) in numbers)
                {
                    writer.StartRow();
                    writer.Write(e164);
                    writer.Write((long)channels);
                    writer.EndRow();
                }

                await writer.CompleteAsync(ct);
            }

            await using (var insert = db.Database.GetDbConnection().CreateCommand())
            {
                insert.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
                insert.CommandTimeout = 1800;
                insert.CommandText = $"""INSERT INTO "ExclusionEntries" ("SnapshotId", "Country", "E164", "Channels") SELECT @snapshot, @country, s.e164, s.channels FROM {Stage} AS s""";
                var p1 = insert.CreateParameter();
                p1.ParameterName = "@snapshot";
                p1.Value = BulkWriter.IdValue(snapshot.Id, sqlite);
                insert.Parameters.Add(p1);
                var p2 = insert.CreateParameter();
                p2.ParameterName = "@country";
                p2.Value = code;
                insert.Parameters.Add(p2);
                await insert.ExecuteNonQueryAsync(ct);
            }

            if (sqlite)
            {
                await db.Database.ExecuteSqlRawAsync($"DROP TABLE IF EXISTS temp.{Stage}", ct);
            }

            db.AuditEntries.Add(audit.Entry(null, null, nameof(ExclusionSnapshot), snapshot.Id.ToString(), AuditAction.Imported, new
            {
                country = code,
                file = snapshot.FileName,
                sha256 = sha,
                rows,
                numbers = numbers.Count,
                rejected = rejectedCount,
                replaced = oldIds,
                deletedEntries = deleted,
            }));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            logger.LogInformation("Exclusion registry {Country} loaded from {File}: {Numbers} numbers ({Rows} rows, {Rejected} rejected); replaced {Previous}", code, snapshot.FileName, numbers.Count, rows, rejectedCount, oldIds.Count);
            return new ExclusionImportSummary(snapshot.Id, rows, numbers.Count, rejectedCount, rejected);
        }
        finally
        {
            db.ChangeTracker.Clear();
            await db.Database.CloseConnectionAsync();
        }
    }

    private static bool TryChannels(ITabularReader reader, int channelsColumn, List<(int Index, ExclusionChannels Channel)> flags, out ExclusionChannels channels, out string bad)
    {
        channels = ExclusionChannels.None;
        bad = "";
        if (channelsColumn >= 0)
        {
            foreach (var part in reader.GetField(channelsColumn).Split([',', ';', '|', '/', '+'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!ChannelNames.TryGetValue(HeaderNormalizer.Normalize(part), out var channel))
                {
                    bad = part;
                    return false;
                }

                channels |= channel;
            }
        }

        foreach (var (index, channel) in flags)
        {
            var value = HeaderNormalizer.Normalize(reader.GetField(index));
            if (value is "si" or "s" or "1" or "x" or "true" or "yes" or "y")
            {
                channels |= channel;
            }
        }

        // A number listed without any channel (no column, or an empty one) is excluded from every channel (the registry's default).
        if (channels == ExclusionChannels.None && flags.Count == 0)
        {
            channels = ExclusionChannels.All;
        }

        return true;
    }
}
