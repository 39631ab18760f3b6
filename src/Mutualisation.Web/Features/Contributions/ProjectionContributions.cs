using Mutualisation.Billing;
using Mutualisation.Web.Features.Tarifs;
using Mutualisation.Web.Infrastructure;

namespace Mutualisation.Web.Features.Contributions;

public sealed record LigneProjection(int MembreId, string Nom, int? Population, int? Millesime, string? Tranche, decimal? Total, string? Refus)
{
    /// <summary>The member's declared quantities the formule prices on (« 7 postes »), as used.</summary>
    public string? Quantites { get; init; }
}

public sealed record Projection(
    ExerciceTarifaire Tarif,
    FormuleTarifaire Formule,
    bool PremiereAnnee,
    bool AvecQuantites,
    IReadOnlyList<LigneProjection> Lignes,
    BilanEffectifs Effectifs)
{
    public int Exercice => Tarif.Exercice;

    public IReadOnlyList<FormuleTarifaire> Formules => Tarif.Catalogue.Formules;

    public int Tarifes => Lignes.Count(l => l.Total is not null);

    public decimal Total => Lignes.Sum(l => l.Total ?? 0m);
}

/// <summary>
/// What every member would pay if it chose one formule of the catalogue that applies to the exercice
/// (or of a draft previewed before its vote), from its facts in the database (<see cref="FaitsDesMembres"/>),
/// and how that compares with the staff the contributions are meant to fund (Redon art. 7: 1, 2 or 3 ETP).
/// Every expected refusal of the engine is shown on the member's line with its reason.
/// </summary>
public sealed class ProjectionContributions(FaitsDesMembres faits)
{
    public async Task<Projection?> CalculerAsync(ExerciceTarifaire tarif, string? codeFormule, bool premiereAnnee, CancellationToken annulation)
    {
        var catalogue = tarif.Catalogue;
        var formule = tarif.Formule(codeFormule) ?? (catalogue.Formules.Count > 0 ? catalogue.Formules[0] : null);
        if (formule is null)
        {
            return null;
        }

        var hypothese = new HypotheseAdhesion(formule.Code, premiereAnnee);
        var demandees = tarif.QuantitesDe(formule).Where(q => q.Obligatoire).Select(q => q.Quantite).ToList();
        var membres = await faits.LireAsync(tarif, membres: null, horsPerimetre: false, annulation);
        var lignes = new List<LigneProjection>(membres.Count);
        foreach (var m in membres)
        {
            if (m.Manque(tarif.Exercice, tarif.MillesimePopulation) is { } manque)
            {
                lignes.Add(new(m.MembreId, m.Nom, null, null, null, null, manque));
                continue;
            }

            var quantites = string.Join(", ", demandees.Where(q => m.Quantites.ContainsKey(q.Code))
                .Select(q => $"{FormatFr.Nombre(m.Quantites[q.Code])} {q.Unite(m.Quantites[q.Code])}"));
            lignes.Add(Tarifer(catalogue, m, hypothese) with { Quantites = quantites.Length == 0 ? null : quantites });
        }

        var tarifes = lignes.Where(l => l.Total is not null).ToList();
        return new Projection(tarif, formule, premiereAnnee, demandees.Count > 0, lignes, ModeleEffectifs.Bilan(tarifes.Count, tarifes.Sum(l => l.Total!.Value)));
    }

    private static LigneProjection Tarifer(CatalogueTarifaire catalogue, FaitsDuMembre m, HypotheseAdhesion hypothese)
    {
        var resultat = Billing.Simulation.Evaluer(catalogue, m.Demande(hypothese));
        return resultat.Contribution is { } contribution
            ? new(m.MembreId, m.Nom, m.Population, m.Millesime, Billing.Simulation.Tranche(contribution), contribution.Total, null)
            : new(m.MembreId, m.Nom, m.Population, m.Millesime, null, null, resultat.Refus!.Message);
    }
}
