using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Mutualisation.Persistence.Migrations.Postgres
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
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "PiecesJustificatives",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TitreId = table.Column<int>(type: "integer", nullable: false),
                    MembreId = table.Column<int>(type: "integer", nullable: false),
                    Fournisseur = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    NumeroFacture = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    DateFacture = table.Column<DateOnly>(type: "date", nullable: false),
                    PayeeLe = table.Column<DateOnly>(type: "date", nullable: false),
                    Montant = table.Column<long>(type: "bigint", nullable: false),
                    NomFichier = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    TypeContenu = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Taille = table.Column<int>(type: "integer", nullable: false),
                    Sha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    Contenu = table.Column<byte[]>(type: "bytea", nullable: false),
                    DeposeLe = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DeposeParNom = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
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
            migrationBuilder.Sql(Titres.DeclencheursTitres.PostgresPieces);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Titres.DeclencheursTitres.PostgresPiecesRetrait);

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
