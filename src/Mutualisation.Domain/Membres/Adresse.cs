namespace Mutualisation.Domain.Membres;

public sealed record Adresse(string? Ligne, string? CodePostal, string? Ville)
{
    public static readonly Adresse Vide = new(null, null, null);

    public override string ToString() =>
        string.Join(", ", new[] { Ligne, string.Join(' ', new[] { CodePostal, Ville }.Where(s => !string.IsNullOrWhiteSpace(s))) }
            .Where(s => !string.IsNullOrWhiteSpace(s)));
}
