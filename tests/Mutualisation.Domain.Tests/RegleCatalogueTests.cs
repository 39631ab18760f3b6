using Mutualisation.Domain.Catalogue;
using Mutualisation.Domain.Commun;

namespace Mutualisation.Domain.Tests;

/// <summary>The coherence rules of a catalogue version, each refusal naming its field.</summary>
public class RegleCatalogueTests
{
    private static VersionCatalogue AvecDeuxServices(out ServiceCatalogue audit, out ServiceCatalogue socle)
    {
        var version = new VersionCatalogue(2026);
        audit = version.AjouterService(new DonneesService("AUDIT", "Audit", "Annexe"));
        socle = version.AjouterService(new DonneesService("SOCLE", "Socle", "Socle") { DeductionCodeService = "AUDIT", DeductionDelaiMois = 6 });
        version.DefinirComposante(audit, null, new ComposanteTarif("forfait", NatureComposante.Forfait) { Montant = new Montant(990m), Frequence = Frequence.Ponctuelle });
        version.DefinirComposante(socle, null, new ComposanteTarif("par habitant", NatureComposante.ParUnite) { Taux = 1.5m });
        return version;
    }

    [Fact]
    public void Un_service_cite_par_une_deduction_une_exoneration_ou_une_formule_ne_se_retire_pas_et_le_refus_dit_qui_le_cite()
    {
        var version = AvecDeuxServices(out var audit, out _);
        version.AjouterService(new DonneesService("GROUPEMENTS", "Groupements", "Annexe") { ExonereSiAbonneA = ["AUDIT"] });
        version.AjouterFormule(new FormuleCatalogue("audit", "Audit", "AUDIT"));

        var refus = Assert.Throws<CatalogueException>(() => version.SupprimerService(audit));
        Assert.Contains("la formule audit", refus.Message, StringComparison.Ordinal);
        Assert.Contains("la déduction du service SOCLE", refus.Message, StringComparison.Ordinal);
        Assert.Contains("l'exonération du service GROUPEMENTS", refus.Message, StringComparison.Ordinal);
        Assert.Contains(audit, version.Services);
        Assert.Equal("Code", Assert.Throws<CatalogueException>(() => version.ModifierService(audit, audit.Donnees with { Code = "AUDIT2" })).Champ);
    }

    [Fact]
    public void Une_reference_a_un_service_absent_est_refusee_sur_le_champ_qui_la_porte()
    {
        var version = AvecDeuxServices(out _, out var socle);
        Assert.Equal("DeductionCodeService", Assert.Throws<CatalogueException>(() => version.ModifierService(socle, socle.Donnees with { DeductionCodeService = "INCONNU" })).Champ);
        Assert.Equal("ExonereSiAbonneA", Assert.Throws<CatalogueException>(() => version.AjouterService(new DonneesService("X", "X", "X") { ExonereSiAbonneA = ["INCONNU"] })).Champ);
        Assert.Equal("Code", Assert.Throws<CatalogueException>(() => version.AjouterService(new DonneesService("socle", "Doublon", "X"))).Champ);
        Assert.Equal("Services", Assert.Throws<CatalogueException>(() => version.AjouterFormule(new FormuleCatalogue("f", "F", "INCONNU"))).Champ);
    }

    [Fact]
    public void Une_composante_sur_une_quantite_non_declaree_est_refusee_et_son_unite_vient_de_la_declaration()
    {
        var version = AvecDeuxServices(out var audit, out _);
        var composante = new ComposanteTarif("par poste", NatureComposante.ParUnite) { Quantite = "postes", Taux = 150m };
        Assert.Equal("Quantite", Assert.Throws<CatalogueException>(() => version.DefinirComposante(audit, null, composante)).Champ);

        version.DeclarerQuantite(new DonneesQuantite("postes", "Postes de travail", "poste", "postes", TypeQuantite.Entiere));
        version.DefinirComposante(audit, null, composante);
        Assert.Equal("poste", audit.Composantes[^1].Unite);
    }

