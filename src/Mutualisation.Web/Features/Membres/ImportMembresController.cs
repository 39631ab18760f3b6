using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Mutualisation.Web.Demarrage;
using Mutualisation.Web.Infrastructure;

namespace Mutualisation.Web.Features.Membres;

[Authorize(Policy = Autorisations.Administration)]
[Route("membres/import")]
public sealed class ImportMembresController(ImportEtalab import, TimeProvider horloge, IConfiguration configuration) : Controller
{
    [HttpGet("")]
    public IActionResult Index() => View(new ImportModel(ProfilsDemo.Choisi(configuration).SirenEpci, Domain.Membres.PopulationLegale.MillesimeEnVigueur(horloge.ExerciceCourant()), null));

    [HttpPost("")]
    [RequestSizeLimit(ImportEtalab.TailleMaximale + 1024 * 1024)]
    [RequestFormLimits(MultipartBodyLengthLimit = ImportEtalab.TailleMaximale + 1024 * 1024)]
    public async Task<IActionResult> Index(string? epci, int? millesime, IFormFile? fichier, CancellationToken annulation)
    {
        var model = new ImportModel(epci?.Trim() ?? string.Empty, millesime ?? 0, null);
        if (fichier is null || fichier.Length == 0)
        {
            ModelState.AddModelError("fichier", "Choisissez le fichier epci.json à importer.");
        }
        else if (fichier.Length > ImportEtalab.TailleMaximale)
        {
            ModelState.AddModelError("fichier", "Le fichier dépasse 20 Mo : ce n'est pas un epci.json d'Etalab.");
        }

        if (millesime is null or < 1900 or > 2200)
        {
            ModelState.AddModelError("millesime", "Le millésime est une année (ex. 2023).");
        }

        if (string.IsNullOrWhiteSpace(epci))
        {
            ModelState.AddModelError("epci", "Le SIREN de l'EPCI est obligatoire (ex. 243500741).");
        }

        if (!ModelState.IsValid)
        {
            return View(model);
        }

        try
        {
            await using var flux = fichier!.OpenReadStream();
            var rapport = await import.ImporterAsync(flux, model.Epci, model.Millesime, annulation);
            return View(model with { Rapport = rapport });
        }
        catch (ImportEtalabException erreur)
        {
            ModelState.AddModelError("fichier", "Fichier refusé : " + erreur.Message);
            return View(model);
        }
    }
}

public sealed record ImportModel(string Epci, int Millesime, RapportImport? Rapport);
