using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mutualisation.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Adhesions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Adhesions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    MembreId = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Adhesions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Adhesions_Membres_MembreId",
                        column: x => x.MembreId,
                        principalTable: "Membres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ChoixAdhesions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    CodeFormule = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    LibelleFormule = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    DateEffet = table.Column<DateOnly>(type: "date", nullable: false),
                    DateFin = table.Column<DateOnly>(type: "date", nullable: true),
                    ActeNature = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    ActeNumero = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    ActeDate = table.Column<DateOnly>(type: "date", nullable: false),
                    EnregistreLe = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    EnregistrePar = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    AdhesionId = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChoixAdhesions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChoixAdhesions_Adhesions_AdhesionId",
                        column: x => x.AdhesionId,
                        principalTable: "Adhesions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SouscriptionsServices",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    CodeService = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    LibelleService = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Debut = table.Column<DateOnly>(type: "date", nullable: false),
                    Fin = table.Column<DateOnly>(type: "date", nullable: true),
                    ActeNature = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    ActeNumero = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    ActeDate = table.Column<DateOnly>(type: "date", nullable: false),
                    ActeFinNumero = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true),
                    ActeFinDate = table.Column<DateOnly>(type: "date", nullable: true),
                    EnregistreLe = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    EnregistrePar = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    AdhesionId = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SouscriptionsServices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SouscriptionsServices_Adhesions_AdhesionId",
                        column: x => x.AdhesionId,
                        principalTable: "Adhesions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "QuantitesSouscrites",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Code = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    Depuis = table.Column<DateOnly>(type: "date", nullable: false),
                    Valeur = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: false),
                    EnregistreLe = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    EnregistrePar = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    SouscriptionId = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QuantitesSouscrites", x => x.Id);
                    table.ForeignKey(
                        name: "FK_QuantitesSouscrites_SouscriptionsServices_SouscriptionId",
                        column: x => x.SouscriptionId,
                        principalTable: "SouscriptionsServices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Adhesions_MembreId",
                table: "Adhesions",
                column: "MembreId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ChoixAdhesions_AdhesionId",
                table: "ChoixAdhesions",
                column: "AdhesionId");

            migrationBuilder.CreateIndex(
                name: "IX_QuantitesSouscrites_SouscriptionId",
                table: "QuantitesSouscrites",
                column: "SouscriptionId");

            migrationBuilder.CreateIndex(
                name: "IX_SouscriptionsServices_AdhesionId",
                table: "SouscriptionsServices",
                column: "AdhesionId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ChoixAdhesions");

            migrationBuilder.DropTable(
                name: "QuantitesSouscrites");

            migrationBuilder.DropTable(
                name: "SouscriptionsServices");

            migrationBuilder.DropTable(
                name: "Adhesions");
        }
    }
}
