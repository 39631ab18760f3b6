using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mutualisation.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CatalogueTarifaire : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "VersionsCatalogue",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Exercice = table.Column<int>(type: "INTEGER", nullable: false),
                    Statut = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Population = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Intitule = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DeliberationNumero = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    DeliberationLe = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EnVigueurLe = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    VoteEnCoursDAnnee = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VersionsCatalogue", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AnnexesCatalogue",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    VersionCatalogueId = table.Column<int>(type: "INTEGER", nullable: false),
                    Titre = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NomFichier = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    TypeContenu = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Taille = table.Column<int>(type: "INTEGER", nullable: false),
                    Contenu = table.Column<byte[]>(type: "BLOB", nullable: false),
                    DeposeeLe = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AnnexesCatalogue", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AnnexesCatalogue_VersionsCatalogue_VersionCatalogueId",
                        column: x => x.VersionCatalogueId,
                        principalTable: "VersionsCatalogue",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FormulesCatalogue",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    VersionCatalogueId = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Libelle = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CodesServices = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FormulesCatalogue", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FormulesCatalogue_VersionsCatalogue_VersionCatalogueId",
                        column: x => x.VersionCatalogueId,
                        principalTable: "VersionsCatalogue",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ServicesCatalogue",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    VersionCatalogueId = table.Column<int>(type: "INTEGER", nullable: false),
                    Ordre = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Libelle = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Famille = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Annexes = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    ExonereSiAbonneA = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    MotifExoneration = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ExamenPopulationMaximale = table.Column<int>(type: "INTEGER", nullable: true),
                    ExamenSiServiceInformatiquePropre = table.Column<bool>(type: "INTEGER", nullable: false),
                    DeductionCodeService = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    DeductionDelaiMois = table.Column<int>(type: "INTEGER", nullable: true),
                    DeductionReference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServicesCatalogue", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ServicesCatalogue_VersionsCatalogue_VersionCatalogueId",
                        column: x => x.VersionCatalogueId,
                        principalTable: "VersionsCatalogue",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ComposantesTarif",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ServiceCatalogueId = table.Column<int>(type: "INTEGER", nullable: false),
                    Ordre = table.Column<int>(type: "INTEGER", nullable: false),
                    Libelle = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Nature = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Frequence = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Prorata = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Quantite = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    QuantiteTranche = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Unite = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Taux = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    Montant = table.Column<long>(type: "INTEGER", nullable: false),
                    MontantPremiereAnnee = table.Column<long>(type: "INTEGER", nullable: true),
                    Plancher = table.Column<long>(type: "INTEGER", nullable: true),
                    Plafond = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ComposantesTarif", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ComposantesTarif_ServicesCatalogue_ServiceCatalogueId",
                        column: x => x.ServiceCatalogueId,
                        principalTable: "ServicesCatalogue",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TranchesTarif",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ComposanteTarifId = table.Column<int>(type: "INTEGER", nullable: false),
                    Ordre = table.Column<int>(type: "INTEGER", nullable: false),
                    Libelle = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Minimum = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    MaximumExclu = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    Montant = table.Column<long>(type: "INTEGER", nullable: false),
                    MontantPremiereAnnee = table.Column<long>(type: "INTEGER", nullable: true),
                    Taux = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TranchesTarif", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TranchesTarif_ComposantesTarif_ComposanteTarifId",
                        column: x => x.ComposanteTarifId,
                        principalTable: "ComposantesTarif",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AnnexesCatalogue_VersionCatalogueId",
                table: "AnnexesCatalogue",
                column: "VersionCatalogueId");

            migrationBuilder.CreateIndex(
                name: "IX_ComposantesTarif_ServiceCatalogueId",
                table: "ComposantesTarif",
                column: "ServiceCatalogueId");

            migrationBuilder.CreateIndex(
                name: "IX_FormulesCatalogue_VersionCatalogueId",
                table: "FormulesCatalogue",
                column: "VersionCatalogueId");

            migrationBuilder.CreateIndex(
                name: "IX_ServicesCatalogue_VersionCatalogueId_Code",
                table: "ServicesCatalogue",
                columns: new[] { "VersionCatalogueId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TranchesTarif_ComposanteTarifId",
                table: "TranchesTarif",
                column: "ComposanteTarifId");

            migrationBuilder.CreateIndex(
                name: "IX_VersionsCatalogue_Exercice",
                table: "VersionsCatalogue",
                column: "Exercice");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AnnexesCatalogue");

            migrationBuilder.DropTable(
                name: "FormulesCatalogue");

            migrationBuilder.DropTable(
                name: "TranchesTarif");

            migrationBuilder.DropTable(
                name: "ComposantesTarif");

            migrationBuilder.DropTable(
                name: "ServicesCatalogue");

            migrationBuilder.DropTable(
                name: "VersionsCatalogue");
        }
    }
}
