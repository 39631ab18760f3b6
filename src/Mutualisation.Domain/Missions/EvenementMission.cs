using Mutualisation.Domain.Conventions;

namespace Mutualisation.Domain.Missions;

/// <summary>One line of a mission's history: a status change or a recorded fact (time entry added or removed), dated, attributed, never changed.</summary>
public sealed class EvenementMission
{
    public const int LongueurMaxLibelle = 200;
    public const int LongueurMaxDetail = 500;

    public int Id { get; private set; }

    public DateTimeOffset Horodatage { get; private set; }

    public DateOnly Date { get; private set; }

    public string Libelle { get; private set; } = string.Empty;

    public StatutMission? StatutAvant { get; private set; }

    public StatutMission StatutApres { get; private set; }

    public string? UtilisateurId { get; private set; }

    public string UtilisateurNom { get; private set; } = string.Empty;

    public string? Detail { get; private set; }

    private EvenementMission()
    {
    }

    internal EvenementMission(DateTimeOffset horodatage, DateOnly date, string libelle, StatutMission? avant, StatutMission apres, Auteur auteur, string? detail)
    {
        Horodatage = horodatage;
        Date = date;
        Libelle = libelle;
        StatutAvant = avant;
        StatutApres = apres;
        UtilisateurId = auteur.UtilisateurId;
        UtilisateurNom = auteur.Nom.Length > 200 ? auteur.Nom[..200] : auteur.Nom;
        Detail = detail is { Length: > LongueurMaxDetail } ? detail[..LongueurMaxDetail] : detail;
    }

    public bool EstUnChangementDeStatut => StatutAvant != StatutApres;
}

/// <summary>One deliverable of a mission, in the order of the lettre.</summary>
public sealed class LivrableMission
{
    public const int LongueurMax = 300;

    public int Id { get; private set; }

    public int Ordre { get; private set; }

    public string Libelle { get; private set; } = string.Empty;

    private LivrableMission()
    {
    }

    internal LivrableMission(int ordre, string libelle)
    {
        Ordre = ordre;
        Libelle = libelle;
    }
}

/// <summary>Why an action on a mission is refused: a French message, and the form field it concerns when there is one.</summary>
public sealed record RefusMission(string Message, string? Champ = null);
