using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Mutualisation.Domain.Catalogue;
using Mutualisation.Persistence;
using Mutualisation.Web.Infrastructure;

namespace Mutualisation.Web.Features.Catalogue;

/// <summary>The quantities a draft version prices on besides the population (postes, agents, Go…): declare, change, remove.</summary>
[Authorize(Policy = Autorisations.GestionCatalogue)]
[Route("catalogue/{id:int}/quantites")]
public sealed class QuantitesCatalogueController(MutualisationDbContext db, IValidator<QuantiteFormulaire> validateur) : CatalogueControllerBase(db)
{
    [HttpGet("nouvelle")]
    public async Task<IActionResult> NouvelleQuantite(int id) =>
        await SurBrouillonAsync(id, version => Task.FromResult<IActionResult>(Vue(version, null, new QuantiteFormulaire())));

    [HttpPost("nouvelle")]
    public async Task<IActionResult> NouvelleQuantite(int id, QuantiteFormulaire formulaire, CancellationToken annulation) =>
        await SurBrouillonAsync(id, async version =>
        {
            if ((await validateur.ValidateAsync(formulaire, annulation)).CopierDans(ModelState))
            {
                try
                {
                    var quantite = version.DeclarerQuantite(formulaire.Donnees());
                    await Db.SaveChangesAsync(annulation);
                    TempData["Succes"] = $"Quantité {quantite.Code} déclarée : les composantes peuvent maintenant la facturer.";
                    return Redirect($"/catalogue/{id}#quantites");
                }
                catch (CatalogueException refus)
                {
                    Ajouter(ModelState, refus);
                }
            }

            return Vue(version, null, formulaire);
        });

    [HttpGet("{quantiteId:int}/modifier")]
    public async Task<IActionResult> ModifierQuantite(int id, int quantiteId) =>
        await SurBrouillonAsync(id, version => Task.FromResult<IActionResult>(
            version.Quantites.FirstOrDefault(q => q.Id == quantiteId) is { } quantite ? Vue(version, quantite.Id, QuantiteFormulaire.Depuis(quantite)) : NotFound()));

    [HttpPost("{quantiteId:int}/modifier")]
    public async Task<IActionResult> ModifierQuantite(int id, int quantiteId, QuantiteFormulaire formulaire, CancellationToken annulation) =>
        await SurBrouillonAsync(id, async version =>
        {
            if (version.Quantites.FirstOrDefault(q => q.Id == quantiteId) is not { } quantite)
            {
                return NotFound();
            }

            if ((await validateur.ValidateAsync(formulaire, annulation)).CopierDans(ModelState))
            {
                try
                {
                    version.ModifierQuantite(quantite, formulaire.Donnees());
                    await Db.SaveChangesAsync(annulation);
                    TempData["Succes"] = $"Quantité {quantite.Code} modifiée.";
                    return Redirect($"/catalogue/{id}#quantites");
                }
                catch (CatalogueException refus)
                {
                    Ajouter(ModelState, refus);
                }
            }

            return Vue(version, quantite.Id, formulaire);
        });

    [HttpPost("{quantiteId:int}/supprimer")]
    public async Task<IActionResult> SupprimerQuantite(int id, int quantiteId, CancellationToken annulation) =>
        await SurBrouillonAsync(id, async version =>
        {
            if (version.Quantites.FirstOrDefault(q => q.Id == quantiteId) is not { } quantite)
            {
                return NotFound();
            }

            try
            {
                version.SupprimerQuantite(quantite);
                await Db.SaveChangesAsync(annulation);
                TempData["Succes"] = $"Quantité {quantite.Code} retirée.";
            }
            catch (CatalogueException refus)
            {
                TempData["Erreur"] = refus.Message;
            }

            return Redirect($"/catalogue/{id}#quantites");
        });

    private ViewResult Vue(VersionCatalogue version, int? quantiteId, QuantiteFormulaire formulaire) =>
        View(Vues + "Quantite.cshtml", new FormulaireQuantiteModel(version.Id, version.Exercice, quantiteId, formulaire));
}

public sealed record FormulaireQuantiteModel(int VersionId, int Exercice, int? QuantiteId, QuantiteFormulaire Formulaire);
