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
}
