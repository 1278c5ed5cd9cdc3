using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ContactOps.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class OutboundReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Leads_BaseId",
                table: "Leads");

            migrationBuilder.AddColumn<string>(
                name: "WeekdayGoalsJson",
                table: "OutboundCampaigns",
                type: "TEXT",
                maxLength: 400,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "FirstAttemptAt",
                table: "Leads",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DailySalesGoals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OperationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Sales = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DailySalesGoals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DailySalesGoals_Operations_OperationId",
                        column: x => x.OperationId,
                        principalTable: "Operations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DeviceBackOfficeSettings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OperationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StaleAfterDays = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeviceBackOfficeSettings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DeviceBackOfficeSettings_Operations_OperationId",
                        column: x => x.OperationId,
                        principalTable: "Operations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DeviceFulfilments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SaleId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OperationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BackOfficeOperationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    WorkOperationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CustomerDocument = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    ConfirmedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ConfirmedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ConfirmedBy = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    DeviceConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    AddressConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    ConfirmedDevice = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    OriginalAddress = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    CorrectedAddress = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    ConfirmationRecording = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    ConfirmationNotes = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    CreditCheckedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreditCheckedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreditCheckedBy = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    CreditResult = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    ApprovedQuota = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: true),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: true),
                    CreditConditions = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    CreditRecording = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    ReservationNumber = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    ReservedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReservedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReservedBy = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    Material = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DeliveryAddress = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    ReceiverName = table.Column<string>(type: "TEXT", maxLength: 160, nullable: true),
                    ReceiverDocumentType = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    ReceiverDocument = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Phones = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    StockReference = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                    DeliveryState = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    CarrierState = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    Guide = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                    LastNewsAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DeliveredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeviceFulfilments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DeviceFulfilments_Sales_SaleId",
                        column: x => x.SaleId,
                        principalTable: "Sales",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ManagementLayouts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OperationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ColumnsJson = table.Column<string>(type: "TEXT", maxLength: 40000, nullable: false),
                    Format = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    ScheduleAt = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    SchedulePreviousDay = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ManagementLayouts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ManagementLayouts_Operations_OperationId",
                        column: x => x.OperationId,
                        principalTable: "Operations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ManagementReportRuns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OperationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    BaseId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Format = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Trigger = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    GeneratedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    GeneratedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    GeneratedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Rows = table.Column<long>(type: "INTEGER", nullable: false),
                    FileKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Length = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ManagementReportRuns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ManagementReportRuns_Operations_OperationId",
                        column: x => x.OperationId,
                        principalTable: "Operations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "OutboundHourlyStats",
                columns: table => new
                {
                    OperationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Hour = table.Column<int>(type: "INTEGER", nullable: false),
                    AgentLogin = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    ClientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Attempts = table.Column<long>(type: "INTEGER", nullable: false),
                    Answered = table.Column<long>(type: "INTEGER", nullable: false),
                    Machine = table.Column<long>(type: "INTEGER", nullable: false),
                    Contacts = table.Column<long>(type: "INTEGER", nullable: false),
                    EffectiveContacts = table.Column<long>(type: "INTEGER", nullable: false),
                    Sales = table.Column<long>(type: "INTEGER", nullable: false),
                    Abandoned = table.Column<long>(type: "INTEGER", nullable: false),
                    TalkSeconds = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboundHourlyStats", x => new { x.OperationId, x.Day, x.Hour, x.AgentLogin });
                    table.ForeignKey(
                        name: "FK_OutboundHourlyStats_Operations_OperationId",
                        column: x => x.OperationId,
                        principalTable: "Operations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DeviceDeliveryEvents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SaleId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FulfilmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OperationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BackOfficeOperationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    CarrierState = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    BatchId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Guide = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeviceDeliveryEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DeviceDeliveryEvents_DeviceFulfilments_FulfilmentId",
                        column: x => x.FulfilmentId,
                        principalTable: "DeviceFulfilments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Leads_BaseId_FirstAttemptAt",
                table: "Leads",
                columns: new[] { "BaseId", "FirstAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_DailySalesGoals_OperationId_Day",
                table: "DailySalesGoals",
                columns: new[] { "OperationId", "Day" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DeviceBackOfficeSettings_OperationId",
                table: "DeviceBackOfficeSettings",
                column: "OperationId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DeviceDeliveryEvents_FulfilmentId",
                table: "DeviceDeliveryEvents",
                column: "FulfilmentId");

            migrationBuilder.CreateIndex(
                name: "IX_DeviceDeliveryEvents_SaleId_At",
                table: "DeviceDeliveryEvents",
                columns: new[] { "SaleId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_DeviceFulfilments_SaleId",
                table: "DeviceFulfilments",
                column: "SaleId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DeviceFulfilments_WorkOperationId_CustomerDocument",
                table: "DeviceFulfilments",
                columns: new[] { "WorkOperationId", "CustomerDocument" });

            migrationBuilder.CreateIndex(
                name: "IX_DeviceFulfilments_WorkOperationId_DeliveryState_LastNewsAt",
                table: "DeviceFulfilments",
                columns: new[] { "WorkOperationId", "DeliveryState", "LastNewsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_DeviceFulfilments_WorkOperationId_ReservationNumber",
                table: "DeviceFulfilments",
                columns: new[] { "WorkOperationId", "ReservationNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ManagementLayouts_OperationId",
                table: "ManagementLayouts",
                column: "OperationId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ManagementReportRuns_OperationId_GeneratedAt",
                table: "ManagementReportRuns",
                columns: new[] { "OperationId", "GeneratedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_OutboundHourlyStats_ClientId",
                table: "OutboundHourlyStats",
                column: "ClientId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DailySalesGoals");

            migrationBuilder.DropTable(
                name: "DeviceBackOfficeSettings");

            migrationBuilder.DropTable(
                name: "DeviceDeliveryEvents");

            migrationBuilder.DropTable(
                name: "ManagementLayouts");

            migrationBuilder.DropTable(
                name: "ManagementReportRuns");

            migrationBuilder.DropTable(
                name: "OutboundHourlyStats");

            migrationBuilder.DropTable(
                name: "DeviceFulfilments");

            migrationBuilder.DropIndex(
                name: "IX_Leads_BaseId_FirstAttemptAt",
                table: "Leads");

            migrationBuilder.DropColumn(
                name: "WeekdayGoalsJson",
                table: "OutboundCampaigns");

            migrationBuilder.DropColumn(
                name: "FirstAttemptAt",
                table: "Leads");

            migrationBuilder.CreateIndex(
                name: "IX_Leads_BaseId",
                table: "Leads",
                column: "BaseId");
        }
    }
}
