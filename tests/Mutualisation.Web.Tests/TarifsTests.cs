using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Mutualisation.Domain.Catalogue;
using Mutualisation.Domain.Commun;
using Mutualisation.Web.Tests.Outils;

namespace Mutualisation.Web.Tests;

/// <summary>
/// A grid priced on workstations rather than on the population, from the catalogue data to the API, the
/// simulator page, the projection on the members' declared quantities, and a draft previewed before its vote.
/// Each test builds its catalogue for an exercice of its own, through the aggregate's methods.
/// </summary>
[Collection(PortailCollection.Nom)]
public class TarifsTests(PortailFactory portail)
{
    private static readonly CultureInfo Fr = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>
    /// « Informatique au poste »: 100 € per workstation under 5, 80 € each from 5 (the whole count at its
    /// bracket's rate), plus a membership fee of 500 €, 800 € the first year.
    /// </summary>
    private static VersionCatalogue GrilleAuPoste(int exercice, bool votee = true)
    {
        var version = new VersionCatalogue(exercice);
        version.Parametrer("Grille au poste " + Guid.NewGuid().ToString("N")[..6], ReferencePopulation.Totale);
        version.DeclarerQuantite(new DonneesQuantite("postes", "Postes de travail", "poste", "postes", TypeQuantite.Entiere));
        var poste = version.AjouterService(new DonneesService("POSTE", "Maintenance des postes", "Poste de travail"));
        version.DefinirComposante(poste, null, new ComposanteTarif("par poste", NatureComposante.ParTranche,
        [
            new TrancheTarif("moins de 5 postes", 0, 5, new Montant(0), 100m),
            new TrancheTarif("5 postes et plus", 5, null, new Montant(0), 80m),
        ])
        {
            Quantite = "postes",
            QuantiteTranche = "postes",
            Unite = "poste",
        });
        var adhesion = version.AjouterService(new DonneesService("ADHESION", "Adhésion au service", "Adhésion"));
        version.DefinirComposante(adhesion, null, new ComposanteTarif("forfait", NatureComposante.Forfait) { Montant = new Montant(500m), MontantPremiereAnnee = new Montant(800m) });
        version.AjouterFormule(new FormuleCatalogue("au-poste", "Informatique au poste", "POSTE,ADHESION"));
        if (votee)
        {
            version.Voter("2070-12", new DateOnly(exercice, 1, 15), null);
        }

        return version;
    }

    private Task<int> EnregistrerAsync(VersionCatalogue version) => portail.ExecuterAsync(async db =>
    {
        db.VersionsCatalogue.Add(version);
        await db.SaveChangesAsync();
        return version.Id;
    });

    private async Task<(Session.Page Page, JsonElement Json)> ApiAsync(string requete)
    {
        using var anonyme = portail.NouvelleSession();
        var page = await anonyme.GetAsync("/api/v1/simulation?" + requete);
        return (page, JsonDocument.Parse(page.Texte).RootElement.Clone());
    }

    [Theory]
    [InlineData(1, "suivante", 600.00)]
    [InlineData(4, "suivante", 900.00)]
    [InlineData(5, "suivante", 900.00)]
    [InlineData(6, "suivante", 980.00)]
    [InlineData(4, "premiere", 1200.00)]
    public async Task Une_formule_au_poste_se_tarife_par_l_API_avec_ses_quantites(int postes, string annee, decimal total)
    {
        await EnregistrerAsync(GrilleAuPoste(2071));

        var (page, json) = await ApiAsync($"exercice=2071&formule=au-poste&postes={postes}&annee={annee}");

        Assert.Equal(HttpStatusCode.OK, page.Statut);
        Assert.Equal(total, json.GetProperty("total").GetDecimal());
        Assert.Equal(annee, json.GetProperty("annee").GetString());
        Assert.Equal(postes, json.GetProperty("quantites").GetProperty("postes").GetDecimal());
    }

