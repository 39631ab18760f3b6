namespace Mutualisation.Billing.Tests;

public class PrimitivesTests
{
    [Theory]
    [InlineData(2.345, 2.35)]
    [InlineData(-2.345, -2.35)]
    [InlineData(2.344, 2.34)]
    [InlineData(0.005, 0.01)]
    public void L_arrondi_se_fait_au_centime_demi_eloigne_de_zero(decimal montant, decimal attendu) => Assert.Equal(attendu, Arrondi.AuCentime(montant));

    [Theory]
    [InlineData(1, 12)]
    [InlineData(2, 11)]
    [InlineData(3, 10)]
    [InlineData(4, 9)]
    [InlineData(5, 8)]
    [InlineData(6, 7)]
    [InlineData(7, 6)]
    [InlineData(8, 5)]
    [InlineData(9, 4)]
    [InlineData(10, 3)]
    [InlineData(11, 2)]
    [InlineData(12, 1)]
    public void Douziemes_pour_chaque_mois_de_debut(int mois, int attendus) => Assert.Equal(attendus, Douziemes.Mois(2026, new DateOnly(2026, mois, 1)));

    [Fact]
    public void Un_mois_commence_compte_en_entier_et_les_annees_voisines_sont_bornees()
    {
        Assert.Equal(10, Douziemes.Mois(2026, new DateOnly(2026, 3, 20)));
        Assert.Equal(12, Douziemes.Mois(2026, new DateOnly(2024, 7, 1)));
        Assert.Equal(0, Douziemes.Mois(2026, new DateOnly(2027, 1, 1)));
        Assert.Equal(3, Douziemes.Mois(2026, new DateOnly(2026, 4, 1), new DateOnly(2026, 6, 30)));
        Assert.Equal(1000m, Arrondi.AuCentime(Douziemes.Appliquer(1200m, 10)));
        Assert.Throws<TarificationImpossibleException>(() => Douziemes.Mois(2026, new DateOnly(2026, 5, 1), new DateOnly(2026, 4, 1)));
    }

    [Fact]
    public void La_repartition_au_plus_fort_reste_tombe_juste_au_centime()
    {
        var parts = Repartition.AuPlusFortReste(100m, [1m, 1m, 1m]);
        Assert.Equal([33.34m, 33.33m, 33.33m], parts);
        Assert.Equal(100m, parts.Sum());

        var hasard = new Random(7);
        for (var i = 0; i < 2000; i++)
        {
            var total = hasard.Next(-1_000_000, 1_000_000) / 100m;
            var poids = Enumerable.Range(0, hasard.Next(1, 30)).Select(_ => (decimal)hasard.Next(1, 100_000)).ToList();
            Assert.Equal(total, Repartition.AuPlusFortReste(total, poids).Sum());
        }
    }

    [Fact]
    public void Une_grille_progressive_taxe_chaque_tranche_a_son_taux()
    {
        var postes = new GrilleTranches("postes", [new("1 à 10", 0, 10, Taux: 100m), new("11 à 50", 10, 50, Taux: 80m), new("au-delà", 50, null, Taux: 60m)]);
        Assert.Equal(1000m + 3200m + 600m, postes.Progressif(60));
        Assert.Equal(80m, postes.Trouver(20).Taux);
    }

    [Fact]
    public void Une_grille_qui_se_chevauche_ou_laisse_un_trou_est_refusee()
    {
        var trouee = new GrilleTranches("population", [new("petite", 0, 100, Montant: 1m), new("grande", 200, null, Montant: 2m)]);
        Assert.Equal("hors-grille", Assert.Throws<TarificationImpossibleException>(() => trouee.Trouver(150)).Code);
        var chevauchee = new GrilleTranches("population", [new("a", 0, 100, Montant: 1m), new("b", 50, null, Montant: 2m)]);
        Assert.Equal("grille-contradictoire", Assert.Throws<TarificationImpossibleException>(() => chevauchee.Trouver(60)).Code);
    }
}
