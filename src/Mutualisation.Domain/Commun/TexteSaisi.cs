using System.Text;

namespace Mutualisation.Domain.Commun;

/// <summary>
/// Characters no typed text keeps: control characters (NUL, BEL… but not tab and line breaks) and
/// the bidirectional controls that make a name read differently from what it is (U+202E turns
/// « facture‮fdp.exe » into « facture‮exe.pdf »). PostgreSQL also refuses NUL in text.
/// </summary>
public static class TexteSaisi
{
    public static bool EstInterdit(char c) =>
        (char.IsControl(c) && c is not '\t' and not '\n' and not '\r')
        || c is '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or '\uFEFF';

    public static bool ContientInterdits(string? texte) => texte is not null && texte.AsSpan().IndexOfAny(Interdits) >= 0;

    /// <summary>The text without its forbidden characters (the same instance when there is none).</summary>
    public static string? Nettoyer(string? texte)
    {
        if (!ContientInterdits(texte))
        {
            return texte;
        }

        var propre = new StringBuilder(texte!.Length);
        foreach (var c in texte)
        {
            if (!EstInterdit(c))
            {
                propre.Append(c);
            }
        }

        return propre.ToString();
    }

    private static readonly System.Buffers.SearchValues<char> Interdits =
        System.Buffers.SearchValues.Create(Enumerable.Range(0, 0x10000).Select(i => (char)i).Where(EstInterdit).ToArray());
}

/// <summary>The one check of an optional text against its stored length.</summary>
public static class Limites
{
    /// <summary>Why <paramref name="texte"/> cannot be stored as <paramref name="libelle"/> (in French), or null.</summary>
    public static string? Refus(string? texte, int longueurMax, string libelle) =>
        texte is null ? null
        : texte.Length > longueurMax ? $"{libelle} ne doit pas dépasser {longueurMax} caractères (reçu {texte.Length})."
        : TexteSaisi.ContientInterdits(texte) ? $"{libelle} contient des caractères de contrôle ou d'inversion du sens de lecture."
        : null;
}
