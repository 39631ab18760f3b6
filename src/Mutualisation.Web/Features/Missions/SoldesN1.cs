using Microsoft.EntityFrameworkCore;
using Mutualisation.Billing;
using Mutualisation.Domain.Catalogue;
using Mutualisation.Domain.Conventions;
using Mutualisation.Persistence;
using Mutualisation.Web.Features.Tarifs;

namespace Mutualisation.Web.Features.Missions;

/// <summary>
/// One member's N1 days for an exercice, in half-days: its allowance (from the catalogue's N1 component, by
/// population bracket), consumed, remaining, and the overage the engine bills. <see cref="Allocation"/> is null
/// when no allowance applies (no catalogue voted, population unknown, outside the brackets), with <see cref="Motif"/>.
/// </summary>
public sealed record SoldeN1(int MembreId, string Nom, string CodeInsee, int? Population, string? Tranche, decimal? Allocation, decimal Consomme,
    decimal Depassement, decimal? DepassementEuros, bool ConventionEnVigueur, string? Motif)
{
    public decimal? Restant => Allocation is { } a ? Math.Max(0, a - Consomme) : null;

    public bool EstEnDepassement => Depassement > 0;

    public static decimal EnJours(decimal demiJournees) => demiJournees / 2m;
}

/// <summary>The N1 days of the members for an exercice, with the catalogue that sets the allowances and the pool's capacity.</summary>
public sealed record SoldesExercice(int Exercice, string? Catalogue, decimal? Taux, IReadOnlyList<SoldeN1> Soldes)
{
    /// <summary>The pool's capacity: the allowances of the members whose convention is in force during the exercice (domain.md rule 5).</summary>
    public decimal Capacite => Soldes.Where(s => s.ConventionEnVigueur).Sum(s => s.Allocation ?? 0);

    /// <summary>What those members consumed within their allowance (the use of the pool).</summary>
    public decimal UtiliseDansLeVivier => Soldes.Where(s => s.ConventionEnVigueur).Sum(s => Math.Min(s.Consomme, s.Allocation ?? 0));

    public decimal Consomme => Soldes.Sum(s => s.Consomme);

    public decimal Depassement => Soldes.Sum(s => s.Depassement);

    public decimal DepassementEuros => Soldes.Sum(s => s.DepassementEuros ?? 0);
}

/// <summary>
/// Reads the allowance from the catalogue version in force for the exercice (<see cref="TarifsDeLExercice"/>):
/// the component « au-delà de franchise » on <see cref="Quantites.DemiJourneesN1"/>, whose bracket amount is
/// the free half-days (Redon: 5 / 9 / 13 half-days, i.e. 2,5 / 4,5 / 6,5 days). Never a second table. The
/// overage in euros is what <see cref="Tarification.Evaluer"/> bills for that component alone.
/// </summary>
public sealed class SoldesN1(MutualisationDbContext db, TarifsDeLExercice tarifs, FaitsDesMembres faits, ConsommationN1 consommation)
{
    /// <summary>Balances of the given members (all of the caller's perimeter when null), by name.</summary>
    public async Task<SoldesExercice> LireAsync(int exercice, IReadOnlyCollection<int>? membres, CancellationToken annulation)
    {
        var consommes = await consommation.DemiJourneesAsync(exercice, membres, annulation);
        var enVigueur = await MembresEnVigueurAsync(exercice, membres, annulation);
        var tarif = await tarifs.EnVigueurAsync(exercice, annulation);
        if (tarif is null)
        {
            var source = db.Membres.AsNoTracking();
            if (membres is not null)
            {
                source = source.Where(m => membres.Contains(m.Id));
            }

            var noms = await source.OrderBy(m => m.NomRecherche).Select(m => new { m.Id, m.Nom, m.CodeInsee }).ToListAsync(annulation);
            return new SoldesExercice(exercice, null, null, noms.Select(m => new SoldeN1(m.Id, m.Nom, m.CodeInsee.Valeur, null, null, null,
                consommes.GetValueOrDefault(m.Id), 0, null, enVigueur.Contains(m.Id), $"aucun catalogue voté pour l'exercice {exercice}")).ToList());
        }

        var n1 = ComposanteN1(tarif.Catalogue);
        var lus = await faits.LireAsync(tarif, membres, horsPerimetre: false, annulation);
        var codes = await CodesInseeAsync(lus.Select(f => f.MembreId).ToList(), annulation);
        var soldes = lus.Select(f => Solde(tarif.Catalogue, n1, f, codes.GetValueOrDefault(f.MembreId) ?? string.Empty, consommes.GetValueOrDefault(f.MembreId), enVigueur.Contains(f.MembreId))).ToList();
        return new SoldesExercice(exercice, tarif.Version.Intitule, n1?.Composante.Taux, soldes);
    }

