using Mutualisation.Domain.Commun;

namespace Mutualisation.Domain.Membres;

/// <summary>A named person at a member: its décideur or its technical contact.</summary>
public sealed record Contact(string? Nom, string? Fonction, string? Courriel, string? Telephone)
{
    public const int LongueurMaxNom = 150;
    public const int LongueurMaxFonction = 150;
    public const int LongueurMaxCourriel = 254;
    public const int LongueurMaxTelephone = 30;

    public static readonly Contact Vide = new(null, null, null, null);

    public bool EstRenseigne => !string.IsNullOrWhiteSpace(Nom);

    /// <summary>Why this contact cannot be stored (in French), or null.</summary>
    public string? Refus() =>
        Limites.Refus(Nom, LongueurMaxNom, "Le nom du contact")
        ?? Limites.Refus(Fonction, LongueurMaxFonction, "La fonction du contact")
        ?? Limites.Refus(Courriel, LongueurMaxCourriel, "L'adresse électronique du contact")
        ?? Limites.Refus(Telephone, LongueurMaxTelephone, "Le téléphone du contact");
}
