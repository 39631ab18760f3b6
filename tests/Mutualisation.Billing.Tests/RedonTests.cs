namespace Mutualisation.Billing.Tests;

public class RedonTests
{
    private const string SocleComplet = "socle-complet";
    private const string Audit = "audit";
    private const string GroupementAchats = "groupement-achats";
    private const string SocleAnnexeComplet = "socle-annexe-complet";
    private static readonly string[] Formules = [SocleComplet, Audit, GroupementAchats, SocleAnnexeComplet];

    private static readonly CatalogueTarifaire Catalogue = CataloguesDeReference.Redon(2026);

    private static GrilleTranches Grille(string service, int composante)
    {
        var c = Catalogue.Service(service).Composantes[composante];
        return new GrilleTranches(c.QuantiteDeTranche, c.Tranches);
    }

    private static Contribution Tarifer(string formule, int population, DateOnly? audit = null, DateOnly? adhesion = null, decimal joursN1 = 0, int exercice = 2026) =>
        Simulation.Tarifer(CataloguesDeReference.Redon(exercice), new DemandeSimulation(formule, population) { Millesime = 2023, AuditLivreLe = audit, AdhesionLe = adhesion, JoursN1 = joursN1 });

    [Fact]
    public void Exemple_de_la_convention_socle_complet_2355_habitants_5532_50()
    {
        var contribution = Tarifer(SocleComplet, 2355);

        Assert.Equal(5532.50m, contribution.Total);
        Assert.Equal([2000m, 3532.50m], contribution.Lignes.Select(l => l.Montant));
        Assert.Equal("de 1 500 à moins de 3 000 habitants", contribution.Lignes[0].Bases.Tranche);
        Assert.Equal(2023, contribution.Lignes[1].Bases.Millesime);
        Assert.Equal(1.50m, contribution.Lignes[1].Bases.Taux);
    }

    [Fact]
    public void Exemple_de_la_convention_audit_deduit_la_premiere_annee_2032_50_puis_5532_50()
    {
        var audit = Tarifer(Audit, 2355);
        Assert.Equal(3500m, audit.Total);

        var premiere = Tarifer(SocleComplet, 2355, audit: new(2026, 3, 15), adhesion: new(2026, 6, 1));
        Assert.Equal(2032.50m, premiere.Total);
        var deduction = premiere.Lignes.Single(l => l.Bases.Deduction is not null);
        Assert.Equal(-3500m, deduction.Montant);
        Assert.Contains("dans les 6 mois", deduction.Bases.MotifDeduction, StringComparison.Ordinal);

        var suivante = Tarifer(SocleComplet, 2355, audit: new(2026, 3, 15), adhesion: new(2026, 6, 1), exercice: 2027);
        Assert.Equal(5532.50m, suivante.Total);
    }

    [Theory]
    [InlineData(2026, 9, 15, true)]  // delivery + 6 months exactly: still deducted
    [InlineData(2026, 9, 16, false)] // one day later: no deduction
    public void La_deduction_vaut_jusqu_a_six_mois_calendaires_inclus(int annee, int mois, int jour, bool deduite)
    {
        var contribution = Tarifer(SocleComplet, 2355, audit: new(2026, 3, 15), adhesion: new(annee, mois, jour));
        Assert.Equal(deduite ? 2032.50m : 5532.50m, contribution.Total);
    }

    [Theory]
    [InlineData(2026, null, 0)]
    [InlineData(2027, null, 0)]
    [InlineData(2026, 2027, 0)]
    [InlineData(2027, 2027, 3500)]
    [InlineData(2028, 2027, 0)]
    public void Un_audit_enregistre_se_facture_l_annee_de_sa_livraison_et_jamais_avant(int exercice, int? livraison, int attendu)
    {
        // Subscribed to the audit from 1 March 2026; its report delivered in March of the given year, if at all.
        var faits = new FaitsMembre(2355, 2023)
        {
            Abonnements = [new Abonnement(CataloguesDeReference.Audit, new DateOnly(2026, 3, 1))],
            Livraisons = livraison is { } annee ? [new Livraison(CataloguesDeReference.Audit, new DateOnly(annee, 3, 20))] : [],
            LivraisonsEnregistrees = true,
        };

        Assert.Equal(attendu, Tarification.Tarifer(CataloguesDeReference.Redon(exercice), faits).Total);
    }

    [Fact]
    public void La_deduction_ne_rend_jamais_le_total_negatif()
    {
        // A small commune: audit 990 €, socle 1 500 + 100 × 1,5 = 1 650 €.
        var contribution = Tarifer(SocleComplet, 100, audit: new(2026, 1, 10), adhesion: new(2026, 2, 1));
        Assert.Equal(660m, contribution.Total);
        Assert.True(contribution.Total >= 0);
    }

