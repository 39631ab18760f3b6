using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Mutualisation.Domain.Titres;
using Mutualisation.Persistence;

namespace Mutualisation.Web.Features.TitresParticuliers;

/// <summary>
/// The pièces justificatives of a titre on its page, each with its download (<c>/titres/{id}/pieces/{pieceId}</c>).
/// Invoked by the titre's page, which the caller may already read; the query filter keeps a Mairie user in her commune.
/// </summary>
public sealed class PiecesDuTitreViewComponent(MutualisationDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int titreId)
    {
        var pieces = await db.Set<PieceJustificative>().AsNoTracking().Where(p => p.TitreId == titreId).OrderBy(p => p.Id)
            .Select(p => new PieceDuTitre(p.Id, p.TitreId, p.NomFichier, p.Taille, p.Sha256, p.Fournisseur, p.NumeroFacture, p.DateFacture, p.PayeeLe, p.Montant.Euros))
            .ToListAsync(HttpContext.RequestAborted);
        return pieces.Count == 0 ? Content(string.Empty) : View(pieces);
    }
}

public sealed record PieceDuTitre(int Id, int TitreId, string NomFichier, int Taille, string Sha256, string Fournisseur, string NumeroFacture, DateOnly DateFacture,
    DateOnly PayeeLe, decimal Montant);
