using Microsoft.EntityFrameworkCore;
using Mutualisation.Domain.Campagnes;
using Mutualisation.Domain.Conventions;
using Mutualisation.Domain.Titres;
using Mutualisation.Persistence;
using Mutualisation.Persistence.Titres;
using Mutualisation.Web.Features.Titres;
using Mutualisation.Web.Infrastructure;

namespace Mutualisation.Web.Features.Campagnes;

/// <summary>
/// Issues every ready draft of a campaign in one bordereau through <see cref="EmissionTitres.EmettreAsync"/> (numbers
/// in the issuing transaction), dated today in Paris; a refusal (a missing setting…) issues nothing. The avis des
/// sommes à payer follow with <see cref="ProduireAvisAsync"/> (ADR 0026).
/// </summary>
public sealed class EmissionCampagne(MutualisationDbContext db, EmissionTitres emission, TimeProvider horloge)
{
    /// <summary>The drafts of the campaign that issuing would take.</summary>
    public Task<List<int>> BrouillonsAsync(int campagneId, CancellationToken annulation) =>
        db.TitresRecette.AsNoTracking().Where(t => t.CampagneId == campagneId && t.Statut == StatutTitre.Brouillon).OrderBy(t => t.Id).Select(t => t.Id).ToListAsync(annulation);

    /// <summary>Issues; returns a French summary, or the refusal.</summary>
    public async Task<(string? Message, string? Refus)> EmettreAsync(int campagneId, Auteur auteur, CancellationToken annulation)
    {
        // Not loaded: a campaign carries one result per member, and every SaveChanges of the issue would scan them.
        if (!await db.Set<Campagne>().AnyAsync(c => c.Id == campagneId, annulation))
        {
            return (null, "Cette campagne n'existe plus.");
        }

        var ids = await BrouillonsAsync(campagneId, annulation);
        if (ids.Count == 0)
        {
            return (null, "Aucun titre prêt à émettre : lancez le calcul de la campagne.");
        }

        var quand = horloge.GetUtcNow();
        var resultat = await emission.EmettreAsync(ids, auteur, quand, horloge.AujourdHui(), produirePdf: null, annulation: annulation);
        if (resultat.Refus is { } refus)
        {
            return (null, refus.Message);
        }

        var total = resultat.Titres.Aggregate(Domain.Commun.Montant.Zero, (s, t) => s + t.Total);
        await NoterEmissionAsync(campagneId, resultat.Bordereau!.Numero, resultat.Titres.Count, total, auteur, annulation);
        return ($"{resultat.Titres.Count} titre(s) émis pour {total}, bordereau n° {resultat.Bordereau.Numero} de l'exercice {resultat.Bordereau.Exercice}.", null);
    }

    /// <summary>
    /// Marks the campaign's ready results issued and adds its event. On SQLite and PostgreSQL the tens of thousands of
    /// results are marked by one UPDATE, with the statuses and reason the domain names
    /// (<see cref="ResultatCampagne.StatutAvantEmission"/>, <see cref="ResultatCampagne.StatutApresEmission"/>,
    /// <see cref="ResultatCampagne.MotifApresEmission"/>), the campaign's
    /// exercice read alone: reading them all, then writing them back in slices, took a second for every French
    /// commune. Results are owned by their campaign and keep no history of their own; the campaign's « Titres émis » event
    /// records the issue. SQL Server keeps the change tracker.
    /// </summary>
    private async Task NoterEmissionAsync(int campagneId, int bordereauNumero, int nombre, Domain.Commun.Montant total, Auteur auteur, CancellationToken annulation)
    {
        if (!InsertionEnMasse.Disponible(db))
        {
            var suivie = await db.Set<Campagne>().FirstAsync(c => c.Id == campagneId, annulation);
            suivie.NoterEmission(bordereauNumero, nombre, total, auteur, horloge.GetUtcNow());
            await db.SaveChangesAsync(annulation);
            return;
        }

        // The exercice alone: the campaign itself would come with every result (owned, always loaded).
        var exercice = await db.Set<Campagne>().Where(c => c.Id == campagneId).Select(c => c.Exercice).FirstAsync(annulation);
        var evenement = Campagne.EvenementEmission(exercice, bordereauNumero, nombre, total, auteur, horloge.GetUtcNow());
        await using var transaction = await db.Database.BeginTransactionAsync(annulation);
        await db.Set<Campagne>().Where(c => c.Id == campagneId).SelectMany(c => c.Resultats).Where(r => r.Statut == ResultatCampagne.StatutAvantEmission)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Statut, ResultatCampagne.StatutApresEmission).SetProperty(r => r.Motif, ResultatCampagne.MotifApresEmission), annulation);
        await db.InsererAsync([evenement], (_, _) => campagneId, annulation);
        await transaction.CommitAsync(annulation);
    }

    /// <summary>Renders and stores the avis of the campaign's issued titres that have none yet; returns how many.</summary>
    public Task<int> ProduireAvisAsync(int campagneId, Func<int, int, Task>? progresser, CancellationToken annulation) =>
        new ProductionAvis(db).ProduireAsync(db.TitresRecette.Where(t => t.CampagneId == campagneId), AvisSommesAPayerPdf.Produire, horloge.GetUtcNow(), progresser, annulation);
}
