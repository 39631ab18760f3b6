using Mutualisation.Domain.Conventions;

namespace Mutualisation.Domain.Missions;

/// <summary>
/// Time a DSI agent spent on a mission, counted in half-days: its date, its agent, when in the day
/// (morning, afternoon, whole day or start and end times) and a comment. Outside the service hours of
/// Annexe 2 it is flagged (<see cref="HorsPlages"/>), never refused.
/// </summary>
public sealed class SaisieTemps
{
    public const int LongueurMaxCommentaire = 500;

    /// <summary>More than this in one entry is a typing error (one entry is one day of one agent).</summary>
    public const int DemiJourneesMaximum = 2;

    public int Id { get; private set; }

    public DateOnly Date { get; private set; }

    /// <summary>Half-days spent (1 = 0,5 day).</summary>
    public int DemiJournees { get; private set; }

    public Creneau Creneau { get; private set; }

    public TimeOnly? HeureDebut { get; private set; }

    public TimeOnly? HeureFin { get; private set; }

    public string? Commentaire { get; private set; }

    public string? AgentId { get; private set; }

    public string AgentNom { get; private set; } = string.Empty;

    /// <summary>Why the entry is outside the service hours, or null (stored so lists and dashboards filter on it).</summary>
    public string? HorsPlages { get; private set; }

    public DateTimeOffset SaisieLe { get; private set; }

    private SaisieTemps()
    {
    }

    internal SaisieTemps(DateOnly date, int demiJournees, Creneau creneau, TimeOnly? debut, TimeOnly? fin, string? commentaire, Auteur agent, DateTimeOffset quand)
    {
        Date = date;
        DemiJournees = demiJournees;
        Creneau = creneau;
        HeureDebut = creneau == Creneau.Horaires ? debut : null;
        HeureFin = creneau == Creneau.Horaires ? fin : null;
        Commentaire = string.IsNullOrWhiteSpace(commentaire) ? null : commentaire.Trim();
        AgentId = agent.UtilisateurId;
        AgentNom = agent.Nom.Length > 200 ? agent.Nom[..200] : agent.Nom;
        HorsPlages = PlagesHoraires.HorsPlages(date, creneau, HeureDebut, HeureFin);
        SaisieLe = quand;
    }

    public decimal Jours => DemiJournees / 2m;

    public bool EstHorsPlages => HorsPlages is not null;

    /// <summary>When in the day, as people read it: « Matin », « de 17 h 30 à 19 h ».</summary>
    public string Moment => Creneau == Creneau.Horaires && HeureDebut is { } d && HeureFin is { } f
        ? $"{d:HH\\:mm} – {f:HH\\:mm}"
        : Creneau.Libelle();
}