    [Theory]
    [InlineData(NatureComposante.Forfait, Frequence.Ponctuelle, "population", "Prorata")]
    [InlineData(NatureComposante.AllocationMensuelle, Frequence.Annuelle, "population", "Prorata")]
    [InlineData(NatureComposante.ParUnite, Frequence.Annuelle, "postes", "Prorata")]
    public void Un_tarif_ponctuel_a_l_unite_ou_sur_une_allocation_n_est_pas_proratise(NatureComposante nature, Frequence frequence, string quantite, string champ)
    {
        var version = AvecDeuxServices(out var audit, out _);
        version.DeclarerQuantite(new DonneesQuantite("postes", "Postes", "poste", "postes", TypeQuantite.Entiere));
        var composante = new ComposanteTarif("x", nature) { Frequence = frequence, Prorata = Prorata.Douziemes, Quantite = quantite, Taux = 1m, Montant = new Montant(10m) };
        Assert.Contains(champ, Assert.Throws<CatalogueException>(() => version.DefinirComposante(audit, null, composante)).Erreurs.Select(e => e.Champ));
    }

    [Fact]
    public void Les_tranches_se_suivent_sans_trou_ni_chevauchement_et_seule_la_derniere_est_ouverte()
    {
        var version = AvecDeuxServices(out var audit, out _);
        ComposanteTarif Grille(params (decimal Min, decimal? Max)[] tranches) =>
            new("grille", NatureComposante.ParTranche, tranches.Select((t, i) => new TrancheTarif($"t{i}", t.Min, t.Max, new Montant(100m))));
        CatalogueException Refus(ComposanteTarif c) => Assert.Throws<CatalogueException>(() => version.DefinirComposante(audit, null, c));

        Assert.Equal("Tranches[1].Minimum", Refus(Grille((0, 1000), (1500, null))).Champ);
        Assert.Equal("Tranches[1].Minimum", Refus(Grille((0, 1000), (500, null))).Champ);
        Assert.Equal("Tranches[0].MaximumExclu", Refus(Grille((0, null), (1000, null))).Champ);
        Assert.Equal("Tranches[0].MaximumExclu", Refus(Grille((1000, 500))).Champ);
        Assert.Equal("Tranches", Refus(Grille()).Champ);
        Assert.Equal("Plafond", Refus(new ComposanteTarif("x", NatureComposante.ParUnite) { Taux = 1m, Plancher = new Montant(500m), Plafond = new Montant(100m) }).Champ);
        version.DefinirComposante(audit, null, Grille((0, 1000), (1000, 5000), (5000, null)));
    }

    [Fact]
    public void Un_taux_garde_six_decimales_et_au_dela_il_est_refuse_jamais_arrondi()
    {
        var version = AvecDeuxServices(out var audit, out _);
        version.DefinirComposante(audit, null, new ComposanteTarif("x", NatureComposante.ParUnite) { Taux = 0.123456m });
        Assert.Equal(0.123456m, audit.Composantes[^1].Taux);
        Assert.Equal("Taux", Assert.Throws<CatalogueException>(() => version.DefinirComposante(audit, null, new ComposanteTarif("x", NatureComposante.ParUnite) { Taux = 0.1234567m })).Champ);
    }

    [Fact]
    public void Une_base_et_des_coefficients_donnent_le_taux_exact_de_chaque_tranche()
    {
        var version = AvecDeuxServices(out var audit, out _);
        version.DeclarerQuantite(new DonneesQuantite("postes", "Postes", "poste", "postes", TypeQuantite.Entiere));
        version.DefinirComposante(audit, null, new ComposanteTarif("par poste", NatureComposante.ParTranche,
        [
            new TrancheTarif("1 à 4 postes", 1, 5, default, coefficient: 1m),
            new TrancheTarif("5 à 15 postes", 5, 16, default, coefficient: 0.9m),
            new TrancheTarif("16 postes et plus", 16, null, default, coefficient: 0.8m),
        ])
        { Quantite = "postes", BaseParUnite = 150m });
        Assert.Equal([150m, 135m, 120m], audit.Composantes[^1].Tranches.Select(t => t.Taux));
        Assert.Equal([1m, 0.9m, 0.8m], audit.Composantes[^1].Tranches.Select(t => t.Coefficient!.Value));
    }
}
