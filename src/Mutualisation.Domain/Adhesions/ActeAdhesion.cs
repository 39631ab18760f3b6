using Mutualisation.Domain.Commun;

namespace Mutualisation.Domain.Adhesions;

/// <summary>The kind of act that decides an adhesion: a délibération (first adhesion) or a simple décision (a later change).</summary>
public enum NatureActe
{
    Deliberation,
    Decision,
}

/// <summary>The deciding act of a choice or a subscription: its kind, number and date.</summary>
public sealed record ActeAdhesion(NatureActe Nature, string Numero, DateOnly Date)
{
    public const int LongueurMaxNumero = 50;

    /// <summary>Why this act cannot be recorded (in French, with the form field), or null.</summary>
    public RefusAdhesion? Refus(DateOnly aujourdHui)
    {
        if (!Enum.IsDefined(Nature))
        {
            return new("Choisissez la nature de l'acte : délibération ou décision.", "ActeNature");
        }

        if (string.IsNullOrWhiteSpace(Numero))
        {
            return new("Le numéro de l'acte est obligatoire.", "ActeNumero");
        }

        if (Limites.Refus(Numero.Trim(), LongueurMaxNumero, "Le numéro de l'acte") is { } refus)
        {
            return new(refus, "ActeNumero");
        }

        return Date > aujourdHui ? new("La date de l'acte ne peut pas être dans le futur.", "ActeDate") : null;
    }
}

/// <summary>Why an action on an adhesion is refused: a French message, and the form field it concerns when there is one.</summary>
public sealed record RefusAdhesion(string Message, string? Champ = null);

/// <summary>
/// What the caller read about the member's frame before recording: the convention's effective date and exit date
/// (first day out), the latest audit report delivered, and today.
/// </summary>
public sealed record CadreAdhesion(DateOnly? ConventionEffet, DateOnly? ConventionSortie, DateOnly? AuditLivreLe, DateOnly AujourdHui);

public static class LibellesAdhesion
{
    public static string Libelle(this NatureActe nature) => nature switch
    {
        NatureActe.Deliberation => "Délibération",
        NatureActe.Decision => "Décision",
        _ => nature.ToString(),
    };
}
