using System.Data;
using Microsoft.EntityFrameworkCore;
using Mutualisation.Domain.Commun;
using Mutualisation.Domain.Conventions;
using Mutualisation.Domain.Titres;

namespace Mutualisation.Persistence.Titres;

/// <summary>What an issue returns of each titre it issued (the PDFs stay in the database, not in memory).</summary>
public sealed record TitreEmis(int Id, int Numero, int MembreId, Montant Total);

/// <summary>What the numbering reads of a draft before it takes the numbers.</summary>
internal sealed record ApercuBrouillon(int Id, int Exercice, string Budget, int? TitreOrigineId, Montant Total);

/// <summary>The outcome of an issue: the bordereau and its titres, or why nothing was issued.</summary>
public sealed record ResultatEmission(Bordereau? Bordereau, IReadOnlyList<TitreEmis> Titres, RefusTitre? Refus);

/// <summary>
/// Issues draft titres in one transaction: checks them against the issuer's settings, takes their numbers in the
/// continuous series of their exercice and budget (and the bordereau's), sets them issued, commits.
/// The numbers are taken inside the same transaction as the titres (ADR 0016): SQLite holds the database's write
/// lock from <c>BEGIN IMMEDIATE</c>; PostgreSQL and SQL Server lock the counter row with the UPDATE that moves it.
/// A transaction that fails or a process that dies gives its numbers back with its rollback: no gap; the unique
/// index (exercice, budget, numéro) is the last guard against a duplicate. The avis des sommes à payer are not in
/// this transaction (ADR 0026): <see cref="ProductionAvis"/> renders and stores them after the commit, so the lock on
/// the series is held for the numbering only. A large bordereau is written in slices of <see cref="TailleTranche"/>
/// titres, forgotten by the context after each, so the memory an issue needs does not grow with the number of titres.
/// </summary>
public sealed class EmissionTitres(MutualisationDbContext db)
{
    private readonly SeriesNumerotees series = new(db);

    public const int TailleTranche = 500;

    /// <summary>Issues the drafts <paramref name="ids"/> (same exercice and budget) in one bordereau, or none of them.</summary>
    /// <param name="produirePdf">
    /// Renders the avis des sommes à payer of an issued titre (number, date and signatory set): when given, the avis of
    /// the bordereau are produced right after the commit (<see cref="ProductionAvis"/>); when null, the caller produces
    /// them later (a campaign, in its background job).
    /// </param>
    /// <param name="apresNumerotation">Called once the numbers are taken and written, before the commit (tests stop a process there).</param>
    public async Task<ResultatEmission> EmettreAsync(IReadOnlyCollection<int> ids, Auteur auteur, DateTimeOffset quand, DateOnly emisLe,
        Func<TitreDeRecette, ParametresEmetteur, byte[]>? produirePdf, Func<int, Task>? apresNumerotation = null, CancellationToken annulation = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
        {
            return new(null, [], new RefusTitre("Aucun titre à émettre."));
        }

        var demandes = ids.Distinct().Order().ToList();
        await using var transaction = await series.CommencerAsync(annulation);
        if (db.Database.IsNpgsql())
        {
            // Each slice is read by its ids, an array of 500. Planned with the array's values (a custom plan), each read
            // cost 3 to 5 ms of planning, and with statistics older than the dry run's 70 000 lines the planner chose a
            // full scan of the lines (29 ms a slice instead of 1.5). The generic plan probes the indexes. Until the commit.
            await db.Database.ExecuteSqlRawAsync("SET LOCAL plan_cache_mode = force_generic_plan", annulation);
        }

        var emetteur = await db.Set<ParametresEmetteur>().AsNoTracking().OrderBy(p => p.Id).FirstOrDefaultAsync(annulation);
        if (emetteur is null)
        {
            return new(null, [], new RefusTitre("Émission impossible : les paramètres de l'émetteur ne sont pas saisis."));
        }

        // What the numbering needs, read first by projection (one row per draft, no lines), the ids sent as one array
        // parameter (json_each on SQLite, = ANY on PostgreSQL) rather than one parameter each. Each draft is checked
        // against the settings with its lines further down, slice by slice; a refusal there rolls everything back.
        var apercus = await db.TitresRecette.AsNoTracking().Where(t => EF.Parameter(demandes).Contains(t.Id))
            .Select(t => new ApercuBrouillon(t.Id, t.Exercice, t.Budget, t.TitreOrigineId, t.Total)).ToListAsync(annulation);

        if (apercus.Count != demandes.Count)
        {
            return new(null, [], new RefusTitre("Un des titres demandés n'existe pas."));
        }

        if (apercus.Select(t => (t.Exercice, t.Budget)).Distinct().Count() > 1)
        {
            return new(null, [], new RefusTitre("Un bordereau ne réunit que des titres du même exercice et du même budget."));
        }

        var (exercice, budget) = (apercus[0].Exercice, apercus[0].Budget);
        if (emisLe.Year != exercice)
        {
            return new(null, [], new RefusTitre($"Les titres de l'exercice {exercice} s'émettent pendant cet exercice (date d'émission : {emisLe:dd/MM/yyyy})."));
        }

        var dernierTitre = await series.ReserverAsync(exercice, budget, CompteurTitres.SerieTitres, apercus.Count, annulation);

        // Under the lock numbering has just taken: a reduction is checked again against the reductions issued since
        // its draft was made (two drafts of the full amount cannot both be issued). A refusal rolls the counters back.
        if (await RefusReductionsAsync(apercus, annulation) is { } refusReduction)
        {
            return new(null, [], refusReduction);
        }

        var numeroBordereau = await series.ReserverAsync(exercice, budget, CompteurTitres.SerieBordereaux, 1, annulation);
        var bordereau = new Bordereau(exercice, budget, numeroBordereau, emisLe, emetteur.SignatairePar!, auteur, quand);
        db.Bordereaux.Add(bordereau);
        await db.SaveChangesAsync(annulation);

        var premier = dernierTitre - demandes.Count + 1;
        var emis = new List<TitreEmis>(demandes.Count);
        foreach (var tranche in demandes.Chunk(TailleTranche))
        {
            var (emisTranche, refus) = await EmettreTrancheAsync(tranche, premier + emis.Count, emetteur, bordereau, emisLe, auteur, quand, annulation);
            if (refus is not null)
            {
                db.ChangeTracker.Clear();
                return new(null, [], refus);
            }

            emis.AddRange(emisTranche);
        }

        if (apresNumerotation is not null)
        {
            await apresNumerotation(dernierTitre);
        }

        await transaction.CommitAsync(annulation);
        if (produirePdf is not null)
        {
            await new ProductionAvis(db).ProduireAsync(db.TitresRecette.Where(t => t.BordereauId == bordereau.Id), produirePdf, quand, annulation: annulation);
        }

        return new(bordereau, emis, null);
    }

