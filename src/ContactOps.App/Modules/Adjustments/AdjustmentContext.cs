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

/// <summary>The operation, its client's calendar and the cell's settings: what every adjustments use case needs.</summary>
public sealed class AdjustmentContext(Operation operation, Client client, BusinessCalendar calendar, AdjustmentSettings settings)
{
    public Operation Operation { get; } = operation;

    public Client Client { get; } = client;

    public BusinessCalendar Calendar { get; } = calendar;

    public AdjustmentSettings Settings { get; } = settings;

    public DateOnly Today(TimeProvider time) => Calendar.LocalDate(time.GetUtcNow());
}
