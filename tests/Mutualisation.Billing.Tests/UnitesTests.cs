namespace Mutualisation.Billing.Tests;

public class UnitesTests
{
    [Theory]
    [InlineData("habitant", "habitants")]
    [InlineData("poste", "postes")]
    [InlineData("demi-journée", "demi-journées")]
    [InlineData("Go", "Go")]
    [InlineData("ETP", "ETP")]
    [InlineData("agent", "agents")]
    [InlineData("licence", "licences")]
    [InlineData("poste de travail", "postes de travail")]
    [InlineData("bureau", "bureaux")]
    [InlineData("local", "locaux")]
    [InlineData("mois", "mois")]
    [InlineData("an", "ans")]
    [InlineData("m²", "m²")]
    public void Le_pluriel_par_defaut_d_une_unite(string singulier, string pluriel) => Assert.Equal(pluriel, Unites.Pluriel(singulier));

    [Theory]
    [InlineData(0, "poste")]
    [InlineData(1, "poste")]
    [InlineData(1.5, "poste")]
    [InlineData(2, "postes")]
    [InlineData(4, "postes")]
    public void Singulier_sous_2_pluriel_a_partir_de_2(decimal quantite, string attendu) => Assert.Equal(attendu, Unites.Accorder(quantite, "poste", "postes"));

    [Fact]
    public void Un_pluriel_ecrit_par_le_catalogue_l_emporte_et_suit_une_copie()
    {
        var composante = new Composante("par cheval", NatureComposante.ParUnite) { Unite = "cheval", UnitePluriel = "chevaux" };
        Assert.Equal("chevaux", composante.UnitePour(3));
        Assert.Equal("postes", (new Composante("x", NatureComposante.ParUnite) with { Unite = "poste" }).UnitePluriel);
        Assert.Equal(new Composante("x", NatureComposante.ParUnite) { Unite = "poste" }, new Composante("x", NatureComposante.ParUnite) with { Unite = "poste" });
    }
}
