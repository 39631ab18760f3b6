using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Mutualisation.Domain.Conventions;
using Mutualisation.Domain.Membres;
using Mutualisation.Domain.Titres;
using Mutualisation.Persistence;
using Mutualisation.Persistence.Pes;
using Mutualisation.Persistence.Titres;

namespace Mutualisation.Web.Features.Pes;

/// <summary>What producing a bordereau's PES file gives: the kept file, or why there is none (French, naming the setting or the titre).</summary>
public sealed record ResultatExportPes(ExportPes? Export, IReadOnlyList<string> Refus);

/// <summary>
/// Produces, checks and keeps the PES V2 file of a bordereau of titres (issue 12, ADR 0025, mapping in
/// <c>docs/pes-v2.md</c>). Produced once: the file is written to a temporary file from the issued titres (immutable),
/// their stored avis and pièces justificatives, checked against the DGFiP's schemas, then kept with its SHA-256 in the
/// transaction that takes its <c>IdBord</c> numbers (one series per exercice, budget and <c>TypBord</c>); every later
/// download returns the kept bytes. A missing setting or a titre Hélios would reject gives a French refusal, never an
/// invalid file.
/// </summary>
public sealed class ExportsPes(MutualisationDbContext db, ILogger<ExportsPes> journal)
{
    /// <summary>Lines without a catalogue service (mandataire reimbursements, indemnity shares) take the imputation of this code.</summary>
    public const string CodeHorsCatalogue = "HORS-CATALOGUE";

    public const string TypBordOrdinaire = "01";
    public const string TypBordAnnulation = "02";

    /// <summary>How many titres' documents one query reads when the pièces justificatives are written.</summary>
    private const int TranchePj = 100;

    private const int TentativesNumerotation = 5;

    /// <summary>One production at a time in this process (they are rare and long); between instances the numbers are checked at commit.</summary>
    private static readonly SemaphoreSlim UneALaFois = new(1, 1);

    private const int RefusMax = 10;

    private sealed record TitreLu(int Id, int Numero, int Exercice, NatureTitre Nature, int MembreId, string Objet, string Fondement,
        string DebiteurNom, string DebiteurSiren, string? DebiteurCodeInsee, string DebiteurAdresse, int? TitreOrigineId);

    private sealed record LigneLue(int TitreId, int Ordre, string Libelle, string Bases, decimal Montant, string? CodeService, string? CompteNature, string? Fonction);

    private sealed record PieceLue(int Id, int TitreId, string NomFichier, string TypeContenu, string Fournisseur, string NumeroFacture);

    /// <summary>The kept PES file of a bordereau, or null when none was produced.</summary>
    public Task<ExportPes?> DuBordereauAsync(int bordereauId, CancellationToken annulation = default) =>
        db.Set<ExportPes>().AsNoTracking().Include(e => e.Bordereaux).FirstOrDefaultAsync(e => e.BordereauId == bordereauId, annulation);

    /// <summary>Writes the kept bytes of a PES file to <paramref name="sortie"/>, one slice at a time.</summary>
    public async Task CopierAsync(int exportId, Stream sortie, CancellationToken annulation = default)
    {
        ArgumentNullException.ThrowIfNull(sortie);
        var morceaux = await db.Set<MorceauExportPes>().AsNoTracking().Where(m => m.ExportPesId == exportId).OrderBy(m => m.Ordre).Select(m => m.Id).ToListAsync(annulation);
        foreach (var id in morceaux)
        {
            var contenu = await db.Set<MorceauExportPes>().AsNoTracking().Where(m => m.Id == id).Select(m => m.Contenu).SingleAsync(annulation);
            await sortie.WriteAsync(contenu, annulation);
        }
    }

