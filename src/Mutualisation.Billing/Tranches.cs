using System.Diagnostics.CodeAnalysis;

namespace Mutualisation.Billing;

/// <summary>
/// One bracket: quantities in [Minimum, MaximumExclu), with a fixed amount and/or a rate per unit,
/// and optionally a different fixed amount the first year of a subscription.
/// </summary>
public sealed record Tranche(string Libelle, decimal Minimum, decimal? MaximumExclu, decimal Montant = 0m, decimal Taux = 0m, decimal? MontantPremiereAnnee = null)
{
    public bool Contient(decimal quantite) => quantite >= Minimum && (MaximumExclu is null || quantite < MaximumExclu);

    public decimal MontantFixe(bool premiereAnnee) => premiereAnnee && MontantPremiereAnnee is { } premier ? premier : Montant;
}

/// <summary>A bracket table on a declared quantity (population, workstations, agents, GB…).</summary>
public sealed record GrilleTranches(string Quantite, IReadOnlyList<Tranche> Tranches)
{
    /// <summary>Bracket lookup: the whole quantity falls in one bracket.</summary>
    public Tranche Trouver(decimal quantite) => Trouver(Quantite, Tranches, quantite);

    /// <summary>
    /// Bracket lookup on a list of brackets named after <paramref name="nom"/> (no allocation). A
    /// quantity outside the grid throws; the engine uses <see cref="Chercher"/> and returns a refusal.
    /// </summary>
    public static Tranche Trouver(string nom, IReadOnlyList<Tranche> tranches, decimal quantite) =>
        Chercher(nom, tranches, quantite, out var tranche)
            ? tranche
            : throw new TarificationImpossibleException(
                $"Aucune tranche de la grille « {nom} » ne couvre {Fr.Nombre(quantite)} : pas de tarif automatique, le montant doit être négocié et justifié.",
                RefusTarification.CodeHorsGrille);

    /// <summary>
    /// The one bracket holding the quantity, or false when none does (a refusal of the rules, for
    /// the caller to word). A negative quantity or overlapping brackets are broken data and throw.
    /// </summary>
    internal static bool Chercher(string nom, IReadOnlyList<Tranche> tranches, decimal quantite, [NotNullWhen(true)] out Tranche? trouvee)
    {
        if (quantite < 0)
        {
            throw new TarificationImpossibleException($"La quantité « {nom} » ne peut pas être négative ({Fr.Nombre(quantite)}).", "quantite-negative");
        }

        trouvee = null;
        for (var i = 0; i < tranches.Count; i++)
        {
            var tranche = tranches[i];
            if (!tranche.Contient(quantite))
            {
                continue;
            }

            if (trouvee is not null)
            {
                throw new TarificationImpossibleException($"La grille « {nom} » a des tranches qui se chevauchent à {Fr.Nombre(quantite)}.", "grille-contradictoire");
            }

            trouvee = tranche;
        }

        return trouvee is not null;
    }

    /// <summary>
    /// Graduated: each slice of the quantity at its own bracket's rate, plus the fixed amount of every
    /// bracket reached ("500 € for the first 1 000 inhabitants, then 0,50 € each").
    /// </summary>
    public decimal Progressif(decimal quantite, bool premiereAnnee = false)
    {
        Trouver(quantite);
        return Decouper(Tranches, quantite, premiereAnnee, string.Empty, string.Empty).Sum(p => p.Montant);
    }

    /// <summary>The slices of a graduated scale reached by the quantity, in increasing order (the quantity must be covered).</summary>
    internal static List<PartDeBareme> Decouper(IReadOnlyList<Tranche> tranches, decimal quantite, bool premiereAnnee, string singulier, string pluriel)
    {
        var parts = new List<PartDeBareme>(tranches.Count);
        foreach (var t in tranches.Where(t => quantite >= t.Minimum).OrderBy(t => t.Minimum))
        {
            var dansLaTranche = Math.Min(quantite, t.MaximumExclu ?? decimal.MaxValue) - t.Minimum;
            var fixe = t.MontantFixe(premiereAnnee);
            parts.Add(new PartDeBareme(t.Libelle, t.Minimum, t.MaximumExclu, dansLaTranche, Unites.Accorder(dansLaTranche, singulier, pluriel), fixe, t.Taux, fixe + (dansLaTranche * t.Taux)));
        }

        return parts;
    }
}
