using System.Globalization;
using System.Text.RegularExpressions;
using Mutualisation.Domain.Commun;

namespace Mutualisation.Domain.Conventions;

/// <summary>
/// The identifier the contrôle de légalité (ACTES) gives a transmitted act, such as
/// <c>014-211407150-20240627-2024-65-DE</c>: département or arrondissement code (3 characters, 02A/02B in
/// Corsica), SIREN of the emitting body, date of the act (yyyymmdd), the local act number, nature code
/// (DE délibération, AR arrêté réglementaire, AI arrêté individuel, CC contrat ou convention, BF budget,
/// AU autre). Only the shape is checked; the text is stored as typed.
/// </summary>
public static partial class IdentifiantActes
{
    public const int LongueurMax = 60;

    public static readonly IReadOnlyList<string> Natures = ["DE", "AR", "AI", "CC", "BF", "AU"];

    [GeneratedRegex(@"^(?<dep>[0-9]{2}[0-9AB])-(?<siren>[0-9]{9})-(?<date>[0-9]{8})-(?<numero>[A-Za-z0-9_][A-Za-z0-9_-]{0,14})-(?<nature>DE|AR|AI|CC|BF|AU)$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex Forme();

    /// <summary>Why the text is not an ACTES identifier (in French), or null when its shape is right.</summary>
    public static string? Refus(string? texte)
    {
        if (string.IsNullOrWhiteSpace(texte))
        {
            return "L'identifiant du contrôle de légalité est obligatoire.";
        }

        var valeur = texte.Trim();
        const string Exemple = " (forme attendue : 014-211407150-20240627-2024-65-DE)";
        if (valeur.Length > LongueurMax)
        {
            return $"L'identifiant ne doit pas dépasser {LongueurMax} caractères.";
        }

        var correspondance = Forme().Match(valeur);
        if (!correspondance.Success)
        {
            return "L'identifiant ACTES se compose du département (3 caractères), du SIREN de l'émetteur (9 chiffres), de la date de l'acte (AAAAMMJJ), "
                + "du numéro de l'acte et du code de nature (DE, AR, AI, CC, BF ou AU), séparés par des tirets" + Exemple + ".";
        }

        if (!Siren.EstValide(correspondance.Groups["siren"].Value))
        {
            return $"Le SIREN « {correspondance.Groups["siren"].Value} » de l'identifiant n'est pas valide (clé de contrôle)" + Exemple + ".";
        }

        return DateDeLActe(valeur) is null
            ? $"La date « {correspondance.Groups["date"].Value} » de l'identifiant n'existe pas (AAAAMMJJ)" + Exemple + "."
            : null;
    }

    public static bool EstValide(string? texte) => Refus(texte) is null;

    /// <summary>The date of the act the identifier carries, or null when its shape is wrong.</summary>
    public static DateOnly? DateDeLActe(string texte)
    {
        var correspondance = Forme().Match(texte.Trim());
        return correspondance.Success
            && DateOnly.TryParseExact(correspondance.Groups["date"].Value, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;
    }
}
