using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Mutualisation.Domain.Commun;
using Mutualisation.Domain.FichesProjet;
using Mutualisation.Web.Tests.Outils;

namespace Mutualisation.Web.Tests;

/// <summary>
/// The fiches projet API (issue 11): paged list with its filters, detail with sections, versions and decision; a Mairie user
/// reads only her commune's fiches and never the DSI's instruction, its notes or the similar fiches of other communes.
/// </summary>
[Collection(PortailCollection.Nom)]
public class ApiFichesProjetTests(PortailFactory portail)
{
    [Fact]
    public async Task La_liste_pagine_filtre_par_commune_et_par_etat_et_rend_les_champs_documentes()
    {
        var commune = await portail.AjouterCommuneAsync();
        var brouillon = await portail.AjouterFicheAsync(commune.Id, "Renouvellement du parc informatique", EtatFiche.Brouillon);
        var acceptee = await portail.AjouterFicheAsync(commune.Id, "GRC citoyenne", EtatFiche.Acceptee);
        var numero = await portail.ExecuterAsync(db => db.FichesProjet.Where(f => f.Id == acceptee).Select(f => f.Numero!).SingleAsync());
        using var agent = await portail.ConnecterAsync(Comptes.Agent);

        var page = await agent.GetAsync($"/api/v1/fiches-projet?commune={commune.CodeInsee.Valeur}");

        Assert.Equal(HttpStatusCode.OK, page.Statut);
        using var json = JsonDocument.Parse(page.Texte);
        Assert.Equal(2, json.RootElement.GetProperty("total").GetInt32());
        var elements = json.RootElement.GetProperty("elements").EnumerateArray().ToList();
        Assert.Equal([brouillon, acceptee], elements.Select(e => e.GetProperty("id").GetInt32()));
        var fiche = elements[1];
        Assert.Equal(numero, fiche.GetProperty("numero").GetString());
        Assert.Equal(commune.CodeInsee.Valeur, fiche.GetProperty("inseeCode").GetString());
        Assert.Equal(commune.Nom, fiche.GetProperty("commune").GetString());
        Assert.Equal("GRC citoyenne", fiche.GetProperty("titre").GetString());
        Assert.Equal("acceptee", fiche.GetProperty("etat").GetString());
        Assert.False(fiche.GetProperty("mutualisable").GetBoolean());
        Assert.Equal("2026-10-15", fiche.GetProperty("deposeeLe").GetString());
        Assert.Equal("2026-10-15", fiche.GetProperty("decideeLe").GetString());
        Assert.Equal(JsonValueKind.Null, elements[0].GetProperty("numero").ValueKind);
        Assert.Equal("brouillon", elements[0].GetProperty("etat").GetString());

        using var seconde = JsonDocument.Parse((await agent.GetAsync($"/api/v1/fiches-projet?commune={commune.CodeInsee.Valeur}&page=2&taille=1")).Texte);
        Assert.Equal(acceptee, Assert.Single(seconde.RootElement.GetProperty("elements").EnumerateArray()).GetProperty("id").GetInt32());
        using var filtree = JsonDocument.Parse((await agent.GetAsync($"/api/v1/fiches-projet?commune={commune.CodeInsee.Valeur}&etat=brouillon")).Texte);
        Assert.Equal(brouillon, Assert.Single(filtree.RootElement.GetProperty("elements").EnumerateArray()).GetProperty("id").GetInt32());
        using var loin = JsonDocument.Parse((await agent.GetAsync($"/api/v1/fiches-projet?commune={commune.CodeInsee.Valeur}&page=2147483647&taille=200")).Texte);
        Assert.Equal((2, 0), (loin.RootElement.GetProperty("total").GetInt32(), loin.RootElement.GetProperty("elements").GetArrayLength()));
    }

