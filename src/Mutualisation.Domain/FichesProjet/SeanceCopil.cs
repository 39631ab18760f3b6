using Mutualisation.Domain.Commun;
using Mutualisation.Domain.Conventions;

namespace Mutualisation.Domain.FichesProjet;

/// <summary>
/// A session of the comité de pilotage (Redon art. 3.3.2 / 3.4.2: « chaque nouveau projet doit faire l'objet d'une
/// présentation en comité de pilotage et d'un arbitrage de sa part »): a date, a place or label, who attended, an agenda
/// of fiches projet. A fiche joins the agenda through <see cref="FicheProjet.InscrireEnCopil"/> (only when instructed),
/// may leave it before its decision, and gets its decision through <see cref="FicheProjet.Decider"/>; the session keeps
/// each decision as taken that day (a fiche adjourned here may be decided at a later session), so its minutes never
/// change. The session is closed once every fiche on its agenda is decided; a closed session refuses every change.
/// Every step is dated and attributed in <see cref="Evenements"/>; a refused one returns its French reason.
/// </summary>
public sealed class SeanceCopil
{
    public const int LongueurMaxLibelle = 200;
    public const int LongueurMaxParticipants = 2000;

    private readonly List<PointCopil> _points = [];
    private readonly List<EvenementSeance> _evenements = [];

    private SeanceCopil()
    {
    }

    public int Id { get; private set; }

    public DateOnly Date { get; private set; }

    /// <summary>Place or label (« Salle du conseil, Redon »).</summary>
    public string Libelle { get; private set; } = string.Empty;

    /// <summary>Who attended, one per line (optional).</summary>
    public string? Participants { get; private set; }

    public DateTimeOffset CreeLe { get; private set; }

    public DateTimeOffset? ClotureeLe { get; private set; }

    public bool EstCloturee => ClotureeLe is not null;

    /// <summary>The agenda, in the order fiches were put on it.</summary>
    public IReadOnlyList<PointCopil> Points => _points;

    public IReadOnlyCollection<EvenementSeance> Evenements => _evenements;

    public static RefusFiche? Creer(DateOnly date, string? libelle, string? participants, Auteur auteur, DateTimeOffset quand, out SeanceCopil? seance)
    {
        ArgumentNullException.ThrowIfNull(auteur);
        seance = null;
        if (date.Year is < 2000 or > 2100)
        {
            return new("La date de la séance doit être comprise entre 2000 et 2100.", nameof(Date));
        }

        if (string.IsNullOrWhiteSpace(libelle))
        {
            return new("Le lieu ou l'intitulé de la séance est obligatoire.", nameof(Libelle));
        }

        if (Limites.Refus(libelle.Trim(), LongueurMaxLibelle, "Le lieu ou l'intitulé") is { } refusLibelle)
        {
            return new(refusLibelle, nameof(Libelle));
        }

        var presents = string.IsNullOrWhiteSpace(participants) ? null : participants.Trim();
        if (Limites.Refus(presents, LongueurMaxParticipants, "La liste des participants") is { } refusPresents)
        {
            return new(refusPresents, nameof(Participants));
        }

        seance = new SeanceCopil { Date = date, Libelle = libelle.Trim(), Participants = presents, CreeLe = quand.ToUniversalTime() };
        seance._evenements.Add(new EvenementSeance(quand, "Séance créée", null, auteur));
        return null;
    }

    /// <summary>Puts an instructed fiche (en instruction, or ajournée by an earlier session) on the agenda.</summary>
    public RefusFiche? Inscrire(FicheProjet fiche, Auteur auteur, DateTimeOffset quand)
    {
        ArgumentNullException.ThrowIfNull(fiche);
        if (RefusCloturee() is { } refus)
        {
            return refus;
        }

        if (Id == 0)
        {
            throw new InvalidOperationException("La séance doit être enregistrée avant de recevoir son ordre du jour.");
        }

        if (_points.Any(p => p.FicheId == fiche.Id))
        {
            return new($"La fiche {Nom(fiche)} est déjà à l'ordre du jour de cette séance.");
        }

        if (fiche.InscrireEnCopil(Id, Date, auteur, quand) is { } refusFiche)
        {
            return refusFiche with { Message = $"Fiche {Nom(fiche)} : {refusFiche.Message}" };
        }

        _points.Add(new PointCopil(fiche.Id, fiche.Numero ?? $"n° {fiche.Id}", _points.Count == 0 ? 1 : _points.Max(p => p.Ordre) + 1));
        _evenements.Add(new EvenementSeance(quand, "Fiche inscrite à l'ordre du jour", Nom(fiche), auteur));
        return null;
    }

    /// <summary>Takes an undecided fiche off the agenda: it returns to the state it had before.</summary>
    public RefusFiche? Retirer(FicheProjet fiche, Auteur auteur, DateTimeOffset quand)
    {
        ArgumentNullException.ThrowIfNull(fiche);
        if (RefusCloturee() is { } refus)
        {
            return refus;
        }

        var point = _points.FirstOrDefault(p => p.FicheId == fiche.Id);
        if (point is null)
        {
            return new($"La fiche {Nom(fiche)} n'est pas à l'ordre du jour de cette séance.");
        }

        if (point.Decision is not null)
        {
            return new($"La fiche {Nom(fiche)} a déjà sa décision : elle reste à l'ordre du jour.");
        }

        if (fiche.RetirerDuCopil(Id, auteur, quand) is { } refusFiche)
        {
            return refusFiche;
        }

        _points.Remove(point);
        _evenements.Add(new EvenementSeance(quand, "Fiche retirée de l'ordre du jour", Nom(fiche), auteur));
        return null;
    }

