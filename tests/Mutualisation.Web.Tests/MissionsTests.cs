using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Mutualisation.Domain.Commun;
using Mutualisation.Domain.Missions;
using Mutualisation.Web.Features.Missions;
using Mutualisation.Web.Tests.Outils;

namespace Mutualisation.Web.Tests;

/// <summary>
/// N1 missions: the allowance read from the catalogue in force (Redon: 2,5 / 4,5 / 6,5 days by population bracket),
/// consumption from the time entries of the exercice, the overage priced by the engine (200 € per half-day),
/// the forms' errors beside their fields, and a Mairie user kept to her own commune. The tests' clock is Thursday 15 October 2026.
/// </summary>
[Collection(PortailCollection.Nom)]
public class MissionsTests(PortailFactory portail)
{
    private static string Texte(int valeur) => valeur.ToString(CultureInfo.InvariantCulture);

    private static JsonElement Json(Session.Page page) => JsonDocument.Parse(page.Texte).RootElement;

    [Theory]
    [InlineData(1200, "moins de 1 500 habitants", 2.5)]
    [InlineData(1500, "de 1 500 à moins de 3 000 habitants", 4.5)]
    [InlineData(2999, "de 1 500 à moins de 3 000 habitants", 4.5)]
    [InlineData(3000, "de 3 000 à 8 000 habitants", 6.5)]
    [InlineData(8000, "de 3 000 à 8 000 habitants", 6.5)]
    public async Task L_allocation_se_lit_dans_le_catalogue_par_tranche_de_population(int population, string tranche, double allocation)
    {
        var commune = await portail.AjouterCommuneAsync(population: population);
        using var agent = await portail.ConnecterAsync(Comptes.Agent);

        var json = Json(await agent.GetAsync($"/api/v1/membres/{commune.CodeInsee.Valeur}/jours-n1?exercice=2026"));

        Assert.Equal((tranche, (decimal)allocation, 0m, (decimal)allocation, 0m, 0m),
            (json.GetProperty("tranche").GetString(), json.GetProperty("allocation").GetDecimal(), json.GetProperty("consomme").GetDecimal(),
             json.GetProperty("restant").GetDecimal(), json.GetProperty("depassement").GetDecimal(), json.GetProperty("depassementEuros").GetDecimal()));
    }

