namespace Mutualisation.Domain.Commun;

/// <summary>Code officiel géographique of a commune: 5 characters, "2A"/"2B" for Corsica.</summary>
public readonly record struct InseeCode
{
    public string Valeur { get; }

    private InseeCode(string valeur) => Valeur = valeur;

    public static bool EstValide(string? texte)
    {
        if (texte is null || texte.Length != 5)
        {
            return false;
        }

        var departementCorse = texte.StartsWith("2A", StringComparison.Ordinal) || texte.StartsWith("2B", StringComparison.Ordinal);
        var debut = departementCorse ? 2 : 0;
        if (!texte[debut..].All(char.IsAsciiDigit))
        {
            return false;
        }

        return departementCorse || !texte.StartsWith("00", StringComparison.Ordinal);
    }

    public static InseeCode Parse(string texte) =>
        EstValide(texte) ? new InseeCode(texte) : throw new FormatException($"« {texte} » n'est pas un code INSEE valide.");

    public override string ToString() => Valeur;
}
