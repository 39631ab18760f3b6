using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;

namespace Mutualisation.Web.Infrastructure;

/// <summary>
/// One entry of the main navigation: its label, its address and the policy a user must satisfy to see it
/// (the same policy as the controller behind it; null for pages open to anyone).
/// <paramref name="LibelleCommune"/> replaces the label for an account restricted to its own commune.
/// </summary>
public sealed record EntreeNavigation(string Libelle, string Url, string? Politique, string? LibelleCommune = null);

/// <summary>A group of entries by activity, shown as a menu.</summary>
public sealed record GroupeNavigation(string Libelle, IReadOnlyList<EntreeNavigation> Entrees);

/// <summary>
/// The main navigation, grouped by activity. A feature adds its page with one line in its group; a group
/// with nothing the user may open is not shown, so a group may list only what exists today.
/// </summary>
public static class PlanDuSite
{
    public static readonly IReadOnlyList<GroupeNavigation> Groupes =
    [
        new("Membres",
        [
            new("Membres", "/membres", Autorisations.Connecte, LibelleCommune: "Ma commune"),
            new("Import Etalab", "/membres/import", Autorisations.Administration),
            new("Conventions", "/conventions", Autorisations.Connecte, LibelleCommune: "Ma convention"),
            new("Tableau de bord des conventions", "/conventions/tableau-de-bord", Autorisations.Intercommunale),
            new("Missions N1", "/missions", Autorisations.Connecte, LibelleCommune: "Mes missions N1"),
            new("Jours N1 par membre", "/missions/n1", Autorisations.Intercommunale),
            new("Audits", "/audits", Autorisations.Connecte, LibelleCommune: "Mes audits"),
        ]),
        new("Projets",
        [
            new("Fiches projet", "/fiches-projet", Autorisations.Connecte, LibelleCommune: "Mes fiches projet"),
            new("COPIL", "/copil", Autorisations.Intercommunale),
            new("Schéma directeur", "/schema-directeur", Autorisations.Intercommunale),
        ]),
        new("Facturation",
        [
            new("Catalogue", "/catalogue", Autorisations.Connecte),
            new("Contributions", "/contributions", Autorisations.Intercommunale),
            new("Campagnes de facturation", "/campagnes", Autorisations.Intercommunale),
            new("Titres de recette", "/titres", Autorisations.Connecte, LibelleCommune: "Mes titres"),
            new("Émetteur des titres", "/emetteur", Autorisations.GestionCatalogue),
            new("Simulateur", "/simulation", Politique: null),
        ]),
        new("Administration",
        [
            new("Utilisateurs", "/administration/utilisateurs", Autorisations.Administration),
            new("Courriels du portail", "/administration/courriels", Autorisations.Administration),
        ]),
    ];
}

/// <summary>An entry as shown to one user on one page.</summary>
public sealed record LienVisible(string Libelle, string Url, string? AriaCurrent);

public sealed record GroupeVisible(string Libelle, string Identifiant, IReadOnlyList<LienVisible> Liens)
{
    /// <summary>True when the current page belongs to this group (the menu is highlighted).</summary>
    public bool Actif => Liens.Any(l => l.AriaCurrent is not null);
}

/// <summary>Filters <see cref="PlanDuSite"/> for the signed-in user through <see cref="IAuthorizationService"/>.</summary>
public sealed class NavigationPrincipale(IAuthorizationService autorisations)
{
    public async Task<IReadOnlyList<GroupeVisible>> PourAsync(ClaimsPrincipal utilisateur, string chemin)
    {
        var restreint = !(await autorisations.AuthorizeAsync(utilisateur, Autorisations.Intercommunale)).Succeeded;
        var courante = PlanDuSite.Groupes.SelectMany(g => g.Entrees)
            .Where(e => EstDans(chemin, e.Url))
            .MaxBy(e => e.Url.Length);
        var groupes = new List<GroupeVisible>();
        var numero = 0;
        foreach (var groupe in PlanDuSite.Groupes)
        {
            numero++;
            var liens = new List<LienVisible>();
            foreach (var entree in groupe.Entrees)
            {
                if (entree.Politique is null || (await autorisations.AuthorizeAsync(utilisateur, entree.Politique)).Succeeded)
                {
                    var libelle = restreint && entree.LibelleCommune is not null ? entree.LibelleCommune : entree.Libelle;
                    var actuel = entree != courante ? null : string.Equals(chemin.TrimEnd('/'), entree.Url, StringComparison.OrdinalIgnoreCase) ? "page" : "true";
                    liens.Add(new LienVisible(libelle, entree.Url, actuel));
                }
            }

            if (liens.Count > 0)
            {
                groupes.Add(new GroupeVisible(groupe.Libelle, $"menu-{numero}", liens));
            }
        }

        return groupes;
    }

    private static bool EstDans(string chemin, string url) =>
        chemin.Equals(url, StringComparison.OrdinalIgnoreCase)
        || chemin.StartsWith(url + "/", StringComparison.OrdinalIgnoreCase);
}

public static class NavigationExtensions
{
    public static IServiceCollection AjouterNavigation(this IServiceCollection services) =>
        services.AddScoped<NavigationPrincipale>();
}
