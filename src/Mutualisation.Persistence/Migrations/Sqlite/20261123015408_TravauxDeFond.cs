using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mutualisation.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TravauxDeFond : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "TravauxDeFond",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Genre = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Libelle = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Parametres = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    Etat = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Fait = table.Column<int>(type: "INTEGER", nullable: false),
                    Total = table.Column<int>(type: "INTEGER", nullable: true),
                    Message = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CreeParId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    CreeParNom = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreeLe = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    DemarreLe = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    TermineLe = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    Pouls = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    Executant = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TravauxDeFond", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_TravauxDeFond_CreeParId",
                table: "TravauxDeFond",
                column: "CreeParId");

            migrationBuilder.CreateIndex(
                name: "IX_TravauxDeFond_Etat_Id",
                table: "TravauxDeFond",
                columns: new[] { "Etat", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "TravauxDeFond");
        }
    }
}
