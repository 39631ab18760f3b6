using Mutualisation.Domain.Commun;

namespace Mutualisation.Domain.Catalogue;

/// <summary>One tariff component of a catalogue line, as data (see the billing engine for what each nature computes).</summary>
public sealed class ComposanteTarif
{
    private readonly List<TrancheTarif> _tranches = [];

    private ComposanteTarif()
    {
    }

    public ComposanteTarif(string libelle, NatureComposante nature, IEnumerable<TrancheTarif>? tranches = null)
    {
        Libelle = libelle.Trim();
        Nature = nature;
        var ordre = 1;
        foreach (var tranche in tranches ?? [])
        {
            tranche.Ordre = ordre++;
            _tranches.Add(tranche);
        }
    }

    public int Id { get; private set; }

    public int ServiceCatalogueId { get; private set; }

    public int Ordre { get; internal set; }

    public string Libelle { get; private set; } = string.Empty;

    public NatureComposante Nature { get; private set; }

    public Frequence Frequence { get; init; }

    public Prorata Prorata { get; init; }

    public string Quantite { get; init; } = "population";

    public string? QuantiteTranche { get; init; }

    public string Unite { get; init; } = "habitant";

    public decimal Taux { get; init; }

    public Montant Montant { get; init; }

    public Montant? MontantPremiereAnnee { get; init; }

    public Montant? Plancher { get; init; }

    public Montant? Plafond { get; init; }

    public IReadOnlyList<TrancheTarif> Tranches => _tranches.OrderBy(t => t.Ordre).ToList();

    internal ComposanteTarif Copier() => new(Libelle, Nature, Tranches.Select(t => t.Copier()))
    {
        Ordre = Ordre,
        Frequence = Frequence,
        Prorata = Prorata,
        Quantite = Quantite,
        QuantiteTranche = QuantiteTranche,
        Unite = Unite,
        Taux = Taux,
        Montant = Montant,
        MontantPremiereAnnee = MontantPremiereAnnee,
        Plancher = Plancher,
        Plafond = Plafond,
    };
}

/// <summary>One bracket of a component: [Minimum, MaximumExclu), a fixed amount and/or a rate.</summary>
public sealed class TrancheTarif
{
    private TrancheTarif()
    {
    }

    public TrancheTarif(string libelle, decimal minimum, decimal? maximumExclu, Montant montant, decimal taux = 0m, Montant? montantPremiereAnnee = null)
    {
        Libelle = libelle.Trim();
        Minimum = minimum;
        MaximumExclu = maximumExclu;
        Montant = montant;
        Taux = taux;
        MontantPremiereAnnee = montantPremiereAnnee;
    }

    public int Id { get; private set; }

    public int ComposanteTarifId { get; private set; }

    public int Ordre { get; internal set; }

    public string Libelle { get; private set; } = string.Empty;

    public decimal Minimum { get; private set; }

    public decimal? MaximumExclu { get; private set; }

    public Montant Montant { get; private set; }

    public Montant? MontantPremiereAnnee { get; private set; }

    public decimal Taux { get; private set; }

    internal TrancheTarif Copier() => new(Libelle, Minimum, MaximumExclu, Montant, Taux, MontantPremiereAnnee);
}
