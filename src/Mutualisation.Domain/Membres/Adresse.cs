using Mutualisation.Domain.Commun;

namespace Mutualisation.Domain.Membres;

public sealed record Adresse(string? Ligne, string? CodePostal, string? Ville)
{
    public const int LongueurMaxLigne = 200;
    public const int LongueurMaxCodePostal = 10;
    public const int LongueurMaxVille = 100;

    public static readonly Adresse Vide = new(null, null, null);

    /// <summary>Why this address cannot be stored (in French), or null.</summary>
    public string? Refus() =>
        Limites.Refus(Ligne, LongueurMaxLigne, "L'adresse")
        ?? Limites.Refus(CodePostal, LongueurMaxCodePostal, "Le code postal")
        ?? Limites.Refus(Ville, LongueurMaxVille, "La ville");

    public override string ToString() =>
        string.Join(", ", new[] { Ligne, string.Join(' ', new[] { CodePostal, Ville }.Where(s => !string.IsNullOrWhiteSpace(s))) }
            .Where(s => !string.IsNullOrWhiteSpace(s)));
}
