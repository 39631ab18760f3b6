using System.Globalization;
using Mutualisation.Domain.Commun;
using Mutualisation.Domain.Conventions;

namespace Mutualisation.Domain.Audits;

/// <summary>
/// The audit of one member's information system (Redon art. 4.1). It moves demandé → planifié → en cours → rapport
/// livré (or annulé before delivery) only through the methods below, each dated and attributed, each written in
/// <see cref="Evenements"/>; a refused action returns its reason in French and changes nothing. Findings and inventory
/// lines are edited while the audit is neither delivered nor cancelled. The delivery of its report is the fact billing
/// reads: it triggers the audit's titre and opens the 6-month deduction window.
/// </summary>
public sealed class Audit : IPerimetreMembre
{
    public const int LongueurMaxMotif = 500;

    /// <summary>Months after delivery during which the audit is deducted from the socle (domain.md, rule 2).</summary>
    public const int MoisDeDeduction = 6;

    private readonly List<EvenementAudit> _evenements = [];
    private readonly List<Constat> _constats = [];
    private readonly List<ElementInventaire> _inventaire = [];

    private Audit()
    {
    }

    /// <summary>A new audit, requested on the given date (recorded by the system).</summary>
    public Audit(int membreId, DateOnly demandeLe)
        : this(membreId, demandeLe, Auteur.Systeme, new DateTimeOffset(demandeLe.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero))
    {
    }

    private Audit(int membreId, DateOnly demandeLe, Auteur auteur, DateTimeOffset quand)
    {
        ArgumentNullException.ThrowIfNull(auteur);
        MembreId = membreId;
        DemandeLe = demandeLe;
        Statut = StatutAudit.Demande;
        _evenements.Add(new EvenementAudit(quand, demandeLe, "Audit demandé", null, StatutAudit.Demande, auteur, $"Demande du {Fr(demandeLe)}."));
    }

    public int Id { get; private set; }

    public int MembreId { get; private set; }

    public StatutAudit Statut { get; private set; }

    public DateOnly DemandeLe { get; private set; }

    /// <summary>The day planned for the audit, once it is planned.</summary>
    public DateOnly? PrevuLe { get; private set; }

    /// <summary>The day the audit started on site.</summary>
    public DateOnly? DebuteLe { get; private set; }

    /// <summary>The day the report was delivered to the member, once it is.</summary>
    public DateOnly? RapportLivreLe { get; private set; }

    public DateOnly? AnnuleLe { get; private set; }

    public string? MotifAnnulation { get; private set; }

    /// <summary>The delivered report (not loaded unless asked for).</summary>
    public RapportAudit? Rapport { get; private set; }

    public IReadOnlyCollection<EvenementAudit> Evenements => _evenements;

    public IReadOnlyCollection<Constat> Constats => _constats;

    public IReadOnlyCollection<ElementInventaire> Inventaire => _inventaire;

    /// <summary>Findings and inventory are edited until the report is delivered or the audit cancelled.</summary>
    public bool EstModifiable => Statut is StatutAudit.Demande or StatutAudit.Planifie or StatutAudit.EnCours;

    /// <summary>The last day of the deduction window the delivery opens (delivery + 6 months), once delivered.</summary>
    public DateOnly? FinDeduction => RapportLivreLe?.AddMonths(MoisDeDeduction);

    /// <summary>Records a request: the date may precede today (a letter received), never follow it.</summary>
    public static RefusAudit? Demander(int membreId, DateOnly demandeLe, Auteur auteur, DateTimeOffset quand, DateOnly aujourdHui, out Audit? audit)
    {
        audit = null;
        if (demandeLe > aujourdHui)
        {
            return new("La date de la demande ne peut pas être dans le futur.", "DemandeLe");
        }

        audit = new Audit(membreId, demandeLe, auteur, quand);
        return null;
    }

    /// <summary>Demandé → planifié (or a planned audit moved to another day): the planned day, not before the request.</summary>
    public RefusAudit? Planifier(DateOnly prevuLe, Auteur auteur, DateTimeOffset quand, DateOnly aujourdHui)
    {
        if (Statut is not (StatutAudit.Demande or StatutAudit.Planifie))
        {
            return new($"Seul un audit demandé ou planifié se planifie (l'audit est {Statut.Libelle().ToLowerInvariant()}).");
        }

        if (prevuLe < DemandeLe)
        {
            return new($"L'audit ne peut pas être prévu avant sa demande du {Fr(DemandeLe)}.", "PrevuLe");
        }

        var ancien = PrevuLe;
        PrevuLe = prevuLe;
        if (Statut == StatutAudit.Planifie)
        {
            Noter(aujourdHui, "Audit replanifié", auteur, quand, $"Prévu le {Fr(prevuLe)} au lieu du {Fr(ancien!.Value)}.");
        }
        else
        {
            Changer(StatutAudit.Planifie, aujourdHui, "Audit planifié", auteur, quand, $"Prévu le {Fr(prevuLe)}.");
        }

        return null;
    }

