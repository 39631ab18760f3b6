using Mutualisation.Domain.Commun;

namespace Mutualisation.Domain.Audits;

/// <summary>Why an action on an audit is refused: a French message, and the form field it concerns when there is one.</summary>
public sealed record RefusAudit(string Message, string? Champ = null);

/// <summary>
/// One finding of the audit: its axis, the recommendation theme it falls under, its severity, what was found and
/// what is recommended.
/// </summary>
public sealed class Constat
{
    public const int LongueurMaxTexte = 2000;

    public int Id { get; private set; }

    public AxeAudit Axe { get; private set; }

    public ThemeRecommandation Theme { get; private set; }

    public GraviteConstat Gravite { get; private set; }

    public string Texte { get; private set; } = string.Empty;

    public string Recommandation { get; private set; } = string.Empty;

    private Constat()
    {
    }

    internal Constat(AxeAudit axe, ThemeRecommandation theme, GraviteConstat gravite, string texte, string recommandation) =>
        Modifier(axe, theme, gravite, texte, recommandation);

    internal void Modifier(AxeAudit axe, ThemeRecommandation theme, GraviteConstat gravite, string texte, string recommandation) =>
        (Axe, Theme, Gravite, Texte, Recommandation) = (axe, theme, gravite, texte, recommandation);

    /// <summary>Why these values cannot be recorded (in French, with the field), or null.</summary>
    internal static RefusAudit? Refus(AxeAudit axe, ThemeRecommandation theme, GraviteConstat gravite, string? texte, string? recommandation) =>
        !Enum.IsDefined(axe) ? new("Choisissez l'axe du constat.", "Axe")
        : !Enum.IsDefined(theme) ? new("Choisissez le thème de la recommandation.", "Theme")
        : !Enum.IsDefined(gravite) ? new("Choisissez la gravité du constat.", "Gravite")
        : string.IsNullOrWhiteSpace(texte) ? new("Décrivez le constat.", "Texte")
        : Limites.Refus(texte.Trim(), LongueurMaxTexte, "Le constat") is { } t ? new(t, "Texte")
        : string.IsNullOrWhiteSpace(recommandation) ? new("Indiquez la recommandation qui répond au constat.", "Recommandation")
        : Limites.Refus(recommandation.Trim(), LongueurMaxTexte, "La recommandation") is { } r ? new(r, "Recommandation")
        : null;
}

/// <summary>One line of the inventories the audit updates (software, hardware, intangible asset, contract).</summary>
public sealed class ElementInventaire
{
    public const int LongueurMaxLibelle = 200;
    public const int LongueurMaxDetails = 500;

    public int Id { get; private set; }

    public NatureElementInventaire Nature { get; private set; }

    public string Libelle { get; private set; } = string.Empty;

    /// <summary>Version, supplier, end of contract… as the auditor writes them.</summary>
    public string? Details { get; private set; }

    /// <summary>Could be transferred to the EPCI (the report lists them).</summary>
    public bool TransferableEpci { get; private set; }

    private ElementInventaire()
    {
    }

    internal ElementInventaire(NatureElementInventaire nature, string libelle, string? details, bool transferable) =>
        Modifier(nature, libelle, details, transferable);

    internal void Modifier(NatureElementInventaire nature, string libelle, string? details, bool transferable) =>
        (Nature, Libelle, Details, TransferableEpci) = (nature, libelle, details, transferable);

    internal static RefusAudit? Refus(NatureElementInventaire nature, string? libelle, string? details) =>
        !Enum.IsDefined(nature) ? new("Choisissez la nature de l'élément (logiciel, matériel, actif immatériel ou contrat).", "Nature")
        : string.IsNullOrWhiteSpace(libelle) ? new("Le libellé de l'élément est obligatoire.", "Libelle")
        : Limites.Refus(libelle.Trim(), LongueurMaxLibelle, "Le libellé") is { } l ? new(l, "Libelle")
        : Limites.Refus(details?.Trim(), LongueurMaxDetails, "Le détail") is { } d ? new(d, "Details")
        : null;
}

/// <summary>
/// One line of an audit's history: a status transition or a recorded fact (finding, inventory line), dated (the act's
/// date), timestamped, attributed; never changed afterwards.
/// </summary>
public sealed class EvenementAudit
{
    public const int LongueurMaxLibelle = 200;
    public const int LongueurMaxDetail = 500;

    public int Id { get; private set; }

    public DateTimeOffset Horodatage { get; private set; }

    public DateOnly Date { get; private set; }

    public string Libelle { get; private set; } = string.Empty;

    public StatutAudit? StatutAvant { get; private set; }

    public StatutAudit StatutApres { get; private set; }

    public string? UtilisateurId { get; private set; }

    public string UtilisateurNom { get; private set; } = string.Empty;

    public string? Detail { get; private set; }

    private EvenementAudit()
    {
    }

    internal EvenementAudit(DateTimeOffset horodatage, DateOnly date, string libelle, StatutAudit? avant, StatutAudit apres, Conventions.Auteur auteur, string? detail)
    {
        Horodatage = horodatage;
        Date = date;
        Libelle = libelle;
        StatutAvant = avant;
        StatutApres = apres;
        UtilisateurId = auteur.UtilisateurId;
        UtilisateurNom = auteur.Nom.Length > 200 ? auteur.Nom[..200] : auteur.Nom;
        Detail = detail is { Length: > LongueurMaxDetail } ? string.Concat(detail.AsSpan(0, LongueurMaxDetail - 1), "…") : detail;
    }

    public bool EstUnChangementDeStatut => StatutAvant != StatutApres;
}

/// <summary>
/// The delivered report, stored once: every download serves these bytes, and their SHA-256 proves it. Kept apart
/// from the audit so that lists never load it.
/// </summary>
public sealed class RapportAudit : IPerimetreMembre
{
    public int Id { get; private set; }

    public int AuditId { get; private set; }

    public int MembreId { get; private set; }

    public byte[] Contenu { get; private set; } = [];

    /// <summary>SHA-256 of <see cref="Contenu"/>, 64 lowercase hexadecimal digits.</summary>
    public string Sha256 { get; private set; } = string.Empty;

    public int Taille { get; private set; }

    public DateTimeOffset ProduitLe { get; private set; }

    private RapportAudit()
    {
    }

    internal RapportAudit(int membreId, byte[] contenu, DateTimeOffset produitLe)
    {
        MembreId = membreId;
        Contenu = contenu;
        Taille = contenu.Length;
        Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(contenu));
        ProduitLe = produitLe;
    }
}
