using System.Net;
using Microsoft.EntityFrameworkCore;
using Mutualisation.Domain.Commun;
using Mutualisation.Domain.Conventions;
using Mutualisation.Domain.FichesProjet;
using Mutualisation.Web.Tests.Outils;

namespace Mutualisation.Web.Tests;

/// <summary>Fiches projet stored and read back (issue 11): content, versions, history and links survive the database, on each provider.</summary>
[Collection(PortailCollection.Nom)]
public class FichesProjetTests(PortailFactory portail)
{
    private static readonly Auteur Secretaire = new(null, "Sophie Secrétaire");

    private static readonly ContenuFiche Complet = new()
    {
        DirectionPilote = "Secrétariat général",
        Type = TypeProjet.Transversal,
        Redacteur = "Sophie Secrétaire",
        Origine = "Logiciel d'état civil non maintenu.",
        Demandeur = "Le maire",
        Enjeux = "Sécuriser l'état civil.",
        Nature = NatureProjet.AvecProjetsConnexes,
        ProjetsConnexes = "Formation des agents d'accueil.",
        Description = "Remplacer le logiciel d'état civil.",
        PeriodeSouhaitee = "2027",
        CoutInformatique = new Montant(4800.50m),
        ObjectifsUsagers = "Actes délivrés plus vite.",
        ObjectifsDirection = "Traçabilité.",
        ObjectifsUtilisateurs = "Saisie guidée.",
        ConditionsReussite = "Disponibilité de l'agent.",
        IndicateursSuivi = "Délai de délivrance.",
    };

    [Fact]
    public async Task Une_fiche_deposee_deux_fois_se_relit_avec_ses_versions_son_historique_et_ses_liens()
    {
        var commune = await portail.AjouterCommuneAsync();
        var quand = portail.Horloge.GetUtcNow();
        var aujourdHui = DateOnly.FromDateTime(PortailFactory.Maintenant.Date);
        var id = await portail.ExecuterAsync(async db =>
        {
            Assert.Null(FicheProjet.Creer(commune.Id, "Logiciel d'état civil", new ContenuFiche { Description = "À compléter" }, Secretaire, quand, out var fiche));
            db.FichesProjet.Add(fiche!);
            await db.SaveChangesAsync();
            return fiche!.Id;
        });

        await portail.ExecuterAsync(async db =>
        {
            var fiche = await db.FichesProjet.SingleAsync(f => f.Id == id);
            Assert.Equal("À compléter", fiche.Contenu.Description);
            Assert.Null(fiche.Enregistrer("Logiciel d'état civil", Complet, Secretaire, quand));
            Assert.Empty(fiche.Deposer("Première version", (f, jour) => $"FP-{jour.Year}-{f.Id:D4}", Secretaire, quand, aujourdHui));
            Assert.Null(fiche.DemanderComplements("Combien d'actes par an ?", Secretaire, quand));
            Assert.Null(fiche.Enregistrer("Logiciel d'état civil", Complet with { Origine = "300 actes par an." }, Secretaire, quand));
            Assert.Empty(fiche.Deposer(null, (f, jour) => "jamais utilisé", Secretaire, quand, aujourdHui));
            fiche.Suggerer(id + 1000, 0.42, quand);
            return await db.SaveChangesAsync();
        });

        var relue = await portail.ExecuterAsync(db => db.FichesProjet.AsNoTracking().Include(f => f.Versions).Include(f => f.Evenements).Include(f => f.Liens)
            .AsSplitQuery().SingleAsync(f => f.Id == id));
        Assert.Equal((EtatFiche.Deposee, $"FP-{aujourdHui.Year}-{id:D4}"), (relue.Etat, relue.Numero));
        Assert.Equal(Complet with { Origine = "300 actes par an." }, relue.Contenu);
        Assert.Equal(new Montant(4800.50m), relue.Contenu.CoutInformatique);
        Assert.Equal([(1, "Logiciel d'état civil non maintenu."), (2, "300 actes par an.")],
            relue.Versions.OrderBy(v => v.Numero).Select(v => (v.Numero, v.Contenu.Origine!)));
        Assert.Equal(["Brouillon créé", "Fiche déposée", "Compléments demandés", "Version 2 déposée"],
            relue.Evenements.OrderBy(e => e.Id).Select(e => e.Libelle));
        var lien = Assert.Single(relue.Liens);
        Assert.Equal((StatutLien.Suggere, 0.42), (lien.Statut, lien.Score!.Value));
    }

