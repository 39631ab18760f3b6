using Mutualisation.Domain.Commun;
using Mutualisation.Domain.Conventions;
using Mutualisation.Domain.Titres;

namespace Mutualisation.Domain.Campagnes;

/// <summary>What the last computation of a campaign concluded for one member.</summary>
public enum StatutResultat
{
    /// <summary>A draft titre waits to be issued.</summary>
    Pret,

    /// <summary>Its total is under the threshold of the settings (CGCT D1611-1): no titre.</summary>
    SousLeSeuil,

    /// <summary>The rules give no automatic price for a service: a negotiated amount with its justification is awaited.</summary>
    EnAttenteNegociation,

    /// <summary>Cannot be priced (population unknown, quantity missing…) or nothing left to bill: why is said.</summary>
    Exclu,

    /// <summary>Its titre of this campaign is already issued (never touched again).</summary>
    DejaFacture,
}

/// <summary>
/// The annual invoicing campaign of one exercice facturé and one budget (unique): opened by a finance user, it computes
/// every member's titre with the billing engine (a dry run, as often as needed: it replaces its drafts), keeps the
/// amounts negotiated where the rules give no automatic price (each with its justification, author and date), the
/// result of its last computation member by member, and its dated, attributed events. Its drafts are ordinary
/// <see cref="TitreDeRecette"/> rows linked to it; issuing them goes through the titres' issuing.
/// </summary>
public sealed class Campagne
{
    public const int LongueurMaxJustification = 1000;
    public const int LongueurMaxMotif = 1000;
    public const int LongueurMaxAvertissements = 2000;

    private readonly List<MontantNegocie> _montantsNegocies = [];
    private readonly List<ResultatCampagne> _resultats = [];
    private readonly List<EvenementCampagne> _evenements = [];

    public int Id { get; private set; }

    /// <summary>The exercice whose services are billed.</summary>
    public int ExerciceFacture { get; private set; }

    /// <summary>The exercice the titres are issued in (the next one: annual titres at the start of N + 1).</summary>
    public int Exercice { get; private set; }

    public string Budget { get; private set; } = string.Empty;

    public DateTimeOffset OuverteLe { get; private set; }

    public string? OuverteParId { get; private set; }

    public string OuverteParNom { get; private set; } = string.Empty;

    /// <summary>The background job of the last dry run (its progress is read from it).</summary>
    public int? TravailId { get; private set; }

    /// <summary>When the last dry run ended (null: never computed).</summary>
    public DateTimeOffset? CalculeLe { get; private set; }

    public IReadOnlyList<MontantNegocie> MontantsNegocies => _montantsNegocies;

    public IReadOnlyList<ResultatCampagne> Resultats => _resultats;

    public IReadOnlyList<EvenementCampagne> Evenements => _evenements;

    private Campagne()
    {
    }

    /// <summary>Opens the campaign of <paramref name="exerciceFacture"/> (its titres belong to the next exercice).</summary>
    public static RefusTitre? Ouvrir(int exerciceFacture, string budget, Auteur auteur, DateTimeOffset quand, out Campagne? campagne)
    {
        ArgumentNullException.ThrowIfNull(auteur);
        campagne = null;
        if (exerciceFacture is < 2000 or > 2099)
        {
            return new("L'exercice facturé doit être compris entre 2000 et 2099.", "ExerciceFacture");
        }

        if (string.IsNullOrWhiteSpace(budget) || Limites.Refus(budget.Trim(), ParametresEmetteur.LongueurMaxCodeBudget, "Le budget") is not null)
        {
            return new($"Le code du budget est obligatoire ({ParametresEmetteur.LongueurMaxCodeBudget} caractères au plus).", "Budget");
        }

        campagne = new Campagne
        {
            ExerciceFacture = exerciceFacture,
            Exercice = exerciceFacture + 1,
            Budget = budget.Trim(),
            OuverteLe = quand.ToUniversalTime(),
            OuverteParId = auteur.UtilisateurId,
            OuverteParNom = Couper(auteur.Nom, 200),
        };
        campagne.Noter(quand, "Campagne ouverte", auteur, $"Exercice facturé {exerciceFacture}, titres de l'exercice {exerciceFacture + 1}, budget {campagne.Budget}.");
        return null;
    }

    /// <summary>The amount negotiated for a member's service, if any.</summary>
    public MontantNegocie? Negocie(int membreId, string codeService) =>
        _montantsNegocies.FirstOrDefault(m => m.MembreId == membreId && m.CodeService == codeService);

