using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Mutualisation.Web.Tests.Outils;

namespace Mutualisation.Web.Tests;

[Collection(PortailCollection.Nom)]
public class SimulationTests(PortailFactory portail)
{
    private async Task<(Session.Page Page, JsonElement Json)> SimulerAsync(string requete)
    {
        using var anonyme = portail.NouvelleSession();
        var page = await anonyme.GetAsync("/api/v1/simulation?" + requete);
        return (page, JsonDocument.Parse(page.Texte).RootElement.Clone());
    }

    [Fact]
    public async Task L_exemple_de_la_convention_2355_habitants_au_socle_complet_donne_5532_50_sans_etre_connecte()
    {
        var (page, json) = await SimulerAsync("population=2355&formule=socle-complet&annee=premiere");

        Assert.Equal(HttpStatusCode.OK, page.Statut);
        Assert.Equal("application/json", page.Reponse.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"total\":5532.50", page.Texte, StringComparison.Ordinal);
        Assert.Contains("\"montant\":2000.00", page.Texte, StringComparison.Ordinal);
        Assert.Equal(PortailFactory.Exercice, json.GetProperty("exercice").GetInt32());
        Assert.Equal("socle-complet", json.GetProperty("formule").GetString());
        Assert.Equal(2355, json.GetProperty("population").GetInt32());
        Assert.Equal("de 1 500 à moins de 3 000 habitants", json.GetProperty("tranche").GetString());
        var lignes = json.GetProperty("lignes");
        Assert.Equal(2, lignes.GetArrayLength());
        Assert.Equal(3532.50m, lignes[1].GetProperty("montant").GetDecimal());
        Assert.Equal(1.5m, lignes[1].GetProperty("bases").GetProperty("taux").GetDecimal());
        Assert.Equal(2355m, lignes[1].GetProperty("bases").GetProperty("quantite").GetDecimal());
    }

    [Fact]
    public async Task L_audit_livre_puis_l_adhesion_dans_les_six_mois_donne_2032_50_la_premiere_annee()
    {
        var annee = PortailFactory.Exercice;
        var (_, json) = await SimulerAsync($"population=2355&formule=socle-complet&annee=premiere&auditLivreLe={annee}-03-15&adhesionLe={annee}-06-01");
        Assert.Equal(2032.50m, json.GetProperty("total").GetDecimal());
        var deduction = json.GetProperty("lignes")[2];
        Assert.Equal(-3500.00m, deduction.GetProperty("montant").GetDecimal());
        Assert.Contains("dans les 6 mois", deduction.GetProperty("bases").GetProperty("motifDeduction").GetString(), StringComparison.Ordinal);

        var (_, tard) = await SimulerAsync($"population=2355&formule=socle-complet&annee=premiere&auditLivreLe={annee}-03-15&adhesionLe={annee}-09-16");
        Assert.Equal(5532.50m, tard.GetProperty("total").GetDecimal());
    }

    [Theory]
    [InlineData("population=2355&formule=audit&annee=premiere", 3500.00)]
    [InlineData("population=2355&formule=groupement-achats&annee=premiere", 1838.75)]
    [InlineData("population=2355&formule=socle-annexe-complet&annee=premiere", 5338.75)]
    [InlineData("population=8000&formule=socle-complet&annee=premiere", 14500.00)]
    [InlineData("population=2355&formule=socle-complet&annee=premiere&joursN1=5", 5732.50)]
    public async Task Chaque_formule_est_tarifee(string requete, decimal total)
    {
        var (page, json) = await SimulerAsync(requete);
        Assert.Equal(HttpStatusCode.OK, page.Statut);
        Assert.Equal(total, json.GetProperty("total").GetDecimal());
    }

