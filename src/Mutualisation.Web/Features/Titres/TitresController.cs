using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Mutualisation.Domain.Commun;
using Mutualisation.Domain.Titres;
using Mutualisation.Persistence;
using Mutualisation.Persistence.Titres;
using Mutualisation.Web.Infrastructure;

namespace Mutualisation.Web.Features.Titres;

/// <summary>Which titres a user may read: EPCI staff every one (drafts included); a Mairie user her own commune's issued titres (query filter).</summary>
public static class TitresLisibles
{
    public static IQueryable<TitreDeRecette> Pour(MutualisationDbContext db, ClaimsPrincipal utilisateur) =>
        Roles.Intercommunaux.Any(utilisateur.IsInRole)
            ? db.TitresRecette
            : db.TitresRecette.Where(t => t.Statut == StatutTitre.Emis);

    /// <summary>The file name announced for a titre's PDF: letters, digits and dashes only.</summary>
    public static string NomPdf(TitreDeRecette titre) => NomPdf(titre.Exercice, titre.Budget, titre.Numero);

    public static string NomPdf(int exercice, string budget, int? numero) =>
        NomDeFichier.Nettoyer($"titre-{exercice}-{new string(budget.Where(char.IsAsciiLetterOrDigit).ToArray())}-{numero}.pdf");

    /// <summary>
    /// The stored avis of a titre this user may read, with its file name; null for a draft, a titre out of the user's
    /// reach, or an avis not produced yet (ADR 0026).
    /// </summary>
    public static async Task<(byte[] Pdf, string Nom)?> AvisAsync(MutualisationDbContext db, ClaimsPrincipal utilisateur, int id, CancellationToken annulation)
    {
        var lu = await Pour(db, utilisateur).AsNoTracking().Where(t => t.Id == id)
            .Join(db.AvisTitres, t => t.Id, a => a.TitreId, (t, a) => new { t.Exercice, t.Budget, t.Numero, a.Pdf })
            .FirstOrDefaultAsync(annulation);
        return lu is null ? null : (lu.Pdf, NomPdf(lu.Exercice, lu.Budget, lu.Numero));
    }

    /// <summary>The state of a titre once its issued reductions are counted.</summary>
    public static async Task<Dictionary<int, Montant>> ReductionsAsync(MutualisationDbContext db, IReadOnlyCollection<int> ids, CancellationToken annulation)
    {
        var lignes = await db.TitresRecette.AsNoTracking()
            .Where(t => t.TitreOrigineId != null && ids.Contains(t.TitreOrigineId.Value) && t.Statut == StatutTitre.Emis)
            .Select(t => new { Origine = t.TitreOrigineId!.Value, t.Total }).ToListAsync(annulation);
        return lignes.GroupBy(l => l.Origine).ToDictionary(g => g.Key, g => g.Aggregate(Montant.Zero, (s, l) => s + l.Total));
    }

    public static string Libelle(this EtatTitre etat) => etat switch
    {
        EtatTitre.Brouillon => "Brouillon",
        EtatTitre.Emis => "Émis",
        EtatTitre.Reduit => "Réduit",
        _ => "Annulé",
    };

    public static string Libelle(this NatureTitre nature) =>
        nature == NatureTitre.Ordinaire ? "Titre de recette" : "Titre d'annulation / réduction";
}