    /// <summary>
    /// Records (or replaces) the amount negotiated for a member's service where the rules refuse an automatic price;
    /// the justification is mandatory. It counts from the next dry run.
    /// </summary>
    public RefusTitre? NegocierMontant(int membreId, string codeService, decimal? montant, string? justification, Auteur auteur, DateTimeOffset quand)
    {
        ArgumentNullException.ThrowIfNull(auteur);
        if (string.IsNullOrWhiteSpace(codeService) || Limites.Refus(codeService.Trim(), ImputationService.LongueurMaxCode, "Le code du service") is not null)
        {
            return new("Le service dont le montant est négocié est inconnu.", "CodeService");
        }

        if (montant is null)
        {
            return new("Saisissez le montant négocié, en euros (par exemple 12 500,00).", "Montant");
        }

        if (montant < 0 || montant > 100_000_000m || decimal.Round(montant.Value, 2) != montant)
        {
            return new("Le montant négocié est un nombre d'euros positif, au centime près, d'au plus 100 000 000 €.", "Montant");
        }

        if (string.IsNullOrWhiteSpace(justification))
        {
            return new("La justification du montant négocié est obligatoire (délibération, examen approfondi, accord…).", "Justification");
        }

        if (Limites.Refus(justification.Trim(), LongueurMaxJustification, "La justification") is { } refus)
        {
            return new(refus, "Justification");
        }

        var code = codeService.Trim();
        var valeur = new Montant(montant.Value);
        var existant = Negocie(membreId, code);
        if (existant is null)
        {
            _montantsNegocies.Add(new MontantNegocie(membreId, code, valeur, justification.Trim(), auteur, quand));
        }
        else
        {
            existant.Remplacer(valeur, justification.Trim(), auteur, quand);
        }

        Noter(quand, "Montant négocié saisi", auteur, $"Membre n° {membreId}, service {code} : {valeur} ; justification : {justification.Trim()}");
        return null;
    }

    /// <summary>A dry run was queued as background job <paramref name="travailId"/>.</summary>
    public void NoterLancement(int travailId, Auteur auteur, DateTimeOffset quand)
    {
        TravailId = travailId;
        Noter(quand, "Calcul lancé", auteur, $"Traitement de fond n° {travailId}.");
    }

    /// <summary>Replaces the results of the previous computation by these ones.</summary>
    public void EnregistrerResultats(IEnumerable<ResultatCampagne> resultats, Auteur auteur, DateTimeOffset quand)
    {
        ArgumentNullException.ThrowIfNull(resultats);
        _resultats.Clear();
        _resultats.AddRange(resultats);
        CalculeLe = quand.ToUniversalTime();
        var prets = _resultats.Where(r => r.Statut == StatutResultat.Pret).ToList();
        Noter(quand, "Calcul terminé", auteur,
            $"{_resultats.Count} membre(s) : {prets.Count} titre(s) prêt(s) pour {prets.Aggregate(Montant.Zero, (s, r) => s + r.Total)}, "
            + $"{_resultats.Count(r => r.Statut == StatutResultat.EnAttenteNegociation)} en attente d'un montant négocié, "
            + $"{_resultats.Count(r => r.Statut == StatutResultat.SousLeSeuil)} sous le seuil, {_resultats.Count(r => r.Statut == StatutResultat.Exclu)} exclu(s), "
            + $"{_resultats.Count(r => r.Statut == StatutResultat.DejaFacture)} déjà facturé(s).");
    }

    /// <summary>The campaign's drafts were issued in bordereau <paramref name="bordereauNumero"/>.</summary>
    public void NoterEmission(int bordereauNumero, int nombre, Montant total, Auteur auteur, DateTimeOffset quand)
    {
        foreach (var r in _resultats.Where(r => r.Statut == ResultatCampagne.StatutAvantEmission))
        {
            r.MarquerEmis();
        }

        _evenements.Add(EvenementEmission(Exercice, bordereauNumero, nombre, total, auteur, quand));
    }

    /// <summary>The « Titres émis » event of a campaign of <paramref name="exercice"/> (written alone when its results are marked in bulk).</summary>
    public static EvenementCampagne EvenementEmission(int exercice, int bordereauNumero, int nombre, Montant total, Auteur auteur, DateTimeOffset quand) =>
        new(quand, "Titres émis", auteur, $"{nombre} titre(s) pour {total}, bordereau n° {bordereauNumero} de l'exercice {exercice}.");

    public void Noter(DateTimeOffset quand, string libelle, Auteur auteur, string? detail) =>
        _evenements.Add(new EvenementCampagne(quand, libelle, auteur, detail));

    internal static string Couper(string texte, int max) => texte.Length > max ? texte[..max] : texte;
}

/// <summary>An amount negotiated for one member's service, with its justification, author and date.</summary>
public sealed class MontantNegocie
{
    public int Id { get; private set; }

    public int MembreId { get; private set; }

    public string CodeService { get; private set; } = string.Empty;

    public Montant Montant { get; private set; }

    public string Justification { get; private set; } = string.Empty;

