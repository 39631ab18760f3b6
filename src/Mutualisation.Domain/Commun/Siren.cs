namespace Mutualisation.Domain.Commun;

/// <summary>SIREN number: 9 digits whose Luhn checksum is valid (INSEE's rule).</summary>
public readonly record struct Siren
{
    public string Valeur { get; }

    private Siren(string valeur) => Valeur = valeur;

    public static bool EstValide(string? texte)
    {
        if (texte is null || texte.Length != 9 || !texte.All(char.IsAsciiDigit))
        {
            return false;
        }

        var somme = 0;
        for (var i = 0; i < 9; i++)
        {
            var chiffre = texte[8 - i] - '0';
            if (i % 2 == 1)
            {
                chiffre *= 2;
                if (chiffre > 9)
                {
                    chiffre -= 9;
                }
            }

            somme += chiffre;
        }

        return somme % 10 == 0;
    }

    public static Siren Parse(string texte) =>
        EstValide(texte) ? new Siren(texte) : throw new FormatException($"« {texte} » n'est pas un numéro SIREN valide.");

    public override string ToString() => Valeur;
}
