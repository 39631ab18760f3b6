using System.Net;
using Mutualisation.Domain.Commun;
using Mutualisation.Web.Features.Compte;
using Mutualisation.Web.Tests.Outils;

namespace Mutualisation.Web.Tests;

[Collection(PortailCollection.Nom)]
public class CompteTests(PortailFactory portail)
{
    [Fact]
    public async Task Un_compte_de_demonstration_se_connecte_et_voit_son_nom()
    {
        using var session = await portail.ConnecterAsync(Comptes.Admin);
        var accueil = await session.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, accueil.Statut);
        Assert.Contains("Anne Administratrice", accueil.TexteVisible, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Une_page_protegee_renvoie_vers_la_connexion()
    {
        using var session = portail.NouvelleSession();
        var page = await session.GetAsync("/membres");

        Assert.Equal(HttpStatusCode.Redirect, page.Statut);
        Assert.StartsWith("http://localhost/compte/connexion", page.Redirection, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Un_mauvais_mot_de_passe_donne_un_message_francais_et_garde_l_adresse()
    {
        var courriel = await portail.CreerAsync(Roles.AgentDSI);
        using var session = portail.NouvelleSession();
        var page = await session.SoumettreAsync("/compte/connexion", new() { ["Courriel"] = courriel, ["MotDePasse"] = "pas le bon mot de passe" });

        Assert.Equal(HttpStatusCode.OK, page.Statut);
        Assert.Contains(CompteController.MessageIdentifiantsIncorrects, page.TexteVisible, StringComparison.Ordinal);
        Assert.Equal(courriel, page.ValeurDuChamp("Courriel"));
        Assert.Null(page.ValeurDuChamp("MotDePasse"));
    }

    [Fact]
    public async Task Cinq_echecs_verrouillent_le_compte_meme_pour_le_bon_mot_de_passe_ensuite()
    {
        var courriel = await portail.CreerAsync(Roles.AgentDSI);
        using var session = portail.NouvelleSession();
        for (var i = 0; i < 5; i++)
        {
            await session.SoumettreAsync("/compte/connexion", new() { ["Courriel"] = courriel, ["MotDePasse"] = "mauvais mot de passe " + i });
        }

        var page = await session.SoumettreAsync("/compte/connexion", new() { ["Courriel"] = courriel, ["MotDePasse"] = Comptes.MotDePasse });

        // Locked: the right password is not even checked, and the answer is the one of a wrong password.
        Assert.Equal(HttpStatusCode.OK, page.Statut);
        Assert.Contains(CompteController.MessageIdentifiantsIncorrects, page.TexteVisible, StringComparison.Ordinal);
        Assert.Equal(5, portail.Hachages.Verifications(courriel));
    }

    [Fact]
    public async Task Un_POST_sans_jeton_antiforgery_est_rejete()
    {
        using var session = await portail.ConnecterAsync(Comptes.Admin);
        var page = await session.PostAsync("/membres/nouveau", new() { ["Nom"] = "Sans jeton" }, jeton: null);

        Assert.True(page.Statut == HttpStatusCode.BadRequest, $"{page.Statut} {page.TexteVisible}");
        Assert.False(await portail.ExecuterAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.Membres, m => m.Nom == "Sans jeton")));
    }

    [Fact]
    public async Task Un_cookie_de_session_copie_ne_sert_plus_apres_la_deconnexion()
    {
        var courriel = await portail.CreerAsync(Roles.AgentDSI);
        using var session = await portail.ConnecterAsync(courriel, Comptes.MotDePasse);
        var copie = session.EnTeteCookie;

        var deconnexion = await session.SoumettreAsync("/", new(), action: "/compte/deconnexion");
        Assert.Equal(HttpStatusCode.Redirect, deconnexion.Statut);

        using var voleur = portail.NouvelleSession();
        voleur.Client.DefaultRequestHeaders.Add("Cookie", copie);
        var page = await voleur.GetAsync("/membres");
        Assert.Equal(HttpStatusCode.Redirect, page.Statut);
        Assert.Contains("/compte/connexion", page.Redirection, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Un_compte_desactive_perd_sa_session_et_ne_peut_plus_se_connecter()
    {
        var courriel = await portail.CreerAsync(Roles.AgentDSI);
        using var victime = await portail.ConnecterAsync(courriel, Comptes.MotDePasse);
        Assert.Equal(HttpStatusCode.OK, (await victime.GetAsync("/membres")).Statut);

        var id = portail.Executer(db => db.Users.Single(u => u.Email == courriel).Id);
        using var admin = await portail.ConnecterAsync(Comptes.Admin);
        var reponse = await admin.SoumettreAsync("/administration/utilisateurs", new(), action: $"/administration/utilisateurs/{id}/desactiver");
        Assert.Equal(HttpStatusCode.Redirect, reponse.Statut);

        Assert.Equal(HttpStatusCode.Redirect, (await victime.GetAsync("/membres")).Statut);
        using var nouvelle = portail.NouvelleSession();
        var refus = await nouvelle.SoumettreAsync("/compte/connexion", new() { ["Courriel"] = courriel, ["MotDePasse"] = Comptes.MotDePasse });
        Assert.Contains(CompteController.MessageDesactive, refus.TexteVisible, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Changer_de_mot_de_passe_exige_14_caracteres_et_l_ancien()
    {
        var courriel = await portail.CreerAsync(Roles.Finance);
        using var session = await portail.ConnecterAsync(courriel, Comptes.MotDePasse);

        var tropCourt = await session.SoumettreAsync("/compte/mot-de-passe", new()
        {
            ["MotDePasseActuel"] = Comptes.MotDePasse, ["NouveauMotDePasse"] = "court", ["Confirmation"] = "court",
        });
        Assert.Contains("au moins 14 caractères", tropCourt.ErreurDuChamp("NouveauMotDePasse"), StringComparison.Ordinal);

        var mauvaisAncien = await session.SoumettreAsync("/compte/mot-de-passe", new()
        {
            ["MotDePasseActuel"] = "ce n'est pas le bon", ["NouveauMotDePasse"] = "une toute nouvelle phrase", ["Confirmation"] = "une toute nouvelle phrase",
        });
        Assert.Equal("Le mot de passe actuel est incorrect.", mauvaisAncien.ErreurDuChamp("MotDePasseActuel"));

        var ok = await session.SoumettreAsync("/compte/mot-de-passe", new()
        {
            ["MotDePasseActuel"] = Comptes.MotDePasse, ["NouveauMotDePasse"] = "une toute nouvelle phrase", ["Confirmation"] = "une toute nouvelle phrase",
        });
        Assert.Equal(HttpStatusCode.Redirect, ok.Statut);
        using var autre = await portail.ConnecterAsync(courriel, "une toute nouvelle phrase");
    }

    [Fact]
    public async Task Les_en_tetes_de_securite_sont_poses()
    {
        using var session = portail.NouvelleSession();
        var page = await session.GetAsync("/compte/connexion");
        var entetes = page.Reponse.Headers;

        Assert.Contains("frame-ancestors 'none'", entetes.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", entetes.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", entetes.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", entetes.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task Le_cookie_de_session_est_HttpOnly_et_SameSite()
    {
        using var session = portail.NouvelleSession();
        var page = await session.SoumettreAsync("/compte/connexion", new() { ["Courriel"] = Comptes.Agent, ["MotDePasse"] = Demarrage.PreparationBase.MotDePasseDemo });
        var cookie = page.Reponse.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("Mutualisation.Session=", StringComparison.Ordinal)).ToLowerInvariant();

        Assert.Contains("httponly", cookie, StringComparison.Ordinal);
        Assert.Contains("samesite=lax", cookie, StringComparison.Ordinal);
    }
}
