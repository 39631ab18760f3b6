using Mutualisation.Domain.Catalogue;
using Mutualisation.Domain.Commun;
using Mutualisation.Domain.Membres;

namespace Mutualisation.Domain.Tests;

public class QuantitesTests
{
    private static readonly DonneesQuantite Postes = new("postes", "Postes de travail", "poste", "postes", TypeQuantite.Entiere);

    [Fact]
    public void Une_valeur_de_quantite_est_en_vigueur_de_sa_date_a_la_suivante()
    {
        var membre = new Membre("Allaire", NatureMembre.Commune, InseeCode.Parse("56001"), Siren.Parse("215600016"));
        membre.EnregistrerQuantite("postes", new DateOnly(2025, 1, 1), 4, "déclaration");
        membre.EnregistrerQuantite("postes", new DateOnly(2026, 3, 1), 6);

        Assert.Null(membre.QuantiteAu("postes", new DateOnly(2024, 12, 31)));
        Assert.Equal(4, membre.QuantiteAu("postes", new DateOnly(2026, 2, 28))!.Valeur);
        Assert.Equal(6, membre.QuantiteAu("postes", new DateOnly(2026, 3, 1))!.Valeur);
        Assert.Null(membre.QuantiteAu("agents", new DateOnly(2026, 3, 1)));
    }

    [Fact]
    public void Une_valeur_a_la_meme_date_remplace_la_precedente_et_une_valeur_negative_est_refusee()
    {
        var membre = new Membre("Allaire", NatureMembre.Commune, InseeCode.Parse("56001"), Siren.Parse("215600016"));
        membre.EnregistrerQuantite("postes", new DateOnly(2026, 1, 1), 4);
        membre.EnregistrerQuantite("postes", new DateOnly(2026, 1, 1), 5, "inventaire");

        Assert.Equal(5, Assert.Single(membre.Quantites).Valeur);
        Assert.Throws<ArgumentOutOfRangeException>(() => membre.EnregistrerQuantite("postes", new DateOnly(2026, 2, 1), -1));
        Assert.Throws<ArgumentException>(() => membre.EnregistrerQuantite("Postes de travail", new DateOnly(2026, 2, 1), 1));
    }

    [Theory]
    [InlineData("population")]
    [InlineData("Postes")]
    [InlineData("postes de travail")]
    [InlineData("")]
    [InlineData("1postes")]
    public void Un_code_de_quantite_mal_forme_ou_reserve_est_refuse(string code) =>
        Assert.NotNull(QuantiteCatalogue.RefusCode(code));

    [Fact]
    public void Une_quantite_declaree_une_fois_se_pluralise_et_ne_se_retire_pas_tant_qu_une_composante_l_utilise()
    {
        var version = new VersionCatalogue(2026);
        var postes = version.DeclarerQuantite(Postes);
        Assert.Throws<CatalogueException>(() => version.DeclarerQuantite(Postes));
        Assert.Equal("poste", postes.Unite(1.5m));
        Assert.Equal("postes", postes.Unite(2));

        var service = version.AjouterService(new DonneesService("POSTES", "Maintenance des postes", "Infrastructure"));
        version.DefinirComposante(service, null, new ComposanteTarif("Par poste", NatureComposante.ParUnite) { Quantite = "postes", Unite = "poste", Taux = 150m });

        Assert.Equal([postes], version.QuantitesDe(["POSTES"]));
        Assert.Empty(version.QuantitesDe(["AUTRE"]));
        Assert.Contains("POSTES / Par poste", Assert.Throws<CatalogueException>(() => version.SupprimerQuantite(postes)).Message, StringComparison.Ordinal);
        Assert.Throws<CatalogueException>(() => version.ModifierQuantite(postes, Postes with { Code = "ordinateurs" }));

        version.ModifierQuantite(postes, Postes with { Libelle = "Ordinateurs" });
        Assert.Equal("Ordinateurs", version.Quantite("postes")!.Libelle);
        Assert.Single(VersionCatalogue.CopierDe(version, 2027).Quantites);
    }
}
