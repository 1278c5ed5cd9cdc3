using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ContactOps.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SalesRouting : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "BackOfficeOperationId",
                table: "SaleSteps",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "BackOfficeOperationId",
                table: "SaleStateChanges",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "BackOfficeOperationId",
                table: "Sales",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "BackOfficeOperationId",
                table: "SaleProducts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "BackOfficeOperationId",
                table: "SaleAttachments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "SalesBackOfficeOperationId",
                table: "Operations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Sales_BackOfficeOperationId_SoldAt",
                table: "Sales",
                columns: new[] { "BackOfficeOperationId", "SoldAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Sales_BackOfficeOperationId_SoldAt",
                table: "Sales");

            migrationBuilder.DropColumn(
                name: "BackOfficeOperationId",
                table: "SaleSteps");

            migrationBuilder.DropColumn(
                name: "BackOfficeOperationId",
                table: "SaleStateChanges");

            migrationBuilder.DropColumn(
                name: "BackOfficeOperationId",
                table: "Sales");

            migrationBuilder.DropColumn(
                name: "BackOfficeOperationId",
                table: "SaleProducts");

            migrationBuilder.DropColumn(
                name: "BackOfficeOperationId",
                table: "SaleAttachments");

            migrationBuilder.DropColumn(
                name: "SalesBackOfficeOperationId",
                table: "Operations");
        }
    }
}
