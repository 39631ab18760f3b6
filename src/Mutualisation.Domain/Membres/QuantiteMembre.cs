using Mutualisation.Domain.Commun;

namespace Mutualisation.Domain.Membres;

/// <summary>
/// A dated value of a declared quantity for one member (a commune's workstations, a CCAS's agents),
/// in force from <see cref="Depuis"/> until the next value of the same code.
/// </summary>
public sealed class QuantiteMembre : IPerimetreMembre
{
    public const int LongueurMaxSource = 200;

    private QuantiteMembre()
    {
    }

    internal QuantiteMembre(string code, DateOnly depuis, decimal valeur, string? source)
    {
        Code = code;
        Depuis = depuis;
        Modifier(valeur, source);
    }

    public int Id { get; private set; }

    public int MembreId { get; private set; }

    /// <summary>The code of the quantity declared by the catalogue (postes, agents…).</summary>
    public string Code { get; private set; } = string.Empty;

    public DateOnly Depuis { get; private set; }

    public decimal Valeur { get; private set; }

    /// <summary>Where the figure comes from (a declaration by the commune, an inventory…).</summary>
    public string? Source { get; private set; }

    internal void Modifier(decimal valeur, string? source)
    {
        Valeur = valeur;
        Source = string.IsNullOrWhiteSpace(source) ? null : source.Trim();
    }
}
