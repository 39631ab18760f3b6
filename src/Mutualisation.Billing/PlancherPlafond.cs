namespace Mutualisation.Billing;

/// <summary>A component's floor and cap, applied to its annual amount before any prorata, and said in the bases.</summary>
internal static class PlancherPlafond
{
    public static decimal Borner(Composante c, decimal montant, out string? ajustement)
    {
        ajustement = null;
        if (c.Plancher is { } plancher && montant < plancher)
        {
            ajustement = $"porté au plancher de {Fr.Euros(plancher)} (montant calculé : {Fr.Euros(Arrondi.AuCentime(montant))})";
            return plancher;
        }

        if (c.Plafond is { } plafond && montant > plafond)
        {
            ajustement = $"ramené au plafond de {Fr.Euros(plafond)} (montant calculé : {Fr.Euros(Arrondi.AuCentime(montant))})";
            return plafond;
        }

        return montant;
    }
}
