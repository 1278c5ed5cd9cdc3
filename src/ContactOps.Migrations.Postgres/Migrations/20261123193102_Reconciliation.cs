using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ContactOps.Migrations.Postgres.Migrations
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ClientId = table.Column<Guid>(type: "uuid", nullable: false),
                    OperationId = table.Column<Guid>(type: "uuid", nullable: false),
                    CutDate = table.Column<DateOnly>(type: "date", nullable: false),
                    FileName = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    FileSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    KeyFields = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    PeriodFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    PeriodTo = table.Column<DateOnly>(type: "date", nullable: true),
                    UserName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    FinishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Ours = table.Column<long>(type: "bigint", nullable: false),
                    Carrier = table.Column<long>(type: "bigint", nullable: false),
                    Matched = table.Column<long>(type: "bigint", nullable: false),
                    MissingAtCarrier = table.Column<long>(type: "bigint", nullable: false),
                    CarrierOnly = table.Column<long>(type: "bigint", nullable: false),
                    Mismatched = table.Column<long>(type: "bigint", nullable: false),
                    DuplicateOurs = table.Column<long>(type: "bigint", nullable: false),
                    DuplicateCarrier = table.Column<long>(type: "bigint", nullable: false),
                    Claimed = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CutId = table.Column<Guid>(type: "uuid", nullable: false),
                    OperationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Category = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Key = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    SaleId = table.Column<Guid>(type: "uuid", nullable: true),
                    CarrierLine = table.Column<long>(type: "bigint", nullable: true),
                    DuplicateKey = table.Column<bool>(type: "boolean", nullable: false),
                    Differences = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ClientId = table.Column<Guid>(type: "uuid", nullable: false),
                    OperationId = table.Column<Guid>(type: "uuid", nullable: false),
                    CutId = table.Column<Guid>(type: "uuid", nullable: false),
                    ItemId = table.Column<Guid>(type: "uuid", nullable: false),
                    SaleId = table.Column<Guid>(type: "uuid", nullable: false),
                    Key = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    State = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Outcome = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    OpenedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SentReference = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AnswerText = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    AnsweredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
