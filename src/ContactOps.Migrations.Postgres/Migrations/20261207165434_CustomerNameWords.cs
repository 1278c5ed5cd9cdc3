using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ContactOps.Migrations.Postgres.Migrations
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
                    ClientId = table.Column<Guid>(type: "uuid", nullable: false),
                    Token = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C"),
                    Customers = table.Column<int>(type: "integer", nullable: false)
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