    /// <summary>Planifié → en cours: the day the audit started, between the request and today.</summary>
    public RefusAudit? Demarrer(DateOnly debuteLe, Auteur auteur, DateTimeOffset quand, DateOnly aujourdHui)
    {
        if (Statut != StatutAudit.Planifie)
        {
            return new($"Seul un audit planifié démarre (l'audit est {Statut.Libelle().ToLowerInvariant()}).");
        }

        if (debuteLe < DemandeLe)
        {
            return new($"L'audit ne peut pas démarrer avant sa demande du {Fr(DemandeLe)}.", "DebuteLe");
        }

        if (debuteLe > aujourdHui)
        {
            return new("La date de début ne peut pas être dans le futur.", "DebuteLe");
        }

        DebuteLe = debuteLe;
        Changer(StatutAudit.EnCours, debuteLe, "Audit démarré", auteur, quand, $"Débuté le {Fr(debuteLe)}.");
        return null;
    }

    /// <summary>Why the report could not be delivered on <paramref name="livreLe"/>, or null (checked before the PDF is produced).</summary>
    public RefusAudit? RefusLivraison(DateOnly livreLe, DateOnly aujourdHui) =>
        Statut != StatutAudit.EnCours ? new($"Seul le rapport d'un audit en cours se livre (l'audit est {Statut.Libelle().ToLowerInvariant()}).")
        : _constats.Count == 0 ? new("Le rapport ne se livre pas sans constat : enregistrez au moins un constat.")
        : livreLe < DemandeLe ? new($"Le rapport ne peut pas être livré avant la demande du {Fr(DemandeLe)}.", "RapportLivreLe")
        : DebuteLe is { } debut && livreLe < debut ? new($"Le rapport ne peut pas être livré avant le début de l'audit ({Fr(debut)}).", "RapportLivreLe")
        : livreLe > aujourdHui ? new("La date de livraison ne peut pas être dans le futur.", "RapportLivreLe")
        : null;

    /// <summary>
    /// En cours → rapport livré: records the delivery date (which opens the deduction window) and stores the report's
    /// PDF once, with its SHA-256.
    /// </summary>
    public RefusAudit? LivrerRapport(DateOnly livreLe, byte[] pdf, Auteur auteur, DateTimeOffset quand, DateOnly aujourdHui)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        if (RefusLivraison(livreLe, aujourdHui) is { } refus)
        {
            return refus;
        }

        if (pdf.Length == 0)
        {
            return new("Le rapport produit est vide : il n'a pas été livré.");
        }

