using System.Net;
using Microsoft.EntityFrameworkCore;
using Mutualisation.Billing;
using Mutualisation.Domain.Catalogue;
using Mutualisation.Web.Tests.Outils;

namespace Mutualisation.Web.Tests;

/// <summary>
/// The grids of other EPCIs, entered through the catalogue pages by a finance user in a new draft
/// for next year, voted in October (an act dated before the exercice takes effect on 1 January),
/// then priced with the engine on the stored version: the published amounts, to the cent.
/// </summary>
public class GrillesCatalogueTests
{
    private const int Exercice = PortailFactory.Exercice + 1;
    private static readonly DateOnly AnneePrecedente = new(Exercice - 1, 1, 1);
    private static readonly DateOnly PremiereAnnee = new(Exercice, 1, 1);

    private static async Task<(PortailFactory Portail, Session Finances)> OuvrirAsync()
    {
        var portail = PortailFactory.SurUneNouvelleBase();
        return (portail, await portail.ConnecterAsync(Comptes.Finances));
    }

    private static decimal Prix(CatalogueTarifaire tarif, string service, int population, DateOnly debut, params (string Code, decimal Valeur)[] quantites) =>
        Tarification.Tarifer(tarif, new FaitsMembre(population, 2023)
        {
            Abonnements = [new Abonnement(service, debut)],
            Quantites = quantites.ToDictionary(q => q.Code, q => q.Valeur),
        }).Total;

    [Fact]
    public async Task Les_grilles_d_autres_EPCI_saisies_sur_les_pages_puis_votees_donnent_les_montants_publies()
    {
        var (portail, finances) = await OuvrirAsync();
        using var _ = portail;
        using var __ = finances;

        var postes = await SaisieCatalogue.NouveauBrouillonAsync(portail, finances, Exercice, "Par poste");
        await postes.SaisirParPosteAsync();
        await postes.VoterAsync("CT_2026_101", "01/10/2026");
        var tarif = await postes.TarifAsync();
        foreach (var (nombre, montant) in new[] { (1, 150m), (4, 600m), (5, 675m), (6, 810m), (16, 1920m), (20, 2400m) })
        {
            Assert.Equal(montant, Prix(tarif, "POSTES", 500, AnneePrecedente, ("postes", nombre)));
        }

        var detail = await finances.GetAsync($"/catalogue/{postes.Version}");
        Assert.Contains("coefficient 0,9, soit 135,00 € / poste", detail.TexteVisible, StringComparison.Ordinal);
        Assert.Contains("Votée", detail.TexteVisible, StringComparison.Ordinal);

        var strates = await SaisieCatalogue.NouveauBrouillonAsync(portail, finances, Exercice, "Forfaits par strate");
        await strates.SaisirForfaitsParStrateAsync();
        await strates.VoterAsync("CT_2026_102", "01/10/2026");
        tarif = await strates.TarifAsync();
        Assert.Equal(450m, Prix(tarif, "CDG-COMMUNES", 999, PremiereAnnee));
        Assert.Equal(300m, Prix(tarif, "CDG-COMMUNES", 999, AnneePrecedente));
        Assert.Equal(900m, Prix(tarif, "CDG-COMMUNES", 1000, PremiereAnnee));
        Assert.Equal(600m, Prix(tarif, "CDG-COMMUNES", 4999, AnneePrecedente));
        Assert.Equal(1800m, Prix(tarif, "CDG-COMMUNES", 5000, PremiereAnnee));
        Assert.Equal(1200m, Prix(tarif, "CDG-COMMUNES", 12000, AnneePrecedente));
        Assert.Equal(300m, Prix(tarif, "CDG-ETABLISSEMENTS", 0, PremiereAnnee, ("agents", 9)));
        Assert.Equal(500m, Prix(tarif, "CDG-ETABLISSEMENTS", 0, AnneePrecedente, ("agents", 10)));

        var habitants = await SaisieCatalogue.NouveauBrouillonAsync(portail, finances, Exercice, "Par habitant et par agent");
        await habitants.SaisirParHabitantEtParAgentAsync();
        await habitants.VoterAsync("CT_2026_103", "01/10/2026");
        tarif = await habitants.TarifAsync();
        Assert.Equal(1177.50m, Prix(tarif, "HABITANTS", 2355, AnneePrecedente));
        Assert.Equal(1000m, Prix(tarif, "AGENTS", 0, AnneePrecedente, ("agents", 25)));

        var plafonne = await SaisieCatalogue.NouveauBrouillonAsync(portail, finances, Exercice, "Plafonné");
        await plafonne.SaisirParHabitantPlafonneAsync();
        await plafonne.VoterAsync("CT_2026_104", "01/10/2026");
        tarif = await plafonne.TarifAsync();
        Assert.Equal(2826.00m, Prix(tarif, "PLAFONNE", 2355, AnneePrecedente));
        Assert.Equal(15000m, Prix(tarif, "PLAFONNE", 20000, AnneePrecedente));

        var progressif = await SaisieCatalogue.NouveauBrouillonAsync(portail, finances, Exercice, "Progressif");
        await progressif.SaisirBaremeProgressifAsync();
        await progressif.VoterAsync("CT_2026_105", "01/10/2026");
        tarif = await progressif.TarifAsync();
        Assert.Equal(11875.00m, Prix(tarif, "PROGRESSIF", 37500, AnneePrecedente));
        Assert.Equal(5000m, Prix(tarif, "PROGRESSIF", 10000, AnneePrecedente));

        var voted = await portail.LireAsync(progressif.Version);
        Assert.Equal(new DateOnly(Exercice, 1, 1), voted.EnVigueurLe);
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
