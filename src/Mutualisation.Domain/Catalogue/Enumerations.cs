namespace Mutualisation.Domain.Catalogue;

/// <summary>Which INSEE population a catalogue version prices on (totale by default).</summary>
public enum ReferencePopulation
{
    Totale,
    Municipale,
}

/// <summary>How a tariff component computes its annual (or one-off) amount.</summary>
public enum NatureComposante
{
    /// <summary>A fixed amount.</summary>
    Forfait,

    /// <summary>Bracket lookup: the whole quantity at its bracket's amount and/or rate.</summary>
    ParTranche,

    /// <summary>Graduated: each slice of the quantity at its own bracket's rate (and fixed amount).</summary>
    Progressif,

    /// <summary>Rate × a declared quantity (inhabitants, workstations, agents, licences, half-days…).</summary>
    ParUnite,

    /// <summary>Rate × the quantity consumed beyond an allowance looked up by bracket (Redon N1 days).</summary>
    AuDelaDeFranchise,

    /// <summary>Rate per unit per year, billed month by month on dated allocations (CCCF storage in GB).</summary>
    AllocationMensuelle,
}

public enum Frequence
{
    Annuelle,

    /// <summary>Billed once, in the exercice of its triggering event (delivery, or the subscription's start).</summary>
    Ponctuelle,
}

public enum Prorata
{
    Aucun,
    Douziemes,
}

public enum StatutVersion
{
    Brouillon,
    Votee,
}

public static class LibellesCatalogue
{
    public static string Libelle(this NatureComposante nature) => nature switch
    {
        NatureComposante.Forfait => "Forfait",
        NatureComposante.ParTranche => "Par tranche",
        NatureComposante.Progressif => "Barème progressif",
        NatureComposante.ParUnite => "À l'unité",
        NatureComposante.AuDelaDeFranchise => "Au-delà d'une franchise",
        NatureComposante.AllocationMensuelle => "Allocation mois par mois",
        _ => nature.ToString(),
    };

    public static string Libelle(this Frequence frequence) => frequence == Frequence.Annuelle ? "Annuelle" : "Ponctuelle";

    public static string Libelle(this Prorata prorata) => prorata == Prorata.Aucun ? "Aucun" : "Par douzièmes";

    public static string Libelle(this ReferencePopulation population) => population == ReferencePopulation.Totale ? "Population totale" : "Population municipale";
}
