using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mutualisation.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PiecesJustificatives : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "AuditId",
                table: "TitresRecette",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "PiecesJustificatives",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TitreId = table.Column<int>(type: "INTEGER", nullable: false),
                    MembreId = table.Column<int>(type: "INTEGER", nullable: false),
                    Fournisseur = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NumeroFacture = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    DateFacture = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PayeeLe = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Montant = table.Column<long>(type: "INTEGER", nullable: false),
                    NomFichier = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TypeContenu = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Taille = table.Column<int>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    Contenu = table.Column<byte[]>(type: "BLOB", nullable: false),
                    DeposeLe = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    DeposeParNom = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PiecesJustificatives", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PiecesJustificatives_Membres_MembreId",
                        column: x => x.MembreId,
                        principalTable: "Membres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PiecesJustificatives_TitresRecette_TitreId",
                        column: x => x.TitreId,
                        principalTable: "TitresRecette",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_TitresRecette_AuditId",
                table: "TitresRecette",
                column: "AuditId");

            migrationBuilder.CreateIndex(
                name: "IX_PiecesJustificatives_MembreId",
                table: "PiecesJustificatives",
                column: "MembreId");

            migrationBuilder.CreateIndex(
                name: "IX_PiecesJustificatives_TitreId",
                table: "PiecesJustificatives",
                column: "TitreId");

            // Immutable with their titre once it is issued (keep this call when the migration is regenerated).
            migrationBuilder.Sql(Titres.DeclencheursTitres.SqlitePieces);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Titres.DeclencheursTitres.SqlitePiecesRetrait);

            migrationBuilder.DropTable(
                name: "PiecesJustificatives");

            migrationBuilder.DropIndex(
                name: "IX_TitresRecette_AuditId",
                table: "TitresRecette");

            migrationBuilder.DropColumn(
                name: "AuditId",
                table: "TitresRecette");
        }
    }
}
