using Mutualisation.Domain.Commun;
using Mutualisation.Domain.Conventions;

namespace Mutualisation.Domain.FichesProjet;

/// <summary>Why an action on a fiche projet is refused: a French message, and the form field when there is one.</summary>
public sealed record RefusFiche(string Message, string? Champ = null);

/// <summary>
/// A member's fiche projet (Redon Annexe 3, art. 3.3.2 and 3.4.2). The commune drafts it (saved at any time, checked
/// only for what cannot be stored), submits it (complete: every missing field named), and each submission is a numbered
/// <see cref="VersionFiche"/>. The DSI takes it into instruction, may send it back « en construction » with a request,
/// records what it finds (the existing portfolio covers the need or not, the duration it estimates), links the similar
/// fiches of other members, puts it before the COPIL, which accepts (the project joins the schéma directeur), refuses or
/// adjourns it, always with a written motivation. Every transition is a method here, dated and attributed, written in
/// <see cref="Evenements"/>; a refused one returns its French reason and changes nothing.
/// </summary>
public sealed class FicheProjet : IPerimetreMembre
{
    public const int LongueurMaxTitre = 200;
    public const int LongueurMaxMotif = 2000;
    public const int LongueurMaxCommentaire = 500;

    private readonly List<VersionFiche> _versions = [];
    private readonly List<EvenementFiche> _evenements = [];
    private readonly List<LienFiche> _liens = [];

    private FicheProjet()
    {
    }

    public int Id { get; private set; }

    public int MembreId { get; private set; }

    public string Titre { get; private set; } = string.Empty;

    public EtatFiche Etat { get; private set; }

    /// <summary>The content as the commune last saved it (the submitted copies are in <see cref="Versions"/>).</summary>
    public ContenuFiche Contenu { get; private set; } = new();

    public DateTimeOffset CreeLe { get; private set; }

    /// <summary>The day of the first submission (the fiche's number is given then).</summary>
    public DateOnly? DeposeeLe { get; private set; }

    /// <summary>The fiche's number, given at its first submission (« FP-2026-0007 »).</summary>
    public string? Numero { get; private set; }

    // Instruction (DSI)
    /// <summary>Whether the existing portfolio covers the need (null until the DSI says).</summary>
    public bool? CouvertParExistant { get; private set; }

    /// <summary>Durée maximale du projet estimée par la DSI, in months.</summary>
    public int? DureeEstimeeMois { get; private set; }

    public string? AvisDsi { get; private set; }

    // Decision (COPIL)
    public int? SeanceCopilId { get; private set; }

    public DecisionCopil? Decision { get; private set; }

    public DateOnly? DecideeLe { get; private set; }

    public string? Motivation { get; private set; }

    /// <summary>The year the accepted project is planned in the schéma directeur.</summary>
    public int? AnneeSchemaDirecteur { get; private set; }

    public IReadOnlyList<VersionFiche> Versions => _versions;

    public IReadOnlyCollection<EvenementFiche> Evenements => _evenements;

    public IReadOnlyCollection<LienFiche> Liens => _liens;

    /// <summary>A shared need: the DSI confirmed at least one similar fiche of another member.</summary>
    public bool Mutualisable { get; private set; }

    /// <summary>A new draft (the title is the least a draft needs).</summary>
    public static RefusFiche? Creer(int membreId, string titre, ContenuFiche contenu, Auteur auteur, DateTimeOffset quand, out FicheProjet? fiche)
    {
        ArgumentNullException.ThrowIfNull(contenu);
        ArgumentNullException.ThrowIfNull(auteur);
        fiche = null;
        if (RefusTitre(titre) is { } refusTitre)
        {
            return refusTitre;
        }

        var normal = contenu.Normalise();
        if (normal.RefusStockage() is [var premier, ..])
        {
            return premier;
        }

        fiche = new FicheProjet { MembreId = membreId, Titre = titre.Trim(), Contenu = normal, Etat = EtatFiche.Brouillon, CreeLe = quand.ToUniversalTime() };
        fiche._evenements.Add(new EvenementFiche(quand, "Brouillon créé", null, EtatFiche.Brouillon, auteur, null, visibleParLaCommune: true));
        return null;
    }

