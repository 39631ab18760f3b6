using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Mutualisation.Persistence;

namespace Mutualisation.Web.Features.Membres;

/// <summary>Read-only members API. A Mairie user gets only its own member (query filter).</summary>
[ApiController]
[Route("api/v1/membres")]
public sealed class ApiMembresController(MutualisationDbContext db) : ControllerBase
{
    public const int TailleMaximale = 200;

    /// <summary>Members, sorted by name, one page at a time.</summary>
    /// <param name="page">Page number, from 1.</param>
    /// <param name="taille">Page size, 1 to 200 (default 50).</param>
    /// <param name="annulation">Request abort.</param>
    [HttpGet]
    [ProducesResponseType<PageApiMembres>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType(StatusCodes.Status401Unauthorized)]
    public async Task<ActionResult<PageApiMembres>> Lister([FromQuery] int page = 1, [FromQuery] int taille = 50, CancellationToken annulation = default)
    {
        if (page < 1 || taille is < 1 or > TailleMaximale)
        {
            return Problem(statusCode: StatusCodes.Status400BadRequest, title: "Paramètres invalides",
                detail: $"page doit être ≥ 1 et taille comprise entre 1 et {TailleMaximale}.");
        }

        var requete = db.Membres.AsNoTracking();
        var total = await requete.CountAsync(annulation);
        // The offset walks a covering index of ids, then only the page's rows are read.
        var cles = requete.OrderBy(m => m.NomRecherche).ThenBy(m => m.Id).Skip((page - 1) * taille).Take(taille).Select(m => m.Id);
        var elements = await requete
            .Where(m => cles.Contains(m.Id))
            .OrderBy(m => m.NomRecherche).ThenBy(m => m.Id)
            .Select(m => new { m.CodeInsee, m.Siren, m.Nom, m.PopulationTotale, m.PopulationMillesime })
            .ToListAsync(annulation);
        return new PageApiMembres(page, taille, total,
            elements.Select(m => new MembreApi(m.CodeInsee.Valeur, m.Siren.Valeur, m.Nom, m.PopulationTotale, m.PopulationMillesime)).ToList());
    }
}

public sealed record PageApiMembres(int Page, int Taille, int Total, IReadOnlyList<MembreApi> Elements);

/// <summary>A member as the API shows it; population is the population totale of the latest millésime.</summary>
public sealed record MembreApi(string InseeCode, string Siren, string Nom, int? Population, int? Millesime);
