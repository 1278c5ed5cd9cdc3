using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ContactOps.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Legalization : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "LegalizationLayouts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Columns = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LegalizationLayouts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LegalizationLayouts_Clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "Clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LegalizationRuns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OperationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Month = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    RunAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RunByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RunBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Legalizable = table.Column<int>(type: "INTEGER", nullable: false),
                    Exported = table.Column<int>(type: "INTEGER", nullable: false),
                    Blocking = table.Column<int>(type: "INTEGER", nullable: false),
                    Devices = table.Column<int>(type: "INTEGER", nullable: false),
                    ZipFileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ZipStorageKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    XlsxFileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    XlsxStorageKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LegalizationRuns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LegalizationRuns_Operations_OperationId",
                        column: x => x.OperationId,
                        principalTable: "Operations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SaleAttachments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OperationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SaleId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    StorageKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    UploadedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    UploadedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    UploadedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SaleAttachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SaleAttachments_Sales_SaleId",
                        column: x => x.SaleId,
                        principalTable: "Sales",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LegalizationLayouts_ClientId_Kind",
                table: "LegalizationLayouts",
                columns: new[] { "ClientId", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LegalizationRuns_OperationId_Month_RunAt",
                table: "LegalizationRuns",
                columns: new[] { "OperationId", "Month", "RunAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SaleAttachments_OperationId_Kind",
                table: "SaleAttachments",
                columns: new[] { "OperationId", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_SaleAttachments_SaleId_Kind",
                table: "SaleAttachments",
                columns: new[] { "SaleId", "Kind" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LegalizationLayouts");

            migrationBuilder.DropTable(
                name: "LegalizationRuns");

            migrationBuilder.DropTable(
                name: "SaleAttachments");
        }
    }
}
