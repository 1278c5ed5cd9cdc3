using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ContactOps.Migrations.Sqlite.Migrations
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OperationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Letter = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Evidence = table.Column<string>(type: "TEXT", nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AdjustmentCauses", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AdjustmentCoachings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OperationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgentLogin = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    IsoWeek = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Rejected = table.Column<int>(type: "INTEGER", nullable: false),
                    Total = table.Column<int>(type: "INTEGER", nullable: false),
                    Commitment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    SupervisorUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SupervisorName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    CommittedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AcknowledgedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AcknowledgedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AdjustmentCoachings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AdjustmentCuts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OperationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Cutoff = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    ImportedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ImportedBy = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Rows = table.Column<int>(type: "INTEGER", nullable: false),
                    Created = table.Column<int>(type: "INTEGER", nullable: false),
                    Updated = table.Column<int>(type: "INTEGER", nullable: false),
                    Unchanged = table.Column<int>(type: "INTEGER", nullable: false),
                    Rejected = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AdjustmentCuts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AdjustmentSettings",
                columns: table => new
                {
                    OperationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PqrDestination = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    PqrAnswerBusinessDays = table.Column<int>(type: "INTEGER", nullable: false),
                    PqrFlagBusinessDays = table.Column<int>(type: "INTEGER", nullable: false),
                    AppealBusinessDays = table.Column<int>(type: "INTEGER", nullable: false),
                    RetryHours = table.Column<int>(type: "INTEGER", nullable: false),
                    MaxContactAttempts = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AdjustmentSettings", x => x.OperationId);
                });

            migrationBuilder.CreateTable(
                name: "Adjustments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OperationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Account = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    EscalationRef = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                    CarrierStatus = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    CauseId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CauseLetter = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    Approval = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: true),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    FilingNumber = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                    FilingDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AgentLogin = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    RejectionReason = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    FirstCutoff = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    LastCutoff = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RejectedCutoff = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ApprovedCutoff = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Corrected = table.Column<bool>(type: "INTEGER", nullable: false),
                    CorrectedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReEscalatedAfterCutoff = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    StateChangedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Resolution = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    EvidenceChecked = table.Column<string>(type: "TEXT", nullable: false),
                    PqrDestination = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    PqrFiledOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PqrFlagOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PqrDueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PqrAnsweredOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AnswerNotifiedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AppealDeadlineOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AppealFiledAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ContactAttempts = table.Column<int>(type: "INTEGER", nullable: false),
                    NextContactAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AssignedUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AssignedTo = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AdjustmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OperationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CutId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Cutoff = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Line = table.Column<int>(type: "INTEGER", nullable: false),
                    CarrierStatus = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    CauseLetter = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    Approval = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: true),
                    FilingNumber = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                    AgentLogin = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    RejectionReason = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AdjustmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OperationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    FromState = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ToState = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    DataJson = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
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
