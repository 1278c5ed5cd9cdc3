using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ContactOps.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class DevicesBackOffice : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DeviceBackOfficeSettings");

            migrationBuilder.DropTable(
                name: "DeviceDeliveryEvents");

            migrationBuilder.DropTable(
                name: "DeviceFulfilments");
        }
    }
}
