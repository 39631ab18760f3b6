using Microsoft.EntityFrameworkCore;
using Mutualisation.Billing;
using Mutualisation.Domain.Membres;
using Mutualisation.Persistence;

namespace Mutualisation.Web.Features.Tarifs;

/// <summary>
/// What is assumed about a member's membership until subscriptions are recorded: the formule it
/// would choose and whether the exercice is its first year (never assumed silently).
/// </summary>
public sealed record HypotheseAdhesion(string Formule, bool PremiereAnnee)
{
    public DateOnly? AdhesionLe { get; init; }

    public DateOnly? AuditLivreLe { get; init; }

    public decimal JoursN1 { get; init; }

    /// <summary>Values typed in the simulator, which take precedence over the member's declared ones.</summary>
    public IReadOnlyDictionary<string, decimal> Saisies { get; init; } = new Dictionary<string, decimal>();
}

/// <summary>What the database knows of one member for one exercice: its population légale in force and its declared quantities in force.</summary>
public sealed record FaitsDuMembre(int MembreId, string Nom, int? Population, int? Millesime, IReadOnlyDictionary<string, decimal> Quantites)
{
    /// <summary>Why the member cannot be priced at all, or null.</summary>
    public string? Manque(int exercice, int millesime) =>
        Population is null ? $"population légale en vigueur au 1er janvier {exercice} (millésime {millesime}) inconnue" : null;

    /// <summary>The request the engine prices, the member's facts completed by the hypothesis.</summary>
    public DemandeSimulation Demande(HypotheseAdhesion hypothese)
    {
        var quantites = new Dictionary<string, decimal>(Quantites, StringComparer.Ordinal);
        foreach (var (code, valeur) in hypothese.Saisies)
        {
            quantites[code] = valeur;
        }

        return new DemandeSimulation(hypothese.Formule, Population ?? 0)
        {
            Millesime = Millesime,
            Quantites = quantites,
            PremiereAnnee = hypothese.PremiereAnnee,
            AdhesionLe = hypothese.AdhesionLe,
            AuditLivreLe = hypothese.AuditLivreLe,
            JoursN1 = hypothese.JoursN1,
        };
    }
}

/// <summary>
/// The one query that turns the database into members' facts for an exercice. The population légale
/// is the latest millésime not after the one in force on 1 January of N (totale or municipale per the
/// version). <b>Decision:</b> a declared quantity is the value in force on 1 January of N; when the
/// member declared none by then, the first value dated within N (a commune that declares its
/// workstations in March is priced on them for the year); later values of N count from N + 1.
/// </summary>
public sealed class FaitsDesMembres(MutualisationDbContext db)
{
    /// <summary>Facts of the given members (all members of the caller's perimeter when <paramref name="membres"/> is null).</summary>
    /// <param name="horsPerimetre">
    /// An anonymous visitor of the simulator may pick any member: names and populations légales are
    /// public INSEE data. The quantities a member declared are not: outside the perimeter none are read.
    /// </param>
    public async Task<IReadOnlyList<FaitsDuMembre>> LireAsync(ExerciceTarifaire exercice, IReadOnlyCollection<int>? membres, bool horsPerimetre, CancellationToken annulation)
    {
        var millesime = exercice.MillesimePopulation;
        var sourceMembres = horsPerimetre ? db.Membres.IgnoreQueryFilters() : db.Membres;
        if (membres is not null)
        {
            sourceMembres = sourceMembres.Where(m => membres.Contains(m.Id));
        }

        var lus = await sourceMembres.AsNoTracking().OrderBy(m => m.NomRecherche)
            .Select(m => new
            {
                m.Id,
                m.Nom,
                Population = m.Populations.Where(p => p.Millesime <= millesime).OrderByDescending(p => p.Millesime)
                    .Select(p => new { p.Millesime, p.Totale, p.Municipale }).FirstOrDefault(),
            })
            .ToListAsync(annulation);

        var finExercice = new DateOnly(exercice.Exercice, 12, 31);
        var sourceQuantites = db.QuantitesMembres.AsQueryable();
        if (membres is not null)
        {
            sourceQuantites = sourceQuantites.Where(q => membres.Contains(q.MembreId));
        }

        var valeurs = horsPerimetre ? new Dictionary<int, IReadOnlyDictionary<string, decimal>>() : (await sourceQuantites.AsNoTracking().Where(q => q.Depuis <= finExercice)
                .Select(q => new { q.MembreId, q.Code, q.Depuis, q.Valeur })
                .ToListAsync(annulation))
            .GroupBy(q => q.MembreId)
            .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<string, decimal>)g.GroupBy(q => q.Code, StringComparer.Ordinal)
                .ToDictionary(c => c.Key, c => EnVigueur(c.Select(q => (q.Depuis, q.Valeur)), exercice.Exercice), StringComparer.Ordinal));

        return lus.Select(m => new FaitsDuMembre(
                m.Id,
                m.Nom,
                m.Population is null ? null : PopulationLegale.Selon(exercice.Catalogue.Population, m.Population.Totale, m.Population.Municipale),
                m.Population?.Millesime,
                valeurs.GetValueOrDefault(m.Id) ?? new Dictionary<string, decimal>()))
            .ToList();
    }

    /// <summary>The value in force on 1 January of the exercice, else the first one dated within it.</summary>
    public static decimal EnVigueur(IEnumerable<(DateOnly Depuis, decimal Valeur)> valeurs, int exercice)
    {
        var premierJanvier = new DateOnly(exercice, 1, 1);
        var liste = valeurs.ToList();
        var avant = liste.Where(v => v.Depuis <= premierJanvier).ToList();
        return avant.Count > 0 ? avant.MaxBy(v => v.Depuis).Valeur : liste.MinBy(v => v.Depuis).Valeur;
    }
}
