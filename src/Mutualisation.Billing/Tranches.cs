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

    /// <summary>Bracket lookup on a list of brackets named after <paramref name="nom"/> (no allocation).</summary>
    public static Tranche Trouver(string nom, IReadOnlyList<Tranche> tranches, decimal quantite)
    {
        if (quantite < 0)
        {
            throw new TarificationImpossibleException($"La quantité « {nom} » ne peut pas être négative ({Fr.Nombre(quantite)}).", "quantite-negative");
        }

        Tranche? trouvee = null;
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

        return trouvee ?? throw new TarificationImpossibleException($"Aucune tranche de la grille « {nom} » ne couvre {Fr.Nombre(quantite)} : pas de tarif automatique, le montant doit être négocié et justifié.", TarificationImpossibleException.CodeHorsGrille);
    }

    /// <summary>
    /// Graduated: each slice of the quantity at its own bracket's rate, plus the fixed amount of every
    /// bracket reached ("500 € for the first 1 000 inhabitants, then 0,50 € each").
    /// </summary>
    public decimal Progressif(decimal quantite, bool premiereAnnee = false)
    {
        Trouver(quantite);
        return Tranches.Where(t => quantite >= t.Minimum)
            .Sum(t => t.MontantFixe(premiereAnnee) + ((Math.Min(quantite, t.MaximumExclu ?? decimal.MaxValue) - t.Minimum) * t.Taux));
    }
}
