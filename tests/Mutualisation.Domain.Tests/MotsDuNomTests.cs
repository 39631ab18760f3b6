using Mutualisation.Domain.Commun;
using Mutualisation.Domain.Membres;

namespace Mutualisation.Domain.Tests;

public class MotsDuNomTests
{
    [Fact]
    public void Les_mots_du_nom_sont_ceux_du_nom_replie_sans_doublon()
    {
        var membre = new Membre("Saint-Jean-de-Saint-Malo l'Île", NatureMembre.Commune, InseeCode.Parse("35236"), Siren.Parse("213502362"));

        Assert.Equal(["SAINT", "JEAN", "DE", "MALO", "L", "ILE"], membre.MotsDuNom.Select(m => m.Mot));
    }

    [Fact]
    public void Renommer_garde_les_mots_communs_retire_les_anciens_et_ajoute_les_nouveaux()
    {
        var membre = new Membre("Saint-Nicolas-de-Redon", NatureMembre.Commune, InseeCode.Parse("35236"), Siren.Parse("213502362"));
        var saint = membre.MotsDuNom.First();

        membre.Renommer("Saint-Nicolas-des-Eaux");

        Assert.Equal(["SAINT", "NICOLAS", "DES", "EAUX"], membre.MotsDuNom.Select(m => m.Mot));
        Assert.Same(saint, membre.MotsDuNom.First());
    }

    [Theory]
    [InlineData("SAINT", "SAINU")]
    [InlineData("REDON", "REDOO")]
    [InlineData("A\uffff", "B")]
    [InlineData("9", ":")]
    public void Le_prefixe_suivant_borne_les_mots_qui_commencent_par_le_prefixe(string prefixe, string attendu)
    {
        var suivant = TexteRecherche.PrefixeSuivant(prefixe);

        Assert.Equal(attendu, suivant);
        Assert.True(string.CompareOrdinal(prefixe + "ZZZ", suivant) < 0);
    }

    [Fact]
    public void Un_prefixe_vide_ou_fait_du_dernier_caractere_n_a_pas_de_borne() =>
        Assert.Null(TexteRecherche.PrefixeSuivant("\uffff"));
}