    /// <summary>Saves the commune's text as it is (a draft, or a fiche sent back « en construction »): only what cannot be stored is refused.</summary>
    public RefusFiche? Enregistrer(string titre, ContenuFiche contenu, Auteur auteur, DateTimeOffset quand)
    {
        ArgumentNullException.ThrowIfNull(contenu);
        if (!Etat.EstModifiableParLaCommune())
        {
            return new($"Une fiche {Etat.Libelle().ToLowerInvariant()} ne se modifie plus ; la DSI peut demander des compléments.");
        }

        if (RefusTitre(titre) is { } refusTitre)
        {
            return refusTitre;
        }

        var normal = contenu.Normalise();
        if (normal.RefusStockage() is [var premier, ..])
        {
            return premier;
        }

        Titre = titre.Trim();
        Contenu = normal;
        return null;
    }

    /// <summary>
    /// Brouillon or en construction → déposée: refused with every missing field when incomplete (the list returned);
    /// otherwise a new numbered version (author, comment) keeps a copy of the content. The first submission gives the
    /// fiche its number (<paramref name="numero"/>, made by the caller from the year and the fiche's id).
    /// </summary>
    public IReadOnlyList<RefusFiche> Deposer(string? commentaire, Func<FicheProjet, DateOnly, string> numero, Auteur auteur, DateTimeOffset quand, DateOnly aujourdHui)
    {
        ArgumentNullException.ThrowIfNull(numero);
        if (!Etat.EstModifiableParLaCommune())
        {
            return [new($"Une fiche {Etat.Libelle().ToLowerInvariant()} ne se dépose pas à nouveau.")];
        }

        if (Limites.Refus(commentaire?.Trim(), LongueurMaxCommentaire, "Le commentaire de version") is { } refusCommentaire)
        {
            return [new(refusCommentaire, "Commentaire")];
        }

        var manques = Contenu.Incompletudes();
        if (manques.Count > 0)
        {
            return manques;
        }

        var version = _versions.Count + 1;
        var texte = string.IsNullOrWhiteSpace(commentaire) ? (version == 1 ? "Première version déposée." : "Nouvelle version déposée.") : commentaire.Trim();
        _versions.Add(new VersionFiche(version, Titre, Contenu, auteur, quand, texte));
        DeposeeLe ??= aujourdHui;
        Numero ??= numero(this, aujourdHui);
        Changer(EtatFiche.Deposee, version == 1 ? "Fiche déposée" : $"Version {version} déposée", auteur, quand, texte);
        return [];
    }

    /// <summary>Déposée → en instruction (DSI).</summary>
    public RefusFiche? PrendreEnInstruction(Auteur auteur, DateTimeOffset quand)
    {
        if (Etat != EtatFiche.Deposee)
        {
            return new($"Seule une fiche déposée se prend en instruction (celle-ci est {Etat.Libelle().ToLowerInvariant()}).");
        }

        Changer(EtatFiche.EnInstruction, "Prise en instruction", auteur, quand, null);
        return null;
    }

    /// <summary>Déposée or en instruction → en construction: the DSI asks the commune for more, in writing.</summary>
    public RefusFiche? DemanderComplements(string demande, Auteur auteur, DateTimeOffset quand)
    {
        if (Etat is not (EtatFiche.Deposee or EtatFiche.EnInstruction))
        {
            return new($"Des compléments se demandent sur une fiche déposée ou en instruction (celle-ci est {Etat.Libelle().ToLowerInvariant()}).");
        }

        if (RefusTexteObligatoire(demande, "La demande de compléments", "Demande") is { } refus)
        {
            return refus;
        }

        Changer(EtatFiche.EnConstruction, "Compléments demandés", auteur, quand, demande.Trim());
        return null;
    }

