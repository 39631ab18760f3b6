using Mutualisation.Domain.Catalogue;

namespace Mutualisation.Billing;

/// <summary>
/// One tariff component, as data. <see cref="Quantite"/> names what is multiplied or consumed;
/// <see cref="QuantiteTranche"/> names what selects the bracket (defaults to <see cref="Quantite"/>).
/// </summary>
public sealed record Composante(string Libelle, NatureComposante Nature)
{
    public Frequence Frequence { get; init; } = Frequence.Annuelle;

    public Prorata Prorata { get; init; } = Prorata.Aucun;

    public string Quantite { get; init; } = Quantites.Population;

    public string? QuantiteTranche { get; init; }

    /// <summary>Derived once from <see cref="Unite"/> (a function of it, so equality and copies stay right).</summary>
    private readonly string _plurielDerive = "habitants";

    public string Unite
    {
        get;
        init
        {
            field = value;
            _plurielDerive = Unites.Pluriel(value);
        }
    } = "habitant";

    /// <summary>The unit's plural (« postes »), derived from <see cref="Unite"/> unless the catalogue spells it out.</summary>
    public string UnitePluriel
    {
        get => field ?? _plurielDerive;
        init => field = string.IsNullOrWhiteSpace(value) ? null : value;
    }

    /// <summary>The unit agreed with a quantity: « 1,5 poste », « 4 postes ».</summary>
    public string UnitePour(decimal quantite) => Unites.Accorder(quantite, Unite, UnitePluriel);

    public decimal Taux { get; init; }

    public decimal Montant { get; init; }

    /// <summary>The amount the first year of the subscription, when it differs (flat components).</summary>
    public decimal? MontantPremiereAnnee { get; init; }

    public decimal? Plancher { get; init; }

    public decimal? Plafond { get; init; }

    public IReadOnlyList<Tranche> Tranches { get; init; } = [];

    public string QuantiteDeTranche => QuantiteTranche ?? Quantite;
}

/// <summary>Refuse an automatic price and ask for a negotiated, justified amount (Redon art. 3.2.2).</summary>
public sealed record ExamenApprofondi(int? PopulationMaximale, bool SiServiceInformatiquePropre);

/// <summary>Deduct a prior one-off service (the audit) from the first year, if subscribed within a delay of its delivery.</summary>
public sealed record DeductionPrealable(string CodeService, int DelaiMois, string Reference);

/// <summary>A priced line of the catalogue.</summary>
public sealed record ServiceTarife(string Code, string Libelle, string Famille, IReadOnlyList<Composante> Composantes)
{
    /// <summary>Codes of services whose subscribers do not pay this one (Redon: groupements for socle complet members).</summary>
    public IReadOnlyList<string> ExonereSiAbonneA { get; init; } = [];

    public string? MotifExoneration { get; init; }

    public ExamenApprofondi? ExamenApprofondi { get; init; }

    public DeductionPrealable? Deduction { get; init; }
}

/// <summary>A named bundle of services a member can choose (Redon formules), used by the simulator.</summary>
public sealed record FormuleTarifaire(string Code, string Libelle, IReadOnlyList<string> Services);

/// <summary>One catalogue version: everything the engine needs to price an exercice.</summary>
public sealed record CatalogueTarifaire(int Exercice, ReferencePopulation Population, IReadOnlyList<ServiceTarife> Services)
{
    public IReadOnlyList<FormuleTarifaire> Formules { get; init; } = [];

    /// <summary>Derived from the services (so two equal catalogues stay equal, and a copy with other services is checked again).</summary>
    private readonly string? _incoherence = Incoherence(Services);

    public IReadOnlyList<ServiceTarife> Services
    {
        get;
        init
        {
            field = value;
            _incoherence = Incoherence(value);
        }
    } = Services;

    public ServiceTarife Service(string code)
    {
        for (var i = 0; i < Services.Count; i++)
        {
            if (Services[i].Code == code)
            {
                return Services[i];
            }
        }

        throw new TarificationImpossibleException($"Le service « {code} » n'existe pas dans le catalogue {Exercice}.", "service-inconnu");
    }

    /// <summary>A service another one deducts (the audit): its one-off part is billed when it is delivered.</summary>
    public bool EstFactureALaLivraison(string code) => Services.Any(s => s.Deduction is { } d && d.CodeService == code);

    public FormuleTarifaire? Formule(string code)
    {
        for (var i = 0; i < Formules.Count; i++)
        {
            if (Formules[i].Code == code)
            {
                return Formules[i];
            }
        }

        return null;
    }

    /// <summary>Refuses a catalogue that prorates what is never prorated.</summary>
    internal void Verifier()
    {
        if (_incoherence is not null)
        {
            throw new TarificationImpossibleException(_incoherence, "prorata-interdit");
        }
    }

    private static string? Incoherence(IReadOnlyList<ServiceTarife> services) =>
        services.SelectMany(s => s.Composantes)
            .Where(c => c.Prorata == Prorata.Douziemes && (c.Frequence == Frequence.Ponctuelle || c.Nature is NatureComposante.AuDelaDeFranchise or NatureComposante.AllocationMensuelle))
            .Select(c => $"« {c.Libelle} » : un service à l'unité ou ponctuel n'est jamais proratisé.")
            .FirstOrDefault();
}

/// <summary>Names of the quantities the engine knows; catalogues may declare others (postes, agents, licences…).</summary>
public static class Quantites
{
    public const string Population = "population";
    public const string DemiJourneesN1 = "demi-journees-n1";
    public const string Stockage = "go";
}
