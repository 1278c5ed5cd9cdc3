using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ContactOps.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CustomerNameWords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CustomerNameWords",
                columns: table => new
                {
                    ClientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Token = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Customers = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CustomerNameWords", x => new { x.ClientId, x.Token });
                });

            // Filled from the existing name tokens (afterwards rebuilt by every import and the daily job).
            migrationBuilder.Sql("""
                INSERT INTO "CustomerNameWords" ("ClientId", "Token", "Customers")
                SELECT "ClientId", "Token", COUNT(*) FROM "CustomerNameTokens" GROUP BY "ClientId", "Token"
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CustomerNameWords");
        }
    }
}
