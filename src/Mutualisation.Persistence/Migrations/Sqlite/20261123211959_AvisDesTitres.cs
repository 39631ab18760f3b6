using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mutualisation.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AvisDesTitres : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AvisTitres",
                columns: table => new
                {
                    TitreId = table.Column<int>(type: "INTEGER", nullable: false),
                    Pdf = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ProduitLe = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AvisTitres", x => x.TitreId);
                });

            // The avis already stored on issued titres move to their own table, dated by their bordereau.
            migrationBuilder.Sql("""
                INSERT INTO "AvisTitres" ("TitreId", "Pdf", "Sha256", "ProduitLe")
                SELECT t."Id", t."Pdf", t."PdfSha256", b."Horodatage"
                FROM "TitresRecette" t JOIN "Bordereaux" b ON b."Id" = t."BordereauId"
                WHERE t."Pdf" IS NOT NULL;
                """);

            // SQLite's own DROP COLUMN (3.35+): EF's DropColumn rebuilds the table, and its immutability triggers would go with it.
            migrationBuilder.Sql("""ALTER TABLE "TitresRecette" DROP COLUMN "Pdf";""");
            migrationBuilder.Sql("""ALTER TABLE "TitresRecette" DROP COLUMN "PdfSha256";""");

            migrationBuilder.Sql(Titres.DeclencheursTitres.SqliteAvis);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Titres.DeclencheursTitres.SqliteAvisRetrait);
            migrationBuilder.Sql("""ALTER TABLE "TitresRecette" ADD COLUMN "Pdf" BLOB NULL;""");
            migrationBuilder.Sql("""ALTER TABLE "TitresRecette" ADD COLUMN "PdfSha256" TEXT NULL;""");
            migrationBuilder.Sql(Titres.DeclencheursTitres.SqliteRetrait);
            migrationBuilder.Sql("""
                UPDATE "TitresRecette" SET
                    "Pdf" = (SELECT a."Pdf" FROM "AvisTitres" a WHERE a."TitreId" = "TitresRecette"."Id"),
                    "PdfSha256" = (SELECT a."Sha256" FROM "AvisTitres" a WHERE a."TitreId" = "TitresRecette"."Id");
                """);
            migrationBuilder.Sql(Titres.DeclencheursTitres.Sqlite);
            migrationBuilder.DropTable(name: "AvisTitres");
        }
    }
}
