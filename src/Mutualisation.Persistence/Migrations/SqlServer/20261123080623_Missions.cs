using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mutualisation.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Missions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "LettresDeMission",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    MembreId = table.Column<int>(type: "int", nullable: false),
                    Statut = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Objet = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    EnjeuxEtRisques = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    DateDebut = table.Column<DateOnly>(type: "date", nullable: false),
                    DateFinPrevue = table.Column<DateOnly>(type: "date", nullable: false),
                    JoursPrevus = table.Column<decimal>(type: "decimal(7,1)", precision: 7, scale: 1, nullable: false),
                    ContactDsiCourriel = table.Column<string>(type: "nvarchar(254)", maxLength: 254, nullable: true),
                    ContactDsiFonction = table.Column<string>(type: "nvarchar(150)", maxLength: 150, nullable: true),
                    ContactDsiNom = table.Column<string>(type: "nvarchar(150)", maxLength: 150, nullable: true),
                    ContactDsiTelephone = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: true),
                    ContactMembreCourriel = table.Column<string>(type: "nvarchar(254)", maxLength: 254, nullable: true),
                    ContactMembreFonction = table.Column<string>(type: "nvarchar(150)", maxLength: 150, nullable: true),
                    ContactMembreNom = table.Column<string>(type: "nvarchar(150)", maxLength: 150, nullable: true),
                    ContactMembreTelephone = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LettresDeMission", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LettresDeMission_Membres_MembreId",
                        column: x => x.MembreId,
                        principalTable: "Membres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EvenementsMissions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Horodatage = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Libelle = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    StatutAvant = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    StatutApres = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    UtilisateurId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    UtilisateurNom = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Detail = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    LettreDeMissionId = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvenementsMissions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EvenementsMissions_LettresDeMission_LettreDeMissionId",
                        column: x => x.LettreDeMissionId,
                        principalTable: "LettresDeMission",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LivrablesMissions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Ordre = table.Column<int>(type: "int", nullable: false),
                    Libelle = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    LettreDeMissionId = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LivrablesMissions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LivrablesMissions_LettresDeMission_LettreDeMissionId",
                        column: x => x.LettreDeMissionId,
                        principalTable: "LettresDeMission",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SaisiesTemps",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    DemiJournees = table.Column<int>(type: "int", nullable: false),
                    Creneau = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    HeureDebut = table.Column<TimeOnly>(type: "time", nullable: true),
                    HeureFin = table.Column<TimeOnly>(type: "time", nullable: true),
                    Commentaire = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    AgentId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    AgentNom = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    HorsPlages = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    SaisieLe = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    LettreDeMissionId = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SaisiesTemps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SaisiesTemps_LettresDeMission_LettreDeMissionId",
                        column: x => x.LettreDeMissionId,
                        principalTable: "LettresDeMission",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EvenementsMissions_LettreDeMissionId",
                table: "EvenementsMissions",
                column: "LettreDeMissionId");

            migrationBuilder.CreateIndex(
                name: "IX_LettresDeMission_MembreId_Statut",
                table: "LettresDeMission",
                columns: new[] { "MembreId", "Statut" });

            migrationBuilder.CreateIndex(
                name: "IX_LivrablesMissions_LettreDeMissionId",
                table: "LivrablesMissions",
                column: "LettreDeMissionId");

            migrationBuilder.CreateIndex(
                name: "IX_SaisiesTemps_Date",
                table: "SaisiesTemps",
                column: "Date");

            migrationBuilder.CreateIndex(
                name: "IX_SaisiesTemps_LettreDeMissionId",
                table: "SaisiesTemps",
                column: "LettreDeMissionId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EvenementsMissions");

            migrationBuilder.DropTable(
                name: "LivrablesMissions");

            migrationBuilder.DropTable(
                name: "SaisiesTemps");

            migrationBuilder.DropTable(
                name: "LettresDeMission");
        }
    }
}
