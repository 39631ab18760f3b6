using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Mutualisation.Domain.FichesProjet;
using Mutualisation.Persistence;
using Mutualisation.Persistence.Echanges;
using Mutualisation.Persistence.Perimetre;
using Mutualisation.Web.Infrastructure;

namespace Mutualisation.Web.Features.EchangesFiches;

/// <summary>
/// The exchanges on a fiche's page: its files, the thread, and for the DSI its private annotations. Invoked by the fiche's
/// page, which the caller may already read; the query filter keeps a commune in its own, and annotations and their files
/// are not even read for anyone but the DSI.
/// </summary>
public sealed class EchangesFicheViewComponent(MutualisationDbContext db, IPerimetreUtilisateur perimetre, IAuthorizationService autorisations) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(FicheProjet fiche)
    {
        ArgumentNullException.ThrowIfNull(fiche);
        var annulation = HttpContext.RequestAborted;
        var dsi = (await autorisations.AuthorizeAsync(UserClaimsPrincipal, Autorisations.GestionMembres)).Succeeded;
        var echanges = await db.EchangesFiches().AsNoTracking().Where(e => e.FicheId == fiche.Id && (dsi || e.Genre == GenreEchange.Message))
            .OrderBy(e => e.Id).ToListAsync(annulation);
        var pieces = await db.PiecesFiches().AsNoTracking().Where(p => p.FicheId == fiche.Id && (dsi || !p.PriveeDsi)).OrderBy(p => p.Id)
            .Select(p => new PieceAffichee(p.Id, p.EchangeId, p.NomFichier, p.Taille, p.UtilisateurNom, p.DeposeeLe))
            .ToListAsync(annulation);
        var peutEcrire = dsi || perimetre.EstRestreint;
        return View(new EchangesFicheModel(fiche.Id, fiche.MembreId, dsi, peutEcrire,
            PeutJoindre: dsi || (perimetre.EstRestreint && fiche.Etat.EstModifiableParLaCommune()),
            echanges.Where(e => e.Genre == GenreEchange.Message).ToList(),
            echanges.Where(e => e.Genre == GenreEchange.Annotation).ToList(),
            pieces));
    }
}

public sealed record PieceAffichee(int Id, int? EchangeId, string NomFichier, int Taille, string Auteur, DateTimeOffset DeposeeLe)
{
    public string TailleLisible => Taille < 1024 ? $"{Taille} octets" : $"{FormatFr.Entier((Taille + 1023) / 1024)} Ko";
}

public sealed record EchangesFicheModel(int FicheId, int MembreId, bool EstDsi, bool PeutEcrire, bool PeutJoindre, IReadOnlyList<EchangeFiche> Messages,
    IReadOnlyList<EchangeFiche> Annotations, IReadOnlyList<PieceAffichee> Pieces)
{
    public IEnumerable<PieceAffichee> PiecesDe(int? echangeId) => Pieces.Where(p => p.EchangeId == echangeId);
}

/// <summary>The unread count in the navigation: one COUNT on the (user, read) index, kept a few seconds per instance (<see cref="NonLuesParUtilisateur"/>).</summary>
public sealed class CompteurNotificationsViewComponent(MutualisationDbContext db, NonLuesParUtilisateur compteurs) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(string? chemin)
    {
        var utilisateur = UserClaimsPrincipal.FindFirstValue(ClaimTypes.NameIdentifier);
        if (utilisateur is null)
        {
            return Content(string.Empty);
        }

        var nonLues = await compteurs.LireAsync(db, utilisateur, HttpContext.RequestAborted);
        return View((nonLues, chemin == "/notifications"));
    }
}
