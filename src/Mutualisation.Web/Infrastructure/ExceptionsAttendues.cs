using System.Security.Claims;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Mutualisation.Persistence.Perimetre;
using Mutualisation.Web.Features.Accueil;

namespace Mutualisation.Web.Infrastructure;

/// <summary>The French title and message of each error page, for the error action and for <see cref="ExceptionsAttendues"/>.</summary>
public static class PagesErreur
{
    public static (string Titre, string Message) Pour(int statut) => statut switch
    {
        400 => ("Requête invalide", "La requête n'a pas pu être traitée : une valeur envoyée n'est pas lisible."),
        403 => ("Accès refusé", "Vous n'avez pas les droits nécessaires pour cette action."),
        404 => ("Page introuvable", "La page ou l'élément demandé n'existe pas, ou vous n'y avez pas accès."),
        405 => ("Méthode non autorisée", "Cette adresse ne s'utilise pas de cette façon."),
        409 => ("Conflit", "L'élément a été modifié entre-temps : rechargez la page et recommencez."),
        413 => ("Envoi trop volumineux", "Le fichier ou le formulaire envoyé dépasse la taille autorisée (10 Mo pour une annexe, 20 Mo pour un import). Revenez à la page précédente et choisissez un fichier plus petit."),
        414 => ("Adresse trop longue", "L'adresse demandée est trop longue pour être traitée."),
        415 => ("Format non pris en charge", "Le format des données envoyées n'est pas pris en charge."),
        422 => ("Valeurs refusées", "Les valeurs envoyées ne peuvent pas être traitées."),
        429 => ("Trop de requêtes", "Trop de requêtes en peu de temps : patientez un instant puis recommencez."),
        _ => ("Erreur inattendue", "Une erreur est survenue. Elle a été journalisée ; communiquez la référence ci-dessous à la DSI."),
    };
}

/// <summary>
/// Exceptions that are the client's doing, not a fault of the application: a write outside the
/// user's perimeter (a 404, logged as a security event), a body over the size limits (413) or an
/// unreadable request (400). They get the French error page, or problem+json under /api, instead of a 500.
/// </summary>
public sealed partial class ExceptionsAttendues(ILogger<ExceptionsAttendues> journal) : IExceptionHandler
{
    /// <summary>Event id of a write refused outside the user's perimeter (a security event to watch).</summary>
    public const int EvenementAccesHorsPerimetre = 4031;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var statut = Statut(exception);
        if (statut is null || httpContext.Response.HasStarted)
        {
            return false;
        }

        var chemin = httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? httpContext.Request.Path.Value ?? "/";
        if (exception is AccesHorsPerimetreException)
        {
            var utilisateur = httpContext.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "anonyme";
            AccesHorsPerimetre(journal, utilisateur, httpContext.Request.Method, chemin, exception.Message);
        }
        else
        {
            RequeteRefusee(journal, httpContext.Request.Method, chemin, statut.Value, exception.Message);
        }

        httpContext.Response.Clear();
        httpContext.Response.StatusCode = statut.Value;
        var (titre, message) = PagesErreur.Pour(statut.Value);
        var correlation = Demarrage.Journalisation.Correlation(httpContext);
        if (chemin.StartsWith("/api", StringComparison.OrdinalIgnoreCase))
        {
            await Results.Problem(title: titre, detail: message, statusCode: statut.Value, extensions: new Dictionary<string, object?> { ["correlation"] = correlation })
                .ExecuteAsync(httpContext);
            return true;
        }

        var services = httpContext.RequestServices;
        var contexte = new ActionContext(httpContext, httpContext.GetRouteData(), new ActionDescriptor());
        var vue = new ViewResult
        {
            ViewName = "/Features/Accueil/Views/Erreur.cshtml",
            StatusCode = statut.Value,
            ViewData = new ViewDataDictionary<ErreurModel>(services.GetRequiredService<IModelMetadataProvider>(), new ModelStateDictionary())
            {
                Model = new ErreurModel(statut.Value, titre, message, correlation),
            },
            TempData = services.GetRequiredService<ITempDataDictionaryFactory>().GetTempData(httpContext),
        };
        await services.GetRequiredService<IActionResultExecutor<ViewResult>>().ExecuteAsync(contexte, vue);
        return true;
    }

    /// <summary>The status for an exception the client caused, or null for a real fault (left to the 500 page).</summary>
    private static int? Statut(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case AccesHorsPerimetreException:
                    return StatusCodes.Status404NotFound;
                case BadHttpRequestException mauvaise:
                    return mauvaise.StatusCode;
                case InvalidDataException donnees when donnees.Message.Contains("limit", StringComparison.OrdinalIgnoreCase):
                    // Form and multipart limits (body length, value count, value length).
                    return StatusCodes.Status413PayloadTooLarge;
                case InvalidDataException:
                    return StatusCodes.Status400BadRequest;
            }
        }

        return null;
    }

    [LoggerMessage(EventId = EvenementAccesHorsPerimetre, EventName = "AccesHorsPerimetre", Level = LogLevel.Warning,
        Message = "Sécurité : écriture hors périmètre refusée pour l'utilisateur {UtilisateurId} sur {Methode} {Chemin} ({Motif})")]
    private static partial void AccesHorsPerimetre(ILogger journal, string utilisateurId, string methode, string chemin, string motif);

    [LoggerMessage(EventId = 4000, EventName = "RequeteRefusee", Level = LogLevel.Information,
        Message = "Requête refusée {Methode} {Chemin} → {Statut} : {Motif}")]
    private static partial void RequeteRefusee(ILogger journal, string methode, string chemin, int statut, string motif);
}
