using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Mutualisation.Domain.Membres;
using Mutualisation.Persistence;

namespace Mutualisation.Web.Features.Membres;

/// <summary>The décideur and technical contacts a member named (Redon art. 6), as its home page shows them.</summary>
public sealed class ContactsDuMembreViewComponent(MutualisationDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int membreId)
    {
        var contacts = await db.Membres.AsNoTracking().Where(m => m.Id == membreId)
            .Select(m => new ContactsDuMembreModel(m.Id, m.Decideur, m.Technique))
            .FirstOrDefaultAsync(HttpContext.RequestAborted);
        return View(contacts);
    }
}

public sealed record ContactsDuMembreModel(int MembreId, Contact Decideur, Contact Technique);