    /// <summary>What the DSI finds during instruction: coverage by the existing portfolio, estimated duration, its opinion (private fields stay the DSI's).</summary>
    public RefusFiche? EnregistrerInstruction(bool? couvertParExistant, int? dureeEstimeeMois, string? avis, Auteur auteur, DateTimeOffset quand)
    {
        if (Etat is not (EtatFiche.Deposee or EtatFiche.EnInstruction or EtatFiche.PresenteeCopil or EtatFiche.Ajournee))
        {
            return new($"L'instruction s'enregistre sur une fiche déposée, en instruction, présentée en COPIL ou ajournée (celle-ci est {Etat.Libelle().ToLowerInvariant()}).");
        }

        if (dureeEstimeeMois is < 1 or > 120)
        {
            return new("La durée estimée est un nombre de mois entre 1 et 120.", "DureeEstimeeMois");
        }

        if (Limites.Refus(avis?.Trim(), LongueurMaxMotif, "L'avis de la DSI") is { } refusAvis)
        {
            return new(refusAvis, "AvisDsi");
        }

        (CouvertParExistant, DureeEstimeeMois, AvisDsi) = (couvertParExistant, dureeEstimeeMois, string.IsNullOrWhiteSpace(avis) ? null : avis.Trim());
        var couverture = couvertParExistant switch
        {
            true => "le portefeuille existant couvre le besoin",
            false => "le portefeuille existant ne couvre pas le besoin",
            null => "couverture par l'existant non établie",
        };
        Noter("Instruction mise à jour", auteur, quand, $"{couverture} ; durée estimée : {(dureeEstimeeMois is { } d ? $"{d} mois" : "non estimée")}.", visible: false);
        return null;
    }

    /// <summary>En instruction or ajournée → présentée en COPIL: the fiche is on the agenda of a session.</summary>
    public RefusFiche? InscrireEnCopil(int seanceId, DateOnly dateSeance, Auteur auteur, DateTimeOffset quand)
    {
        if (Etat is not (EtatFiche.EnInstruction or EtatFiche.Ajournee))
        {
            return new($"Seule une fiche en instruction ou ajournée s'inscrit à l'ordre du jour d'un COPIL (celle-ci est {Etat.Libelle().ToLowerInvariant()}).");
        }

        if (DureeEstimeeMois is null || CouvertParExistant is null)
        {
            return new("Avant le COPIL, la DSI indique si l'existant couvre le besoin et estime la durée du projet.", "DureeEstimeeMois");
        }

        SeanceCopilId = seanceId;
        Changer(EtatFiche.PresenteeCopil, "Inscrite à l'ordre du jour du COPIL", auteur, quand, $"Séance du {dateSeance:dd/MM/yyyy}.");
        return null;
    }

    /// <summary>
    /// Présentée en COPIL → back to the state it had before (en instruction or ajournée): the fiche leaves the agenda of
    /// session <paramref name="seanceId"/> before any decision.
    /// </summary>
    public RefusFiche? RetirerDuCopil(int seanceId, Auteur auteur, DateTimeOffset quand)
    {
        if (Etat != EtatFiche.PresenteeCopil || SeanceCopilId != seanceId)
        {
            return new($"Seule une fiche inscrite à l'ordre du jour de cette séance et pas encore décidée s'en retire (celle-ci est {Etat.Libelle().ToLowerInvariant()}).");
        }

        var avant = _evenements.Where(e => e.EtatApres == EtatFiche.PresenteeCopil && e.EtatAvant is not null && e.EtatAvant != EtatFiche.PresenteeCopil)
            .OrderBy(e => e.Horodatage).ThenBy(e => e.Id == 0 ? int.MaxValue : e.Id).LastOrDefault()?.EtatAvant ?? EtatFiche.EnInstruction;
        SeanceCopilId = null;
        Changer(avant, "Retirée de l'ordre du jour du COPIL", auteur, quand, null);
        return null;
    }