    private static Dictionary<string, string?> Formulaire(string titre, string action, Dictionary<string, string?>? autres = null)
    {
        var champs = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Titre"] = titre,
            ["Envoi"] = action,
            ["DirectionPilote"] = "Secrétariat général",
            ["Type"] = "Sectoriel",
            ["Redacteur"] = "Sophie Secrétaire",
            ["Origine"] = "Le logiciel d'état civil de la mairie n'est plus maintenu.",
            ["Demandeur"] = "Le maire",
            ["Enjeux"] = "Sécuriser la délivrance des actes d'état civil.",
            ["Nature"] = "Isole",
            ["Description"] = "Remplacer le logiciel d'état civil et reprendre les actes.",
            ["PeriodeSouhaitee"] = "Premier semestre 2027",
            ["CoutInformatique"] = "4 800,50",
            ["ObjectifsUsagers"] = "Actes délivrés plus vite.",
            ["ObjectifsDirection"] = "Traçabilité.",
            ["ObjectifsUtilisateurs"] = "Saisie guidée.",
            ["ConditionsReussite"] = "Disponibilité de l'agent.",
            ["IndicateursSuivi"] = "Délai de délivrance.",
        };
        foreach (var (cle, valeur) in autres ?? [])
        {
            champs[cle] = valeur;
        }

