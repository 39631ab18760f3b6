using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Mutualisation.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ExportPesV2 : Migration
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
                defaultValue: "");

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
                name: "IX_ExportsPes_BordereauId",
                table: "ExportsPes",
                column: "BordereauId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MorceauxExportsPes_ExportPesId_Ordre",
                table: "MorceauxExportsPes",
                columns: new[] { "ExportPesId", "Ordre" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BordereauxPes");

            migrationBuilder.DropTable(
                name: "MorceauxExportsPes");

            migrationBuilder.DropTable(
                name: "ExportsPes");

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
