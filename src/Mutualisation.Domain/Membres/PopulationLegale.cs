using Mutualisation.Domain.Commun;

namespace Mutualisation.Domain.Membres;

/// <summary>INSEE's legal population of a member for one millésime (totale and municipale).</summary>
public sealed class PopulationLegale : IPerimetreMembre
{
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
