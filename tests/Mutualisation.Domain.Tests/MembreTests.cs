using Mutualisation.Domain.Commun;
using Mutualisation.Domain.Membres;

namespace Mutualisation.Domain.Tests;

public class MembreTests
{
    private static Membre Redon() => new("Redon", NatureMembre.Commune, InseeCode.Parse("35236"), Siren.Parse("213502362"));

    [Fact]
    public void Un_nouveau_millesime_s_ajoute_a_l_historique_et_devient_la_population_courante()
    {
        var membre = Redon();
        Assert.Equal(ChangementPopulation.Ajoutee, membre.EnregistrerPopulation(2022, 10100, 9600, "test"));
        Assert.Equal(ChangementPopulation.Ajoutee, membre.EnregistrerPopulation(2023, 10086, 9542, "test"));

        Assert.Equal(2, membre.Populations.Count);
        Assert.Equal(2023, membre.PopulationMillesime);
        Assert.Equal(10086, membre.PopulationTotale);
        Assert.Equal(9542, membre.PopulationMunicipale);
    }

    [Fact]
    public void Un_millesime_anterieur_ne_remplace_pas_la_population_courante()
    {
        var membre = Redon();
        membre.EnregistrerPopulation(2023, 10086, 9542, "test");
        membre.EnregistrerPopulation(2021, 9900, 9400, "test");

        Assert.Equal(2023, membre.PopulationMillesime);
        Assert.Equal(10086, membre.PopulationTotale);
    }

    [Fact]
    public void Le_meme_millesime_avec_d_autres_chiffres_est_corrige_sans_doublon()
    {
        var membre = Redon();
        membre.EnregistrerPopulation(2023, 10086, 9542, "test");
        Assert.Equal(ChangementPopulation.Inchangee, membre.EnregistrerPopulation(2023, 10086, 9542, "test"));
        Assert.Equal(ChangementPopulation.Corrigee, membre.EnregistrerPopulation(2023, 10090, 9542, "test"));

        Assert.Single(membre.Populations);
        Assert.Equal(10090, membre.PopulationTotale);
    }

    [Fact]
    public void La_population_pour_un_exercice_est_le_dernier_millesime_qui_ne_le_depasse_pas()
    {
        var membre = Redon();
        membre.EnregistrerPopulation(2022, 10100, 9600, "test");
        membre.EnregistrerPopulation(2023, 10086, 9542, "test");

        Assert.Equal(2022, membre.PopulationPour(2022)!.Millesime);
        Assert.Equal(2023, membre.PopulationPour(2026)!.Millesime);
        Assert.Null(membre.PopulationPour(2020));
    }

    [Fact]
    public void Une_population_negative_est_refusee()
    {
        var membre = Redon();
        Assert.Throws<ArgumentOutOfRangeException>(() => membre.EnregistrerPopulation(2023, -1, 0, "test"));
    }

    [Fact]
    public void Le_nom_de_recherche_suit_le_nom()
    {
        var membre = Redon();
        membre.Renommer("Saint-Nicolas-de-Redon");
        Assert.Equal("SAINT NICOLAS DE REDON", membre.NomRecherche);
    }
}