    /// <summary>
    /// One slice of an issue: each draft checked against the settings (or the refusal naming its debtor), its lines
    /// imputed and saved while still drafts (the triggers refuse line changes after), then each titre issued by the domain
    /// with its number. On SQLite and PostgreSQL the slice is read without tracking and written in a few statements
    /// (<see cref="InsertionEnMasse"/>: the changed lines, the issued rows matched by key, the « Titre émis » events, their
    /// history): a campaign of every French commune took seconds in the change tracker's 70 000 single-row statements. On
    /// SQL Server the tracker writes them and the titres are let go after the slice. Their history is not read: an issue only adds to it.
    /// </summary>
    private async Task<(IReadOnlyList<TitreEmis> Emis, RefusTitre? Refus)> EmettreTrancheAsync(int[] ids, int premierNumero, ParametresEmetteur emetteur,
        Bordereau bordereau, DateOnly emisLe, Auteur auteur, DateTimeOffset quand, CancellationToken annulation)
    {
        var enMasse = InsertionEnMasse.Disponible(db);
        var source = enMasse ? db.TitresRecette.AsNoTracking() : db.TitresRecette;
        var titres = await source.Include(t => t.Lignes).Where(t => EF.Parameter(ids).Contains(t.Id)).OrderBy(t => t.Id).AsSplitQuery().ToListAsync(annulation);
        if (titres.Count != ids.Length)
        {
            return ([], new RefusTitre("Un des titres demandés n'existe plus."));
        }

        var lignes = titres.SelectMany(t => t.Lignes).ToList();
        var imputations = enMasse ? db.Relever(lignes) : null;
        foreach (var titre in titres)
        {
            if (titre.RefusEmission(emetteur) is { } refus)
            {
                return ([], refus with { Message = $"{titre.DebiteurNom} : {refus.Message}" });
            }

            titre.ImputerLignes(emetteur);
        }

        if (imputations is not null)
        {
            await db.ModifierAsync(imputations, annulation);
        }
        else
        {
            await db.SaveChangesAsync(annulation);
        }

        var emission = enMasse ? db.Relever(titres) : null;
        for (var i = 0; i < titres.Count; i++)
        {
            if (titres[i].Emettre(emetteur, premierNumero + i, bordereau, emisLe, auteur, quand) is { } refus)
            {
                throw new InvalidOperationException(refus.Message);
            }
        }

        var origines = new List<TitreDeRecette>();
        foreach (var titre in titres.Where(t => t.TitreOrigineId is not null))
        {
            var origine = await source.FirstAsync(t => t.Id == titre.TitreOrigineId, annulation);
            origine.NoterReduction(titre, auteur, quand);
            origines.Add(origine);
        }

        if (emission is not null)
        {
            await db.ModifierAsync(emission, annulation);
            var evenements = titres.Concat(origines).SelectMany(t => t.Evenements.Select(e => (Titre: t.Id, Evenement: e))).ToList();
            await db.InsererAsync(evenements.Select(e => e.Evenement).ToList(), (i, _) => evenements[i].Titre, annulation);
            return (titres.Select(t => new TitreEmis(t.Id, t.Numero!.Value, t.MembreId, t.Total)).ToList(), null);
        }

        await db.SaveChangesAsync(annulation);
        var emis = titres.Select(t => new TitreEmis(t.Id, t.Numero!.Value, t.MembreId, t.Total)).ToList();
        foreach (var entree in db.ChangeTracker.Entries().Where(e => e.Entity is TitreDeRecette or LigneTitre or EvenementTitre).ToList())
        {
            entree.State = EntityState.Detached;
        }

        return (emis, null);
    }

