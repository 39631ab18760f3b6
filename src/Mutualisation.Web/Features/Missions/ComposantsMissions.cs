using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Mutualisation.Domain.Missions;
using Mutualisation.Persistence;

namespace Mutualisation.Web.Features.Missions;

/// <summary>
/// For a commune's home page: its N1 days of the exercice (allowance, consumed, remaining, overage) and its
/// missions with links. Reads through the DbContext: for a Mairie user another commune renders nothing.
/// </summary>
public sealed class JoursN1DuMembreViewComponent(MutualisationDbContext db, SoldesN1 soldes) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int membreId, int exercice)
    {
        var annulation = HttpContext.RequestAborted;
        var membre = await db.Membres.AsNoTracking().Where(m => m.Id == membreId).Select(m => new MembreMission(m.Id, m.Nom, m.CodeInsee.Valeur)).FirstOrDefaultAsync(annulation);
        if (membre is null)
        {
            return Content(string.Empty);
        }

        var lus = await soldes.LireAsync(exercice, [membreId], annulation);
        var missions = await db.Missions.AsNoTracking().Where(m => m.MembreId == membreId)
            .OrderBy(m => m.Statut == StatutMission.EnCours ? 0 : m.Statut == StatutMission.Brouillon ? 1 : 2).ThenByDescending(m => m.DateDebut).Take(10)
            .Select(m => new LigneMission(m.Id, m.MembreId, membre.Nom, m.Objet, m.Statut, m.DateDebut, m.DateFinPrevue, m.JoursPrevus,
                m.Saisies.Sum(s => s.DemiJournees), m.Saisies.Count(s => s.HorsPlages != null)))
            .ToListAsync(annulation);
        return View(new JoursN1DuMembreModel(membre, exercice, lus.Soldes.SingleOrDefault(), lus.Taux, missions));
    }
}

/// <summary>
/// For the DSI home page: the pool's capacity and use for the exercice, the missions in progress, the members
/// over their allowance and the entries recorded outside the service hours.
/// </summary>
public sealed class TableauDeBordMissionsViewComponent(MutualisationDbContext db, SoldesN1 soldes) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int exercice)
    {
        var annulation = HttpContext.RequestAborted;
        var lus = await soldes.LireAsync(exercice, null, annulation);
        var enCours = await db.Missions.AsNoTracking().Where(m => m.Statut == StatutMission.EnCours)
            .Join(db.Membres.AsNoTracking(), m => m.MembreId, x => x.Id, (m, x) => new { m, x.Nom, x.NomRecherche })
            .OrderBy(x => x.m.DateFinPrevue).Take(20)
            .Select(x => new LigneMission(x.m.Id, x.m.MembreId, x.Nom, x.m.Objet, x.m.Statut, x.m.DateDebut, x.m.DateFinPrevue, x.m.JoursPrevus,
                x.m.Saisies.Sum(s => s.DemiJournees), x.m.Saisies.Count(s => s.HorsPlages != null)))
            .ToListAsync(annulation);
        var debut = new DateOnly(Math.Clamp(exercice, 1, 9999), 1, 1);
        var fin = new DateOnly(Math.Clamp(exercice, 1, 9999), 12, 31);
        var horsPlages = await db.Missions.AsNoTracking()
            .SelectMany(m => m.Saisies.Where(s => s.HorsPlages != null && s.Date >= debut && s.Date <= fin),
                (m, s) => new { MissionId = m.Id, m.MembreId, m.Objet, s.Date, s.DemiJournees, s.AgentNom, s.HorsPlages })
            .Join(db.Membres.AsNoTracking(), x => x.MembreId, m => m.Id, (x, m) => new { x, m.Nom })
            .OrderByDescending(y => y.x.Date).Take(20)
            .Select(y => new SaisieHorsPlages(y.x.MissionId, y.Nom, y.x.Objet, y.x.Date, y.x.DemiJournees, y.x.AgentNom, y.x.HorsPlages!))
            .ToListAsync(annulation);
        return View(new TableauDeBordMissionsModel(exercice, lus, enCours,
            lus.Soldes.Where(s => s.EstEnDepassement).OrderByDescending(s => s.Depassement).ToList(), horsPlages));
    }
}

public sealed record JoursN1DuMembreModel(MembreMission Membre, int Exercice, SoldeN1? Solde, decimal? Taux, IReadOnlyList<LigneMission> Missions);

public sealed record SaisieHorsPlages(int MissionId, string Membre, string Objet, DateOnly Date, int DemiJournees, string Agent, string Motif);

public sealed record TableauDeBordMissionsModel(int Exercice, SoldesExercice Soldes, IReadOnlyList<LigneMission> EnCours, IReadOnlyList<SoldeN1> EnDepassement,
    IReadOnlyList<SaisieHorsPlages> HorsPlages);
