using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Mutualisation.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class QuantitesDeclarees : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "QuantitesCatalogue",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    VersionCatalogueId = table.Column<int>(type: "integer", nullable: false),
                    Ordre = table.Column<int>(type: "integer", nullable: false),
                    Code = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Libelle = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    UniteSingulier = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    UnitePluriel = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QuantitesCatalogue", x => x.Id);
                    table.ForeignKey(
                        name: "FK_QuantitesCatalogue_VersionsCatalogue_VersionCatalogueId",
                        column: x => x.VersionCatalogueId,
                        principalTable: "VersionsCatalogue",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "QuantitesMembres",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MembreId = table.Column<int>(type: "integer", nullable: false),
                    Code = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Depuis = table.Column<DateOnly>(type: "date", nullable: false),
                    Valeur = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    Source = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QuantitesMembres", x => x.Id);
                    table.ForeignKey(
                        name: "FK_QuantitesMembres_Membres_MembreId",
                        column: x => x.MembreId,
                        principalTable: "Membres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_QuantitesCatalogue_VersionCatalogueId_Code",
                table: "QuantitesCatalogue",
                columns: new[] { "VersionCatalogueId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_QuantitesMembres_MembreId_Code_Depuis",
                table: "QuantitesMembres",
                columns: new[] { "MembreId", "Code", "Depuis" },
                unique: true);

            // Existing versions: declare every quantity their components already price on (labelled by its code).
            migrationBuilder.Sql("""
                INSERT INTO "QuantitesCatalogue" ("VersionCatalogueId", "Ordre", "Code", "Libelle", "UniteSingulier", "UnitePluriel", "Type")
                SELECT s."VersionCatalogueId", 1, u."Code", u."Code", MAX(u."Unite"), MAX(u."Unite"), 'Decimale'
                FROM (SELECT "ServiceCatalogueId", "Quantite" AS "Code", "Unite" FROM "ComposantesTarif"
                      UNION ALL
                      SELECT "ServiceCatalogueId", "QuantiteTranche", "Unite" FROM "ComposantesTarif" WHERE "QuantiteTranche" IS NOT NULL) u
                JOIN "ServicesCatalogue" s ON s."Id" = u."ServiceCatalogueId"
                WHERE u."Code" <> 'population'
                GROUP BY s."VersionCatalogueId", u."Code"
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "QuantitesCatalogue");

            migrationBuilder.DropTable(
                name: "QuantitesMembres");
        }
    }
}
