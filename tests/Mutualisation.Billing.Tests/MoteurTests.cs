global using Mutualisation.Domain.Catalogue;
namespace Mutualisation.Billing.Tests;

/// <summary>The engine on facts: rules of both conventions and the grids other EPCIs use, all as data.</summary>
public class MoteurTests
{
    private static readonly CatalogueTarifaire Redon = CataloguesDeReference.Redon(2026);
    private static readonly CatalogueTarifaire Cccf = CataloguesDeReference.CoeurCoteFleurieExemple(2026);

    private static FaitsMembre Membre(int population = 2355, params Abonnement[] abonnements) => new(population, 2023) { Abonnements = abonnements };

    private static DateOnly Le(int mois, int jour = 1, int annee = 2026) => new(annee, mois, jour);

    [Fact]
    public void Un_membre_du_socle_complet_ne_paie_pas_les_groupements_d_achats()
    {
        var contribution = Tarification.Tarifer(Redon, Membre(2355, new(CataloguesDeReference.Socle, Le(1)), new(CataloguesDeReference.Groupements, Le(1))));

        Assert.Equal(5532.50m, contribution.Total);
        var exoneration = Assert.Single(contribution.Lignes, l => l.Libelle.StartsWith("Exonération", StringComparison.Ordinal));
        Assert.Equal(-1838.75m, exoneration.Montant);
        Assert.Contains("socle complet", exoneration.Bases.MotifDeduction, StringComparison.Ordinal);
    }

    [Fact]
    public void Un_socle_complet_termine_l_annee_precedente_n_exonere_plus()
    {
        var contribution = Tarification.Tarifer(Redon, Membre(2355, new(CataloguesDeReference.Socle, Le(1, 1, 2024), Le(12, 31, 2025)), new(CataloguesDeReference.Groupements, Le(1))));
        Assert.Equal(1838.75m, contribution.Total);
    }

    [Fact]
    public void Un_service_informatique_propre_exige_un_examen_approfondi()
    {
        var faits = Membre(2000, new Abonnement(CataloguesDeReference.Socle, Le(1))) with { ServiceInformatiquePropre = true };
        var resultat = Tarification.Evaluer(Redon, faits);
        Assert.Null(resultat.Contribution);
        Assert.Equal(RefusTarification.CodeExamenApprofondi, resultat.Refus!.Code);
        Assert.True(resultat.Refus.ExigeNegociation);
        Assert.True(Assert.Throws<TarificationImpossibleException>(() => Tarification.Tarifer(Redon, faits)).ExigeNegociation);
    }

    [Fact]
    public void L_audit_est_facture_l_annee_de_sa_livraison_et_une_seule_fois()
    {
        var faits = Membre(2355, new Abonnement(CataloguesDeReference.Audit, Le(11, 1, 2025))) with { Livraisons = [new(CataloguesDeReference.Audit, Le(2, 10))] };
        Assert.Equal(0m, Tarification.Tarifer(CataloguesDeReference.Redon(2025), faits).Total);
        Assert.Equal(3500m, Tarification.Tarifer(Redon, faits).Total);
        Assert.Equal(0m, Tarification.Tarifer(CataloguesDeReference.Redon(2027), faits).Total);
    }

    [Theory]
    [InlineData(1, 1200.00)]
    [InlineData(2, 1100.00)]
    [InlineData(3, 1000.00)]
    [InlineData(4, 900.00)]
    [InlineData(5, 800.00)]
    [InlineData(6, 700.00)]
    [InlineData(7, 600.00)]
    [InlineData(8, 500.00)]
    [InlineData(9, 400.00)]
    [InlineData(10, 300.00)]
    [InlineData(11, 200.00)]
    [InlineData(12, 100.00)]
    public void Un_forfait_annuel_commence_en_cours_d_annee_est_proratise_par_douziemes(int mois, decimal attendu)
    {
        var ligne = Assert.Single(Tarification.Tarifer(Cccf, Membre(abonnements: new Abonnement("MESSAGERIE", Le(mois)))).Lignes);
        Assert.Equal(attendu, ligne.Montant);
        Assert.Equal(13 - mois, ligne.Bases.MoisProrata);
    }

