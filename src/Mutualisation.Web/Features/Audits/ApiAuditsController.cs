using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Mutualisation.Domain.Audits;
using Mutualisation.Domain.Commun;
using Mutualisation.Persistence;
using Mutualisation.Web.Infrastructure;

namespace Mutualisation.Web.Features.Audits;

/// <summary>Read-only audits API. A Mairie user gets only her own commune's (query filter: another commune answers 404).</summary>
[ApiController]
[Authorize(Policy = Autorisations.Connecte)]
[Route("api/v1/membres/{inseeCode}/audits")]
public sealed class ApiAuditsController(MutualisationDbContext db) : ControllerBase
{
    /// <summary>Audits d'un membre, du plus récent au plus ancien (une mairie ne voit que ceux de sa commune).</summary>
    /// <remarks>Chaque audit : statut (<c>demande</c>, <c>planifie</c>, <c>en-cours</c>, <c>rapport-livre</c>, <c>annule</c>), date de la demande,
    /// date prévue, date de début, date de livraison du rapport, date de fin de la fenêtre de déduction (livraison + 6 mois), date d'annulation,
    /// et le lien de téléchargement du rapport une fois livré. Les dates sont au format AAAA-MM-JJ, absentes (null) tant qu'elles ne sont pas connues.
    /// Un code INSEE inconnu, ou d'une autre commune pour un compte de mairie, répond 404.</remarks>
    /// <param name="inseeCode">Code INSEE du membre (5 caractères, ex. 44185).</param>
    /// <param name="annulation">Request abort.</param>
    [HttpGet]
    [ProducesResponseType<IReadOnlyList<AuditApi>>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status401Unauthorized)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<ActionResult<IReadOnlyList<AuditApi>>> Lister(string inseeCode, CancellationToken annulation)
    {
        int? membreId = null;
        if (InseeCode.EstValide(inseeCode))
        {
            var code = InseeCode.Parse(inseeCode);
            membreId = await db.Membres.AsNoTracking().Where(m => m.CodeInsee == code).OrderBy(m => m.Id).Select(m => (int?)m.Id).FirstOrDefaultAsync(annulation);
        }

        if (membreId is null)
        {
            return Problem(statusCode: StatusCodes.Status404NotFound, title: "Membre introuvable",
                detail: "Aucun membre accessible ne porte ce code INSEE.");
        }

        var audits = await db.Audits.AsNoTracking().Where(a => a.MembreId == membreId)
            .OrderByDescending(a => a.DemandeLe).ThenByDescending(a => a.Id)
            .Select(a => new { a.Id, a.Statut, a.DemandeLe, a.PrevuLe, a.DebuteLe, a.RapportLivreLe, a.AnnuleLe })
            .ToListAsync(annulation);
        return audits.Select(a => new AuditApi(a.Id, Code(a.Statut), a.DemandeLe, a.PrevuLe, a.DebuteLe, a.RapportLivreLe,
            a.RapportLivreLe?.AddMonths(Audit.MoisDeDeduction), a.AnnuleLe, a.Statut == StatutAudit.RapportLivre ? $"/audits/{a.Id}/rapport" : null)).ToList();
    }

    public static string Code(StatutAudit statut) => statut switch
    {
        StatutAudit.Demande => "demande",
        StatutAudit.Planifie => "planifie",
        StatutAudit.EnCours => "en-cours",
        StatutAudit.RapportLivre => "rapport-livre",
        _ => "annule",
    };
}

/// <summary>An audit as the API shows it.</summary>
/// <param name="Id">Identifiant de l'audit (page /audits/{id}).</param>
/// <param name="Statut">demande, planifie, en-cours, rapport-livre ou annule.</param>
/// <param name="DemandeLe">Date de la demande.</param>
/// <param name="PrevuLe">Date prévue de l'audit.</param>
/// <param name="DebuteLe">Date de début de l'audit.</param>
/// <param name="RapportLivreLe">Date de livraison du rapport.</param>
/// <param name="FinDeduction">Fin de la fenêtre de déduction du socle (livraison + 6 mois).</param>
/// <param name="AnnuleLe">Date d'annulation.</param>
/// <param name="Rapport">Lien de téléchargement du rapport PDF, une fois livré.</param>
public sealed record AuditApi(int Id, string Statut, DateOnly DemandeLe, DateOnly? PrevuLe, DateOnly? DebuteLe, DateOnly? RapportLivreLe,
    DateOnly? FinDeduction, DateOnly? AnnuleLe, string? Rapport);
