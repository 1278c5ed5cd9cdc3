using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ContactOps.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Reconciliation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ReconciliationCuts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OperationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CutDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    FileSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    KeyFields = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PeriodFrom = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PeriodTo = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Ours = table.Column<long>(type: "INTEGER", nullable: false),
                    Carrier = table.Column<long>(type: "INTEGER", nullable: false),
                    Matched = table.Column<long>(type: "INTEGER", nullable: false),
                    MissingAtCarrier = table.Column<long>(type: "INTEGER", nullable: false),
                    CarrierOnly = table.Column<long>(type: "INTEGER", nullable: false),
                    Mismatched = table.Column<long>(type: "INTEGER", nullable: false),
                    DuplicateOurs = table.Column<long>(type: "INTEGER", nullable: false),
                    DuplicateCarrier = table.Column<long>(type: "INTEGER", nullable: false),
                    Claimed = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReconciliationCuts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReconciliationCuts_Operations_OperationId",
                        column: x => x.OperationId,
                        principalTable: "Operations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReconciliationItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CutId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OperationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    SaleId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CarrierLine = table.Column<long>(type: "INTEGER", nullable: true),
                    DuplicateKey = table.Column<bool>(type: "INTEGER", nullable: false),
                    Differences = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReconciliationItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReconciliationItems_ReconciliationCuts_CutId",
                        column: x => x.CutId,
                        principalTable: "ReconciliationCuts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SaleClaims",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OperationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CutId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ItemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SaleId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    OpenedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SentReference = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AnswerText = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    AnsweredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SaleClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SaleClaims_ReconciliationCuts_CutId",
                        column: x => x.CutId,
                        principalTable: "ReconciliationCuts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ReconciliationCuts_OperationId_CutDate",
                table: "ReconciliationCuts",
                columns: new[] { "OperationId", "CutDate" });

            migrationBuilder.CreateIndex(
                name: "IX_ReconciliationItems_CutId_Category",
                table: "ReconciliationItems",
                columns: new[] { "CutId", "Category" });

            migrationBuilder.CreateIndex(
                name: "IX_SaleClaims_CutId",
                table: "SaleClaims",
                column: "CutId");

            migrationBuilder.CreateIndex(
                name: "IX_SaleClaims_ItemId",
                table: "SaleClaims",
                column: "ItemId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SaleClaims_OperationId_State",
                table: "SaleClaims",
                columns: new[] { "OperationId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_SaleClaims_SaleId",
                table: "SaleClaims",
                column: "SaleId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReconciliationItems");

            migrationBuilder.DropTable(
                name: "SaleClaims");

            migrationBuilder.DropTable(
                name: "ReconciliationCuts");
        }
    }
}
