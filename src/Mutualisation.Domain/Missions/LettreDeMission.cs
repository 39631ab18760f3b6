using System.Globalization;
using Mutualisation.Domain.Commun;
using Mutualisation.Domain.Conventions;
using Mutualisation.Domain.Membres;

namespace Mutualisation.Domain.Missions;

/// <summary>What a lettre de mission says: its object, stakes and risks, contacts, calendar, planned days and deliverables.</summary>
public sealed record ContenuMission(
    string Objet,
    string? EnjeuxEtRisques,
    Contact ContactMembre,
    Contact ContactDsi,
    DateOnly DateDebut,
    DateOnly DateFinPrevue,
    decimal JoursPrevus,
    IReadOnlyList<string> Livrables);

/// <summary>
/// A lettre de mission of level 1 (Redon art. 3.2): the written frame of one mission for one member, and the
/// time the DSI spends on it in half-days. Its status moves brouillon → en cours → terminée (or annulée) only
/// through the methods below, each dated and attributed in <see cref="Evenements"/>; a refused action returns
/// its reason in French and changes nothing. Time is recorded only while the mission is in progress.
/// </summary>
public sealed class LettreDeMission : IPerimetreMembre
{
    public const int LongueurMaxObjet = 300;
    public const int LongueurMaxEnjeux = 2000;
    public const int LivrablesMaximum = 20;
    public const decimal JoursPrevusMaximum = 1000m;

    private readonly List<SaisieTemps> _saisies = [];
    private readonly List<EvenementMission> _evenements = [];
    private readonly List<LivrableMission> _livrables = [];

    public int Id { get; private set; }

    public int MembreId { get; private set; }

    public StatutMission Statut { get; private set; }

    public string Objet { get; private set; } = string.Empty;

    public string? EnjeuxEtRisques { get; private set; }

    public Contact ContactMembre { get; private set; } = Contact.Vide;

    public Contact ContactDsi { get; private set; } = Contact.Vide;

    public DateOnly DateDebut { get; private set; }

    public DateOnly DateFinPrevue { get; private set; }

    /// <summary>Days planned by the lettre, a multiple of 0,5.</summary>
    public decimal JoursPrevus { get; private set; }

    public IReadOnlyCollection<SaisieTemps> Saisies => _saisies;

    public IReadOnlyCollection<EvenementMission> Evenements => _evenements;

    public IReadOnlyCollection<LivrableMission> Livrables => _livrables;

    private LettreDeMission()
    {
    }

    private LettreDeMission(int membreId) => MembreId = membreId;

    /// <summary>A new draft for a member, or the reason (in French, with its field) why its content cannot be recorded.</summary>
    public static RefusMission? Creer(int membreId, ContenuMission contenu, Auteur auteur, DateTimeOffset quand, DateOnly aujourdHui, out LettreDeMission? mission)
    {
        ArgumentNullException.ThrowIfNull(auteur);
        mission = null;
        if (Refus(contenu) is { } refus)
        {
            return refus;
        }

        mission = new LettreDeMission(membreId) { Statut = StatutMission.Brouillon };
        mission.Appliquer(contenu);
        mission._evenements.Add(new EvenementMission(quand, aujourdHui, "Lettre de mission créée", null, StatutMission.Brouillon, auteur, mission.Objet));
        return null;
    }

    /// <summary>Changes the content of a draft or of a mission in progress (its start cannot move after time already recorded).</summary>
    public RefusMission? Modifier(ContenuMission contenu, Auteur auteur, DateTimeOffset quand, DateOnly aujourdHui)
    {
        if (Statut is StatutMission.Terminee or StatutMission.Annulee)
        {
            return new($"La mission est {Statut.Libelle().ToLowerInvariant()} : elle ne se modifie plus.");
        }

        if (Refus(contenu) is { } refus)
        {
            return refus;
        }

        if (_saisies.Count > 0 && _saisies.Min(s => s.Date) is var premiere && contenu.DateDebut > premiere)
        {
            return new($"Du temps est saisi dès le {Fr(premiere)} : la mission ne peut pas commencer après.", "DateDebut");
        }

        Appliquer(contenu);
        Noter(aujourdHui, "Lettre de mission modifiée", auteur, quand, null);
        return null;
    }

    /// <summary>Brouillon → en cours: the mission starts, time may be recorded.</summary>
    public RefusMission? Demarrer(Auteur auteur, DateTimeOffset quand, DateOnly aujourdHui)
    {
        if (Statut != StatutMission.Brouillon)
        {
            return new($"Seul un brouillon se démarre : la mission est {Statut.Libelle().ToLowerInvariant()}.");
        }

        Changer(StatutMission.EnCours, aujourdHui, "Mission démarrée", auteur, quand, $"Début prévu le {Fr(DateDebut)}.");
        return null;
    }

    /// <summary>En cours → terminée: no more time is recorded.</summary>
    public RefusMission? Terminer(Auteur auteur, DateTimeOffset quand, DateOnly aujourdHui)
    {
        if (Statut != StatutMission.EnCours)
        {
            return new($"Seule une mission en cours se termine : la mission est {Statut.Libelle().ToLowerInvariant()}.");
        }

        Changer(StatutMission.Terminee, aujourdHui, "Mission terminée", auteur, quand, $"{JoursFr(JoursConsommes)} consommé(s) pour {JoursFr(JoursPrevus)} prévu(s).");
        return null;
    }

