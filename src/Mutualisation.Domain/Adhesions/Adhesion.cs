using System.Globalization;
using Mutualisation.Domain.Commun;
using Mutualisation.Domain.Conventions;

namespace Mutualisation.Domain.Adhesions;

/// <summary>
/// What one member subscribes to, with its history: the Art. 8 choices of a formule (Redon: socle complet, socle
/// annexe…), each with its date d'effet and deciding act, a change ending the previous choice the day before; and the
/// subscriptions to catalogue services (CCCF), each from the 1st of a month, with its dated quantities (GB allocated,
/// workstations…). Nothing is ever deleted: the history is the rows themselves. Every change goes through a method
/// that returns a French <see cref="RefusAdhesion"/> and changes nothing when the rules refuse it.
/// </summary>
public sealed class Adhesion : IPerimetreMembre
{
    private readonly List<ChoixFormule> _choix = [];
    private readonly List<SouscriptionService> _souscriptions = [];

    private Adhesion()
    {
    }

    public Adhesion(int membreId)
    {
        MembreId = membreId;
    }

    public int Id { get; private set; }

    public int MembreId { get; private set; }

    /// <summary>Every Art. 8 choice, the earliest first.</summary>
    public IReadOnlyCollection<ChoixFormule> Choix => _choix;

    public IReadOnlyCollection<SouscriptionService> Souscriptions => _souscriptions;

    /// <summary>The formule chosen on a date, if any.</summary>
    public ChoixFormule? ChoixLe(DateOnly date) => _choix.Where(c => c.CouvreLe(date)).MaxBy(c => c.DateEffet);

    /// <summary>The subscriptions running on a date.</summary>
    public IReadOnlyList<SouscriptionService> SouscriptionsLe(DateOnly date) => _souscriptions.Where(s => s.CouvreLe(date)).OrderBy(s => s.CodeService, StringComparer.Ordinal).ToList();

    /// <summary>The latest choice recorded (the one a change replaces).</summary>
    public ChoixFormule? DernierChoix => _choix.MaxBy(c => c.DateEffet);

    /// <summary>
    /// Records an Art. 8 choice. The first needs a délibération; a change (a later date d'effet, another formule) ends
    /// the previous choice the day before. A formule that needs a prior audit (socle complet) is refused until the
    /// member's audit report is delivered, on or before the date d'effet.
    /// </summary>
    public RefusAdhesion? ChoisirFormule(string codeFormule, string libelleFormule, bool exigeAuditPrealable, DateOnly dateEffet, ActeAdhesion acte,
        CadreAdhesion cadre, Auteur auteur, DateTimeOffset quand)
    {
        ArgumentNullException.ThrowIfNull(acte);
        ArgumentNullException.ThrowIfNull(cadre);
        ArgumentNullException.ThrowIfNull(auteur);
        if (string.IsNullOrWhiteSpace(codeFormule))
        {
            return new("Choisissez une formule du catalogue.", "CodeFormule");
        }

        if (acte.Refus(cadre.AujourdHui) is { } refusActe)
        {
            return refusActe;
        }

        if (RefusConvention(dateEffet, cadre, "DateEffet") is { } refusConvention)
        {
            return refusConvention;
        }

        var dernier = DernierChoix;
        if (dernier is null && acte.Nature != NatureActe.Deliberation)
        {
            return new("La première adhésion se décide par une délibération du conseil municipal (une décision suffit pour un changement).", "ActeNature");
        }

        if (dernier is not null)
        {
            if (dateEffet <= dernier.DateEffet)
            {
                return new($"Un changement prend effet après le choix en cours (« {dernier.LibelleFormule} » depuis le {Fr(dernier.DateEffet)}).", "DateEffet");
            }

            if (dernier.CodeFormule == codeFormule.Trim() && dernier.DateFin is null)
            {
                return new($"Le membre a déjà choisi « {dernier.LibelleFormule} » depuis le {Fr(dernier.DateEffet)}.", "CodeFormule");
            }
        }

        if (exigeAuditPrealable)
        {
            if (cadre.AuditLivreLe is not { } livre)
            {
                return new($"« {libelleFormule} » demande un audit préalable : aucun rapport d'audit n'est livré pour ce membre. Enregistrez d'abord la livraison de l'audit.", "CodeFormule");
            }

            if (livre > dateEffet)
            {
                return new($"« {libelleFormule} » demande un audit préalable : le rapport livré le {Fr(livre)} est postérieur à la date d'effet du {Fr(dateEffet)}.", "DateEffet");
            }
        }

        if (dernier is not null && (dernier.DateFin is null || dernier.DateFin >= dateEffet))
        {
            dernier.Terminer(dateEffet.AddDays(-1));
        }

        _choix.Add(new ChoixFormule(codeFormule.Trim(), libelleFormule.Trim(), dateEffet, acte, auteur, quand));
        return null;
    }

