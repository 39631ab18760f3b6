using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mutualisation.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SeancesCopil : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SeancesCopil",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Libelle = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Participants = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CreeLe = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    ClotureeLe = table.Column<DateTimeOffset>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SeancesCopil", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "EvenementsSeancesCopil",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Horodatage = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Libelle = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Fiche = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    UtilisateurId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    UtilisateurNom = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SeanceId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvenementsSeancesCopil", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EvenementsSeancesCopil_SeancesCopil_SeanceId",
                        column: x => x.SeanceId,
                        principalTable: "SeancesCopil",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PointsSeancesCopil",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FicheId = table.Column<int>(type: "INTEGER", nullable: false),
                    FicheNumero = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Ordre = table.Column<int>(type: "INTEGER", nullable: false),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Motivation = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    AnneeSchemaDirecteur = table.Column<int>(type: "INTEGER", nullable: true),
                    DecideLe = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    SeanceId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PointsSeancesCopil", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PointsSeancesCopil_FichesProjet_FicheId",
                        column: x => x.FicheId,
                        principalTable: "FichesProjet",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PointsSeancesCopil_SeancesCopil_SeanceId",
                        column: x => x.SeanceId,
                        principalTable: "SeancesCopil",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FichesProjet_SeanceCopilId",
                table: "FichesProjet",
                column: "SeanceCopilId");

            migrationBuilder.CreateIndex(
                name: "IX_EvenementsSeancesCopil_SeanceId",
                table: "EvenementsSeancesCopil",
                column: "SeanceId");

            migrationBuilder.CreateIndex(
                name: "IX_PointsSeancesCopil_FicheId",
                table: "PointsSeancesCopil",
                column: "FicheId");

            migrationBuilder.CreateIndex(
                name: "IX_PointsSeancesCopil_SeanceId_FicheId",
                table: "PointsSeancesCopil",
                columns: new[] { "SeanceId", "FicheId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SeancesCopil_Date",
                table: "SeancesCopil",
                column: "Date");

            migrationBuilder.AddForeignKey(
                name: "FK_FichesProjet_SeancesCopil_SeanceCopilId",
                table: "FichesProjet",
                column: "SeanceCopilId",
                principalTable: "SeancesCopil",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_FichesProjet_SeancesCopil_SeanceCopilId",
                table: "FichesProjet");

            migrationBuilder.DropTable(
                name: "EvenementsSeancesCopil");

            migrationBuilder.DropTable(
                name: "PointsSeancesCopil");

            migrationBuilder.DropTable(
                name: "SeancesCopil");

            migrationBuilder.DropIndex(
                name: "IX_FichesProjet_SeanceCopilId",
                table: "FichesProjet");
        }
    }
}
