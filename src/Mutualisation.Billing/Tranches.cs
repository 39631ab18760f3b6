namespace Mutualisation.Billing;

/// <summary>One bracket: quantities in [Minimum, MaximumExclu), with a fixed amount and/or a rate per unit.</summary>
public sealed record Tranche(string Libelle, decimal Minimum, decimal? MaximumExclu, decimal Montant = 0m, decimal Taux = 0m)
{
    public bool Contient(decimal quantite) => quantite >= Minimum && (MaximumExclu is null || quantite < MaximumExclu);
}

/// <summary>A bracket table on a declared quantity (population, workstations, agents, GB…).</summary>
public sealed record GrilleTranches(string Quantite, IReadOnlyList<Tranche> Tranches)
{
    /// <summary>Bracket lookup: the whole quantity falls in one bracket.</summary>
    public Tranche Trouver(decimal quantite)
    {
        if (quantite < 0)
        {
            throw new TarificationImpossibleException($"La quantité « {Quantite} » ne peut pas être négative ({quantite}).", "quantite-negative");
        }

        var trouvees = Tranches.Where(t => t.Contient(quantite)).ToList();
        return trouvees.Count switch
        {
            1 => trouvees[0],
            0 => throw new TarificationImpossibleException($"Aucune tranche de la grille « {Quantite} » ne couvre {quantite}.", "hors-grille"),
            _ => throw new TarificationImpossibleException($"La grille « {Quantite} » a des tranches qui se chevauchent à {quantite}.", "grille-contradictoire"),
        };
    }

    /// <summary>Graduated: each slice of the quantity at its own bracket's rate (amounts rounded once, at the end).</summary>
    public decimal Progressif(decimal quantite)
    {
        Trouver(quantite);
        return Tranches.Where(t => quantite > t.Minimum)
            .Sum(t => (Math.Min(quantite, t.MaximumExclu ?? decimal.MaxValue) - t.Minimum) * t.Taux);
    }
}
