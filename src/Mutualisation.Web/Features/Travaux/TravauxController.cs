using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Mutualisation.Domain.Commun;
using Mutualisation.Persistence;
using Mutualisation.Persistence.Travaux;
using Mutualisation.Web.Infrastructure;

namespace Mutualisation.Web.Features.Travaux;

/// <summary>
/// Where a background job stands: a page that works on reload, and its state as JSON for the page's
/// script. Only the user who launched the job and the DSI administrators see it; others get 404.
/// </summary>
[Authorize(Policy = Autorisations.Connecte)]
[Route("travaux")]
public sealed class TravauxController(MutualisationDbContext db) : Controller
{
    [HttpGet("{id:int}")]
    public async Task<IActionResult> Detail(int id, CancellationToken annulation) =>
        await VisibleAsync(id, annulation) is { } travail
            ? View("/Features/Travaux/Views/Detail.cshtml", EtatTravailVue.De(travail))
            : NotFound();

    [HttpGet("{id:int}/etat")]
    public async Task<IActionResult> Etat(int id, CancellationToken annulation) =>
        await VisibleAsync(id, annulation) is { } travail ? Json(EtatTravailVue.De(travail)) : NotFound();

    private Task<TravailDeFond?> VisibleAsync(int id, CancellationToken annulation)
    {
        var administrateur = User.IsInRole(Roles.AdministrateurDSI);
        var utilisateur = User.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty;
        return db.TravauxDeFond.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id && (administrateur || t.CreeParId == utilisateur), annulation);
    }
}

/// <summary>A job as the page and its script show it (dates in Paris time, fr-FR).</summary>
public sealed record EtatTravailVue(
    int Id,
    string Libelle,
    string Etat,
    string EtatLibelle,
    int Fait,
    int? Max,
    string TexteProgression,
    string? Message,
    bool Fini,
    string CreePar,
    string CreeLe,
    string? TermineLe)
{
    public static EtatTravailVue De(TravailDeFond t)
    {
        var max = t.Total is > 0 ? t.Total : null;
        var texte = t.Total switch
        {
            null when t.Etat == EtatTravail.EnAttente => "En attente de démarrage.",
            null => $"{FormatFr.Entier(t.Fait)} élément(s) traité(s).",
            0 => "Rien à traiter.",
            _ => $"{FormatFr.Entier(Math.Min(t.Fait, t.Total.Value))} sur {FormatFr.Entier(t.Total)} ({Math.Min(100, t.Fait * 100 / t.Total.Value)} %).",
        };
        return new EtatTravailVue(
            t.Id,
            t.Libelle,
            t.Etat.ToString(),
            LibelleEtat(t.Etat),
            max is null ? t.Fait : Math.Min(t.Fait, max.Value),
            max,
            texte,
            t.Message,
            t.EstFini,
            t.CreeParNom,
            FormatFr.DateHeure(t.CreeLe),
            t.TermineLe is { } fin ? FormatFr.DateHeure(fin) : null);
    }

    public static string LibelleEtat(EtatTravail etat) => etat switch
    {
        EtatTravail.EnAttente => "En attente",
        EtatTravail.EnCours => "En cours",
        EtatTravail.Termine => "Terminé",
        EtatTravail.Echoue => "Échoué",
        EtatTravail.Interrompu => "Interrompu",
        _ => etat.ToString(),
    };
}
