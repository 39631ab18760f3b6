using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Mutualisation.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TravauxDeFond : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "TravauxDeFond",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Genre = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Libelle = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Parametres = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    Etat = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Fait = table.Column<int>(type: "integer", nullable: false),
                    Total = table.Column<int>(type: "integer", nullable: true),
                    Message = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    CreeParId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    CreeParNom = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    CreeLe = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DemarreLe = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    TermineLe = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Pouls = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Executant = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TravauxDeFond", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_TravauxDeFond_CreeParId",
                table: "TravauxDeFond",
                column: "CreeParId");

            migrationBuilder.CreateIndex(
                name: "IX_TravauxDeFond_Etat_Id",
                table: "TravauxDeFond",
                columns: new[] { "Etat", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "TravauxDeFond");
        }
    }
}