    /// <summary>Brouillon or en cours → annulée. Time already recorded stays counted: it was spent.</summary>
    public RefusMission? Annuler(Auteur auteur, DateTimeOffset quand, DateOnly aujourdHui)
    {
        if (Statut is not (StatutMission.Brouillon or StatutMission.EnCours))
        {
            return new($"La mission est déjà {Statut.Libelle().ToLowerInvariant()} : elle ne s'annule plus.");
        }

        Changer(StatutMission.Annulee, aujourdHui, "Mission annulée", auteur, quand,
            _saisies.Count == 0 ? null : $"{JoursFr(JoursConsommes)} déjà saisi(s) restent décomptés.");
        return null;
    }

    /// <summary>Records time spent by an agent. Outside the service hours it is flagged, not refused.</summary>
    public RefusMission? AjouterSaisie(DateOnly date, decimal jours, Creneau creneau, TimeOnly? debut, TimeOnly? fin, string? commentaire,
        Auteur agent, Auteur auteur, DateTimeOffset quand, DateOnly aujourdHui, out SaisieTemps? saisie)
    {
        ArgumentNullException.ThrowIfNull(agent);
        saisie = null;
        if (Statut != StatutMission.EnCours)
        {
            return new(Statut == StatutMission.Brouillon
                ? "Démarrez la mission avant d'y saisir du temps."
                : $"La mission est {Statut.Libelle().ToLowerInvariant()} : on n'y saisit plus de temps.");
        }

        if (jours <= 0 || jours % 0.5m != 0)
        {
            return new("Le temps se compte par demi-journées : saisissez un multiple de 0,5 jour, positif (0,5 ou 1).", "Jours");
        }

        if (jours > SaisieTemps.DemiJourneesMaximum / 2m)
        {
            return new("Une saisie couvre au plus une journée (1 jour) : saisissez chaque jour à part.", "Jours");
        }

        if (!Enum.IsDefined(creneau))
        {
            return new("Choisissez le moment de la journée.", "Creneau");
        }

        if (creneau is Creneau.Matin or Creneau.ApresMidi && jours != 0.5m)
        {
            return new($"Un{(creneau == Creneau.Matin ? " matin" : "e après-midi")} compte une demi-journée : saisissez 0,5 jour.", "Jours");
        }

        if (creneau == Creneau.Journee && jours != 1m)
        {
            return new("Une journée compte 1 jour : saisissez 1, ou choisissez le matin ou l'après-midi.", "Jours");
        }

        if (creneau == Creneau.Horaires)
        {
            if (debut is null)
            {
                return new("Indiquez l'heure de début (hh:mm).", "HeureDebut");
            }

            if (fin is null)
            {
                return new("Indiquez l'heure de fin (hh:mm).", "HeureFin");
            }

            if (fin <= debut)
            {
                return new($"L'heure de fin doit suivre l'heure de début ({debut:HH\\:mm}).", "HeureFin");
            }
        }

        if (date < DateDebut)
        {
            return new($"La mission commence le {Fr(DateDebut)} : une saisie ne peut pas la précéder.", "Date");
        }

        if (date > aujourdHui)
        {
            return new("On ne saisit que du temps déjà passé : la date ne peut pas être dans le futur.", "Date");
        }

        if (Limites.Refus(commentaire?.Trim(), SaisieTemps.LongueurMaxCommentaire, "Le commentaire") is { } refusCommentaire)
        {
            return new(refusCommentaire, "Commentaire");
        }

        saisie = new SaisieTemps(date, (int)(jours * 2), creneau, debut, fin, commentaire, agent, quand);
        _saisies.Add(saisie);
        Noter(date, "Temps saisi", auteur, quand,
            $"{JoursFr(jours)} le {Fr(date)} ({saisie.Moment}) par {saisie.AgentNom}" + (saisie.HorsPlages is { } hors ? $" — hors plages : {hors}." : "."));
        return null;
    }

    /// <summary>Removes an entry recorded by mistake (while the mission is in progress); the history keeps what it was.</summary>
    public RefusMission? SupprimerSaisie(int saisieId, Auteur auteur, DateTimeOffset quand, DateOnly aujourdHui)
    {
        var saisie = _saisies.FirstOrDefault(s => s.Id == saisieId);
        if (saisie is null)
        {
            return new("Cette saisie n'existe pas sur cette mission.");
        }

        if (Statut != StatutMission.EnCours)
        {
            return new($"La mission est {Statut.Libelle().ToLowerInvariant()} : ses saisies ne se suppriment plus.");
        }

        _saisies.Remove(saisie);
        Noter(aujourdHui, "Saisie supprimée", auteur, quand, $"{JoursFr(saisie.Jours)} du {Fr(saisie.Date)} ({saisie.Moment}) par {saisie.AgentNom}.");
        return null;
    }

