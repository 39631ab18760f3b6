using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Mutualisation.Domain.Commun;
using Mutualisation.Web.Features.Compte;
using Mutualisation.Web.Tests.Outils;

namespace Mutualisation.Web.Tests;

/// <summary>Regression tests for the attacks of the security review on the sign-in (issue 7).</summary>
[Collection(PortailCollection.Nom)]
public partial class SecuriteConnexionTests(PortailFactory portail)
{
    private const int Maximum = 5;

    [Fact]
    public async Task Adresse_inconnue_compte_desactive_et_compte_verrouille_recoivent_la_meme_page_avec_un_mauvais_mot_de_passe()
    {
        var inconnu = $"inconnu-{Guid.NewGuid():N}@exemple.demo";
        var desactive = await portail.CreerAsync(Roles.AgentDSI);
        await DesactiverAsync(desactive);
        var verrouille = await portail.CreerAsync(Roles.AgentDSI);
        await VerrouillerAsync(verrouille);

        var hachagesVerrouille = portail.Hachages.Hachages(verrouille);
        var pages = new List<(string Courriel, Session.Page Page)>();
        foreach (var courriel in new[] { inconnu, desactive, verrouille })
        {
            using var session = portail.NouvelleSession();
            pages.Add((courriel, await session.SoumettreAsync("/compte/connexion", new() { ["Courriel"] = courriel, ["MotDePasse"] = "un mauvais mot de passe" })));
        }

        var reference = Anonymiser(pages[0].Page.Texte, pages[0].Courriel);
        foreach (var (courriel, page) in pages)
        {
            Assert.Equal(HttpStatusCode.OK, page.Statut);
            Assert.Equal(CompteController.MessageIdentifiantsIncorrects, page.Document.QuerySelector(".alert")?.TextContent.Trim());
            Assert.Equal(courriel, page.ValeurDuChamp("Courriel"));
            Assert.Equal(reference, Anonymiser(page.Texte, courriel));
        }

        // Same work: the unknown address hashed the password it was given, as a real check would.
        Assert.Equal(1, portail.Hachages.Hachages(inconnu));
        Assert.Equal(1, portail.Hachages.Verifications(desactive));
        Assert.Equal(hachagesVerrouille + 1, portail.Hachages.Hachages(verrouille));
        Assert.Equal(Maximum, portail.Hachages.Verifications(verrouille));
    }

    [Fact]
    public async Task Un_compte_verrouille_ne_dit_rien_meme_avec_le_bon_mot_de_passe_et_n_est_pas_verifie()
    {
        var courriel = await portail.CreerAsync(Roles.AgentDSI);
        await VerrouillerAsync(courriel);

        using var session = portail.NouvelleSession();
        var page = await session.SoumettreAsync("/compte/connexion", new() { ["Courriel"] = courriel, ["MotDePasse"] = Comptes.MotDePasse });

        Assert.Equal(HttpStatusCode.OK, page.Statut);
        Assert.Equal(CompteController.MessageIdentifiantsIncorrects, page.Document.QuerySelector(".alert")?.TextContent.Trim());
        Assert.Equal(Maximum, portail.Hachages.Verifications(courriel));
    }

    [Fact]
    public async Task Vingt_mauvais_mots_de_passe_en_parallele_ne_font_verifier_que_cinq_mots_de_passe_et_verrouillent()
    {
        var courriel = await portail.CreerAsync(Roles.AgentDSI);
        var sessions = new List<(Session Session, string Jeton)>();
        for (var i = 0; i < 20; i++)
        {
            var session = portail.NouvelleSession();
            var formulaire = await session.GetAsync("/compte/connexion");
            sessions.Add((session, formulaire.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!));
        }

        try
        {
            var reponses = await Task.WhenAll(sessions.Select((s, i) =>
                s.Session.PostAsync("/compte/connexion", new() { ["Courriel"] = courriel, ["MotDePasse"] = "essai en parallèle " + i }, s.Jeton)));

            Assert.All(reponses, r => Assert.Equal(HttpStatusCode.OK, r.Statut));
            Assert.InRange(portail.Hachages.Verifications(courriel), 1, Maximum);
            var fin = await portail.ExecuterAsync(db => db.Users.Where(u => u.Email == courriel).Select(u => u.LockoutEnd).SingleAsync());
            Assert.True(fin > portail.Horloge.GetUtcNow(), "Le compte devrait être verrouillé.");
        }
        finally
        {
            sessions.ForEach(s => s.Session.Dispose());
        }

        using var ensuite = portail.NouvelleSession();
        var page = await ensuite.SoumettreAsync("/compte/connexion", new() { ["Courriel"] = courriel, ["MotDePasse"] = Comptes.MotDePasse });
        Assert.Equal(HttpStatusCode.OK, page.Statut);
        Assert.InRange(portail.Hachages.Verifications(courriel), 1, Maximum);
    }