    public string? SaisiParId { get; private set; }

    public string SaisiParNom { get; private set; } = string.Empty;

    public DateTimeOffset SaisiLe { get; private set; }

    private MontantNegocie()
    {
    }

    internal MontantNegocie(int membreId, string codeService, Montant montant, string justification, Auteur auteur, DateTimeOffset quand)
    {
        MembreId = membreId;
        CodeService = codeService;
        Remplacer(montant, justification, auteur, quand);
    }

    internal void Remplacer(Montant montant, string justification, Auteur auteur, DateTimeOffset quand)
    {
        Montant = montant;
        Justification = justification;
        SaisiParId = auteur.UtilisateurId;
        SaisiParNom = Campagne.Couper(auteur.Nom, 200);
        SaisiLe = quand.ToUniversalTime();
    }
}

/// <summary>
/// One member's result of the last computation: its status (and why), the warnings to review, the total, last year's
/// total (its issued titres of the previous exercice facturé net of their reductions) and its draft or issued titre.
/// </summary>
public sealed class ResultatCampagne
{
    public int Id { get; private set; }

    public int MembreId { get; private set; }

    public string MembreNom { get; private set; } = string.Empty;

    public int? Population { get; private set; }

    public StatutResultat Statut { get; private set; }

    /// <summary>Why the member is excluded, waiting or already billed.</summary>
    public string? Motif { get; private set; }

    /// <summary>The service whose automatic price the rules refused (the negotiated amount's form names it).</summary>
    public string? ServiceRefuse { get; private set; }

    /// <summary>The warnings, one per line.</summary>
    public string? Avertissements { get; private set; }

    public Montant Total { get; private set; }

    public Montant? TotalPrecedent { get; private set; }

    public int? TitreId { get; private set; }

    private ResultatCampagne()
    {
    }

    public ResultatCampagne(int membreId, string membreNom, int? population, StatutResultat statut, string? motif, string? serviceRefuse,
        IReadOnlyCollection<string> avertissements, Montant total, Montant? totalPrecedent, int? titreId)
    {
        ArgumentNullException.ThrowIfNull(avertissements);
        MembreId = membreId;
        MembreNom = Campagne.Couper(membreNom, 200);
        Population = population;
        Statut = statut;
        Motif = motif is null ? null : Campagne.Couper(motif, Campagne.LongueurMaxMotif);
        ServiceRefuse = serviceRefuse;
        Avertissements = avertissements.Count == 0 ? null : Campagne.Couper(string.Join("\n", avertissements), Campagne.LongueurMaxAvertissements);
        Total = total;
        TotalPrecedent = totalPrecedent;
        TitreId = titreId;
    }

    public IReadOnlyList<string> ListeAvertissements => Avertissements?.Split('\n') ?? [];

    /// <summary>This year's total minus last year's (null when the member had no titre last year).</summary>
    public Montant? Ecart => TotalPrecedent is { } precedent ? new Montant(Total.Euros - precedent.Euros) : null;

    /// <summary>The same result pointing at its draft once the draft has its key.</summary>
    public ResultatCampagne AvecTitre(int titreId) =>
        new(MembreId, MembreNom, Population, Statut, Motif, ServiceRefuse, ListeAvertissements, Total, TotalPrecedent, titreId);

    /// <summary>The results an issue marks (<see cref="Campagne.NoterEmission"/>): those whose draft was ready…</summary>
    public const StatutResultat StatutAvantEmission = StatutResultat.Pret;

    /// <summary>…and what they become once their titre is issued: their status…</summary>
    public const StatutResultat StatutApresEmission = StatutResultat.DejaFacture;

    /// <summary>…and its reason.</summary>
    public const string MotifApresEmission = "Titre émis par la campagne.";

    internal void MarquerEmis()
    {
        Statut = StatutApresEmission;
        Motif = MotifApresEmission;
    }
}

/// <summary>One dated, attributed event of a campaign (opened, negotiated amount, computation, issue).</summary>
public sealed class EvenementCampagne
{
    public int Id { get; private set; }

    public DateTimeOffset Horodatage { get; private set; }

    public string Libelle { get; private set; } = string.Empty;

    public string? UtilisateurId { get; private set; }

    public string UtilisateurNom { get; private set; } = string.Empty;

    public string? Detail { get; private set; }

    private EvenementCampagne()
    {
    }

    internal EvenementCampagne(DateTimeOffset quand, string libelle, Auteur auteur, string? detail)
    {
        Horodatage = quand.ToUniversalTime();
        Libelle = libelle;
        UtilisateurId = auteur.UtilisateurId;
        UtilisateurNom = Campagne.Couper(auteur.Nom, 200);
        Detail = detail is null ? null : Campagne.Couper(detail, 1000);
    }
}
