using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Mutualisation.Domain.Audits;
using Mutualisation.Persistence;
using Mutualisation.Web.Infrastructure;

namespace Mutualisation.Web.Features.Audits;

/// <summary>
/// Home-page block: one member's audits, their status and the report download link once delivered. Reads through the
/// DbContext, so a Mairie user given another commune's id gets an empty block. Usage:
/// <c>@await Component.InvokeAsync("AuditsDuMembre", new { membreId })</c>.
/// </summary>
public sealed class AuditsDuMembreViewComponent(MutualisationDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int membreId)
    {
        var lignes = await AuditsController.Projeter(db.Audits.AsNoTracking().Where(a => a.MembreId == membreId)
                .Join(db.Membres.AsNoTracking(), a => a.MembreId, m => m.Id, (a, m) => new AuditEtMembre { Audit = a, Membre = m })
                .OrderByDescending(x => x.Audit.DemandeLe).ThenByDescending(x => x.Audit.Id).Take(20))
            .ToListAsync(HttpContext.RequestAborted);
        return View(new AuditsDuMembreModel(membreId, lignes));
    }
}

/// <summary>
/// DSI home-page block: audits requested, planned and in progress (counts and list), reports delivered this year, and
/// the deduction windows (delivery + 6 months, domain.md rule 2) closing within a month. Usage:
/// <c>@await Component.InvokeAsync("TableauDeBordAudits")</c>.
/// </summary>
public sealed class TableauDeBordAuditsViewComponent(MutualisationDbContext db, TimeProvider horloge) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var aujourdHui = horloge.AujourdHui();
        var debutAnnee = new DateOnly(aujourdHui.Year, 1, 1);
        // A window still open today started less than 6 months ago.
        var livresDepuis = new[] { debutAnnee, aujourdHui.AddMonths(-Audit.MoisDeDeduction) }.Min();
        var lignes = await AuditsController.Projeter(db.Audits.AsNoTracking()
                .Where(a => a.Statut == StatutAudit.Demande || a.Statut == StatutAudit.Planifie || a.Statut == StatutAudit.EnCours
                    || (a.Statut == StatutAudit.RapportLivre && a.RapportLivreLe >= livresDepuis))
                .Join(db.Membres.AsNoTracking(), a => a.MembreId, m => m.Id, (a, m) => new AuditEtMembre { Audit = a, Membre = m })
                .OrderBy(x => x.Membre.NomRecherche).ThenBy(x => x.Audit.Id))
            .ToListAsync(HttpContext.RequestAborted);
        var horizon = aujourdHui.AddMonths(1);
        return View(new TableauDeBordAuditsModel(
            aujourdHui,
            lignes.Where(l => l.Statut is StatutAudit.Demande or StatutAudit.Planifie or StatutAudit.EnCours)
                .OrderBy(l => l.Statut).ThenBy(l => l.PrevuLe ?? l.DemandeLe).ToList(),
            lignes.Count(l => l.Statut == StatutAudit.Demande),
            lignes.Count(l => l.Statut == StatutAudit.Planifie),
            lignes.Count(l => l.Statut == StatutAudit.EnCours),
            lignes.Where(l => l.RapportLivreLe is { } d && d >= debutAnnee).OrderByDescending(l => l.RapportLivreLe).ToList(),
            lignes.Where(l => l.FinDeduction is { } fin && fin >= aujourdHui && fin <= horizon).OrderBy(l => l.FinDeduction).ToList()));
    }
}

public sealed record AuditsDuMembreModel(int MembreId, IReadOnlyList<LigneAudit> Lignes);

public sealed record TableauDeBordAuditsModel(
    DateOnly AujourdHui,
    IReadOnlyList<LigneAudit> EnCours,
    int Demandes,
    int Planifies,
    int Demarres,
    IReadOnlyList<LigneAudit> LivresCetteAnnee,
    IReadOnlyList<LigneAudit> DeductionsQuiSeFerment);