    /// <summary>
    /// Subscribes to a catalogue service from the 1st of a month (CCCF art. 5), until an optional end, with its
    /// quantity when the service is priced on one (GB allocated, workstations…).
    /// </summary>
    public RefusAdhesion? Souscrire(string codeService, string libelleService, DateOnly debut, DateOnly? fin, ActeAdhesion acte, QuantiteInitiale? quantite,
        CadreAdhesion cadre, Auteur auteur, DateTimeOffset quand)
    {
        ArgumentNullException.ThrowIfNull(acte);
        ArgumentNullException.ThrowIfNull(cadre);
        ArgumentNullException.ThrowIfNull(auteur);
        if (string.IsNullOrWhiteSpace(codeService))
        {
            return new("Choisissez un service du catalogue.", "CodeService");
        }

        if (debut.Day != 1)
        {
            var exemple = debut.Year < DateOnly.MaxValue.Year ? $" : par exemple le {Fr(new DateOnly(debut.Year, debut.Month, 1).AddMonths(1))}" : string.Empty;
            return new($"Un service commence le 1er d'un mois (convention, art. 5){exemple}.", "Debut");
        }

        if (fin is { } f && f < debut)
        {
            return new($"La fin ({Fr(f)}) ne peut pas précéder le début ({Fr(debut)}).", "Fin");
        }

        if (acte.Refus(cadre.AujourdHui) is { } refusActe)
        {
            return refusActe;
        }

        if (RefusConvention(debut, cadre, "Debut") is { } refusConvention)
        {
            return refusConvention;
        }

        var code = codeService.Trim();
        if (_souscriptions.FirstOrDefault(s => s.CodeService == code && s.Debut <= (fin ?? DateOnly.MaxValue) && (s.Fin ?? DateOnly.MaxValue) >= debut) is { } existante)
        {
            return new($"Le membre est déjà abonné à « {existante.LibelleService} » sur cette période (depuis le {Fr(existante.Debut)}) : terminez d'abord cet abonnement.", "CodeService");
        }

        if (quantite is { Valeur: < 0 })
        {
            return new("La quantité ne peut pas être négative.", "Quantite");
        }

        var souscription = new SouscriptionService(code, libelleService.Trim(), debut, fin, acte, auteur, quand);
        if (quantite is not null)
        {
            souscription.AjouterQuantite(quantite.Code, debut, quantite.Valeur, auteur, quand);
        }

        _souscriptions.Add(souscription);
        return null;
    }

    /// <summary>A dated change of the subscription's quantity (GB allocated from a date…), within the subscription.</summary>
    public RefusAdhesion? ChangerQuantite(int souscriptionId, DateOnly depuis, decimal valeur, Auteur auteur, DateTimeOffset quand)
    {
        ArgumentNullException.ThrowIfNull(auteur);
        if (_souscriptions.FirstOrDefault(s => s.Id == souscriptionId) is not { } souscription)
        {
            return new("Abonnement inconnu.");
        }

        if (souscription.CodeQuantite is not { } code)
        {
            return new($"« {souscription.LibelleService} » n'est pas tarifé sur une quantité.", "Valeur");
        }

        if (valeur < 0)
        {
            return new("La quantité ne peut pas être négative.", "Valeur");
        }

        if (depuis < souscription.Debut || (souscription.Fin is { } fin && depuis > fin))
        {
            return new($"La date doit se situer pendant l'abonnement (du {Fr(souscription.Debut)}{(souscription.Fin is { } f ? $" au {Fr(f)}" : string.Empty)}).", "Depuis");
        }

        if (souscription.Quantites.Any(q => q.Depuis == depuis))
        {
            return new($"Une quantité est déjà enregistrée à partir du {Fr(depuis)}.", "Depuis");
        }

        souscription.AjouterQuantite(code, depuis, valeur, auteur, quand);
        return null;
    }