    /// <summary>
    /// A draft titre d'annulation / réduction of an issued titre (issued afterwards like any titre), its amount at
    /// most what is left of the original after the reductions already issued.
    /// </summary>
    public async Task<(TitreDeRecette? Reduction, RefusTitre? Refus)> PreparerReductionAsync(int originalId, Montant montant, string motif, int exercice,
        Auteur auteur, DateTimeOffset quand, CancellationToken annulation = default)
    {
        var original = await db.TitresRecette.Include(t => t.Lignes).FirstOrDefaultAsync(t => t.Id == originalId, annulation);
        if (original is null)
        {
            return (null, new RefusTitre("Titre introuvable."));
        }

        var deja = await MontantReduitAsync(originalId, annulation);
        var refus = TitreDeRecette.Reduction(original, deja, montant, motif, exercice, auteur, quand, out var reduction);
        if (refus is not null)
        {
            return (null, refus);
        }

        db.TitresRecette.Add(reduction!);
        await db.SaveChangesAsync(annulation);
        return (reduction, null);
    }

    /// <summary>The sum of the issued titres d'annulation / réduction of a titre.</summary>
    public async Task<Montant> MontantReduitAsync(int originalId, CancellationToken annulation = default)
    {
        var totaux = await db.TitresRecette.Where(t => t.TitreOrigineId == originalId && t.Statut == StatutTitre.Emis)
            .Select(t => t.Total).ToListAsync(annulation);
        return totaux.Aggregate(Montant.Zero, (a, b) => a + b);
    }

    /// <summary>
    /// Refuses the issue when the reductions of an original (those already issued plus those of this bordereau)
    /// would exceed its total. Called inside the issuing transaction, after the counter's lock.
    /// </summary>
    private async Task<RefusTitre?> RefusReductionsAsync(IReadOnlyList<ApercuBrouillon> titres, CancellationToken annulation)
    {
        var demandes = titres.Where(t => t.TitreOrigineId is not null).GroupBy(t => t.TitreOrigineId!.Value)
            .ToDictionary(g => g.Key, g => g.Aggregate(Montant.Zero, (a, t) => a + t.Total));
        if (demandes.Count == 0)
        {
            return null;
        }

        // Two queries whatever the number of originals: the originals, then the reductions already issued against them.
        var origines = demandes.Keys.ToList();
        var originaux = await db.TitresRecette.AsNoTracking().Where(t => EF.Parameter(origines).Contains(t.Id))
            .Select(t => new { t.Id, t.Numero, t.Exercice, t.Total }).ToListAsync(annulation);
        var deja = (await db.TitresRecette.AsNoTracking().Where(t => t.TitreOrigineId != null && EF.Parameter(origines).Contains(t.TitreOrigineId.Value) && t.Statut == StatutTitre.Emis)
                .Select(t => new { Origine = t.TitreOrigineId!.Value, t.Total }).ToListAsync(annulation))
            .GroupBy(t => t.Origine).ToDictionary(g => g.Key, g => g.Aggregate(Montant.Zero, (a, t) => a + t.Total));
        foreach (var original in originaux.OrderBy(o => o.Id))
        {
            var reduit = deja.GetValueOrDefault(original.Id);
            var demande = demandes[original.Id];
            if (reduit.Euros + demande.Euros > original.Total.Euros)
            {
                return new RefusTitre($"Réduction du titre n° {original.Numero} (exercice {original.Exercice}) refusée : avec les réductions déjà émises ({reduit}), "
                    + $"elle ({demande}) dépasserait le montant du titre ({original.Total}). Elle reste un brouillon.");
            }
        }

        return null;
    }
}
