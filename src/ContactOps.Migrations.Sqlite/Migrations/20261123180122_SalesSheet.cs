using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ContactOps.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SalesSheet : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Sales",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OperationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    InteractionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Origin = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Line = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    WorkOrder = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    StateReason = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    StateChangedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SoldAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SellerUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SellerLogin = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    CallId = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                    Extension = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    AccountNumber = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    LineNumber = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    MonthlyValue = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: false),
                    OneOffValue = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    ChecklistId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ChecklistVersion = table.Column<int>(type: "INTEGER", nullable: true),
                    AssignedToUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AssignedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FollowUpAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AccountMarking = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    MarkedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Sales", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Sales_Operations_OperationId",
                        column: x => x.OperationId,
                        principalTable: "Operations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SaleProducts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SaleId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OperationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TariffCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Quantity = table.Column<int>(type: "INTEGER", nullable: false),
                    MonthlyValue = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: false),
                    OneOffValue = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: false),
                    NeedsTechnicianVisit = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SaleProducts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SaleProducts_Sales_SaleId",
                        column: x => x.SaleId,
                        principalTable: "Sales",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SaleProducts_SaleId_TariffCode",
                table: "SaleProducts",
                columns: new[] { "SaleId", "TariffCode" });

            migrationBuilder.CreateIndex(
                name: "IX_Sales_ClientId_AccountNumber",
                table: "Sales",
                columns: new[] { "ClientId", "AccountNumber" });

            migrationBuilder.CreateIndex(
                name: "IX_Sales_ClientId_LineNumber",
                table: "Sales",
                columns: new[] { "ClientId", "LineNumber" });

            migrationBuilder.CreateIndex(
                name: "IX_Sales_CustomerId",
                table: "Sales",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_Sales_InteractionId",
                table: "Sales",
                column: "InteractionId");

            migrationBuilder.CreateIndex(
                name: "IX_Sales_OperationId_SoldAt",
                table: "Sales",
                columns: new[] { "OperationId", "SoldAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Sales_OperationId_State_SoldAt",
                table: "Sales",
                columns: new[] { "OperationId", "State", "SoldAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SaleProducts");

            migrationBuilder.DropTable(
                name: "Sales");
        }
    }
}
