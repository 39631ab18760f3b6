using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Mutualisation.Domain.Catalogue;
using Mutualisation.Persistence;
using Mutualisation.Web.Infrastructure;

namespace Mutualisation.Web.Features.Catalogue;

/// <summary>
/// The tariff components of a service. The form parses what was typed; the version checks every
/// rule (brackets, prorata, quantities…) and its refusals come back beside their fields. Without
/// JavaScript, « Ajouter une tranche » returns the form with one more row.
/// </summary>
[Authorize(Policy = Autorisations.GestionCatalogue)]
[Route("catalogue/{id:int}/services/{serviceId:int}/composantes")]
public sealed class ComposantesCatalogueController(MutualisationDbContext db, IValidator<ComposanteFormulaire> validateur) : CatalogueControllerBase(db)
{
    /// <summary>Value of the submit button that asks for one more bracket row.</summary>
    public const string AjouterTranche = "ajouter-tranche";

    [HttpGet("nouvelle")]
    public async Task<IActionResult> NouvelleComposante(int id, int serviceId) =>
        await SurServiceAsync(id, serviceId, (version, service) =>
            Task.FromResult<IActionResult>(Vue(version, service, null, new ComposanteFormulaire())));

    [HttpPost("nouvelle")]
    public async Task<IActionResult> NouvelleComposante(int id, int serviceId, ComposanteFormulaire formulaire, [FromForm] string? action, CancellationToken annulation) =>
        await EnregistrerAsync(id, serviceId, null, formulaire, action, annulation);

    [HttpGet("{index:int}/modifier")]
    public async Task<IActionResult> ModifierComposante(int id, int serviceId, int index) =>
        await SurServiceAsync(id, serviceId, (version, service) =>
            Task.FromResult<IActionResult>(service.Composantes.ElementAtOrDefault(index) is { } composante
                ? Vue(version, service, index, ComposanteFormulaire.Depuis(composante))
                : NotFound()));

    [HttpPost("{index:int}/modifier")]
    public async Task<IActionResult> ModifierComposante(int id, int serviceId, int index, ComposanteFormulaire formulaire, [FromForm] string? action, CancellationToken annulation) =>
        await EnregistrerAsync(id, serviceId, index, formulaire, action, annulation);

    [HttpPost("{index:int}/supprimer")]
    public async Task<IActionResult> SupprimerComposante(int id, int serviceId, int index, CancellationToken annulation) =>
        await SurServiceAsync(id, serviceId, async (version, service) =>
        {
            if (service.Composantes.ElementAtOrDefault(index) is null)
            {
                return NotFound();
            }

            version.SupprimerComposante(service, index);
            await Db.SaveChangesAsync(annulation);
            TempData["Succes"] = "Composante supprimée.";
            return Redirect($"/catalogue/{id}#service-{serviceId}");
        });

    private async Task<IActionResult> EnregistrerAsync(int id, int serviceId, int? index, ComposanteFormulaire formulaire, string? action, CancellationToken annulation) =>
        await SurServiceAsync(id, serviceId, async (version, service) =>
        {
            if (index is { } i && service.Composantes.ElementAtOrDefault(i) is null)
            {
                return NotFound();
            }

            if (action == AjouterTranche)
            {
                ModelState.Clear();
                formulaire.Tranches.Add(new TrancheFormulaire());
                return Vue(version, service, index, formulaire, lignesVides: 0);
            }

            (await validateur.ValidateAsync(formulaire, annulation)).CopierDans(ModelState);
            if (Lire(formulaire) is { } composante)
            {
                // The version's rules too, beside the fields the parsing did not already flag: every error at once.
                foreach (var erreur in version.ErreursDe(composante))
                {
                    var champ = formulaire.ChampDuFormulaire(erreur.Champ);
                    if (ModelState.GetFieldValidationState(champ) != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
                    {
                        ModelState.AddModelError(champ, erreur.Message);
                    }
                }

                if (ModelState.IsValid)
                {
                    try
                    {
                        version.DefinirComposante(service, index, composante);
                        await Db.SaveChangesAsync(annulation);
                        TempData["Succes"] = $"Tarif du service {service.Code} enregistré.";
                        return Redirect($"/catalogue/{id}#service-{serviceId}");
                    }
                    catch (CatalogueException refus)
                    {
                        Ajouter(ModelState, refus, formulaire.ChampDuFormulaire);
                    }
                }
            }

            return Vue(version, service, index, formulaire);
        });

    /// <summary>The component as typed (an unreadable number counts as empty: its field already has its error), or null when an amount is not in cents.</summary>
    private static ComposanteTarif? Lire(ComposanteFormulaire formulaire)
    {
        try
        {
            return formulaire.VersComposante();
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private ViewResult Vue(VersionCatalogue version, ServiceCatalogue service, int? index, ComposanteFormulaire formulaire, int lignesVides = 1) =>
        View(Vues + "Composante.cshtml", new FormulaireComposanteModel(version.Id, version.Exercice, service.Id, service.Libelle, index, formulaire.AvecLignesVides(lignesVides), version.Quantites));
}

public sealed record FormulaireComposanteModel(int VersionId, int Exercice, int ServiceId, string Service, int? Index, ComposanteFormulaire Formulaire, IReadOnlyList<QuantiteCatalogue> Quantites);
