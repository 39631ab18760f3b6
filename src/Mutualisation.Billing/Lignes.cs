namespace Mutualisation.Billing;

/// <summary>What a debtor needs to check a line (bases de liquidation).</summary>
public sealed record BasesDeLiquidation
{
    public int? Population { get; init; }

    public int? Millesime { get; init; }

    public string? Tranche { get; init; }

    public decimal? Taux { get; init; }

    public decimal? Quantite { get; init; }

    public string? Unite { get; init; }

    public int? MoisProrata { get; init; }

    public decimal? Deduction { get; init; }

    public string? MotifDeduction { get; init; }

    /// <summary>A floor or cap applied to the component, said in words.</summary>
    public string? Ajustement { get; init; }
}

public sealed record LignePrix(string Libelle, BasesDeLiquidation Bases, decimal Montant);

/// <summary>Priced lines and their total: the sum of the rounded lines, never negative.</summary>
public sealed record Contribution(IReadOnlyList<LignePrix> Lignes)
{
    public decimal Total => Lignes.Sum(l => l.Montant);
}
