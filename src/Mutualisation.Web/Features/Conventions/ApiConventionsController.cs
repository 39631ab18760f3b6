using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Mutualisation.Domain.Conventions;
using Mutualisation.Persistence;
using Mutualisation.Web.Infrastructure;

namespace Mutualisation.Web.Features.Conventions;

/// <summary>Read-only conventions API. A Mairie user gets only her own commune's (query filter).</summary>
[ApiController]
[Authorize(Policy = Autorisations.Connecte)]
[Route("api/v1/conventions")]
public sealed class ApiConventionsController(MutualisationDbContext db) : ControllerBase
{
    /// <summary>Conventions des membres, triées par nom du membre (une mairie ne voit que celle de sa commune).</summary>
    /// <remarks>Chaque convention : code INSEE et nom du membre, modèle (<c>service-commun</c> : convention cadre du service commun ;
    /// <c>convention-globale</c> : convention globale de mutualisation), statut (<c>brouillon</c>, <c>signee</c>, <c>en-vigueur</c>,
    /// <c>denoncee</c>, <c>resiliee</c>), date d'effet, date de réception de la dénonciation et date de sortie (premier jour hors de la
    /// convention : la facturation s'arrête la veille). Les dates sont au format AAAA-MM-JJ, absentes (null) tant qu'elles ne sont pas connues.</remarks>
    /// <param name="annulation">Request abort.</param>
    [HttpGet]
    [ProducesResponseType<IReadOnlyList<ConventionApi>>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status401Unauthorized)]
    public async Task<ActionResult<IReadOnlyList<ConventionApi>>> Lister(CancellationToken annulation)
    {
        var lignes = await db.Conventions.AsNoTracking()
            .Join(db.Membres.AsNoTracking(), c => c.MembreId, m => m.Id, (c, m) => new { c, m })
            .OrderBy(x => x.m.NomRecherche).ThenBy(x => x.c.Id)
            .Select(x => new { x.m.CodeInsee, x.m.Nom, x.c.Modele, x.c.Statut, x.c.DateEffet, x.c.DateDenonciation, x.c.DateSortie })
            .ToListAsync(annulation);
        return lignes.Select(l => new ConventionApi(l.CodeInsee.Valeur, l.Nom, Code(l.Modele), Code(l.Statut), l.DateEffet, l.DateDenonciation, l.DateSortie)).ToList();
    }

    public static string Code(ModeleConvention modele) => modele == ModeleConvention.ServiceCommun ? "service-commun" : "convention-globale";

    public static string Code(StatutConvention statut) => statut switch
    {
        StatutConvention.Brouillon => "brouillon",
        StatutConvention.Signee => "signee",
        StatutConvention.EnVigueur => "en-vigueur",
        StatutConvention.Denoncee => "denoncee",
        _ => "resiliee",
    };
}

/// <summary>A convention as the API shows it.</summary>
/// <param name="InseeCode">Code INSEE du membre.</param>
/// <param name="Nom">Nom du membre.</param>
/// <param name="Modele">service-commun ou convention-globale.</param>
/// <param name="Statut">brouillon, signee, en-vigueur, denoncee ou resiliee.</param>
/// <param name="DateEffet">Date d'effet calculée par la règle du modèle.</param>
/// <param name="DateDenonciation">Date de réception de la dénonciation.</param>
/// <param name="DateSortie">Premier jour hors de la convention.</param>
public sealed record ConventionApi(string InseeCode, string Nom, string Modele, string Statut, DateOnly? DateEffet, DateOnly? DateDenonciation, DateOnly? DateSortie);
