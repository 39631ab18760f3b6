using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Mutualisation.Domain.Commun;
using Mutualisation.Persistence;
using Mutualisation.Web.Infrastructure;

namespace Mutualisation.Web.Features.Missions;

/// <summary>A member's N1 days for an exercice. A Mairie user gets only her own commune (another answers 404).</summary>
[ApiController]
[Authorize(Policy = Autorisations.Connecte)]
[Route("api/v1/membres/{inseeCode}/jours-n1")]
public sealed class ApiJoursN1Controller(MutualisationDbContext db, SoldesN1 soldes, TimeProvider horloge) : ControllerBase
{
    /// <summary>Jours N1 (prestations ponctuelles) d'un membre pour un exercice : allocation, consommé, restant et dépassement facturé.</summary>
    /// <remarks>L'allocation vient de la version du catalogue en vigueur pour l'exercice (composante N1 « au-delà de l'allocation »,
    /// par tranche de population : 2,5 / 4,5 / 6,5 jours dans le catalogue de REDON Agglomération). Le consommé est la somme des
    /// saisies de temps datées dans l'exercice. Les quantités sont en jours (multiples de 0,5) ; le dépassement en euros est celui
    /// que calcule le moteur de tarification (200 € la demi-journée à Redon). Sans allocation applicable (pas de catalogue voté,
    /// population inconnue, hors tranches), <c>allocation</c>, <c>restant</c> et <c>depassementEuros</c> sont absents (null) et
    /// <c>motif</c> dit pourquoi. Une mairie n'obtient que sa commune : tout autre code INSEE répond 404.</remarks>
    /// <param name="inseeCode">Code INSEE du membre (5 caractères, ex. 44185).</param>
    /// <param name="exercice">Exercice (année civile) ; par défaut l'exercice en cours.</param>
    /// <param name="annulation">Request abort.</param>
    [HttpGet]
    [ProducesResponseType<JoursN1Api>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType(StatusCodes.Status401Unauthorized)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<ActionResult<JoursN1Api>> Lire(string inseeCode, [FromQuery] int? exercice, CancellationToken annulation)
    {
        if (exercice is { } e && e is < Domain.Catalogue.VersionCatalogue.ExerciceMinimal or > Domain.Catalogue.VersionCatalogue.ExerciceMaximal)
        {
            return Problem(statusCode: StatusCodes.Status400BadRequest, title: "Exercice invalide",
                detail: $"L'exercice doit être compris entre {Domain.Catalogue.VersionCatalogue.ExerciceMinimal} et {Domain.Catalogue.VersionCatalogue.ExerciceMaximal}.");
        }

        if (!InseeCode.EstValide(inseeCode))
        {
            return Problem(statusCode: StatusCodes.Status404NotFound, title: "Membre introuvable", detail: "Aucun membre n'a ce code INSEE.");
        }

        var code = InseeCode.Parse(inseeCode);
        var membreId = await db.Membres.AsNoTracking().Where(m => m.CodeInsee == code).OrderBy(m => m.Id).Select(m => (int?)m.Id).FirstOrDefaultAsync(annulation);
        if (membreId is null)
        {
            return Problem(statusCode: StatusCodes.Status404NotFound, title: "Membre introuvable", detail: "Aucun membre n'a ce code INSEE.");
        }

        var annee = exercice ?? horloge.ExerciceCourant();
        var lus = await soldes.LireAsync(annee, [membreId.Value], annulation);
        var s = lus.Soldes.Single();
        return new JoursN1Api(s.CodeInsee, s.Nom, annee, s.Tranche, J(s.Allocation), SoldeN1.EnJours(s.Consomme), J(s.Restant), SoldeN1.EnJours(s.Depassement),
            s.Allocation is null ? null : s.DepassementEuros, s.Motif);
    }

    private static decimal? J(decimal? demiJournees) => demiJournees is { } d ? SoldeN1.EnJours(d) : null;
}

/// <summary>A member's N1 days as the API shows them.</summary>
/// <param name="InseeCode">Code INSEE du membre.</param>
/// <param name="Nom">Nom du membre.</param>
/// <param name="Exercice">Exercice (année civile).</param>
/// <param name="Tranche">Tranche de population qui fixe l'allocation.</param>
/// <param name="Allocation">Jours gratuits de l'exercice (multiple de 0,5).</param>
/// <param name="Consomme">Jours saisis dans l'exercice.</param>
/// <param name="Restant">Jours gratuits restants (jamais négatif).</param>
/// <param name="Depassement">Jours au-delà de l'allocation.</param>
/// <param name="DepassementEuros">Montant du dépassement calculé par le moteur de tarification, en euros.</param>
/// <param name="Motif">Pourquoi aucune allocation ne s'applique, le cas échéant.</param>
public sealed record JoursN1Api(string InseeCode, string Nom, int Exercice, string? Tranche, decimal? Allocation, decimal Consomme, decimal? Restant,
    decimal Depassement, decimal? DepassementEuros, string? Motif);
