using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Mutualisation.Persistence;
using Mutualisation.Persistence.Perimetre;

namespace Mutualisation.Web.Features.Accueil;

public sealed class AccueilController(MutualisationDbContext db, IPerimetreUtilisateur perimetre) : Controller
{
    [HttpGet("/")]
    public async Task<IActionResult> Index(CancellationToken annulation)
    {
        if (perimetre.EstRestreint)
        {
            var membre = await db.Membres.AsNoTracking().Select(m => new { m.Id, m.Nom }).FirstOrDefaultAsync(annulation);
            return View(new AccueilModel(membre?.Nom, membre?.Id, null, null));
        }

        var nombre = await db.Membres.CountAsync(annulation);
        var population = await db.Membres.SumAsync(m => (long?)m.PopulationTotale, annulation);
        return View(new AccueilModel(null, null, nombre, population));
    }

    /// <summary>Error pages, for any method: a failed POST is re-executed here as a POST.</summary>
    [AllowAnonymous]
    [IgnoreAntiforgeryToken]
    [Route("/erreur")]
    [Route("/erreur/{statut:int}")]
    [ApiExplorerSettings(IgnoreApi = true)]
    public IActionResult Erreur(int? statut)
    {
        // Only real error statuses: « /erreur/0 » or « /erreur/200 » is a page that does not exist.
        // A re-executed POST whose body could not be read binds nothing: the status is then the original one.
        statut ??= HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>()?.OriginalStatusCode;
        var code = statut switch
        {
            null => StatusCodes.Status500InternalServerError,
            >= 400 and <= 599 => statut.Value,
            _ => StatusCodes.Status404NotFound,
        };
        var correlation = Activity.Current?.TraceId.ToString() ?? HttpContext.TraceIdentifier;
        var original = HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>()?.OriginalPath
            ?? HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerPathFeature>()?.Path
            ?? string.Empty;
        Response.StatusCode = code;
        var (titre, message) = Infrastructure.PagesErreur.Pour(code);
        if (original.StartsWith("/api", StringComparison.OrdinalIgnoreCase))
        {
            return Problem(title: titre, detail: message, statusCode: code, extensions: new Dictionary<string, object?> { ["correlation"] = correlation });
        }

        return View("Erreur", new ErreurModel(code, titre, message, correlation));
    }
}

public sealed record AccueilModel(string? NomCommune, int? MembreId, int? NombreMembres, long? PopulationTotale);

public sealed record ErreurModel(int Statut, string Titre, string Message, string Correlation);
