using System.Globalization;
using ContactOps.Modules.Sales.Features;
using ContactOps.Platform.Auth;
using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using ContactOps.Platform.Storage;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Sales;

/// <summary>Limits of sale attachments: <c>Attachments:MaxBytes</c> (default 25 MiB).</summary>
public sealed class AttachmentLimits(IConfiguration configuration)
{
    public const long DefaultMaxBytes = 25L * 1024 * 1024;

    public long MaxBytes => configuration.GetValue<long?>("Attachments:MaxBytes") is { } v && v > 0 ? v : DefaultMaxBytes;
}
