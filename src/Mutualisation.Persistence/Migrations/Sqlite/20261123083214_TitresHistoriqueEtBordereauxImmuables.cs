using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mutualisation.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TitresHistoriqueEtBordereauxImmuables : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The history of an issued titre and the bordereaux are immutable at the database too (ADR 0017).
            migrationBuilder.Sql(Titres.DeclencheursTitres.SqliteComplement);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Titres.DeclencheursTitres.SqliteComplementRetrait);
        }
    }
}
