using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ContactOps.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Outbound : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AgentStateChanges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ClientId = table.Column<Guid>(type: "uuid", nullable: false),
                    OperationId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    Login = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    State = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ReasonCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgentStateChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AgentStateChanges_Operations_OperationId",
                        column: x => x.OperationId,
                        principalTable: "Operations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CallAttempts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ClientId = table.Column<Guid>(type: "uuid", nullable: false),
                    OperationId = table.Column<Guid>(type: "uuid", nullable: false),
                    LeadId = table.Column<Guid>(type: "uuid", nullable: true),
                    PhoneE164 = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Mode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Source = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AnsweredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ConnectedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    EndedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Result = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Abandoned = table.Column<bool>(type: "boolean", nullable: false),
                    AgentUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    AgentLogin = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    TalkSeconds = table.Column<int>(type: "integer", nullable: false),
                    WrapSeconds = table.Column<int>(type: "integer", nullable: false),
                    DispositionId = table.Column<Guid>(type: "uuid", nullable: true),
                    DispositionCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    DispositionAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DispositionDefaulted = table.Column<bool>(type: "boolean", nullable: false),
                    SaleId = table.Column<Guid>(type: "uuid", nullable: true),
                    CallId = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    Notes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CallAttempts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CallAttempts_Operations_OperationId",
                        column: x => x.OperationId,
                        principalTable: "Operations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DncEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ClientId = table.Column<Guid>(type: "uuid", nullable: false),
                    OperationId = table.Column<Guid>(type: "uuid", nullable: false),
                    E164 = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Source = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    AddedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    Reason = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DncEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DncEntries_Operations_OperationId",
                        column: x => x.OperationId,
                        principalTable: "Operations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ExclusionSnapshots",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Country = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    FileName = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    LoadedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RegistryDate = table.Column<DateOnly>(type: "date", nullable: true),
                    FileSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Numbers = table.Column<int>(type: "integer", nullable: false),
                    IsCurrent = table.Column<bool>(type: "boolean", nullable: false),
                    LoadedByUserId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExclusionSnapshots", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LeadBases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ClientId = table.Column<Guid>(type: "uuid", nullable: false),
                    OperationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    FileName = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    StoredFileKey = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReceivedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    AttributeSchemaJson = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    Rows = table.Column<int>(type: "integer", nullable: false),
                    Accepted = table.Column<int>(type: "integer", nullable: false),
                    Rejected = table.Column<int>(type: "integer", nullable: false),
                    Duplicates = table.Column<int>(type: "integer", nullable: false),
                    Excluded = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LeadBases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LeadBases_Operations_OperationId",
                        column: x => x.OperationId,
                        principalTable: "Operations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "OutboundCampaigns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ClientId = table.Column<Guid>(type: "uuid", nullable: false),
                    OperationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Country = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    ContactWindowsJson = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    NoCallsOnHolidays = table.Column<bool>(type: "boolean", nullable: false),
                    MaxContactsPerDay = table.Column<int>(type: "integer", nullable: false),
                    OneChannelPerWeek = table.Column<bool>(type: "boolean", nullable: false),
                    MaxAttemptsPerDay = table.Column<int>(type: "integer", nullable: false),
                    MaxAttemptsTotal = table.Column<int>(type: "integer", nullable: false),
                    RecycleMinutesJson = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    DialMode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    PowerRatio = table.Column<decimal>(type: "numeric(18,6)", precision: 18, scale: 6, nullable: false),
                    AbandonTarget = table.Column<decimal>(type: "numeric(18,6)", precision: 18, scale: 6, nullable: false),
                    WrapUpLimitSeconds = table.Column<int>(type: "integer", nullable: false),
                    WrapUpDefaultDispositionCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    PauseReasonsJson = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    ScriptJson = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    SimulationJson = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    IsRunning = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboundCampaigns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OutboundCampaigns_Operations_OperationId",
                        column: x => x.OperationId,
                        principalTable: "Operations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PolicyRefusals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ClientId = table.Column<Guid>(type: "uuid", nullable: false),
                    OperationId = table.Column<Guid>(type: "uuid", nullable: false),
                    LeadId = table.Column<Guid>(type: "uuid", nullable: true),
                    PhoneE164 = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Origin = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Reasons = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PolicyRefusals", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Segments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ClientId = table.Column<Guid>(type: "uuid", nullable: false),
                    OperationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Priority = table.Column<int>(type: "integer", nullable: false),
                    MixPercent = table.Column<decimal>(type: "numeric(18,6)", precision: 18, scale: 6, nullable: false),
                    RulesJson = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Segments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Segments_Operations_OperationId",
                        column: x => x.OperationId,
                        principalTable: "Operations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ExclusionEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SnapshotId = table.Column<Guid>(type: "uuid", nullable: false),
                    Country = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    E164 = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Channels = table.Column<int>(type: "integer", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExclusionEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExclusionEntries_ExclusionSnapshots_SnapshotId",
                        column: x => x.SnapshotId,
                        principalTable: "ExclusionSnapshots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Leads",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ClientId = table.Column<Guid>(type: "uuid", nullable: false),
                    OperationId = table.Column<Guid>(type: "uuid", nullable: false),
                    BaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    DocumentType = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Document = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    FullName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SourceLine = table.Column<int>(type: "integer", nullable: false),
                    AttributesJson = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    TimeZoneId = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    IsExcluded = table.Column<bool>(type: "boolean", nullable: false),
                    SegmentId = table.Column<Guid>(type: "uuid", nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    AttemptsToday = table.Column<int>(type: "integer", nullable: false),
                    AttemptsDay = table.Column<DateOnly>(type: "date", nullable: true),
                    LastAttemptAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastContactAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    NextAttemptAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastDispositionCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    IsFinal = table.Column<bool>(type: "boolean", nullable: false),
                    ReservedUntil = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Leads", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Leads_LeadBases_BaseId",
                        column: x => x.BaseId,
                        principalTable: "LeadBases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Callbacks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ClientId = table.Column<Guid>(type: "uuid", nullable: false),
                    OperationId = table.Column<Guid>(type: "uuid", nullable: false),
                    LeadId = table.Column<Guid>(type: "uuid", nullable: false),
                    DueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AssignedUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    AttemptId = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Callbacks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Callbacks_Leads_LeadId",
                        column: x => x.LeadId,
                        principalTable: "Leads",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LeadPhones",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ClientId = table.Column<Guid>(type: "uuid", nullable: false),
                    OperationId = table.Column<Guid>(type: "uuid", nullable: false),
                    LeadId = table.Column<Guid>(type: "uuid", nullable: false),
                    E164 = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    IsUnusable = table.Column<bool>(type: "boolean", nullable: false),
                    ExclusionReason = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LeadPhones", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LeadPhones_Leads_LeadId",
                        column: x => x.LeadId,
                        principalTable: "Leads",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AgentStateChanges_OperationId_At",
                table: "AgentStateChanges",
                columns: new[] { "OperationId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_AgentStateChanges_UserId_At",
                table: "AgentStateChanges",
                columns: new[] { "UserId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_CallAttempts_LeadId_StartedAt",
                table: "CallAttempts",
                columns: new[] { "LeadId", "StartedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CallAttempts_OperationId_PhoneE164_StartedAt",
                table: "CallAttempts",
                columns: new[] { "OperationId", "PhoneE164", "StartedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CallAttempts_OperationId_StartedAt",
                table: "CallAttempts",
                columns: new[] { "OperationId", "StartedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Callbacks_LeadId",
                table: "Callbacks",
                column: "LeadId");

            migrationBuilder.CreateIndex(
                name: "IX_Callbacks_OperationId_Status_DueAt",
                table: "Callbacks",
                columns: new[] { "OperationId", "Status", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_DncEntries_OperationId_E164",
                table: "DncEntries",
                columns: new[] { "OperationId", "E164" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ExclusionEntries_Country_E164",
                table: "ExclusionEntries",
                columns: new[] { "Country", "E164" });

            migrationBuilder.CreateIndex(
                name: "IX_ExclusionEntries_SnapshotId",
                table: "ExclusionEntries",
                column: "SnapshotId");

            migrationBuilder.CreateIndex(
                name: "IX_ExclusionSnapshots_Country_IsCurrent",
                table: "ExclusionSnapshots",
                columns: new[] { "Country", "IsCurrent" });

            migrationBuilder.CreateIndex(
                name: "IX_LeadBases_OperationId_Name",
                table: "LeadBases",
                columns: new[] { "OperationId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LeadPhones_LeadId",
                table: "LeadPhones",
                column: "LeadId");

            migrationBuilder.CreateIndex(
                name: "IX_LeadPhones_OperationId_E164",
                table: "LeadPhones",
                columns: new[] { "OperationId", "E164" });

            migrationBuilder.CreateIndex(
                name: "IX_Leads_BaseId",
                table: "Leads",
                column: "BaseId");

            migrationBuilder.CreateIndex(
                name: "IX_Leads_OperationId_Document",
                table: "Leads",
                columns: new[] { "OperationId", "Document" });

            migrationBuilder.CreateIndex(
                name: "IX_Leads_OperationId_SegmentId_NextAttemptAt",
                table: "Leads",
                columns: new[] { "OperationId", "SegmentId", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_OutboundCampaigns_OperationId",
                table: "OutboundCampaigns",
                column: "OperationId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PolicyRefusals_OperationId_At",
                table: "PolicyRefusals",
                columns: new[] { "OperationId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_Segments_OperationId_Name",
                table: "Segments",
                columns: new[] { "OperationId", "Name" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AgentStateChanges");

            migrationBuilder.DropTable(
                name: "CallAttempts");

            migrationBuilder.DropTable(
                name: "Callbacks");

            migrationBuilder.DropTable(
                name: "DncEntries");

            migrationBuilder.DropTable(
                name: "ExclusionEntries");

            migrationBuilder.DropTable(
                name: "LeadPhones");

            migrationBuilder.DropTable(
                name: "OutboundCampaigns");

            migrationBuilder.DropTable(
                name: "PolicyRefusals");

            migrationBuilder.DropTable(
                name: "Segments");

            migrationBuilder.DropTable(
                name: "ExclusionSnapshots");

            migrationBuilder.DropTable(
                name: "Leads");

            migrationBuilder.DropTable(
                name: "LeadBases");
        }
    }
}
