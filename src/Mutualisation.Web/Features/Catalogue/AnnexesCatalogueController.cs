using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Mutualisation.Domain.Catalogue;
using Mutualisation.Persistence;
using Mutualisation.Web.Infrastructure;

namespace Mutualisation.Web.Features.Catalogue;

/// <summary>The annexes of a catalogue version: deposited and removed on a draft, downloaded by whoever reads the version.</summary>
[Authorize(Policy = Autorisations.Connecte)]
[Route("catalogue/{id:int}/annexes")]
public sealed class AnnexesCatalogueController(MutualisationDbContext db, TimeProvider horloge) : CatalogueControllerBase(db)
{
    [Authorize(Policy = Autorisations.GestionCatalogue)]
    [HttpPost("")]
    [RequestSizeLimit(CatalogueController.TailleMaximaleAnnexe + 100_000)]
    public async Task<IActionResult> DeposerAnnexe(int id, [FromForm] string? titre, IFormFile? fichier, CancellationToken annulation)
    {
        // The other annexes (their contents) need not be read to add one.
        var version = await Db.VersionsCatalogue.FirstOrDefaultAsync(v => v.Id == id, annulation);
        if (version is null)
        {
            return NotFound();
        }

        var refus = await VerificationAnnexe.LireAsync(titre, fichier, annulation);
        if (refus.Erreur is not null || version.EstVotee)
        {
            TempData["Erreur"] = refus.Erreur ?? "La version est votée : ses annexes ne changent plus.";
            return Redirect($"/catalogue/{id}#annexes");
        }

        version.AjouterAnnexe(titre!.Trim(), refus.NomFichier, refus.Type!, refus.Contenu!, horloge.GetUtcNow());
        await Db.SaveChangesAsync(annulation);
        TempData["Succes"] = $"Annexe « {titre.Trim()} » déposée.";
        return Redirect($"/catalogue/{id}#annexes");
    }

    [HttpGet("{annexeId:int}")]
    public async Task<IActionResult> Annexe(int id, int annexeId, CancellationToken annulation)
    {
        if (!await Visibles().AnyAsync(v => v.Id == id, annulation))
        {
            return NotFound();
        }

        var annexe = await Db.Set<AnnexeCatalogue>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == annexeId && a.VersionCatalogueId == id, annulation);
        // Names stored before they were cleaned on upload are cleaned again on the way out.
        return annexe is null ? NotFound() : File(annexe.Contenu, annexe.TypeContenu, NomDeFichier.Nettoyer(annexe.NomFichier));
    }

    [Authorize(Policy = Autorisations.GestionCatalogue)]
    [HttpPost("{annexeId:int}/supprimer")]
    public async Task<IActionResult> SupprimerAnnexe(int id, int annexeId, CancellationToken annulation)
    {
        var version = await Db.VersionsCatalogue.Include(v => v.Annexes.Where(a => a.Id == annexeId)).FirstOrDefaultAsync(v => v.Id == id, annulation);
        var annexe = version?.Annexes.FirstOrDefault(a => a.Id == annexeId);
        if (version is null || annexe is null)
        {
            return NotFound();
        }

        if (version.EstVotee)
        {
            TempData["Erreur"] = "La version est votée : ses annexes ne changent plus.";
            return Redirect($"/catalogue/{id}#annexes");
        }

        version.SupprimerAnnexe(annexe);
        await Db.SaveChangesAsync(annulation);
        TempData["Succes"] = $"Annexe « {annexe.Titre} » retirée.";
        return Redirect($"/catalogue/{id}#annexes");
    }
}
