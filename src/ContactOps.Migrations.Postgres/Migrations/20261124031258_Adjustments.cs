using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ContactOps.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Adjustments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AdjustmentCauses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ClientId = table.Column<Guid>(type: "uuid", nullable: false),
                    OperationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Letter = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Evidence = table.Column<List<string>>(type: "text[]", nullable: false),
                    SortOrder = table.Column<int>(type: "integer", nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AdjustmentCauses", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AdjustmentCoachings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ClientId = table.Column<Guid>(type: "uuid", nullable: false),
                    OperationId = table.Column<Guid>(type: "uuid", nullable: false),
                    AgentLogin = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    IsoWeek = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Rejected = table.Column<int>(type: "integer", nullable: false),
                    Total = table.Column<int>(type: "integer", nullable: false),
                    Commitment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    SupervisorUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    SupervisorName = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    CommittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AcknowledgedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    AcknowledgedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AdjustmentCoachings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AdjustmentCuts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ClientId = table.Column<Guid>(type: "uuid", nullable: false),
                    OperationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Cutoff = table.Column<DateOnly>(type: "date", nullable: false),
                    FileName = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    ImportedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ImportedBy = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Rows = table.Column<int>(type: "integer", nullable: false),
                    Created = table.Column<int>(type: "integer", nullable: false),
                    Updated = table.Column<int>(type: "integer", nullable: false),
                    Unchanged = table.Column<int>(type: "integer", nullable: false),
                    Rejected = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AdjustmentCuts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AdjustmentSettings",
                columns: table => new
                {
                    OperationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClientId = table.Column<Guid>(type: "uuid", nullable: false),
                    PqrDestination = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    PqrAnswerBusinessDays = table.Column<int>(type: "integer", nullable: false),
                    PqrFlagBusinessDays = table.Column<int>(type: "integer", nullable: false),
                    AppealBusinessDays = table.Column<int>(type: "integer", nullable: false),
                    RetryHours = table.Column<int>(type: "integer", nullable: false),
                    MaxContactAttempts = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AdjustmentSettings", x => x.OperationId);
                });

            migrationBuilder.CreateTable(
                name: "Adjustments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ClientId = table.Column<Guid>(type: "uuid", nullable: false),
                    OperationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Account = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    EscalationRef = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    CarrierStatus = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    CauseId = table.Column<Guid>(type: "uuid", nullable: true),
                    CauseLetter = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    Approval = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(18,6)", precision: 18, scale: 6, nullable: true),
                    Currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    FilingNumber = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    FilingDate = table.Column<DateOnly>(type: "date", nullable: false),
                    AgentLogin = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    RejectionReason = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    FirstCutoff = table.Column<DateOnly>(type: "date", nullable: false),
                    LastCutoff = table.Column<DateOnly>(type: "date", nullable: false),
                    RejectedCutoff = table.Column<DateOnly>(type: "date", nullable: true),
                    ApprovedCutoff = table.Column<DateOnly>(type: "date", nullable: true),
                    Corrected = table.Column<bool>(type: "boolean", nullable: false),
                    CorrectedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReEscalatedAfterCutoff = table.Column<DateOnly>(type: "date", nullable: true),
                    State = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    StateChangedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Resolution = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    EvidenceChecked = table.Column<List<string>>(type: "text[]", nullable: false),
                    PqrDestination = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    PqrFiledOn = table.Column<DateOnly>(type: "date", nullable: true),
                    PqrFlagOn = table.Column<DateOnly>(type: "date", nullable: true),
                    PqrDueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    PqrAnsweredOn = table.Column<DateOnly>(type: "date", nullable: true),
                    AnswerNotifiedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    AppealDeadlineOn = table.Column<DateOnly>(type: "date", nullable: true),
                    AppealFiledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ContactAttempts = table.Column<int>(type: "integer", nullable: false),
                    NextContactAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AssignedUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    AssignedTo = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Adjustments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Adjustments_AdjustmentCauses_CauseId",
                        column: x => x.CauseId,
                        principalTable: "AdjustmentCauses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AdjustmentCutRecords",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AdjustmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClientId = table.Column<Guid>(type: "uuid", nullable: false),
                    OperationId = table.Column<Guid>(type: "uuid", nullable: false),
                    CutId = table.Column<Guid>(type: "uuid", nullable: false),
                    Cutoff = table.Column<DateOnly>(type: "date", nullable: false),
                    Line = table.Column<int>(type: "integer", nullable: false),
                    CarrierStatus = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    CauseLetter = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    Approval = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(18,6)", precision: 18, scale: 6, nullable: true),
                    FilingNumber = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    AgentLogin = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    RejectionReason = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AdjustmentCutRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AdjustmentCutRecords_Adjustments_AdjustmentId",
                        column: x => x.AdjustmentId,
                        principalTable: "Adjustments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AdjustmentSteps",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AdjustmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClientId = table.Column<Guid>(type: "uuid", nullable: false),
                    OperationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Action = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    FromState = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ToState = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: true),
                    UserName = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    DataJson = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AdjustmentSteps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AdjustmentSteps_Adjustments_AdjustmentId",
                        column: x => x.AdjustmentId,
                        principalTable: "Adjustments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AdjustmentCauses_OperationId_Letter",
                table: "AdjustmentCauses",
                columns: new[] { "OperationId", "Letter" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AdjustmentCoachings_AgentLogin",
                table: "AdjustmentCoachings",
                column: "AgentLogin");

            migrationBuilder.CreateIndex(
                name: "IX_AdjustmentCoachings_OperationId_IsoWeek_AgentLogin",
                table: "AdjustmentCoachings",
                columns: new[] { "OperationId", "IsoWeek", "AgentLogin" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AdjustmentCutRecords_AdjustmentId_Cutoff",
                table: "AdjustmentCutRecords",
                columns: new[] { "AdjustmentId", "Cutoff" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AdjustmentCutRecords_OperationId_Cutoff_AgentLogin",
                table: "AdjustmentCutRecords",
                columns: new[] { "OperationId", "Cutoff", "AgentLogin" });

            migrationBuilder.CreateIndex(
                name: "IX_AdjustmentCuts_OperationId_Cutoff",
                table: "AdjustmentCuts",
                columns: new[] { "OperationId", "Cutoff" });

            migrationBuilder.CreateIndex(
                name: "IX_Adjustments_CauseId",
                table: "Adjustments",
                column: "CauseId");

            migrationBuilder.CreateIndex(
                name: "IX_Adjustments_OperationId_Account",
                table: "Adjustments",
                columns: new[] { "OperationId", "Account" });

            migrationBuilder.CreateIndex(
                name: "IX_Adjustments_OperationId_AgentLogin_RejectedCutoff",
                table: "Adjustments",
                columns: new[] { "OperationId", "AgentLogin", "RejectedCutoff" });

            migrationBuilder.CreateIndex(
                name: "IX_Adjustments_OperationId_Key",
                table: "Adjustments",
                columns: new[] { "OperationId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Adjustments_OperationId_LastCutoff",
                table: "Adjustments",
                columns: new[] { "OperationId", "LastCutoff" });

            migrationBuilder.CreateIndex(
                name: "IX_Adjustments_OperationId_State_PqrDueOn",
                table: "Adjustments",
                columns: new[] { "OperationId", "State", "PqrDueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_AdjustmentSteps_AdjustmentId_At",
                table: "AdjustmentSteps",
                columns: new[] { "AdjustmentId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_AdjustmentSteps_OperationId_Action_At",
                table: "AdjustmentSteps",
                columns: new[] { "OperationId", "Action", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AdjustmentCoachings");

            migrationBuilder.DropTable(
                name: "AdjustmentCutRecords");

            migrationBuilder.DropTable(
                name: "AdjustmentCuts");

            migrationBuilder.DropTable(
                name: "AdjustmentSettings");

            migrationBuilder.DropTable(
                name: "AdjustmentSteps");

            migrationBuilder.DropTable(
                name: "Adjustments");

            migrationBuilder.DropTable(
                name: "AdjustmentCauses");
        }
    }
}
