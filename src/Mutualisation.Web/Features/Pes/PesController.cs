using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using Mutualisation.Persistence;
using Mutualisation.Web.Infrastructure;

namespace Mutualisation.Web.Features.Pes;

/// <summary>
/// The PES V2 file of a bordereau (issue 12): produced once by finance or a DSI administrator (POST), then downloaded
/// as kept, byte for byte, by EPCI staff. A Mairie user gets 403: a bordereau holds several communes.
/// </summary>
[Authorize(Policy = Autorisations.Intercommunale)]
[Route("titres/bordereaux/{id:int}/pes")]
public sealed class PesController(MutualisationDbContext db, ExportsPes exports, TimeProvider horloge) : Controller
{
    [HttpPost("")]
    [Authorize(Policy = Autorisations.GestionCatalogue)]
    public async Task<IActionResult> Produire(int id, CancellationToken annulation)
    {
        if (await db.Bordereaux.FindAsync([id], annulation) is null)
        {
            return NotFound();
        }

        var resultat = await exports.ProduireAsync(id, User.Auteur(), horloge.GetUtcNow(), annulation);
        if (resultat.Export is null)
        {
            TempData["Erreur"] = "Le fichier PES V2 n'est pas produit. " + string.Join(" ", resultat.Refus);
        }
        else
        {
            TempData["Succes"] = $"Le fichier PES V2 {resultat.Export.NomFichier} est produit et conservé (SHA-256 {resultat.Export.Sha256}).";
        }

        return Redirect($"/titres/bordereaux/{id}#pes");
    }

    /// <summary>The kept file, streamed slice by slice; 404 while none was produced.</summary>
    [HttpGet("")]
    public async Task<IActionResult> Telecharger(int id, CancellationToken annulation)
    {
        var export = await exports.DuBordereauAsync(id, annulation);
        if (export is null)
        {
            return NotFound();
        }

        Response.ContentType = "application/xml; charset=ISO-8859-1";
        Response.ContentLength = export.Taille;
        Response.Headers[HeaderNames.ContentDisposition] = new ContentDispositionHeaderValue("attachment") { FileName = NomDeFichier.Nettoyer(export.NomFichier) }.ToString();
        Response.Headers["Digest"] = "sha-256=" + Convert.ToBase64String(Convert.FromHexString(export.Sha256));
        await exports.CopierAsync(export.Id, Response.Body, annulation);
        return new EmptyResult();
    }
}

/// <summary>The bordereau page's PES block: the kept file (name, size, SHA-256, IdBord numbers) or the button that produces it.</summary>
public sealed class PesDuBordereauViewComponent(ExportsPes exports, IAuthorizationService autorisations) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int bordereauId) =>
        View(new PesDuBordereauModel(bordereauId, await exports.DuBordereauAsync(bordereauId, HttpContext.RequestAborted),
            (await autorisations.AuthorizeAsync(HttpContext.User, Autorisations.GestionCatalogue)).Succeeded));
}

public sealed record PesDuBordereauModel(int BordereauId, Persistence.Pes.ExportPes? Export, bool PeutProduire);

/// <summary>The PES export's services, registered with one line from <c>Services.cs</c>.</summary>
public static class ServicesPes
{
    public static IServiceCollection AjouterPes(this IServiceCollection services) => services.AddScoped<ExportsPes>();
}
