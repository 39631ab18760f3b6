using Microsoft.EntityFrameworkCore;
using Mutualisation.Domain.Titres;

namespace Mutualisation.Persistence.Titres;

/// <summary>
/// Produces the missing avis des sommes à payer of issued titres (ADR 0026), after the issue that numbered them: by
/// slices of <see cref="TailleTranche"/> titres read without tracking, rendered in parallel on every core, up to
/// <see cref="TranchesEnAvance"/> slices ahead of the one being written, each slice written in its own transaction.
/// Resumable by construction: it only ever looks for issued titres without an avis, so a run cut short (a restart, a
/// cancellation) is finished by the next one, and two runs at once cannot store an avis twice (primary key; the loser's
/// slice is skipped, not failed).
/// </summary>
public sealed class ProductionAvis(MutualisationDbContext db, int tailleTranche = ProductionAvis.TailleTranche)
{
    private readonly SeriesNumerotees series = new(db);

    public const int TailleTranche = 256;

    /// <summary>
    /// Slices being rendered beside the one being written. With one, the cores stayed idle a fifth of the time for every
    /// French commune on PostgreSQL: once a slice was rendered, the next could only start after the previous write.
    /// </summary>
    private const int TranchesEnAvance = 2;

    /// <summary>How many titres of <paramref name="titres"/> are issued and still wait for their avis.</summary>
    public Task<int> ManquantsAsync(IQueryable<TitreDeRecette> titres, CancellationToken annulation = default) =>
        SansAvis(titres).CountAsync(annulation);

    /// <summary>
    /// Renders and stores the avis of every issued titre of <paramref name="titres"/> that has none; returns how many were
    /// stored. <paramref name="progresser"/> receives (done, total) after each slice.
    /// </summary>
    public async Task<int> ProduireAsync(IQueryable<TitreDeRecette> titres, Func<TitreDeRecette, ParametresEmetteur, byte[]> produirePdf, DateTimeOffset quand,
        Func<int, int, Task>? progresser = null, CancellationToken annulation = default)
    {
        ArgumentNullException.ThrowIfNull(produirePdf);
        var ids = await SansAvis(titres).OrderBy(t => t.Id).Select(t => t.Id).ToListAsync(annulation);
        if (ids.Count == 0)
        {
            return 0;
        }

        var emetteur = await db.ParametresEmetteur.AsNoTracking().OrderBy(p => p.Id).FirstAsync(annulation);
        var faits = 0;
        var enCours = new Queue<Task<AvisTitre[]>>();
        foreach (var tranche in ids.Chunk(tailleTranche))
        {
            // Reads the next slice and starts its rendering, then writes the oldest rendered one once enough are ahead:
            // the cores render while the context reads and writes, and never wait for a write to have work.
            var lus = await LireAsync(tranche, annulation);
            enCours.Enqueue(Task.Run(() => Rendre(lus, emetteur, produirePdf, quand, annulation), annulation));
            if (enCours.Count > TranchesEnAvance)
            {
                faits += await EnregistrerSuivanteAsync(enCours, ids.Count, faits, progresser, annulation);
            }
        }

        while (enCours.Count > 0)
        {
            faits += await EnregistrerSuivanteAsync(enCours, ids.Count, faits, progresser, annulation);
        }

        return faits;
    }

    /// <summary>Waits for the oldest slice's rendering, writes it and reports the progress; returns how many avis were stored.</summary>
    private async Task<int> EnregistrerSuivanteAsync(Queue<Task<AvisTitre[]>> enCours, int total, int faits, Func<int, int, Task>? progresser, CancellationToken annulation)
    {
        var stockes = await EnregistrerAsync(await enCours.Dequeue(), annulation);
        if (progresser is not null)
        {
            await progresser(faits + stockes, total);
        }

        return stockes;
    }

    private IQueryable<TitreDeRecette> SansAvis(IQueryable<TitreDeRecette> titres) =>
        titres.Where(t => t.Statut == StatutTitre.Emis && !db.AvisTitres.Any(a => a.TitreId == t.Id));

    private Task<List<TitreDeRecette>> LireAsync(int[] ids, CancellationToken annulation) =>
        db.TitresRecette.AsNoTracking().Include(t => t.Lignes).Where(t => ids.Contains(t.Id)).OrderBy(t => t.Id).AsSplitQuery().ToListAsync(annulation);

    private static AvisTitre[] Rendre(List<TitreDeRecette> titres, ParametresEmetteur emetteur, Func<TitreDeRecette, ParametresEmetteur, byte[]> produirePdf,
        DateTimeOffset quand, CancellationToken annulation)
    {
        var avis = new AvisTitre[titres.Count];
        Parallel.For(0, titres.Count, new ParallelOptions { CancellationToken = annulation }, i =>
            avis[i] = AvisTitre.Produire(titres[i], t => produirePdf(t, emetteur), quand));
        return avis;
    }

    /// <summary>
    /// One slice in one transaction; the avis another run stored meanwhile are left out, not stored twice (on SQLite the
    /// write lock is taken first; elsewhere a run that loses the race on the primary key reads again and retries).
    /// </summary>
    private async Task<int> EnregistrerAsync(AvisTitre[] avis, CancellationToken annulation)
    {
        var ids = avis.Select(a => a.TitreId).ToList();
        for (var essai = 1; ; essai++)
        {
            await using var transaction = await series.CommencerAsync(annulation);
            var deja = (await db.AvisTitres.Where(a => ids.Contains(a.TitreId)).Select(a => a.TitreId).ToListAsync(annulation)).ToHashSet();
            var nouveaux = avis.Where(a => !deja.Contains(a.TitreId)).ToList();
            db.AvisTitres.AddRange(nouveaux);
            try
            {
                await db.SaveChangesAsync(annulation);
                await transaction.CommitAsync(annulation);
                return nouveaux.Count;
            }
            catch (DbUpdateException) when (essai < 3)
            {
                await transaction.RollbackAsync(annulation);
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }
    }
}
