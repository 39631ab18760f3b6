using System.Text;
using Mutualisation.Domain.Commun;

namespace Mutualisation.Web.Infrastructure;

/// <summary>
/// File names as a browser sends them are the sender's choice: a path, control characters, a
/// right-to-left override that shows « facture‮fdp.exe » as « facture‮exe.pdf », 1 000 characters.
/// Every upload stores, and every download announces, the name cleaned here.
/// </summary>
public static class NomDeFichier
{
    /// <summary>Longest name kept (the column holds 255).</summary>
    public const int LongueurMax = 120;

    private const string ParDefaut = "fichier";

    public static string Nettoyer(string? nom)
    {
        var texte = TexteSaisi.Nettoyer(nom) ?? string.Empty;
        texte = texte.Replace('\t', ' ').Replace('\r', ' ').Replace('\n', ' ');

        // Only the last segment of a path, whatever its separators.
        var dernier = texte.LastIndexOfAny(['/', '\\']);
        texte = dernier >= 0 ? texte[(dernier + 1)..] : texte;

        var propre = new StringBuilder(texte.Length);
        foreach (var c in texte.Normalize(NormalizationForm.FormC))
        {
            propre.Append(c is ':' or '*' or '?' or '"' or '<' or '>' or '|' or ';' ? '_' : c);
        }

        // No leading or trailing dots and spaces (hidden files, Windows trims them).
        var resultat = propre.ToString().Trim(' ', '.');
        if (resultat.Length == 0)
        {
            return ParDefaut;
        }

        if (resultat.Length <= LongueurMax)
        {
            return resultat;
        }

        // Too long: cut the stem, keep a short extension.
        var extension = Path.GetExtension(resultat);
        if (extension.Length > 10)
        {
            extension = string.Empty;
        }

        var coupe = LongueurMax - extension.Length;
        if (char.IsHighSurrogate(resultat[coupe - 1]))
        {
            coupe--;
        }

        return resultat[..coupe].TrimEnd(' ', '.') + extension;
    }
}
