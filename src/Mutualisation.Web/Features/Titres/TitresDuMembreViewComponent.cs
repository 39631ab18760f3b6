using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Mutualisation.Domain.Titres;
using Mutualisation.Persistence;

namespace Mutualisation.Web.Features.Titres;

/// <summary>
/// For a home page (a commune's space, a member's page): the member's latest issued titres with their avis. Takes the
/// member's id and reads through the DbContext, so the query filter keeps a Mairie user in her own commune.
/// Used as <c>@await Component.InvokeAsync("TitresDuMembre", new { membreId })</c>.
/// </summary>
public sealed class TitresDuMembreViewComponent(MutualisationDbContext db) : ViewComponent
{
    public const int Nombre = 10;

    public async Task<IViewComponentResult> InvokeAsync(int membreId)
    {
        var lignes = await db.TitresRecette.AsNoTracking()
            .Where(t => t.MembreId == membreId && t.Statut == StatutTitre.Emis)
            .OrderByDescending(t => t.Exercice).ThenByDescending(t => t.Numero)
            .Take(Nombre)
            .Select(t => new TitreDuMembre(t.Id, t.Exercice, t.Numero!.Value, t.Nature, t.Objet, t.Total, t.EmisLe!.Value))
            .ToListAsync();
        return View(lignes);
    }
}

public sealed record TitreDuMembre(int Id, int Exercice, int Numero, NatureTitre Nature, string Objet, Domain.Commun.Montant Total, DateOnly EmisLe);
