using System.Net;
using Microsoft.EntityFrameworkCore;
using Mutualisation.Billing;
using Mutualisation.Domain.Catalogue;
using Mutualisation.Web.Tests.Outils;

namespace Mutualisation.Web.Tests;

/// <summary>
/// The grids of other EPCIs, entered through the catalogue pages by a finance user in a new draft
/// for next year, voted in October (an act dated before the exercice takes effect on 1 January),
/// then priced with the engine on the stored version and through the simulation API (each grid in
/// its own exercice, so that it is the catalogue in force there): the published amounts, to the cent.
/// </summary>
public class GrillesCatalogueTests
{
    private const int Exercice = PortailFactory.Exercice + 1;
    private const bool PremiereAnnee = true;
    private const bool AnneePrecedente = false;

    private static async Task<(PortailFactory Portail, Session Finances)> OuvrirAsync()
    {
        var portail = PortailFactory.SurUneNouvelleBase();
        return (portail, await portail.ConnecterAsync(Comptes.Finances));
    }

    /// <summary>The engine's total for a subscription that starts this exercice (first year) or started the year before.</summary>
    private static decimal Prix(CatalogueTarifaire tarif, string service, int population, bool premiereAnnee, params (string Code, decimal Valeur)[] quantites) =>
        Tarification.Tarifer(tarif, new FaitsMembre(population, 2023)
        {
            Abonnements = [new Abonnement(service, new DateOnly(premiereAnnee ? tarif.Exercice : tarif.Exercice - 1, 1, 1))],
            Quantites = quantites.ToDictionary(q => q.Code, q => q.Valeur),
        }).Total;

    /// <summary>The total the public simulation API answers for a formule of the catalogue in force for an exercice.</summary>
    private static async Task<decimal> PrixApiAsync(Session session, int exercice, string formule, string annee, string quantites)
    {
        var reponse = await session.GetAsync($"/api/v1/simulation?exercice={exercice}&formule={formule}&annee={annee}&{quantites}");
        Assert.True(reponse.Statut == HttpStatusCode.OK, reponse.Texte);
        using var json = System.Text.Json.JsonDocument.Parse(reponse.Texte);
        return json.RootElement.GetProperty("total").GetDecimal();
    }

