using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Mutualisation.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class FichesProjetCopilEchangesEtPes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PesCodBud",
                table: "ParametresEmetteur",
                type: "character varying(2)",
                maxLength: 2,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PesCodCol",
                table: "ParametresEmetteur",
                type: "character varying(3)",
                maxLength: 3,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PesEdition",
                table: "ParametresEmetteur",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "EditeParLaDgfip");

            migrationBuilder.AddColumn<string>(
                name: "PesIdColl",
                table: "ParametresEmetteur",
                type: "character varying(14)",
                maxLength: 14,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PesIdPost",
                table: "ParametresEmetteur",
                type: "character varying(7)",
                maxLength: 7,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PesLibelleBudget",
                table: "ParametresEmetteur",
                type: "character varying(38)",
                maxLength: 38,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PesLogicielEditeur",
                table: "ParametresEmetteur",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PesLogicielNom",
                table: "ParametresEmetteur",
                type: "character varying(38)",
                maxLength: 38,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CodeProduitLocal",
                table: "ImputationsServices",
                type: "character varying(4)",
                maxLength: 4,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CourrielsEnAttente",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Destinataire = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    Sujet = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Corps = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    FicheId = table.Column<int>(type: "integer", nullable: true),
                    Etat = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Tentatives = table.Column<int>(type: "integer", nullable: false),
                    CreeLe = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ProchaineTentative = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    EnvoyeLe = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DerniereErreur = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CourrielsEnAttente", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "EchangesFichesProjet",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FicheId = table.Column<int>(type: "integer", nullable: false),
                    MembreId = table.Column<int>(type: "integer", nullable: false),
                    Genre = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Texte = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    ParLaDsi = table.Column<bool>(type: "boolean", nullable: false),
                    UtilisateurId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    UtilisateurNom = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Horodatage = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EchangesFichesProjet", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EchangesFichesProjet_FichesProjet_FicheId",
                        column: x => x.FicheId,
                        principalTable: "FichesProjet",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ExportsPes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    BordereauId = table.Column<int>(type: "integer", nullable: false),
                    NomFichier = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Taille = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    NombreTitres = table.Column<int>(type: "integer", nullable: false),
                    ProduitLe = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ProduitParId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    ProduitParNom = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExportsPes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExportsPes_Bordereaux_BordereauId",
                        column: x => x.BordereauId,
                        principalTable: "Bordereaux",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "NotificationsFichesProjet",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UtilisateurId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    FicheId = table.Column<int>(type: "integer", nullable: false),
                    Texte = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    CreeLe = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LueLe = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NotificationsFichesProjet", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SeancesCopil",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Libelle = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Participants = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CreeLe = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ClotureeLe = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SeancesCopil", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PiecesFichesProjet",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FicheId = table.Column<int>(type: "integer", nullable: false),
                    MembreId = table.Column<int>(type: "integer", nullable: false),
                    EchangeId = table.Column<int>(type: "integer", nullable: true),
                    PriveeDsi = table.Column<bool>(type: "boolean", nullable: false),
                    NomFichier = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    TypeContenu = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Taille = table.Column<int>(type: "integer", nullable: false),
                    Contenu = table.Column<byte[]>(type: "bytea", nullable: false),
                    UtilisateurId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    UtilisateurNom = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DeposeeLe = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PiecesFichesProjet", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PiecesFichesProjet_EchangesFichesProjet_EchangeId",
                        column: x => x.EchangeId,
                        principalTable: "EchangesFichesProjet",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PiecesFichesProjet_FichesProjet_FicheId",
                        column: x => x.FicheId,
                        principalTable: "FichesProjet",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "BordereauxPes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ExportPesId = table.Column<int>(type: "integer", nullable: false),
                    Exercice = table.Column<int>(type: "integer", nullable: false),
                    Budget = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    TypBord = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    IdBord = table.Column<int>(type: "integer", nullable: false),
                    NombrePieces = table.Column<int>(type: "integer", nullable: false),
                    MontantHt = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BordereauxPes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BordereauxPes_ExportsPes_ExportPesId",
                        column: x => x.ExportPesId,
                        principalTable: "ExportsPes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MorceauxExportsPes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ExportPesId = table.Column<int>(type: "integer", nullable: false),
                    Ordre = table.Column<int>(type: "integer", nullable: false),
                    Contenu = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MorceauxExportsPes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MorceauxExportsPes_ExportsPes_ExportPesId",
                        column: x => x.ExportPesId,
                        principalTable: "ExportsPes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EvenementsSeancesCopil",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Horodatage = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Libelle = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Fiche = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    UtilisateurId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    UtilisateurNom = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SeanceId = table.Column<int>(type: "integer", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FicheId = table.Column<int>(type: "integer", nullable: false),
                    FicheNumero = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Ordre = table.Column<int>(type: "integer", nullable: false),
                    Decision = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Motivation = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    AnneeSchemaDirecteur = table.Column<int>(type: "integer", nullable: true),
                    DecideLe = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SeanceId = table.Column<int>(type: "integer", nullable: false)
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
                name: "IX_BordereauxPes_Exercice_Budget_TypBord_IdBord",
                table: "BordereauxPes",
                columns: new[] { "Exercice", "Budget", "TypBord", "IdBord" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BordereauxPes_ExportPesId",
                table: "BordereauxPes",
                column: "ExportPesId");

            migrationBuilder.CreateIndex(
                name: "IX_CourrielsEnAttente_Etat_ProchaineTentative",
                table: "CourrielsEnAttente",
                columns: new[] { "Etat", "ProchaineTentative" });

            migrationBuilder.CreateIndex(
                name: "IX_CourrielsEnAttente_FicheId",
                table: "CourrielsEnAttente",
                column: "FicheId");

            migrationBuilder.CreateIndex(
                name: "IX_EchangesFichesProjet_FicheId_Genre_Id",
                table: "EchangesFichesProjet",
                columns: new[] { "FicheId", "Genre", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_EchangesFichesProjet_MembreId",
                table: "EchangesFichesProjet",
                column: "MembreId");

            migrationBuilder.CreateIndex(
                name: "IX_EvenementsSeancesCopil_SeanceId",
                table: "EvenementsSeancesCopil",
                column: "SeanceId");

            migrationBuilder.CreateIndex(
                name: "IX_ExportsPes_BordereauId",
                table: "ExportsPes",
                column: "BordereauId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MorceauxExportsPes_ExportPesId_Ordre",
                table: "MorceauxExportsPes",
                columns: new[] { "ExportPesId", "Ordre" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_NotificationsFichesProjet_FicheId",
                table: "NotificationsFichesProjet",
                column: "FicheId");

            migrationBuilder.CreateIndex(
                name: "IX_NotificationsFichesProjet_UtilisateurId_Id",
                table: "NotificationsFichesProjet",
                columns: new[] { "UtilisateurId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_NotificationsFichesProjet_UtilisateurId_LueLe",
                table: "NotificationsFichesProjet",
                columns: new[] { "UtilisateurId", "LueLe" });

            migrationBuilder.CreateIndex(
                name: "IX_PiecesFichesProjet_EchangeId",
                table: "PiecesFichesProjet",
                column: "EchangeId");

            migrationBuilder.CreateIndex(
                name: "IX_PiecesFichesProjet_FicheId_Id",
                table: "PiecesFichesProjet",
                columns: new[] { "FicheId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_PiecesFichesProjet_MembreId",
                table: "PiecesFichesProjet",
                column: "MembreId");

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
                name: "BordereauxPes");

            migrationBuilder.DropTable(
                name: "CourrielsEnAttente");

            migrationBuilder.DropTable(
                name: "EvenementsSeancesCopil");

            migrationBuilder.DropTable(
                name: "MorceauxExportsPes");

            migrationBuilder.DropTable(
                name: "NotificationsFichesProjet");

            migrationBuilder.DropTable(
                name: "PiecesFichesProjet");

            migrationBuilder.DropTable(
                name: "PointsSeancesCopil");

            migrationBuilder.DropTable(
                name: "ExportsPes");

            migrationBuilder.DropTable(
                name: "EchangesFichesProjet");

            migrationBuilder.DropTable(
                name: "SeancesCopil");

            migrationBuilder.DropIndex(
                name: "IX_FichesProjet_SeanceCopilId",
                table: "FichesProjet");

            migrationBuilder.DropColumn(
                name: "PesCodBud",
                table: "ParametresEmetteur");

            migrationBuilder.DropColumn(
                name: "PesCodCol",
                table: "ParametresEmetteur");

            migrationBuilder.DropColumn(
                name: "PesEdition",
                table: "ParametresEmetteur");

            migrationBuilder.DropColumn(
                name: "PesIdColl",
                table: "ParametresEmetteur");

            migrationBuilder.DropColumn(
                name: "PesIdPost",
                table: "ParametresEmetteur");

            migrationBuilder.DropColumn(
                name: "PesLibelleBudget",
                table: "ParametresEmetteur");

            migrationBuilder.DropColumn(
                name: "PesLogicielEditeur",
                table: "ParametresEmetteur");

            migrationBuilder.DropColumn(
                name: "PesLogicielNom",
                table: "ParametresEmetteur");

            migrationBuilder.DropColumn(
                name: "CodeProduitLocal",
                table: "ImputationsServices");
        }
    }
}