    /// <summary>The N1 component of the catalogue (its service and itself), or null when the catalogue has none.</summary>
    public static (ServiceTarife Service, Composante Composante)? ComposanteN1(CatalogueTarifaire catalogue)
    {
        foreach (var service in catalogue.Services)
        {
            foreach (var composante in service.Composantes)
            {
                if (composante.Nature == NatureComposante.AuDelaDeFranchise && composante.Quantite == Quantites.DemiJourneesN1)
                {
                    return (service, composante);
                }
            }
        }

        return null;
    }

    private static SoldeN1 Solde(CatalogueTarifaire catalogue, (ServiceTarife Service, Composante Composante)? n1, FaitsDuMembre f, string codeInsee, decimal consomme, bool enVigueur)
    {
        SoldeN1 Sans(string motif) => new(f.MembreId, f.Nom, codeInsee, f.Population, null, null, consomme, 0, null, enVigueur, motif);

        if (n1 is not { } trouve)
        {
            return Sans("le catalogue de l'exercice n'a pas de composante N1 (demi-journées au-delà de l'allocation)");
        }

        if (trouve.Composante.QuantiteDeTranche != Quantites.Population)
        {
            return Sans("l'allocation N1 du catalogue ne dépend pas de la population");
        }

        if (f.Population is not { } population)
        {
            return Sans("population légale inconnue");
        }

        var tranche = trouve.Composante.Tranches.FirstOrDefault(t => t.Contient(population));
        if (tranche is null)
        {
            return Sans("hors des tranches du catalogue : examen approfondi, allocation à négocier");
        }

        var allocation = tranche.Montant;
        var depassement = Math.Max(0, consomme - allocation);
        return new(f.MembreId, f.Nom, codeInsee, population, tranche.Libelle, allocation, consomme, depassement,
            depassement == 0 ? 0 : Facture(catalogue, trouve.Service, trouve.Composante, population, f.Millesime, consomme), enVigueur, null);
    }

    /// <summary>What the engine bills for the N1 component alone (the service's other components and rules left out).</summary>
    public static decimal? Facture(CatalogueTarifaire catalogue, ServiceTarife service, Composante composante, int population, int? millesime, decimal demiJournees)
    {
        var seul = new ServiceTarife(service.Code, service.Libelle, service.Famille, [composante]);
        var resultat = Tarification.Evaluer(catalogue with { Services = [seul], Formules = [] }, new FaitsMembre(population, millesime)
        {
            Abonnements = [new Abonnement(service.Code, new DateOnly(catalogue.Exercice, 1, 1))],
            Quantites = new Dictionary<string, decimal> { [Quantites.DemiJourneesN1] = demiJournees },
        });
        return resultat.Contribution?.Total;
    }

    private async Task<HashSet<int>> MembresEnVigueurAsync(int exercice, IReadOnlyCollection<int>? membres, CancellationToken annulation)
    {
        if (exercice is < 2 or > 9998)
        {
            return [];
        }

        var debut = new DateOnly(exercice, 1, 1);
        var fin = new DateOnly(exercice, 12, 31);
        var conventions = db.Conventions.AsNoTracking()
            .Where(c => c.Statut == StatutConvention.EnVigueur || c.Statut == StatutConvention.Denoncee || c.Statut == StatutConvention.Resiliee)
            .Where(c => c.DateEffet <= fin && (c.DateSortie == null || c.DateSortie > debut));
        if (membres is not null)
        {
            conventions = conventions.Where(c => membres.Contains(c.MembreId));
        }

        return (await conventions.Select(c => c.MembreId).Distinct().ToListAsync(annulation)).ToHashSet();
    }

    private async Task<Dictionary<int, string>> CodesInseeAsync(List<int> ids, CancellationToken annulation) =>
        await db.Membres.AsNoTracking().Where(m => ids.Contains(m.Id)).Select(m => new { m.Id, m.CodeInsee }).ToDictionaryAsync(m => m.Id, m => m.CodeInsee.Valeur, annulation);
}
