using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Mutualisation.Domain.Catalogue;
using Mutualisation.Persistence;
using Mutualisation.Web.Infrastructure;

namespace Mutualisation.Web.Features.Catalogue;

/// <summary>The services (lines) of a draft catalogue: add, change, remove. Their references are checked by the version.</summary>
[Authorize(Policy = Autorisations.GestionCatalogue)]
[Route("catalogue/{id:int}/services")]
public sealed class ServicesCatalogueController(MutualisationDbContext db, IValidator<ServiceFormulaire> validateur) : CatalogueControllerBase(db)
{
    [HttpGet("nouveau")]
    public async Task<IActionResult> NouveauService(int id) =>
        await SurBrouillonAsync(id, version =>
            Task.FromResult<IActionResult>(View(Vues + "Service.cshtml", new FormulaireServiceModel(version.Id, version.Exercice, null, new ServiceFormulaire()))));

    [HttpPost("nouveau")]
    public async Task<IActionResult> NouveauService(int id, ServiceFormulaire formulaire, CancellationToken annulation) =>
        await SurBrouillonAsync(id, async version =>
        {
            if ((await validateur.ValidateAsync(formulaire, annulation)).CopierDans(ModelState))
            {
                try
                {
                    var service = version.AjouterService(formulaire.Donnees());
                    await Db.SaveChangesAsync(annulation);
                    TempData["Succes"] = $"Service {service.Code} ajouté : définissez maintenant son tarif.";
                    return Redirect($"/catalogue/{id}/services/{service.Id}/composantes/nouvelle");
                }
                catch (CatalogueException refus)
                {
                    Ajouter(ModelState, refus);
                }
            }

            return View(Vues + "Service.cshtml", new FormulaireServiceModel(version.Id, version.Exercice, null, formulaire));
        });

    [HttpGet("{serviceId:int}/modifier")]
    public async Task<IActionResult> ModifierService(int id, int serviceId) =>
        await SurServiceAsync(id, serviceId, (version, service) =>
            Task.FromResult<IActionResult>(View(Vues + "Service.cshtml", new FormulaireServiceModel(version.Id, version.Exercice, service.Id, ServiceFormulaire.Depuis(service)))));

    [HttpPost("{serviceId:int}/modifier")]
    public async Task<IActionResult> ModifierService(int id, int serviceId, ServiceFormulaire formulaire, CancellationToken annulation) =>
        await SurServiceAsync(id, serviceId, async (version, service) =>
        {
            if ((await validateur.ValidateAsync(formulaire, annulation)).CopierDans(ModelState))
            {
                try
                {
                    version.ModifierService(service, formulaire.Donnees());
                    await Db.SaveChangesAsync(annulation);
                    TempData["Succes"] = $"Service {service.Code} modifié.";
                    return Redirect($"/catalogue/{id}#service-{service.Id}");
                }
                catch (CatalogueException refus)
                {
                    Ajouter(ModelState, refus);
                }
            }

            return View(Vues + "Service.cshtml", new FormulaireServiceModel(version.Id, version.Exercice, service.Id, formulaire));
        });

    [HttpPost("{serviceId:int}/supprimer")]
    public async Task<IActionResult> SupprimerService(int id, int serviceId, CancellationToken annulation) =>
        await SurServiceAsync(id, serviceId, async (version, service) =>
        {
            try
            {
                version.SupprimerService(service);
                await Db.SaveChangesAsync(annulation);
                TempData["Succes"] = $"Service {service.Code} retiré du brouillon.";
            }
            catch (CatalogueException refus)
            {
                TempData["Erreur"] = refus.Message;
            }

            return Redirect($"/catalogue/{id}#service-{serviceId}");
        });
}

public sealed record FormulaireServiceModel(int VersionId, int Exercice, int? ServiceId, ServiceFormulaire Formulaire);
