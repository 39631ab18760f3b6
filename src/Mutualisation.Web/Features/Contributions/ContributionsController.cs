using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Mutualisation.Web.Infrastructure;
using Mutualisation.Web.Features.Simulation;

namespace Mutualisation.Web.Features.Contributions;

/// <summary>The EPCI's projection of contributions against the staffing model. EPCI staff only.</summary>
[Authorize(Policy = Autorisations.Intercommunale)]
[Route("contributions")]
public sealed class ContributionsController(ProjectionContributions projection, SimulateurContributions simulateur) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] int? exercice, [FromQuery] string? formule, CancellationToken annulation)
    {
        var annee = exercice ?? simulateur.ExerciceCourant;
        var resultat = await projection.CalculerAsync(annee, formule, annulation);
        if (resultat is null)
        {
            return NotFound();
        }

        return View("/Features/Contributions/Views/Index.cshtml",
            new PageContributions(resultat, (await simulateur.ExercicesAsync(annulation)).Select(e => e.ToString(CultureInfo.InvariantCulture)).ToList()));
    }
}

public sealed record PageContributions(Projection Projection, IReadOnlyList<string> Exercices);
