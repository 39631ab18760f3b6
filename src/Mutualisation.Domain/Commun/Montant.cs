using System.Globalization;

namespace Mutualisation.Domain.Commun;

/// <summary>
/// An amount in euros, exact to the cent. Stored as integer cents so that the database sums it
/// exactly on every provider; refuses anything finer than a cent (rounding happens in the billing
/// engine, in one place, before an amount becomes a <see cref="Montant"/>).
/// </summary>
public readonly record struct Montant
{
    private static readonly CultureInfo Fr = CultureInfo.GetCultureInfo("fr-FR");

    public Montant(decimal euros)
    {
        if (decimal.Round(euros, 2) != euros)
        {
            throw new ArgumentException($"Un montant s'exprime au centime près ({euros.ToString(CultureInfo.InvariantCulture)}).", nameof(euros));
        }

        Euros = euros;
    }

    public decimal Euros { get; }

    public long Centimes => decimal.ToInt64(Euros * 100m);

    public static Montant Zero => default;

    public static Montant DepuisCentimes(long centimes) => new(centimes / 100m);

    public static Montant operator +(Montant a, Montant b) => new(a.Euros + b.Euros);

    public override string ToString() => Euros.ToString("#,##0.00 '€'", Fr);
}
