using System.Globalization;
using System.Text;

namespace Mutualisation.Domain.Commun;

/// <summary>Folds a name for accent- and case-insensitive search ("Saint-Gatien-des-Bois" → "SAINT GATIEN DES BOIS").</summary>
public static class TexteRecherche
{
    public static string Normaliser(string? texte)
    {
        if (string.IsNullOrWhiteSpace(texte))
        {
            return string.Empty;
        }

        var decompose = texte.Normalize(NormalizationForm.FormD);
        var resultat = new StringBuilder(decompose.Length);
        var espacePrecedent = false;
        foreach (var c in decompose)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var lettre = char.IsLetterOrDigit(c) ? char.ToUpperInvariant(c) : ' ';
            if (lettre == ' ')
            {
                if (!espacePrecedent && resultat.Length > 0)
                {
                    resultat.Append(' ');
                }

                espacePrecedent = true;
                continue;
            }

            resultat.Append(lettre);
            espacePrecedent = false;
        }

        return resultat.ToString().TrimEnd();
    }

    /// <summary>The distinct words of a folded text, in order ("SAINT NICOLAS DE REDON" → SAINT, NICOLAS, DE, REDON).</summary>
    public static IReadOnlyList<string> Mots(string? texte) =>
        Normaliser(texte).Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>
    /// The first string after every string that starts with <paramref name="prefixe"/> in ordinal order
    /// ("SAINT" → "SAINU"): <c>prefixe &lt;= mot &lt; PrefixeSuivant(prefixe)</c> finds the words starting
    /// with it, a range a B-tree index serves on every database. Null when no such bound exists.
    /// </summary>
    public static string? PrefixeSuivant(string prefixe)
    {
        for (var i = prefixe.Length - 1; i >= 0; i--)
        {
            if (prefixe[i] < char.MaxValue && !char.IsSurrogate(prefixe[i]) && !char.IsSurrogate((char)(prefixe[i] + 1)))
            {
                return string.Concat(prefixe.AsSpan(0, i), ((char)(prefixe[i] + 1)).ToString());
            }
        }

        return null;
    }
}