    /// <summary>Ends a subscription on a date (its last day), decided by an act; an end already recorded is only brought forward.</summary>
    public RefusAdhesion? Terminer(int souscriptionId, DateOnly fin, ActeAdhesion acte, DateOnly aujourdHui)
    {
        ArgumentNullException.ThrowIfNull(acte);
        if (_souscriptions.FirstOrDefault(s => s.Id == souscriptionId) is not { } souscription)
        {
            return new("Abonnement inconnu.");
        }

        if (fin < souscription.Debut)
        {
            return new($"La fin ne peut pas précéder le début de l'abonnement ({Fr(souscription.Debut)}).", "Fin");
        }

        if (souscription.Fin is { } actuelle && fin >= actuelle)
        {
            return new($"L'abonnement se termine déjà le {Fr(actuelle)}.", "Fin");
        }

        if (acte.Refus(aujourdHui) is { } refusActe)
        {
            return refusActe;
        }

        souscription.Terminer(fin, acte);
        return null;
    }

    private static RefusAdhesion? RefusConvention(DateOnly date, CadreAdhesion cadre, string champ)
    {
        if (cadre.ConventionEffet is not { } effet)
        {
            return new("Ce membre n'a pas de convention signée avec une date d'effet : enregistrez d'abord la convention.");
        }

        if (date < effet)
        {
            return new($"La date ne peut pas précéder la date d'effet de la convention ({Fr(effet)}).", champ);
        }

        return cadre.ConventionSortie is { } sortie && date >= sortie
            ? new($"La convention prend fin le {Fr(sortie)} (date de sortie) : aucune adhésion ne peut prendre effet à partir de cette date.", champ)
            : null;
    }

    internal static string Fr(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}

/// <summary>The quantity a subscription starts with: its code in the catalogue and its value.</summary>
public sealed record QuantiteInitiale(string Code, decimal Valeur);

/// <summary>One Art. 8 choice: a formule of the catalogue from its date d'effet, until the day before the next choice.</summary>
public sealed class ChoixFormule
{
    public const int LongueurMaxCode = 50;
    public const int LongueurMaxLibelle = 200;

    private ChoixFormule()
    {
    }

    internal ChoixFormule(string codeFormule, string libelleFormule, DateOnly dateEffet, ActeAdhesion acte, Auteur auteur, DateTimeOffset quand)
    {
        CodeFormule = codeFormule;
        LibelleFormule = libelleFormule.Length > LongueurMaxLibelle ? libelleFormule[..LongueurMaxLibelle] : libelleFormule;
        DateEffet = dateEffet;
        ActeNature = acte.Nature;
        ActeNumero = acte.Numero.Trim();
        ActeDate = acte.Date;
        EnregistreLe = quand;
        EnregistrePar = auteur.Nom.Length > 200 ? auteur.Nom[..200] : auteur.Nom;
    }

    public int Id { get; private set; }

    public string CodeFormule { get; private set; } = string.Empty;

    /// <summary>The formule's label as it was when chosen.</summary>
    public string LibelleFormule { get; private set; } = string.Empty;

    public DateOnly DateEffet { get; private set; }

    /// <summary>The last day of the choice, set when a later choice replaces it.</summary>
    public DateOnly? DateFin { get; private set; }

    public NatureActe ActeNature { get; private set; }

    public string ActeNumero { get; private set; } = string.Empty;

    public DateOnly ActeDate { get; private set; }

    public DateTimeOffset EnregistreLe { get; private set; }

