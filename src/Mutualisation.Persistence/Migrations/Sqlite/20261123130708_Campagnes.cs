using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mutualisation.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Campagnes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "CampagneId",
                table: "TitresRecette",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Campagnes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ExerciceFacture = table.Column<int>(type: "INTEGER", nullable: false),
                    Exercice = table.Column<int>(type: "INTEGER", nullable: false),
                    Budget = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    OuverteLe = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    OuverteParId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    OuverteParNom = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TravailId = table.Column<int>(type: "INTEGER", nullable: true),
                    CalculeLe = table.Column<DateTimeOffset>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Campagnes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "EvenementsCampagnes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Horodatage = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Libelle = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    UtilisateurId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    UtilisateurNom = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CampagneId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvenementsCampagnes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EvenementsCampagnes_Campagnes_CampagneId",
                        column: x => x.CampagneId,
                        principalTable: "Campagnes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MontantsNegocies",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MembreId = table.Column<int>(type: "INTEGER", nullable: false),
                    CodeService = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Montant = table.Column<long>(type: "INTEGER", nullable: false),
                    Justification = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    SaisiParId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    SaisiParNom = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SaisiLe = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    CampagneId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MontantsNegocies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MontantsNegocies_Campagnes_CampagneId",
                        column: x => x.CampagneId,
                        principalTable: "Campagnes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ResultatsCampagnes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MembreId = table.Column<int>(type: "INTEGER", nullable: false),
                    MembreNom = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Population = table.Column<int>(type: "INTEGER", nullable: true),
                    Statut = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Motif = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ServiceRefuse = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    Avertissements = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Total = table.Column<long>(type: "INTEGER", nullable: false),
                    TotalPrecedent = table.Column<long>(type: "INTEGER", nullable: true),
                    TitreId = table.Column<int>(type: "INTEGER", nullable: true),
                    CampagneId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResultatsCampagnes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ResultatsCampagnes_Campagnes_CampagneId",
                        column: x => x.CampagneId,
                        principalTable: "Campagnes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_TitresRecette_CampagneId_MembreId",
                table: "TitresRecette",
                columns: new[] { "CampagneId", "MembreId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Campagnes_ExerciceFacture_Budget",
                table: "Campagnes",
                columns: new[] { "ExerciceFacture", "Budget" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EvenementsCampagnes_CampagneId",
                table: "EvenementsCampagnes",
                column: "CampagneId");

            migrationBuilder.CreateIndex(
                name: "IX_MontantsNegocies_CampagneId_MembreId_CodeService",
                table: "MontantsNegocies",
                columns: new[] { "CampagneId", "MembreId", "CodeService" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ResultatsCampagnes_CampagneId_MembreId",
                table: "ResultatsCampagnes",
                columns: new[] { "CampagneId", "MembreId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EvenementsCampagnes");

            migrationBuilder.DropTable(
                name: "MontantsNegocies");

            migrationBuilder.DropTable(
                name: "ResultatsCampagnes");

            migrationBuilder.DropTable(
                name: "Campagnes");

            migrationBuilder.DropIndex(
                name: "IX_TitresRecette_CampagneId_MembreId",
                table: "TitresRecette");

            migrationBuilder.DropColumn(
                name: "CampagneId",
                table: "TitresRecette");
        }
    }
}
