using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mutualisation.Persistence.Migrations.SqlServer
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
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Exercice = table.Column<int>(type: "int", nullable: false),
                    Budget = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Numero = table.Column<int>(type: "int", nullable: false),
                    EmisLe = table.Column<DateOnly>(type: "date", nullable: false),
                    Horodatage = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    SignataireNom = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    SignatairePrenoms = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    SignataireQualite = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    EmisParId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    EmisParNom = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Bordereaux", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CompteursTitres",
                columns: table => new
                {
                    Exercice = table.Column<int>(type: "int", nullable: false),
                    Budget = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Serie = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Dernier = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CompteursTitres", x => new { x.Exercice, x.Budget, x.Serie });
                });

            migrationBuilder.CreateTable(
                name: "ParametresEmetteur",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Nom = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Siren = table.Column<string>(type: "nvarchar(9)", maxLength: 9, nullable: true),
                    Siret = table.Column<string>(type: "nvarchar(14)", maxLength: 14, nullable: true),
                    AdresseLigne = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    AdresseCodePostal = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: true),
                    AdresseVille = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    OrdonnateurNom = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    OrdonnateurPrenoms = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    OrdonnateurQualite = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    DelegueNom = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    DeleguePrenoms = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    DelegueQualite = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Comptable = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    ComptableAdresse = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    ModesDePaiement = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    Tribunal = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    TribunalAdresse = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    CodeBudget = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    Seuil = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ParametresEmetteur", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TitresRecette",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    MembreId = table.Column<int>(type: "int", nullable: false),
                    Exercice = table.Column<int>(type: "int", nullable: false),
                    ExerciceFacture = table.Column<int>(type: "int", nullable: false),
                    Budget = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Nature = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    Statut = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Objet = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    Fondement = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    DebiteurNom = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    DebiteurSiren = table.Column<string>(type: "nvarchar(9)", maxLength: 9, nullable: false),
                    DebiteurCodeInsee = table.Column<string>(type: "nvarchar(5)", maxLength: 5, nullable: true),
                    DebiteurAdresse = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: false),
                    Total = table.Column<long>(type: "bigint", nullable: false),
                    TitreOrigineId = table.Column<int>(type: "int", nullable: true),
                    TitreOrigineNumero = table.Column<int>(type: "int", nullable: true),
                    Motif = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    Numero = table.Column<int>(type: "int", nullable: true),
                    BordereauId = table.Column<int>(type: "int", nullable: true),
                    BordereauNumero = table.Column<int>(type: "int", nullable: true),
                    EmisLe = table.Column<DateOnly>(type: "date", nullable: true),
                    SignataireNom = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    SignatairePrenoms = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    SignataireQualite = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Pdf = table.Column<byte[]>(type: "varbinary(max)", nullable: true),
                    PdfSha256 = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true)
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
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    CodeService = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    CompteNature = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Fonction = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    ParametresEmetteurId = table.Column<int>(type: "int", nullable: false)
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
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Horodatage = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Libelle = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    StatutAvant = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    StatutApres = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    UtilisateurId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    UtilisateurNom = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Detail = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    TitreId = table.Column<int>(type: "int", nullable: true)
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
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Ordre = table.Column<int>(type: "int", nullable: false),
                    Libelle = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    Bases = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    Montant = table.Column<long>(type: "bigint", nullable: false),
                    CodeService = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: true),
                    CompteNature = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    Fonction = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    TitreId = table.Column<int>(type: "int", nullable: true)
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
                unique: true,
                filter: "[Numero] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_TitresRecette_MembreId_Exercice",
                table: "TitresRecette",
                columns: new[] { "MembreId", "Exercice" });

            migrationBuilder.CreateIndex(
                name: "IX_TitresRecette_TitreOrigineId",
                table: "TitresRecette",
                column: "TitreOrigineId");

            // Issued titres are immutable at the database too (ADR 0016).
            foreach (var declencheur in Titres.DeclencheursTitres.SqlServer)
            {
                migrationBuilder.Sql(declencheur);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Titres.DeclencheursTitres.SqlServerRetrait);

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
