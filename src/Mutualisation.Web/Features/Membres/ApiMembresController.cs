using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Mutualisation.Persistence;
using Mutualisation.Web.Infrastructure;

namespace Mutualisation.Web.Features.Membres;

/// <summary>Read-only members API. A Mairie user gets only its own member (query filter).</summary>
[ApiController]
[Authorize(Policy = Autorisations.Connecte)]
[Route("api/v1/membres")]
public sealed class ApiMembresController(MutualisationDbContext db) : ControllerBase
{
    public const int TailleMaximale = 200;

    /// <summary>Membres de l'EPCI, triés par nom, page par page (une mairie ne voit que sa commune).</summary>
    /// <remarks>Chaque membre : code INSEE, SIREN, nom, population totale du dernier millésime et ce millésime.
    /// Une page au-delà de la dernière répond 200 avec une liste vide et le vrai total ; une page inférieure à 1,
    /// une taille hors de 1 à 200 ou une valeur qui n'est pas un entier répondent 400 (problem+json, en français).</remarks>
    /// <param name="page">Numéro de page, à partir de 1 (jusqu'à 2 147 483 647 : une page après la dernière est vide).</param>
    /// <param name="taille">Nombre de membres par page, de 1 à 200 (50 par défaut).</param>
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

        var requete = db.Visibles(db.Membres.AsNoTracking());
        var total = await requete.CountAsync(annulation);
        // In long: (page − 1) × taille overflows an int for a huge page, and would wrap to the first rows.
        var saut = (long)(page - 1) * taille;
        if (saut >= total)
        {
            return new PageApiMembres(page, taille, total, []);
        }

        // The offset walks a covering index of ids, then only the page's rows are read.
        var cles = requete.OrderBy(m => m.NomRecherche).ThenBy(m => m.Id).Skip((int)saut).Take(taille).Select(m => m.Id);
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
