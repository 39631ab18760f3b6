namespace Mutualisation.Domain.Missions;

/// <summary>The steps of a lettre de mission.</summary>
public enum StatutMission
{
    Brouillon,
    EnCours,
    Terminee,
    Annulee,
}

/// <summary>When in the day the time was spent: a half-day, a whole day, or start and end times.</summary>
public enum Creneau
{
    Matin,
    ApresMidi,
    Journee,
    Horaires,
}

public static class LibellesMission
{
    public static string Libelle(this StatutMission statut) => statut switch
    {
        StatutMission.Brouillon => "Brouillon",
        StatutMission.EnCours => "En cours",
        StatutMission.Terminee => "Terminée",
        StatutMission.Annulee => "Annulée",
        _ => statut.ToString(),
    };

    public static string Libelle(this Creneau creneau) => creneau switch
    {
        Creneau.Matin => "Matin",
        Creneau.ApresMidi => "Après-midi",
        Creneau.Journee => "Journée",
        Creneau.Horaires => "Horaires précis",
        _ => creneau.ToString(),
    };
}