    [Fact]
    public void Une_resiliation_au_1er_janvier_arrete_la_facturation_au_31_decembre_precedent()
    {
        var faits = Membre(abonnements: new Abonnement("MESSAGERIE", Le(4, 1, 2024), Le(12, 31, 2026)));
        Assert.Equal(1200m, Tarification.Tarifer(Cccf, faits).Total);
        Assert.Empty(Tarification.Tarifer(CataloguesDeReference.CoeurCoteFleurieExemple(2027), faits).Lignes);
    }

    [Fact]
    public void Un_service_unitaire_n_est_jamais_proratise()
    {
        var faits = Membre(abonnements: new Abonnement("INTERVENTION", Le(7))) with { Quantites = new Dictionary<string, decimal> { ["interventions"] = 7 } };
        var ligne = Assert.Single(Tarification.Tarifer(Cccf, faits).Lignes);
        Assert.Equal(665m, ligne.Montant);
        Assert.Null(ligne.Bases.MoisProrata);
    }

    [Fact]
    public void Un_catalogue_qui_proratise_un_service_ponctuel_est_refuse()
    {
        var catalogue = new CatalogueTarifaire(2026, ReferencePopulation.Totale,
            [new ServiceTarife("X", "Installation", "Test", [new Composante("forfait", NatureComposante.Forfait) { Montant = 100m, Frequence = Frequence.Ponctuelle, Prorata = Prorata.Douziemes }])]);
        Assert.Equal("prorata-interdit", Assert.Throws<TarificationImpossibleException>(() => Tarification.Tarifer(catalogue, Membre(abonnements: new Abonnement("X", Le(3))))).Code);
    }

    [Fact]
    public void Le_stockage_change_en_cours_d_annee_est_facture_mois_par_mois()
    {
        var faits = Membre(abonnements: new Abonnement("STOCKAGE", Le(1, 1, 2025))) with
        {
            Allocations = [new(Quantites.Stockage, Le(3, 1, 2025), 100m), new(Quantites.Stockage, Le(6, 15), 250m), new(Quantites.Stockage, Le(10, 1), 250m)],
        };

        var lignes = Tarification.Tarifer(Cccf, faits).Lignes;

        Assert.Equal(2, lignes.Count);
        Assert.Equal((100m, 5), (lignes[0].Bases.Quantite!.Value, lignes[0].Bases.MoisProrata!.Value));
        Assert.Equal(100.00m, lignes[0].Montant);           // 100 Go × 2,40 € × 5/12
        Assert.Contains("de janvier à mai", lignes[0].Libelle, StringComparison.Ordinal);
        Assert.Equal((250m, 7), (lignes[1].Bases.Quantite!.Value, lignes[1].Bases.MoisProrata!.Value));
        Assert.Equal(350.00m, lignes[1].Montant);           // a month started counts whole: June at 250 Go
        Assert.Equal(lignes.Sum(l => l.Montant), Arrondi.AuCentime(((100m * 5) + (250m * 7)) * 2.40m / 12m));
    }

    [Fact]
    public void Le_stockage_ne_compte_que_les_mois_de_l_abonnement_et_pas_les_mois_sans_allocation()
    {
        var faits = Membre(abonnements: new Abonnement("STOCKAGE", Le(4), Le(9, 30))) with
        {
            Allocations = [new(Quantites.Stockage, Le(6, 1), 120m), new(Quantites.Stockage, Le(11, 1), 500m)],
        };

        var ligne = Assert.Single(Tarification.Tarifer(Cccf, faits).Lignes);
        Assert.Equal(4, ligne.Bases.MoisProrata);           // June to September
        Assert.Equal(96.00m, ligne.Montant);
    }

