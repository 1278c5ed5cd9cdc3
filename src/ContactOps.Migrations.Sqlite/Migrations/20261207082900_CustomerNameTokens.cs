using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ContactOps.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CustomerNameTokens : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CustomerNameTokens",
                columns: table => new
                {
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Token = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ClientId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CustomerNameTokens", x => new { x.CustomerId, x.Token });
                    table.ForeignKey(
                        name: "FK_CustomerNameTokens_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // The words of the names already stored (new and renamed customers get theirs as they are saved).
            migrationBuilder.Sql(
                """
                WITH RECURSIVE split(id, client, word, rest) AS (
                    SELECT "Id", "ClientId", '', replace(replace(replace(replace(replace("SearchName", '-', ' '), '''', ' '), '.', ' '), ',', ' '), '/', ' ') || ' '
                    FROM "Customers"
                    UNION ALL
                    SELECT id, client, substr(rest, 1, instr(rest, ' ') - 1), substr(rest, instr(rest, ' ') + 1) FROM split WHERE rest <> ''
                )
                INSERT OR IGNORE INTO "CustomerNameTokens" ("CustomerId", "ClientId", "Token")
                SELECT id, client, substr(word, 1, 40) FROM split WHERE word <> '';
                """);

            migrationBuilder.CreateIndex(
                name: "IX_Customers_ClientId_DocumentNumber",
                table: "Customers",
                columns: new[] { "ClientId", "DocumentNumber" });

            migrationBuilder.CreateIndex(
                name: "IX_CustomerNameTokens_ClientId_Token_CustomerId",
                table: "CustomerNameTokens",
                columns: new[] { "ClientId", "Token", "CustomerId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CustomerNameTokens");

            migrationBuilder.DropIndex(
                name: "IX_Customers_ClientId_DocumentNumber",
                table: "Customers");
        }
    }
}