    /// <summary>The bordereau's PES file: the kept one, or a new one produced, checked and kept now.</summary>
    public async Task<ResultatExportPes> ProduireAsync(int bordereauId, Auteur auteur, DateTimeOffset quand, CancellationToken annulation = default)
    {
        ArgumentNullException.ThrowIfNull(auteur);
        if (await DuBordereauAsync(bordereauId, annulation) is { } existant)
        {
            return new(existant, []);
        }

        await UneALaFois.WaitAsync(annulation);
        try
        {
            return await DeNouveauAsync(bordereauId, auteur, quand, annulation);
        }
        finally
        {
            UneALaFois.Release();
        }
    }

    private async Task<ResultatExportPes> DeNouveauAsync(int bordereauId, Auteur auteur, DateTimeOffset quand, CancellationToken annulation)
    {
        if (await DuBordereauAsync(bordereauId, annulation) is { } existant)
        {
            return new(existant, []);
        }

        var bordereau = await db.Bordereaux.AsNoTracking().FirstOrDefaultAsync(b => b.Id == bordereauId, annulation);
        var emetteur = await db.ParametresEmetteur.AsNoTracking().Include(p => p.Imputations).OrderBy(p => p.Id).FirstOrDefaultAsync(annulation);
        if (bordereau is null)
        {
            return new(null, ["Ce bordereau n'existe pas."]);
        }

        if (emetteur is null)
        {
            return new(null, ["Les paramètres de l'émetteur ne sont pas saisis (page « Paramètres de l'émetteur »)."]);
        }

        var (entete, bordereaux, refus) = await PreparerAsync(bordereau, emetteur, annulation);
        if (refus.Count > 0)
        {
            return new(null, refus);
        }

        var series = new SeriesNumerotees(db);
        var dossier = Path.Combine(Path.GetTempPath(), "mutualisation-pes");
        Directory.CreateDirectory(dossier);
        for (var tentative = 1; tentative <= TentativesNumerotation; tentative++)
        {
            // The numbers are guessed from the counters, the file written and checked outside any lock, then the numbers
            // taken in the transaction that keeps the file: when another export took one meanwhile, the file is written again.
            var numeros = new Dictionary<string, int>();
            foreach (var b in bordereaux)
            {
                numeros[b.TypBord] = await series.DernierAsync(bordereau.Exercice, bordereau.Budget, CompteurTitres.SeriePes(b.TypBord), annulation) + 1;
            }

            var numerotes = bordereaux.Select(b => b with { IdBord = numeros[b.TypBord] }).ToList();
            var chemin = Path.Combine(dossier, $"{Guid.NewGuid():N}.xml");
            try
            {
                await EcrireAsync(chemin, bordereau.Id, entete, numerotes, annulation);
                await using (var lecture = File.OpenRead(chemin))
                {
                    var erreurs = SchemasPes.Valider(lecture);
                    if (erreurs.Count > 0)
                    {
                        journal.LogError("Fichier PES du bordereau {BordereauId} refusé par les schémas : {Erreurs}", bordereauId, string.Join(" | ", erreurs));
                        return new(null, [$"Le fichier produit ne respecte pas les schémas PES V2 de la DGFiP ; il n'est pas gardé. Première erreur : {erreurs[0]}"]);
                    }
                }

                var gardé = await GarderAsync(bordereau, chemin, entete.NomFichier + ".xml", numerotes, auteur, quand, annulation);
                if (gardé is not null)
                {
                    return new(gardé, []);
                }
            }
            finally
            {
                File.Delete(chemin);
            }
        }

        return new(null, ["D'autres fichiers PES ont été produits en même temps : réessayez."]);
    }