    [Fact]
    public async Task Un_echec_puis_le_bon_mot_de_passe_remet_le_compteur_a_zero()
    {
        var courriel = await portail.CreerAsync(Roles.AgentDSI);
        using var session = portail.NouvelleSession();
        for (var i = 0; i < Maximum - 1; i++)
        {
            await session.SoumettreAsync("/compte/connexion", new() { ["Courriel"] = courriel, ["MotDePasse"] = "mauvais " + i });
        }

        using var connecte = await portail.ConnecterAsync(courriel, Comptes.MotDePasse);
        var etat = await portail.ExecuterAsync(db => db.Users.Where(u => u.Email == courriel).Select(u => new { u.AccessFailedCount, u.LockoutEnd }).SingleAsync());

        Assert.Equal(0, etat.AccessFailedCount);
        Assert.Null(etat.LockoutEnd);
    }

    [Fact]
    public async Task Les_mauvais_mots_de_passe_actuels_comptent_pour_le_verrouillage_et_le_cinquieme_ferme_la_session()
    {
        var courriel = await portail.CreerAsync(Roles.Finance);
        using var session = await portail.ConnecterAsync(courriel, Comptes.MotDePasse);
        var verifiesALaConnexion = portail.Hachages.Verifications(courriel);
        var nouveau = new Dictionary<string, string?> { ["NouveauMotDePasse"] = "une toute nouvelle phrase", ["Confirmation"] = "une toute nouvelle phrase" };

        for (var i = 0; i < Maximum - 1; i++)
        {
            var refus = await session.SoumettreAsync("/compte/mot-de-passe", new(nouveau) { ["MotDePasseActuel"] = "devinette numéro " + i });
            Assert.Equal("Le mot de passe actuel est incorrect.", refus.ErreurDuChamp("MotDePasseActuel"));
        }

        var cinquieme = await session.SoumettreAsync("/compte/mot-de-passe", new(nouveau) { ["MotDePasseActuel"] = "devinette numéro 5" });
        Assert.Equal(HttpStatusCode.Redirect, cinquieme.Statut);
        Assert.Equal("/compte/connexion", cinquieme.Redirection);
        var connexion = await session.GetAsync("/compte/connexion");
        Assert.Contains(CompteController.MessageVerrouilleDeconnecte, connexion.TexteVisible, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await session.GetAsync("/compte/mot-de-passe")).Statut);

