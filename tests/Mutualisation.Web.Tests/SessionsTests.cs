using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Mutualisation.Domain.Commun;
using Mutualisation.Web.Infrastructure;
using Mutualisation.Web.Tests.Outils;

namespace Mutualisation.Web.Tests;

/// <summary>
/// Sessions are checked against a per-instance cache of security stamps (docs/adr/0009): revoked at
/// once on the instance that revokes, within the cache's lifetime on another one, and a signed-in
/// page does not read the user from the database.
/// </summary>
[Collection(PortailCollection.Nom)]
public class SessionsTests(PortailFactory portail)
{
    [Fact]
    public async Task Un_compte_desactive_sur_une_instance_perd_sa_session_sur_l_autre_des_que_son_cache_expire()
    {
        var horloge = new FakeTimeProvider(portail.Horloge.GetUtcNow());
        using var autreInstance = PortailFactory.SurLaMemeBase(portail);
        autreInstance.ServicesDeTest = s => s.AddSingleton<TimeProvider>(horloge);
        var courriel = await portail.CreerAsync(Roles.AgentDSI);
        using var ici = await portail.ConnecterAsync(courriel, Comptes.MotDePasse);
        using var labas = SessionAvecLesCookiesDe(autreInstance, ici);
        Assert.Equal(HttpStatusCode.OK, (await labas.GetAsync("/compte/mot-de-passe")).Statut);

        await DesactiverAsync(courriel);

        Assert.Equal(HttpStatusCode.Redirect, (await ici.GetAsync("/compte/mot-de-passe")).Statut);
        Assert.Equal(HttpStatusCode.OK, (await labas.GetAsync("/compte/mot-de-passe")).Statut);
        horloge.Advance(autreInstance.Services.GetRequiredService<IOptions<OptionsSessions>>().Value.DureeCacheEmpreintes);
        var refus = await labas.GetAsync("/compte/mot-de-passe");
        Assert.Equal(HttpStatusCode.Redirect, refus.Statut);
        Assert.Contains("/compte/connexion", refus.Redirection, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Un_nouveau_mot_de_passe_garde_la_nouvelle_session_sur_l_autre_instance_et_y_ferme_l_ancienne()
    {
        using var autreInstance = PortailFactory.SurLaMemeBase(portail);
        autreInstance.ServicesDeTest = s => s.AddSingleton<TimeProvider>(new FakeTimeProvider(portail.Horloge.GetUtcNow()));
        var courriel = await portail.CreerAsync(Roles.Finance);
        using var session = await portail.ConnecterAsync(courriel, Comptes.MotDePasse);
        using var ancienne = SessionAvecLesCookiesDe(autreInstance, session);
        Assert.Equal(HttpStatusCode.OK, (await ancienne.GetAsync("/compte/mot-de-passe")).Statut);

        var changement = await session.SoumettreAsync("/compte/mot-de-passe", new()
        {
            ["MotDePasseActuel"] = Comptes.MotDePasse, ["NouveauMotDePasse"] = "une phrase de passe toute neuve", ["Confirmation"] = "une phrase de passe toute neuve",
        });
        Assert.Equal(HttpStatusCode.Redirect, changement.Statut);

        using var nouvelle = SessionAvecLesCookiesDe(autreInstance, session);
        Assert.Equal(HttpStatusCode.OK, (await nouvelle.GetAsync("/compte/mot-de-passe")).Statut);
        Assert.Equal(HttpStatusCode.Redirect, (await ancienne.GetAsync("/compte/mot-de-passe")).Statut);
    }

    [Fact]
    public async Task Une_page_connectee_ne_relit_pas_l_utilisateur_en_base()
    {
        using var instance = PortailFactory.SurLaMemeBase(portail);
        instance.ServicesDeTest = s => s.AddSingleton<TimeProvider>(new FakeTimeProvider(portail.Horloge.GetUtcNow()));
        var courriel = await portail.CreerAsync(Roles.AgentDSI);
        using var session = SessionAvecLesCookiesDe(instance, await portail.ConnecterAsync(courriel, Comptes.MotDePasse));
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/compte/mot-de-passe")).Statut);

        using var journal = new JournalSql(instance.Base);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/compte/mot-de-passe")).Statut);

        // Neither the user (its stamp is cached, ADR 0009) nor the navigation's unread count (cached too, NonLuesParUtilisateur):
        // a trivial signed-in page sends no query once its user has been seen.
        Assert.Empty(journal.Commandes);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/membres")).Statut);
        Assert.DoesNotContain(journal.Commandes, c => c.Texte.Contains("AspNetUsers", StringComparison.Ordinal));
    }

    private static Session SessionAvecLesCookiesDe(PortailFactory instance, Session autre)
    {
        var session = instance.NouvelleSession();
        foreach (var (nom, valeur) in autre.Cookies)
        {
            session.Cookies[nom] = valeur;
        }

        return session;
    }

    private async Task DesactiverAsync(string courriel)
    {
        var id = portail.Executer(db => db.Users.Single(u => u.Email == courriel).Id);
        using var admin = await portail.ConnecterAsync(Comptes.Admin);
        var reponse = await admin.SoumettreAsync("/administration/utilisateurs", new(), action: $"/administration/utilisateurs/{id}/desactiver");
        Assert.Equal(HttpStatusCode.Redirect, reponse.Statut);
    }
}
