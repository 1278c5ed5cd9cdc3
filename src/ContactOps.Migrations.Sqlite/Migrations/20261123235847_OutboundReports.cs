using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ContactOps.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class OutboundReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Leads_BaseId",
                table: "Leads");

            migrationBuilder.AddColumn<string>(
                name: "WeekdayGoalsJson",
                table: "OutboundCampaigns",
                type: "TEXT",
                maxLength: 400,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "FirstAttemptAt",
                table: "Leads",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DailySalesGoals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OperationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Sales = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DailySalesGoals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DailySalesGoals_Operations_OperationId",
                        column: x => x.OperationId,
                        principalTable: "Operations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "OutboundHourlyStats",
                columns: table => new
                {
                    OperationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Hour = table.Column<int>(type: "INTEGER", nullable: false),
                    AgentLogin = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    ClientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Attempts = table.Column<long>(type: "INTEGER", nullable: false),
                    Answered = table.Column<long>(type: "INTEGER", nullable: false),
                    Machine = table.Column<long>(type: "INTEGER", nullable: false),
                    Contacts = table.Column<long>(type: "INTEGER", nullable: false),
                    EffectiveContacts = table.Column<long>(type: "INTEGER", nullable: false),
                    Sales = table.Column<long>(type: "INTEGER", nullable: false),
                    Abandoned = table.Column<long>(type: "INTEGER", nullable: false),
                    TalkSeconds = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboundHourlyStats", x => new { x.OperationId, x.Day, x.Hour, x.AgentLogin });
                    table.ForeignKey(
                        name: "FK_OutboundHourlyStats_Operations_OperationId",
                        column: x => x.OperationId,
                        principalTable: "Operations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Leads_BaseId_FirstAttemptAt",
                table: "Leads",
                columns: new[] { "BaseId", "FirstAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_DailySalesGoals_OperationId_Day",
                table: "DailySalesGoals",
                columns: new[] { "OperationId", "Day" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OutboundHourlyStats_ClientId",
                table: "OutboundHourlyStats",
                column: "ClientId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DailySalesGoals");

            migrationBuilder.DropTable(
                name: "OutboundHourlyStats");

            migrationBuilder.DropIndex(
                name: "IX_Leads_BaseId_FirstAttemptAt",
                table: "Leads");

            migrationBuilder.DropColumn(
                name: "WeekdayGoalsJson",
                table: "OutboundCampaigns");

            migrationBuilder.DropColumn(
                name: "FirstAttemptAt",
                table: "Leads");

            migrationBuilder.CreateIndex(
                name: "IX_Leads_BaseId",
                table: "Leads",
                column: "BaseId");
        }
    }
}
