using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mutualisation.Domain.Catalogue;
using Mutualisation.Domain.Commun;
using Mutualisation.Web.Tests.Outils;

namespace Mutualisation.Web.Tests;

/// <summary>
/// A Mairie user never sees nor changes another member's data. Every route of the application
/// is in <see cref="Matrice"/>; a new route without an entry makes
/// <see cref="Toutes_les_routes_de_l_application_sont_dans_la_matrice"/> fail.
/// </summary>
[Collection(PortailCollection.Nom)]
public class IsolationTests(PortailFactory portail)
{
    private enum Attendu
    {
        /// <summary>403, 404 or a redirect to the access-denied page.</summary>
        Refus,

        /// <summary>200, and nothing of the foreign member in the answer.</summary>
        SansEtranger,

        /// <summary>Any status, but nothing of the foreign member in the answer (a refused form that names no one).</summary>
        SansTrace,

        /// <summary>Acts only on the signed-in account or needs no commune data; not replayed with foreign ids.</summary>
        HorsPerimetre,
    }

    private sealed record Contexte(int Propre, int Etranger, string UtilisateurEtranger, int Brouillon = 0, int AnnexeBrouillon = 0, int TravailEtranger = 0);

    private sealed record Cas(string Methode, string Modele, Attendu Attendu, Func<Contexte, string>? Url = null, string? Raison = null);