    /// <summary>
    /// Présentée en COPIL → acceptée (planned in the schéma directeur for <paramref name="anneeSchemaDirecteur"/>), refusée
    /// or ajournée: always with a written motivation, on or after the session's day.
    /// </summary>
    public RefusFiche? Decider(DecisionCopil decision, string motivation, DateOnly le, int? anneeSchemaDirecteur, Auteur auteur, DateTimeOffset quand, DateOnly aujourdHui)
    {
        if (Etat != EtatFiche.PresenteeCopil)
        {
            return new($"Le COPIL décide d'une fiche inscrite à son ordre du jour (celle-ci est {Etat.Libelle().ToLowerInvariant()}).");
        }

        if (RefusTexteObligatoire(motivation, "La motivation de la décision", "Motivation") is { } refus)
        {
            return refus;
        }

        if (le > aujourdHui)
        {
            return new("La date de la décision ne peut pas être dans le futur.", "DecideeLe");
        }

        if (decision == DecisionCopil.Acceptee && anneeSchemaDirecteur is not { } annee)
        {
            return new("Un projet accepté est planifié : indiquez son année au schéma directeur.", "AnneeSchemaDirecteur");
        }

        if (anneeSchemaDirecteur is < 2000 or > 2100 || (anneeSchemaDirecteur is { } a && a < le.Year))
        {
            return new("L'année au schéma directeur est celle de la décision ou une année suivante.", "AnneeSchemaDirecteur");
        }

        (Decision, DecideeLe, Motivation) = (decision, le, motivation.Trim());
        AnneeSchemaDirecteur = decision == DecisionCopil.Acceptee ? anneeSchemaDirecteur : null;
        var (etat, libelle) = decision switch
        {
            DecisionCopil.Acceptee => (EtatFiche.Acceptee, $"Acceptée par le COPIL, planifiée en {anneeSchemaDirecteur}"),
            DecisionCopil.Refusee => (EtatFiche.Refusee, "Refusée par le COPIL"),
            _ => (EtatFiche.Ajournee, "Ajournée par le COPIL"),
        };
        Changer(etat, libelle, auteur, quand, Motivation);
        return null;
    }

    /// <summary>Records the portal's suggestion of a similar fiche of another member (kept once; a dismissed one is not suggested again).</summary>
    public void Suggerer(int autreFicheId, double score, DateTimeOffset quand)
    {
        if (autreFicheId == Id || _liens.Any(l => l.AutreFicheId == autreFicheId))
        {
            return;
        }

        _liens.Add(new LienFiche(autreFicheId, score, quand));
    }

    /// <summary>The DSI confirms (shared need: the fiche becomes mutualisable) or dismisses a suggested or confirmed link.</summary>
    public RefusFiche? Qualifier(int autreFicheId, bool confirme, Auteur auteur, DateTimeOffset quand)
    {
        if (autreFicheId == Id)
        {
            return new("Une fiche ne se lie pas à elle-même.");
        }

        var lien = _liens.FirstOrDefault(l => l.AutreFicheId == autreFicheId);
        if (lien is null)
        {
            lien = new LienFiche(autreFicheId, null, quand);
            _liens.Add(lien);
        }

        lien.Qualifier(confirme ? StatutLien.Confirme : StatutLien.Ecarte, auteur, quand);
        Mutualisable = _liens.Any(l => l.Statut == StatutLien.Confirme);
        Noter(confirme ? "Besoin partagé confirmé" : "Rapprochement écarté", auteur, quand, $"Fiche n° {autreFicheId}.", visible: false);
        return null;
    }

    private static RefusFiche? RefusTitre(string? titre) =>
        string.IsNullOrWhiteSpace(titre) ? new("Le titre du projet est obligatoire, même pour un brouillon.", "Titre")
        : Limites.Refus(titre.Trim(), LongueurMaxTitre, "Le titre") is { } refus ? new(refus, "Titre")
        : null;

    private static RefusFiche? RefusTexteObligatoire(string? texte, string libelle, string champ) =>
        string.IsNullOrWhiteSpace(texte) ? new($"{libelle} est obligatoire.", champ)
        : Limites.Refus(texte.Trim(), LongueurMaxMotif, libelle) is { } refus ? new(refus, champ)
        : null;

    private void Changer(EtatFiche vers, string libelle, Auteur auteur, DateTimeOffset quand, string? detail)
    {
        ArgumentNullException.ThrowIfNull(auteur);
        _evenements.Add(new EvenementFiche(quand, libelle, Etat, vers, auteur, detail, visibleParLaCommune: true));
        Etat = vers;
    }

    private void Noter(string libelle, Auteur auteur, DateTimeOffset quand, string? detail, bool visible)
    {
        ArgumentNullException.ThrowIfNull(auteur);
        _evenements.Add(new EvenementFiche(quand, libelle, Etat, Etat, auteur, detail, visible));
    }
}