    /// <summary>Days recorded on the mission, all dates.</summary>
    public decimal JoursConsommes => _saisies.Sum(s => s.DemiJournees) / 2m;

    /// <summary>Days recorded in an exercice (the allowance is per exercice).</summary>
    public decimal JoursConsommesEn(int exercice) => _saisies.Where(s => s.Date.Year == exercice).Sum(s => s.DemiJournees) / 2m;

    /// <summary>The planned duration, in calendar days, both ends included.</summary>
    public int DureeEnJours => DateFinPrevue.DayNumber - DateDebut.DayNumber + 1;

    /// <summary>« 0,5 jour », « 1,5 jour », « 2 jours »: singular below two, in French.</summary>
    public static string JoursFr(decimal jours) =>
        jours.ToString("0.#", CultureInfo.GetCultureInfo("fr-FR")) + (Math.Abs(jours) < 2 ? " jour" : " jours");

    /// <summary>Why this content cannot be recorded (in French, with its field), or null.</summary>
    public static RefusMission? Refus(ContenuMission contenu)
    {
        ArgumentNullException.ThrowIfNull(contenu);
        if (string.IsNullOrWhiteSpace(contenu.Objet))
        {
            return new("L'objet de la mission est obligatoire.", "Objet");
        }

        if (Limites.Refus(contenu.Objet.Trim(), LongueurMaxObjet, "L'objet") is { } refusObjet)
        {
            return new(refusObjet, "Objet");
        }

        if (Limites.Refus(contenu.EnjeuxEtRisques?.Trim(), LongueurMaxEnjeux, "Les enjeux et risques") is { } refusEnjeux)
        {
            return new(refusEnjeux, "EnjeuxEtRisques");
        }

        if (contenu.ContactMembre.Refus() is { } refusMembre)
        {
            return new(refusMembre, "ContactMembreNom");
        }

        if (contenu.ContactDsi.Refus() is { } refusDsi)
        {
            return new(refusDsi, "ContactDsiNom");
        }

        if (contenu.DateFinPrevue < contenu.DateDebut)
        {
            return new($"La fin prévue doit suivre le début ({Fr(contenu.DateDebut)}) : les dates sont dans le mauvais ordre.", "DateFinPrevue");
        }

        if (contenu.JoursPrevus < 0)
        {
            return new("Les jours prévus ne peuvent pas être négatifs.", "JoursPrevus");
        }

        if (contenu.JoursPrevus % 0.5m != 0)
        {
            return new("Les jours prévus se comptent par demi-journées : saisissez un multiple de 0,5 (ex. 2,5).", "JoursPrevus");
        }

        if (contenu.JoursPrevus > JoursPrevusMaximum)
        {
            return new($"Au plus {JoursPrevusMaximum:0} jours prévus pour une mission.", "JoursPrevus");
        }

        if (contenu.Livrables.Count > LivrablesMaximum)
        {
            return new($"Au plus {LivrablesMaximum} livrables, un par ligne.", "Livrables");
        }

        return contenu.Livrables.Select(l => Limites.Refus(l.Trim(), LivrableMission.LongueurMax, "Chaque livrable")).FirstOrDefault(r => r is not null) is { } refusLivrable
            ? new(refusLivrable, "Livrables")
            : null;
    }

    private void Appliquer(ContenuMission contenu)
    {
        Objet = contenu.Objet.Trim();
        EnjeuxEtRisques = string.IsNullOrWhiteSpace(contenu.EnjeuxEtRisques) ? null : contenu.EnjeuxEtRisques.Trim();
        ContactMembre = Nettoyer(contenu.ContactMembre);
        ContactDsi = Nettoyer(contenu.ContactDsi);
        DateDebut = contenu.DateDebut;
        DateFinPrevue = contenu.DateFinPrevue;
        JoursPrevus = contenu.JoursPrevus;
        var livrables = contenu.Livrables.Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        if (!livrables.SequenceEqual(_livrables.OrderBy(l => l.Ordre).Select(l => l.Libelle), StringComparer.Ordinal))
        {
            _livrables.Clear();
            _livrables.AddRange(livrables.Select((l, i) => new LivrableMission(i + 1, l)));
        }
    }

    private static Contact Nettoyer(Contact c) => new(Vide(c.Nom), Vide(c.Fonction), Vide(c.Courriel), Vide(c.Telephone));

    private static string? Vide(string? texte) => string.IsNullOrWhiteSpace(texte) ? null : texte.Trim();

    private void Changer(StatutMission vers, DateOnly date, string libelle, Auteur auteur, DateTimeOffset quand, string? detail)
    {
        ArgumentNullException.ThrowIfNull(auteur);
        _evenements.Add(new EvenementMission(quand, date, libelle, Statut, vers, auteur, detail));
        Statut = vers;
    }

    private void Noter(DateOnly date, string libelle, Auteur auteur, DateTimeOffset quand, string? detail)
    {
        ArgumentNullException.ThrowIfNull(auteur);
        _evenements.Add(new EvenementMission(quand, date, libelle, Statut, Statut, auteur, detail));
    }

    private static string Fr(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
