using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mutualisation.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TitresRemplacement : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "TitreRemplaceId",
                table: "TitresRecette",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "TitreRemplaceNumero",
                table: "TitresRecette",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_TitresRecette_TitreRemplaceId",
                table: "TitresRecette",
                column: "TitreRemplaceId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_TitresRecette_TitreRemplaceId",
                table: "TitresRecette");

            migrationBuilder.DropColumn(
                name: "TitreRemplaceId",
                table: "TitresRecette");

            migrationBuilder.DropColumn(
                name: "TitreRemplaceNumero",
                table: "TitresRecette");
        }
    }
}
