using System.Text;
using Mutualisation.Domain.Commun;

namespace Mutualisation.Web.Features.Pes;

/// <summary>
/// Texts as a PES V2 file carries them. Free texts (objects, descriptions) keep their accents but only Latin-1
/// characters (the file is ISO-8859-1): typographic quotes, dashes, the ligature œ, the euro sign, non-breaking spaces
/// are replaced by their plain equivalents. Names and addresses follow the postal norm the schema's documentation asks
/// for: capitals, no accent, no punctuation. Every text is cut to its element's length.
/// </summary>
public static class TextePes
{
    /// <summary>A free text: Latin-1 only, spaces collapsed, cut to <paramref name="max"/> characters (never empty: « - »).</summary>
    public static string Libre(string? texte, int max)
    {
        var sortie = new StringBuilder((texte?.Length ?? 0) + 8);
        foreach (var c in (texte ?? string.Empty).Normalize(NormalizationForm.FormC))
        {
            sortie.Append(c switch
            {
                '\u2018' or '\u2019' or '\u201A' or '\u2032' => "'",
                '\u201C' or '\u201D' or '\u201E' => "\"",
                '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2212' => "-",
                '\u2026' => "...",
                '\u0153' => "oe",
                '\u0152' => "OE",
                '\u20AC' => "EUR",
                _ when char.IsWhiteSpace(c) || char.IsControl(c) => " ",
                _ when c > '\u00FF' => "?",
                _ => c.ToString(),
            });
        }

        return Couper(Espaces(sortie.ToString()), max);
    }

    /// <summary>A name or address in the postal norm: capitals without accents, letters, digits and spaces only, cut to <paramref name="max"/>.</summary>
    public static string Postal(string? texte, int max)
    {
        // The search folding (capitals, no accents, punctuation to spaces), then the letters it keeps that are not ASCII.
        var plie = TexteRecherche.Normaliser(Libre(texte, int.MaxValue)).Replace("ß", "SS", StringComparison.Ordinal)
            .Replace("Æ", "AE", StringComparison.Ordinal).Replace("Ø", "O", StringComparison.Ordinal);
        return Couper(Espaces(new string(plie.Select(c => char.IsAsciiLetterOrDigit(c) ? c : ' ').ToArray())), max);
    }

    /// <summary>
    /// Splits a text too long for one element over two (<c>Nom</c> and <c>ComplNom</c>, <c>Adr2</c> and <c>Adr3</c>):
    /// the first part ends at a space when it can, the second is cut to <paramref name="max"/>; null when one suffices.
    /// </summary>
    public static (string Premiere, string? Seconde) Repartir(string texte, int max)
    {
        ArgumentNullException.ThrowIfNull(texte);
        if (texte.Length <= max)
        {
            return (texte, null);
        }

        var coupe = texte.LastIndexOf(' ', max);
        if (coupe <= 0)
        {
            coupe = max;
        }

        var suite = texte[coupe..].Trim();
        return (texte[..coupe].Trim(), suite.Length == 0 ? null : Couper(suite, max));
    }

    private static string Espaces(string texte) => string.Join(' ', texte.Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static string Couper(string texte, int max)
    {
        var coupe = texte.Length <= max ? texte : texte[..max].TrimEnd();
        return coupe.Length == 0 ? "-" : coupe;
    }
}
