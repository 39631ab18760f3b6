using Mutualisation.Web.Features.FichesProjet;

namespace Mutualisation.Web.Tests;

/// <summary>The French-aware similarity of fiches projet on a small French corpus (issue 11).</summary>
public class SimilariteFichesTests
{
    private static readonly TexteFiche EtatCivil = new(1, "Remplacement du logiciel d'état civil",
        "Le logiciel d'état civil de la mairie n'est plus maintenu ; il faut le remplacer et reprendre les actes.",
        "Sécuriser la délivrance des actes d'état-civil et les échanges COMEDEC.", "Logiciel obsolète");

    private static readonly TexteFiche[] Corpus =
    [
        // The same need in other words: « application », « registres », plural and accents differ.
        new(2, "Nouvelle application pour l'Etat Civil", "Changer d'application de gestion des registres d'état civil, l'actuelle n'étant plus mise à jour.",
            "Fiabiliser les actes délivrés aux usagers.", null),
        new(3, "Tablettes numériques pour l'école", "Équiper les classes de l'école élémentaire de tablettes et d'un chariot de recharge.",
            "Former les élèves au numérique.", null),
        new(4, "Vidéoprotection du centre-bourg", "Installer quatre caméras sur la place de la mairie et près de la salle des fêtes.",
            "Prévenir les dégradations.", null),
        new(5, "Site internet de la commune", "Refondre le site internet communal et publier les actes administratifs en ligne.", "Informer les habitants.", null),
    ];

    [Fact]
    public void Une_fiche_au_meme_besoin_dite_autrement_passe_avant_les_fiches_sans_rapport()
    {
        var proches = SimilariteFiches.PlusProches(EtatCivil, Corpus.Append(EtatCivil).ToList());

        Assert.Equal(2, proches[0].Id);
        Assert.True(proches[0].Score > 0.2, $"score {proches[0].Score}");
        Assert.DoesNotContain(proches, p => p.Id is 1 or 3 or 4);
        Assert.All(proches.Skip(1), p => Assert.True(p.Score < proches[0].Score / 2, $"fiche {p.Id} : {p.Score}"));
    }

    [Fact]
    public void L_analyse_francaise_retire_les_elisions_les_mots_vides_les_accents_et_les_pluriels()
    {
        Assert.Equal(SimilariteFiches.Termes("le logiciel"), SimilariteFiches.Termes("Les logiciels"));
        Assert.Equal(SimilariteFiches.Termes("l'état civil"), SimilariteFiches.Termes("Etat-Civil"));
        Assert.DoesNotContain("le", SimilariteFiches.Termes("le logiciel de la mairie"));
        Assert.Empty(SimilariteFiches.Termes("   "));
    }

    [Fact]
    public void Un_corpus_sans_autre_fiche_ne_suggere_rien()
    {
        Assert.Empty(SimilariteFiches.PlusProches(EtatCivil, [EtatCivil]));
        Assert.Empty(SimilariteFiches.PlusProches(EtatCivil, [Corpus[2]]));
    }
}
