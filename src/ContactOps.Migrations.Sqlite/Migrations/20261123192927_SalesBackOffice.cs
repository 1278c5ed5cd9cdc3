using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ContactOps.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SalesBackOffice : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DonorOperator",
                table: "Sales",
                type: "TEXT",
                maxLength: 60,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SaleChecklists",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OperationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    IsCurrent = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SaleChecklists", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SaleChecklists_Operations_OperationId",
                        column: x => x.OperationId,
                        principalTable: "Operations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SaleStateChanges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SaleId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OperationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    From = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    To = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SaleStateChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SaleStateChanges_Sales_SaleId",
                        column: x => x.SaleId,
                        principalTable: "Sales",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SaleSteps",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SaleId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OperationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    StepCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    StepName = table.Column<string>(type: "TEXT", maxLength: 160, nullable: false),
                    StepOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    Result = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Evidence = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SaleSteps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SaleSteps_Sales_SaleId",
                        column: x => x.SaleId,
                        principalTable: "Sales",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SaleChecklistItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChecklistId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OperationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 160, nullable: false),
                    Evidence = table.Column<string>(type: "TEXT", maxLength: 160, nullable: true),
                    EvidenceRequired = table.Column<bool>(type: "INTEGER", nullable: false),
                    Unlocks = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    OpenWorkOrderOnly = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SaleChecklistItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SaleChecklistItems_SaleChecklists_ChecklistId",
                        column: x => x.ChecklistId,
                        principalTable: "SaleChecklists",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Sales_OperationId_AssignedToUserId_State",
                table: "Sales",
                columns: new[] { "OperationId", "AssignedToUserId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Sales_OperationId_FollowUpAt",
                table: "Sales",
                columns: new[] { "OperationId", "FollowUpAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SaleChecklistItems_ChecklistId_Order",
                table: "SaleChecklistItems",
                columns: new[] { "ChecklistId", "Order" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SaleChecklists_OperationId_Kind_Version",
                table: "SaleChecklists",
                columns: new[] { "OperationId", "Kind", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SaleStateChanges_OperationId_To_At",
                table: "SaleStateChanges",
                columns: new[] { "OperationId", "To", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_SaleStateChanges_SaleId_At",
                table: "SaleStateChanges",
                columns: new[] { "SaleId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_SaleSteps_SaleId_Sequence",
                table: "SaleSteps",
                columns: new[] { "SaleId", "Sequence" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SaleChecklistItems");

            migrationBuilder.DropTable(
                name: "SaleStateChanges");

            migrationBuilder.DropTable(
                name: "SaleSteps");

            migrationBuilder.DropTable(
                name: "SaleChecklists");

            migrationBuilder.DropIndex(
                name: "IX_Sales_OperationId_AssignedToUserId_State",
                table: "Sales");

            migrationBuilder.DropIndex(
                name: "IX_Sales_OperationId_FollowUpAt",
                table: "Sales");

            migrationBuilder.DropColumn(
                name: "DonorOperator",
                table: "Sales");
        }
    }
}
