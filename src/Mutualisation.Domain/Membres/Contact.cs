namespace Mutualisation.Domain.Membres;

/// <summary>A named person at a member: its décideur or its technical contact.</summary>
public sealed record Contact(string? Nom, string? Fonction, string? Courriel, string? Telephone)
{
    public static readonly Contact Vide = new(null, null, null, null);

    public bool EstRenseigne => !string.IsNullOrWhiteSpace(Nom);
}
