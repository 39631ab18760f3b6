using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Mutualisation.Web.Features.ReferenceApi;

/// <summary>
/// « Référence de l'API »: the OpenAPI documents rendered as a French page. Anyone sees the public
/// operations; a signed-in user sees every operation.
/// </summary>
[AllowAnonymous]
[Route("documentation/api")]
public sealed class ReferenceApiController(
    [FromKeyedServices(DocumentsOpenApi.Public)] IOpenApiDocumentProvider documentPublic,
    [FromKeyedServices(DocumentsOpenApi.Complet)] IOpenApiDocumentProvider documentComplet) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken annulation)
    {
        var connecte = User.Identity?.IsAuthenticated == true;
        var document = await (connecte ? documentComplet : documentPublic).GetOpenApiDocumentAsync(annulation);
        var operations = (document.Paths ?? [])
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .SelectMany(p => (p.Value.Operations ?? []).Select(o => Lire(p.Key, o.Key, o.Value)))
            .ToList();
        return View(new ReferenceApiModel(
            document.Info?.Title ?? "API",
            document.Info?.Description,
            connecte ? DocumentsOpenApi.Complet : DocumentsOpenApi.Public,
            connecte,
            operations));
    }

    private static OperationApi Lire(string chemin, HttpMethod methode, OpenApiOperation operation) =>
        new(
            methode.Method,
            chemin,
            operation.Summary,
            operation.Description,
            (operation.Parameters ?? []).Select(p => new ParametreApi(
                p.Name ?? string.Empty,
                p.In?.ToString().ToLowerInvariant() ?? string.Empty,
                p.Required,
                TypeDe(p.Schema),
                p.Description)).ToList(),
            (operation.Responses ?? []).OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => new ReponseApi(r.Key, LibelleStatut(r.Key, r.Value.Description))).ToList());

    private static string TypeDe(IOpenApiSchema? schema)
    {
        if (schema?.Type is not { } type)
        {
            return "—";
        }

        var nom = (type & ~JsonSchemaType.Null) switch
        {
            JsonSchemaType.Integer => "entier",
            JsonSchemaType.Number => "nombre",
            JsonSchemaType.String => "texte",
            JsonSchemaType.Boolean => "booléen",
            JsonSchemaType.Array => "liste",
            JsonSchemaType.Object => "objet",
            _ => type.ToString().ToLowerInvariant(),
        };
        return schema.Format is { Length: > 0 } format ? $"{nom} ({format})" : nom;
    }

    private static string LibelleStatut(string code, string? description) =>
        int.TryParse(code, NumberStyles.None, CultureInfo.InvariantCulture, out var statut) ? statut switch
        {
            200 => "Réussite",
            400 => "Paramètres invalides (détail en français, application/problem+json)",
            401 => "Session requise",
            403 => "Accès refusé",
            404 => "Introuvable",
            422 => "Pas de tarif automatique (refus motivé, application/problem+json)",
            _ => description ?? code,
        } : description ?? code;
}

public sealed record ReferenceApiModel(string Titre, string? Description, string Document, bool Connecte, IReadOnlyList<OperationApi> Operations);

public sealed record OperationApi(string Methode, string Chemin, string? Resume, string? Description, IReadOnlyList<ParametreApi> Parametres, IReadOnlyList<ReponseApi> Reponses)
{
    public string Ancre => (Methode + Chemin).Replace('/', '-').Replace('{', '-').Replace('}', '-').ToLowerInvariant();
}

public sealed record ParametreApi(string Nom, string Emplacement, bool Obligatoire, string Type, string? Description);

public sealed record ReponseApi(string Code, string Libelle);
