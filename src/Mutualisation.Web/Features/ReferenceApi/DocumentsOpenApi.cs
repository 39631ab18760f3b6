using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ApiExplorer;

namespace Mutualisation.Web.Features.ReferenceApi;

/// <summary>
/// Two OpenAPI documents: <c>public</c> (the anonymous simulator, readable by anyone) and <c>v1</c>
/// (every API, for signed-in users). Descriptions come from the XML comments, in French.
/// </summary>
public static class DocumentsOpenApi
{
    public const string Public = "public";
    public const string Complet = "v1";

    public static IServiceCollection AjouterDocumentsOpenApi(this IServiceCollection services)
    {
        services.AddOpenApi(Complet, o => o.AddOperationTransformer(ParametresObligatoires).AddOperationTransformer(Simulation.QuantitesOpenApi.DecrireAsync).AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Mutualisation — API";
            document.Info.Description = "API en lecture seule du portail Mutualisation. Authentification par le cookie de session du portail ; " +
                                        "le simulateur de contribution est ouvert à tous.";
            return Task.CompletedTask;
        }));
        services.AddOpenApi(Public, o =>
        {
            o.ShouldInclude = EstPublique;
            o.AddOperationTransformer(ParametresObligatoires).AddOperationTransformer(Simulation.QuantitesOpenApi.DecrireAsync);
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "Mutualisation — API publique";
                document.Info.Description = "Opérations ouvertes sans compte : le simulateur de contribution, avec les mêmes montants que la page « Simuler ma contribution ».";
                return Task.CompletedTask;
            });
        });
        return services;
    }

    /// <summary>
    /// Query parameters are bound as text so that a bad value gets a French message rather than the
    /// framework's; those the action requires say « Obligatoire. » in their description, and are marked so.
    /// </summary>
    private static Task ParametresObligatoires(Microsoft.OpenApi.OpenApiOperation operation, Microsoft.AspNetCore.OpenApi.OpenApiOperationTransformerContext contexte, CancellationToken annulation)
    {
        foreach (var parametre in (operation.Parameters ?? []).OfType<Microsoft.OpenApi.OpenApiParameter>())
        {
            if (parametre.Description?.Contains("Obligatoire.", StringComparison.Ordinal) == true)
            {
                parametre.Required = true;
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>An operation is public when its endpoint allows anonymous access.</summary>
    public static bool EstPublique(ApiDescription description) =>
        description.ActionDescriptor.EndpointMetadata.OfType<IAllowAnonymous>().Any();

    /// <summary>The public document is readable by anyone; the complete one needs a session.</summary>
    public static void MapperDocumentsOpenApi(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json")
            .RequireAuthorization(p => p.RequireAssertion(contexte =>
                contexte.User.Identity?.IsAuthenticated == true
                || (contexte.Resource is HttpContext http && string.Equals(http.GetRouteValue("documentName") as string, Public, StringComparison.Ordinal))));
    }
}
