using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ContactOps.Migrations.Postgres.Migrations
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
                    CustomerId = table.Column<Guid>(type: "uuid", nullable: false),
                    Token = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C"),
                    ClientId = table.Column<Guid>(type: "uuid", nullable: false)
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
                INSERT INTO "CustomerNameTokens" ("CustomerId", "ClientId", "Token")
                SELECT DISTINCT c."Id", c."ClientId", left(t, 40)
                FROM "Customers" AS c, regexp_split_to_table(c."SearchName", '[^[:alnum:]]+') AS t
                WHERE t <> '';
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
