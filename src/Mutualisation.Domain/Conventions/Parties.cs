namespace Mutualisation.Domain.Conventions;

/// <summary>A délibération: number, date and deliberating body (conseil municipal, conseil communautaire…).</summary>
public sealed record Deliberation(string Numero, DateOnly Date, string Organe)
{
    public const int LongueurMaxNumero = 50;
    public const int LongueurMaxOrgane = 150;

    /// <summary>Why this délibération cannot be recorded (in French), or null.</summary>
    public string? Refus(string partie) =>
        string.IsNullOrWhiteSpace(Numero) ? $"Le numéro de la délibération {partie} est obligatoire."
        : string.IsNullOrWhiteSpace(Organe) ? $"L'organe qui a délibéré ({partie}) est obligatoire."
        : Commun.Limites.Refus(Numero.Trim(), LongueurMaxNumero, "Le numéro de délibération")
            ?? Commun.Limites.Refus(Organe.Trim(), LongueurMaxOrgane, "L'organe délibérant");
}

/// <summary>Who did something: the signed-in user's id and name, kept as they were (the account may be renamed or deleted).</summary>
public sealed record Auteur(string? UtilisateurId, string Nom)
{
    public static readonly Auteur Systeme = new(null, "Système");
}

/// <summary>Why an action on a convention is refused: a French message, and the form field it concerns when there is one.</summary>
public sealed record RefusConvention(string Message, string? Champ = null);
