using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Mutualisation.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class EchangesFichesProjet : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CourrielsEnAttente");

            migrationBuilder.DropTable(
                name: "NotificationsFichesProjet");

            migrationBuilder.DropTable(
                name: "PiecesFichesProjet");

            migrationBuilder.DropTable(
                name: "EchangesFichesProjet");
        }
    }
}
