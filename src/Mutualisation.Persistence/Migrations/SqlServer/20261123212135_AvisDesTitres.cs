using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mutualisation.Persistence.Migrations.SqlServer
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
                    TitreId = table.Column<int>(type: "int", nullable: false),
                    Pdf = table.Column<byte[]>(type: "varbinary(max)", nullable: false),
                    Sha256 = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    ProduitLe = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AvisTitres", x => x.TitreId);
                });

            // The avis already stored on issued titres move to their own table, dated by their bordereau.
            migrationBuilder.Sql("""
                INSERT INTO [AvisTitres] ([TitreId], [Pdf], [Sha256], [ProduitLe])
                SELECT t.[Id], t.[Pdf], t.[PdfSha256], b.[Horodatage]
                FROM [TitresRecette] t JOIN [Bordereaux] b ON b.[Id] = t.[BordereauId]
                WHERE t.[Pdf] IS NOT NULL;
                """);

            migrationBuilder.DropColumn(name: "Pdf", table: "TitresRecette");
            migrationBuilder.DropColumn(name: "PdfSha256", table: "TitresRecette");

            foreach (var declencheur in Titres.DeclencheursTitres.SqlServerAvis)
            {
                migrationBuilder.Sql(declencheur);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Titres.DeclencheursTitres.SqlServerAvisRetrait);
            migrationBuilder.AddColumn<byte[]>(name: "Pdf", table: "TitresRecette", type: "varbinary(max)", nullable: true);
            migrationBuilder.AddColumn<string>(name: "PdfSha256", table: "TitresRecette", type: "nvarchar(64)", maxLength: 64, nullable: true);
            migrationBuilder.Sql($"""
                DISABLE TRIGGER [{Titres.DeclencheursTitres.TitresMaj}] ON [TitresRecette];
                UPDATE t SET t.[Pdf] = a.[Pdf], t.[PdfSha256] = a.[Sha256] FROM [TitresRecette] t JOIN [AvisTitres] a ON a.[TitreId] = t.[Id];
                ENABLE TRIGGER [{Titres.DeclencheursTitres.TitresMaj}] ON [TitresRecette];
                """);
            migrationBuilder.DropTable(name: "AvisTitres");
        }
    }
}
