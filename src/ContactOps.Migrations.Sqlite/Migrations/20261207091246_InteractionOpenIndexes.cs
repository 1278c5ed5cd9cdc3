using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ContactOps.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class InteractionOpenIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Interactions_AgentUserId_ClosedAt",
                table: "Interactions",
                columns: new[] { "AgentUserId", "ClosedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Interactions_ClosedAt_UpdatedAt",
                table: "Interactions",
                columns: new[] { "ClosedAt", "UpdatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Interactions_AgentUserId_ClosedAt",
                table: "Interactions");

            migrationBuilder.DropIndex(
                name: "IX_Interactions_ClosedAt_UpdatedAt",
                table: "Interactions");
        }
    }
}