/// <summary>
/// Titres de recette: the list of an exercice, a titre's detail (lines with their bases, history, reductions) and its
/// avis des sommes à payer, the stored bytes as issued. Finance and the DSI read every titre; a Mairie user only her
/// commune's issued titres (another's answers 404).
/// </summary>
[Authorize(Policy = Autorisations.Connecte)]
[Route("titres")]
public sealed class TitresController(MutualisationDbContext db, TimeProvider horloge) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] int? exercice, CancellationToken annulation)
    {
        var lisibles = TitresLisibles.Pour(db, User).AsNoTracking();
        var exercices = await lisibles.Select(t => t.Exercice).Distinct().OrderByDescending(e => e).ToListAsync(annulation);
        var choisi = exercice is >= 2000 and <= 2100 ? exercice.Value : exercices.FirstOrDefault(horloge.ExerciceCourant());
        var lignes = await lisibles.Where(t => t.Exercice == choisi)
            .Join(db.Membres.AsNoTracking(), t => t.MembreId, m => m.Id, (t, m) => new { t, m.Nom })
            .OrderBy(x => x.t.Numero == null).ThenBy(x => x.t.Numero).ThenBy(x => x.t.Id)
            .Take(2000)
            .Select(x => new LigneListeTitres(x.t.Id, x.t.Numero, x.t.BordereauId, x.t.BordereauNumero, x.t.Budget, x.t.Nature, x.t.Statut, x.Nom, x.t.Objet, x.t.Total, x.t.EmisLe, x.t.TitreOrigineNumero))
            .ToListAsync(annulation);
        var reductions = await TitresLisibles.ReductionsAsync(db, lignes.Select(l => l.Id).ToList(), annulation);
        return View(new ListeTitresModel(choisi, exercices, lignes, reductions));
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Detail(int id, CancellationToken annulation)
    {
        var titre = await TitresLisibles.Pour(db, User).AsNoTracking().Include(t => t.Lignes).Include(t => t.Evenements).AsSplitQuery()
            .FirstOrDefaultAsync(t => t.Id == id, annulation);
        if (titre is null)
        {
            return NotFound();
        }

        var membre = await db.Membres.AsNoTracking().Where(m => m.Id == titre.MembreId).Select(m => m.Nom).FirstOrDefaultAsync(annulation);
        var reductions = await TitresLisibles.Pour(db, User).AsNoTracking().Where(t => t.TitreOrigineId == id)
            .OrderBy(t => t.Id).Select(t => new ReductionTitre(t.Id, t.Numero, t.Statut, t.Total, t.Motif)).ToListAsync(annulation);
        var remplacements = await TitresLisibles.Pour(db, User).AsNoTracking().Where(t => t.TitreRemplaceId == id)
            .OrderBy(t => t.Id).Select(t => new ReductionTitre(t.Id, t.Numero, t.Statut, t.Total, null)).ToListAsync(annulation);
        var reduit = await new EmissionTitres(db).MontantReduitAsync(id, annulation);
        var avis = await db.AvisTitres.AsNoTracking().Where(a => a.TitreId == id).Select(a => a.Sha256).FirstOrDefaultAsync(annulation);
        return View(new DetailTitreModel(titre, membre ?? titre.DebiteurNom, titre.Etat(reduit), reductions)
        {
            Remplacements = remplacements,
            Reste = new Montant(Math.Max(0, titre.Total.Euros - reduit.Euros)),
            AvisSha256 = avis,
        });
    }

    [HttpGet("{id:int}/pdf")]
    public async Task<IActionResult> Pdf(int id, CancellationToken annulation)
    {
        return await TitresLisibles.AvisAsync(db, User, id, annulation) is { } avis ? File(avis.Pdf, "application/pdf", avis.Nom) : NotFound();
    }
}

public sealed record LigneListeTitres(int Id, int? Numero, int? BordereauId, int? Bordereau, string Budget, NatureTitre Nature, StatutTitre Statut, string Membre, string Objet,
    Montant Total, DateOnly? EmisLe, int? OrigineNumero);

public sealed record ListeTitresModel(int Exercice, IReadOnlyList<int> Exercices, IReadOnlyList<LigneListeTitres> Lignes, IReadOnlyDictionary<int, Montant> Reductions)
{
    public EtatTitre Etat(LigneListeTitres l) =>
        l.Statut == StatutTitre.Brouillon ? EtatTitre.Brouillon
        : !Reductions.TryGetValue(l.Id, out var r) || r.Euros <= 0 ? EtatTitre.Emis
        : r.Euros >= l.Total.Euros ? EtatTitre.Annule : EtatTitre.Reduit;
}

public sealed record ReductionTitre(int Id, int? Numero, StatutTitre Statut, Montant Total, string? Motif);

public sealed record DetailTitreModel(TitreDeRecette Titre, string Membre, EtatTitre Etat, IReadOnlyList<ReductionTitre> Reductions)
{
    /// <summary>The titres de remplacement of this titre (drafts included for the staff).</summary>
    public IReadOnlyList<ReductionTitre> Remplacements { get; init; } = [];

    /// <summary>What is left once the issued reductions are counted.</summary>
    public Montant Reste { get; init; }

    /// <summary>The SHA-256 of the stored avis, or null while it is not produced (ADR 0026).</summary>
    public string? AvisSha256 { get; init; }
}
