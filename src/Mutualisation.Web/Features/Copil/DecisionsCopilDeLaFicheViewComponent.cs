using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Mutualisation.Domain.FichesProjet;
using Mutualisation.Persistence;
using Mutualisation.Web.Infrastructure;

namespace Mutualisation.Web.Features.Copil;

/// <summary>
/// On a fiche's page: the COPIL sessions whose agenda it was on, with the decision and motivation of each (the commune
/// reads its own fiche's; the link to the session is for the EPCI's staff). The fiche is read through the query filter
/// first, so another commune's fiche id shows nothing. Used as <c>@await Component.InvokeAsync("DecisionsCopilDeLaFiche", new { ficheId })</c>.
/// </summary>
public sealed class DecisionsCopilDeLaFicheViewComponent(MutualisationDbContext db, IAuthorizationService autorisations) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int ficheId)
    {
        if (!await db.FichesProjet.AnyAsync(f => f.Id == ficheId))
        {
            return Content(string.Empty);
        }

        var seances = await db.SeancesCopil.AsNoTracking()
            .Where(s => s.Points.Any(p => p.FicheId == ficheId))
            .OrderBy(s => s.Date).ThenBy(s => s.Id)
            .Select(s => new { s.Id, s.Date, s.Libelle, Point = s.Points.First(p => p.FicheId == ficheId) })
            .ToListAsync();
        var personnel = (await autorisations.AuthorizeAsync(UserClaimsPrincipal, Autorisations.Intercommunale)).Succeeded;
        return View(new DecisionsCopilModel(personnel, seances
            .Select(s => new DecisionCopilDeLaFiche(s.Id, s.Date, s.Libelle, s.Point.Decision, s.Point.Motivation, s.Point.AnneeSchemaDirecteur))
            .ToList()));
    }
}

public sealed record DecisionCopilDeLaFiche(int SeanceId, DateOnly Date, string Libelle, DecisionCopil? Decision, string? Motivation, int? AnneeSchemaDirecteur);

public sealed record DecisionsCopilModel(bool EstPersonnel, IReadOnlyList<DecisionCopilDeLaFiche> Seances);