        return champs;
    }

    [Fact]
    public async Task Une_secretaire_enregistre_un_brouillon_incomplet_le_depot_nomme_chaque_manque_puis_la_fiche_complete_est_deposee()
    {
        var commune = await portail.AjouterCommuneAsync();
        using var mairie = await portail.ConnecterAsync(await portail.CreerAsync(Domain.Commun.Roles.Mairie, commune.Id), Comptes.MotDePasse);

        // Half filled, saved as a draft: no validation beyond what cannot be stored.
        var brouillon = await mairie.SoumettreAsync("/fiches-projet/nouvelle", new() { ["Titre"] = "Logiciel d'état civil", ["Description"] = "À préciser", ["Envoi"] = "brouillon" });
        Assert.Equal(HttpStatusCode.Redirect, brouillon.Statut);
        var url = brouillon.Redirection!;
        var id = int.Parse(url.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(EtatFiche.Brouillon, await portail.ExecuterAsync(db => db.FichesProjet.Where(f => f.Id == id).Select(f => f.Etat).SingleAsync()));

        // Submitted incomplete, with a wrong amount: each error beside its field, the input kept, the draft saved.
        var incomplet = await mairie.SoumettreAsync(url + "/modifier", new()
        {
            ["Titre"] = "Logiciel d'état civil", ["Description"] = "Remplacer le logiciel", ["CoutInformatique"] = "quatre mille", ["Envoi"] = "deposer",
        });
        Assert.Equal(HttpStatusCode.OK, incomplet.Statut);
        Assert.Contains("saisissez un montant en euros", incomplet.ErreurDuChamp("CoutInformatique"), StringComparison.Ordinal);
        Assert.Equal("quatre mille", incomplet.ValeurDuChamp("CoutInformatique"));
        Assert.Equal("Remplacer le logiciel", incomplet.Document.GetElementById("Description")!.TextContent);

        var manques = await mairie.SoumettreAsync(url + "/modifier", new() { ["Titre"] = "Logiciel d'état civil", ["Description"] = "Remplacer le logiciel", ["Envoi"] = "deposer" });
        Assert.Contains("Les enjeux : à renseigner avant le dépôt.", manques.ErreurDuChamp("Enjeux"), StringComparison.Ordinal);
        Assert.Contains("Direction pilote", manques.ErreurDuChamp("DirectionPilote"), StringComparison.Ordinal);
        Assert.Null(manques.ErreurDuChamp("Incertitudes"));
        Assert.Contains("enregistrée comme brouillon", manques.TexteVisible, StringComparison.Ordinal);
        Assert.Equal("Remplacer le logiciel", await portail.ExecuterAsync(db => db.FichesProjet.Where(f => f.Id == id).Select(f => f.Contenu.Description).SingleAsync()));

        var depot = await mairie.SoumettreAsync(url + "/modifier", Formulaire("Logiciel d'état civil", "deposer", new() { ["Commentaire"] = "Première version" }));
        Assert.Equal(HttpStatusCode.Redirect, depot.Statut);
        var page = await mairie.GetAsync(url);
        Assert.Equal($"FP-2026-{id:D4}", page.Document.GetElementById("numero-fiche")!.TextContent.Trim());
        Assert.Equal("Déposée", page.Document.GetElementById("etat-fiche")!.TextContent.Trim());
        Assert.Contains("4\u202F800,50 €", page.TexteVisible, StringComparison.Ordinal);
        Assert.Single(page.Document.QuerySelectorAll("tr.version-fiche"));
        Assert.Null(page.Document.QuerySelector("#titre-instruction"));
        Assert.Null(page.Document.QuerySelector("#titre-similaires"));
    }

    [Fact]
    public async Task La_dsi_demande_des_complements_la_commune_redepose_une_version_2_comparable_et_une_autre_commune_ne_voit_rien()
    {
        var commune = await portail.AjouterCommuneAsync();
        var voisine = await portail.AjouterCommuneAsync();
        using var mairie = await portail.ConnecterAsync(await portail.CreerAsync(Domain.Commun.Roles.Mairie, commune.Id), Comptes.MotDePasse);
        using var autre = await portail.ConnecterAsync(await portail.CreerAsync(Domain.Commun.Roles.Mairie, voisine.Id), Comptes.MotDePasse);
        using var agent = await portail.ConnecterAsync(Comptes.Agent);

        var depot = await mairie.SoumettreAsync("/fiches-projet/nouvelle", Formulaire("Logiciel d'état civil " + Guid.NewGuid().ToString("N")[..6], "deposer"));
        var url = depot.Redirection!;
        Assert.Equal(HttpStatusCode.Redirect, (await agent.SoumettreAsync(url, new(), url + "/prendre-en-instruction")).Statut);
        var refus = await agent.SoumettreAsync(url, new() { ["Demande"] = " " }, url + "/complements");
        Assert.Contains("La demande de compléments est obligatoire.", (await agent.GetAsync(refus.Redirection!)).TexteVisible, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await agent.SoumettreAsync(url, new() { ["Demande"] = "Combien d'actes par an ?" }, url + "/complements")).Statut);
        Assert.Contains("En construction", (await mairie.GetAsync(url)).Document.GetElementById("etat-fiche")!.TextContent, StringComparison.Ordinal);

        // The secretary cannot do the DSI's steps.
        var jeton = (await mairie.GetAsync(url)).Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value");
        var interdit = await mairie.PostAsync(url + "/prendre-en-instruction", [], jeton);
        Assert.Contains("/compte/acces-refuse", interdit.Redirection, StringComparison.Ordinal);

        var complete = await mairie.SoumettreAsync(url + "/modifier",
            Formulaire("Logiciel d'état civil", "deposer", new() { ["Origine"] = "Environ 300 actes par an ; logiciel non maintenu.", ["Commentaire"] = "Nombre d'actes précisé" }));
        Assert.Equal(HttpStatusCode.Redirect, complete.Statut);
        var versions = await mairie.GetAsync(url + "/versions");
        var difference = Assert.Single(versions.Document.QuerySelectorAll("tr.difference-version"));
        Assert.Contains("Origine de la demande", difference.TextContent, StringComparison.Ordinal);
        Assert.Contains("Environ 300 actes", difference.TextContent, StringComparison.Ordinal);

        // Another commune: neither the fiche nor its versions nor its edit form.
        foreach (var chemin in new[] { url, url + "/versions", url + "/modifier" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await autre.GetAsync(chemin)).Statut);
        }

        var jetonAutre = (await autre.GetAsync("/fiches-projet/nouvelle")).Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value");
        Assert.Equal(HttpStatusCode.NotFound, (await autre.PostAsync(url + "/modifier", Formulaire("Intrus", "brouillon"), jetonAutre)).Statut);
        var id = int.Parse(url.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal("Logiciel d'état civil", await portail.ExecuterAsync(db => db.FichesProjet.IgnoreQueryFilters().Where(f => f.Id == id).Select(f => f.Titre).SingleAsync()));
        Assert.DoesNotContain(url, (await autre.GetAsync("/fiches-projet")).Texte, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Au_depot_la_fiche_semblable_d_une_autre_commune_est_suggeree_a_la_dsi_qui_confirme_le_besoin_partage()
    {
        var premiere = await portail.AjouterCommuneAsync();
        var seconde = await portail.AjouterCommuneAsync();
        using var mairie1 = await portail.ConnecterAsync(await portail.CreerAsync(Domain.Commun.Roles.Mairie, premiere.Id), Comptes.MotDePasse);
        using var mairie2 = await portail.ConnecterAsync(await portail.CreerAsync(Domain.Commun.Roles.Mairie, seconde.Id), Comptes.MotDePasse);
        using var agent = await portail.ConnecterAsync(Comptes.Agent);
        var marque = Guid.NewGuid().ToString("N")[..8];

        var url1 = (await mairie1.SoumettreAsync("/fiches-projet/nouvelle", Formulaire($"Logiciel d'état civil {marque}", "deposer"))).Redirection!;
        var url2 = (await mairie2.SoumettreAsync("/fiches-projet/nouvelle", Formulaire($"Nouvelle application pour l'Etat-Civil {marque}", "deposer", new()
        {
            ["Description"] = "Changer d'application de gestion des registres d'état civil, l'actuelle n'étant plus mise à jour.",
        }))).Redirection!;
        var id1 = url1.Split('/')[^1];

        var page = await agent.GetAsync(url2);
        var suggestion = page.Document.QuerySelectorAll("tr.fiche-semblable").First(tr => tr.QuerySelector($"a[href='{url1}']") is not null);
        Assert.Contains("Suggéré", suggestion.TextContent, StringComparison.Ordinal);

        // The secretaries see neither the suggestion nor the instruction panel.
        var vueCommune = await mairie2.GetAsync(url2);
        Assert.Null(vueCommune.Document.QuerySelector("tr.fiche-semblable"));
        Assert.DoesNotContain(url1, vueCommune.Texte, StringComparison.Ordinal);

        // A verdict other than the page's two buttons is refused and changes nothing (it used to dismiss silently).
        Assert.Equal(HttpStatusCode.Redirect, (await agent.SoumettreAsync(url2, new() { ["verdict"] = "peut-etre" }, $"{url2}/liens/{id1}")).Statut);
        var inchangee = (await agent.GetAsync(url2)).Document.QuerySelectorAll("tr.fiche-semblable").First(tr => tr.QuerySelector($"a[href='{url1}']") is not null);
        Assert.Contains("Suggéré", inchangee.TextContent, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await agent.SoumettreAsync(url2, new() { ["verdict"] = "confirmer" }, $"{url2}/liens/{id1}")).Statut);
        Assert.Contains("Mutualisable", (await agent.GetAsync(url1)).Document.GetElementById("etat-fiche")!.TextContent, StringComparison.Ordinal);
        var liste = await agent.GetAsync("/fiches-projet");
        var lignes = liste.Document.QuerySelectorAll("tr.ligne-fiche").ToList();
        var derniereMutualisable = lignes.FindLastIndex(tr => tr.TextContent.Contains("Mutualisable", StringComparison.Ordinal));
        var premiereOrdinaire = lignes.FindIndex(tr => !tr.TextContent.Contains("Mutualisable", StringComparison.Ordinal));
        Assert.True(premiereOrdinaire < 0 || derniereMutualisable < premiereOrdinaire, "les besoins partagés d'abord");
    }
}
