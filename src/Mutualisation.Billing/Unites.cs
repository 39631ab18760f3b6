namespace Mutualisation.Billing;

/// <summary>
/// Units in French: the plural of a unit a catalogue did not spell out, and the agreement with a
/// quantity (singular below 2, as « 0 poste », « 1,5 poste », « 2 postes »).
/// </summary>
public static class Unites
{
    private static readonly string[] Liaisons = [" de ", " d'", " d’", " du ", " des ", " à ", " au ", " en ", " par ", " pour "];

    /// <summary>Words in « -al » whose plural is « -als ».</summary>
    private static readonly string[] PlurielsEnAls = ["bal", "carnaval", "chacal", "festival", "récital", "régal", "val"];

    /// <summary>Words in « -eu » or « -au » whose plural is « -s ».</summary>
    private static readonly string[] PlurielsEnS = ["bleu", "pneu", "landau", "sarrau", "émeu"];

    /// <summary>The quantity's unit, agreed: singular for less than 2, plural from 2.</summary>
    public static string Accorder(decimal quantite, string singulier, string pluriel) => Math.Abs(quantite) < 2 ? singulier : pluriel;

    /// <summary>
    /// The plural a newcomer would write: « habitant » → « habitants », « demi-journée » →
    /// « demi-journées », « poste de travail » → « postes de travail », « bureau » → « bureaux »;
    /// symbols and acronyms (« Go », « ETP », « m² ») and words in -s, -x, -z do not change.
    /// </summary>
    public static string Pluriel(string unite)
    {
        ArgumentNullException.ThrowIfNull(unite);
        var texte = unite.Trim();
        if (texte.Length == 0)
        {
            return unite;
        }

        foreach (var liaison in Liaisons)
        {
            var position = texte.IndexOf(liaison, StringComparison.Ordinal);
            if (position > 0)
            {
                return string.Concat(Pluriel(texte[..position]), texte.AsSpan(position));
            }
        }

        if (texte.Contains(' ', StringComparison.Ordinal))
        {
            return string.Join(' ', texte.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Mot));
        }

        return Mot(texte);
    }

    private static string Mot(string mot)
    {
        var tiret = mot.LastIndexOf('-');
        if (tiret > 0 && tiret < mot.Length - 1)
        {
            return string.Concat(mot.AsSpan(0, tiret + 1), Mot(mot[(tiret + 1)..]));
        }

        if (EstInvariable(mot))
        {
            return mot;
        }

        var minuscule = mot.ToLowerInvariant();
        if (minuscule.EndsWith("al", StringComparison.Ordinal) && !PlurielsEnAls.Contains(minuscule))
        {
            return string.Concat(mot.AsSpan(0, mot.Length - 2), "aux");
        }

        return (minuscule.EndsWith("au", StringComparison.Ordinal) || minuscule.EndsWith("eu", StringComparison.Ordinal)) && !PlurielsEnS.Contains(minuscule)
            ? mot + "x"
            : mot + "s";
    }

    /// <summary>Symbols and acronyms (« Go », « To », « ETP », « kWh », « m² », « h »), and words already ending in -s, -x or -z.</summary>
    private static bool EstInvariable(string mot)
    {
        if (mot.Length == 1 || (mot.Length == 2 && char.IsUpper(mot[0])))
        {
            return true;
        }

        for (var i = 0; i < mot.Length; i++)
        {
            if (!char.IsLetter(mot[i]) || (i > 0 && char.IsUpper(mot[i])))
            {
                return true;
            }
        }

        return mot[^1] is 's' or 'x' or 'z' or 'S' or 'X' or 'Z';
    }
}
