using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ContactOps.Migrations.Postgres.Migrations
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
                type: "character varying(400)",
                maxLength: 400,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "FirstAttemptAt",
                table: "Leads",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DailySalesGoals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ClientId = table.Column<Guid>(type: "uuid", nullable: false),
                    OperationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Sales = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ClientId = table.Column<Guid>(type: "uuid", nullable: false),
                    OperationId = table.Column<Guid>(type: "uuid", nullable: false),
                    StaleAfterDays = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SaleId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClientId = table.Column<Guid>(type: "uuid", nullable: false),
                    OperationId = table.Column<Guid>(type: "uuid", nullable: false),
                    BackOfficeOperationId = table.Column<Guid>(type: "uuid", nullable: true),
                    WorkOperationId = table.Column<Guid>(type: "uuid", nullable: false),
                    CustomerDocument = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    ConfirmedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ConfirmedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    ConfirmedBy = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    DeviceConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    AddressConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    ConfirmedDevice = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    OriginalAddress = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    CorrectedAddress = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    ConfirmationRecording = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    ConfirmationNotes = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    CreditCheckedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CreditCheckedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    CreditCheckedBy = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    CreditResult = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    ApprovedQuota = table.Column<decimal>(type: "numeric(18,6)", precision: 18, scale: 6, nullable: true),
                    Currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    CreditConditions = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    CreditRecording = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    ReservationNumber = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    ReservedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReservedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    ReservedBy = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    Material = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    DeliveryAddress = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    ReceiverName = table.Column<string>(type: "character varying(160)", maxLength: 160, nullable: true),
                    ReceiverDocumentType = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    ReceiverDocument = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Phones = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    StockReference = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    DeliveryState = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    CarrierState = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    Guide = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    LastNewsAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DeliveredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ClientId = table.Column<Guid>(type: "uuid", nullable: false),
                    OperationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ColumnsJson = table.Column<string>(type: "character varying(40000)", maxLength: 40000, nullable: false),
                    Format = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    ScheduleAt = table.Column<TimeOnly>(type: "time without time zone", nullable: true),
                    SchedulePreviousDay = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ClientId = table.Column<Guid>(type: "uuid", nullable: false),
                    OperationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    BaseId = table.Column<Guid>(type: "uuid", nullable: true),
                    Format = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Trigger = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    GeneratedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    GeneratedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    GeneratedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Rows = table.Column<long>(type: "bigint", nullable: false),
                    FileKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Length = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
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
                    OperationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Hour = table.Column<int>(type: "integer", nullable: false),
                    AgentLogin = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    ClientId = table.Column<Guid>(type: "uuid", nullable: false),
                    Attempts = table.Column<long>(type: "bigint", nullable: false),
                    Answered = table.Column<long>(type: "bigint", nullable: false),
                    Machine = table.Column<long>(type: "bigint", nullable: false),
                    Contacts = table.Column<long>(type: "bigint", nullable: false),
                    EffectiveContacts = table.Column<long>(type: "bigint", nullable: false),
                    Sales = table.Column<long>(type: "bigint", nullable: false),
                    Abandoned = table.Column<long>(type: "bigint", nullable: false),
                    TalkSeconds = table.Column<long>(type: "bigint", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SaleId = table.Column<Guid>(type: "uuid", nullable: false),
                    FulfilmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClientId = table.Column<Guid>(type: "uuid", nullable: false),
                    OperationId = table.Column<Guid>(type: "uuid", nullable: false),
                    BackOfficeOperationId = table.Column<Guid>(type: "uuid", nullable: true),
                    State = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    CarrierState = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Source = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    BatchId = table.Column<Guid>(type: "uuid", nullable: true),
                    Guide = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    Note = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    UserName = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