    [Theory]
    [InlineData(0, 1500, 1500.00)]
    [InlineData(1499, 1500, 3748.50)]
    [InlineData(1500, 2000, 4250.00)]
    [InlineData(2999, 2000, 6498.50)]
    [InlineData(3000, 2500, 7000.00)]
    [InlineData(8000, 2500, 14500.00)]
    public void Socle_complet_aux_bornes_des_tranches(int population, int partFixe, decimal total)
    {
        var contribution = Tarifer(SocleComplet, population);
        Assert.Equal(partFixe, contribution.Lignes[0].Montant);
        Assert.Equal(total, contribution.Total);
    }

    [Fact]
    public void Au_dela_de_8000_habitants_le_socle_complet_est_refuse_pour_examen_approfondi()
    {
        var refus = Simulation.Evaluer(Catalogue, new DemandeSimulation(SocleComplet, 8001)).Refus!;
        Assert.Equal("examen-approfondi", refus.Code);
        Assert.Contains("examen approfondi", refus.Message, StringComparison.Ordinal);
        Assert.Equal(refus.Message, Assert.Throws<TarificationImpossibleException>(() => Tarifer(SocleComplet, 8001)).Message);
    }

    [Theory]
    [InlineData(1499, 990)]
    [InlineData(1500, 3500)]
    [InlineData(2999, 3500)]
    [InlineData(3000, 7000)]
    [InlineData(8000, 7000)]
    public void Audit_par_tranche(int population, decimal montant) => Assert.Equal(montant, Tarifer(Audit, population).Total);

    [Theory]
    [InlineData(1499, 1124.75)]
    [InlineData(1500, 1625.00)]
    [InlineData(3000, 2750.00)]
    [InlineData(8000, 4000.00)]
    [InlineData(8001, 5500.25)]
    [InlineData(10086, 6021.50)]
    public void Groupements_d_achats_part_fixe_plus_0_25_par_habitant(int population, decimal total) =>
        Assert.Equal(total, Tarifer(GroupementAchats, population).Total);

    [Fact]
    public void Socle_annexe_complet_audit_et_groupements_la_premiere_annee_puis_groupements_seuls()
    {
        Assert.Equal(3500m + 1838.75m, Tarifer(SocleAnnexeComplet, 2355, adhesion: new(2026, 1, 1)).Total);
        Assert.Equal(1838.75m, Tarifer(SocleAnnexeComplet, 2355, adhesion: new(2025, 1, 1)).Total);
    }

    [Theory]
    [InlineData(1000, 2.5, 0)]
    [InlineData(1000, 3.5, 400)]   // 1 day beyond 2.5 = 2 half-days × 200 €
    [InlineData(2000, 5, 200)]     // 0.5 day beyond 4.5
    [InlineData(5000, 6.5, 0)]
    [InlineData(5000, 8, 600)]
    public void N1_au_dela_de_l_allocation_200_euros_la_demi_journee(int population, decimal jours, decimal supplement)
    {
        var contribution = Tarifer(SocleComplet, population, joursN1: jours);
        var sansN1 = Tarifer(SocleComplet, population);
        Assert.Equal(supplement, contribution.Total - sansN1.Total);
    }

    [Fact]
    public void Le_quota_N1_de_la_convention_6_9_15_communes_donne_39_40_5_37_5_jours()
    {
        var allocation = (int population) => Grille(CataloguesDeReference.Socle, 2).Trouver(population).Montant / 2;
        Assert.Equal(39m, 6 * allocation(5000));
        Assert.Equal(40.5m, 9 * allocation(2000));
        Assert.Equal(37.5m, 15 * allocation(1000));
        Assert.Equal(117m, (6 * allocation(5000)) + (9 * allocation(2000)) + (15 * allocation(1000)));
    }

    [Theory]
    [InlineData(-1)]
    public void Une_population_negative_est_refusee(int population) =>
        Assert.Equal("population-negative", Assert.Throws<TarificationImpossibleException>(() => Tarifer(Audit, population)).Code);

    [Fact]
    public void Des_jours_qui_ne_sont_pas_des_demi_journees_sont_refuses() =>
        Assert.Equal("jours-invalides", Assert.Throws<TarificationImpossibleException>(() => Tarifer(SocleComplet, 1000, joursN1: 1.3m)).Code);

    [Fact]
    public void Proprietes_sur_des_entrees_generees_total_egal_somme_jamais_negatif_monotone_dans_la_tranche()
    {
        var hasard = new Random(20261122);
        for (var i = 0; i < 5000; i++)
        {
            var population = hasard.Next(0, 8001);
            var jours = hasard.Next(0, 40) / 2m;
            var formule = Formules[hasard.Next(0, 4)];
            var contribution = Tarifer(formule, population, joursN1: jours);
            Assert.Equal(contribution.Lignes.Sum(l => l.Montant), contribution.Total);
            Assert.True(contribution.Total >= 0);
            Assert.All(contribution.Lignes, l => Assert.Equal(Arrondi.AuCentime(l.Montant), l.Montant));

            var suivant = population + 1;
            if (suivant <= 8000 && Grille(CataloguesDeReference.Socle, 0).Trouver(suivant) == Grille(CataloguesDeReference.Socle, 0).Trouver(population))
            {
                Assert.True(Tarifer(formule, suivant, joursN1: jours).Total >= contribution.Total);
            }
        }
    }
}
