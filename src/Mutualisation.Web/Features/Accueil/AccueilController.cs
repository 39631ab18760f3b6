using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Mutualisation.Domain.Catalogue;
using Mutualisation.Persistence;
using Mutualisation.Web.Infrastructure;

namespace Mutualisation.Web.Features.Accueil;

/// <summary>
/// The home page of each role (DSI staff, finance, mairie), a page per role that later features fill with
/// their dashboards; which one is shown follows the authorization policies, not role names.
/// </summary>
[Authorize(Policy = Autorisations.Connecte)]
public sealed class AccueilController(MutualisationDbContext db, IAuthorizationService autorisations, TimeProvider horloge) : Controller
{
    [HttpGet("/")]
    public async Task<IActionResult> Index(CancellationToken annulation)
    {
        var exercice = horloge.ExerciceCourant();
        if (await PeutAsync(Autorisations.GestionMembres))
        {
            var nombre = await db.Membres.CountAsync(annulation);
            var population = await db.Membres.SumAsync(m => (long?)m.PopulationTotale, annulation) ?? 0;
            int? utilisateurs = await PeutAsync(Autorisations.Administration)
                ? await db.Users.CountAsync(u => u.Actif, annulation)
                : null;
            return View("Dsi", new AccueilDsiModel(exercice, nombre, population, await CatalogueEnVigueurAsync(exercice, annulation), utilisateurs));
        }

        if (await PeutAsync(Autorisations.Intercommunale))
        {
            var brouillons = await db.VersionsCatalogue.CountAsync(v => v.Statut == StatutVersion.Brouillon, annulation);
            return View("Finance", new AccueilFinanceModel(exercice, await CatalogueEnVigueurAsync(exercice, annulation), brouillons));
        }

        // A mairie account sees only its own commune (query filter): the first member is its own.
        var commune = await db.Membres.AsNoTracking()
            .Select(m => new CommuneAccueil(m.Id, m.Nom, m.PopulationTotale, m.PopulationMillesime))
            .FirstOrDefaultAsync(annulation);
        return View("Mairie", new AccueilMairieModel(exercice, commune, await CatalogueEnVigueurAsync(exercice, annulation)));
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
        var correlation = Demarrage.Journalisation.Correlation(HttpContext);
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

    private async Task<bool> PeutAsync(string politique) => (await autorisations.AuthorizeAsync(User, politique)).Succeeded;

    /// <summary>The voted catalogue that prices the exercice today (the same rule as the simulator: <see cref="VersionCatalogue.EnVigueurAu"/>).</summary>
    private async Task<CatalogueAccueil?> CatalogueEnVigueurAsync(int exercice, CancellationToken annulation)
    {
        var votees = await db.VersionsCatalogue.AsNoTracking()
            .Where(v => v.Exercice == exercice && v.Statut == StatutVersion.Votee)
            .ToListAsync(annulation);
        return VersionCatalogue.EnVigueurAu(votees, VersionCatalogue.DateDeReference(exercice, horloge.AujourdHui())) is { } v
            ? new CatalogueAccueil(v.Id, v.Exercice, v.Intitule)
            : null;
    }
}

public sealed record CatalogueAccueil(int Id, int Exercice, string? Intitule);

public sealed record AccueilDsiModel(int Exercice, int NombreMembres, long PopulationTotale, CatalogueAccueil? Catalogue, int? UtilisateursActifs);

public sealed record AccueilFinanceModel(int Exercice, CatalogueAccueil? Catalogue, int Brouillons);

public sealed record CommuneAccueil(int Id, string Nom, int? Population, int? Millesime);

public sealed record AccueilMairieModel(int Exercice, CommuneAccueil? Commune, CatalogueAccueil? Catalogue);

public sealed record ErreurModel(int Statut, string Titre, string Message, string Correlation);