    [Theory]
    [InlineData(1000, 300.00, "plancher")]
    [InlineData(4000, 800.00, null)]
    [InlineData(10000, 1500.00, "plafond")]
    public void Un_plancher_et_un_plafond_bornent_la_composante(int population, decimal attendu, string? ajustement)
    {
        var ligne = Assert.Single(Tarification.Tarifer(Cccf, Membre(population, new Abonnement("SITE", Le(1)))).Lignes);
        Assert.Equal(attendu, ligne.Montant);
        if (ajustement is null)
        {
            Assert.Null(ligne.Bases.Ajustement);
        }
        else
        {
            Assert.Contains(ajustement, ligne.Bases.Ajustement, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Le_plafond_s_applique_au_montant_annuel_avant_le_prorata()
    {
        var ligne = Assert.Single(Tarification.Tarifer(Cccf, Membre(10000, new Abonnement("SITE", Le(7)))).Lignes);
        Assert.Equal(750.00m, ligne.Montant);
    }

    [Fact]
    public void La_premiere_annee_a_son_propre_montant_puis_le_montant_courant()
    {
        var faits = Membre(abonnements: new Abonnement("SIG", Le(4)));
        Assert.Equal(675.00m, Tarification.Tarifer(Cccf, faits).Total);  // 900 × 9/12
        Assert.Equal(600.00m, Tarification.Tarifer(CataloguesDeReference.CoeurCoteFleurieExemple(2027), faits).Total);
    }

    [Theory]
    [InlineData(10, 1800)]
    [InlineData(11, 1650)]
    [InlineData(25, 3750)]
    [InlineData(31, 3720)]
    public void Un_taux_par_poste_degressif_s_applique_a_tous_les_postes_de_la_tranche(int postes, decimal attendu)
    {
        var faits = Membre(abonnements: new Abonnement("POSTES", Le(1))) with { Quantites = new Dictionary<string, decimal> { ["postes"] = postes } };
        Assert.Equal(attendu, Tarification.Tarifer(Cccf, faits).Total);
    }

    [Fact]
    public void Une_quantite_non_declaree_est_un_refus_et_pas_un_montant_nul()
    {
        var resultat = Tarification.Evaluer(Cccf, Membre(abonnements: new Abonnement("POSTES", Le(1))));
        Assert.Null(resultat.Contribution);
        Assert.Equal(RefusTarification.CodeQuantiteManquante, resultat.Refus!.Code);
        Assert.Contains("« postes » n'est pas renseignée", resultat.Refus.Message, StringComparison.Ordinal);
        Assert.False(resultat.Refus.ExigeNegociation);
        Assert.Equal("quantite-manquante", Assert.Throws<TarificationImpossibleException>(() => Tarification.Tarifer(Cccf, Membre(abonnements: new Abonnement("POSTES", Le(1))))).Code);
    }

    [Fact]
    public void Une_quantite_hors_de_la_grille_est_un_refus_qui_demande_un_montant_negocie()
    {
        var catalogue = new CatalogueTarifaire(2026, ReferencePopulation.Totale,
            [new ServiceTarife("P", "Maintenance", "Test", [new Composante("par poste", NatureComposante.ParTranche) { Quantite = "postes", Unite = "poste", Tranches = [new("1 à 10 postes", 1, 11, Taux: 100m)] }])]);
        var faits = Membre(abonnements: new Abonnement("P", Le(1))) with { Quantites = new Dictionary<string, decimal> { ["postes"] = 40 } };

        var resultat = Tarification.Evaluer(catalogue, faits);

        Assert.Null(resultat.Contribution);
        Assert.Equal(RefusTarification.CodeHorsGrille, resultat.Refus!.Code);
        Assert.True(resultat.Refus.ExigeNegociation);
        Assert.Contains("ne couvre 40 postes", resultat.Refus.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Les_unites_s_accordent_singulier_sous_2_pluriel_au_dela()
    {
        var faits = Membre(abonnements: new Abonnement("POSTES", Le(1))) with { Quantites = new Dictionary<string, decimal> { ["postes"] = 1 } };
        Assert.Equal("poste", Assert.Single(Tarification.Tarifer(Cccf, faits).Lignes).Bases.Unite);
        Assert.Equal("postes", Assert.Single(Tarification.Tarifer(Cccf, faits with { Quantites = new Dictionary<string, decimal> { ["postes"] = 4 } }).Lignes).Bases.Unite);
        Assert.Equal("habitants", Tarification.Tarifer(Redon, Membre(2355, new Abonnement(CataloguesDeReference.Socle, Le(1)))).Lignes[1].Bases.Unite);
    }

    [Fact]
    public void Un_service_absent_du_catalogue_est_une_erreur() =>
        Assert.Equal("service-inconnu", Assert.Throws<TarificationImpossibleException>(() => Tarification.Tarifer(Cccf, Membre(abonnements: new Abonnement("INCONNU", Le(1))))).Code);

    [Fact]
    public void Des_dates_contradictoires_sont_une_erreur() =>
        Assert.Equal("dates-contradictoires", Assert.Throws<TarificationImpossibleException>(() => Tarification.Tarifer(Cccf, Membre(abonnements: new Abonnement("MESSAGERIE", Le(5), Le(4))))).Code);

    [Fact]
    public void Un_forfait_pour_les_premiers_habitants_puis_un_taux_au_dela_et_une_tranche_majoree_la_premiere_annee()
    {
        var catalogue = new CatalogueTarifaire(2026, ReferencePopulation.Totale,
        [
            new ServiceTarife("P", "Progressif", "Test",
                [new Composante("barème", NatureComposante.Progressif) { Tranches = [new("1 000 premiers habitants", 0, 1000, Montant: 500m), new("au-delà", 1000, null, Taux: 0.50m)] }]),
            new ServiceTarife("T", "Forfait par tranche", "Test",
                [new Composante("forfait", NatureComposante.ParTranche) { Tranches = [new("moins de 2 000", 0, 2000, Montant: 400m, MontantPremiereAnnee: 650m), new("2 000 et plus", 2000, null, Montant: 800m, MontantPremiereAnnee: 1100m)] }]),
        ]);
        Assert.Equal(500m, Tarification.Tarifer(catalogue, Membre(300, new Abonnement("P", Le(1)))).Total);
        Assert.Equal(1500m, Tarification.Tarifer(catalogue, Membre(3000, new Abonnement("P", Le(1)))).Total);
        Assert.Equal(650m, Tarification.Tarifer(catalogue, Membre(300, new Abonnement("T", Le(1)))).Total);
        Assert.Equal(400m, Tarification.Tarifer(catalogue, Membre(300, new Abonnement("T", Le(1, 1, 2025)))).Total);
        Assert.Equal(1100m, Tarification.Tarifer(catalogue, Membre(2000, new Abonnement("T", Le(1)))).Total);
    }

    [Fact]
    public void Un_achat_pour_compte_est_rembourse_a_l_euro_pres_sans_frais()
    {
        var faits = Membre() with { AchatsPourCompte = [new("licences bureautiques", "Éditeur SA", "F-2026-118", Le(3, 12), 1234.56m)] };
        var ligne = Assert.Single(Tarification.Tarifer(Redon, faits).Lignes);
        Assert.Equal(1234.56m, ligne.Montant);
        Assert.Contains("F-2026-118", ligne.Bases.Unite, StringComparison.Ordinal);
        Assert.Contains("12/03/2026", ligne.Bases.Unite, StringComparison.Ordinal);

        var negatif = faits with { AchatsPourCompte = [new("avoir", "Éditeur SA", "A-1", Le(3, 12), -10m)] };
        Assert.Equal("achat-invalide", Assert.Throws<TarificationImpossibleException>(() => Tarification.Tarifer(Redon, negatif)).Code);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(9, 1)]
    [InlineData(10, 2)]
    [InlineData(20, 2)]
    [InlineData(21, 3)]
    [InlineData(31, 3)]
    public void Le_modele_d_effectifs_donne_les_ETP_financees(int communes, decimal etp)
    {
        var bilan = ModeleEffectifs.Bilan(communes, contributions: 70000m);
        Assert.Equal(etp, bilan.Etp);
        Assert.Equal(etp * 40000m, bilan.Cout);
        Assert.Equal(70000m - (etp * 40000m), bilan.Ecart);
    }

    [Fact]
    public void Proprietes_du_modele_CCCF_sur_des_entrees_generees()
    {
        var hasard = new Random(11);
        string[] codes = ["MESSAGERIE", "SITE", "SIG", "POSTES", "STOCKAGE", "RACCORDEMENT", "INTERVENTION"];
        for (var i = 0; i < 3000; i++)
        {
            var abonnements = codes.Where(_ => hasard.Next(2) == 0)
                .Select(c => new Abonnement(c, new DateOnly(hasard.Next(2024, 2027), hasard.Next(1, 13), 1)))
                .ToArray();
            var faits = new FaitsMembre(hasard.Next(0, 20000), 2023)
            {
                Abonnements = abonnements,
                Quantites = new Dictionary<string, decimal> { ["postes"] = hasard.Next(0, 80), ["interventions"] = hasard.Next(0, 30) },
                Allocations = [new(Quantites.Stockage, new DateOnly(2026, hasard.Next(1, 13), 1), hasard.Next(0, 2000)), new(Quantites.Stockage, new DateOnly(2026, hasard.Next(1, 13), 1), hasard.Next(0, 2000))],
            };

            var contribution = Tarification.Tarifer(Cccf, faits);
            Assert.Equal(contribution.Lignes.Sum(l => l.Montant), contribution.Total);
            Assert.True(contribution.Total >= 0);
            Assert.All(contribution.Lignes, l => Assert.Equal(Arrondi.AuCentime(l.Montant), l.Montant));
        }
    }
}

public class RefusTests
{
    [Fact]
    public void L_audit_au_dela_de_8000_habitants_n_a_pas_de_tarif_automatique()
    {
        var erreur = Assert.Throws<TarificationImpossibleException>(() =>
            Simulation.Tarifer(CataloguesDeReference.Redon(2026), new DemandeSimulation("audit", 9542)));
        Assert.True(erreur.ExigeNegociation);
        Assert.StartsWith("« Audit » : au-delà de 8", erreur.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("service informatique", erreur.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Une_quantite_hors_de_la_grille_demande_un_montant_negocie()
    {
        var grille = new GrilleTranches("postes", [new("1 à 10", 0, 11, Taux: 100m)]);
        var erreur = Assert.Throws<TarificationImpossibleException>(() => grille.Trouver(40));
        Assert.True(erreur.ExigeNegociation);
        Assert.Contains("négocié", erreur.Message, StringComparison.Ordinal);
    }
}

public class CoherenceCatalogueTests
{
    [Fact]
    public void Une_copie_avec_d_autres_services_est_verifiee_a_nouveau_et_deux_catalogues_egaux_le_restent()
    {
        var sain = CataloguesDeReference.CoeurCoteFleurieExemple(2026);
        var prorataInterdit = sain with
        {
            Services = [new ServiceTarife("X", "Installation", "Test", [new Composante("forfait", NatureComposante.Forfait) { Montant = 100m, Frequence = Frequence.Ponctuelle, Prorata = Prorata.Douziemes }])],
        };
        Assert.Equal("prorata-interdit", Assert.Throws<TarificationImpossibleException>(() => Tarification.Tarifer(prorataInterdit, new FaitsMembre(100, 2023))).Code);

        var identique = sain with { };
        Tarification.Tarifer(sain, new FaitsMembre(100, 2023));
        Assert.Equal(sain, identique);
    }
}
