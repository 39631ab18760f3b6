using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mutualisation.Persistence.Migrations.Postgres
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
                    TitreId = table.Column<int>(type: "integer", nullable: false),
                    Pdf = table.Column<byte[]>(type: "bytea", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ProduitLe = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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

            migrationBuilder.DropColumn(name: "Pdf", table: "TitresRecette");
            migrationBuilder.DropColumn(name: "PdfSha256", table: "TitresRecette");

            migrationBuilder.Sql(Titres.DeclencheursTitres.PostgresAvis);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Titres.DeclencheursTitres.PostgresAvisRetrait);
            migrationBuilder.AddColumn<byte[]>(name: "Pdf", table: "TitresRecette", type: "bytea", nullable: true);
            migrationBuilder.AddColumn<string>(name: "PdfSha256", table: "TitresRecette", type: "character varying(64)", maxLength: 64, nullable: true);
            migrationBuilder.Sql($"""
                ALTER TABLE "TitresRecette" DISABLE TRIGGER "{Titres.DeclencheursTitres.TitresMaj}";
                UPDATE "TitresRecette" t SET "Pdf" = a."Pdf", "PdfSha256" = a."Sha256" FROM "AvisTitres" a WHERE a."TitreId" = t."Id";
                ALTER TABLE "TitresRecette" ENABLE TRIGGER "{Titres.DeclencheursTitres.TitresMaj}";
                """);
            migrationBuilder.DropTable(name: "AvisTitres");
        }
    }
}
