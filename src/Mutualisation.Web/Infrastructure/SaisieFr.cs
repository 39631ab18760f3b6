using System.Globalization;

namespace Mutualisation.Web.Infrastructure;

/// <summary>Reads numbers and dates as a French user types them (« 1 500,50 », « 31/12/2026 »), whatever the server's locale.</summary>
public static class SaisieFr
{
    private static readonly CultureInfo Fr = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>
    /// Largest number typed in a form (in absolute value): rates are stored with 18 digits, 6 of them
    /// decimals, so their integer part has at most 12 digits (10¹² itself overflows the column).
    /// </summary>
    public const decimal NombreMaximal = 999_999_999_999m;

    public static bool EstVide(string? texte) => string.IsNullOrWhiteSpace(texte);

    public static decimal? Nombre(string? texte)
    {
        if (EstVide(texte))
        {
            return null;
        }

        var nettoye = texte!.Trim().Replace(" ", string.Empty, StringComparison.Ordinal).Replace("\u00A0", string.Empty, StringComparison.Ordinal)
            .Replace("\u202F", string.Empty, StringComparison.Ordinal).Replace("€", string.Empty, StringComparison.Ordinal).Replace('.', ',');
        return decimal.TryParse(nettoye, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, Fr, out var valeur) && Math.Abs(valeur) <= NombreMaximal ? valeur : null;
    }

    /// <summary>What the user typed, shortened for a message (a 20 000-character value does not fill the page).</summary>
    public static string Extrait(string texte) => texte.Length <= 40 ? texte : string.Concat(texte.AsSpan(0, 40), "…");

    public static bool EstDecimalOuVide(string? texte) => EstVide(texte) || Nombre(texte) is not null;

    /// <summary>Empty, or a number ≥ 0 with at most two decimals (an amount in euros, to the cent).</summary>
    public static bool EstMontantOuVide(string? texte) => EstVide(texte) || (Nombre(texte) is { } d && d >= 0 && decimal.Round(d, 2) == d);

    public static DateOnly? Date(string? texte)
    {
        if (EstVide(texte))
        {
            return null;
        }

        string[] formats = ["dd/MM/yyyy", "yyyy-MM-dd"];
        return DateOnly.TryParseExact(texte!.Trim(), formats, Fr, DateTimeStyles.None, out var date) ? date : null;
    }

    public static string Texte(decimal? valeur) => valeur?.ToString("0.######", Fr) ?? string.Empty;
}
