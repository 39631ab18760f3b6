using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mutualisation.Domain.Commun;
using Mutualisation.Persistence.Travaux;
using Mutualisation.Web.Features.Travaux;
using Mutualisation.Web.Tests.Outils;

namespace Mutualisation.Web.Tests;

[Collection(PortailCollection.Nom)]
public class TravauxTests(PortailFactory portail)
{
    [Fact]
    public async Task Un_travail_lance_par_un_agent_des_finances_s_execute_sous_son_identite_et_garde_sa_progression()
    {
        var premiere = await portail.AjouterCommuneAsync();
        var seconde = await portail.AjouterCommuneAsync();
        var courriel = await portail.CreerAsync(Roles.Finance);
        var utilisateurId = portail.Executer(db => db.Users.Single(u => u.Email == courriel).Id);

        var id = await portail.LancerTravailAsync(courriel, TravailRenommage.Genre, new ParametresRenommage([premiere.Id, seconde.Id], " (renommée)"));
        var travail = await portail.AttendreFinAsync(id);

        Assert.Equal(EtatTravail.Termine, travail.Etat);
        Assert.Equal((2, (int?)2), (travail.Fait, travail.Total));
        Assert.Equal("2 membre(s) renommé(s).", travail.Message);
        Assert.Equal(utilisateurId, travail.CreeParId);
        Assert.NotNull(travail.DemarreLe);
        Assert.NotNull(travail.TermineLe);
        var cles = new[] { premiere.Id, seconde.Id }.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var historique = await portail.ExecuterAsync(db => db.Historique.AsNoTracking()
            .Where(h => h.Entite == "Membre" && h.Action == "Modification" && cles.Contains(h.EntiteId!))
            .Select(h => h.UtilisateurId).ToListAsync());
        Assert.Equal([utilisateurId, utilisateurId], historique);

        using var auteur = await portail.ConnecterAsync(courriel, Comptes.MotDePasse);
        var page = await auteur.GetAsync($"/travaux/{id}");
        Assert.Equal(HttpStatusCode.OK, page.Statut);
        Assert.Equal("Renommage de membres (test)", page.Document.QuerySelector("h1")?.TextContent);
        Assert.Equal("Terminé", page.Document.GetElementById("etat-travail")?.TextContent.Trim());
        var barre = page.Document.QuerySelector("progress#progression")!;
        Assert.Equal(("2", "2"), (barre.GetAttribute("value"), barre.GetAttribute("max")));
        Assert.NotNull(page.Document.QuerySelector("label[for=progression]"));
        Assert.NotNull(page.Document.QuerySelector("script[src^='/js/travaux.js']"));
        Assert.Contains("2 sur 2 (100 %)", page.TexteVisible, StringComparison.Ordinal);

        var etat = await auteur.GetAsync($"/travaux/{id}/etat");
        var json = JsonDocument.Parse(etat.Texte).RootElement;
        Assert.Equal("Termine", json.GetProperty("etat").GetString());
        Assert.True(json.GetProperty("fini").GetBoolean());

        using var admin = await portail.ConnecterAsync(Comptes.Admin);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/travaux/{id}")).Statut);
        using var autreFinances = await portail.ConnecterAsync(await portail.CreerAsync(Roles.Finance), Comptes.MotDePasse);
        Assert.Equal(HttpStatusCode.NotFound, (await autreFinances.GetAsync($"/travaux/{id}")).Statut);
        Assert.Equal(HttpStatusCode.NotFound, (await autreFinances.GetAsync($"/travaux/{id}/etat")).Statut);
    }

    [Fact]
    public async Task Un_travail_lance_par_une_mairie_ne_voit_que_sa_commune()
    {
        var sienne = await portail.AjouterCommuneAsync();
        var autre = await portail.AjouterCommuneAsync();
        var courriel = await portail.CreerAsync(Roles.Mairie, sienne.Id);

        var id = await portail.LancerTravailAsync(courriel, TravailRenommage.Genre, new ParametresRenommage([sienne.Id, autre.Id], " bis"));
        var travail = await portail.AttendreFinAsync(id);

        Assert.Equal(EtatTravail.Echoue, travail.Etat);
        Assert.Equal($"Le membre n° {autre.Id} est introuvable pour l'utilisateur qui a lancé le traitement.", travail.Message);
        Assert.Equal(1, travail.Fait);
        Assert.Equal(autre.Nom, await portail.ExecuterAsync(db => db.Membres.IgnoreQueryFilters().Where(m => m.Id == autre.Id).Select(m => m.Nom).SingleAsync()));
    }

