using Microsoft.EntityFrameworkCore;
using Mutualisation.Billing;
using Mutualisation.Domain.Adhesions;
using Mutualisation.Domain.Conventions;
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
public sealed class FaitsDesMembres(MutualisationDbContext db, Missions.ConsommationN1 consommationN1)
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

    /// <summary>
    /// The stored facts of the members for the exercice, as the engine prices them: what each member subscribes to
    /// (the Art. 8 formule's services, the CCCF services), cut to its conventions' validity (from the effective date,
    /// until the day before the exit date); its delivered audits (on the catalogue's audit service, the one a
    /// deduction refers to); its quantities (a subscription's dated values first, else the declared ones) and its
    /// storage allocations; the half-days of N1 assistance its lettres de mission consumed in the exercice
    /// (<see cref="Missions.ConsommationN1"/>), priced beyond its allowance. Eight SQL queries whatever the number of members
    /// (members, declared quantities, choices, subscriptions and their quantities covering the exercice, conventions, audits,
    /// N1 time entries); when <paramref name="membres"/> is null,
    /// every member of the caller's perimeter that has an adhésion (the others have nothing to price: not read).
    /// </summary>
    public async Task<IReadOnlyList<FaitsReels>> LireAdhesionsAsync(ExerciceTarifaire exercice, IReadOnlyCollection<int>? membres, CancellationToken annulation)
    {
        var n = exercice.Exercice;
        var millesime = exercice.MillesimePopulation;
        var debutExercice = new DateOnly(n, 1, 1);
        var finExercice = new DateOnly(n, 12, 31);
        var sourceMembres = membres is null ? db.Membres.Where(m => db.Set<Adhesion>().Any(a => a.MembreId == m.Id)) : db.Membres.Where(m => membres.Contains(m.Id));
        var lus = await sourceMembres.AsNoTracking().OrderBy(m => m.NomRecherche)
            .Select(m => new
            {
                m.Id,
                m.Nom,
                m.CodeInsee,
                Population = m.Populations.Where(p => p.Millesime <= millesime).OrderByDescending(p => p.Millesime)
                    .Select(p => new { p.Millesime, p.Totale, p.Municipale }).FirstOrDefault(),
            })
            .ToListAsync(annulation);

        var sourceQuantites = membres is null
            ? db.QuantitesMembres.Where(q => db.Set<Adhesion>().Any(a => a.MembreId == q.MembreId))
            : db.QuantitesMembres.Where(q => membres.Contains(q.MembreId));
        var declarees = (await sourceQuantites.AsNoTracking().Where(q => q.Depuis <= finExercice)
                .Select(q => new { q.MembreId, q.Code, q.Depuis, q.Valeur }).ToListAsync(annulation))
            .ToLookup(q => q.MembreId);

        var sourceAdhesions = membres is null ? db.Set<Adhesion>() : db.Set<Adhesion>().Where(a => membres.Contains(a.MembreId));
        // Only the choices, subscriptions and quantities that cover the exercice, as flat rows (whole aggregates with their
        // owned collections cost seconds for every French commune); in the order of their dates, then of their keys.
        var choixCouvrants = (await sourceAdhesions.AsNoTracking()
                .SelectMany(a => a.Choix.Where(c => c.DateEffet <= finExercice && (c.DateFin == null || c.DateFin >= debutExercice)),
                    (a, c) => new { a.MembreId, c.Id, c.CodeFormule, c.LibelleFormule, c.DateEffet, c.DateFin })
                .ToListAsync(annulation))
            .OrderBy(c => c.DateEffet).ThenBy(c => c.Id).ToLookup(c => c.MembreId);
        var souscriptionsCouvrantes = sourceAdhesions.AsNoTracking().SelectMany(a => a.Souscriptions.Where(s => s.Debut <= finExercice && (s.Fin == null || s.Fin >= debutExercice)),
            (a, s) => new { a.MembreId, Souscription = s });
        var souscriptions = (await souscriptionsCouvrantes
                .Select(x => new { x.MembreId, x.Souscription.Id, x.Souscription.CodeService, x.Souscription.LibelleService, x.Souscription.Debut, x.Souscription.Fin })
                .ToListAsync(annulation))
            .OrderBy(s => s.Debut).ThenBy(s => s.Id).ToLookup(s => s.MembreId);
        var quantitesDesSouscriptions = (await souscriptionsCouvrantes
                .SelectMany(x => x.Souscription.Quantites.Where(q => q.Depuis <= finExercice), (x, q) => new { SouscriptionId = x.Souscription.Id, q.Id, q.Code, q.Depuis, q.Valeur })
                .ToListAsync(annulation))
            .OrderBy(q => q.Id).ToLookup(q => q.SouscriptionId);

        var sourceConventions = membres is null ? db.Conventions : db.Conventions.Where(c => membres.Contains(c.MembreId));
        var conventions = (await sourceConventions.AsNoTracking()
                .Where(c => (c.Statut == StatutConvention.EnVigueur || c.Statut == StatutConvention.Denoncee || c.Statut == StatutConvention.Resiliee) && c.DateEffet != null)
                .Select(c => new { c.MembreId, DateEffet = c.DateEffet!.Value, c.DateSortie }).ToListAsync(annulation))
            .ToLookup(c => c.MembreId, c => (Debut: c.DateEffet, Fin: c.DateSortie?.AddDays(-1)));

        var sourceAudits = membres is null ? db.Audits : db.Audits.Where(a => membres.Contains(a.MembreId));
        var audits = (await sourceAudits.AsNoTracking().Where(a => a.RapportLivreLe != null && a.RapportLivreLe <= finExercice)
                .Select(a => new { a.MembreId, Le = a.RapportLivreLe!.Value }).ToListAsync(annulation))
            .ToLookup(a => a.MembreId, a => a.Le);

        var demiJourneesN1ParMembre = await consommationN1.DemiJourneesAsync(n, membres, annulation);

        var catalogue = exercice.Catalogue;
        var servicesAudit = catalogue.Services.Where(s => s.Deduction is not null).Select(s => s.Deduction!.CodeService).Distinct(StringComparer.Ordinal).ToList();
        var resultat = new List<FaitsReels>(lus.Count);
        foreach (var m in lus)
        {
            var population = m.Population is null ? (int?)null : PopulationLegale.Selon(catalogue.Population, m.Population.Totale, m.Population.Municipale);
            var periodes = Fusionner(conventions[m.Id]);
            var abonnements = new List<Abonnement>();
            var souscrit = new List<string>();
            var anomalies = new List<string>();
            var quantitesSouscrites = new Dictionary<string, List<(DateOnly Depuis, decimal Valeur)>>(StringComparer.Ordinal);
            string? formule = null;
            foreach (var choix in choixCouvrants[m.Id])
            {
                formule = choix.CodeFormule;
                souscrit.Add($"{choix.LibelleFormule} du {FormatDate(choix.DateEffet)}" + (choix.DateFin is { } fin ? $" au {FormatDate(fin)}" : string.Empty));
                if (catalogue.Formule(choix.CodeFormule) is not { } tarifee)
                {
                    anomalies.Add($"La formule « {choix.LibelleFormule} » ({choix.CodeFormule}) n'existe pas dans le catalogue {n}.");
                    continue;
                }

                foreach (var service in tarifee.Services)
                {
                    abonnements.AddRange(Decouper(service, choix.DateEffet, choix.DateFin, periodes));
                }
            }

            foreach (var s in souscriptions[m.Id])
            {
                souscrit.Add($"{s.LibelleService} du {FormatDate(s.Debut)}" + (s.Fin is { } fin ? $" au {FormatDate(fin)}" : string.Empty));
                if (!catalogue.Services.Any(x => x.Code == s.CodeService))
                {
                    anomalies.Add($"Le service « {s.LibelleService} » ({s.CodeService}) n'existe pas dans le catalogue {n}.");
                    continue;
                }

                abonnements.AddRange(Decouper(s.CodeService, s.Debut, s.Fin, periodes));
                foreach (var q in quantitesDesSouscriptions[s.Id])
                {
                    (quantitesSouscrites.TryGetValue(q.Code, out var liste) ? liste : quantitesSouscrites[q.Code] = []).Add((q.Depuis, q.Valeur));
                }
            }

            var valeursDeclarees = declarees[m.Id].GroupBy(q => q.Code, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(q => (q.Depuis, q.Valeur)).ToList(), StringComparer.Ordinal);
            var quantites = valeursDeclarees.ToDictionary(d => d.Key, d => EnVigueur(d.Value, n), StringComparer.Ordinal);
            var allocations = new List<Allocation>();
            foreach (var (code, valeurs) in quantitesSouscrites)
            {
                quantites[code] = EnVigueur(valeurs, n);
            }

            foreach (var (code, valeurs) in valeursDeclarees.Where(d => !quantitesSouscrites.ContainsKey(d.Key)).Concat(quantitesSouscrites))
            {
                allocations.AddRange(valeurs.OrderBy(v => v.Depuis).Select(v => new Allocation(code, v.Depuis, v.Valeur)));
            }

            if (demiJourneesN1ParMembre.GetValueOrDefault(m.Id) is var demiJournees and not 0)
            {
                quantites[Quantites.DemiJourneesN1] = demiJournees;
            }

            var livraisons = audits[m.Id].SelectMany(le => servicesAudit.Select(code => new Livraison(code, le))).ToList();
            var manque = population is null ? $"population légale en vigueur au 1er janvier {n} (millésime {millesime}) inconnue" : null;
            resultat.Add(new FaitsReels(m.Id, m.Nom, m.CodeInsee.Valeur, population, m.Population?.Millesime, formule, souscrit,
                abonnements.Count > 0 || souscrit.Count > 0,
                manque ?? (anomalies.Count > 0 ? string.Join(" ", anomalies) : null),
                new FaitsMembre(population ?? 0, m.Population?.Millesime) { Abonnements = abonnements, Livraisons = livraisons, Quantites = quantites, Allocations = allocations, LivraisonsEnregistrees = true }));
        }

        return resultat;
    }

    /// <summary>
    /// The periods a member is under a convention, overlapping or adjoining ones merged: a member under two conventions at
    /// once (a model changed, a convention signed before the other's exit) is billed once for the same days.
    /// </summary>
    public static IReadOnlyList<(DateOnly Debut, DateOnly? Fin)> Fusionner(IEnumerable<(DateOnly Debut, DateOnly? Fin)> periodes)
    {
        var fusionnees = new List<(DateOnly Debut, DateOnly? Fin)>();
        foreach (var p in periodes.OrderBy(p => p.Debut))
        {
            if (fusionnees.Count > 0 && fusionnees[^1] is var (debut, fin) && (fin is null || p.Debut <= fin.Value.AddDays(1)))
            {
                fusionnees[^1] = (debut, fin is null || p.Fin is null ? null : p.Fin > fin ? p.Fin : fin);
            }
            else
            {
                fusionnees.Add(p);
            }
        }

        return fusionnees;
    }

    /// <summary>A subscription cut to the conventions' periods of validity (none in force: nothing to price).</summary>
    private static IEnumerable<Abonnement> Decouper(string service, DateOnly debut, DateOnly? fin, IReadOnlyList<(DateOnly Debut, DateOnly? Fin)> periodes)
    {
        foreach (var p in periodes)
        {
            var d = debut > p.Debut ? debut : p.Debut;
            DateOnly? f = fin is null ? p.Fin : p.Fin is null ? fin : fin < p.Fin ? fin : p.Fin;
            if (f is null || f >= d)
            {
                yield return new Abonnement(service, d, f);
            }
        }
    }

    private static string FormatDate(DateOnly date) => Infrastructure.FormatFr.Date(date);

    /// <summary>The value in force on 1 January of the exercice, else the first one dated within it.</summary>
    public static decimal EnVigueur(IEnumerable<(DateOnly Depuis, decimal Valeur)> valeurs, int exercice)
    {
        var premierJanvier = new DateOnly(exercice, 1, 1);
        var liste = valeurs.ToList();
        var avant = liste.Where(v => v.Depuis <= premierJanvier).ToList();
        return avant.Count > 0 ? avant.MaxBy(v => v.Depuis).Valeur : liste.MinBy(v => v.Depuis).Valeur;
    }
}

/// <summary>
/// One member's stored facts for an exercice: what it subscribes to (in words), and the engine's
/// <see cref="FaitsMembre"/> built from them; <see cref="Manque"/> says why it cannot be priced at all.
/// </summary>
/// <param name="Formule">The code of the last Art. 8 formule chosen in the exercice, if any.</param>
/// <param name="Souscrit">The choices and subscriptions covering the exercice, in words (« Socle complet du 01/06/2025 »).</param>
/// <param name="Adhere">Whether the member subscribes to anything during the exercice.</param>
public sealed record FaitsReels(int MembreId, string Nom, string CodeInsee, int? Population, int? Millesime, string? Formule,
    IReadOnlyList<string> Souscrit, bool Adhere, string? Manque, FaitsMembre Faits)
{
    /// <summary>First year of a subscription priced in the exercice.</summary>
    public bool PremiereAnnee(int exercice) => Faits.Abonnements.Any(a => a.Debut.Year == exercice);
}
