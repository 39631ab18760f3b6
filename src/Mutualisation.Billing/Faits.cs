namespace Mutualisation.Billing;

/// <summary>A subscription to a catalogue service, from its start to its optional end (inclusive).</summary>
public sealed record Abonnement(string CodeService, DateOnly Debut, DateOnly? Fin = null);

/// <summary>The triggering event of a one-off service (the audit report delivered).</summary>
public sealed record Livraison(string CodeService, DateOnly Le);

/// <summary>A dated level of a quantity (GB allocated), in force from <see cref="Depuis"/> until the next one.</summary>
public sealed record Allocation(string Quantite, DateOnly Depuis, decimal Valeur);

/// <summary>A purchase the EPCI made on the member's behalf and paid (Redon 2.3.4), to be reimbursed without fee.</summary>
public sealed record AchatPourCompte(string Objet, string Fournisseur, string NumeroFacture, DateOnly PayeeLe, decimal Montant);

/// <summary>Everything known about one member for one exercice.</summary>
public sealed record FaitsMembre(int Population, int? Millesime)
{
    public IReadOnlyList<Abonnement> Abonnements { get; init; } = [];

    public IReadOnlyList<Livraison> Livraisons { get; init; } = [];

    /// <summary>Declared or consumed quantities for the exercice (postes, agents, demi-journees-n1…).</summary>
    public IReadOnlyDictionary<string, decimal> Quantites { get; init; } = new Dictionary<string, decimal>();

    public IReadOnlyList<Allocation> Allocations { get; init; } = [];

    public IReadOnlyList<AchatPourCompte> AchatsPourCompte { get; init; } = [];

    public bool ServiceInformatiquePropre { get; init; }

    /// <summary>
    /// Services whose amount was negotiated (with a justification) where the rules give no automatic price: the engine
    /// prices no line for them, and they still count as subscribed for the other services' exemptions.
    /// </summary>
    public IReadOnlySet<string> ServicesNegocies { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>
    /// The deliveries are the stored ones (a titre's facts), not unknown (a simulation): a service billed at its
    /// delivery (one another service deducts, the audit) is then due only in the year of a recorded delivery,
    /// never in its first year of subscription by default, so it is billed once and never before its report.
    /// </summary>
    public bool LivraisonsEnregistrees { get; init; }
}
