using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Mutualisation.Persistence;
using Mutualisation.Persistence.Echanges;
using Mutualisation.Web.Infrastructure;

namespace Mutualisation.Web.Features.EchangesFiches;

/// <summary>
/// Each user's notifications (what changed on the fiches that concern them), read and unread, and « tout marquer lu ».
/// A user only ever reads and marks their own: another user's notification answers 404.
/// </summary>
[Authorize(Policy = Autorisations.Connecte)]
[Route("notifications")]
public sealed class NotificationsController(MutualisationDbContext db, TimeProvider horloge, NonLuesParUtilisateur compteurs) : Controller
{
    public const int Affichees = 200;

    private string UtilisateurId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken annulation)
    {
        var utilisateur = UtilisateurId;
        var lignes = await db.NotificationsFiches().AsNoTracking().Where(n => n.UtilisateurId == utilisateur)
            .OrderByDescending(n => n.Id).Take(Affichees)
            .Select(n => new LigneNotification(n.Id, n.FicheId, n.Texte, n.CreeLe, n.LueLe != null))
            .ToListAsync(annulation);
        return View(new NotificationsModel(lignes, lignes.Count(l => !l.Lue), TempData["Message"] as string));
    }

    [HttpPost("tout-marquer-lu")]
    public async Task<IActionResult> ToutMarquerLu(CancellationToken annulation)
    {
        var utilisateur = UtilisateurId;
        var maintenant = horloge.GetUtcNow();
        var nombre = await db.NotificationsFiches().Where(n => n.UtilisateurId == utilisateur && n.LueLe == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.LueLe, maintenant), annulation);
        compteurs.Oublier(utilisateur);
        TempData["Message"] = nombre == 0 ? "Aucune notification non lue." : nombre == 1 ? "1 notification marquée lue." : $"{FormatFr.Entier(nombre)} notifications marquées lues.";
        return Redirect("/notifications");
    }

    /// <summary>Marks the notification read and opens its fiche.</summary>
    [HttpPost("{id:long}/ouvrir")]
    public async Task<IActionResult> Ouvrir(long id, CancellationToken annulation)
    {
        var utilisateur = UtilisateurId;
        var notification = await db.NotificationsFiches().FirstOrDefaultAsync(n => n.Id == id && n.UtilisateurId == utilisateur, annulation);
        if (notification is null)
        {
            return NotFound();
        }

        notification.MarquerLue(horloge.GetUtcNow());
        await db.SaveChangesAsync(annulation);
        return Redirect($"/fiches-projet/{notification.FicheId}#echanges");
    }
}

/// <summary>The outbox as the DSI administrators see it: what waits, what was sent, what was abandoned and why.</summary>
[Authorize(Policy = Autorisations.Administration)]
[Route("administration/courriels")]
public sealed class CourrielsController(MutualisationDbContext db, IConfiguration configuration) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken annulation)
    {
        var lignes = await db.CourrielsEnAttente().AsNoTracking().OrderByDescending(c => c.Id).Take(200)
            .Select(c => new LigneCourriel(c.Id, c.Destinataire, c.Sujet, c.FicheId, c.Etat, c.Tentatives, c.CreeLe, c.ProchaineTentative, c.EnvoyeLe, c.DerniereErreur))
            .ToListAsync(annulation);
        var parEtat = await db.CourrielsEnAttente().AsNoTracking().GroupBy(c => c.Etat).Select(g => new { g.Key, Nombre = g.Count() }).ToListAsync(annulation);
        return View(new CourrielsModel(ReglagesCourriel.Lire(configuration).EstConfigure, lignes,
            parEtat.ToDictionary(x => x.Key, x => x.Nombre)));
    }
}

public sealed record LigneNotification(long Id, int FicheId, string Texte, DateTimeOffset CreeLe, bool Lue);

public sealed record NotificationsModel(IReadOnlyList<LigneNotification> Lignes, int NonLues, string? Message);

public sealed record LigneCourriel(long Id, string Destinataire, string Sujet, int? FicheId, EtatCourriel Etat, int Tentatives, DateTimeOffset CreeLe,
    DateTimeOffset ProchaineTentative, DateTimeOffset? EnvoyeLe, string? DerniereErreur)
{
    public string LibelleEtat => Etat switch
    {
        EtatCourriel.EnAttente => Tentatives == 0 ? "En attente" : "En attente d'un nouvel essai",
        EtatCourriel.Envoye => "Envoyé",
        _ => "Abandonné",
    };
}

public sealed record CourrielsModel(bool Configure, IReadOnlyList<LigneCourriel> Lignes, IReadOnlyDictionary<EtatCourriel, int> ParEtat);