    public string EnregistrePar { get; private set; } = string.Empty;

    public bool CouvreLe(DateOnly date) => date >= DateEffet && (DateFin is not { } fin || date <= fin);

    internal void Terminer(DateOnly fin) => DateFin = fin;
}

/// <summary>A subscription to one catalogue service (CCCF), from the 1st of a month, with its dated quantities.</summary>
public sealed class SouscriptionService
{
    public const int LongueurMaxCode = 50;
    public const int LongueurMaxLibelle = 200;

    private readonly List<QuantiteSouscrite> _quantites = [];

    private SouscriptionService()
    {
    }

    internal SouscriptionService(string codeService, string libelleService, DateOnly debut, DateOnly? fin, ActeAdhesion acte, Auteur auteur, DateTimeOffset quand)
    {
        CodeService = codeService;
        LibelleService = libelleService.Length > LongueurMaxLibelle ? libelleService[..LongueurMaxLibelle] : libelleService;
        Debut = debut;
        Fin = fin;
        ActeNature = acte.Nature;
        ActeNumero = acte.Numero.Trim();
        ActeDate = acte.Date;
        EnregistreLe = quand;
        EnregistrePar = auteur.Nom.Length > 200 ? auteur.Nom[..200] : auteur.Nom;
    }

    public int Id { get; private set; }

    public string CodeService { get; private set; } = string.Empty;

    public string LibelleService { get; private set; } = string.Empty;

    public DateOnly Debut { get; private set; }

    /// <summary>The last day of the subscription, when known.</summary>
    public DateOnly? Fin { get; private set; }

    public NatureActe ActeNature { get; private set; }

    public string ActeNumero { get; private set; } = string.Empty;

    public DateOnly ActeDate { get; private set; }

    /// <summary>The act that ended the subscription, when it was ended after being recorded.</summary>
    public string? ActeFinNumero { get; private set; }

    public DateOnly? ActeFinDate { get; private set; }

    public DateTimeOffset EnregistreLe { get; private set; }

    public string EnregistrePar { get; private set; } = string.Empty;

    /// <summary>Dated values of the subscription's quantity, each in force until the next.</summary>
    public IReadOnlyCollection<QuantiteSouscrite> Quantites => _quantites;

    /// <summary>The code of the quantity the subscription is priced on, if any.</summary>
    public string? CodeQuantite => _quantites.Count == 0 ? null : _quantites[0].Code;

    public bool CouvreLe(DateOnly date) => date >= Debut && (Fin is not { } fin || date <= fin);

    /// <summary>The quantity in force on a date.</summary>
    public decimal? QuantiteLe(DateOnly date) => _quantites.Where(q => q.Depuis <= date).MaxBy(q => q.Depuis)?.Valeur;

    internal void AjouterQuantite(string code, DateOnly depuis, decimal valeur, Auteur auteur, DateTimeOffset quand) =>
        _quantites.Add(new QuantiteSouscrite(code, depuis, valeur, auteur, quand));

    internal void Terminer(DateOnly fin, ActeAdhesion acte)
    {
        Fin = fin;
        ActeFinNumero = acte.Numero.Trim();
        ActeFinDate = acte.Date;
    }
}

/// <summary>A dated value of a subscription's quantity (GB allocated from a date…).</summary>
public sealed class QuantiteSouscrite
{
    private QuantiteSouscrite()
    {
    }

    internal QuantiteSouscrite(string code, DateOnly depuis, decimal valeur, Auteur auteur, DateTimeOffset quand)
    {
        Code = code;
        Depuis = depuis;
        Valeur = valeur;
        EnregistreLe = quand;
        EnregistrePar = auteur.Nom.Length > 200 ? auteur.Nom[..200] : auteur.Nom;
    }

    public int Id { get; private set; }

    public string Code { get; private set; } = string.Empty;

    public DateOnly Depuis { get; private set; }

    public decimal Valeur { get; private set; }

    public DateTimeOffset EnregistreLe { get; private set; }

    public string EnregistrePar { get; private set; } = string.Empty;
}
