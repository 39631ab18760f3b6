using System.Text.Json.Serialization;

namespace Mutualisation.Billing;

/// <summary>What a debtor needs to check a line (bases de liquidation).</summary>
public sealed record BasesDeLiquidation
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Population { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Millesime { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Tranche { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public decimal? Taux { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public decimal? Quantite { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Unite { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? MoisProrata { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public decimal? Deduction { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? MotifDeduction { get; init; }

    /// <summary>A floor or cap applied to the component, said in words.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Ajustement { get; init; }

    /// <summary>Said when a first-year amount (of the component or of its bracket) applied instead of the usual one.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? PremiereAnnee { get; init; }

    /// <summary>Graduated scale: each slice of the quantity with its own fixed amount and rate.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<PartDeBareme>? Parts { get; init; }

    /// <summary>The calculation in words a debtor can redo: « 5 000,00 € + 27 500 habitants × 0,25 € ».</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Calcul { get; init; }

    /// <summary>Value equality, the slices compared one by one.</summary>
    public bool Equals(BasesDeLiquidation? other) =>
        other is not null
        && Population == other.Population && Millesime == other.Millesime && Tranche == other.Tranche && Taux == other.Taux
        && Quantite == other.Quantite && Unite == other.Unite && MoisProrata == other.MoisProrata && Deduction == other.Deduction
        && MotifDeduction == other.MotifDeduction && Ajustement == other.Ajustement && PremiereAnnee == other.PremiereAnnee
        && Calcul == other.Calcul && (ReferenceEquals(Parts, other.Parts) || (Parts is not null && other.Parts is not null && Parts.SequenceEqual(other.Parts)));

    public override int GetHashCode() => HashCode.Combine(Population, Tranche, Quantite, Unite, Ajustement, Calcul);
}

/// <summary>
/// One slice of a graduated scale: the part of the quantity in [Minimum, MaximumExclu), priced at its
/// bracket's fixed amount plus its rate (<see cref="Montant"/> before the line's rounding).
/// </summary>
public sealed record PartDeBareme(string Libelle, decimal Minimum, decimal? MaximumExclu, decimal Quantite, string Unite, decimal MontantFixe, decimal Taux, decimal Montant);

public sealed record LignePrix(string Libelle, BasesDeLiquidation Bases, decimal Montant)
{
    /// <summary>The catalogue service the line prices (set by <see cref="Tarification.Evaluer"/>; a titre's line keeps it for its imputation).</summary>
    [JsonIgnore]
    public string? CodeService { get; init; }
}

/// <summary>Priced lines and their total: the sum of the rounded lines.</summary>
public sealed record Contribution
{
    public Contribution(IReadOnlyList<LignePrix> lignes)
    {
        Lignes = lignes;
        for (var i = 0; i < lignes.Count; i++)
        {
            Total += lignes[i].Montant;
        }
    }

    public IReadOnlyList<LignePrix> Lignes { get; }

    public decimal Total { get; }
}

/// <summary>Either a contribution, or the rules' refusal to price these facts (a negotiated amount, or a quantity to declare).</summary>
public sealed record ResultatTarification(Contribution? Contribution, RefusTarification? Refus)
{
    public static ResultatTarification Refuse(RefusTarification refus) => new(null, refus);
}
