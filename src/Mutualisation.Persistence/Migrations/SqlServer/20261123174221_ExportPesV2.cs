using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mutualisation.Persistence.Migrations.SqlServer
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
                type: "nvarchar(2)",
                maxLength: 2,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PesCodCol",
                table: "ParametresEmetteur",
                type: "nvarchar(3)",
                maxLength: 3,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PesEdition",
                table: "ParametresEmetteur",
                type: "nvarchar(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "PesIdColl",
                table: "ParametresEmetteur",
                type: "nvarchar(14)",
                maxLength: 14,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PesIdPost",
                table: "ParametresEmetteur",
                type: "nvarchar(7)",
                maxLength: 7,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PesLibelleBudget",
                table: "ParametresEmetteur",
                type: "nvarchar(38)",
                maxLength: 38,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PesLogicielEditeur",
                table: "ParametresEmetteur",
                type: "nvarchar(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PesLogicielNom",
                table: "ParametresEmetteur",
                type: "nvarchar(38)",
                maxLength: 38,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CodeProduitLocal",
                table: "ImputationsServices",
                type: "nvarchar(4)",
                maxLength: 4,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ExportsPes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    BordereauId = table.Column<int>(type: "int", nullable: false),
                    NomFichier = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Taille = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    NombreTitres = table.Column<int>(type: "int", nullable: false),
                    ProduitLe = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ProduitParId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    ProduitParNom = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false)
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
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ExportPesId = table.Column<int>(type: "int", nullable: false),
                    Exercice = table.Column<int>(type: "int", nullable: false),
                    Budget = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    TypBord = table.Column<string>(type: "nvarchar(2)", maxLength: 2, nullable: false),
                    IdBord = table.Column<int>(type: "int", nullable: false),
                    NombrePieces = table.Column<int>(type: "int", nullable: false),
                    MontantHt = table.Column<decimal>(type: "decimal(14,2)", precision: 14, scale: 2, nullable: false)
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
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ExportPesId = table.Column<int>(type: "int", nullable: false),
                    Ordre = table.Column<int>(type: "int", nullable: false),
                    Contenu = table.Column<byte[]>(type: "varbinary(max)", nullable: false)
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
