using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Mutualisation.Domain.Catalogue;
using Mutualisation.Persistence;
using Mutualisation.Web.Infrastructure;

namespace Mutualisation.Web.Features.Catalogue;

/// <summary>The formules (bundles of services a member chooses) of a draft catalogue.</summary>
[Authorize(Policy = Autorisations.GestionCatalogue)]
[Route("catalogue/{id:int}/formules")]
public sealed class FormulesCatalogueController(MutualisationDbContext db, IValidator<FormuleFormulaire> validateur) : CatalogueControllerBase(db)
{
    [HttpGet("nouvelle")]
    public async Task<IActionResult> NouvelleFormule(int id) =>
        await SurBrouillonAsync(id, version =>
            Task.FromResult<IActionResult>(View(Vues + "Formule.cshtml", new FormulaireFormuleModel(version.Id, version.Exercice, version.Services.Select(s => s.Code).ToList(), new FormuleFormulaire()))));

    [HttpPost("nouvelle")]
    public async Task<IActionResult> NouvelleFormule(int id, FormuleFormulaire formulaire, CancellationToken annulation) =>
        await SurBrouillonAsync(id, async version =>
        {
            if ((await validateur.ValidateAsync(formulaire, annulation)).CopierDans(ModelState))
            {
                try
                {
                    version.AjouterFormule(new FormuleCatalogue(formulaire.Code!.Trim(), formulaire.Libelle!.Trim(), formulaire.CodesServices));
                    await Db.SaveChangesAsync(annulation);
                    TempData["Succes"] = $"Formule {formulaire.Code!.Trim()} ajoutée.";
                    return Redirect($"/catalogue/{id}#formules");
                }
                catch (CatalogueException refus)
                {
                    Ajouter(ModelState, refus);
                }
            }

            return View(Vues + "Formule.cshtml", new FormulaireFormuleModel(version.Id, version.Exercice, version.Services.Select(s => s.Code).ToList(), formulaire));
        });

    [HttpPost("{formuleId:int}/supprimer")]
    public async Task<IActionResult> SupprimerFormule(int id, int formuleId, CancellationToken annulation) =>
        await SurBrouillonAsync(id, async version =>
        {
            var formule = version.Formules.FirstOrDefault(f => f.Id == formuleId);
            if (formule is null)
            {
                return NotFound();
            }

            version.SupprimerFormule(formule);
            await Db.SaveChangesAsync(annulation);
            TempData["Succes"] = $"Formule {formule.Code} retirée.";
            return Redirect($"/catalogue/{id}#formules");
        });
}

public sealed record FormulaireFormuleModel(int VersionId, int Exercice, IReadOnlyList<string> Services, FormuleFormulaire Formulaire);
