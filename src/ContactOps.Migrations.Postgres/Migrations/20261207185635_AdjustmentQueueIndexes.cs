using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ContactOps.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AdjustmentQueueIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Adjustments_OperationId_FirstCutoff_Key",
                table: "Adjustments",
                columns: new[] { "OperationId", "FirstCutoff", "Key" });

            migrationBuilder.CreateIndex(
                name: "IX_Adjustments_OperationId_PqrAnsweredOn_PqrDueOn_PqrFlagOn",
                table: "Adjustments",
                columns: new[] { "OperationId", "PqrAnsweredOn", "PqrDueOn", "PqrFlagOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Adjustments_OperationId_PqrDueOn_FirstCutoff_Key",
                table: "Adjustments",
                columns: new[] { "OperationId", "PqrDueOn", "FirstCutoff", "Key" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Adjustments_OperationId_FirstCutoff_Key",
                table: "Adjustments");

            migrationBuilder.DropIndex(
                name: "IX_Adjustments_OperationId_PqrAnsweredOn_PqrDueOn_PqrFlagOn",
                table: "Adjustments");

            migrationBuilder.DropIndex(
                name: "IX_Adjustments_OperationId_PqrDueOn_FirstCutoff_Key",
                table: "Adjustments");
        }
    }
}
