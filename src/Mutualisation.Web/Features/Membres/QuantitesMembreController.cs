using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Mutualisation.Domain.Membres;
using Mutualisation.Persistence;
using Mutualisation.Web.Features.Tarifs;
using Mutualisation.Web.Infrastructure;

namespace Mutualisation.Web.Features.Membres;

/// <summary>
/// The dated values of the quantities a member declares (workstations, agents…), priced by the catalogue
/// from the date of effect. Edited by those who manage members; the member's page shows them to all who see it.
/// </summary>
[Authorize(Policy = Autorisations.GestionMembres)]
[Route("membres/{id:int}/quantites")]
public sealed class QuantitesMembreController(MutualisationDbContext db) : Controller
{
    private const string Vue = "/Features/Membres/Views/Detail.cshtml";

    [HttpPost("")]
    public async Task<IActionResult> Ajouter(int id, QuantiteFormulaire formulaire, CancellationToken annulation)
    {
        var membre = await db.Membres.Include(m => m.Quantites).FirstOrDefaultAsync(m => m.Id == id, annulation);
        if (membre is null)
        {
            return NotFound();
        }

        var declarables = await DetailMembreModel.QuantitesDeclarablesAsync(db, avecBrouillons: true, annulation);
        var quantite = declarables.FirstOrDefault(q => q.Code == formulaire.Code?.Trim());
        if (quantite is null)
        {
            ModelState.AddModelError(nameof(QuantiteFormulaire.Code), "Choisissez une quantité déclarée par le catalogue.");
        }

        var depuis = SaisieFr.Date(formulaire.Depuis);
        if (depuis is null)
        {
            ModelState.AddModelError(nameof(QuantiteFormulaire.Depuis), SaisieFr.EstVide(formulaire.Depuis)
                ? "La date d'effet est obligatoire."
                : "Date d'effet attendue au format JJ/MM/AAAA.");
        }
        else if (depuis.Value.Year is < Domain.Catalogue.VersionCatalogue.ExerciceMinimal or > Domain.Catalogue.VersionCatalogue.ExerciceMaximal)
        {
            ModelState.AddModelError(nameof(QuantiteFormulaire.Depuis), $"La date d'effet est entre {Domain.Catalogue.VersionCatalogue.ExerciceMinimal} et {Domain.Catalogue.VersionCatalogue.ExerciceMaximal}.");
        }

        var valeur = 0m;
        if (quantite is not null && SaisieQuantite.Refus(quantite, formulaire.Valeur, out valeur) is { } refus)
        {
            ModelState.AddModelError(nameof(QuantiteFormulaire.Valeur), refus);
        }
        else if (quantite is null && SaisieFr.EstVide(formulaire.Valeur))
        {
            ModelState.AddModelError(nameof(QuantiteFormulaire.Valeur), "La valeur est obligatoire.");
        }

        if (formulaire.Source?.Trim().Length > QuantiteMembre.LongueurMaxSource)
        {
            ModelState.AddModelError(nameof(QuantiteFormulaire.Source), $"La source ne doit pas dépasser {QuantiteMembre.LongueurMaxSource} caractères.");
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(Vue, await DetailMembreModel.ChargerAsync(db, id, formulaire, User, annulation));
        }

        membre.EnregistrerQuantite(quantite!.Code, depuis!.Value, valeur, formulaire.Source);
        await db.SaveChangesAsync(annulation);
        TempData["Succes"] = $"{quantite.Libelle} : {FormatFr.Nombre(valeur)} {quantite.Unite(valeur)} à partir du {FormatFr.Date(depuis.Value)}.";
        return Redirect($"/membres/{id}#quantites");
    }

    [HttpPost("{quantiteId:int}/supprimer")]
    public async Task<IActionResult> Supprimer(int id, int quantiteId, CancellationToken annulation)
    {
        var membre = await db.Membres.Include(m => m.Quantites).FirstOrDefaultAsync(m => m.Id == id, annulation);
        var quantite = membre?.Quantites.FirstOrDefault(q => q.Id == quantiteId);
        if (membre is null || quantite is null)
        {
            return NotFound();
        }

        membre.SupprimerQuantite(quantite);
        await db.SaveChangesAsync(annulation);
        TempData["Succes"] = $"Valeur du {FormatFr.Date(quantite.Depuis)} supprimée.";
        return Redirect($"/membres/{id}#quantites");
    }
}
