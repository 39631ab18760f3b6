using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mutualisation.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AspNetRoles",
                columns: table => new
                {
                    Id = table.Column<string>(type: "nvarchar(450)", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    NormalizedName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "nvarchar(max)", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    FriendlyName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Xml = table.Column<string>(type: "nvarchar(max)", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Historique",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Horodatage = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UtilisateurId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    Entite = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    EntiteId = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    MembreId = table.Column<int>(type: "int", nullable: true),
                    Action = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Changements = table.Column<string>(type: "nvarchar(max)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Historique", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Membres",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Nom = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    NomRecherche = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Nature = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    CodeInsee = table.Column<string>(type: "nvarchar(5)", maxLength: 5, nullable: false),
                    Siren = table.Column<string>(type: "nvarchar(9)", maxLength: 9, nullable: false),
                    PopulationMillesime = table.Column<int>(type: "int", nullable: true),
                    PopulationTotale = table.Column<int>(type: "int", nullable: true),
                    PopulationMunicipale = table.Column<int>(type: "int", nullable: true),
                    AdresseCodePostal = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: true),
                    AdresseLigne = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    AdresseVille = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    DecideurCourriel = table.Column<string>(type: "nvarchar(254)", maxLength: 254, nullable: true),
                    DecideurFonction = table.Column<string>(type: "nvarchar(150)", maxLength: 150, nullable: true),
                    DecideurNom = table.Column<string>(type: "nvarchar(150)", maxLength: 150, nullable: true),
                    DecideurTelephone = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: true),
                    TechniqueCourriel = table.Column<string>(type: "nvarchar(254)", maxLength: 254, nullable: true),
                    TechniqueFonction = table.Column<string>(type: "nvarchar(150)", maxLength: 150, nullable: true),
                    TechniqueNom = table.Column<string>(type: "nvarchar(150)", maxLength: 150, nullable: true),
                    TechniqueTelephone = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Membres", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TravauxDeFond",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Genre = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Libelle = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Parametres = table.Column<string>(type: "nvarchar(max)", maxLength: 20000, nullable: false),
                    Etat = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Fait = table.Column<int>(type: "int", nullable: false),
                    Total = table.Column<int>(type: "int", nullable: true),
                    Message = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    CreeParId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    CreeParNom = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    CreeLe = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    DemarreLe = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    TermineLe = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    Pouls = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    Executant = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TravauxDeFond", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "VersionsCatalogue",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Exercice = table.Column<int>(type: "int", nullable: false),
                    Statut = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Population = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Intitule = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    DeliberationNumero = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: true),
                    DeliberationLe = table.Column<DateOnly>(type: "date", nullable: true),
                    EnVigueurLe = table.Column<DateOnly>(type: "date", nullable: true),
                    VoteEnCoursDAnnee = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VersionsCatalogue", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoleClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    RoleId = table.Column<string>(type: "nvarchar(450)", nullable: false),
                    ClaimType = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    ClaimValue = table.Column<string>(type: "nvarchar(max)", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetRoleClaims_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUsers",
                columns: table => new
                {
                    Id = table.Column<string>(type: "nvarchar(450)", nullable: false),
                    NomComplet = table.Column<string>(type: "nvarchar(150)", maxLength: 150, nullable: false),
                    MembreId = table.Column<int>(type: "int", nullable: true),
                    Actif = table.Column<bool>(type: "bit", nullable: false),
                    UserName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "bit", nullable: false),
                    PasswordHash = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    SecurityStamp = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    PhoneNumber = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "bit", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "bit", nullable: false),
                    LockoutEnd = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "bit", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUsers_Membres_MembreId",
                        column: x => x.MembreId,
                        principalTable: "Membres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MotsMembres",
                columns: table => new
                {
                    Mot = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    MembreId = table.Column<int>(type: "int", nullable: false)
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

            migrationBuilder.CreateTable(
                name: "PopulationsLegales",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    MembreId = table.Column<int>(type: "int", nullable: false),
                    Millesime = table.Column<int>(type: "int", nullable: false),
                    Totale = table.Column<int>(type: "int", nullable: false),
                    Municipale = table.Column<int>(type: "int", nullable: false),
                    Source = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PopulationsLegales", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PopulationsLegales_Membres_MembreId",
                        column: x => x.MembreId,
                        principalTable: "Membres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AnnexesCatalogue",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    VersionCatalogueId = table.Column<int>(type: "int", nullable: false),
                    Titre = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    NomFichier = table.Column<string>(type: "nvarchar(255)", maxLength: 255, nullable: false),
                    TypeContenu = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Taille = table.Column<int>(type: "int", nullable: false),
                    Contenu = table.Column<byte[]>(type: "varbinary(max)", nullable: false),
                    DeposeeLe = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AnnexesCatalogue", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AnnexesCatalogue_VersionsCatalogue_VersionCatalogueId",
                        column: x => x.VersionCatalogueId,
                        principalTable: "VersionsCatalogue",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FormulesCatalogue",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    VersionCatalogueId = table.Column<int>(type: "int", nullable: false),
                    Code = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    Libelle = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    CodesServices = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FormulesCatalogue", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FormulesCatalogue_VersionsCatalogue_VersionCatalogueId",
                        column: x => x.VersionCatalogueId,
                        principalTable: "VersionsCatalogue",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ServicesCatalogue",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    VersionCatalogueId = table.Column<int>(type: "int", nullable: false),
                    Ordre = table.Column<int>(type: "int", nullable: false),
                    Code = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    Libelle = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Famille = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Annexes = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: true),
                    ExonereSiAbonneA = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    MotifExoneration = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    ExamenPopulationMaximale = table.Column<int>(type: "int", nullable: true),
                    ExamenSiServiceInformatiquePropre = table.Column<bool>(type: "bit", nullable: false),
                    DeductionCodeService = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: true),
                    DeductionDelaiMois = table.Column<int>(type: "int", nullable: true),
                    DeductionReference = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServicesCatalogue", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ServicesCatalogue_VersionsCatalogue_VersionCatalogueId",
                        column: x => x.VersionCatalogueId,
                        principalTable: "VersionsCatalogue",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    UserId = table.Column<string>(type: "nvarchar(450)", nullable: false),
                    ClaimType = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    ClaimValue = table.Column<string>(type: "nvarchar(max)", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserLogins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "nvarchar(450)", nullable: false),
                    ProviderKey = table.Column<string>(type: "nvarchar(450)", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    UserId = table.Column<string>(type: "nvarchar(450)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserRoles",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "nvarchar(450)", nullable: false),
                    RoleId = table.Column<string>(type: "nvarchar(450)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserTokens",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "nvarchar(450)", nullable: false),
                    LoginProvider = table.Column<string>(type: "nvarchar(450)", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(450)", nullable: false),
                    Value = table.Column<string>(type: "nvarchar(max)", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ComposantesTarif",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ServiceCatalogueId = table.Column<int>(type: "int", nullable: false),
                    Ordre = table.Column<int>(type: "int", nullable: false),
                    Libelle = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Nature = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    Frequence = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Prorata = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Quantite = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    QuantiteTranche = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true),
                    Unite = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    Taux = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: false),
                    Montant = table.Column<long>(type: "bigint", nullable: false),
                    MontantPremiereAnnee = table.Column<long>(type: "bigint", nullable: true),
                    Plancher = table.Column<long>(type: "bigint", nullable: true),
                    Plafond = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ComposantesTarif", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ComposantesTarif_ServicesCatalogue_ServiceCatalogueId",
                        column: x => x.ServiceCatalogueId,
                        principalTable: "ServicesCatalogue",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TranchesTarif",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ComposanteTarifId = table.Column<int>(type: "int", nullable: false),
                    Ordre = table.Column<int>(type: "int", nullable: false),
                    Libelle = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Minimum = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: false),
                    MaximumExclu = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: true),
                    Montant = table.Column<long>(type: "bigint", nullable: false),
                    MontantPremiereAnnee = table.Column<long>(type: "bigint", nullable: true),
                    Taux = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TranchesTarif", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TranchesTarif_ComposantesTarif_ComposanteTarifId",
                        column: x => x.ComposanteTarifId,
                        principalTable: "ComposantesTarif",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AnnexesCatalogue_VersionCatalogueId",
                table: "AnnexesCatalogue",
                column: "VersionCatalogueId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetRoleClaims_RoleId",
                table: "AspNetRoleClaims",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "AspNetRoles",
                column: "NormalizedName",
                unique: true,
                filter: "[NormalizedName] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserClaims_UserId",
                table: "AspNetUserClaims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserLogins_UserId",
                table: "AspNetUserLogins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserRoles_RoleId",
                table: "AspNetUserRoles",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_MembreId",
                table: "AspNetUsers",
                column: "MembreId");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "AspNetUsers",
                column: "NormalizedUserName",
                unique: true,
                filter: "[NormalizedUserName] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ComposantesTarif_ServiceCatalogueId",
                table: "ComposantesTarif",
                column: "ServiceCatalogueId");

            migrationBuilder.CreateIndex(
                name: "IX_FormulesCatalogue_VersionCatalogueId",
                table: "FormulesCatalogue",
                column: "VersionCatalogueId");

            migrationBuilder.CreateIndex(
                name: "IX_Historique_Entite_EntiteId",
                table: "Historique",
                columns: new[] { "Entite", "EntiteId" });

            migrationBuilder.CreateIndex(
                name: "IX_Historique_MembreId_Id",
                table: "Historique",
                columns: new[] { "MembreId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Membres_CodeInsee",
                table: "Membres",
                column: "CodeInsee");

            migrationBuilder.CreateIndex(
                name: "IX_Membres_NomRecherche",
                table: "Membres",
                column: "NomRecherche");

            migrationBuilder.CreateIndex(
                name: "IX_Membres_PopulationTotale",
                table: "Membres",
                column: "PopulationTotale");

            migrationBuilder.CreateIndex(
                name: "IX_Membres_Siren",
                table: "Membres",
                column: "Siren",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MotsMembres_Mot_MembreId",
                table: "MotsMembres",
                columns: new[] { "Mot", "MembreId" });

            migrationBuilder.CreateIndex(
                name: "IX_PopulationsLegales_MembreId_Millesime",
                table: "PopulationsLegales",
                columns: new[] { "MembreId", "Millesime" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ServicesCatalogue_VersionCatalogueId_Code",
                table: "ServicesCatalogue",
                columns: new[] { "VersionCatalogueId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TranchesTarif_ComposanteTarifId",
                table: "TranchesTarif",
                column: "ComposanteTarifId");

            migrationBuilder.CreateIndex(
                name: "IX_TravauxDeFond_CreeParId",
                table: "TravauxDeFond",
                column: "CreeParId");

            migrationBuilder.CreateIndex(
                name: "IX_TravauxDeFond_Etat_Id",
                table: "TravauxDeFond",
                columns: new[] { "Etat", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_VersionsCatalogue_Exercice",
                table: "VersionsCatalogue",
                column: "Exercice");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AnnexesCatalogue");

            migrationBuilder.DropTable(
                name: "AspNetRoleClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserLogins");

            migrationBuilder.DropTable(
                name: "AspNetUserRoles");

            migrationBuilder.DropTable(
                name: "AspNetUserTokens");

            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropTable(
                name: "FormulesCatalogue");

            migrationBuilder.DropTable(
                name: "Historique");

            migrationBuilder.DropTable(
                name: "MotsMembres");

            migrationBuilder.DropTable(
                name: "PopulationsLegales");

            migrationBuilder.DropTable(
                name: "TranchesTarif");

            migrationBuilder.DropTable(
                name: "TravauxDeFond");

            migrationBuilder.DropTable(
                name: "AspNetRoles");

            migrationBuilder.DropTable(
                name: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "ComposantesTarif");

            migrationBuilder.DropTable(
                name: "Membres");

            migrationBuilder.DropTable(
                name: "ServicesCatalogue");

            migrationBuilder.DropTable(
                name: "VersionsCatalogue");
        }
    }
}