    /// <summary>
    /// The committee's decision on a fiche of the agenda, dated the session's day, with its written motivation (and the
    /// schéma directeur year when accepted): the fiche checks and records it, the session keeps it for its minutes.
    /// </summary>
    public RefusFiche? Decider(FicheProjet fiche, DecisionCopil decision, string? motivation, int? anneeSchemaDirecteur, Auteur auteur, DateTimeOffset quand, DateOnly aujourdHui)
    {
        ArgumentNullException.ThrowIfNull(fiche);
        if (RefusCloturee() is { } refus)
        {
            return refus;
        }

        if (!Enum.IsDefined(decision))
        {
            return new("Choisissez la décision : accepter, refuser ou ajourner.", "Decision");
        }

        var point = _points.FirstOrDefault(p => p.FicheId == fiche.Id);
        if (point is null)
        {
            return new($"La fiche {Nom(fiche)} n'est pas à l'ordre du jour de cette séance.");
        }

        if (point.Decision is not null)
        {
            return new($"La fiche {Nom(fiche)} a déjà sa décision ({point.Decision.Value.Libelle().ToLowerInvariant()}).");
        }

        if (Date > aujourdHui)
        {
            return new($"La séance du {Date:dd/MM/yyyy} n'a pas encore eu lieu : ses décisions s'enregistrent le jour même ou après.", "Decision");
        }

        if (fiche.Decider(decision, motivation ?? string.Empty, Date, anneeSchemaDirecteur, auteur, quand, aujourdHui) is { } refusFiche)
        {
            return refusFiche;
        }

        point.Enregistrer(decision, fiche.Motivation!, fiche.AnneeSchemaDirecteur, quand);
        _evenements.Add(new EvenementSeance(quand, $"Décision : {decision.Libelle().ToLowerInvariant()}", Nom(fiche), auteur));
        return null;
    }

    /// <summary>Closes the session: refused while the agenda is empty or a fiche on it has no decision (each one named).</summary>
    public RefusFiche? Cloturer(Auteur auteur, DateTimeOffset quand)
    {
        if (RefusCloturee() is { } refus)
        {
            return refus;
        }

        if (_points.Count == 0)
        {
            return new("Une séance sans fiche à l'ordre du jour ne se clôt pas.");
        }

        var enAttente = _points.Where(p => p.Decision is null).OrderBy(p => p.Ordre).Select(p => p.FicheNumero).ToList();
        if (enAttente.Count > 0)
        {
            return new(enAttente.Count == 1
                ? $"La séance ne se clôt pas : la fiche {enAttente[0]} n'a pas encore de décision."
                : $"La séance ne se clôt pas : les fiches {string.Join(", ", enAttente)} n'ont pas encore de décision.");
        }

        ClotureeLe = quand.ToUniversalTime();
        _evenements.Add(new EvenementSeance(quand, "Séance close", null, auteur));
        return null;
    }

    private RefusFiche? RefusCloturee() =>
        EstCloturee ? new($"La séance du {Date:dd/MM/yyyy} est close : son ordre du jour et ses décisions ne changent plus.") : null;

    private static string Nom(FicheProjet fiche) => fiche.Numero ?? $"n° {fiche.Id}";
}

/// <summary>A fiche on a session's agenda and, once taken, the decision of that day.</summary>
public sealed class PointCopil
{
    private PointCopil()
    {
    }

    internal PointCopil(int ficheId, string ficheNumero, int ordre)
    {
        FicheId = ficheId;
        FicheNumero = ficheNumero;
        Ordre = ordre;
    }

    public int Id { get; private set; }

    public int FicheId { get; private set; }

    /// <summary>The fiche's number when it was put on the agenda (for the refusals and the minutes).</summary>
    public string FicheNumero { get; private set; } = string.Empty;

    public int Ordre { get; private set; }

    public DecisionCopil? Decision { get; private set; }

    public string? Motivation { get; private set; }

    public int? AnneeSchemaDirecteur { get; private set; }

    public DateTimeOffset? DecideLe { get; private set; }

    internal void Enregistrer(DecisionCopil decision, string motivation, int? annee, DateTimeOffset quand)
    {
        (Decision, Motivation, AnneeSchemaDirecteur, DecideLe) = (decision, motivation, annee, quand.ToUniversalTime());
    }
}

/// <summary>A dated, attributed line of a session's history.</summary>
public sealed class EvenementSeance
{
    private EvenementSeance()
    {
    }

    internal EvenementSeance(DateTimeOffset horodatage, string libelle, string? fiche, Auteur auteur)
    {
        Horodatage = horodatage.ToUniversalTime();
        Libelle = libelle;
        Fiche = fiche;
        UtilisateurId = auteur.UtilisateurId;
        UtilisateurNom = auteur.Nom.Length > 200 ? auteur.Nom[..200] : auteur.Nom;
    }

    public int Id { get; private set; }

    public DateTimeOffset Horodatage { get; private set; }

    public string Libelle { get; private set; } = string.Empty;

    /// <summary>The fiche concerned (its number), if any.</summary>
    public string? Fiche { get; private set; }

    public string? UtilisateurId { get; private set; }

    public string UtilisateurNom { get; private set; } = string.Empty;
}
