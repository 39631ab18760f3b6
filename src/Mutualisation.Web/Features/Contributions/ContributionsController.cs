using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Mutualisation.Web.Features.Simulation;
using Mutualisation.Web.Features.Tarifs;
using Mutualisation.Web.Infrastructure;

namespace Mutualisation.Web.Features.Contributions;

/// <summary>The EPCI's projection of contributions against the staffing model. EPCI staff only.</summary>
[Authorize(Policy = Autorisations.Intercommunale)]
[Route("contributions")]
public sealed class ContributionsController(ProjectionContributions projection, TarifsDeLExercice tarifs, Adhesions.ContributionsReelles reelles) : Controller
{
    /// <summary>The projection with the version in force, or with a draft (<c>version</c>) before its vote.</summary>
    /// <param name="annee">premiere or suivante: the year of membership assumed for every member (following years by default, shown).</param>
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] int? exercice, [FromQuery] string? formule, [FromQuery] string? annee, [FromQuery] int? version, CancellationToken annulation)
    {
        var tarif = version is { } id
            ? await tarifs.BrouillonAsync(id, annulation)
            : await tarifs.EnVigueurAsync(exercice ?? tarifs.ExerciceCourant, annulation);
        if (tarif is null)
        {
            return NotFound();
        }

        var resultat = await projection.CalculerAsync(tarif, formule, annee == SimulateurContributions.PremiereAnnee, annulation);
        if (resultat is null)
        {
            return NotFound();
        }

        // Beside the projection: the real adhésions of the exercice priced from the stored facts (N1 days not plugged in yet).
        var adhesions = await reelles.CalculerAsync(tarif, membres: null, annulation);
        return View("/Features/Contributions/Views/Index.cshtml",
            new PageContributions(resultat, (await tarifs.ExercicesVotesAsync(annulation)).Select(e => e.ToString(CultureInfo.InvariantCulture)).ToList()) { Reelles = adhesions });
    }
}

public sealed record PageContributions(Projection Projection, IReadOnlyList<string> Exercices)
{
    /// <summary>The contributions of the real adhésions for the exercice, member by member.</summary>
    public IReadOnlyList<Adhesions.ContributionReelle> Reelles { get; init; } = [];

    public decimal TotalReel => Reelles.Sum(r => r.Contribution?.Total ?? 0m);
}
