using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ContactOps.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class PersonalDataRoles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PersonalDataRoles",
                table: "Operations",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "BackOffice,Supervisor,Coordinator,Manager,Admin");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PersonalDataRoles",
                table: "Operations");
        }
    }
}
