using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Mutualisation.Domain.FichesProjet;
using Mutualisation.Persistence;
using Mutualisation.Persistence.Echanges;
using Mutualisation.Persistence.Perimetre;
using Mutualisation.Web.Features.Catalogue;
using Mutualisation.Web.Infrastructure;

namespace Mutualisation.Web.Features.EchangesFiches;

/// <summary>
/// The exchanges about a fiche projet, shown on its page (<see cref="EchangesFicheViewComponent"/>): files attached to the
/// fiche, the message thread between the commune and the DSI (each message may carry files), and the DSI's private
/// annotations. A commune account reaches only its commune's fiches (the query filter answers 404 for another's), never
/// an annotation nor its files (404 too: their existence is not told). Finance reads the thread and the files.
/// </summary>
[Authorize(Policy = Autorisations.Connecte)]
[Route("fiches-projet/{id:int}")]
public sealed class EchangesFichesController(
    MutualisationDbContext db,
    TimeProvider horloge,
    IPerimetreUtilisateur perimetre,
    IAuthorizationService autorisations,
    NotificationsFiches notifications) : Controller
{
    /// <summary>The body a request with one file may have (the file's limit and the form's fields).</summary>
    public const int TailleMaximaleRequete = VerificationAnnexe.TailleMaximale + 100_000;

    private const string Ancre = "#echanges";

    [HttpPost("pieces")]
    [RequestSizeLimit(TailleMaximaleRequete)]
    public async Task<IActionResult> Joindre(int id, IFormFile? fichier, CancellationToken annulation)
    {
        var fiche = await db.FichesProjet.FirstOrDefaultAsync(f => f.Id == id, annulation);
        if (fiche is null)
        {
            return NotFound();
        }

        var dsi = await EstDsiAsync();
        if (!dsi && !perimetre.EstRestreint)
        {
            return Forbid();
        }

        var lu = await VerificationAnnexe.LireFichierAsync(fichier, VerificationAnnexe.FormatsFichesProjet, annulation);
        PieceFiche? piece = null;
        var refus = lu.Erreur
            ?? PieceFiche.Joindre(fiche, null, dsi, lu.NomFichier, lu.Type!, lu.Contenu!, User.Auteur(), horloge.GetUtcNow(), out piece)?.Message;
        if (refus is not null)
        {
            TempData["ErreurPiece"] = refus;
            return Redirect($"/fiches-projet/{id}{Ancre}");
        }

        db.PiecesFiches().Add(piece!);
        await db.SaveChangesAsync(annulation);
        TempData["Message"] = $"Fichier « {piece!.NomFichier} » joint à la fiche.";
        return Redirect($"/fiches-projet/{id}{Ancre}");
    }

    [HttpGet("pieces/{pieceId:int}")]
    public async Task<IActionResult> Telecharger(int id, int pieceId, CancellationToken annulation)
    {
        var piece = await db.PiecesFiches().AsNoTracking().FirstOrDefaultAsync(p => p.Id == pieceId && p.FicheId == id, annulation);
        if (piece is null || (piece.PriveeDsi && !await EstDsiAsync()))
        {
            return NotFound();
        }

        return File(piece.Contenu, piece.TypeContenu, NomDeFichier.Nettoyer(piece.NomFichier));
    }

    /// <summary>A message of the thread (the commune's account or the DSI; not finance), with an optional file.</summary>
    [HttpPost("messages")]
    [RequestSizeLimit(TailleMaximaleRequete)]
    public Task<IActionResult> Message(int id, [FromForm] string? texte, IFormFile? fichier, CancellationToken annulation) =>
        EcrireAsync(id, GenreEchange.Message, texte, fichier, annulation);

    /// <summary>A private annotation of the DSI, with an optional file: the commune never sees either.</summary>
    [Authorize(Policy = Autorisations.GestionMembres)]
    [HttpPost("annotations")]
    [RequestSizeLimit(TailleMaximaleRequete)]
    public Task<IActionResult> Annotation(int id, [FromForm] string? texte, IFormFile? fichier, CancellationToken annulation) =>
        EcrireAsync(id, GenreEchange.Annotation, texte, fichier, annulation);

    private async Task<IActionResult> EcrireAsync(int id, GenreEchange genre, string? texte, IFormFile? fichier, CancellationToken annulation)
    {
        var fiche = await db.FichesProjet.FirstOrDefaultAsync(f => f.Id == id, annulation);
        if (fiche is null)
        {
            return NotFound();
        }

        var dsi = await EstDsiAsync();
        if (!dsi && !perimetre.EstRestreint)
        {
            return Forbid();
        }

        var champ = genre == GenreEchange.Annotation ? "Annotation" : "Message";
        var quand = horloge.GetUtcNow();
        if (EchangeFiche.Ecrire(fiche, genre, texte, dsi, User.Auteur(), quand, out var echange) is { } refus)
        {
            return Refuser(id, champ, refus.Message, texte);
        }

        (string? Erreur, string? Type, byte[]? Contenu, string NomFichier)? lu = null;
        if (fichier is not null)
        {
            lu = await VerificationAnnexe.LireFichierAsync(fichier, VerificationAnnexe.FormatsFichesProjet, annulation);
            if (lu.Value.Erreur is { } erreur)
            {
                return Refuser(id, champ, erreur, texte);
            }
        }

        // The message, its file and the notifications: one SaveChanges, one transaction.
        db.EchangesFiches().Add(echange!);
        if (lu is { } fichierLu)
        {
            if (PieceFiche.Joindre(fiche, echange, dsi, fichierLu.NomFichier, fichierLu.Type!, fichierLu.Contenu!, User.Auteur(), quand, out var piece) is { } refusPiece)
            {
                return Refuser(id, champ, refusPiece.Message, texte);
            }

            db.PiecesFiches().Add(piece!);
        }

        await notifications.MessageAsync(fiche, echange!, annulation);
        await db.SaveChangesAsync(annulation);
        TempData["Message"] = genre == GenreEchange.Annotation ? "Annotation enregistrée (visible de la DSI seulement)."
            : dsi ? "Message envoyé à la commune." : "Message envoyé à la DSI.";
        return Redirect($"/fiches-projet/{id}{Ancre}");
    }

    /// <summary>Back to the fiche, the reason beside the field and the text kept (when it fits a cookie).</summary>
    private RedirectResult Refuser(int id, string champ, string message, string? texte)
    {
        TempData["Erreur" + champ] = message;
        if (texte is { Length: <= 1500 })
        {
            TempData["Texte" + champ] = texte;
        }

        return Redirect($"/fiches-projet/{id}{Ancre}");
    }

    private async Task<bool> EstDsiAsync() => (await autorisations.AuthorizeAsync(User, Autorisations.GestionMembres)).Succeeded;
}
