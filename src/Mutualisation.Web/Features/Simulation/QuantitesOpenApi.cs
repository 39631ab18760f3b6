using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Mutualisation.Domain.Catalogue;
using Mutualisation.Web.Features.Tarifs;

namespace Mutualisation.Web.Features.Simulation;

/// <summary>
/// Describes the quantities of <c>GET /api/v1/simulation</c>: the query parameters named by the
/// quantities the catalogue in force declares (postes, agents…), optional since each formule needs
/// only its own, read from the catalogue when the document is served (no formule code in the code).
/// </summary>
public static class QuantitesOpenApi
{
    public static async Task DecrireAsync(OpenApiOperation operation, OpenApiOperationTransformerContext contexte, CancellationToken annulation)
    {
        if (contexte.Description.ActionDescriptor is not ControllerActionDescriptor { ControllerTypeInfo: var type, ActionName: nameof(ApiSimulationController.Simuler) }
            || type.AsType() != typeof(ApiSimulationController))
        {
            return;
        }

        await using var portee = contexte.ApplicationServices.CreateAsyncScope();
        var tarifs = portee.ServiceProvider.GetRequiredService<TarifsDeLExercice>();
        if (await tarifs.EnVigueurAsync(tarifs.ExerciceCourant, annulation) is not { } tarif)
        {
            return;
        }

        operation.Parameters ??= [];
        var connus = operation.Parameters.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var q in tarif.Version.Quantites.Where(q => !connus.Contains(q.Code)))
        {
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = q.Code,
                In = ParameterLocation.Query,
                Required = false,
                Description = $"{q.Libelle}, en {q.UnitePluriel} ({(q.Type == TypeQuantite.Entiere ? "nombre entier" : "nombre, décimales permises")}). "
                    + $"Quantité déclarée par le catalogue {tarif.Exercice} : obligatoire pour les formules qui la demandent (voir /api/v1/simulation/formules).",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            });
        }
    }
}
