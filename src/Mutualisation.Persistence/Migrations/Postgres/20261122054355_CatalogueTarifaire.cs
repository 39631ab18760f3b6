using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Mutualisation.Persistence.Migrations.Postgres
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Exercice = table.Column<int>(type: "integer", nullable: false),
                    Statut = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Population = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Intitule = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    DeliberationNumero = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    DeliberationLe = table.Column<DateOnly>(type: "date", nullable: true),
                    EnVigueurLe = table.Column<DateOnly>(type: "date", nullable: true),
                    VoteEnCoursDAnnee = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VersionsCatalogue", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AnnexesCatalogue",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    VersionCatalogueId = table.Column<int>(type: "integer", nullable: false),
                    Titre = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    NomFichier = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    TypeContenu = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Taille = table.Column<int>(type: "integer", nullable: false),
                    Contenu = table.Column<byte[]>(type: "bytea", nullable: false),
                    DeposeeLe = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    VersionCatalogueId = table.Column<int>(type: "integer", nullable: false),
                    Code = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Libelle = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CodesServices = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    VersionCatalogueId = table.Column<int>(type: "integer", nullable: false),
                    Ordre = table.Column<int>(type: "integer", nullable: false),
                    Code = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Libelle = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Famille = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Annexes = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    ExonereSiAbonneA = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    MotifExoneration = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ExamenPopulationMaximale = table.Column<int>(type: "integer", nullable: true),
                    ExamenSiServiceInformatiquePropre = table.Column<bool>(type: "boolean", nullable: false),
                    DeductionCodeService = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    DeductionDelaiMois = table.Column<int>(type: "integer", nullable: true),
                    DeductionReference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ServiceCatalogueId = table.Column<int>(type: "integer", nullable: false),
                    Ordre = table.Column<int>(type: "integer", nullable: false),
                    Libelle = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Nature = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Frequence = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Prorata = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Quantite = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    QuantiteTranche = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Unite = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Taux = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    Montant = table.Column<long>(type: "bigint", nullable: false),
                    MontantPremiereAnnee = table.Column<long>(type: "bigint", nullable: true),
                    Plancher = table.Column<long>(type: "bigint", nullable: true),
                    Plafond = table.Column<long>(type: "bigint", nullable: true)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ComposanteTarifId = table.Column<int>(type: "integer", nullable: false),
                    Ordre = table.Column<int>(type: "integer", nullable: false),
                    Libelle = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Minimum = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    MaximumExclu = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    Montant = table.Column<long>(type: "bigint", nullable: false),
                    MontantPremiereAnnee = table.Column<long>(type: "bigint", nullable: true),
                    Taux = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false)
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