    [Theory]
    [InlineData("formule=au-poste&annee=suivante", "« Postes de travail » est obligatoire")]
    [InlineData("formule=au-poste&annee=suivante&postes=4,5", "nombre entier de postes")]
    [InlineData("formule=au-poste&annee=suivante&postes=quatre", "est un nombre de postes")]
    [InlineData("formule=au-poste&postes=4", "Précisez l'année d'adhésion")]
    [InlineData("formule=au-poste&postes=4&annee=deuxieme", "« premiere » ou « suivante »")]
    public async Task Une_quantite_manquante_ou_mal_saisie_donne_400_en_la_nommant(string requete, string attendu)
    {
        await EnregistrerAsync(GrilleAuPoste(2072));

        var (page, json) = await ApiAsync("exercice=2072&" + requete);

        Assert.Equal(HttpStatusCode.BadRequest, page.Statut);
        Assert.Contains(attendu, json.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Une_date_d_adhesion_decide_de_l_annee()
    {
        await EnregistrerAsync(GrilleAuPoste(2073));

        var (_, premiere) = await ApiAsync("exercice=2073&formule=au-poste&postes=4&adhesionLe=2073-01-01&annee=suivante");
        var (_, suivante) = await ApiAsync("exercice=2073&formule=au-poste&postes=4&adhesionLe=2070-01-01");

        Assert.Equal(("premiere", 1200.00m), (premiere.GetProperty("annee").GetString(), premiere.GetProperty("total").GetDecimal()));
        Assert.Equal(("suivante", 900.00m), (suivante.GetProperty("annee").GetString(), suivante.GetProperty("total").GetDecimal()));
    }

    [Fact]
    public async Task La_liste_des_formules_donne_les_quantites_que_chacune_demande()
    {
        await EnregistrerAsync(GrilleAuPoste(2074));
        using var anonyme = portail.NouvelleSession();

        var page = await anonyme.GetAsync("/api/v1/simulation/formules?exercice=2074");

        Assert.Equal(HttpStatusCode.OK, page.Statut);
        var formule = JsonDocument.Parse(page.Texte).RootElement.GetProperty("formules").EnumerateArray().Single();
        Assert.Equal("au-poste", formule.GetProperty("code").GetString());
        Assert.False(formule.GetProperty("population").GetBoolean());
        Assert.Equal(["POSTE", "ADHESION"], formule.GetProperty("services").EnumerateArray().Select(s => s.GetProperty("code").GetString()));
        var quantite = formule.GetProperty("quantites").EnumerateArray().Single();
        Assert.Equal(("postes", "Postes de travail", "poste", "postes", "entiere", true),
            (quantite.GetProperty("code").GetString(), quantite.GetProperty("libelle").GetString(), quantite.GetProperty("uniteSingulier").GetString(),
                quantite.GetProperty("unitePluriel").GetString(), quantite.GetProperty("type").GetString(), quantite.GetProperty("obligatoire").GetBoolean()));
    }

    [Fact]
    public async Task La_page_montre_les_champs_de_la_formule_et_l_annee_retenue()
    {
        await EnregistrerAsync(GrilleAuPoste(2075));
        using var anonyme = portail.NouvelleSession();

        var page = await anonyme.GetAsync("/simulation?exercice=2075&formule=au-poste&postes=4&annee=suivante");

        Assert.Equal(HttpStatusCode.OK, page.Statut);
        Assert.Equal("900,00 €", page.Document.GetElementById("total")!.TextContent);
        Assert.Contains("Années suivantes", page.Document.GetElementById("annee-retenue")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Postes de travail : 4 postes", page.TexteVisible, StringComparison.Ordinal);
        // A formule on workstations shows neither the population, nor the audit date, nor the N1 days.
        Assert.False(page.Document.GetElementById("q-postes")!.ParentElement!.HasAttribute("hidden"));
        Assert.True(page.Document.GetElementById("population")!.ParentElement!.HasAttribute("hidden"));
        Assert.True(page.Document.GetElementById("auditLivreLe")!.ParentElement!.HasAttribute("hidden"));
        Assert.True(page.Document.GetElementById("joursN1")!.ParentElement!.HasAttribute("hidden"));

        var erreur = await anonyme.GetAsync("/simulation?exercice=2075&formule=au-poste&postes=2,5&annee=suivante");
        Assert.Equal(HttpStatusCode.BadRequest, erreur.Statut);
        Assert.Contains("nombre entier", erreur.ErreurDuChamp("postes"), StringComparison.Ordinal);
        Assert.Equal("2,5", erreur.ValeurDuChamp("postes"));
    }

    [Fact]
    public async Task Sans_script_un_changement_de_formule_recharge_la_page_avec_ses_champs_sans_tarifer()
    {
        using var anonyme = portail.NouvelleSession();

        var page = await anonyme.GetAsync("/simulation?formule=socle-complet&formulePrecedente=groupement-achats&population=2355");

        Assert.Equal(HttpStatusCode.OK, page.Statut);
        Assert.Null(page.Document.GetElementById("total"));
        Assert.Equal("socle-complet", page.ValeurDuChamp("formulePrecedente"));
        // The socle complet deducts an audit delivered before and bills N1 days beyond the allowance: both fields appear.
        Assert.False(page.Document.GetElementById("auditLivreLe")!.ParentElement!.HasAttribute("hidden"));
        Assert.False(page.Document.GetElementById("joursN1")!.ParentElement!.HasAttribute("hidden"));
        var groupement = await anonyme.GetAsync("/simulation?formule=groupement-achats&formulePrecedente=socle-complet&population=2355");
        Assert.True(groupement.Document.GetElementById("auditLivreLe")!.ParentElement!.HasAttribute("hidden"));
        Assert.True(groupement.Document.GetElementById("joursN1")!.ParentElement!.HasAttribute("hidden"));
    }

    [Fact]
    public async Task La_premiere_annee_n_est_jamais_tarifee_en_silence_sur_la_page()
    {
        using var anonyme = portail.NouvelleSession();

        var page = await anonyme.GetAsync("/simulation?formule=socle-annexe-complet&population=2355");

        Assert.Equal(HttpStatusCode.BadRequest, page.Statut);
        Assert.Contains("Précisez l'année d'adhésion", page.ErreurDuChamp("annee"), StringComparison.Ordinal);
        var premiere = await anonyme.GetAsync("/simulation?formule=socle-annexe-complet&population=2355&annee=premiere");
        var suivante = await anonyme.GetAsync("/simulation?formule=socle-annexe-complet&population=2355&annee=suivante");
        Assert.Equal("5\u202F338,75 €", premiere.Document.GetElementById("total")!.TextContent);
        Assert.Equal("1\u202F838,75 €", suivante.Document.GetElementById("total")!.TextContent);
    }

    [Fact]
    public async Task La_projection_tarife_sur_les_quantites_declarees_et_dit_pourquoi_un_membre_ne_l_est_pas()
    {
        await EnregistrerAsync(GrilleAuPoste(2076));
        var equipee = await portail.AjouterCommuneAsync("Commune équipée " + Guid.NewGuid().ToString("N")[..6]);
        var tardive = await portail.AjouterCommuneAsync("Commune tardive " + Guid.NewGuid().ToString("N")[..6]);
        var sansPostes = await portail.AjouterCommuneAsync("Commune sans postes " + Guid.NewGuid().ToString("N")[..6]);
        await portail.ExecuterAsync(async db =>
        {
            var e = await db.Membres.Include(m => m.Quantites).SingleAsync(m => m.Id == equipee.Id);
            e.EnregistrerQuantite("postes", new DateOnly(2075, 6, 1), 7, "inventaire");
            e.EnregistrerQuantite("postes", new DateOnly(2076, 3, 1), 2, "inventaire");
            var t = await db.Membres.Include(m => m.Quantites).SingleAsync(m => m.Id == tardive.Id);
            t.EnregistrerQuantite("postes", new DateOnly(2076, 3, 1), 3, "déclaration");
            t.EnregistrerQuantite("postes", new DateOnly(2076, 9, 1), 10, "déclaration");
            return await db.SaveChangesAsync();
        });
        using var finances = await portail.ConnecterAsync(Comptes.Finances);

        var page = await finances.GetAsync("/contributions?exercice=2076&formule=au-poste&annee=suivante");

        Assert.Equal(HttpStatusCode.OK, page.Statut);
        string Ligne(string nom) => page.Document.QuerySelectorAll("tbody tr").Single(tr => tr.TextContent.Contains(nom, StringComparison.Ordinal)).TextContent;
        // In force on 1 January: 7 postes (the March value counts from the next exercice).
        Assert.Contains((7 * 80m + 500m).ToString("#,##0.00 €", Fr), Ligne(equipee.Nom), StringComparison.Ordinal);
        Assert.Contains("7 postes", Ligne(equipee.Nom), StringComparison.Ordinal);
        // None on 1 January: the first value dated within the exercice.
        Assert.Contains((3 * 100m + 500m).ToString("#,##0.00 €", Fr), Ligne(tardive.Nom), StringComparison.Ordinal);
        Assert.Contains("« postes » n'est pas renseignée", Ligne(sansPostes.Nom), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Un_brouillon_se_simule_et_se_projette_par_le_personnel_et_reste_cache_aux_autres()
    {
        var brouillon = await EnregistrerAsync(GrilleAuPoste(2077, votee: false));
        var commune = await portail.AjouterCommuneAsync();
        using var finances = await portail.ConnecterAsync(Comptes.Finances);
        using var agent = await portail.ConnecterAsync(Comptes.Agent);
        using var mairie = await portail.ConnecterAsync(await portail.CreerAsync(Roles.Mairie, commune.Id), Comptes.MotDePasse);
        using var anonyme = portail.NouvelleSession();
        var url = $"/simulation?version={brouillon}&formule=au-poste&postes=4&annee=suivante";

        var simulation = await finances.GetAsync(url);
        var projection = await agent.GetAsync($"/contributions?version={brouillon}&formule=au-poste");

        Assert.Equal(HttpStatusCode.OK, simulation.Statut);
        Assert.Contains("Brouillon : aperçu non voté, aucun montant opposable", simulation.Document.GetElementById("apercu-brouillon")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("900,00 €", simulation.Document.GetElementById("total")!.TextContent);
        Assert.Equal(HttpStatusCode.OK, projection.Statut);
        Assert.Contains("Brouillon : aperçu non voté, aucun montant opposable", projection.Document.GetElementById("apercu-brouillon")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await mairie.GetAsync(url)).Statut);
        Assert.Equal(HttpStatusCode.NotFound, (await anonyme.GetAsync(url)).Statut);
        Assert.NotEqual(HttpStatusCode.OK, (await mairie.GetAsync($"/contributions?version={brouillon}")).Statut);
        // A voted version is not a draft to preview; the API never prices a draft.
        Assert.Equal(HttpStatusCode.NotFound, (await finances.GetAsync($"/simulation?version={await EnregistrerAsync(GrilleAuPoste(2078))}")).Statut);
        var (api, _) = await ApiAsync("exercice=2077&formule=au-poste&postes=4&annee=suivante");
        Assert.Equal(HttpStatusCode.BadRequest, api.Statut);
    }

    [Fact]
    public async Task La_page_du_brouillon_mene_a_son_apercu()
    {
        var brouillon = await EnregistrerAsync(GrilleAuPoste(2079, votee: false));
        using var finances = await portail.ConnecterAsync(Comptes.Finances);

        var page = await finances.GetAsync($"/catalogue/{brouillon}");

        Assert.NotNull(page.Document.QuerySelector($"a[href='/simulation?version={brouillon}']"));
        Assert.NotNull(page.Document.QuerySelector($"a[href='/contributions?version={brouillon}']"));
    }

    [Fact]
    public async Task Un_agent_declare_les_quantites_d_un_membre_la_mairie_les_voit_sans_les_modifier()
    {
        await EnregistrerAsync(GrilleAuPoste(2080));
        var commune = await portail.AjouterCommuneAsync();
        using var agent = await portail.ConnecterAsync(Comptes.Agent);
        var fiche = $"/membres/{commune.Id}";
        var action = $"/membres/{commune.Id}/quantites";

        var refus = await agent.SoumettreAsync(fiche, new() { ["Code"] = "postes", ["Depuis"] = "2026-01-01", ["Valeur"] = "4,5", ["Source"] = "inventaire" }, action);
        Assert.Equal(HttpStatusCode.BadRequest, refus.Statut);
        Assert.Contains("nombre entier de postes", refus.ErreurDuChamp("quantite-Valeur"), StringComparison.Ordinal);
        Assert.Equal("4,5", refus.ValeurDuChamp("Valeur"));
        Assert.Equal("inventaire", refus.ValeurDuChamp("Source"));

        var ok = await agent.SoumettreAsync(fiche, new() { ["Code"] = "postes", ["Depuis"] = "2026-01-01", ["Valeur"] = "4", ["Source"] = "inventaire" }, action);
        Assert.Equal(HttpStatusCode.Redirect, ok.Statut);
        var page = await agent.GetAsync(fiche);
        var ligne = page.Document.QuerySelectorAll("tr.valeur-quantite").Single();
        Assert.Contains("Postes de travail", ligne.TextContent, StringComparison.Ordinal);
        Assert.Contains("4 postes", ligne.TextContent, StringComparison.Ordinal);
        Assert.Contains("Quantité déclarée", page.Document.QuerySelector(".entree-historique")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("À partir du : 01/01/2026", page.Document.QuerySelector(".entree-historique")!.TextContent, StringComparison.Ordinal);

        using var mairie = await portail.ConnecterAsync(await portail.CreerAsync(Roles.Mairie, commune.Id), Comptes.MotDePasse);
        var vue = await mairie.GetAsync(fiche);
        Assert.Contains("4 postes", vue.Document.QuerySelector("tr.valeur-quantite")!.TextContent, StringComparison.Ordinal);
        Assert.Null(vue.Document.QuerySelector($"form[action='{action}']"));

        var id = await portail.ExecuterAsync(db => db.QuantitesMembres.Where(q => q.MembreId == commune.Id).Select(q => q.Id).SingleAsync());
        var jeton = page.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value");
        Assert.Equal(HttpStatusCode.Redirect, (await agent.PostAsync($"{action}/{id}/supprimer", [], jeton)).Statut);
        Assert.Empty((await agent.GetAsync(fiche)).Document.QuerySelectorAll("tr.valeur-quantite"));
    }

    [Fact]
    public async Task Le_document_OpenAPI_decrit_les_quantites_du_catalogue_en_vigueur_sans_codes_de_formules()
    {
        using var anonyme = portail.NouvelleSession();

        var document = await anonyme.GetAsync("/openapi/public.json");

        using var json = JsonDocument.Parse(document.Texte);
        var parametres = json.RootElement.GetProperty("paths").GetProperty("/api/v1/simulation").GetProperty("get").GetProperty("parameters").EnumerateArray().ToList();
        var n1 = parametres.Single(p => p.GetProperty("name").GetString() == "demi-journees-n1");
        Assert.False(n1.TryGetProperty("required", out var requis) && requis.GetBoolean());
        Assert.Contains("Assistance N1 consommée, en demi-journées (nombre entier)", n1.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Contains(parametres, p => p.GetProperty("name").GetString() == "annee");
        Assert.DoesNotContain("socle-complet", parametres.Single(p => p.GetProperty("name").GetString() == "formule").GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.True(json.RootElement.GetProperty("paths").TryGetProperty("/api/v1/simulation/formules", out _));
    }

    [Fact]
    public async Task Le_simulateur_prend_les_quantites_declarees_du_membre_pour_le_personnel_et_les_demande_a_un_anonyme()
    {
        await EnregistrerAsync(GrilleAuPoste(2081));
        var commune = await portail.AjouterCommuneAsync();
        await portail.ExecuterAsync(async db =>
        {
            var m = await db.Membres.Include(x => x.Quantites).SingleAsync(x => x.Id == commune.Id);
            m.EnregistrerQuantite("postes", new DateOnly(2080, 1, 1), 6, "inventaire");
            return await db.SaveChangesAsync();
        });
        var url = $"/simulation?exercice=2081&commune={commune.Id}&formule=au-poste&annee=suivante";
        using var agent = await portail.ConnecterAsync(Comptes.Agent);
        using var anonyme = portail.NouvelleSession();

        var page = await agent.GetAsync(url);
        var refus = await anonyme.GetAsync(url);

        Assert.Equal("980,00 €", page.Document.GetElementById("total")!.TextContent);
        Assert.Contains("Postes de travail : 6 postes (valeur déclarée)", page.TexteVisible, StringComparison.Ordinal);
        // The declared quantities are not public data: an anonymous visitor types them.
        Assert.Equal(HttpStatusCode.BadRequest, refus.Statut);
        Assert.Contains("« Postes de travail » est obligatoire", refus.ErreurDuChamp("postes"), StringComparison.Ordinal);
        Assert.DoesNotContain("6 postes", refus.TexteVisible, StringComparison.Ordinal);
    }
}
