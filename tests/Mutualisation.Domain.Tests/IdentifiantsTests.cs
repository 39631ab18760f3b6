using Mutualisation.Domain.Commun;

namespace Mutualisation.Domain.Tests;

public class IdentifiantsTests
{
    [Theory]
    [InlineData("213502362")] // Redon
    [InlineData("211407150")] // Trouville-sur-Mer
    [InlineData("243500741")] // REDON Agglomération
    [InlineData("214401853")] // Saint-Nicolas-de-Redon
    public void Siren_reel_est_valide(string siren) => Assert.True(Siren.EstValide(siren));

    [Theory]
    [InlineData("213502363")] // last digit changed: Luhn fails
    [InlineData("21350236")]
    [InlineData("2135023620")]
    [InlineData("21350236A")]
    [InlineData("")]
    [InlineData(null)]
    public void Siren_mal_forme_ou_cle_fausse_est_refuse(string? siren) => Assert.False(Siren.EstValide(siren));

    [Fact]
    public void Siren_Parse_refuse_avec_un_message_francais()
    {
        var erreur = Assert.Throws<FormatException>(() => Siren.Parse("123456789"));
        Assert.Contains("n'est pas un numéro SIREN valide", erreur.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("35236")]
    [InlineData("14715")]
    [InlineData("2A004")]
    [InlineData("2B033")]
    [InlineData("97411")]
    public void Code_insee_valide(string code) => Assert.True(InseeCode.EstValide(code));

    [Theory]
    [InlineData("3523")]
    [InlineData("352366")]
    [InlineData("2C004")]
    [InlineData("00123")]
    [InlineData("35A36")]
    [InlineData(null)]
    public void Code_insee_invalide(string? code) => Assert.False(InseeCode.EstValide(code));

    [Theory]
    [InlineData("Saint-Gatien-des-Bois", "SAINT GATIEN DES BOIS")]
    [InlineData("  Fégréac ", "FEGREAC")]
    [InlineData("Les Fougerêts", "LES FOUGERETS")]
    [InlineData("L'Abergement-Clémenciat", "L ABERGEMENT CLEMENCIAT")]
    [InlineData("", "")]
    public void Normalisation_pour_la_recherche(string nom, string attendu) => Assert.Equal(attendu, TexteRecherche.Normaliser(nom));
}
