using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Fr;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace Mutualisation.Web.Features.FichesProjet;

/// <summary>The text of a fiche the similarity reads: its id, title, and the description, stakes and origin of the need.</summary>
public sealed record TexteFiche(int Id, string Titre, string? Description, string? Enjeux, string? Origine);

/// <summary>A fiche of another member whose need looks the same, with its score (cosine, 0 to 1).</summary>
public sealed record FicheSimilaire(int Id, double Score);

/// <summary>
/// French-aware similarity of fiches projet (issue 11): each text goes through Lucene's French analysis chain (elisions
/// « l'état » → « état », lower case, French stop words, accents folded « état » → « etat », the light French stemmer
/// for plural and feminine forms: « logiciels » → « logiciel »), then fiches are compared by the cosine of their TF-IDF
/// vectors over the corpus given. The title counts twice. It runs in the application, so SQLite, PostgreSQL and SQL
/// Server give the same ranking; an EPCI has hundreds of fiches, not millions, so the corpus is read whole.
/// </summary>
public static class SimilariteFiches
{
    /// <summary>Below this cosine, two fiches share words but not a need: not suggested.</summary>
    public const double SeuilSuggestion = 0.12;

    public const int NombreMaxSuggestions = 5;

    private const int PoidsTitre = 2;

    /// <summary>The analysed terms of a text (stems, without stop words), in order.</summary>
    public static IReadOnlyList<string> Termes(string? texte)
    {
        var termes = new List<string>();
        if (string.IsNullOrWhiteSpace(texte))
        {
            return termes;
        }

        using var analyseur = Analyseur();
        using var flux = analyseur.GetTokenStream("texte", new StringReader(texte));
        var terme = flux.AddAttribute<ICharTermAttribute>();
        flux.Reset();
        while (flux.IncrementToken())
        {
            termes.Add(terme.ToString());
        }

        flux.End();
        return termes;
    }

    /// <summary>
    /// The fiches of <paramref name="corpus"/> most similar to <paramref name="fiche"/> (best first, at most
    /// <paramref name="nombre"/>, above <paramref name="seuil"/>). The corpus is the fiches it may be compared with
    /// (other members'); the fiche itself is left out if present.
    /// </summary>
    public static IReadOnlyList<FicheSimilaire> PlusProches(TexteFiche fiche, IReadOnlyCollection<TexteFiche> corpus,
        int nombre = NombreMaxSuggestions, double seuil = SeuilSuggestion)
    {
        ArgumentNullException.ThrowIfNull(fiche);
        ArgumentNullException.ThrowIfNull(corpus);
        var autres = corpus.Where(c => c.Id != fiche.Id).ToList();
        if (autres.Count == 0)
        {
            return [];
        }

        var frequences = autres.Select(Frequences).ToList();
        var cible = Frequences(fiche);

        // Document frequency over the corpus and the fiche compared: a word every fiche uses weighs nothing.
        var documents = frequences.Append(cible).ToList();
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var terme in documents.SelectMany(d => d.Keys))
        {
            df[terme] = df.GetValueOrDefault(terme) + 1;
        }

        double Idf(string terme) => Math.Log((1.0 + documents.Count) / (1.0 + df[terme])) + 1.0;
        var vecteurCible = Vecteur(cible, Idf);
        return autres.Zip(frequences, (autre, f) => new FicheSimilaire(autre.Id, Cosinus(vecteurCible, Vecteur(f, Idf))))
            .Where(s => s.Score >= seuil)
            .OrderByDescending(s => s.Score).ThenBy(s => s.Id)
            .Take(nombre)
            .ToList();
    }

    /// <summary>FrenchAnalyzer's chain with the accents folded after the stop words (which are spelt with their accents).</summary>
    private static Analyzer Analyseur() => Analyzer.NewAnonymous((_, lecteur) =>
    {
        var source = new StandardTokenizer(LuceneVersion.LUCENE_48, lecteur);
        TokenStream flux = new ElisionFilter(source, FrenchAnalyzer.DEFAULT_ARTICLES);
        flux = new LowerCaseFilter(LuceneVersion.LUCENE_48, flux);
        flux = new StopFilter(LuceneVersion.LUCENE_48, flux, FrenchAnalyzer.DefaultStopSet);
        flux = new ASCIIFoldingFilter(flux);
        flux = new FrenchLightStemFilter(flux);
        return new TokenStreamComponents(source, flux);
    });

    private static Dictionary<string, int> Frequences(TexteFiche fiche)
    {
        var frequences = new Dictionary<string, int>(StringComparer.Ordinal);
        void Ajouter(string? texte, int poids)
        {
            foreach (var terme in Termes(texte))
            {
                frequences[terme] = frequences.GetValueOrDefault(terme) + poids;
            }
        }

        Ajouter(fiche.Titre, PoidsTitre);
        Ajouter(fiche.Description, 1);
        Ajouter(fiche.Enjeux, 1);
        Ajouter(fiche.Origine, 1);
        return frequences;
    }

    private static Dictionary<string, double> Vecteur(Dictionary<string, int> frequences, Func<string, double> idf) =>
        frequences.ToDictionary(f => f.Key, f => (1.0 + Math.Log(f.Value)) * idf(f.Key), StringComparer.Ordinal);

    private static double Cosinus(Dictionary<string, double> a, Dictionary<string, double> b)
    {
        var produit = a.Where(x => b.ContainsKey(x.Key)).Sum(x => x.Value * b[x.Key]);
        var normes = Math.Sqrt(a.Values.Sum(v => v * v)) * Math.Sqrt(b.Values.Sum(v => v * v));
        return normes == 0 ? 0 : produit / normes;
    }
}
