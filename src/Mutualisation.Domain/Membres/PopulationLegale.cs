using Mutualisation.Domain.Commun;

namespace Mutualisation.Domain.Membres;

/// <summary>INSEE's legal population of a member for one millésime (totale and municipale).</summary>
public sealed class PopulationLegale : IPerimetreMembre
{
    /// <summary>The population légale in force on 1 January of an exercice N is INSEE's millésime N − 3 (or the latest before it).</summary>
    public static int MillesimeEnVigueur(int exercice) => exercice - 3;

    /// <summary>Totale or municipale, as the catalogue version says.</summary>
    public static int Selon(Catalogue.ReferencePopulation reference, int totale, int municipale) =>
        reference == Catalogue.ReferencePopulation.Municipale ? municipale : totale;

    public int Id { get; private set; }

    public int MembreId { get; private set; }

    public int Millesime { get; private set; }

    public int Totale { get; private set; }

    public int Municipale { get; private set; }

    public string Source { get; private set; } = string.Empty;

    private PopulationLegale()
    {
    }

    internal PopulationLegale(int millesime, int totale, int municipale, string source)
    {
        if (millesime is < 1800 or > 2200)
        {
            throw new ArgumentOutOfRangeException(nameof(millesime), millesime, "Millésime hors bornes.");
        }

        if (totale < 0 || municipale < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(totale), "Une population ne peut pas être négative.");
        }

        Millesime = millesime;
        Totale = totale;
        Municipale = municipale;
        Source = source;
    }

    internal void Corriger(int totale, int municipale, string source)
    {
        Totale = totale;
        Municipale = municipale;
        Source = source;
    }
}
