namespace Mutualisation.Billing;

/// <summary>The one place where euros are rounded: to the cent, half away from zero, per line.</summary>
public static class Arrondi
{
    public static decimal AuCentime(decimal montant) => Math.Round(montant, 2, MidpointRounding.AwayFromZero);
}
