using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mutualisation.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class FichesProjet : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "FichesProjet",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    MembreId = table.Column<int>(type: "int", nullable: false),
                    Titre = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Etat = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Contenu_DirectionPilote = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Contenu_Type = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    Contenu_Diffusion = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    Contenu_Redacteur = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Contenu_Validation = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Contenu_Origine = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    Contenu_Demandeur = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Contenu_Enjeux = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    Contenu_Nature = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: true),
                    Contenu_ProjetsConnexes = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    Contenu_Description = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    Contenu_PeriodeSouhaitee = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Contenu_EtapesInitiales = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    Contenu_CoutInformatique = table.Column<long>(type: "bigint", nullable: true),
                    Contenu_CoutOrganisation = table.Column<long>(type: "bigint", nullable: true),
                    Contenu_CoutFormation = table.Column<long>(type: "bigint", nullable: true),
                    Contenu_DepensesAssociees = table.Column<long>(type: "bigint", nullable: true),
                    Contenu_FinancementExterieur = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    Contenu_MontantFinancementExterieur = table.Column<long>(type: "bigint", nullable: true),
                    Contenu_ObjectifsUsagers = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    Contenu_ObjectifsDirection = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    Contenu_ObjectifsUtilisateurs = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    Contenu_ContraintesOrganisationnelles = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    Contenu_ContraintesCompetences = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    Contenu_ContraintesExterieures = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    Contenu_ConditionsReussite = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    Contenu_Incertitudes = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    Contenu_IndicateursSuivi = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    CreeLe = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    DeposeeLe = table.Column<DateOnly>(type: "date", nullable: true),
                    Numero = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    CouvertParExistant = table.Column<bool>(type: "bit", nullable: true),
                    DureeEstimeeMois = table.Column<int>(type: "int", nullable: true),
                    AvisDsi = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    SeanceCopilId = table.Column<int>(type: "int", nullable: true),
                    Decision = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    DecideeLe = table.Column<DateOnly>(type: "date", nullable: true),
                    Motivation = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    AnneeSchemaDirecteur = table.Column<int>(type: "int", nullable: true),
                    Mutualisable = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FichesProjet", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FichesProjet_Membres_MembreId",
                        column: x => x.MembreId,
                        principalTable: "Membres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EvenementsFichesProjet",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Horodatage = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Libelle = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    EtatAvant = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    EtatApres = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    UtilisateurId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    UtilisateurNom = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Detail = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    VisibleParLaCommune = table.Column<bool>(type: "bit", nullable: false),
                    FicheId = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvenementsFichesProjet", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EvenementsFichesProjet_FichesProjet_FicheId",
                        column: x => x.FicheId,
                        principalTable: "FichesProjet",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LiensFichesProjet",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    AutreFicheId = table.Column<int>(type: "int", nullable: false),
                    Score = table.Column<double>(type: "float", nullable: true),
                    Statut = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    SuggereLe = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    QualifieLe = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    QualifieParNom = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    FicheId = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LiensFichesProjet", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LiensFichesProjet_FichesProjet_FicheId",
                        column: x => x.FicheId,
                        principalTable: "FichesProjet",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "VersionsFichesProjet",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Numero = table.Column<int>(type: "int", nullable: false),
                    Titre = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Contenu_DirectionPilote = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Contenu_Type = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    Contenu_Diffusion = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    Contenu_Redacteur = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Contenu_Validation = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Contenu_Origine = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    Contenu_Demandeur = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Contenu_Enjeux = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    Contenu_Nature = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: true),
                    Contenu_ProjetsConnexes = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    Contenu_Description = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    Contenu_PeriodeSouhaitee = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Contenu_EtapesInitiales = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    Contenu_CoutInformatique = table.Column<long>(type: "bigint", nullable: true),
                    Contenu_CoutOrganisation = table.Column<long>(type: "bigint", nullable: true),
                    Contenu_CoutFormation = table.Column<long>(type: "bigint", nullable: true),
                    Contenu_DepensesAssociees = table.Column<long>(type: "bigint", nullable: true),
                    Contenu_FinancementExterieur = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    Contenu_MontantFinancementExterieur = table.Column<long>(type: "bigint", nullable: true),
                    Contenu_ObjectifsUsagers = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    Contenu_ObjectifsDirection = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    Contenu_ObjectifsUtilisateurs = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    Contenu_ContraintesOrganisationnelles = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    Contenu_ContraintesCompetences = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    Contenu_ContraintesExterieures = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    Contenu_ConditionsReussite = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    Contenu_Incertitudes = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    Contenu_IndicateursSuivi = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    Horodatage = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UtilisateurId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    UtilisateurNom = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Commentaire = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    FicheId = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VersionsFichesProjet", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VersionsFichesProjet_FichesProjet_FicheId",
                        column: x => x.FicheId,
                        principalTable: "FichesProjet",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EvenementsFichesProjet_FicheId",
                table: "EvenementsFichesProjet",
                column: "FicheId");

            migrationBuilder.CreateIndex(
                name: "IX_FichesProjet_Etat_Mutualisable",
                table: "FichesProjet",
                columns: new[] { "Etat", "Mutualisable" });

            migrationBuilder.CreateIndex(
                name: "IX_FichesProjet_MembreId_Etat",
                table: "FichesProjet",
                columns: new[] { "MembreId", "Etat" });

            migrationBuilder.CreateIndex(
                name: "IX_FichesProjet_Numero",
                table: "FichesProjet",
                column: "Numero",
                unique: true,
                filter: "[Numero] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_LiensFichesProjet_AutreFicheId",
                table: "LiensFichesProjet",
                column: "AutreFicheId");

            migrationBuilder.CreateIndex(
                name: "IX_LiensFichesProjet_FicheId_AutreFicheId",
                table: "LiensFichesProjet",
                columns: new[] { "FicheId", "AutreFicheId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_VersionsFichesProjet_FicheId_Numero",
                table: "VersionsFichesProjet",
                columns: new[] { "FicheId", "Numero" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EvenementsFichesProjet");

            migrationBuilder.DropTable(
                name: "LiensFichesProjet");

            migrationBuilder.DropTable(
                name: "VersionsFichesProjet");

            migrationBuilder.DropTable(
                name: "FichesProjet");
        }
    }
}