    /// <summary>Reads the bordereau's titres and checks each against what Hélios needs; returns the file's content plan or the refusals.</summary>
    private async Task<(EnTetePes Entete, List<BordereauFlux> Bordereaux, List<string> Refus)> PreparerAsync(Bordereau bordereau, ParametresEmetteur emetteur,
        CancellationToken annulation)
    {
        var titres = await db.TitresRecette.AsNoTracking().Where(t => t.BordereauId == bordereau.Id && t.Statut == StatutTitre.Emis).OrderBy(t => t.Numero)
            .Select(t => new TitreLu(t.Id, t.Numero!.Value, t.Exercice, t.Nature, t.MembreId, t.Objet, t.Fondement, t.DebiteurNom, t.DebiteurSiren,
                t.DebiteurCodeInsee, t.DebiteurAdresse, t.TitreOrigineId))
            .ToListAsync(annulation);
        var lignes = (await db.TitresRecette.AsNoTracking().Where(t => t.BordereauId == bordereau.Id)
                .SelectMany(t => t.Lignes, (t, l) => new { TitreId = t.Id, l.Ordre, l.Libelle, l.Bases, l.Montant, l.CodeService, l.CompteNature, l.Fonction })
                .ToListAsync(annulation))
            .Select(l => new LigneLue(l.TitreId, l.Ordre, l.Libelle, l.Bases, l.Montant.Euros, l.CodeService, l.CompteNature, l.Fonction))
            .ToLookup(l => l.TitreId);
        var originaux = titres.Where(t => t.TitreOrigineId is not null).Select(t => t.TitreOrigineId!.Value).Distinct().ToList();
        var origines = originaux.Count == 0
            ? []
            : (await db.TitresRecette.AsNoTracking().Where(t => originaux.Contains(t.Id))
                .Select(t => new { t.Id, t.Exercice, t.Numero, Service = t.Lignes.OrderBy(l => l.Ordre).Select(l => l.CodeService).FirstOrDefault() })
                .ToListAsync(annulation)).ToDictionary(o => o.Id);
        var membres = await db.TitresRecette.AsNoTracking().Where(t => t.BordereauId == bordereau.Id).Select(t => t.MembreId).Distinct()
            .Join(db.Membres.AsNoTracking(), id => id, m => m.Id, (id, m) => new { m.Id, m.Nature, m.Nom })
            .ToDictionaryAsync(m => m.Id, annulation);
        var pieces = (await db.Set<PieceJustificative>().AsNoTracking().Where(p => p.Titre!.BordereauId == bordereau.Id).OrderBy(p => p.Id)
            .Select(p => new PieceLue(p.Id, p.TitreId, p.NomFichier, p.TypeContenu, p.Fournisseur, p.NumeroFacture)).ToListAsync(annulation)).ToLookup(p => p.TitreId);

        string Service(TitreLu t, LigneLue l) =>
            l.CodeService ?? (t.TitreOrigineId is { } o && origines.TryGetValue(o, out var origine) ? origine.Service : null) ?? CodeHorsCatalogue;

        var refus = emetteur.ManquantsPes(titres.SelectMany(t => lignes[t.Id].Select(l => Service(t, l)))).Select(m => $"Paramètre manquant : {m}.").ToList();
        var entete = new EnTetePes($"PESALR1_{emetteur.PesIdColl}_{bordereau.Exercice}_{bordereau.Numero}", emetteur.PesLogicielEditeur ?? string.Empty,
            emetteur.PesLogicielNom ?? string.Empty, bordereau.EmisLe, emetteur.PesIdPost ?? string.Empty, emetteur.PesIdColl ?? string.Empty,
            emetteur.PesCodCol ?? string.Empty, emetteur.PesCodBud ?? string.Empty, emetteur.PesLibelleBudget);
        if (titres.Count == 0)
        {
            refus.Add("Ce bordereau ne porte aucun titre émis.");
        }

        var sansAvis = await new Persistence.Titres.ProductionAvis(db).ManquantsAsync(db.TitresRecette.Where(t => t.BordereauId == bordereau.Id), annulation);
        if (sansAvis > 0)
        {
            refus.Add($"{sansAvis} avis des sommes à payer de ce bordereau ne sont pas encore produits : le fichier PES les joint tous en pièces justificatives.");
        }

        if (refus.Count > 0)
        {
            return (entete, [], refus);
        }

        var ordinaires = new List<PieceFlux>();
        var annulations = new List<PieceFlux>();
        foreach (var t in titres)
        {
            var (piece, pourquoi) = Piece(t, lignes[t.Id].OrderBy(l => l.Ordre).ToList(), l => Service(t, l), emetteur,
                membres.TryGetValue(t.MembreId, out var m) ? (m.Nature, m.Nom) : (NatureMembre.Commune, t.DebiteurNom),
                t.TitreOrigineId is { } o && origines.TryGetValue(o, out var origine) && origine.Numero is { } n ? new RattachementFlux(origine.Exercice, n) : null,
                pieces[t.Id].ToList(), emetteur.PesIdColl!);
            if (pourquoi is not null)
            {
                if (refus.Count < RefusMax)
                {
                    refus.Add($"Titre n° {t.Numero} ({t.DebiteurNom}) : {pourquoi}");
                }

                continue;
            }

            (t.Nature == NatureTitre.AnnulationReduction ? annulations : ordinaires).Add(piece!);
        }

        var bordereaux = new List<BordereauFlux>();
        if (ordinaires.Count > 0)
        {
            bordereaux.Add(new BordereauFlux(bordereau.Exercice, 0, bordereau.EmisLe, TypBordOrdinaire, ordinaires));
        }

        if (annulations.Count > 0)
        {
            bordereaux.Add(new BordereauFlux(bordereau.Exercice, 0, bordereau.EmisLe, TypBordAnnulation, annulations));
        }

        return (entete, bordereaux, refus);
    }