    [Fact]
    public async Task Au_dela_de_l_allocation_chaque_demi_journee_est_facturee_200_euros_par_le_moteur()
    {
        // 1 200 inhabitants: 2,5 days (5 half-days) free; 3,5 days in 2026 → 2 half-days over → 400 €. The 2025 day does not count.
        var commune = await portail.AjouterCommuneAsync(population: 1200);
        await portail.AjouterMissionAsync(commune.Id, StatutMission.EnCours, null,
            (new DateOnly(2025, 12, 18), 1m), (new DateOnly(2026, 1, 6), 1m), (new DateOnly(2026, 3, 3), 1m), (new DateOnly(2026, 6, 2), 1m), (new DateOnly(2026, 9, 1), 0.5m));
        using var agent = await portail.ConnecterAsync(Comptes.Agent);

        var json = Json(await agent.GetAsync($"/api/v1/membres/{commune.CodeInsee.Valeur}/jours-n1?exercice=2026"));

        Assert.Equal((2.5m, 3.5m, 0m, 1m, 400m),
            (json.GetProperty("allocation").GetDecimal(), json.GetProperty("consomme").GetDecimal(), json.GetProperty("restant").GetDecimal(),
             json.GetProperty("depassement").GetDecimal(), json.GetProperty("depassementEuros").GetDecimal()));

        var page = await agent.GetAsync($"/missions/membres/{commune.Id}?exercice=2026");
        Assert.Contains("400,00", page.Document.GetElementById("depassement-n1")!.TextContent, StringComparison.Ordinal);
        var vivier = await agent.GetAsync("/missions/n1?exercice=2026&tri=depassement&sens=desc");
        var ligne = vivier.Document.QuerySelectorAll("#jours-n1 tbody tr").Single(tr => tr.TextContent.Contains(commune.Nom, StringComparison.Ordinal));
        Assert.Contains("400,00", ligne.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task La_consommation_de_l_exercice_se_lit_en_une_requete_pour_un_ensemble_de_membres()
    {
        var a = await portail.AjouterCommuneAsync();
        var b = await portail.AjouterCommuneAsync();
        var sans = await portail.AjouterCommuneAsync();
        await portail.AjouterMissionAsync(a.Id, StatutMission.EnCours, null, (new DateOnly(2025, 12, 31), 1m), (new DateOnly(2026, 1, 2), 0.5m), (new DateOnly(2026, 2, 3), 1m));
        await portail.AjouterMissionAsync(a.Id, StatutMission.Terminee, null, (new DateOnly(2026, 5, 5), 0.5m));
        await portail.AjouterMissionAsync(b.Id, StatutMission.EnCours, null, (new DateOnly(2026, 10, 15), 0.5m));

        await using var scope = portail.Services.CreateAsyncScope();
        var consommation = scope.ServiceProvider.GetRequiredService<ConsommationN1>();
        using var journal = new JournalSql(portail.Base);
        var lus = await consommation.DemiJourneesAsync(2026, [a.Id, b.Id, sans.Id], CancellationToken.None);

        Assert.Single(journal.Commandes);
        Assert.Equal(4m, lus[a.Id]);
        Assert.Equal(1m, lus[b.Id]);
        Assert.False(lus.ContainsKey(sans.Id));
        Assert.Equal(2m, (await consommation.DemiJourneesAsync(2025, [a.Id], CancellationToken.None))[a.Id]);
    }

    [Fact]
    public async Task Un_agent_cree_demarre_saisit_et_voit_la_saisie_du_samedi_signalee_hors_plages()
    {
        var commune = await portail.AjouterCommuneAsync(population: 2000);
        using var agent = await portail.ConnecterAsync(Comptes.Agent);

        var creation = await agent.SoumettreAsync($"/missions/nouvelle?membre={commune.Id}", new()
        {
            ["MembreId"] = Texte(commune.Id), ["Objet"] = "Choix d'un logiciel de cimetière", ["EnjeuxEtRisques"] = "Logiciel non maintenu",
            ["DateDebut"] = "01/10/2026", ["DateFinPrevue"] = "15/12/2026", ["JoursPrevus"] = "2,5", ["Livrables"] = "Expression des besoins\nAnalyse des offres",
            ["ContactMembreNom"] = "Mme Secrétaire", ["ContactDsiNom"] = "Alain Agent",
        }, "/missions/nouvelle");
        Assert.Equal(HttpStatusCode.Redirect, creation.Statut);
        var url = creation.Redirection!;
        var detail = await agent.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, (await agent.PostAsync(url + "/demarrer", [], Jeton(detail, url + "/demarrer"))).Statut);

        var samedi = await agent.SoumettreAsync(url + "/saisies/nouvelle", new() { ["Date"] = "10/10/2026", ["Jours"] = "0,5", ["Creneau"] = "Matin", ["Commentaire"] = "Urgence" });
        Assert.Equal(HttpStatusCode.Redirect, samedi.Statut);
        var vendredi = await agent.SoumettreAsync(url + "/saisies/nouvelle", new()
        {
            ["Date"] = "09/10/2026", ["Jours"] = "0,5", ["Creneau"] = "Horaires", ["HeureDebut"] = "14:00", ["HeureFin"] = "17:30",
        });
        Assert.Equal(HttpStatusCode.Redirect, vendredi.Statut);
        Assert.Equal(HttpStatusCode.Redirect, (await agent.SoumettreAsync(url + "/saisies/nouvelle", new() { ["Date"] = "13/10/2026", ["Jours"] = "1", ["Creneau"] = "Journee" })).Statut);

        var page = await agent.GetAsync(url);
        var lignes = page.Document.QuerySelectorAll("tr.saisie-temps").ToDictionary(tr => tr.Children[0].TextContent.Trim(), tr => tr.QuerySelector(".hors-plages") is not null);
        Assert.Equal(new Dictionary<string, bool> { ["13/10/2026"] = false, ["10/10/2026"] = true, ["09/10/2026"] = true }, lignes);
        Assert.Contains("2 jours", page.Document.GetElementById("jours-consommes")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(page.Document.QuerySelectorAll("tr.evenement-mission"), tr => tr.TextContent.Contains("Brouillon → En cours", StringComparison.Ordinal)
            && tr.TextContent.Contains("Alain Agent (démo)", StringComparison.Ordinal));

        var json = Json(await agent.GetAsync($"/api/v1/membres/{commune.CodeInsee.Valeur}/jours-n1"));
        Assert.Equal((4.5m, 2m, 2.5m), (json.GetProperty("allocation").GetDecimal(), json.GetProperty("consomme").GetDecimal(), json.GetProperty("restant").GetDecimal()));
    }

    [Fact]
    public async Task Une_saisie_invalide_revient_avec_l_erreur_a_cote_du_champ_et_la_saisie_gardee()
    {
        var commune = await portail.AjouterCommuneAsync();
        var (mission, _) = await portail.AjouterMissionAsync(commune.Id, StatutMission.EnCours, new DateOnly(2026, 10, 1));
        using var agent = await portail.ConnecterAsync(Comptes.Agent);
        var url = $"/missions/{mission}/saisies/nouvelle";

        var demi = await agent.SoumettreAsync(url, new() { ["Date"] = "14/10/2026", ["Jours"] = "0,3", ["Creneau"] = "Matin", ["Commentaire"] = "gardé" });
        Assert.Equal(HttpStatusCode.OK, demi.Statut);
        Assert.Contains("multiple de 0,5", demi.ErreurDuChamp("Jours"), StringComparison.Ordinal);
        Assert.Equal("0,3", demi.ValeurDuChamp("Jours"));
        Assert.Equal("gardé", demi.Document.GetElementById("Commentaire")!.TextContent);

        var avant = await agent.SoumettreAsync(url, new() { ["Date"] = "30/09/2026", ["Jours"] = "0,5", ["Creneau"] = "Matin" });
        Assert.Contains("01/10/2026", avant.ErreurDuChamp("Date"), StringComparison.Ordinal);
        Assert.Equal("30/09/2026", avant.ValeurDuChamp("Date"));

        var heures = await agent.SoumettreAsync(url, new() { ["Date"] = "14/10/2026", ["Jours"] = "0,5", ["Creneau"] = "Horaires", ["HeureDebut"] = "15:00", ["HeureFin"] = "14:00" });
        Assert.Contains("heure de fin", heures.ErreurDuChamp("HeureFin"), StringComparison.Ordinal);

        var detail = await agent.GetAsync($"/missions/{mission}");
        Assert.Empty(detail.Document.QuerySelectorAll("tr.saisie-temps"));
    }

    [Fact]
    public async Task Une_lettre_invalide_revient_avec_l_erreur_a_cote_du_champ()
    {
        var commune = await portail.AjouterCommuneAsync();
        using var agent = await portail.ConnecterAsync(Comptes.Agent);
        Dictionary<string, string?> Champs(string debut, string fin, string jours) => new()
        {
            ["MembreId"] = Texte(commune.Id), ["Objet"] = "Mission refusée", ["DateDebut"] = debut, ["DateFinPrevue"] = fin, ["JoursPrevus"] = jours,
        };

        var negatifs = await agent.SoumettreAsync($"/missions/nouvelle?membre={commune.Id}", Champs("01/10/2026", "15/12/2026", "-1"), "/missions/nouvelle");
        Assert.Equal(HttpStatusCode.OK, negatifs.Statut);
        Assert.Contains("négatifs", negatifs.ErreurDuChamp("JoursPrevus"), StringComparison.Ordinal);
        Assert.Equal("-1", negatifs.ValeurDuChamp("JoursPrevus"));
        Assert.Equal("Mission refusée", negatifs.ValeurDuChamp("Objet"));

        var demi = await agent.SoumettreAsync($"/missions/nouvelle?membre={commune.Id}", Champs("01/10/2026", "15/12/2026", "1,2"), "/missions/nouvelle");
        Assert.Contains("multiple de 0,5", demi.ErreurDuChamp("JoursPrevus"), StringComparison.Ordinal);

        var ordre = await agent.SoumettreAsync($"/missions/nouvelle?membre={commune.Id}", Champs("10/11/2026", "01/11/2026", "2"), "/missions/nouvelle");
        Assert.Contains("mauvais ordre", ordre.ErreurDuChamp("DateFinPrevue"), StringComparison.Ordinal);
        Assert.Equal("01/11/2026", ordre.ValeurDuChamp("DateFinPrevue"));

        var liste = await agent.GetAsync($"/missions?Membre={commune.Id}");
        Assert.DoesNotContain("Mission refusée", liste.Texte, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Une_transition_refusee_revient_sur_la_mission_en_francais()
    {
        var commune = await portail.AjouterCommuneAsync();
        var (mission, _) = await portail.AjouterMissionAsync(commune.Id, StatutMission.Brouillon);
        using var agent = await portail.ConnecterAsync(Comptes.Agent);
        var url = $"/missions/{mission}";
        var detail = await agent.GetAsync(url);

        var terminer = await agent.PostAsync(url + "/terminer", [], Jeton(detail, url + "/annuler"));
        Assert.Equal(HttpStatusCode.Redirect, terminer.Statut);
        var page = await agent.GetAsync(url);
        Assert.Contains("Seule une mission en cours se termine", page.TexteVisible, StringComparison.Ordinal);
        var saisie = await agent.SoumettreAsync($"/missions/{mission}/saisies/nouvelle", new() { ["Date"] = "14/10/2026", ["Jours"] = "0,5", ["Creneau"] = "Matin" });
        Assert.Equal(HttpStatusCode.OK, saisie.Statut);
        Assert.Contains("Démarrez la mission", saisie.Document.QuerySelector(".alert-danger")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Une_mairie_voit_ses_missions_et_ses_jours_mais_rien_d_une_autre_commune()
    {
        var propre = await portail.AjouterCommuneAsync();
        var etrangere = await portail.AjouterCommuneAsync();
        var (sienne, _) = await portail.AjouterMissionAsync(propre.Id, StatutMission.EnCours, null, (new DateOnly(2026, 10, 1), 0.5m));
        var (autre, saisie) = await portail.AjouterMissionAsync(etrangere.Id, StatutMission.EnCours, null, (new DateOnly(2026, 10, 1), 0.5m));
        using var mairie = await portail.ConnecterAsync(await portail.CreerAsync(Roles.Mairie, propre.Id), Comptes.MotDePasse);

        Assert.Equal(HttpStatusCode.OK, (await mairie.GetAsync($"/missions/{sienne}")).Statut);
        Assert.Equal(HttpStatusCode.OK, (await mairie.GetAsync($"/api/v1/membres/{propre.CodeInsee.Valeur}/jours-n1")).Statut);
        Assert.Equal(HttpStatusCode.NotFound, (await mairie.GetAsync($"/missions/{autre}")).Statut);
        Assert.Equal(HttpStatusCode.NotFound, (await mairie.GetAsync($"/missions/membres/{etrangere.Id}")).Statut);
        Assert.Equal(HttpStatusCode.NotFound, (await mairie.GetAsync($"/api/v1/membres/{etrangere.CodeInsee.Valeur}/jours-n1")).Statut);
        Assert.True(Refuse(await mairie.GetAsync("/missions/n1")));
        var liste = await mairie.GetAsync("/missions");
        Assert.DoesNotContain(etrangere.Nom, liste.Texte, StringComparison.Ordinal);
        Assert.Contains(propre.Nom, liste.Texte, StringComparison.Ordinal);

        // Writing is the DSI's: even on her own mission, a Mairie user cannot record time.
        var jeton = Jeton(await mairie.GetAsync("/compte/mot-de-passe"), null);
        var refus = await mairie.PostAsync($"/missions/{sienne}/saisies/nouvelle", new() { ["Date"] = "14/10/2026", ["Jours"] = "0,5", ["Creneau"] = "Matin" }, jeton);
        Assert.True(Refuse(refus));
        Assert.True(Refuse(await mairie.PostAsync($"/missions/{autre}/saisies/{saisie}/supprimer", [], jeton)));
        var apres = await portail.ExecuterAsync(db => Task.FromResult(db.Missions.Where(m => m.Id == autre || m.Id == sienne).Select(m => m.Saisies.Count).ToList()));
        Assert.Equal([1, 1], apres);
    }

    [Fact]
    public async Task L_API_des_jours_N1_est_decrite_en_francais_dans_le_document_OpenAPI()
    {
        using var agent = await portail.ConnecterAsync(Comptes.Agent);
        using var json = JsonDocument.Parse((await agent.GetAsync("/openapi/v1.json")).Texte);

        var operation = json.RootElement.GetProperty("paths").GetProperty("/api/v1/membres/{inseeCode}/jours-n1").GetProperty("get");
        Assert.StartsWith("Jours N1", operation.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.Contains("allocation", operation.GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Les_missions_de_demonstration_montrent_des_jours_restants_un_depassement_et_une_saisie_hors_plages_semees_une_seule_fois()
    {
        using var admin = await portail.ConnecterAsync(Comptes.Admin);
        var mairie = Json(await admin.GetAsync("/api/v1/membres/44185/jours-n1?exercice=2026"));
        Assert.True(mairie.GetProperty("consomme").GetDecimal() > 0 && mairie.GetProperty("restant").GetDecimal() > 0, mairie.ToString());
        var depasse = Json(await admin.GetAsync("/api/v1/membres/35268/jours-n1?exercice=2026"));
        Assert.True(depasse.GetProperty("depassementEuros").GetDecimal() > 0, depasse.ToString());
        var horsPlages = await portail.ExecuterAsync(db => Task.FromResult(db.Missions.SelectMany(m => m.Saisies).Count(s => s.HorsPlages != null)));
        Assert.True(horsPlages >= 1);

        using var cccf = PortailFactory.SurUneNouvelleBase();
        cccf.Reglages["Demo:Profil"] = "coeur-cote-fleurie";
        var missions = await cccf.ExecuterAsync(db => Task.FromResult(db.Missions.Count()));
        Assert.True(missions >= 1);
        using var redemarre = PortailFactory.SurLaMemeBase(cccf);
        Assert.Equal(missions, await redemarre.ExecuterAsync(db => Task.FromResult(db.Missions.Count())));
    }

    private static bool Refuse(Session.Page page) =>
        page.Statut == HttpStatusCode.Forbidden || (page.Statut == HttpStatusCode.Redirect && page.Redirection!.Contains("/compte/acces-refuse", StringComparison.Ordinal));

    private static string Jeton(Session.Page page, string? action) =>
        (action is null ? page.Document.DocumentElement : page.Document.QuerySelectorAll("form").First(f => f.GetAttribute("action") == action))
        .QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
}

/// <summary>The view components the home pages compose: what each shows, and nothing of another commune for a Mairie user.</summary>
[Collection(PortailCollection.Nom)]
public class ComposantsMissionsTests(PortailFactory portail)
{
    [Fact]
    public async Task JoursN1DuMembre_montre_allocation_consomme_restant_depassement_et_les_missions()
    {
        var commune = await portail.AjouterCommuneAsync(population: 1200);
        var (mission, _) = await portail.AjouterMissionAsync(commune.Id, StatutMission.EnCours, null, (new DateOnly(2026, 3, 3), 1m), (new DateOnly(2026, 3, 4), 1m), (new DateOnly(2026, 3, 5), 1m));

        var rendu = await portail.RendreAsync("JoursN1DuMembre", new { membreId = commune.Id, exercice = 2026 }, Roles.Mairie, commune.Id);

        var section = rendu.QuerySelector("section")!;
        Assert.Equal("Jours N1 2026", section.QuerySelector("h2")!.TextContent.Trim());
        Assert.Equal(("2,5 jours", "3 jours", "0 jour"), (Texte(rendu, "#allocation-n1"), Texte(rendu, "#consomme-n1"), Texte(rendu, "#restant-n1")));
        Assert.Contains("200,00", Texte(rendu, "#depassement-n1"), StringComparison.Ordinal);
        Assert.NotNull(rendu.QuerySelector($"a[href='/missions/{mission}']"));
    }

    [Fact]
    public async Task JoursN1DuMembre_ne_rend_rien_d_une_autre_commune_pour_une_mairie()
    {
        var propre = await portail.AjouterCommuneAsync();
        var etrangere = await portail.AjouterCommuneAsync();
        await portail.AjouterMissionAsync(etrangere.Id, StatutMission.EnCours, null, (new DateOnly(2026, 3, 3), 1m));

        var rendu = await portail.RendreAsync("JoursN1DuMembre", new { membreId = etrangere.Id, exercice = 2026 }, Roles.Mairie, propre.Id);

        Assert.Null(rendu.QuerySelector("section"));
        Assert.DoesNotContain(etrangere.Nom, rendu.DocumentElement.OuterHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TableauDeBordMissions_montre_le_vivier_les_missions_en_cours_les_depassements_et_les_saisies_hors_plages()
    {
        var commune = await portail.AjouterCommuneAsync(population: 1200);
        var (mission, _) = await portail.AjouterMissionAsync(commune.Id, StatutMission.EnCours, null,
            (new DateOnly(2026, 3, 3), 1m), (new DateOnly(2026, 3, 4), 1m), (new DateOnly(2026, 3, 5), 1m), (new DateOnly(2026, 10, 10), 0.5m));

        var rendu = await portail.RendreAsync("TableauDeBordMissions", new { exercice = 2026 }, Roles.AgentDSI);

        var section = rendu.QuerySelector("section")!;
        Assert.Equal("Missions N1 2026", section.QuerySelector("h2")!.TextContent.Trim());
        Assert.Contains("Vivier", section.TextContent, StringComparison.Ordinal);
        var listes = section.QuerySelectorAll("li").Select(li => li.TextContent).ToList();
        Assert.Contains(listes, l => l.Contains(commune.Nom, StringComparison.Ordinal) && l.Contains("fin prévue", StringComparison.Ordinal));
        Assert.Contains(listes, l => l.Contains(commune.Nom, StringComparison.Ordinal) && l.Contains("au-delà", StringComparison.Ordinal) && l.Contains("400,00", StringComparison.Ordinal));
        Assert.Contains(listes, l => l.Contains("10/10/2026", StringComparison.Ordinal) && l.Contains("week-end", StringComparison.Ordinal));
        Assert.NotNull(section.QuerySelector($"a[href='/missions/{mission}#saisies']"));
    }

    private static string Texte(AngleSharp.Dom.IDocument document, string selecteur) => document.QuerySelector(selecteur)!.TextContent.Trim();
}
