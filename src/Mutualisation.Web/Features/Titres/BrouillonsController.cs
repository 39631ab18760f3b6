using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Mutualisation.Domain.Commun;
using Mutualisation.Domain.Titres;
using Mutualisation.Persistence;
using Mutualisation.Persistence.Titres;
using Mutualisation.Web.Infrastructure;

namespace Mutualisation.Web.Features.Titres;

/// <summary>
/// The draft titres made outside a campaign — annulations / réductions, titres de remplacement, and the titres made one
/// by one (audit, mandataire, indemnités) — and their issue: the ticked drafts in one bordereau, dated today in Paris,
/// through <see cref="EmissionTitres.EmettreAsync"/>, or a named refusal. Finance and DSI administrators write; AgentDSI reads.
/// </summary>
[Authorize(Policy = Autorisations.Intercommunale)]
[Route("titres/brouillons")]
public sealed class BrouillonsController(MutualisationDbContext db, TimeProvider horloge) : Controller
{
    public const int NombreMaxParEmission = 500;

    /// <summary>The most drafts the page lists at once (oldest exercice first); the page says when there are more.</summary>
    public const int NombreMaxAffiches = 2000;

    /// <summary>
    /// The drafts this page lists: every draft made outside a campaign. A campaign's drafts are reviewed and issued
    /// from the campaign's own screen, never from here.
    /// </summary>
    public static IQueryable<TitreDeRecette> HorsCampagne(IQueryable<TitreDeRecette> titres) =>
        titres.Where(t => t.Statut == StatutTitre.Brouillon && t.CampagneId == null);

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken annulation) => View(await ModeleAsync([], annulation));

    [HttpPost("emettre")]
    [Authorize(Policy = Autorisations.GestionCatalogue)]
    public async Task<IActionResult> Emettre([FromForm] List<int>? ids, CancellationToken annulation)
    {
        ModelState.Clear(); // a value that is not a number is a draft that does not exist: the French message below
        var choisis = (ids ?? []).Where(i => i > 0).Distinct().Take(NombreMaxParEmission + 1).ToList();
        if (choisis.Count == 0 || choisis.Count > NombreMaxParEmission)
        {
            ModelState.AddModelError("ids", choisis.Count == 0
                ? "Cochez au moins un brouillon à émettre."
                : $"Au plus {NombreMaxParEmission} brouillons par bordereau.");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Index", await ModeleAsync(choisis, annulation));
        }

        // Only drafts of this page are issued here (a campaign's drafts are issued from the campaign).
        var connus = await HorsCampagne(db.TitresRecette.AsNoTracking()).Where(t => choisis.Contains(t.Id)).Select(t => t.Id).ToListAsync(annulation);
        if (connus.Count != choisis.Count)
        {
            ModelState.AddModelError("ids", "Un des brouillons cochés n'existe plus ou a déjà été émis : rechargez la page.");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Index", await ModeleAsync(connus, annulation));
        }

        var resultat = await new EmissionTitres(db).EmettreAsync(choisis, User.Auteur(), horloge.GetUtcNow(), horloge.AujourdHui(), AvisSommesAPayerPdf.Produire,
            annulation: annulation);
        if (resultat.Refus is not null)
        {
            db.ChangeTracker.Clear();
            ModelState.AddModelError("ids", resultat.Refus.Message);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Index", await ModeleAsync(choisis, annulation));
        }

        var numeros = resultat.Titres.Select(t => t.Numero).ToList();
        TempData["Succes"] = $"Bordereau n° {resultat.Bordereau!.Numero} émis : "
            + (numeros.Count == 1 ? $"titre n° {numeros[0]}." : $"{numeros.Count} titres, n° {numeros.Min()} à {numeros.Max()}.");
        return Redirect($"/titres/bordereaux/{resultat.Bordereau.Id}");
    }

    [HttpPost("{id:int}/supprimer")]
    [Authorize(Policy = Autorisations.GestionCatalogue)]
    public async Task<IActionResult> Supprimer(int id, CancellationToken annulation)
    {
        var titre = await db.TitresRecette.Include(t => t.Lignes).Include(t => t.Evenements).FirstOrDefaultAsync(t => t.Id == id, annulation);
        if (titre is null)
        {
            return NotFound();
        }

        if (titre.Statut != StatutTitre.Brouillon)
        {
            TempData["Erreur"] = $"Le titre n° {titre.Numero} est émis : il ne se supprime pas (une erreur se corrige par un titre d'annulation ou de réduction).";
            return Redirect($"/titres/{id}");
        }

        // A draft replacement or reduction still pointing at this draft? Only issued titres are referenced: nothing to unlink.
        db.TitresRecette.Remove(titre);
        await db.SaveChangesAsync(annulation);
        TempData["Succes"] = $"Le brouillon de titre de {titre.DebiteurNom} ({FormatFr.Euros(titre.Total.Euros)}) est supprimé.";
        return Redirect("/titres/brouillons");
    }

    private async Task<BrouillonsModel> ModeleAsync(IReadOnlyCollection<int> coches, CancellationToken annulation)
    {
        var total = await HorsCampagne(db.TitresRecette.AsNoTracking()).CountAsync(annulation);
        var lignes = await HorsCampagne(db.TitresRecette.AsNoTracking())
            .OrderBy(t => t.Exercice).ThenBy(t => t.Budget).ThenBy(t => t.Id)
            .Take(NombreMaxAffiches)
            .Select(t => new LigneBrouillon(t.Id, t.Exercice, t.Budget, t.Nature, t.DebiteurNom, t.Objet, t.Total, t.TitreOrigineId, t.TitreOrigineNumero, t.TitreRemplaceId, t.TitreRemplaceNumero, t.Motif))
            .ToListAsync(annulation);
        var emetteur = await db.ParametresEmetteur.AsNoTracking().OrderBy(p => p.Id).FirstOrDefaultAsync(annulation);
        return new BrouillonsModel(lignes, total, coches, emetteur?.Manquants([]) ?? ["les paramètres de l'émetteur"], horloge.AujourdHui());
    }
}

public sealed record LigneBrouillon(int Id, int Exercice, string Budget, NatureTitre Nature, string Debiteur, string Objet, Montant Total,
    int? OrigineId, int? OrigineNumero, int? RemplaceId, int? RemplaceNumero, string? Motif)
{
    public string Genre => Nature == NatureTitre.AnnulationReduction ? "Annulation / réduction" : RemplaceId is not null ? "Remplacement" : "Titre de recette";
}

public sealed record BrouillonsModel(IReadOnlyList<LigneBrouillon> Lignes, int Total, IReadOnlyCollection<int> Coches, IReadOnlyList<string> Manquants, DateOnly AujourdHui);