    private static readonly Cas[] Matrice =
    [
        new("GET", "", Attendu.SansEtranger, _ => "/"),
        new("*", "erreur", Attendu.HorsPerimetre, Raison: "page d'erreur sans donnée"),
        new("*", "erreur/{statut:int}", Attendu.HorsPerimetre, Raison: "page d'erreur sans donnée"),
        new("*", "/health", Attendu.HorsPerimetre, Raison: "état de la base, sans donnée"),
        new("GET", "/openapi/{documentName}.json", Attendu.HorsPerimetre, Raison: "description de l'API, sans donnée"),
        new("GET", "compte/connexion", Attendu.HorsPerimetre, Raison: "formulaire anonyme"),
        new("POST", "compte/connexion", Attendu.HorsPerimetre, Raison: "ouvre la session du compte qui s'identifie"),
        new("POST", "compte/deconnexion", Attendu.HorsPerimetre, Raison: "ferme sa propre session"),
        new("GET", "compte/mot-de-passe", Attendu.HorsPerimetre, Raison: "son propre compte"),
        new("POST", "compte/mot-de-passe", Attendu.HorsPerimetre, Raison: "son propre compte"),
        new("GET", "compte/acces-refuse", Attendu.HorsPerimetre, Raison: "page fixe"),
        new("GET", "membres", Attendu.SansEtranger, c => "/membres"),
        new("GET", "membres", Attendu.SansEtranger, c => "/membres?q=" + c.Etranger),
        new("GET", "membres/{id:int}", Attendu.Refus, c => $"/membres/{c.Etranger}"),
        new("GET", "membres/nouveau", Attendu.Refus, _ => "/membres/nouveau"),
        new("POST", "membres/nouveau", Attendu.Refus, _ => "/membres/nouveau"),
        new("GET", "membres/{id:int}/modifier", Attendu.Refus, c => $"/membres/{c.Etranger}/modifier"),
        new("POST", "membres/{id:int}/modifier", Attendu.Refus, c => $"/membres/{c.Etranger}/modifier"),
        new("GET", "membres/import", Attendu.Refus, _ => "/membres/import"),
        new("POST", "membres/import", Attendu.Refus, _ => "/membres/import"),
        new("GET", "api/v1/membres", Attendu.SansEtranger, _ => "/api/v1/membres?taille=200"),
        new("GET", "administration/utilisateurs", Attendu.Refus, _ => "/administration/utilisateurs"),
        new("GET", "administration/utilisateurs/nouveau", Attendu.Refus, _ => "/administration/utilisateurs/nouveau"),
        new("POST", "administration/utilisateurs/nouveau", Attendu.Refus, _ => "/administration/utilisateurs/nouveau"),
        new("GET", "administration/utilisateurs/{id}/modifier", Attendu.Refus, c => $"/administration/utilisateurs/{c.UtilisateurEtranger}/modifier"),
        new("POST", "administration/utilisateurs/{id}/modifier", Attendu.Refus, c => $"/administration/utilisateurs/{c.UtilisateurEtranger}/modifier"),
        new("POST", "administration/utilisateurs/{id}/desactiver", Attendu.Refus, c => $"/administration/utilisateurs/{c.UtilisateurEtranger}/desactiver"),
        new("POST", "administration/utilisateurs/{id}/reactiver", Attendu.Refus, c => $"/administration/utilisateurs/{c.UtilisateurEtranger}/reactiver"),
        new("GET", "simulation", Attendu.SansEtranger, _ => "/simulation"),
        new("GET", "simulation", Attendu.SansTrace, c => $"/simulation?commune={c.Etranger}&formule=socle-complet"),
        new("GET", "api/v1/simulation", Attendu.HorsPerimetre, Raison: "population saisie, aucune donnée de membre"),
        new("GET", "catalogue", Attendu.SansEtranger, _ => "/catalogue"),
        new("GET", "contributions", Attendu.Refus, _ => "/contributions"),
        new("GET", "catalogue/{id:int}", Attendu.Refus, c => $"/catalogue/{c.Brouillon}"),
        new("POST", "catalogue/copier", Attendu.Refus, _ => "/catalogue/copier"),
        new("POST", "catalogue/{id:int}/supprimer", Attendu.Refus, c => $"/catalogue/{c.Brouillon}/supprimer"),
        new("GET", "catalogue/{id:int}/parametres", Attendu.Refus, c => $"/catalogue/{c.Brouillon}/parametres"),
        new("POST", "catalogue/{id:int}/parametres", Attendu.Refus, c => $"/catalogue/{c.Brouillon}/parametres"),
        new("GET", "catalogue/{id:int}/voter", Attendu.Refus, c => $"/catalogue/{c.Brouillon}/voter"),
        new("POST", "catalogue/{id:int}/voter", Attendu.Refus, c => $"/catalogue/{c.Brouillon}/voter"),
        new("GET", "catalogue/{id:int}/services/nouveau", Attendu.Refus, c => $"/catalogue/{c.Brouillon}/services/nouveau"),
        new("POST", "catalogue/{id:int}/services/nouveau", Attendu.Refus, c => $"/catalogue/{c.Brouillon}/services/nouveau"),
        new("GET", "catalogue/{id:int}/services/{serviceId:int}/modifier", Attendu.Refus, c => $"/catalogue/{c.Brouillon}/services/1/modifier"),
        new("POST", "catalogue/{id:int}/services/{serviceId:int}/modifier", Attendu.Refus, c => $"/catalogue/{c.Brouillon}/services/1/modifier"),
        new("POST", "catalogue/{id:int}/services/{serviceId:int}/supprimer", Attendu.Refus, c => $"/catalogue/{c.Brouillon}/services/1/supprimer"),
        new("GET", "catalogue/{id:int}/services/{serviceId:int}/composantes/nouvelle", Attendu.Refus, c => $"/catalogue/{c.Brouillon}/services/1/composantes/nouvelle"),
        new("POST", "catalogue/{id:int}/services/{serviceId:int}/composantes/nouvelle", Attendu.Refus, c => $"/catalogue/{c.Brouillon}/services/1/composantes/nouvelle"),
        new("GET", "catalogue/{id:int}/services/{serviceId:int}/composantes/{index:int}/modifier", Attendu.Refus, c => $"/catalogue/{c.Brouillon}/services/1/composantes/0/modifier"),
        new("POST", "catalogue/{id:int}/services/{serviceId:int}/composantes/{index:int}/modifier", Attendu.Refus, c => $"/catalogue/{c.Brouillon}/services/1/composantes/0/modifier"),
        new("POST", "catalogue/{id:int}/services/{serviceId:int}/composantes/{index:int}/supprimer", Attendu.Refus, c => $"/catalogue/{c.Brouillon}/services/1/composantes/0/supprimer"),
        new("GET", "catalogue/{id:int}/formules/nouvelle", Attendu.Refus, c => $"/catalogue/{c.Brouillon}/formules/nouvelle"),
        new("POST", "catalogue/{id:int}/formules/nouvelle", Attendu.Refus, c => $"/catalogue/{c.Brouillon}/formules/nouvelle"),
        new("POST", "catalogue/{id:int}/formules/{formuleId:int}/supprimer", Attendu.Refus, c => $"/catalogue/{c.Brouillon}/formules/1/supprimer"),
        new("POST", "catalogue/{id:int}/annexes", Attendu.Refus, c => $"/catalogue/{c.Brouillon}/annexes"),
        new("GET", "catalogue/{id:int}/annexes/{annexeId:int}", Attendu.Refus, c => $"/catalogue/{c.Brouillon}/annexes/{c.AnnexeBrouillon}"),
        new("POST", "catalogue/{id:int}/annexes/{annexeId:int}/supprimer", Attendu.Refus, c => $"/catalogue/{c.Brouillon}/annexes/{c.AnnexeBrouillon}/supprimer"),
        new("GET", "catalogue/{id:int}/pdf", Attendu.Refus, c => $"/catalogue/{c.Brouillon}/pdf"),
        new("GET", "travaux/{id:int}", Attendu.Refus, c => $"/travaux/{c.TravailEtranger}"),
        new("GET", "travaux/{id:int}/etat", Attendu.Refus, c => $"/travaux/{c.TravailEtranger}/etat"),
    ];