/// <summary>A submitted version of Annexe 3: its number, who submitted it, when, the comment, and a copy of the content.</summary>
public sealed class VersionFiche
{
    private VersionFiche()
    {
    }

    internal VersionFiche(int numero, string titre, ContenuFiche contenu, Auteur auteur, DateTimeOffset quand, string commentaire)
    {
        Numero = numero;
        Titre = titre;

        // A copy: an owned value belongs to one owner (the fiche keeps its own).
        Contenu = contenu with { };
        Horodatage = quand.ToUniversalTime();
        UtilisateurId = auteur.UtilisateurId;
        UtilisateurNom = auteur.Nom.Length > 200 ? auteur.Nom[..200] : auteur.Nom;
        Commentaire = commentaire;
    }

    public int Id { get; private set; }

    public int Numero { get; private set; }

    public string Titre { get; private set; } = string.Empty;

    public ContenuFiche Contenu { get; private set; } = new();

    public DateTimeOffset Horodatage { get; private set; }

    public string? UtilisateurId { get; private set; }

    public string UtilisateurNom { get; private set; } = string.Empty;

    public string Commentaire { get; private set; } = string.Empty;

    /// <summary>« 1.0 », « 2.0 »… as Annexe 3's header prints it.</summary>
    public string Libelle => $"{Numero}.0";
}

/// <summary>A dated, attributed line of a fiche's history; those the commune may not read (DSI notes) are marked.</summary>
public sealed class EvenementFiche
{
    public const int LongueurMaxDetail = 2000;

    private EvenementFiche()
    {
    }

    internal EvenementFiche(DateTimeOffset horodatage, string libelle, EtatFiche? avant, EtatFiche apres, Auteur auteur, string? detail, bool visibleParLaCommune)
    {
        Horodatage = horodatage.ToUniversalTime();
        Libelle = libelle;
        EtatAvant = avant;
        EtatApres = apres;
        UtilisateurId = auteur.UtilisateurId;
        UtilisateurNom = auteur.Nom.Length > 200 ? auteur.Nom[..200] : auteur.Nom;
        Detail = detail is { Length: > LongueurMaxDetail } ? string.Concat(detail.AsSpan(0, LongueurMaxDetail - 1), "…") : detail;
        VisibleParLaCommune = visibleParLaCommune;
    }

    public int Id { get; private set; }

    public DateTimeOffset Horodatage { get; private set; }

    public string Libelle { get; private set; } = string.Empty;

    public EtatFiche? EtatAvant { get; private set; }

    public EtatFiche EtatApres { get; private set; }

    public string? UtilisateurId { get; private set; }

    public string UtilisateurNom { get; private set; } = string.Empty;

    public string? Detail { get; private set; }

    public bool VisibleParLaCommune { get; private set; }

    public bool EstUnChangementDEtat => EtatAvant != EtatApres;
}

/// <summary>A fiche of another member with a similar need: the portal's score when it suggested it, and the DSI's verdict.</summary>
public sealed class LienFiche
{
    private LienFiche()
    {
    }

    internal LienFiche(int autreFicheId, double? score, DateTimeOffset quand)
    {
        AutreFicheId = autreFicheId;
        Score = score;
        Statut = StatutLien.Suggere;
        SuggereLe = quand.ToUniversalTime();
    }

    public int Id { get; private set; }

    public int AutreFicheId { get; private set; }

    /// <summary>The similarity when the portal suggested it (0 to 1); null for a link the DSI made by hand.</summary>
    public double? Score { get; private set; }

    public StatutLien Statut { get; private set; }

    public DateTimeOffset SuggereLe { get; private set; }

    public DateTimeOffset? QualifieLe { get; private set; }

    public string? QualifieParNom { get; private set; }

    internal void Qualifier(StatutLien statut, Auteur auteur, DateTimeOffset quand)
    {
        Statut = statut;
        QualifieLe = quand.ToUniversalTime();
        QualifieParNom = auteur.Nom.Length > 200 ? auteur.Nom[..200] : auteur.Nom;
    }
}
