using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mutualisation.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class MotsDesNoms : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MotsMembres",
                columns: table => new
                {
                    Mot = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    MembreId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MotsMembres", x => new { x.MembreId, x.Mot });
                    table.ForeignKey(
                        name: "FK_MotsMembres_Membres_MembreId",
                        column: x => x.MembreId,
                        principalTable: "Membres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MotsMembres_Mot_MembreId",
                table: "MotsMembres",
                columns: new[] { "Mot", "MembreId" });

            // Existing members: the words of their folded name (NomRecherche is already folded, single-spaced).
            migrationBuilder.Sql("""
                INSERT INTO "MotsMembres" ("MembreId", "Mot")
                SELECT DISTINCT m."Id", w.mot
                FROM "Membres" m, regexp_split_to_table(m."NomRecherche", ' ') AS w(mot)
                WHERE w.mot <> '';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MotsMembres");
        }
    }
}