    [Fact]
    public void Toutes_les_routes_de_l_application_sont_dans_la_matrice()
    {
        var connues = Matrice.Select(c => $"{c.Methode} {c.Modele}").ToHashSet(StringComparer.Ordinal);
        var routes = portail.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["*"])
                .Select(m => $"{m} {e.RoutePattern.RawText}"))
            .Distinct()
            .ToList();

        var absentes = routes.Where(r => !connues.Contains(r)).ToList();
        Assert.True(absentes.Count == 0, "Routes absentes de la matrice d'isolement : " + string.Join(", ", absentes));
    }

    [Fact]
    public async Task Une_mairie_ne_voit_ni_ne_modifie_rien_d_une_autre_commune_sur_aucune_route()
    {
        var propre = await portail.AjouterCommuneAsync("Commune propre " + Guid.NewGuid().ToString("N")[..6]);
        var etrangere = await portail.AjouterCommuneAsync("Commune étrangère " + Guid.NewGuid().ToString("N")[..6]);
        var courriel = await portail.CreerAsync(Roles.Mairie, propre.Id);
        var courrielEtranger = await portail.CreerAsync(Roles.Mairie, etrangere.Id);
        var utilisateurEtranger = portail.Executer(db => db.Users.Single(u => u.Email == courrielEtranger).Id);
        var (brouillon, annexe) = await portail.AjouterBrouillonAvecAnnexeAsync();
        var travailEtranger = await portail.LancerTravailAsync(courrielEtranger, TravailCompte.Genre, Cle.Nouvelle());
        var contexte = new Contexte(propre.Id, etrangere.Id, utilisateurEtranger, brouillon, annexe, travailEtranger);
        var avant = await EtatAsync(etrangere.Id, utilisateurEtranger);

        using var session = await portail.ConnecterAsync(courriel, Comptes.MotDePasse);
        var jeton = (await session.GetAsync("/compte/mot-de-passe")).Document
            .QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value");

        // Positive control: the same session does see its own commune, so a refusal below means something.
        var propreDetail = await session.GetAsync($"/membres/{propre.Id}");
        Assert.Equal(HttpStatusCode.OK, propreDetail.Statut);
        Assert.Contains(propre.Nom, propreDetail.TexteVisible, StringComparison.Ordinal);

        var echecs = new List<string>();
        foreach (var cas in Matrice.Where(c => c.Url is not null))
        {
            var url = cas.Url!(contexte);
            var page = cas.Methode == "POST"
                ? await session.PostAsync(url, ChampsMalveillants(etrangere.Id), jeton)
                : await session.GetAsync(url);
            var ok = cas.Attendu switch
            {
                Attendu.Refus => page.Statut is HttpStatusCode.NotFound or HttpStatusCode.Forbidden
                    || (page.Statut == HttpStatusCode.Redirect && page.Redirection!.Contains("/compte/acces-refuse", StringComparison.Ordinal)),
                Attendu.SansEtranger => page.Statut == HttpStatusCode.OK
                    && !page.Texte.Contains(etrangere.Nom, StringComparison.Ordinal)
                    && !page.Texte.Contains(etrangere.Siren.Valeur, StringComparison.Ordinal),
                Attendu.SansTrace => !page.Texte.Contains(etrangere.Nom, StringComparison.Ordinal)
                    && !page.Texte.Contains(etrangere.Siren.Valeur, StringComparison.Ordinal),
                _ => true,
            };
            if (!ok)
            {
                echecs.Add($"{cas.Methode} {url} → {(int)page.Statut} {page.Redirection}");
            }
        }

        Assert.True(echecs.Count == 0, "Fuites ou écritures hors périmètre : " + string.Join(" ; ", echecs));
        Assert.Equal(avant, await EtatAsync(etrangere.Id, utilisateurEtranger));
        var brouillonApres = await portail.LireAsync(brouillon);
        Assert.Equal((StatutVersion.Brouillon, 3, 4, 1), (brouillonApres.Statut, brouillonApres.Services.Count, brouillonApres.Formules.Count, brouillonApres.Annexes.Count));
    }

    [Fact]
    public async Task L_API_ne_rend_a_une_mairie_que_sa_commune()
    {
        var propre = await portail.AjouterCommuneAsync();
        var courriel = await portail.CreerAsync(Roles.Mairie, propre.Id);
        using var session = await portail.ConnecterAsync(courriel, Comptes.MotDePasse);

        var page = await session.GetAsync("/api/v1/membres");

        using var json = System.Text.Json.JsonDocument.Parse(page.Texte);
        Assert.Equal(1, json.RootElement.GetProperty("total").GetInt32());
        Assert.Equal(propre.Siren.Valeur, json.RootElement.GetProperty("elements")[0].GetProperty("siren").GetString());
    }

    [Fact]
    public async Task Une_mairie_sans_commune_ne_voit_rien()
    {
        await portail.AjouterCommuneAsync();
        var courriel = await portail.CreerAsync(Roles.Mairie, membreId: null);
        using var session = await portail.ConnecterAsync(courriel, Comptes.MotDePasse);

        var page = await session.GetAsync("/api/v1/membres");

        using var json = System.Text.Json.JsonDocument.Parse(page.Texte);
        Assert.Equal(0, json.RootElement.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task La_base_refuse_une_ecriture_hors_perimetre_meme_si_un_controleur_oubliait_le_filtre()
    {
        var propre = await portail.AjouterCommuneAsync();
        var etrangere = await portail.AjouterCommuneAsync();
        await using var scope = portail.Services.CreateAsyncScope();
        var accesseur = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Http.IHttpContextAccessor>();
        accesseur.HttpContext = RequeteDeMairie(propre.Id);
        try
        {
            var db = scope.ServiceProvider.GetRequiredService<Persistence.MutualisationDbContext>();
            Assert.Null(await db.Membres.FindAsync(etrangere.Id));
            Assert.Null(await db.Populations.FirstOrDefaultAsync(p => p.MembreId == etrangere.Id));

            // A careless controller that bypasses the read filter still cannot write.
            var membre = await db.Membres.IgnoreQueryFilters().SingleAsync(m => m.Id == etrangere.Id);
            membre.Renommer("Piraté");
            var erreur = await Assert.ThrowsAsync<Persistence.Perimetre.AccesHorsPerimetreException>(() => db.SaveChangesAsync());
            Assert.Contains("hors du périmètre", erreur.Message, StringComparison.Ordinal);
        }
        finally
        {
            accesseur.HttpContext = null;
        }
    }

    [Fact]
    public async Task Un_compte_sans_role_intercommunal_ne_voit_rien_par_defaut()
    {
        await portail.AjouterCommuneAsync();
        await using var scope = portail.Services.CreateAsyncScope();
        var accesseur = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Http.IHttpContextAccessor>();
        accesseur.HttpContext = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        try
        {
            var db = scope.ServiceProvider.GetRequiredService<Persistence.MutualisationDbContext>();
            Assert.Equal(0, await db.Membres.CountAsync());
        }
        finally
        {
            accesseur.HttpContext = null;
        }
    }

    private static Microsoft.AspNetCore.Http.DefaultHttpContext RequeteDeMairie(int membreId) => new()
    {
        User = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
        [
            new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.Role, Roles.Mairie),
            new System.Security.Claims.Claim(Infrastructure.PerimetreHttp.RevendicationMembre, membreId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ], "test")),
    };

    private static Dictionary<string, string?> ChampsMalveillants(int etranger) => new()
    {
        ["Nom"] = "Piraté", ["Nature"] = "Commune", ["CodeInsee"] = "35236", ["Siren"] = Jeux.SirenUnique(),
        ["Courriel"] = $"pirate-{Guid.NewGuid():N}@exemple.demo", ["NomComplet"] = "Pirate", ["Role"] = Roles.AdministrateurDSI,
        ["MembreId"] = etranger.ToString(System.Globalization.CultureInfo.InvariantCulture), ["MotDePasse"] = "un mot de passe assez long",
        ["epci"] = "243500741", ["millesime"] = "2023",
    };

    private Task<string> EtatAsync(int membreId, string utilisateurId) => portail.ExecuterAsync(async db =>
    {
        var membre = await db.Membres.AsNoTracking().Include(m => m.Populations).SingleAsync(m => m.Id == membreId);
        var utilisateur = await db.Users.AsNoTracking().SingleAsync(u => u.Id == utilisateurId);
        var historique = await db.Historique.CountAsync(h => h.MembreId == membreId);
        var pirates = await db.Users.CountAsync(u => u.NomComplet == "Pirate") + await db.Membres.CountAsync(m => m.Nom == "Piraté");
        return $"{membre.Nom}|{membre.Populations.Count}|{membre.Decideur}|{utilisateur.Actif}|{utilisateur.SecurityStamp}|{utilisateur.MembreId}|{historique}|{pirates}";
    });
}