    /// <summary>One titre as a <c>Piece</c>, or why Hélios would reject it.</summary>
    private static (PieceFlux? Piece, string? Refus) Piece(TitreLu t, List<LigneLue> lignes, Func<LigneLue, string> service, ParametresEmetteur emetteur,
        (NatureMembre Nature, string Nom) membre, RattachementFlux? rattachement, List<PieceLue> pieces, string idColl)
    {
        if (AdresseDe(t.DebiteurAdresse) is not { } adresse)
        {
            return (null, "l'adresse du débiteur n'a pas de voie, de code postal à 5 chiffres et de ville (fiche du membre à compléter, puis titre à remplacer).");
        }

        if (t.DebiteurSiren.Length != 9 || !t.DebiteurSiren.All(char.IsAsciiDigit))
        {
            return (null, "le SIREN du débiteur manque.");
        }

        if (t.Nature == NatureTitre.AnnulationReduction && rattachement is null)
        {
            return (null, "le titre réduit ou annulé est introuvable.");
        }

        // One LigneDePiece per priced line; a service whose lines include a deduction or an exemption is sent as one
        // line, net (PES amounts are strictly positive); a service whose net is zero is not sent (nothing to collect).
        var sorties = new List<LigneFlux>();
        foreach (var groupe in lignes.GroupBy(l => (Service: service(l), l.CompteNature, l.Fonction)))
        {
            var imputation = emetteur.ImputationDe(groupe.Key.Service)!;
            var nature = groupe.Key.CompteNature ?? imputation.CompteNature;
            var fonction = groupe.Key.Fonction ?? imputation.Fonction;
            if (!nature.All(char.IsAsciiDigit) || nature.Length is 0 or > 12 || !fonction.All(char.IsAsciiDigit) || fonction.Length > 10)
            {
                return (null, $"l'imputation {nature} / {fonction} n'est pas numérique comme Hélios l'attend.");
            }

            LigneFlux Sortie(string objet, decimal montant) => new(objet, imputation.CodeProduitLocal!, nature.TrimStart('0'), fonction, montant);
            if (groupe.All(l => l.Montant > 0))
            {
                sorties.AddRange(groupe.Select(l => Sortie($"{l.Libelle} : {l.Bases}", l.Montant)));
                continue;
            }

            var net = groupe.Sum(l => l.Montant);
            if (net < 0)
            {
                return (null, $"les lignes du service {groupe.Key.Service} sont négatives au total ({FluxPesAller.Montant(net)} €).");
            }

            if (net > 0)
            {
                sorties.Add(Sortie(string.Join(" ; ", groupe.Select(l => $"{l.Libelle} {FluxPesAller.Montant(l.Montant)}")), net));
            }
        }

        if (sorties.Count == 0)
        {
            return (null, "aucune ligne n'a de montant positif.");
        }

        var pjs = new List<PjFlux>
        {
            new($"ASAP{idColl}{t.Exercice}N{t.Numero}", $"avis-{t.Exercice}-{t.Numero}.pdf", $"Avis des sommes à payer du titre n° {t.Numero} (exercice {t.Exercice})",
                "application/pdf", t.Numero, null),
        };
        pjs.AddRange(pieces.Select(p => new PjFlux($"PJ{idColl}{t.Exercice}N{t.Numero}P{p.Id}", NomDeFichierPj(p.NomFichier, p.Id),
            $"Facture {p.NumeroFacture} de {p.Fournisseur}, payée pour le compte du débiteur", p.TypeContenu, t.Numero, p.Id)));
        var annulation = t.Nature == NatureTitre.AnnulationReduction;
        var categorie = membre.Nature == NatureMembre.Commune ? "23"
            : membre.Nom.Contains("CCAS", StringComparison.OrdinalIgnoreCase) || membre.Nom.Contains("action sociale", StringComparison.OrdinalIgnoreCase) ? "26" : "29";
        var tiers = new TiersFlux(t.DebiteurSiren, t.DebiteurCodeInsee ?? t.MembreId.ToString(CultureInfo.InvariantCulture), categorie, t.DebiteurNom,
            adresse.Ligne, adresse.CodePostal, adresse.Ville);
        var edition = annulation ? null : emetteur.PesEdition == EditionAsap.ChorusPro ? "02" : "01";
        return (new PieceFlux(t.Numero, annulation ? "02" : "01", annulation ? "06" : "01", edition, $"{t.Objet} - {t.Fondement}", sorties, tiers,
            annulation ? rattachement : null, pjs), null);
    }

