namespace Mutualisation.Billing;

/// <summary>Staff funded by the contributions (Redon art. 7), to compare with what is actually billed.</summary>
public sealed record BilanEffectifs(int CommunesSocleComplet, decimal Etp, decimal Cout, decimal Contributions)
{
    /// <summary>Contributions minus the cost of the staff: negative when the contributions do not cover it.</summary>
    public decimal Ecart => Contributions - Cout;
}

/// <summary>1 ETP from the first member, 2 ETP from 10 to 20 communes on the socle complet, 3 above 20; 40 k€ per ETP a year.</summary>
public static class ModeleEffectifs
{
    public const decimal CoutAnnuelEtp = 40000m;

    public static GrilleTranches Convention { get; } = new("communes au socle complet",
    [
        new("aucune commune", 0, 1, Montant: 0m),
        new("de 1 à 9 communes", 1, 10, Montant: 1m),
        new("de 10 à 20 communes", 10, 21, Montant: 2m),
        new("plus de 20 communes", 21, null, Montant: 3m),
    ]);

    public static BilanEffectifs Bilan(int communesSocleComplet, decimal contributions, decimal coutAnnuelEtp = CoutAnnuelEtp)
    {
        var etp = Convention.Trouver(communesSocleComplet).Montant;
        return new BilanEffectifs(communesSocleComplet, etp, Arrondi.AuCentime(etp * coutAnnuelEtp), contributions);
    }
}