    [Fact]
    public async Task Un_travail_laisse_en_cours_par_un_processus_arrete_est_marque_interrompu_au_redemarrage()
    {
        using var avant = PortailFactory.SurUneNouvelleBase();
        avant.Reglages["Travaux:Executant"] = "false";
        var courriel = await avant.CreerAsync(Roles.Finance);
        var maintenant = avant.Horloge.GetUtcNow();
        var abandonne = await EnCoursAsync(avant, courriel, TravailCompte.Genre, pouls: maintenant.AddMinutes(-5));
        var vivant = await EnCoursAsync(avant, courriel, TravailCompte.Genre, pouls: maintenant);
        var cleReprenable = Cle.Nouvelle();
        var reprenable = await EnCoursAsync(avant, courriel, TravailReprenable.Genre, pouls: maintenant.AddMinutes(-5), fait: 3, cleReprenable);

        using var apres = PortailFactory.SurLaMemeBase(avant);
        apres.Reglages["Travaux:Executant"] = "false";
        _ = apres.Services;

        var interrompu = await apres.ExecuterAsync(db => db.TravauxDeFond.AsNoTracking().SingleAsync(t => t.Id == abandonne));
        Assert.Equal(EtatTravail.Interrompu, interrompu.Etat);
        Assert.Equal("Le traitement a été interrompu (arrêt de l'application) ; relancez-le.", interrompu.Message);
        Assert.NotNull(interrompu.TermineLe);
        Assert.Equal(EtatTravail.EnCours, (await apres.ExecuterAsync(db => db.TravauxDeFond.AsNoTracking().SingleAsync(t => t.Id == vivant))).Etat);
        Assert.Equal(EtatTravail.EnAttente, (await apres.ExecuterAsync(db => db.TravauxDeFond.AsNoTracking().SingleAsync(t => t.Id == reprenable))).Etat);

        var executant = apres.Services.GetRequiredService<ExecutantTravaux>();
        while (await executant.TraiterSuivantAsync(CancellationToken.None))
        {
        }

        Assert.Equal(EtatTravail.Termine, (await apres.ExecuterAsync(db => db.TravauxDeFond.AsNoTracking().SingleAsync(t => t.Id == reprenable))).Etat);
        Assert.Equal(3, TravailReprenable.ReprisA[cleReprenable.Valeur]);

        using var session = await apres.ConnecterAsync(courriel, Comptes.MotDePasse);
        var page = await session.GetAsync($"/travaux/{abandonne}");
        Assert.Equal("Interrompu", page.Document.GetElementById("etat-travail")?.TextContent.Trim());
        Assert.Contains("relancez-le", page.TexteVisible, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Un_travail_en_cours_a_l_arret_de_l_application_dit_qu_il_faut_le_relancer()
    {
        using var base_ = PortailFactory.SurUneNouvelleBase();
        base_.Reglages["Travaux:Executant"] = "false";
        var courriel = await base_.CreerAsync(Roles.Finance);
        var instance = PortailFactory.SurLaMemeBase(base_);
        var cle = Cle.Nouvelle();
        var id = await instance.LancerTravailAsync(courriel, TravailSuspendu.Genre, cle);
        await TravailSuspendu.AMiCheminAsync(cle).WaitAsync(TimeSpan.FromSeconds(60));

        await instance.DisposeAsync();

        var travail = await base_.ExecuterAsync(db => db.TravauxDeFond.AsNoTracking().SingleAsync(t => t.Id == id));
        Assert.Equal(EtatTravail.Interrompu, travail.Etat);
        Assert.Equal(ExecutantTravaux.MessageInterrompu, travail.Message);
        Assert.Equal((1, (int?)2), (travail.Fait, travail.Total));
        Assert.NotNull(travail.TermineLe);
    }

    [Fact]
    public async Task Deux_executants_ne_lancent_jamais_le_meme_travail()
    {
        using var premier = PortailFactory.SurUneNouvelleBase();
        premier.Reglages["Travaux:Executant"] = "false";
        using var second = PortailFactory.SurLaMemeBase(premier);
        second.Reglages["Travaux:Executant"] = "false";
        var courriel = await premier.CreerAsync(Roles.Finance);
        var cles = Enumerable.Range(0, 40).Select(_ => Cle.Nouvelle()).ToList();
        var ids = new List<int>();
        foreach (var cle in cles)
        {
            ids.Add(await premier.LancerTravailAsync(courriel, TravailCompte.Genre, cle));
        }

        var executants = new[] { premier, second, premier, second }.Select(p => p.Services.GetRequiredService<ExecutantTravaux>()).ToList();
        await Task.WhenAll(executants.Select(e => Task.Run(async () =>
        {
            while (await e.TraiterSuivantAsync(CancellationToken.None))
            {
            }
        })));

        Assert.All(cles, cle => Assert.Equal(1, TravailCompte.Executions.GetValueOrDefault(cle.Valeur)));
        var etats = await premier.ExecuterAsync(db => db.TravauxDeFond.AsNoTracking().Where(t => ids.Contains(t.Id)).Select(t => t.Etat).ToListAsync());
        Assert.All(etats, e => Assert.Equal(EtatTravail.Termine, e));
        Assert.Equal(40, etats.Count);
    }

    private static async Task<int> EnCoursAsync(PortailFactory portail, string courriel, string genre, DateTimeOffset pouls, int fait = 0, Cle? cle = null)
    {
        var id = await portail.LancerTravailAsync(courriel, genre, cle ?? Cle.Nouvelle());
        await portail.ExecuterAsync(db => db.TravauxDeFond.Where(t => t.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(t => t.Etat, EtatTravail.EnCours)
            .SetProperty(t => t.Executant, "processus-arrete")
            .SetProperty(t => t.DemarreLe, pouls)
            .SetProperty(t => t.Pouls, pouls)
            .SetProperty(t => t.Fait, fait)));
        return id;
    }
}
