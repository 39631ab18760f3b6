using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Mutualisation.Domain.Commun;
using Mutualisation.Domain.Conventions;
using Mutualisation.Domain.FichesProjet;
using Mutualisation.Web.Tests.Outils;
using UglyToad.PdfPig;

namespace Mutualisation.Web.Tests;

/// <summary>
/// COPIL sessions (issue 11): the agenda takes only instructed fiches, each decision needs its motivation, the session
/// closes once every fiche is decided; the minutes, the schéma directeur and the fiche laid out as Annexe 3.
/// </summary>
[Collection(PortailCollection.Nom)]
public partial class CopilTests(PortailFactory portail)
{
    private static readonly Auteur Dsi = new(null, "Agent DSI");

    private static string Marque() => Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task La_dsi_inscrit_les_fiches_pretes_decide_de_chacune_avec_sa_motivation_puis_clot_la_seance()
    {
        var commune = await portail.AjouterCommuneAsync();
        var marque = Marque();
        var acceptee = await portail.AjouterFicheInstruiteAsync(commune.Id, $"Logiciel d'état civil {marque}");
        var ajournee = await portail.AjouterFicheInstruiteAsync(commune.Id, $"Portail famille {marque}");
        var pasPrete = await portail.AjouterFicheInstruiteAsync(commune.Id, $"Vidéoprotection {marque}", prete: false);
        using var agent = await portail.ConnecterAsync(Comptes.Agent);
        using var mairie = await portail.ConnecterAsync(await portail.CreerAsync(Roles.Mairie, commune.Id), Comptes.MotDePasse);

        // A wrong date: the form comes back with the error beside the field and the input kept.
        var refusee = await agent.SoumettreAsync("/copil", new() { ["Date"] = "31/02/2026", ["Libelle"] = $"Salle du conseil {marque}" });
        Assert.Equal(HttpStatusCode.OK, refusee.Statut);
        Assert.Contains("jj/mm/aaaa", refusee.ErreurDuChamp("Date"), StringComparison.Ordinal);
        Assert.Equal($"Salle du conseil {marque}", refusee.ValeurDuChamp("Libelle"));

        var creee = await agent.SoumettreAsync("/copil", new() { ["Date"] = "14/10/2026", ["Libelle"] = $"Salle du conseil {marque}", ["Participants"] = "Le président\nLa directrice de la DSI" });
        Assert.Equal(HttpStatusCode.Redirect, creee.Statut);
        var url = creee.Redirection!;
        var seance = int.Parse(url.Split('/')[^1], CultureInfo.InvariantCulture);

        // The fiche the DSI has not finished instructing is listed with its reason, and refused if posted anyway.
        var page = await agent.GetAsync(url);
        var ligne = page.Document.QuerySelectorAll("tr.fiche-candidate").Single(tr => tr.TextContent.Contains($"Vidéoprotection {marque}", StringComparison.Ordinal));
        Assert.Contains("pas prête", ligne.TextContent, StringComparison.Ordinal);
        Assert.Null(ligne.QuerySelector("form"));
        var refus = await agent.SoumettreAsync(url, new() { ["ficheId"] = Id(pasPrete) }, url + "/ordre-du-jour");
        Assert.Contains("Avant le COPIL, la DSI indique si l'existant couvre le besoin", (await agent.GetAsync(refus.Redirection!)).TexteVisible, StringComparison.Ordinal);
        Assert.Equal(EtatFiche.EnInstruction, await EtatAsync(pasPrete));

        foreach (var fiche in new[] { acceptee, ajournee })
        {
            Assert.Equal(HttpStatusCode.Redirect, (await agent.SoumettreAsync(url, new() { ["ficheId"] = Id(fiche) }, url + "/ordre-du-jour")).Statut);
            Assert.Equal(EtatFiche.PresenteeCopil, await EtatAsync(fiche));
        }

        var numeros = await portail.ExecuterAsync(db => db.FichesProjet.Where(f => f.Id == acceptee || f.Id == ajournee).ToDictionaryAsync(f => f.Id, f => f.Numero!));
        var cloture = await agent.SoumettreAsync(url, [], url + "/cloturer");
        var message = (await agent.GetAsync(cloture.Redirection!)).Document.GetElementById("message-seance")!.TextContent;
        Assert.Contains($"les fiches {numeros[acceptee]}, {numeros[ajournee]} n'ont pas encore de décision", message, StringComparison.Ordinal);

        // No motivation: refused beside the field, the choices kept, nothing recorded.
        var sansMotif = await agent.SoumettreAsync(url, new() { ["Decision"] = "Acceptee", ["AnneeSchemaDirecteur"] = "2027", ["Motivation"] = "  " }, $"{url}/decisions/{acceptee}");
        Assert.Equal(HttpStatusCode.OK, sansMotif.Statut);
        Assert.Equal("La motivation de la décision est obligatoire.", sansMotif.ErreurDuChamp($"Motivation-{acceptee}"));
        Assert.Equal("2027", sansMotif.Document.GetElementById($"AnneeSchemaDirecteur-{acceptee}")!.GetAttribute("value"));
        Assert.Equal("Acceptee", sansMotif.Document.QuerySelector($"#Decision-{acceptee} option[selected]")!.GetAttribute("value"));
        Assert.Equal(EtatFiche.PresenteeCopil, await EtatAsync(acceptee));

        // Accepted without a year: refused beside the year.
        var sansAnnee = await agent.SoumettreAsync(url, new() { ["Decision"] = "Acceptee", ["AnneeSchemaDirecteur"] = "", ["Motivation"] = "Besoin partagé." }, $"{url}/decisions/{acceptee}");
        Assert.Contains("indiquez son année au schéma directeur", sansAnnee.ErreurDuChamp($"AnneeSchemaDirecteur-{acceptee}"), StringComparison.Ordinal);
        Assert.Equal("Besoin partagé.", sansAnnee.Document.GetElementById($"Motivation-{acceptee}")!.TextContent);

        Assert.Equal(HttpStatusCode.Redirect, (await agent.SoumettreAsync(url,
            new() { ["Decision"] = "Acceptee", ["AnneeSchemaDirecteur"] = "2027", ["Motivation"] = "Logiciel non maintenu, besoin urgent." }, $"{url}/decisions/{acceptee}")).Statut);
        var cloture2 = await agent.SoumettreAsync(url, [], url + "/cloturer");
        Assert.Contains($"la fiche {numeros[ajournee]} n'a pas encore de décision", (await agent.GetAsync(cloture2.Redirection!)).TexteVisible, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await agent.SoumettreAsync(url,
            new() { ["Decision"] = "Ajournee", ["AnneeSchemaDirecteur"] = "", ["Motivation"] = "Chiffrage à préciser avec l'éditeur." }, $"{url}/decisions/{ajournee}")).Statut);
        Assert.Equal(HttpStatusCode.Redirect, (await agent.SoumettreAsync(url, [], url + "/cloturer")).Statut);
        var close = await agent.GetAsync(url);
        Assert.StartsWith("Close le", close.Document.GetElementById("etat-seance")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal(2, close.Document.QuerySelectorAll(".decision-point").Length);

        var fiches = await portail.ExecuterAsync(db => db.FichesProjet.AsNoTracking().Where(f => f.Id == acceptee || f.Id == ajournee).ToDictionaryAsync(f => f.Id));
        Assert.Equal((EtatFiche.Acceptee, 2027, new DateOnly(2026, 10, 14), seance), (fiches[acceptee].Etat, fiches[acceptee].AnneeSchemaDirecteur, fiches[acceptee].DecideeLe, fiches[acceptee].SeanceCopilId));
        Assert.Equal((EtatFiche.Ajournee, (int?)null), (fiches[ajournee].Etat, fiches[ajournee].AnneeSchemaDirecteur));

        // The commune reads its fiche's decision and motivation, but not the COPIL's pages.
        var vueCommune = await mairie.GetAsync($"/fiches-projet/{acceptee}");
        var decision = Assert.Single(vueCommune.Document.QuerySelectorAll("li.seance-fiche"));
        Assert.Contains("Acceptée, inscrit au schéma directeur 2027", decision.TextContent, StringComparison.Ordinal);
        Assert.Contains("Logiciel non maintenu, besoin urgent.", decision.TextContent, StringComparison.Ordinal);
        Assert.Null(decision.QuerySelector("a"));

        // …and is told: the decision is in the secretary's notifications (and an e-mail is queued for the commune's contacts).
        var notifications = await mairie.GetAsync("/notifications");
        Assert.Contains(numeros[acceptee], notifications.TexteVisible, StringComparison.Ordinal);
        Assert.True(await portail.ExecuterAsync(db => db.Set<Persistence.Echanges.NotificationFiche>().AnyAsync(n => n.FicheId == acceptee && n.Texte.Contains("Accept"))));
        Assert.Contains("/compte/acces-refuse", (await mairie.GetAsync(url)).Redirection, StringComparison.Ordinal);

        // The session is closed: nothing changes any more.
        Assert.Null(close.Document.QuerySelector("main form, form[action^='/copil']"));
        var jeton = (await agent.GetAsync("/copil")).Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value");
        var apres = await agent.PostAsync(url + "/ordre-du-jour", new() { ["ficheId"] = Id(pasPrete) }, jeton);
        Assert.Contains("est close", (await agent.GetAsync(apres.Redirection!)).TexteVisible, StringComparison.Ordinal);
        var decisionApres = await agent.PostAsync($"{url}/decisions/{ajournee}", new() { ["Decision"] = "Acceptee", ["Motivation"] = "Revue.", ["AnneeSchemaDirecteur"] = "2028" }, jeton);
        Assert.Equal(HttpStatusCode.OK, decisionApres.Statut);
        Assert.Contains("est close", decisionApres.Document.QuerySelector(".alert-danger")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(EtatFiche.Ajournee, await EtatAsync(ajournee));

        // The schéma directeur lists the accepted project in its year, with its cost and duration; not the adjourned one.
        var schema = await agent.GetAsync("/schema-directeur?annee=2027");
        var projet = schema.Document.QuerySelectorAll("tr.projet-schema").Single(tr => tr.TextContent.Contains($"Logiciel d'état civil {marque}", StringComparison.Ordinal));
        Assert.Contains(commune.Nom, projet.TextContent, StringComparison.Ordinal);
        Assert.Contains("14\u202F500,50 €", projet.TextContent, StringComparison.Ordinal);
        Assert.Contains("6 mois", projet.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain($"Portail famille {marque}", schema.Texte, StringComparison.Ordinal);
        Assert.DoesNotContain($"Logiciel d'état civil {marque}", (await agent.GetAsync("/schema-directeur?annee=2031")).Texte, StringComparison.Ordinal);

        // The minutes: date, place, attendees, and per fiche its number, commune, title, decision, motivation, year.
        var reponse = await agent.Client.SendAsync(Requete(agent, $"{url}/proces-verbal.pdf"));
        Assert.Equal("application/pdf", reponse.Content.Headers.ContentType!.MediaType);
        using var pdf = PdfDocument.Open(await reponse.Content.ReadAsByteArrayAsync());
        Assert.All(pdf.GetPages().SelectMany(p => p.Letters), l => Assert.Contains("Liberation Sans", l.FontName, StringComparison.Ordinal));
        var texte = Compact(string.Join(" ", pdf.GetPages().Select(p => p.Text)));
        string[] mentions =
        [
            "Procès-verbal du comité de pilotage", "Séance du 14/10/2026", $"Salle du conseil {marque}", "Participants", "Le président", "La directrice de la DSI",
            numeros[acceptee], numeros[ajournee], commune.Nom, $"Logiciel d'état civil {marque}", "Acceptée, schéma directeur 2027",
            "Logiciel non maintenu, besoin urgent.", "Ajournée", "Chiffrage à préciser avec l'éditeur.",
        ];
        Assert.All(mentions, m => Assert.Contains(Compact(m), texte, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Une_fiche_ajournee_revient_a_une_seance_suivante_et_le_proces_verbal_de_la_premiere_garde_l_ajournement()
    {
        var commune = await portail.AjouterCommuneAsync();
        var fiche = await portail.AjouterFicheInstruiteAsync(commune.Id, "Téléphonie " + Marque());
        var retiree = await portail.AjouterFicheInstruiteAsync(commune.Id, "Wifi public " + Marque());
        var premiere = await portail.AjouterSeanceAsync("Première séance", new DateOnly(2026, 9, 1), fiche, retiree);
        var seconde = await portail.AjouterSeanceAsync("Seconde séance", new DateOnly(2026, 10, 1));
        var quand = portail.Horloge.GetUtcNow();
        var aujourdHui = DateOnly.FromDateTime(PortailFactory.Maintenant.Date);

        await portail.ExecuterAsync(async db =>
        {
            var s1 = await db.SeancesCopil.Include(s => s.Points).Include(s => s.Evenements).SingleAsync(s => s.Id == premiere);
            var s2 = await db.SeancesCopil.Include(s => s.Points).Include(s => s.Evenements).SingleAsync(s => s.Id == seconde);
            var f = await db.FichesProjet.Include(x => x.Evenements).SingleAsync(x => x.Id == fiche);
            var r = await db.FichesProjet.Include(x => x.Evenements).SingleAsync(x => x.Id == retiree);

            // Not on the second session's agenda yet, and already on the first one's.
            Assert.Contains("n'est pas à l'ordre du jour", s2.Decider(f, DecisionCopil.Acceptee, "Motif", 2027, Dsi, quand, aujourdHui)!.Message, StringComparison.Ordinal);
            Assert.Contains("déjà à l'ordre du jour", s1.Inscrire(f, Dsi, quand)!.Message, StringComparison.Ordinal);

            // Withdrawn before its decision: back in instruction, no longer on the agenda.
            Assert.Null(s1.Retirer(r, Dsi, quand));
            Assert.Equal((EtatFiche.EnInstruction, (int?)null), (r.Etat, r.SeanceCopilId));

            Assert.Null(s1.Decider(f, DecisionCopil.Ajournee, "Attendre le budget.", null, Dsi, quand, aujourdHui));
            Assert.Contains("a déjà sa décision", s1.Retirer(f, Dsi, quand)!.Message, StringComparison.Ordinal);
            Assert.Null(s1.Cloturer(Dsi, quand));
            Assert.Contains("est close", s1.Inscrire(r, Dsi, quand)!.Message, StringComparison.Ordinal);

            Assert.Null(s2.Inscrire(f, Dsi, quand));
            Assert.Null(s2.Decider(f, DecisionCopil.Acceptee, "Budget voté.", 2027, Dsi, quand, aujourdHui));
            return await db.SaveChangesAsync();
        });

        var relue = await portail.ExecuterAsync(db => db.SeancesCopil.AsNoTracking().Include(s => s.Points).Include(s => s.Evenements).AsSplitQuery().SingleAsync(s => s.Id == premiere));
        var point = Assert.Single(relue.Points);
        Assert.Equal((fiche, DecisionCopil.Ajournee, "Attendre le budget.", (int?)null), (point.FicheId, point.Decision, point.Motivation, point.AnneeSchemaDirecteur));
        Assert.True(relue.EstCloturee);
        Assert.Equal(["Séance créée", "Fiche inscrite à l'ordre du jour", "Fiche inscrite à l'ordre du jour", "Fiche retirée de l'ordre du jour", "Décision : ajournée", "Séance close"],
            relue.Evenements.OrderBy(e => e.Id).Select(e => e.Libelle));
        var ficheRelue = await portail.ExecuterAsync(db => db.FichesProjet.AsNoTracking().SingleAsync(f => f.Id == fiche));
        Assert.Equal((EtatFiche.Acceptee, seconde, "Budget voté."), (ficheRelue.Etat, ficheRelue.SeanceCopilId, ficheRelue.Motivation));

        using var agent = await portail.ConnecterAsync(Comptes.Agent);
        using var pdf = PdfDocument.Open(await (await agent.Client.SendAsync(Requete(agent, $"/copil/{premiere}/proces-verbal.pdf"))).Content.ReadAsByteArrayAsync());
        var texte = Compact(string.Join(" ", pdf.GetPages().Select(p => p.Text)));
        Assert.Contains(Compact("Attendre le budget."), texte, StringComparison.Ordinal);
        Assert.DoesNotContain(Compact("Budget voté."), texte, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Une_decision_ne_se_prend_pas_avant_la_seance()
    {
        var commune = await portail.AjouterCommuneAsync();
        var fiche = await portail.AjouterFicheInstruiteAsync(commune.Id, "Archivage " + Marque());
        var seance = await portail.AjouterSeanceAsync("Séance à venir", new DateOnly(2026, 12, 3), fiche);
        using var agent = await portail.ConnecterAsync(Comptes.Agent);

        var page = await agent.SoumettreAsync($"/copil/{seance}", new() { ["Decision"] = "Refusee", ["Motivation"] = "Trop tôt." }, $"/copil/{seance}/decisions/{fiche}");

        Assert.Equal(HttpStatusCode.OK, page.Statut);
        Assert.Contains("n'a pas encore eu lieu", page.ErreurDuChamp($"Decision-{fiche}"), StringComparison.Ordinal);
        Assert.Equal(EtatFiche.PresenteeCopil, await EtatAsync(fiche));
    }

    [Fact]
    public async Task La_fiche_en_pdf_suit_l_annexe_3_avec_ses_montants_et_une_autre_commune_ne_l_obtient_pas()
    {
        var commune = await portail.AjouterCommuneAsync();
        var voisine = await portail.AjouterCommuneAsync();
        var marque = Marque();
        var fiche = await portail.AjouterFicheInstruiteAsync(commune.Id, $"Logiciel d'état civil {marque}");
        using var mairie = await portail.ConnecterAsync(await portail.CreerAsync(Roles.Mairie, commune.Id), Comptes.MotDePasse);
        using var autre = await portail.ConnecterAsync(await portail.CreerAsync(Roles.Mairie, voisine.Id), Comptes.MotDePasse);

        var reponse = await mairie.Client.SendAsync(Requete(mairie, $"/fiches-projet/{fiche}/pdf?version=1"));
        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        Assert.Equal("application/pdf", reponse.Content.Headers.ContentType!.MediaType);
        var nom = reponse.Content.Headers.ContentDisposition!.FileNameStar ?? reponse.Content.Headers.ContentDisposition.FileName!;
        Assert.EndsWith(".pdf", nom, StringComparison.Ordinal);
        Assert.StartsWith("Fiche projet FP-", nom.Trim('"'), StringComparison.Ordinal);
        Assert.DoesNotContain("/", nom, StringComparison.Ordinal);

        using var pdf = PdfDocument.Open(await reponse.Content.ReadAsByteArrayAsync());
        Assert.All(pdf.GetPages().SelectMany(p => p.Letters), l => Assert.Contains("Liberation Sans", l.FontName, StringComparison.Ordinal));
        var texte = Compact(string.Join(" ", pdf.GetPages().Select(p => p.Text)));

        // Annexe 3's headings, in its order.
        string[] rubriques =
        [
            "ANNEXE 3. Fiche projet", "Direction pilote", "Type de projet", "Version", "DIFFUSION", "VISAS", "Rédacteur", "Pour validation", "HISTORIQUE DES VERSIONS",
            "Commentaire évolution", "LA DEMANDE", "Origine de la demande", "Le demandeur", "Les enjeux", "La nature du projet", "LE PROJET",
            "La description du projet", "Planification du projet", "Période de mise en application souhaitée", "Durée maximale du projet estimée par la DSI",
            "Présentation des étapes initiales", "Enveloppe financière", "Projet informatique", "Projet organisation", "Projet formation métier", "Dépenses associées",
            "Coût global estimé", "Financement extérieur escompté", "OBJECTIFS DU PROJET", "Objectifs attendus (par ou) pour l'usager", "Objectifs attendus par la direction",
            "Objectifs attendus par les utilisateurs", "CONTRAINTES À RESPECTER", "Contraintes organisationnelles du service demandeur", "Compétences - Métiers - Formation",
            "Contraintes extérieures", "STRUCTURE DE SUIVI DU PROJET", "CONDITIONS DE RÉUSSITE / INCERTITUDES", "Conditions de réussite", "Incertitudes",
            "INDICATEURS DE SUIVI DU PROJET",
        ];
        var position = 0;
        foreach (var rubrique in rubriques)
        {
            var trouve = texte.IndexOf(Compact(rubrique), position, StringComparison.Ordinal);
            Assert.True(trouve >= 0, $"« {rubrique} » absent ou hors de l'ordre de l'annexe 3");
            position = trouve;
        }

        // The content, the amounts in fr-FR, the visas, the version and the duration estimated by the DSI.
        string[] contenus =
        [
            $"Logiciel d'état civil {marque}", commune.Nom, "Secrétariat général", "Transversal", "1.0", "Sophie Secrétaire", "Le maire", "Première version",
            "Le logiciel d'état civil n'est plus maintenu.", "Projet isolé (unitaire)", "Premier semestre 2027", "6 mois",
            "12 500,50 €", "2 000,00 €", "14 500,50 €", "Dotation de l'État — 1 000,00 €", "Délai de délivrance des actes.",
        ];
        Assert.All(contenus, c => Assert.Contains(Compact(c), texte, StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.OK, (await mairie.Client.SendAsync(Requete(mairie, $"/fiches-projet/{fiche}/pdf"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await mairie.GetAsync($"/fiches-projet/{fiche}/pdf?version=2")).Statut);
        Assert.Equal(HttpStatusCode.NotFound, (await autre.GetAsync($"/fiches-projet/{fiche}/pdf")).Statut);
        Assert.Equal(HttpStatusCode.NotFound, (await autre.GetAsync($"/fiches-projet/{fiche}/pdf?version=1")).Statut);
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private Task<EtatFiche> EtatAsync(int fiche) => portail.ExecuterAsync(db => db.FichesProjet.Where(f => f.Id == fiche).Select(f => f.Etat).SingleAsync());

    private static HttpRequestMessage Requete(Session session, string url)
    {
        var requete = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        requete.Headers.Add("Cookie", session.EnTeteCookie);
        return requete;
    }

    private static string Compact(string texte) => Espaces().Replace(texte, string.Empty);

    [GeneratedRegex(@"\s")]
    private static partial Regex Espaces();
}