    [Theory]
    [InlineData("etat=Deposee", "en-instruction")]
    [InlineData("etat=inconnu", "en-instruction")]
    [InlineData("commune=3523", "code INSEE")]
    [InlineData("commune=00123", "code INSEE")]
    [InlineData("taille=201", "taille comprise entre 1 et 200")]
    [InlineData("page=0", "taille comprise entre 1 et 200")]
    public async Task Un_filtre_mal_forme_donne_400_en_francais(string parametres, string attendu)
    {
        using var agent = await portail.ConnecterAsync(Comptes.Agent);
        var page = await agent.GetAsync("/api/v1/fiches-projet?" + parametres);

        Assert.Equal(HttpStatusCode.BadRequest, page.Statut);
        Assert.Equal("application/problem+json", page.Reponse.Content.Headers.ContentType?.MediaType);
        Assert.Contains(attendu, page.Texte, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Le_detail_donne_a_la_dsi_les_sections_les_couts_les_versions_la_decision_l_instruction_et_les_rapprochements()
    {
        var (id, autre) = await DeuxFichesRapprocheesAsync();
        using var agent = await portail.ConnecterAsync(Comptes.Agent);

        var page = await agent.GetAsync($"/api/v1/fiches-projet/{id}");

        Assert.Equal(HttpStatusCode.OK, page.Statut);
        using var json = JsonDocument.Parse(page.Texte);
        var fiche = json.RootElement;
        Assert.Equal("acceptee", fiche.GetProperty("etat").GetString());
        Assert.True(fiche.GetProperty("mutualisable").GetBoolean());
        Assert.Equal(8, fiche.GetProperty("dureeEstimeeMois").GetInt32());
        var sections = fiche.GetProperty("sections").EnumerateArray().ToList();
        Assert.Equal(["En-tête", "La demande", "Le projet", "Enveloppe financière", "Objectifs du projet", "Contraintes à respecter", "Conditions de réussite, incertitudes et suivi"],
            sections.Select(s => s.GetProperty("titre").GetString()));
        var champs = sections.SelectMany(s => s.GetProperty("champs").EnumerateArray()).ToDictionary(c => c.GetProperty("code").GetString()!);
        Assert.Equal(ChampFiche.Tous.Count, champs.Count);
        Assert.Equal(FichesProjetDeTest.Complet.Description, champs["Description"].GetProperty("valeur").GetString());
        Assert.Equal("Transversal", champs["Type"].GetProperty("valeur").GetString());
        Assert.Equal("4\u202F800,50 €", champs["CoutInformatique"].GetProperty("valeur").GetString());
        Assert.Equal(JsonValueKind.Null, champs["Incertitudes"].GetProperty("valeur").ValueKind);
        var couts = fiche.GetProperty("couts");
        Assert.Equal((4800.50m, 1200m, 300m, 6300.50m, 2000m),
            (couts.GetProperty("informatique").GetDecimal(), couts.GetProperty("organisation").GetDecimal(), couts.GetProperty("formation").GetDecimal(),
                couts.GetProperty("global").GetDecimal(), couts.GetProperty("montantFinancementExterieur").GetDecimal()));
        Assert.Equal(JsonValueKind.Null, couts.GetProperty("depensesAssociees").ValueKind);
        var version = Assert.Single(fiche.GetProperty("versions").EnumerateArray());
        Assert.Equal(("1.0", "Première version", FichesProjetDeTest.Secretaire.Nom),
            (version.GetProperty("libelle").GetString(), version.GetProperty("commentaire").GetString(), version.GetProperty("auteur").GetString()));
        var decision = fiche.GetProperty("decision");
        Assert.Equal(("acceptee", "2026-10-15", 2027), (decision.GetProperty("decision").GetString(), decision.GetProperty("decideeLe").GetString(), decision.GetProperty("anneeSchemaDirecteur").GetInt32()));
        Assert.Equal("Besoin partagé par plusieurs communes.", decision.GetProperty("motivation").GetString());
        Assert.Equal(FichesProjetDeTest.AvisConfidentiel, fiche.GetProperty("instruction").GetProperty("avisDsi").GetString());
        Assert.False(fiche.GetProperty("instruction").GetProperty("couvertParExistant").GetBoolean());
        Assert.Contains(fiche.GetProperty("historique").EnumerateArray(), e => e.GetProperty("libelle").GetString() == "Instruction mise à jour");
        var lien = Assert.Single(fiche.GetProperty("rapprochements").EnumerateArray());
        Assert.Equal((autre, "confirme"), (lien.GetProperty("id").GetInt32(), lien.GetProperty("statut").GetString()));
    }

    [Fact]
    public async Task Une_mairie_ne_lit_que_les_fiches_de_sa_commune_sans_l_instruction_ni_les_notes_ni_les_rapprochements_de_la_dsi()
    {
        var (id, autre) = await DeuxFichesRapprocheesAsync();
        var (membre, titreAutre, inseeAutre) = await portail.ExecuterAsync(async db =>
        {
            var f = await db.FichesProjet.SingleAsync(x => x.Id == id);
            var a = await db.FichesProjet.SingleAsync(x => x.Id == autre);
            var insee = await db.Membres.Where(m => m.Id == a.MembreId).Select(m => m.CodeInsee).SingleAsync();
            return (f.MembreId, a.Titre, insee.Valeur);
        });
        using var mairie = await portail.ConnecterAsync(await portail.CreerAsync(Roles.Mairie, membre), Comptes.MotDePasse);

        var page = await mairie.GetAsync($"/api/v1/fiches-projet/{id}");

        Assert.Equal(HttpStatusCode.OK, page.Statut);
        using var json = JsonDocument.Parse(page.Texte);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("instruction").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("rapprochements").ValueKind);
        Assert.Equal("acceptee", json.RootElement.GetProperty("decision").GetProperty("decision").GetString());
        Assert.All(json.RootElement.GetProperty("historique").EnumerateArray(), e => Assert.NotEqual("Instruction mise à jour", e.GetProperty("libelle").GetString()));
        Assert.DoesNotContain("confidentiel", page.Texte, StringComparison.Ordinal);
        Assert.DoesNotContain(titreAutre, page.Texte, StringComparison.Ordinal);
        Assert.DoesNotContain($"\"{inseeAutre}\"", page.Texte, StringComparison.Ordinal);

        // Another commune's fiche: 404, by id or through the filters of the list.
        Assert.Equal(HttpStatusCode.NotFound, (await mairie.GetAsync($"/api/v1/fiches-projet/{autre}")).Statut);
        using var etrangeres = JsonDocument.Parse((await mairie.GetAsync($"/api/v1/fiches-projet?commune={inseeAutre}")).Texte);
        Assert.Equal(0, etrangeres.RootElement.GetProperty("total").GetInt32());
        using var toutes = JsonDocument.Parse((await mairie.GetAsync("/api/v1/fiches-projet?taille=200")).Texte);
        var propres = toutes.RootElement.GetProperty("elements").EnumerateArray().ToList();
        Assert.Contains(propres, e => e.GetProperty("id").GetInt32() == id);
        Assert.All(propres, e => Assert.NotEqual(inseeAutre, e.GetProperty("inseeCode").GetString()));

        // Finance reads what the detail page shows it: the links, not the DSI's opinion.
        using var finances = await portail.ConnecterAsync(Comptes.Finances);
        using var vueFinances = JsonDocument.Parse((await finances.GetAsync($"/api/v1/fiches-projet/{id}")).Texte);
        Assert.Equal(JsonValueKind.Null, vueFinances.RootElement.GetProperty("instruction").ValueKind);
        Assert.Single(vueFinances.RootElement.GetProperty("rapprochements").EnumerateArray());
    }

    [Fact]
    public async Task L_API_des_fiches_projet_est_decrite_en_francais_dans_le_document_OpenAPI()
    {
        using var agent = await portail.ConnecterAsync(Comptes.Agent);
        using var json = JsonDocument.Parse((await agent.GetAsync("/openapi/v1.json")).Texte);
        var chemins = json.RootElement.GetProperty("paths");

        var liste = chemins.GetProperty("/api/v1/fiches-projet").GetProperty("get");
        Assert.StartsWith("Fiches projet, par ordre de création", liste.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.Equal(["page", "taille", "etat", "commune"], liste.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        Assert.All(liste.GetProperty("parameters").EnumerateArray(), p => Assert.False(string.IsNullOrEmpty(p.GetProperty("description").GetString())));
        var detail = chemins.GetProperty("/api/v1/fiches-projet/{id}").GetProperty("get");
        Assert.StartsWith("Une fiche projet", detail.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.Contains("404", detail.GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    /// <summary>An accepted fiche and a submitted one of another commune, the DSI having confirmed their shared need.</summary>
    private async Task<(int Id, int Autre)> DeuxFichesRapprocheesAsync()
    {
        var commune = await portail.AjouterCommuneAsync();
        var voisine = await portail.AjouterCommuneAsync();
        var id = await portail.AjouterFicheAsync(commune.Id, "GRC citoyenne " + Guid.NewGuid().ToString("N")[..6], EtatFiche.Acceptee);
        var autre = await portail.AjouterFicheAsync(voisine.Id, "Gestion des demandes des habitants " + Guid.NewGuid().ToString("N")[..6], EtatFiche.Deposee);
        await portail.ExecuterAsync(async db =>
        {
            var fiches = await db.FichesProjet.Include(f => f.Liens).Include(f => f.Evenements).Where(f => f.Id == id || f.Id == autre).ToListAsync();
            var quand = portail.Horloge.GetUtcNow();
            Assert.Null(fiches.Single(f => f.Id == id).Qualifier(autre, true, FichesProjetDeTest.Agent, quand));
            Assert.Null(fiches.Single(f => f.Id == autre).Qualifier(id, true, FichesProjetDeTest.Agent, quand));
            return await db.SaveChangesAsync();
        });
        return (id, autre);
    }
}