    [Fact]
    public async Task Au_dela_de_8000_habitants_le_socle_complet_donne_422_avec_la_raison()
    {
        var (page, json) = await SimulerAsync("population=8001&formule=socle-complet&annee=premiere");
        Assert.Equal((HttpStatusCode)422, page.Statut);
        Assert.Equal("application/problem+json", page.Reponse.Content.Headers.ContentType?.MediaType);
        Assert.Contains("examen approfondi", json.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("population=-5&formule=audit&annee=premiere", "ne peut pas être négative")]
    [InlineData("population=deux-mille&formule=audit&annee=premiere", "nombre entier d'habitants")]
    [InlineData("population=2355&formule=tout-compris&annee=premiere", "Formule inconnue « tout-compris »")]
    [InlineData("formule=audit&annee=premiere", "« population » est obligatoire")]
    [InlineData("population=2355", "La formule est obligatoire")]
    [InlineData("population=2355&formule=socle-complet&annee=premiere&adhesionLe=01/06/2026", "AAAA-MM-JJ")]
    [InlineData("population=2355&formule=socle-complet&annee=premiere&joursN1=1.3", "demi-journées")]
    [InlineData("population=2355&formule=audit&annee=premiere&exercice=2099", "Aucun catalogue voté pour l'exercice 2099")]
    [InlineData("population=2355&formule=audit&annee=premiere&exercice=1990", "L'exercice est une année entre 2000 et 2100")]
    public async Task Une_mauvaise_saisie_donne_400_avec_un_detail_en_francais(string requete, string attendu)
    {
        var (page, json) = await SimulerAsync(requete);
        Assert.Equal(HttpStatusCode.BadRequest, page.Statut);
        Assert.Equal("application/problem+json", page.Reponse.Content.Headers.ContentType?.MediaType);
        Assert.Contains(attendu, json.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task L_API_de_simulation_est_decrite_dans_OpenAPI()
    {
        using var agent = await portail.ConnecterAsync(Comptes.Agent);
        var page = await agent.GetAsync("/openapi/v1.json");
        var chemin = JsonDocument.Parse(page.Texte).RootElement.GetProperty("paths").GetProperty("/api/v1/simulation").GetProperty("get");
        var reponses = chemin.GetProperty("responses");
        Assert.True(reponses.TryGetProperty("200", out _));
        Assert.True(reponses.GetProperty("422").GetProperty("content").TryGetProperty("application/problem+json", out _));
        Assert.Contains(chemin.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "auditLivreLe");
    }

    [Fact]
    public async Task La_page_anonyme_simule_pour_une_commune_choisie_avec_sa_population_legale()
    {
        var commune = await portail.ExecuterAsync(db => db.Membres.SingleAsync(m => m.NomRecherche == "SAINT NICOLAS DE REDON"));
        using var anonyme = portail.NouvelleSession();

        var page = await anonyme.GetAsync($"/simulation?commune={commune.Id}&formule=socle-complet&annee=premiere");

        Assert.Equal(HttpStatusCode.OK, page.Statut);
        var population = commune.PopulationTotale!.Value;
        var attendu = (population < 1500 ? 1500m : population < 3000 ? 2000m : 2500m) + (population * 1.5m);
        Assert.Contains("millésime 2023", page.TexteVisible, StringComparison.Ordinal);
        Assert.Equal(attendu.ToString("#,##0.00 €", System.Globalization.CultureInfo.GetCultureInfo("fr-FR")), page.Document.GetElementById("total")!.TextContent);
    }

    [Fact]
    public async Task La_page_garde_la_saisie_et_met_l_erreur_a_cote_du_champ()
    {
        using var anonyme = portail.NouvelleSession();
        var page = await anonyme.GetAsync("/simulation?population=12a&formule=audit&annee=premiere&joursN1=0,3");

        Assert.Equal(HttpStatusCode.BadRequest, page.Statut);
        Assert.Contains("nombre entier d'habitants", page.ErreurDuChamp("population"), StringComparison.Ordinal);
        Assert.Contains("demi-journées", page.ErreurDuChamp("joursN1"), StringComparison.Ordinal);
        Assert.Equal("12a", page.ValeurDuChamp("population"));
        Assert.Equal("0,3", page.ValeurDuChamp("joursN1"));
        Assert.Null(page.Document.GetElementById("total"));
    }

    [Fact]
    public async Task La_page_dit_pourquoi_il_n_y_a_pas_de_tarif_automatique()
    {
        using var anonyme = portail.NouvelleSession();
        var page = await anonyme.GetAsync("/simulation?population=12000&formule=socle-complet&annee=premiere");
        Assert.Equal((HttpStatusCode)422, page.Statut);
        Assert.Contains("Pas de tarif automatique", page.TexteVisible, StringComparison.Ordinal);
        Assert.Contains("examen approfondi", page.TexteVisible, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sans_catalogue_vote_pour_l_exercice_courant_la_page_propose_le_dernier_exercice_vote()
    {
        using var autre = PortailFactory.SurUneNouvelleBase();
        var courant = PortailFactory.Exercice;
        await autre.ExecuterAsync(db => db.VersionsCatalogue.Where(v => v.Exercice == courant).ExecuteDeleteAsync());
        using var anonyme = autre.NouvelleSession();

        var page = await anonyme.GetAsync("/simulation");

        Assert.Equal((courant - 1).ToString(System.Globalization.CultureInfo.InvariantCulture), page.Document.QuerySelector("#exercice option[selected]")?.GetAttribute("value"));
        Assert.NotEmpty(page.Document.QuerySelectorAll("#formule option"));
        var resultat = await anonyme.GetAsync("/simulation?population=2355&formule=socle-complet&annee=premiere");
        Assert.Equal("5\u202F532,50 €", resultat.Document.GetElementById("total")!.TextContent);
    }
}
