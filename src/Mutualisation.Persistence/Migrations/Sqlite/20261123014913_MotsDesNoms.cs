using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mutualisation.Persistence.Migrations.Sqlite
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
                    Mot = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    MembreId = table.Column<int>(type: "INTEGER", nullable: false)
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
                WITH RECURSIVE decoupe("MembreId", "Mot", "Reste") AS (
                    SELECT "Id", '', "NomRecherche" || ' ' FROM "Membres"
                    UNION ALL
                    SELECT "MembreId", substr("Reste", 1, instr("Reste", ' ') - 1), substr("Reste", instr("Reste", ' ') + 1)
                    FROM decoupe WHERE "Reste" <> ''
                )
                INSERT INTO "MotsMembres" ("MembreId", "Mot")
                SELECT DISTINCT "MembreId", "Mot" FROM decoupe WHERE "Mot" <> '';
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