        RapportLivreLe = livreLe;
        Rapport = new RapportAudit(MembreId, pdf, quand);
        Changer(StatutAudit.RapportLivre, livreLe, "Rapport livré", auteur, quand,
            $"Livré le {Fr(livreLe)} : {_constats.Count} constat(s), {_inventaire.Count} élément(s) d'inventaire ; déduction possible jusqu'au {Fr(FinDeduction!.Value)}. SHA-256 {Rapport.Sha256}.");
        return null;
    }

    /// <summary>Demandé, planifié or en cours → annulé, with its date and reason.</summary>
    public RefusAudit? Annuler(DateOnly annuleLe, string motif, Auteur auteur, DateTimeOffset quand, DateOnly aujourdHui)
    {
        if (!EstModifiable)
        {
            return new($"Un audit {Statut.Libelle().ToLowerInvariant()} ne s'annule plus : seul un audit pas encore livré s'annule.");
        }

        if (string.IsNullOrWhiteSpace(motif))
        {
            return new("Le motif de l'annulation est obligatoire.", "Motif");
        }

        if (Limites.Refus(motif.Trim(), LongueurMaxMotif, "Le motif") is { } refusMotif)
        {
            return new(refusMotif, "Motif");
        }

        if (annuleLe < DemandeLe)
        {
            return new($"L'annulation ne peut pas précéder la demande du {Fr(DemandeLe)}.", "AnnuleLe");
        }

        if (annuleLe > aujourdHui)
        {
            return new("La date d'annulation ne peut pas être dans le futur.", "AnnuleLe");
        }

        AnnuleLe = annuleLe;
        MotifAnnulation = motif.Trim();
        Changer(StatutAudit.Annule, annuleLe, "Audit annulé", auteur, quand, MotifAnnulation);
        return null;
    }

    public RefusAudit? AjouterConstat(AxeAudit axe, ThemeRecommandation theme, GraviteConstat gravite, string? texte, string? recommandation,
        Auteur auteur, DateTimeOffset quand, DateOnly aujourdHui)
    {
        if ((RefusModification() ?? Constat.Refus(axe, theme, gravite, texte, recommandation)) is { } refus)
        {
            return refus;
        }

        _constats.Add(new Constat(axe, theme, gravite, texte!.Trim(), recommandation!.Trim()));
        Noter(aujourdHui, "Constat ajouté", auteur, quand, $"{axe.Libelle()} — {gravite.Libelle()} : {Extrait(texte)}");
        return null;
    }

    public RefusAudit? ModifierConstat(int constatId, AxeAudit axe, ThemeRecommandation theme, GraviteConstat gravite, string? texte, string? recommandation,
        Auteur auteur, DateTimeOffset quand, DateOnly aujourdHui)
    {
        var constat = _constats.FirstOrDefault(c => c.Id == constatId);
        if (constat is null)
        {
            return new("Ce constat n'existe pas dans cet audit.");
        }

        if ((RefusModification() ?? Constat.Refus(axe, theme, gravite, texte, recommandation)) is { } refus)
        {
            return refus;
        }

        constat.Modifier(axe, theme, gravite, texte!.Trim(), recommandation!.Trim());
        Noter(aujourdHui, "Constat modifié", auteur, quand, $"{axe.Libelle()} — {gravite.Libelle()} : {Extrait(texte)}");
        return null;
    }

    public RefusAudit? SupprimerConstat(int constatId, Auteur auteur, DateTimeOffset quand, DateOnly aujourdHui)
    {
        var constat = _constats.FirstOrDefault(c => c.Id == constatId);
        if (constat is null)
        {
            return new("Ce constat n'existe pas dans cet audit.");
        }

        if (RefusModification() is { } refus)
        {
            return refus;
        }

        _constats.Remove(constat);
        Noter(aujourdHui, "Constat supprimé", auteur, quand, Extrait(constat.Texte));
        return null;
    }

    public RefusAudit? AjouterElement(NatureElementInventaire nature, string? libelle, string? details, bool transferable,
        Auteur auteur, DateTimeOffset quand, DateOnly aujourdHui)
    {
        if ((RefusModification() ?? ElementInventaire.Refus(nature, libelle, details)) is { } refus)
        {
            return refus;
        }

        _inventaire.Add(new ElementInventaire(nature, libelle!.Trim(), Propre(details), transferable));
        Noter(aujourdHui, "Élément d'inventaire ajouté", auteur, quand, $"{nature.Libelle()} : {libelle.Trim()}{(transferable ? " (transférable à l'EPCI)" : string.Empty)}");
        return null;
    }

    public RefusAudit? ModifierElement(int elementId, NatureElementInventaire nature, string? libelle, string? details, bool transferable,
        Auteur auteur, DateTimeOffset quand, DateOnly aujourdHui)
    {
        var element = _inventaire.FirstOrDefault(e => e.Id == elementId);
        if (element is null)
        {
            return new("Cet élément n'existe pas dans l'inventaire de cet audit.");
        }

        if ((RefusModification() ?? ElementInventaire.Refus(nature, libelle, details)) is { } refus)
        {
            return refus;
        }

        element.Modifier(nature, libelle!.Trim(), Propre(details), transferable);
        Noter(aujourdHui, "Élément d'inventaire modifié", auteur, quand, $"{nature.Libelle()} : {libelle.Trim()}{(transferable ? " (transférable à l'EPCI)" : string.Empty)}");
        return null;
    }

    public RefusAudit? SupprimerElement(int elementId, Auteur auteur, DateTimeOffset quand, DateOnly aujourdHui)
    {
        var element = _inventaire.FirstOrDefault(e => e.Id == elementId);
        if (element is null)
        {
            return new("Cet élément n'existe pas dans l'inventaire de cet audit.");
        }

        if (RefusModification() is { } refus)
        {
            return refus;
        }

        _inventaire.Remove(element);
        Noter(aujourdHui, "Élément d'inventaire supprimé", auteur, quand, $"{element.Nature.Libelle()} : {element.Libelle}");
        return null;
    }

    private RefusAudit? RefusModification() =>
        EstModifiable ? null : new($"L'audit est {Statut.Libelle().ToLowerInvariant()} : ses constats et son inventaire ne se modifient plus.");

    private static string? Propre(string? texte) => string.IsNullOrWhiteSpace(texte) ? null : texte.Trim();

    private static string Extrait(string texte)
    {
        var t = texte.Trim();
        return t.Length <= 120 ? t : string.Concat(t.AsSpan(0, 119), "…");
    }

    private void Changer(StatutAudit vers, DateOnly date, string libelle, Auteur auteur, DateTimeOffset quand, string detail)
    {
        ArgumentNullException.ThrowIfNull(auteur);
        _evenements.Add(new EvenementAudit(quand, date, libelle, Statut, vers, auteur, detail));
        Statut = vers;
    }

    private void Noter(DateOnly date, string libelle, Auteur auteur, DateTimeOffset quand, string detail)
    {
        ArgumentNullException.ThrowIfNull(auteur);
        _evenements.Add(new EvenementAudit(quand, date, libelle, Statut, Statut, auteur, detail));
    }

    private static string Fr(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
