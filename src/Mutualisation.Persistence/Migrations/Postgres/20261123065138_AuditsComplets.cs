using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Mutualisation.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AuditsComplets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "AnnuleLe",
                table: "Audits",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "DebuteLe",
                table: "Audits",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MotifAnnulation",
                table: "Audits",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "PrevuLe",
                table: "Audits",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ConstatsAudits",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Axe = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Theme = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Gravite = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Texte = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Recommandation = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    AuditId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConstatsAudits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConstatsAudits_Audits_AuditId",
                        column: x => x.AuditId,
                        principalTable: "Audits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EvenementsAudits",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Horodatage = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Libelle = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    StatutAvant = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    StatutApres = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    UtilisateurId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    UtilisateurNom = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Detail = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    AuditId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvenementsAudits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EvenementsAudits_Audits_AuditId",
                        column: x => x.AuditId,
                        principalTable: "Audits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "InventairesAudits",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Nature = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Libelle = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Details = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    TransferableEpci = table.Column<bool>(type: "boolean", nullable: false),
                    AuditId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InventairesAudits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InventairesAudits_Audits_AuditId",
                        column: x => x.AuditId,
                        principalTable: "Audits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RapportsAudits",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AuditId = table.Column<int>(type: "integer", nullable: false),
                    MembreId = table.Column<int>(type: "integer", nullable: false),
                    Contenu = table.Column<byte[]>(type: "bytea", nullable: false),
                    Sha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    Taille = table.Column<int>(type: "integer", nullable: false),
                    ProduitLe = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RapportsAudits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RapportsAudits_Audits_AuditId",
                        column: x => x.AuditId,
                        principalTable: "Audits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RapportsAudits_Membres_MembreId",
                        column: x => x.MembreId,
                        principalTable: "Membres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Audits_Statut",
                table: "Audits",
                column: "Statut");

            migrationBuilder.CreateIndex(
                name: "IX_ConstatsAudits_AuditId",
                table: "ConstatsAudits",
                column: "AuditId");

            migrationBuilder.CreateIndex(
                name: "IX_EvenementsAudits_AuditId",
                table: "EvenementsAudits",
                column: "AuditId");

            migrationBuilder.CreateIndex(
                name: "IX_InventairesAudits_AuditId",
                table: "InventairesAudits",
                column: "AuditId");

            migrationBuilder.CreateIndex(
                name: "IX_RapportsAudits_AuditId",
                table: "RapportsAudits",
                column: "AuditId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RapportsAudits_MembreId",
                table: "RapportsAudits",
                column: "MembreId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ConstatsAudits");

            migrationBuilder.DropTable(
                name: "EvenementsAudits");

            migrationBuilder.DropTable(
                name: "InventairesAudits");

            migrationBuilder.DropTable(
                name: "RapportsAudits");

            migrationBuilder.DropIndex(
                name: "IX_Audits_Statut",
                table: "Audits");

            migrationBuilder.DropColumn(
                name: "AnnuleLe",
                table: "Audits");

            migrationBuilder.DropColumn(
                name: "DebuteLe",
                table: "Audits");

            migrationBuilder.DropColumn(
                name: "MotifAnnulation",
                table: "Audits");

            migrationBuilder.DropColumn(
                name: "PrevuLe",
                table: "Audits");
        }
    }
}
