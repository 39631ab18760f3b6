using Mutualisation.Billing;
using Mutualisation.Domain.Catalogue;
using Mutualisation.Domain.Commun;

namespace Mutualisation.Web.Demarrage;

/// <summary>One demo EPCI: its communes (from the committed Etalab extract), its accounts and its catalogue.</summary>
public sealed record ProfilDemo(
    string Code,
    string SirenEpci,
    string NomEpci,
    IReadOnlyList<(string Courriel, string Nom, string Role, string? SirenCommune)> Comptes,
    Func<int, string?, VersionCatalogue> Catalogue,
    string IntituleCatalogue,
    string PrefixeDeliberation);

/// <summary>
/// The demo profiles: REDON Agglomération (default) and CC Cœur Côte Fleurie
/// (<c>dotnet run --project src/Mutualisation.Web -- --demo coeur-cote-fleurie</c>, or <c>Demo:Profil</c>).
/// </summary>
public static class ProfilsDemo
{
    public const string CleConfiguration = "Demo:Profil";

    public static ProfilDemo Redon { get; } = new(
        "redon",
        "243500741",
        "REDON Agglomération",
        [
            ("admin.dsi@redon-agglomeration.demo", "Anne Administratrice (démo)", Roles.AdministrateurDSI, null),
            ("agent.dsi@redon-agglomeration.demo", "Alain Agent (démo)", Roles.AgentDSI, null),
            ("finances@redon-agglomeration.demo", "Françoise Finances (démo)", Roles.Finance, null),
            ("mairie@saint-nicolas-de-redon.demo", "Secrétariat de Saint-Nicolas-de-Redon (démo)", Roles.Mairie, "214401853"),
            ("mairie@allaire.demo", "Secrétariat d'Allaire (démo)", Roles.Mairie, "215600016"),
        ],
        CataloguesDeReference.VersionRedon,
        "Tarifs de la convention cadre du service commun (délibération CC_2020_77), reconduits",
        "CC");

    public static ProfilDemo CoeurCoteFleurie { get; } = new(
        "coeur-cote-fleurie",
        "241400415",
        "CC Cœur Côte Fleurie",
        [
            ("admin.dsi@coeur-cote-fleurie.demo", "Anne Administratrice (démo)", Roles.AdministrateurDSI, null),
            ("agent.dsi@coeur-cote-fleurie.demo", "Alain Agent (démo)", Roles.AgentDSI, null),
            ("finances@coeur-cote-fleurie.demo", "Françoise Finances (démo)", Roles.Finance, null),
            ("mairie@trouville-sur-mer.demo", "Secrétariat de Trouville-sur-Mer (démo)", Roles.Mairie, "211407150"),
        ],
        CataloguesDeReference.VersionCoeurCoteFleurie,
        "Catalogue de services (prix d'exemple, non votés par la CCCF)",
        "DEMO");

    public static IReadOnlyList<ProfilDemo> Tous { get; } = [Redon, CoeurCoteFleurie];

    public static ProfilDemo Choisi(IConfiguration configuration)
    {
        var code = configuration[CleConfiguration] is { Length: > 0 } choisi ? choisi : Redon.Code;
        return Tous.FirstOrDefault(p => p.Code == code)
            ?? throw new InvalidOperationException($"Profil de démonstration inconnu « {code} ». Profils possibles : {string.Join(", ", Tous.Select(p => p.Code))}.");
    }

    /// <summary>
    /// <c>--demo &lt;profil&gt;</c> on the command line; a non-default profile gets its own SQLite file
    /// when the default database is used, so two demos never mix.
    /// </summary>
    public static void Configurer(WebApplicationBuilder builder, string[] args)
    {
        builder.Configuration.AddCommandLine(args, new Dictionary<string, string> { ["--demo"] = CleConfiguration });
        var profil = Choisi(builder.Configuration);
        const string parDefaut = "Data Source=data/mutualisation.db";
        if (profil != Redon && builder.Configuration.GetConnectionString("Mutualisation") == parDefaut)
        {
            builder.Configuration["ConnectionStrings:Mutualisation"] = $"Data Source=data/demo-{profil.Code}.db";
        }
    }
}
