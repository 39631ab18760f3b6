using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mutualisation.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TitresDeRecette : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Bordereaux",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Exercice = table.Column<int>(type: "INTEGER", nullable: false),
                    Budget = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Numero = table.Column<int>(type: "INTEGER", nullable: false),
                    EmisLe = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Horodatage = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    SignataireNom = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SignatairePrenoms = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SignataireQualite = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    EmisParId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    EmisParNom = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Bordereaux", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CompteursTitres",
                columns: table => new
                {
                    Exercice = table.Column<int>(type: "INTEGER", nullable: false),
                    Budget = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Serie = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Dernier = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CompteursTitres", x => new { x.Exercice, x.Budget, x.Serie });
                });

            migrationBuilder.CreateTable(
                name: "ParametresEmetteur",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Nom = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Siren = table.Column<string>(type: "TEXT", maxLength: 9, nullable: true),
                    Siret = table.Column<string>(type: "TEXT", maxLength: 14, nullable: true),
                    AdresseLigne = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    AdresseCodePostal = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    AdresseVille = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    OrdonnateurNom = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    OrdonnateurPrenoms = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    OrdonnateurQualite = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DelegueNom = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    DeleguePrenoms = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    DelegueQualite = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Comptable = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ComptableAdresse = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ModesDePaiement = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Tribunal = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    TribunalAdresse = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CodeBudget = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Seuil = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ParametresEmetteur", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TitresRecette",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MembreId = table.Column<int>(type: "INTEGER", nullable: false),
                    Exercice = table.Column<int>(type: "INTEGER", nullable: false),
                    ExerciceFacture = table.Column<int>(type: "INTEGER", nullable: false),
                    Budget = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Nature = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Statut = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Objet = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Fondement = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    DebiteurNom = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DebiteurSiren = table.Column<string>(type: "TEXT", maxLength: 9, nullable: false),
                    DebiteurCodeInsee = table.Column<string>(type: "TEXT", maxLength: 5, nullable: true),
                    DebiteurAdresse = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Total = table.Column<long>(type: "INTEGER", nullable: false),
                    TitreOrigineId = table.Column<int>(type: "INTEGER", nullable: true),
                    TitreOrigineNumero = table.Column<int>(type: "INTEGER", nullable: true),
                    Motif = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Numero = table.Column<int>(type: "INTEGER", nullable: true),
                    BordereauId = table.Column<int>(type: "INTEGER", nullable: true),
                    BordereauNumero = table.Column<int>(type: "INTEGER", nullable: true),
                    EmisLe = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SignataireNom = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    SignatairePrenoms = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    SignataireQualite = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Pdf = table.Column<byte[]>(type: "BLOB", nullable: true),
                    PdfSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TitresRecette", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TitresRecette_Bordereaux_BordereauId",
                        column: x => x.BordereauId,
                        principalTable: "Bordereaux",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TitresRecette_Membres_MembreId",
                        column: x => x.MembreId,
                        principalTable: "Membres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TitresRecette_TitresRecette_TitreOrigineId",
                        column: x => x.TitreOrigineId,
                        principalTable: "TitresRecette",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ImputationsServices",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CodeService = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    CompteNature = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Fonction = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ParametresEmetteurId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImputationsServices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ImputationsServices_ParametresEmetteur_ParametresEmetteurId",
                        column: x => x.ParametresEmetteurId,
                        principalTable: "ParametresEmetteur",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EvenementsTitres",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Horodatage = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Libelle = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    StatutAvant = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    StatutApres = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    UtilisateurId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    UtilisateurNom = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    TitreId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvenementsTitres", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EvenementsTitres_TitresRecette_TitreId",
                        column: x => x.TitreId,
                        principalTable: "TitresRecette",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LignesTitres",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Ordre = table.Column<int>(type: "INTEGER", nullable: false),
                    Libelle = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Bases = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Montant = table.Column<long>(type: "INTEGER", nullable: false),
                    CodeService = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    CompteNature = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Fonction = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    TitreId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LignesTitres", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LignesTitres_TitresRecette_TitreId",
                        column: x => x.TitreId,
                        principalTable: "TitresRecette",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Bordereaux_Exercice_Budget_Numero",
                table: "Bordereaux",
                columns: new[] { "Exercice", "Budget", "Numero" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EvenementsTitres_TitreId",
                table: "EvenementsTitres",
                column: "TitreId");

            migrationBuilder.CreateIndex(
                name: "IX_ImputationsServices_ParametresEmetteurId_CodeService",
                table: "ImputationsServices",
                columns: new[] { "ParametresEmetteurId", "CodeService" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LignesTitres_TitreId",
                table: "LignesTitres",
                column: "TitreId");

            migrationBuilder.CreateIndex(
                name: "IX_TitresRecette_BordereauId",
                table: "TitresRecette",
                column: "BordereauId");

            migrationBuilder.CreateIndex(
                name: "IX_TitresRecette_Exercice_Budget_Numero",
                table: "TitresRecette",
                columns: new[] { "Exercice", "Budget", "Numero" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TitresRecette_MembreId_Exercice",
                table: "TitresRecette",
                columns: new[] { "MembreId", "Exercice" });

            migrationBuilder.CreateIndex(
                name: "IX_TitresRecette_TitreOrigineId",
                table: "TitresRecette",
                column: "TitreOrigineId");

            // Issued titres are immutable at the database too (ADR 0016).
            migrationBuilder.Sql(Titres.DeclencheursTitres.Sqlite);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Titres.DeclencheursTitres.SqliteRetrait);

            migrationBuilder.DropTable(
                name: "CompteursTitres");

            migrationBuilder.DropTable(
                name: "EvenementsTitres");

            migrationBuilder.DropTable(
                name: "ImputationsServices");

            migrationBuilder.DropTable(
                name: "LignesTitres");

            migrationBuilder.DropTable(
                name: "ParametresEmetteur");

            migrationBuilder.DropTable(
                name: "TitresRecette");

            migrationBuilder.DropTable(
                name: "Bordereaux");
        }
    }
}
