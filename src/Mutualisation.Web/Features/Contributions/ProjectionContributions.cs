using Microsoft.EntityFrameworkCore;
using Mutualisation.Billing;
using Mutualisation.Domain.Membres;
using Mutualisation.Persistence;
using Mutualisation.Web.Features.Simulation;

namespace Mutualisation.Web.Features.Contributions;

public sealed record LigneProjection(int MembreId, string Nom, int? Population, int? Millesime, string? Tranche, decimal? Total, string? Refus);

public sealed record Projection(
    int Exercice,
    FormuleTarifaire Formule,
    IReadOnlyList<FormuleTarifaire> Formules,
    IReadOnlyList<LigneProjection> Lignes,
    BilanEffectifs Effectifs)
{
    public int Tarifes => Lignes.Count(l => l.Total is not null);

    public decimal Total => Lignes.Sum(l => l.Total ?? 0m);
}

/// <summary>
/// What every member would pay if it chose one formule of the catalogue in force, and how that
/// compares with the staff the contributions are meant to fund (Redon art. 7: 1, 2 or 3 ETP).
/// </summary>
public sealed class ProjectionContributions(MutualisationDbContext db, SimulateurContributions simulateur)
{
    public async Task<Projection?> CalculerAsync(int exercice, string? codeFormule, CancellationToken annulation)
    {
        var catalogue = await simulateur.CatalogueEnVigueurAsync(exercice, annulation);
        if (catalogue is null)
        {
            return null;
        }

        var formule = (codeFormule is null ? null : catalogue.Formule(codeFormule)) ?? (catalogue.Formules.Count > 0 ? catalogue.Formules[0] : null);
        if (formule is null)
        {
            return null;
        }

        var millesime = PopulationLegale.MillesimeEnVigueur(exercice);
        var membres = await db.Membres.AsNoTracking().OrderBy(m => m.NomRecherche)
            .Select(m => new
            {
                m.Id,
                m.Nom,
                Population = m.Populations.Where(p => p.Millesime <= millesime).OrderByDescending(p => p.Millesime)
                    .Select(p => new { p.Millesime, p.Totale, p.Municipale }).FirstOrDefault(),
            })
            .ToListAsync(annulation);

        var lignes = new List<LigneProjection>(membres.Count);
        foreach (var m in membres)
        {
            if (m.Population is null)
            {
                lignes.Add(new(m.Id, m.Nom, null, null, null, null, $"population légale en vigueur au 1er janvier {exercice} inconnue"));
                continue;
            }

            var population = PopulationLegale.Selon(catalogue.Population, m.Population.Totale, m.Population.Municipale);
            var resultat = Billing.Simulation.Evaluer(catalogue, new DemandeSimulation(formule.Code, population) { Millesime = m.Population.Millesime });
            lignes.Add(resultat.Contribution is { } contribution
                ? new(m.Id, m.Nom, population, m.Population.Millesime, Billing.Simulation.Tranche(contribution), contribution.Total, null)
                : new(m.Id, m.Nom, population, m.Population.Millesime, null, null, resultat.Refus!.Message));
        }

        var tarifes = lignes.Where(l => l.Total is not null).ToList();
        return new Projection(exercice, formule, catalogue.Formules, lignes, ModeleEffectifs.Bilan(tarifes.Count, tarifes.Sum(l => l.Total!.Value)));
    }
}
