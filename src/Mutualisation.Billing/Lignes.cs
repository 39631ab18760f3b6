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
}

public sealed record LignePrix(string Libelle, BasesDeLiquidation Bases, decimal Montant);

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

/// <summary>Either a contribution, or the rules' refusal to price these facts (a negotiated amount is needed).</summary>
public sealed record ResultatTarification(Contribution? Contribution, TarificationImpossibleException? Refus);