        Assert.Equal(verifiesALaConnexion + Maximum, portail.Hachages.Verifications(courriel));
        using var apres = portail.NouvelleSession();
        var bonMotDePasse = await apres.SoumettreAsync("/compte/connexion", new() { ["Courriel"] = courriel, ["MotDePasse"] = Comptes.MotDePasse });
        Assert.Equal(HttpStatusCode.OK, bonMotDePasse.Statut);
        Assert.Equal(verifiesALaConnexion + Maximum, portail.Hachages.Verifications(courriel));
    }

    [Fact]
    public async Task Une_session_ouverte_d_un_compte_verrouille_ne_peut_plus_essayer_de_mot_de_passe_actuel()
    {
        var courriel = await portail.CreerAsync(Roles.AgentDSI);
        using var victime = await portail.ConnecterAsync(courriel, Comptes.MotDePasse);
        await VerrouillerAsync(courriel);
        var verifies = portail.Hachages.Verifications(courriel);

        var page = await victime.SoumettreAsync("/compte/mot-de-passe", new()
        {
            ["MotDePasseActuel"] = Comptes.MotDePasse, ["NouveauMotDePasse"] = "une toute nouvelle phrase", ["Confirmation"] = "une toute nouvelle phrase",
        });

        Assert.Equal(HttpStatusCode.OK, page.Statut);
        Assert.Equal(CompteController.MessageVerrouille, page.ErreurDuChamp("MotDePasseActuel"));
        Assert.Equal(verifies, portail.Hachages.Verifications(courriel));
    }

    [Fact]
    public async Task L_administrateur_voit_le_verrouillage_a_l_heure_de_Paris_et_deverrouille_le_compte()
    {
        var courriel = await portail.CreerAsync(Roles.AgentDSI);
        await VerrouillerAsync(courriel);
        var (id, fin) = await portail.ExecuterAsync(async db =>
        {
            var u = await db.Users.AsNoTracking().SingleAsync(u => u.Email == courriel);
            return (u.Id, u.LockoutEnd!.Value);
        });
        var attendu = "Verrouillé jusqu'au " + TimeZoneInfo.ConvertTime(fin, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris"))
            .ToString("dd/MM/yyyy HH:mm", CultureInfo.GetCultureInfo("fr-FR"));

        using var admin = await portail.ConnecterAsync(Comptes.Admin);
        var liste = await admin.GetAsync("/administration/utilisateurs");
        var ligne = liste.Document.QuerySelectorAll("tbody tr").Single(tr => tr.TextContent.Contains(courriel, StringComparison.Ordinal));
        Assert.Contains(attendu, ligne.TextContent, StringComparison.Ordinal);

        var reponse = await admin.SoumettreAsync("/administration/utilisateurs", new(), action: $"/administration/utilisateurs/{id}/deverrouiller");
        Assert.Equal(HttpStatusCode.Redirect, reponse.Statut);
        var apres = await admin.GetAsync("/administration/utilisateurs");
        Assert.DoesNotContain("Verrouillé", apres.Document.QuerySelectorAll("tbody tr").Single(tr => tr.TextContent.Contains(courriel, StringComparison.Ordinal)).TextContent, StringComparison.Ordinal);

        using var session = await portail.ConnecterAsync(courriel, Comptes.MotDePasse);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/membres")).Statut);
    }

    [Fact]
    public async Task Deverrouiller_ne_rouvre_pas_un_compte_desactive()
    {
        var courriel = await portail.CreerAsync(Roles.AgentDSI);
        await DesactiverAsync(courriel);
        var id = portail.Executer(db => db.Users.Single(u => u.Email == courriel).Id);

        using var admin = await portail.ConnecterAsync(Comptes.Admin);
        var jeton = (await admin.GetAsync("/administration/utilisateurs")).Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostAsync($"/administration/utilisateurs/{id}/deverrouiller", new(), jeton)).Statut);

        using var session = portail.NouvelleSession();
        var page = await session.SoumettreAsync("/compte/connexion", new() { ["Courriel"] = courriel, ["MotDePasse"] = Comptes.MotDePasse });
        Assert.Equal(HttpStatusCode.OK, page.Statut);
        Assert.Contains(CompteController.MessageDesactive, page.TexteVisible, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/erreur/0")]
    [InlineData("/erreur/200")]
    [InlineData("/erreur/302")]
    [InlineData("/erreur/399")]
    [InlineData("/erreur/600")]
    [InlineData("/erreur/-1")]
    [InlineData("/erreur/2147483647")]
    public async Task Une_page_d_erreur_d_un_statut_qui_n_est_pas_une_erreur_repond_404(string url)
    {
        using var session = portail.NouvelleSession();
        var page = await session.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, page.Statut);
        Assert.Contains("Page introuvable", page.TexteVisible, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(404)]
    [InlineData(503)]
    public async Task Une_page_d_erreur_d_un_vrai_statut_d_erreur_le_garde(int statut)
    {
        using var session = portail.NouvelleSession();
        var page = await session.GetAsync("/erreur/" + statut.ToString(CultureInfo.InvariantCulture));

        Assert.Equal(statut, (int)page.Statut);
    }

    /// <summary>The page without what legitimately differs: the address typed and the antiforgery token.</summary>
    private static string Anonymiser(string html, string courriel) =>
        JetonAntiforgery().Replace(html.Replace(courriel, "ADRESSE", StringComparison.Ordinal), "JETON");

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"[^\"]*\"")]
    private static partial Regex JetonAntiforgery();

    private async Task VerrouillerAsync(string courriel)
    {
        using var session = portail.NouvelleSession();
        for (var i = 0; i < Maximum; i++)
        {
            await session.SoumettreAsync("/compte/connexion", new() { ["Courriel"] = courriel, ["MotDePasse"] = "mauvais mot de passe " + i });
        }
    }

    private Task<int> DesactiverAsync(string courriel) => portail.ExecuterAsync(db =>
        db.Users.Where(u => u.Email == courriel).ExecuteUpdateAsync(s => s.SetProperty(u => u.Actif, false).SetProperty(u => u.LockoutEnd, DateTimeOffset.MaxValue)));
}