    [Fact]
    public async Task Les_grilles_d_autres_EPCI_saisies_sur_les_pages_puis_votees_donnent_les_montants_publies()
    {
        // Today is two years after the last exercice used: every délibération below is already taken, and the demo
        // catalogues (voted for the current and previous exercices) price other years.
        var portail = PortailFactory.SurUneNouvelleBase();
        portail.Horloge.SetUtcNow(new DateTimeOffset(Exercice + 6, 2, 15, 9, 0, 0, TimeSpan.Zero));
        var finances = await portail.ConnecterAsync(Comptes.Finances);
        using var _ = portail;
        using var __ = finances;

        var postes = await SaisieCatalogue.NouveauBrouillonAsync(portail, finances, Exercice, "Par poste");
        await postes.SaisirParPosteAsync();
        await postes.VoterAsync("CT_2026_101", "01/10/2026");
        var tarif = await postes.TarifAsync();
        foreach (var (nombre, montant) in new[] { (1, 150m), (4, 600m), (5, 675m), (6, 810m), (16, 1920m), (20, 2400m) })
        {
            Assert.Equal(montant, Prix(tarif, "POSTES", 500, AnneePrecedente, ("postes", nombre)));
            Assert.Equal(montant, await PrixApiAsync(finances, Exercice, "postes", "suivante", $"postes={nombre}"));
        }

        var detail = await finances.GetAsync($"/catalogue/{postes.Version}");
        Assert.Contains("coefficient 0,9, soit 135,00 € / poste", detail.TexteVisible, StringComparison.Ordinal);
        Assert.Contains("En vigueur", detail.TexteVisible, StringComparison.Ordinal);

        var strates = await SaisieCatalogue.NouveauBrouillonAsync(portail, finances, Exercice + 1, "Forfaits par strate");
        await strates.SaisirForfaitsParStrateAsync();
        await strates.VoterAsync("CT_2026_102", $"15/01/{Exercice + 1}");
        tarif = await strates.TarifAsync();
        Assert.Equal(450m, Prix(tarif, "CDG-COMMUNES", 999, PremiereAnnee));
        Assert.Equal(300m, Prix(tarif, "CDG-COMMUNES", 999, AnneePrecedente));
        Assert.Equal(900m, Prix(tarif, "CDG-COMMUNES", 1000, PremiereAnnee));
        Assert.Equal(600m, Prix(tarif, "CDG-COMMUNES", 4999, AnneePrecedente));
        Assert.Equal(1800m, Prix(tarif, "CDG-COMMUNES", 5000, PremiereAnnee));
        Assert.Equal(1200m, Prix(tarif, "CDG-COMMUNES", 12000, AnneePrecedente));
        Assert.Equal(300m, Prix(tarif, "CDG-ETABLISSEMENTS", 0, PremiereAnnee, ("agents", 9)));
        Assert.Equal(500m, Prix(tarif, "CDG-ETABLISSEMENTS", 0, AnneePrecedente, ("agents", 10)));
        Assert.Equal(450m, await PrixApiAsync(finances, Exercice + 1, "cdg-commune", "premiere", "population=999"));
        Assert.Equal(300m, await PrixApiAsync(finances, Exercice + 1, "cdg-commune", "suivante", "population=999"));
        Assert.Equal(1800m, await PrixApiAsync(finances, Exercice + 1, "cdg-commune", "premiere", "population=5000"));
        Assert.Equal(300m, await PrixApiAsync(finances, Exercice + 1, "cdg-etablissement", "premiere", "agents=9"));
        Assert.Equal(500m, await PrixApiAsync(finances, Exercice + 1, "cdg-etablissement", "suivante", "agents=10"));

        var habitants = await SaisieCatalogue.NouveauBrouillonAsync(portail, finances, Exercice + 2, "Par habitant et par agent");
        await habitants.SaisirParHabitantEtParAgentAsync();
        await habitants.VoterAsync("CT_2026_103", $"15/01/{Exercice + 2}");
        tarif = await habitants.TarifAsync();
        Assert.Equal(1177.50m, Prix(tarif, "HABITANTS", 2355, AnneePrecedente));
        Assert.Equal(1000m, Prix(tarif, "AGENTS", 0, AnneePrecedente, ("agents", 25)));
        Assert.Equal(1177.50m, await PrixApiAsync(finances, Exercice + 2, "commune", "suivante", "population=2355"));
        Assert.Equal(1000m, await PrixApiAsync(finances, Exercice + 2, "etablissement", "suivante", "agents=25"));

        var plafonne = await SaisieCatalogue.NouveauBrouillonAsync(portail, finances, Exercice + 3, "Plafonné");
        await plafonne.SaisirParHabitantPlafonneAsync();
        await plafonne.VoterAsync("CT_2026_104", $"15/01/{Exercice + 3}");
        tarif = await plafonne.TarifAsync();
        Assert.Equal(2826.00m, Prix(tarif, "PLAFONNE", 2355, AnneePrecedente));
        Assert.Equal(15000m, Prix(tarif, "PLAFONNE", 20000, AnneePrecedente));
        Assert.Equal(2826.00m, await PrixApiAsync(finances, Exercice + 3, "plafonne", "suivante", "population=2355"));
        Assert.Equal(15000m, await PrixApiAsync(finances, Exercice + 3, "plafonne", "suivante", "population=20000"));

        var progressif = await SaisieCatalogue.NouveauBrouillonAsync(portail, finances, Exercice + 4, "Progressif");
        await progressif.SaisirBaremeProgressifAsync();
        await progressif.VoterAsync("CT_2026_105", $"15/01/{Exercice + 4}");
        tarif = await progressif.TarifAsync();
        Assert.Equal(11875.00m, Prix(tarif, "PROGRESSIF", 37500, AnneePrecedente));
        Assert.Equal(5000m, Prix(tarif, "PROGRESSIF", 10000, AnneePrecedente));
        Assert.Equal(11875.00m, await PrixApiAsync(finances, Exercice + 4, "progressif", "suivante", "population=37500"));

        var voted = await portail.LireAsync(progressif.Version);
        Assert.Equal(new DateOnly(Exercice + 4, 1, 1), voted.EnVigueurLe);
        Assert.Equal(new DateOnly(Exercice, 1, 1), (await portail.LireAsync(postes.Version)).EnVigueurLe);
    }

    [Fact]
    public async Task Un_service_cite_ne_se_retire_pas_et_une_reference_pendante_est_refusee_au_vote()
    {
        var (portail, finances) = await OuvrirAsync();
        using var _ = portail;
        using var __ = finances;
        var saisie = await SaisieCatalogue.NouveauBrouillonAsync(portail, finances, Exercice, "Références");
        await saisie.SaisirParHabitantPlafonneAsync();
        var service = (await portail.LireAsync(saisie.Version)).Services.Single().Id;

        var retrait = await finances.SoumettreAsync($"/catalogue/{saisie.Version}", [], $"/catalogue/{saisie.Version}/services/{service}/supprimer");
        Assert.Equal(HttpStatusCode.Redirect, retrait.Statut);
        var apres = await finances.GetAsync(retrait.Redirection!);
        Assert.Contains("cité par la formule plafonne", apres.TexteVisible, StringComparison.Ordinal);
        Assert.Single((await portail.LireAsync(saisie.Version)).Services);

        // Rows from before the rule: the service gone behind the version's back, its formule left.
        var autre = await saisie.AjouterServiceAsync("FORFAIT", "Forfait");
        await saisie.DefinirComposanteAsync(autre, new() { ["Libelle"] = "forfait", ["Nature"] = "Forfait", ["Montant"] = "100" });
        await portail.ExecuterAsync(db => db.Set<ServiceCatalogue>().Where(s => s.Id == service).ExecuteDeleteAsync());
        var vote = await finances.SoumettreAsync($"/catalogue/{saisie.Version}/voter", new() { ["Numero"] = "CT_2026_9", ["Le"] = "01/10/2026" });
        Assert.Equal(HttpStatusCode.OK, vote.Statut);
        Assert.Contains("La formule plafonne regroupe des services absents de cette version : PLAFONNE.", vote.Document.GetElementById("erreurs-vote")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("CT_2026_9", vote.ValeurDuChamp("Numero"));
        Assert.False((await portail.LireAsync(saisie.Version)).EstVotee);
    }
}