    /// <summary>The debtor's address as the titre printed it (« voie, 35600 Redon »): the street, then the postal code and the town.</summary>
    internal static (string Ligne, string CodePostal, string Ville)? AdresseDe(string adresse)
    {
        var virgule = adresse.LastIndexOf(',');
        if (virgule <= 0)
        {
            return null;
        }

        var ligne = adresse[..virgule].Trim();
        var fin = adresse[(virgule + 1)..].Trim();
        var espace = fin.IndexOf(' ', StringComparison.Ordinal);
        if (ligne.Length == 0 || espace != 5 || !fin[..5].All(char.IsAsciiDigit) || fin[(espace + 1)..].Trim().Length == 0)
        {
            return null;
        }

        return (ligne, fin[..5], fin[(espace + 1)..].Trim());
    }

    /// <summary>A pièce's file name as PES accepts it: plain letters, digits, dots, dashes, an extension of 2 to 4 characters.</summary>
    private static string NomDeFichierPj(string nom, int id)
    {
        var extension = Path.GetExtension(nom).TrimStart('.');
        var racine = new string(Path.GetFileNameWithoutExtension(TextePes.Postal(Path.GetFileNameWithoutExtension(nom), 60)).Select(c => c == ' ' ? '-' : c).ToArray());
        extension = extension.Length is >= 2 and <= 4 && extension.All(char.IsAsciiLetterOrDigit) ? extension.ToLowerInvariant() : "pdf";
        return $"{racine}-{id}.{extension}";
    }

