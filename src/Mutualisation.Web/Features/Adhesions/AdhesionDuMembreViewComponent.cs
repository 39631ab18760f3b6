using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Mutualisation.Domain.Adhesions;
using Mutualisation.Persistence;
using Mutualisation.Web.Features.Tarifs;
using Mutualisation.Web.Infrastructure;

namespace Mutualisation.Web.Features.Adhesions;

/// <summary>
/// For the home pages: a member's current adhésion (formule, services) and what it costs for the exercice, the
/// engine's lines from the stored facts. Reads through the DbContext, so a Mairie user only ever sees her commune
/// (another member renders nothing).
/// </summary>
public sealed class AdhesionDuMembreViewComponent(MutualisationDbContext db, TarifsDeLExercice tarifs, ContributionsReelles contributions, TimeProvider horloge) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int membreId, int exercice)
    {
        var annulation = HttpContext.RequestAborted;
        var membre = await db.Membres.AsNoTracking().Where(m => m.Id == membreId).Select(m => new MembreAdhesion(m.Id, m.Nom, m.CodeInsee.Valeur)).FirstOrDefaultAsync(annulation);
        if (membre is null)
        {
            return Content(string.Empty);
        }

        var aujourdHui = horloge.AujourdHui();
        var adhesion = await db.Set<Adhesion>().AsNoTracking().AsSplitQuery().FirstOrDefaultAsync(a => a.MembreId == membreId, annulation);
        var tarif = await tarifs.EnVigueurAsync(exercice, annulation);
        var contribution = tarif is null ? null : (await contributions.CalculerAsync(tarif, [membreId], annulation)) is [var premiere, ..] ? premiere : null;
        return View(new AdhesionDuMembreModel(membre, exercice, tarif is not null, adhesion?.ChoixLe(aujourdHui), adhesion?.SouscriptionsLe(aujourdHui) ?? [], contribution));
    }
}

public sealed record AdhesionDuMembreModel(MembreAdhesion Membre, int Exercice, bool CatalogueVote, ChoixFormule? Choix, IReadOnlyList<SouscriptionService> Souscriptions, ContributionReelle? Contribution);
