using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Mutualisation.Domain.Conventions;
using Mutualisation.Persistence;
using Mutualisation.Web.Infrastructure;

namespace Mutualisation.Web.Features.Conventions;

/// <summary>The DSI home page's summary of <see cref="TableauDeBordConventions"/>: how many conventions wait for each step.</summary>
public sealed class SyntheseConventionsViewComponent(MutualisationDbContext db, TimeProvider horloge) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() =>
        View(await TableauDeBordConventions.LireAsync(db, horloge.AujourdHui(), HttpContext.RequestAborted));
}

/// <summary>
/// A member's conventions as its home page shows them: model, status, effective date, next tacit renewal, notice
/// and exit date. Read through the query filters, so a Mairie user only ever gets her own commune's.
/// </summary>
public sealed class ConventionDuMembreViewComponent(MutualisationDbContext db, TimeProvider horloge) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int membreId)
    {
        var conventions = await db.Conventions.AsNoTracking().Where(c => c.MembreId == membreId)
            .OrderBy(c => c.Statut == StatutConvention.Resiliee).ThenByDescending(c => c.Id)
            .Select(c => new ConventionResumee(c.Id, c.Modele, c.Statut, c.DateEffet, c.ControleLegaliteIdentifiant, c.DateDenonciation, c.DenonceePar, c.DateSortie))
            .ToListAsync(HttpContext.RequestAborted);
        return View(new ConventionsDuMembreModel(conventions, horloge.AujourdHui()));
    }
}

public sealed record ConventionResumee(
    int Id, ModeleConvention Modele, StatutConvention Statut, DateOnly? DateEffet, string? ControleLegaliteIdentifiant,
    DateOnly? DateDenonciation, AuteurDenonciation? DenonceePar, DateOnly? DateSortie)
{
    public DateOnly? ProchainRenouvellement(DateOnly aujourdHui) =>
        Modele == ModeleConvention.ServiceCommun && Statut == StatutConvention.EnVigueur && DateEffet is { } effet
            ? RegleConvention.ProchainRenouvellement(effet, aujourdHui)
            : null;
}

public sealed record ConventionsDuMembreModel(IReadOnlyList<ConventionResumee> Conventions, DateOnly AujourdHui);