    /// <summary>Writes the file: the recette part from the plan, then each piece's documents, read from the database a slice of titres at a time.</summary>
    private async Task EcrireAsync(string chemin, int bordereauId, EnTetePes entete, IReadOnlyList<BordereauFlux> bordereaux, CancellationToken annulation)
    {
        await using var fichier = new FileStream(chemin, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        using (var flux = new FluxPesAller(fichier))
        {
            flux.EcrireRecette(entete, bordereaux);
            foreach (var tranche in bordereaux.SelectMany(b => b.Pieces).Chunk(TranchePj))
            {
                var numeros = tranche.Select(p => p.IdPce).ToList();
                var avis = await db.TitresRecette.AsNoTracking().Where(t => t.BordereauId == bordereauId && numeros.Contains(t.Numero!.Value))
                    .Join(db.AvisTitres, t => t.Id, a => a.TitreId, (t, a) => new { Numero = t.Numero!.Value, a.Pdf }).ToDictionaryAsync(t => t.Numero, t => t.Pdf, annulation);
                var ids = tranche.SelectMany(p => p.Pjs).Where(pj => pj.PieceId is not null).Select(pj => pj.PieceId!.Value).ToList();
                var justificatifs = ids.Count == 0
                    ? []
                    : await db.Set<PieceJustificative>().AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Contenu, annulation);
                foreach (var pj in tranche.SelectMany(p => p.Pjs))
                {
                    var contenu = pj.PieceId is { } id ? justificatifs[id] : avis[pj.NumeroTitre];
                    if (contenu is null || contenu.Length == 0)
                    {
                        throw new InvalidOperationException($"Le titre n° {pj.NumeroTitre} n'a pas de document « {pj.NomFichier} » enregistré.");
                    }

                    flux.EcrirePj(pj, contenu);
                }
            }

            flux.Terminer();
        }

        await fichier.FlushAsync(annulation);
    }

    /// <summary>
    /// Takes the <c>IdBord</c> numbers and keeps the file with its SHA-256, in one transaction; null (nothing kept) when a
    /// number is no longer the one the file carries (another export took it meanwhile).
    /// </summary>
    private async Task<ExportPes?> GarderAsync(Bordereau bordereau, string chemin, string nomFichier, IReadOnlyList<BordereauFlux> bordereaux, Auteur auteur,
        DateTimeOffset quand, CancellationToken annulation)
    {
        string sha;
        long taille;
        await using (var lecture = File.OpenRead(chemin))
        {
            sha = Convert.ToHexStringLower(await SHA256.HashDataAsync(lecture, annulation));
            taille = lecture.Length;
        }

        var series = new SeriesNumerotees(db);
        await using var transaction = await series.CommencerAsync(annulation);
        foreach (var b in bordereaux)
        {
            if (await series.ReserverAsync(bordereau.Exercice, bordereau.Budget, CompteurTitres.SeriePes(b.TypBord), 1, annulation) != b.IdBord)
            {
                await transaction.RollbackAsync(annulation);
                return null;
            }
        }

        var export = new ExportPes
        {
            BordereauId = bordereau.Id, NomFichier = nomFichier, Taille = taille, Sha256 = sha, NombreTitres = bordereaux.Sum(b => b.Pieces.Count),
            ProduitLe = quand, ProduitParId = auteur.UtilisateurId, ProduitParNom = auteur.Nom,
            Bordereaux = bordereaux.Select(b => new BordereauPes
            {
                Exercice = b.Exercice, Budget = bordereau.Budget, TypBord = b.TypBord, IdBord = b.IdBord, NombrePieces = b.Pieces.Count, MontantHt = b.MontantHt,
            }).ToList(),
        };
        db.Add(export);
        await db.SaveChangesAsync(annulation);
        await using (var lecture = File.OpenRead(chemin))
        {
            var tampon = new byte[ExportPes.TailleMorceau];
            var ordre = 0;
            int lus;
            while ((lus = await lecture.ReadAtLeastAsync(tampon, tampon.Length, throwOnEndOfStream: false, annulation)) > 0)
            {
                var morceau = new MorceauExportPes { ExportPesId = export.Id, Ordre = ordre++, Contenu = tampon[..lus] };
                db.Add(morceau);
                await db.SaveChangesAsync(annulation);
                db.Entry(morceau).State = EntityState.Detached;
            }
        }

        await transaction.CommitAsync(annulation);
        db.ChangeTracker.Clear();
        return export;
    }
}
