using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mutualisation.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Conventions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Conventions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    MembreId = table.Column<int>(type: "int", nullable: false),
                    Modele = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    Statut = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    DeliberationMembreNumero = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true),
                    DeliberationMembreDate = table.Column<DateOnly>(type: "date", nullable: true),
                    DeliberationMembreOrgane = table.Column<string>(type: "nvarchar(150)", maxLength: 150, nullable: true),
                    DeliberationEpciNumero = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true),
                    DeliberationEpciDate = table.Column<DateOnly>(type: "date", nullable: true),
                    DeliberationEpciOrgane = table.Column<string>(type: "nvarchar(150)", maxLength: 150, nullable: true),
                    DateSignatureMembre = table.Column<DateOnly>(type: "date", nullable: true),
                    DateSignatureEpci = table.Column<DateOnly>(type: "date", nullable: true),
                    DatePvMiseEnService = table.Column<DateOnly>(type: "date", nullable: true),
                    ControleLegaliteIdentifiant = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: true),
                    ControleLegaliteDate = table.Column<DateOnly>(type: "date", nullable: true),
                    DateEffet = table.Column<DateOnly>(type: "date", nullable: true),
                    DateDenonciation = table.Column<DateOnly>(type: "date", nullable: true),
                    ReferenceDenonciation = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    DenonceePar = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    DateSortieConvenue = table.Column<DateOnly>(type: "date", nullable: true),
                    ReferenceAccordSortie = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    DateSortie = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Conventions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Conventions_Membres_MembreId",
                        column: x => x.MembreId,
                        principalTable: "Membres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AvenantsConventions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Numero = table.Column<int>(type: "int", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Objet = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    ConventionId = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AvenantsConventions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AvenantsConventions_Conventions_ConventionId",
                        column: x => x.ConventionId,
                        principalTable: "Conventions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DocumentsConventions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ConventionId = table.Column<int>(type: "int", nullable: false),
                    MembreId = table.Column<int>(type: "int", nullable: false),
                    Nature = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    Titre = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    AvenantNumero = table.Column<int>(type: "int", nullable: true),
                    NomFichier = table.Column<string>(type: "nvarchar(255)", maxLength: 255, nullable: false),
                    TypeContenu = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Taille = table.Column<int>(type: "int", nullable: false),
                    Contenu = table.Column<byte[]>(type: "varbinary(max)", nullable: false),
                    DeposeLe = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    DeposePar = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DocumentsConventions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DocumentsConventions_Conventions_ConventionId",
                        column: x => x.ConventionId,
                        principalTable: "Conventions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EvenementsConventions",
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
                    ConventionId = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvenementsConventions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EvenementsConventions_Conventions_ConventionId",
                        column: x => x.ConventionId,
                        principalTable: "Conventions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AvenantsConventions_ConventionId_Numero",
                table: "AvenantsConventions",
                columns: new[] { "ConventionId", "Numero" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Conventions_MembreId_Modele",
                table: "Conventions",
                columns: new[] { "MembreId", "Modele" });

            migrationBuilder.CreateIndex(
                name: "IX_Conventions_Statut",
                table: "Conventions",
                column: "Statut");

            migrationBuilder.CreateIndex(
                name: "IX_DocumentsConventions_ConventionId",
                table: "DocumentsConventions",
                column: "ConventionId");

            migrationBuilder.CreateIndex(
                name: "IX_DocumentsConventions_MembreId",
                table: "DocumentsConventions",
                column: "MembreId");

            migrationBuilder.CreateIndex(
                name: "IX_EvenementsConventions_ConventionId",
                table: "EvenementsConventions",
                column: "ConventionId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AvenantsConventions");

            migrationBuilder.DropTable(
                name: "DocumentsConventions");

            migrationBuilder.DropTable(
                name: "EvenementsConventions");

            migrationBuilder.DropTable(
                name: "Conventions");
        }
    }
}
