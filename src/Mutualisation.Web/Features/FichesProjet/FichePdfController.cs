using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Mutualisation.Persistence;
using Mutualisation.Web.Infrastructure;

namespace Mutualisation.Web.Features.FichesProjet;

/// <summary>
/// The fiche laid out as Annexe 3, as a PDF: its current content, or <c>?version=n</c> for a submitted version. Whoever
/// may read the fiche may print it: the query filter answers 404 for another commune's fiche.
/// </summary>
[Authorize(Policy = Autorisations.Connecte)]
[Route("fiches-projet")]
public sealed class FichePdfController(MutualisationDbContext db, TimeProvider horloge) : Controller
{
    [HttpGet("{id:int}/pdf")]
    public async Task<IActionResult> Pdf(int id, [FromQuery] string? version, CancellationToken annulation)
    {
        var fiche = await db.FichesProjet.AsNoTracking().Include(f => f.Versions).FirstOrDefaultAsync(f => f.Id == id, annulation);
        if (fiche is null)
        {
            return NotFound();
        }

        Domain.FichesProjet.VersionFiche? choisie = null;
        if (!string.IsNullOrEmpty(version))
        {
            choisie = int.TryParse(version, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)
                ? fiche.Versions.FirstOrDefault(v => v.Numero == n)
                : null;
            if (choisie is null)
            {
                return NotFound();
            }
        }

        var membre = await db.Membres.AsNoTracking().Where(m => m.Id == fiche.MembreId).Select(m => m.Nom).FirstAsync(annulation);
        var pdf = FicheProjetPdf.Produire(fiche, membre, choisie, horloge.GetUtcNow());
        return File(pdf, "application/pdf", FicheProjetPdf.NomDeFichier(fiche, choisie));
    }
}
