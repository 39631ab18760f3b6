namespace Mutualisation.Billing;

/// <summary>What someone types in the simulator: a formule of the catalogue, a population, optional dates, N1 days and declared quantities.</summary>
public sealed record DemandeSimulation(string Formule, int Population)
{
    /// <summary>Declared quantities by code (postes, agents, go…), in force for the whole exercice.</summary>
    public IReadOnlyDictionary<string, decimal> Quantites { get; init; } = Simulation.AucuneQuantite;

    /// <summary>First year of membership, or a following one (subscribed since an earlier exercice); an adhesion date decides instead.</summary>
    public bool PremiereAnnee { get; init; } = true;

    public int? Millesime { get; init; }

    public DateOnly? AuditLivreLe { get; init; }

    public DateOnly? AdhesionLe { get; init; }

    public decimal JoursN1 { get; init; }
}

/// <summary>Turns a simulation request into facts and prices them with the same engine as the titres.</summary>
public static class Simulation
{
    /// <summary>More N1 days than this in one exercice is a typing error (and would overflow the amounts).</summary>
    public const decimal JoursN1Maximum = 10_000m;

    /// <summary>Prices the request; throws <see cref="TarificationImpossibleException"/> for a bad request and for a refusal.</summary>
    public static Contribution Tarifer(CatalogueTarifaire catalogue, DemandeSimulation demande)
    {
        var resultat = Evaluer(catalogue, demande);
        return resultat.Contribution ?? throw resultat.Refus!.EnException();
    }

    /// <summary>
    /// Like <see cref="Tarifer"/>, but every refusal of the rules (deeper examination, outside the
    /// grid, quantity not declared) is returned instead of thrown; a bad request still throws.
    /// </summary>
    public static ResultatTarification Evaluer(CatalogueTarifaire catalogue, DemandeSimulation demande)
    {
        var formule = catalogue.Formule(demande.Formule)
            ?? throw new TarificationImpossibleException(
                $"Formule inconnue « {demande.Formule} ». Formules possibles : {string.Join(", ", catalogue.Formules.Select(f => f.Code))}.", "formule-inconnue");
        if (demande.JoursN1 < 0 || demande.JoursN1 % 0.5m != 0 || demande.JoursN1 > JoursN1Maximum)
        {
            throw new TarificationImpossibleException($"Les jours N1 consommés se comptent par demi-journées (multiple de 0,5, positif, au plus {JoursN1Maximum:0} par exercice).", "jours-invalides");
        }

        var debut = demande.AdhesionLe ?? new DateOnly(demande.PremiereAnnee ? catalogue.Exercice : catalogue.Exercice - 1, 1, 1);
        if (debut.Year > catalogue.Exercice)
        {
            throw new TarificationImpossibleException($"L'adhésion du {Fr.Date(debut)} est postérieure à l'exercice {catalogue.Exercice}.", "dates-contradictoires");
        }

        if (demande.AuditLivreLe is { } livre && livre > debut)
        {
            throw new TarificationImpossibleException($"L'audit livré le {Fr.Date(livre)} l'aurait été après l'adhésion du {Fr.Date(debut)}.", "dates-contradictoires");
        }

        var auditsPrealables = demande.AuditLivreLe is { } le
            ? formule.Services.Select(catalogue.Service)
                .Where(s => s.Deduction is not null && !formule.Services.Contains(s.Deduction.CodeService))
                .Select(s => new Livraison(s.Deduction!.CodeService, le)).Distinct().ToList()
            : [];
        var abonnements = new Abonnement[formule.Services.Count];
        for (var i = 0; i < abonnements.Length; i++)
        {
            abonnements[i] = new Abonnement(formule.Services[i], debut);
        }

        var quantites = demande.Quantites;
        if (demande.JoursN1 != 0)
        {
            quantites = new Dictionary<string, decimal>(demande.Quantites) { [Quantites.DemiJourneesN1] = demande.JoursN1 * 2 };
        }

        return Tarification.Evaluer(catalogue, new FaitsMembre(demande.Population, demande.Millesime)
        {
            Abonnements = abonnements,
            Livraisons = auditsPrealables,
            Quantites = quantites,
            // A quantity billed on its monthly allocation (GB) is allocated from the start of the exercice.
            Allocations = quantites.Select(q => new Allocation(q.Key, new DateOnly(catalogue.Exercice, 1, 1), q.Value)).ToList(),
        });
    }

    internal static readonly IReadOnlyDictionary<string, decimal> AucuneQuantite = new Dictionary<string, decimal>();

    /// <summary>The population bracket shown with the result: the first one a line was priced on.</summary>
    public static string? Tranche(Contribution contribution) =>
        contribution.Lignes.FirstOrDefault(l => l.Bases.Population is not null && l.Bases.Tranche is not null)?.Bases.Tranche;
}
