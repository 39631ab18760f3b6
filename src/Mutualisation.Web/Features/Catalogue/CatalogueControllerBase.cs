using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Mutualisation.Domain.Catalogue;
using Mutualisation.Persistence;

namespace Mutualisation.Web.Features.Catalogue;

/// <summary>What the catalogue's controllers share: loading a draft (a voted version bounces, read-only), and putting the aggregate's refusals beside their fields.</summary>
public abstract class CatalogueControllerBase(MutualisationDbContext db) : Controller
{
    protected const string Vues = "/Features/Catalogue/Views/";

    protected MutualisationDbContext Db => db;

    /// <summary>EPCI staff read drafts too; anyone else (a Mairie user, a user without a role) reads voted versions only.</summary>
    protected IQueryable<VersionCatalogue> Visibles() => VersionsLisibles.Pour(db, User);

    protected async Task<IActionResult> SurBrouillonAsync(int id, Func<VersionCatalogue, Task<IActionResult>> action)
    {
        var version = await db.VersionsCatalogue.AvecTarifs().FirstOrDefaultAsync(v => v.Id == id, HttpContext.RequestAborted);
        if (version is null)
        {
            return NotFound();
        }

        if (version.EstVotee)
        {
            TempData["Erreur"] = $"La version {version.Exercice} est votée ({version.DeliberationNumero}) : elle est en lecture seule. Copiez-la dans un brouillon pour préparer la suivante.";
            return Redirect($"/catalogue/{id}");
        }

        return await action(version);
    }

    protected Task<IActionResult> SurServiceAsync(int id, int serviceId, Func<VersionCatalogue, ServiceCatalogue, Task<IActionResult>> action) =>
        SurBrouillonAsync(id, version =>
            version.Services.FirstOrDefault(s => s.Id == serviceId) is { } service ? action(version, service) : Task.FromResult<IActionResult>(NotFound()));

    /// <summary>Each error of a refusal beside the field it names (the field name as the form spells it; empty: above the form).</summary>
    protected static void Ajouter(ModelStateDictionary modelState, CatalogueException refus, Func<string, string>? champDuFormulaire = null)
    {
        foreach (var erreur in refus.Erreurs)
        {
            modelState.AddModelError(champDuFormulaire?.Invoke(erreur.Champ) ?? erreur.Champ, erreur.Message);
        }
    }
}
