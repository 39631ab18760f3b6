using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Mutualisation.Domain.Catalogue;
using Mutualisation.Domain.Commun;
using Mutualisation.Persistence;
using Mutualisation.Web.Documents;
using Mutualisation.Web.Infrastructure;

namespace Mutualisation.Web.Features.Catalogue;

/// <summary>Which catalogue versions a user may read: EPCI staff all of them, anyone else the voted ones (the HTML page's rule).</summary>
public static class VersionsLisibles
{
    public static IQueryable<VersionCatalogue> Pour(MutualisationDbContext db, ClaimsPrincipal utilisateur) =>
        Roles.Intercommunaux.Any(utilisateur.IsInRole)
            ? db.VersionsCatalogue
            : db.VersionsCatalogue.Where(v => v.Statut == StatutVersion.Votee);
}

/// <summary>The tariffs of a catalogue version as a PDF, readable by whoever may read its page.</summary>
[Authorize(Policy = Autorisations.Connecte)]
[Route("catalogue")]
public sealed class CataloguePdfController(MutualisationDbContext db, TimeProvider horloge) : Controller
{
    [HttpGet("{id:int}/pdf")]
    public async Task<IActionResult> Pdf(int id, CancellationToken annulation)
    {
        var version = await VersionsLisibles.Pour(db, User).AsNoTracking().AvecTarifs().FirstOrDefaultAsync(v => v.Id == id, annulation);
        return version is null
            ? NotFound()
            : File(TarifsCataloguePdf.Produire(version, horloge.GetUtcNow()), "application/pdf", $"catalogue-{version.Exercice}-{version.Id}.pdf");
    }
}

/// <summary>The tariffs of one catalogue version, service by service, with amounts in fr-FR.</summary>
public static class TarifsCataloguePdf
{
    private static readonly Colonne[] Colonnes =
    [
        new("Composante", 27),
        new("Calcul", 23),
        new("Tranche", 28),
        new("Montant", 22, Alignement.Droite),
    ];

    public static byte[] Produire(VersionCatalogue version, DateTimeOffset maintenant)
    {
        var edition = TimeZoneInfo.ConvertTime(maintenant, HorlogeParis.Paris);
        using var document = new DocumentPdf(
            $"Catalogue des tarifs — exercice {version.Exercice}",
            $"Mutualisation — catalogue {version.Exercice} — édité le {edition:dd/MM/yyyy} à {edition:HH:mm}",
            maintenant);
        document.Titre($"Catalogue des tarifs — exercice {version.Exercice}");
        if (version.Intitule is not null)
        {
            document.Paragraphe(version.Intitule, gras: true);
        }

        document.Paragraphe(version.DeliberationNumero is null
            ? "Version non votée (brouillon) : ces tarifs ne s'appliquent pas."
            : $"Délibération n° {version.DeliberationNumero} du {FormatFr.Date(version.DeliberationLe!.Value)}, en vigueur le {FormatFr.Date(version.EnVigueurLe!.Value)}{(version.VoteEnCoursDAnnee ? " (vote en cours d'année)" : string.Empty)}.");
        document.Paragraphe($"Population de référence : {version.Population.Libelle().ToLowerInvariant()}, population légale en vigueur au 1er janvier {version.Exercice}.");

        foreach (var service in version.Services.OrderBy(s => s.Ordre))
        {
            document.Intertitre($"{service.Code} — {service.Libelle}");
            document.Note(service.Famille);
            document.Tableau(Colonnes, service.Composantes.SelectMany(Lignes));
        }

        return document.Enregistrer();
    }

    private static IEnumerable<IReadOnlyList<string>> Lignes(ComposanteTarif c)
    {
        var calcul = $"{c.Nature.Libelle()}, {c.Frequence.Libelle().ToLowerInvariant()}" + (c.Prorata == Prorata.Aucun ? string.Empty : ", par douzièmes");
        if (c.Tranches.Count == 0)
        {
            yield return [c.Libelle, calcul, "—", Montant(c.Montant, c.Taux, c.Unite, c.MontantPremiereAnnee, c.Plancher, c.Plafond)];
            yield break;
        }

        var premiere = true;
        foreach (var t in c.Tranches)
        {
            var montant = c.Nature == NatureComposante.AuDelaDeFranchise && t.Taux == 0
                ? $"{FormatFr.Nombre(t.Montant.Euros)} {c.Unite}(s) inclus"
                : Montant(t.Montant, t.Taux, c.Unite, t.MontantPremiereAnnee, null, null);
            yield return [premiere ? c.Libelle : string.Empty, premiere ? calcul : string.Empty, t.Libelle, montant];
            premiere = false;
        }
    }

    private static string Montant(Domain.Commun.Montant montant, decimal taux, string unite, Domain.Commun.Montant? premiereAnnee, Domain.Commun.Montant? plancher, Domain.Commun.Montant? plafond)
    {
        var parties = new List<string>();
        if (montant.Euros != 0 || taux == 0)
        {
            parties.Add(montant.ToString());
        }

        if (taux != 0)
        {
            parties.Add($"{FormatFr.Taux(taux)} / {unite}");
        }

        var texte = string.Join(" + ", parties);
        if (premiereAnnee is { } pa)
        {
            texte += $"\n1re année : {pa}";
        }

        if (plancher is { } pl)
        {
            texte += $"\nplancher {pl}";
        }

        if (plafond is { } pf)
        {
            texte += $"\nplafond {pf}";
        }

        return texte;
    }
}
