using Microsoft.EntityFrameworkCore;
using Mutualisation.Domain.Adhesions;
using Mutualisation.Domain.Campagnes;
using Mutualisation.Domain.Commun;
using Mutualisation.Domain.Conventions;
using Mutualisation.Domain.Titres;
using Mutualisation.Persistence;
using Mutualisation.Web.Features.Adhesions;
using Mutualisation.Web.Features.Tarifs;
using Mutualisation.Web.Infrastructure;

namespace Mutualisation.Web.Features.Campagnes;

/// <summary>
/// The dry run of a campaign: the members' stored facts for the exercice facturé (<see cref="FaitsDesMembres.LireAdhesionsAsync"/>)
/// priced by the engine exactly as <c>/contributions</c> does (<see cref="ContributionsReelles.Tarifer"/>), a negotiated
/// amount in place of the service the rules refuse, then one draft titre per member linked to the campaign (lines with
/// their service for the imputation and their bases de liquidation). A service line already billed to the member for
/// the exercice by another ordinary titre (issued, not fully cancelled: the audit titre at report delivery…) is left
/// out with a warning. Running it again replaces the drafts and the results; an issued titre is never touched.
/// </summary>
public sealed class CalculCampagne(MutualisationDbContext db, TarifsDeLExercice tarifs, FaitsDesMembres faits, TimeProvider horloge)
{
    /// <summary>Computes the campaign; <paramref name="progresser"/> receives (done, total). Returns the summary, or throws <see cref="Travaux.TravailRefuseException"/>.</summary>
    public async Task<string> CalculerAsync(int campagneId, Auteur auteur, Func<int, int, Task> progresser, CancellationToken annulation)
    {
        ArgumentNullException.ThrowIfNull(progresser);

        // The drafts already there are the only tracked objects that change: their changes are detected once, before saving.
        var detection = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            return await CalculerSansDetectionAsync(campagneId, auteur, progresser, annulation);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detection;
        }
    }

    private async Task<string> CalculerSansDetectionAsync(int campagneId, Auteur auteur, Func<int, int, Task> progresser, CancellationToken annulation)
    {
        // With the bulk path the campaign is read without tracking: its tens of thousands of results are not the tracker's business.
        var sourceCampagnes = InsertionEnMasse.Disponible(db) ? db.Set<Campagne>().AsNoTracking() : db.Set<Campagne>();
        // Its owned collections in separate queries: joined, a rerun read results × events × negotiated amounts.
        var campagne = await sourceCampagnes.AsSplitQuery().FirstOrDefaultAsync(c => c.Id == campagneId, annulation)
            ?? throw new Travaux.TravailRefuseException("Cette campagne n'existe plus.");
        var n = campagne.ExerciceFacture;
        var tarif = await tarifs.EnVigueurAsync(n, annulation)
            ?? throw new Travaux.TravailRefuseException($"Aucune version du catalogue n'est votée pour l'exercice {n} : rien ne peut être tarifé.");
        var emetteur = await db.ParametresEmetteur.AsNoTracking().OrderBy(p => p.Id).FirstOrDefaultAsync(annulation);
        var seuil = emetteur?.Seuil ?? ParametresEmetteur.SeuilReglementaire;

        var lus = (await faits.LireAdhesionsAsync(tarif, null, annulation)).Where(m => m.Adhere).ToList();

        // A member without a population of the right millésime (nor an earlier one) is read again with its latest one:
        // priced, with a warning to review, rather than silently left out.
        var sansPopulation = lus.Where(m => m.Population is null).Select(m => m.MembreId).ToList();
        if (sansPopulation.Count > 0)
        {
            var rattrapes = (await faits.LireAdhesionsAsync(tarif with { MillesimePopulation = int.MaxValue }, sansPopulation, annulation))
                .Where(m => m.Population is not null).ToDictionary(m => m.MembreId);
            lus = lus.Select(m => rattrapes.GetValueOrDefault(m.MembreId) ?? m).ToList();
        }
        await progresser(0, lus.Count);

        var debiteurs = (await db.Membres.AsNoTracking().Where(m => db.Set<Adhesion>().Any(a => a.MembreId == m.Id))
                .Select(m => new { m.Id, m.Nom, m.Siren, m.CodeInsee, m.Adresse }).ToListAsync(annulation))
            .ToDictionary(m => m.Id, m => new Debiteur(m.Nom, m.Siren.Valeur, m.CodeInsee.Valeur, m.Adresse.ToString()));
        var factures = await FacturesAsync(n, annulation);
        var precedents = await TotauxAsync(n - 1, annulation);
        var debutN = new DateOnly(n, 1, 1);
        var finN = new DateOnly(n, 12, 31);
        var sorties = (await db.Conventions.AsNoTracking().Where(c => c.DateSortie != null && c.DateSortie >= debutN && c.DateSortie <= finN)
                .Select(c => new { c.MembreId, Sortie = c.DateSortie!.Value }).ToListAsync(annulation))
            .ToLookup(c => c.MembreId, c => c.Sortie);
        // With the bulk path the campaign's titres are read bare and untracked: a draft recomputed gets its new lines and
        // event in memory, written in bulk after its old lines are deleted by one statement (see EnregistrerAsync).
        var sourceTitres = InsertionEnMasse.Disponible(db)
            ? db.TitresRecette.AsNoTracking()
            : db.TitresRecette.Include(t => t.Lignes).Include(t => t.Evenements).AsSplitQuery();
        var brouillons = (await sourceTitres.Where(t => t.CampagneId == campagne.Id).ToListAsync(annulation))
            .ToDictionary(t => t.MembreId);
        // What the domain may change on a draft it recomputes (its total), noted before: written afterwards only where it changed.
        var avant = InsertionEnMasse.Disponible(db) ? db.Relever(brouillons.Values.Where(t => t.Statut == StatutTitre.Brouillon).ToList()) : null;

        var fondement = $"Convention d'adhésion du membre ; catalogue de l'exercice {n}"
            + (tarif.Version.DeliberationNumero is { } numero && tarif.Version.DeliberationLe is { } le ? $" voté par délibération n° {numero} du {FormatFr.Date(le)}" : string.Empty) + ".";
        var quand = horloge.GetUtcNow();
        var resultats = new List<(ResultatCampagne Resultat, TitreDeRecette? Titre)>(lus.Count);
        var nouveaux = new List<TitreDeRecette>(lus.Count);
        var supprimes = new List<TitreDeRecette>();
        var fait = 0;
        foreach (var lu in lus)
        {
            annulation.ThrowIfCancellationRequested();
            var avertissements = new List<string>();
            if (lu.Millesime is { } millesime && millesime != tarif.MillesimePopulation)
            {
                avertissements.Add($"Pas de population du millésime {tarif.MillesimePopulation}{(millesime > tarif.MillesimePopulation ? " ni d'un millésime antérieur" : string.Empty)} : celle du millésime {millesime} est retenue.");
            }

            foreach (var sortie in sorties[lu.MembreId])
            {
                avertissements.Add($"Convention terminée en cours d'année (sortie le {FormatFr.Date(sortie)}).");
            }

            Montant? precedent = precedents.TryGetValue(lu.MembreId, out var p) ? p : null;
            brouillons.TryGetValue(lu.MembreId, out var titre);
            var resultat = titre is { Statut: StatutTitre.Emis }
                ? new ResultatCampagne(lu.MembreId, lu.Nom, lu.Population, StatutResultat.DejaFacture, $"Titre n° {titre.Numero} émis le {FormatFr.Date(titre.EmisLe!.Value)} (il ne change plus).",
                    null, avertissements, titre.Total, precedent, titre.Id)
                : Calculer(campagne, tarif, lu, debiteurs.GetValueOrDefault(lu.MembreId), factures[lu.MembreId].ToList(), avertissements, precedent, seuil, emetteur, fondement, auteur, quand, ref titre);
            if (resultat.Statut != StatutResultat.DejaFacture && resultat.Statut != StatutResultat.Pret && titre is { Statut: StatutTitre.Brouillon })
            {
                supprimes.Add(titre);
            }
            else if (titre is { Id: 0 })
            {
                nouveaux.Add(titre);
            }

            resultats.Add((resultat, resultat.Statut == StatutResultat.Pret ? titre : null));
            if (++fait % 25 == 0)
            {
                await progresser(fait, lus.Count);
            }
        }

        // Drafts of members no longer priced (adhesion gone): removed.
        var lusIds = lus.Select(l => l.MembreId).ToHashSet();
        supprimes.AddRange(brouillons.Values.Where(t => t.Statut == StatutTitre.Brouillon && !lusIds.Contains(t.MembreId)));
        // A draft left as it was (every service of its member already billed by other titres) keeps its lines.
        var recalcules = brouillons.Values.Where(t => t.Statut == StatutTitre.Brouillon && t.Evenements.Any(e => e.Id == 0)).Except(supprimes).ToList();
        var intacts = brouillons.Values.Where(t => t.Statut == StatutTitre.Brouillon).Except(supprimes).Except(recalcules).Select(t => t.Id).ToList();

        await using var transaction = await db.Database.BeginTransactionAsync(annulation);
        await EnregistrerAsync(campagne, nouveaux, new Brouillons(supprimes, recalcules, intacts, avant), resultats, auteur, annulation);
        await transaction.CommitAsync(annulation);
        await progresser(lus.Count, lus.Count);
        return campagne.Evenements[^1].Detail ?? "Calcul terminé.";
    }

    /// <summary>
    /// Writes the computation in the caller's transaction: the drafts removed through the change tracker (a few), those
    /// recomputed by <see cref="RemplacerLignesAsync"/>; the new drafts with their lines and events, then the results
    /// replacing the previous ones, in bulk (<see cref="InsertionEnMasse"/>: tens of thousands of rows, one by one through the tracker, took
    /// most of the time of a campaign of every French commune), their history entries with them; the campaign's date of
    /// computation and its new event likewise. On a provider without the bulk path (SQL Server), everything goes through
    /// the tracker, as before.
    /// </summary>
    private async Task EnregistrerAsync(Campagne campagne, List<TitreDeRecette> nouveaux, Brouillons anciens, List<(ResultatCampagne Resultat, TitreDeRecette? Titre)> resultats,
        Auteur auteur, CancellationToken annulation)
    {
        var enMasse = InsertionEnMasse.Disponible(db);
        if (!enMasse)
        {
            db.TitresRecette.RemoveRange(anciens.Supprimes);
            db.TitresRecette.AddRange(nouveaux);
            await EnregistrerSuiviAsync(annulation);
        }
        else
        {
            await SupprimerBrouillonsAsync(anciens.Supprimes, annulation);
            await RemplacerLignesAsync(campagne.Id, anciens, annulation);
            await db.InsererAsync(nouveaux, null, annulation);
            var lignes = nouveaux.SelectMany(t => t.Lignes.Select(l => (Titre: t.Id, Ligne: l))).ToList();
            await db.InsererAsync(lignes.Select(l => l.Ligne).ToList(), (i, _) => lignes[i].Titre, annulation);
            var evenements = nouveaux.SelectMany(t => t.Evenements.Select(e => (Titre: t.Id, Evenement: e))).ToList();
            await db.InsererAsync(evenements.Select(e => e.Evenement).ToList(), (i, _) => evenements[i].Titre, annulation);
        }

        var calculeAvant = campagne.CalculeLe;
        var evenementsAvant = campagne.Evenements.Count;
        campagne.EnregistrerResultats(resultats.Select(r => r.Titre is { Id: > 0 } t && r.Resultat.TitreId is null ? r.Resultat.AvecTitre(t.Id) : r.Resultat), auteur, horloge.GetUtcNow());
        if (!enMasse)
        {
            await EnregistrerSuiviAsync(annulation);
            return;
        }

        // The campaign was read without tracking: its results replace the previous ones in one DELETE and a few INSERTs,
        // its new event is inserted, its date of computation updated and written to the history as SaveChanges would.
        await db.SupprimerAsync<ResultatCampagne>("CampagneId", campagne.Id, annulation);
        await db.InsererAsync(campagne.Resultats, (_, _) => campagne.Id, annulation);
        await db.InsererAsync(campagne.Evenements.Skip(evenementsAvant).ToList(), (_, _) => campagne.Id, annulation);
        await db.Set<Campagne>().Where(c => c.Id == campagne.Id).ExecuteUpdateAsync(c => c.SetProperty(x => x.CalculeLe, campagne.CalculeLe), annulation);
        await db.HistoriserModificationAsync(campagne, nameof(Campagne.CalculeLe), calculeAvant, annulation);
    }

    /// <summary>Drafts of a computation that go (their member is no longer priced) through the tracker: a few rows, their history as SaveChanges writes it.</summary>
    private async Task SupprimerBrouillonsAsync(List<TitreDeRecette> supprimes, CancellationToken annulation)
    {
        foreach (var tranche in supprimes.Select(t => t.Id).Chunk(2000))
        {
            db.TitresRecette.RemoveRange(await db.TitresRecette.Include(t => t.Lignes).Include(t => t.Evenements).AsSplitQuery()
                .Where(t => tranche.Contains(t.Id) && t.Statut == StatutTitre.Brouillon).ToListAsync(annulation));
            await EnregistrerSuiviAsync(annulation);
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>
    /// SaveChanges with the detection of changes on: the history interceptor completes its entries' keys after the
    /// insert and saves them again, which a tracker without detection would not see (entries without the key of their row).
    /// </summary>
    private async Task EnregistrerSuiviAsync(CancellationToken annulation)
    {
        var detection = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = true;
        try
        {
            await db.SaveChangesAsync(annulation);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detection;
        }
    }

    /// <summary>
    /// The drafts already there and recomputed keep their key and their events (the reviewers' links, the history): their
    /// old lines are deleted in one statement, their new lines and « Brouillon recalculé » event inserted in bulk, and
    /// the rows the domain changed (a total) written by <see cref="InsertionEnMasse.ModifierAsync"/>; the history gets what SaveChanges
    /// would have written (« Suppression » of each old line, « Création » of each new row, « Modification » of a total).
    /// Only drafts are touched: the statements select the campaign's titres still in draft, as the triggers require.
    /// </summary>
    private async Task RemplacerLignesAsync(int campagneId, Brouillons anciens, CancellationToken annulation)
    {
        if (anciens.Recalcules.Count == 0)
        {
            return;
        }

        var historique = InsertionEnMasse.Historique(db);
        var intacts = anciens.Intacts;
        var lignesDesBrouillons = db.Set<LigneTitre>().Where(l => db.TitresRecette.Any(t => t.CampagneId == campagneId && t.Statut == StatutTitre.Brouillon
            && !intacts.Contains(t.Id) && t.Id == EF.Property<int?>(l, "TitreId")));
        if (historique is not null)
        {
            var typeLigne = db.Model.FindEntityType(typeof(LigneTitre))!;
            var suppressions = (await lignesDesBrouillons.AsNoTracking().ToListAsync(annulation)).Select(l => historique.Suppression(db, typeLigne, l)).ToList();
            await db.InsererAsync(suppressions, null, annulation);
        }

        await lignesDesBrouillons.ExecuteDeleteAsync(annulation);
        var lignes = anciens.Recalcules.SelectMany(t => t.Lignes.Select(l => (Titre: t.Id, Ligne: l))).ToList();
        await db.InsererAsync(lignes.Select(l => l.Ligne).ToList(), (i, _) => lignes[i].Titre, annulation);
        var evenements = anciens.Recalcules.SelectMany(t => t.Evenements.Where(e => e.Id == 0).Select(e => (Titre: t.Id, Evenement: e))).ToList();
        await db.InsererAsync(evenements.Select(e => e.Evenement).ToList(), (i, _) => evenements[i].Titre, annulation);

        // Their rows as the domain left them (the total of a draft whose lines changed), with the history SaveChanges writes.
        await db.ModifierAsync(anciens.Avant!, annulation);
    }

    /// <summary>The campaign's drafts already there: those to delete, those recomputed, those left as they were; their values before (bulk path).</summary>
    private sealed record Brouillons(List<TitreDeRecette> Supprimes, List<TitreDeRecette> Recalcules, List<int> Intacts, ReleveEnMasse<TitreDeRecette>? Avant);

    private static ResultatCampagne Calculer(Campagne campagne, ExerciceTarifaire tarif, FaitsReels lu, Debiteur? debiteur, IReadOnlyList<DejaFacture> factures,
        List<string> avertissements, Montant? precedent, Montant seuil, ParametresEmetteur? emetteur, string fondement, Auteur auteur, DateTimeOffset quand, ref TitreDeRecette? titre)
    {
        ResultatCampagne Resultat(StatutResultat statut, string? motif, string? service = null, Montant total = default) =>
            new(lu.MembreId, lu.Nom, lu.Population, statut, motif, service, avertissements, total, precedent, null);

        if (lu.Population is null)
        {
            avertissements.Add($"Pas de population légale du millésime {tarif.MillesimePopulation} (ni d'un millésime antérieur).");
        }

        if (debiteur is null)
        {
            return Resultat(StatutResultat.Exclu, "Membre introuvable.");
        }

        var souscrits = lu.Faits.Abonnements.Select(a => a.CodeService).ToHashSet(StringComparer.Ordinal);
        var negocies = campagne.MontantsNegocies.Where(m => m.MembreId == lu.MembreId && souscrits.Contains(m.CodeService)).ToList();
        var prix = ContributionsReelles.Tarifer(tarif.Catalogue, lu, negocies.Select(m => m.CodeService).ToHashSet(StringComparer.Ordinal));
        if (prix.Contribution is null)
        {
            if (prix.RefusTarification is { ExigeNegociation: true } refus)
            {
                if (lu.Population > 8000)
                {
                    avertissements.Add($"Plus de 8 000 habitants ({FormatFr.Entier(lu.Population)}) : un montant négocié, avec sa justification, est attendu.");
                }

                return Resultat(StatutResultat.EnAttenteNegociation, refus.Message, refus.CodeService);
            }

            return Resultat(StatutResultat.Exclu, prix.Refus ?? "Aucun prix automatique.");
        }

        var lignes = new List<LignePrevue>();
        foreach (var l in prix.Contribution.Lignes.Where(l => l.Montant != 0))
        {
            lignes.Add(new LignePrevue(l.Libelle, FormatFr.Bases(l.Bases), new Montant(l.Montant), l.CodeService, null, null));
        }

        foreach (var m in negocies)
        {
            var libelle = tarif.Catalogue.Services.FirstOrDefault(s => s.Code == m.CodeService)?.Libelle ?? m.CodeService;
            lignes.Add(new LignePrevue($"{libelle} : montant négocié", $"Montant négocié, hors grille : {m.Justification} (saisi par {m.SaisiParNom} le {FormatFr.Date(DateOnly.FromDateTime(m.SaisiLe.UtcDateTime))})",
                m.Montant, m.CodeService, null, null));
        }

        foreach (var deja in factures)
        {
            var retires = lignes.RemoveAll(l => l.CodeService is not null && deja.Codes.Contains(l.CodeService));
            if (retires > 0)
            {
                avertissements.Add($"Déjà facturé par le titre n° {deja.Numero} (exercice {deja.Exercice}) : {retires} ligne(s) de ce service laissée(s) hors du titre de la campagne.");
            }
        }

        if (lignes.Count == 0)
        {
            return Resultat(factures.Count > 0 ? StatutResultat.DejaFacture : StatutResultat.Exclu,
                factures.Count > 0 ? "Tous ses services de l'exercice sont déjà facturés par d'autres titres." : "Rien à facturer pour l'exercice.");
        }

        var total = lignes.Aggregate(Montant.Zero, (s, l) => s + l.Montant);
        if (total.Euros < seuil.Euros)
        {
            avertissements.Add($"Total de {total} sous le seuil de {seuil} (CGCT, art. D1611-1) : aucun titre.");
            return Resultat(StatutResultat.SousLeSeuil, $"Sous le seuil de {seuil}.", total: total);
        }

        RefusTitre? refusTitre;
        if (titre is null)
        {
            var objet = $"Contribution aux services mutualisés, exercice {campagne.ExerciceFacture}";
            refusTitre = TitreDeRecette.Creer(lu.MembreId, debiteur, campagne.Exercice, campagne.ExerciceFacture, campagne.Budget, objet,
                negocies.Count > 0 ? $"{fondement} Montant négocié : {string.Join(" ; ", negocies.Select(m => m.Justification))}" : fondement, lignes, auteur, quand, out titre);
            titre?.RattacherACampagne(campagne.Id);
        }
        else
        {
            refusTitre = titre.RemplacerLignes(lignes, auteur, quand);
        }

        // Imputed now from the settings, as the issue would: the issue then finds its lines already imputed and writes
        // nothing more to them (it still imputes again whatever the settings changed in between).
        if (refusTitre is null && emetteur is not null)
        {
            titre!.ImputerLignes(emetteur);
        }

        return refusTitre is null
            ? new ResultatCampagne(lu.MembreId, lu.Nom, lu.Population, StatutResultat.Pret, null, null, avertissements, total, precedent, titre!.Id == 0 ? null : titre.Id)
            : Resultat(StatutResultat.Exclu, refusTitre.Message);
    }

    /// <summary>Per member, the ordinary titres issued for exercice <paramref name="n"/> outside this campaign's drafts and not fully cancelled, with the services they bill.</summary>
    private async Task<ILookup<int, DejaFacture>> FacturesAsync(int n, CancellationToken annulation)
    {
        var emis = await db.TitresRecette.AsNoTracking()
            .Where(t => t.ExerciceFacture == n && t.Statut == StatutTitre.Emis && t.Nature == NatureTitre.Ordinaire)
            .Select(t => new { t.Id, t.MembreId, t.CampagneId, t.Numero, t.Exercice, t.Total, Codes = t.Lignes.Where(l => l.CodeService != null).Select(l => l.CodeService!).ToList() })
            .ToListAsync(annulation);
        var reductions = await ReductionsAsync(n, annulation);
        return emis.Where(t => t.CampagneId is null && reductions.GetValueOrDefault(t.Id).Euros < t.Total.Euros)
            .ToLookup(t => t.MembreId, t => new DejaFacture(t.Numero ?? 0, t.Exercice, t.Codes.ToHashSet(StringComparer.Ordinal)));
    }

    /// <summary>Per member, the total of its issued titres for exercice <paramref name="n"/>, net of their issued reductions.</summary>
    private async Task<Dictionary<int, Montant>> TotauxAsync(int n, CancellationToken annulation)
    {
        var emis = await db.TitresRecette.AsNoTracking().Where(t => t.ExerciceFacture == n && t.Statut == StatutTitre.Emis)
            .Select(t => new { t.MembreId, t.Nature, t.Total }).ToListAsync(annulation);
        return emis.GroupBy(t => t.MembreId).ToDictionary(
            g => g.Key,
            g => new Montant(g.Sum(t => t.Nature == NatureTitre.Ordinaire ? t.Total.Euros : -t.Total.Euros)));
    }

    private async Task<Dictionary<int, Montant>> ReductionsAsync(int n, CancellationToken annulation) =>
        (await db.TitresRecette.AsNoTracking()
            .Where(t => t.ExerciceFacture == n && t.Statut == StatutTitre.Emis && t.Nature == NatureTitre.AnnulationReduction && t.TitreOrigineId != null)
            .Select(t => new { Origine = t.TitreOrigineId!.Value, t.Total }).ToListAsync(annulation))
        .GroupBy(t => t.Origine).ToDictionary(g => g.Key, g => g.Aggregate(Montant.Zero, (s, t) => s + t.Total));

    private sealed record DejaFacture(int Numero, int Exercice, IReadOnlySet<string> Codes);
}
