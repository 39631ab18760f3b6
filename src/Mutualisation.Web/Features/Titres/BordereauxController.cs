using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using Mutualisation.Domain.Commun;
using Mutualisation.Domain.Titres;
using Mutualisation.Persistence;
using Mutualisation.Persistence.Titres;
using Mutualisation.Web.Documents;
using Mutualisation.Web.Infrastructure;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace Mutualisation.Web.Features.Titres;

/// <summary>
/// Bordereaux of issued titres: the list of an exercice, one bordereau with its titres, and its documents: one PDF
/// (a cover page, then each titre's stored avis des sommes à payer, imported as is) and a ZIP of the stored PDFs
/// streamed to the response one titre at a time (ADR 0019). EPCI staff only: a bordereau holds several communes, so a
/// Mairie user gets 403.
/// </summary>
[Authorize(Policy = Autorisations.Intercommunale)]
[Route("titres/bordereaux")]
public sealed class BordereauxController(MutualisationDbContext db, TimeProvider horloge) : Controller
{
    private static readonly Colonne[] ColonnesCouverture =
    [
        new("N° titre", 14),
        new("Débiteur", 46),
        new("Nature", 22),
        new("Montant", 18, Alignement.Droite),
    ];

    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] int? exercice, CancellationToken annulation)
    {
        var exercices = await db.Bordereaux.AsNoTracking().Select(b => b.Exercice).Distinct().OrderByDescending(e => e).ToListAsync(annulation);
        var choisi = exercice is >= 2000 and <= 2100 ? exercice.Value : exercices.FirstOrDefault(horloge.ExerciceCourant());
        var bordereaux = await db.Bordereaux.AsNoTracking().Where(b => b.Exercice == choisi)
            .OrderBy(b => b.Budget).ThenBy(b => b.Numero).Take(2000).ToListAsync(annulation);
        var ids = bordereaux.Select(b => b.Id).ToList();
        var totaux = await db.TitresRecette.AsNoTracking().Where(t => t.BordereauId != null && ids.Contains(t.BordereauId.Value))
            .Select(t => new { Bordereau = t.BordereauId!.Value, t.Total }).ToListAsync(annulation);
        var lignes = bordereaux.Select(b =>
        {
            var siens = totaux.Where(t => t.Bordereau == b.Id).ToList();
            return new LigneListeBordereaux(b, siens.Count, siens.Aggregate(Montant.Zero, (s, t) => s + t.Total));
        }).ToList();
        return View(new ListeBordereauxModel(choisi, exercices, lignes));
    }

    /// <summary>Titres shown per page of a bordereau (a campaign's holds every member: tens of thousands).</summary>
    public const int TitresParPage = 100;

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Detail(int id, [FromQuery] int? page, CancellationToken annulation)
    {
        var bordereau = await db.Bordereaux.AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, annulation);
        if (bordereau is null)
        {
            return NotFound();
        }

        var siens = db.TitresRecette.AsNoTracking().Where(t => t.BordereauId == id);
        // Amounts are summed here, not by the database (a decimal stored as text on SQLite would not add up exactly).
        var montants = await siens.Select(t => t.Total).ToListAsync(annulation);
        var nombre = montants.Count;
        var pages = Math.Max(1, (nombre + TitresParPage - 1) / TitresParPage);
        var choisie = Math.Clamp(page ?? 1, 1, pages);
        var titres = await siens.OrderBy(t => t.Numero).Skip((choisie - 1) * TitresParPage).Take(TitresParPage)
            .Select(t => new TitreDuBordereau(t.Id, t.Numero!.Value, t.Exercice, t.Budget, t.Nature, t.DebiteurNom, t.Objet, t.Total, t.TitreOrigineNumero))
            .ToListAsync(annulation);
        var reductions = await TitresLisibles.ReductionsAsync(db, titres.Select(t => t.Id).ToList(), annulation);
        var manquants = await AvisManquantsAsync(id, annulation);
        return View(new DetailBordereauModel(bordereau, titres, reductions)
        {
            AvisManquants = manquants,
            Nombre = nombre,
            Total = montants.Aggregate(Montant.Zero, (somme, m) => somme + m),
            Page = choisie,
            Pages = pages,
        });
    }

    /// <summary>Produces in the background the avis the bordereau still lacks (an issue whose process stopped before they were all stored).</summary>
    [HttpPost("{id:int}/avis")]
    [Authorize(Policy = Autorisations.GestionCatalogue)]
    public async Task<IActionResult> ProduireAvis(int id, [FromServices] Travaux.FileDeTravaux file, CancellationToken annulation)
    {
        if (!await db.Bordereaux.AnyAsync(b => b.Id == id, annulation))
        {
            return NotFound();
        }

        if (await AvisManquantsAsync(id, annulation) == 0)
        {
            TempData["Succes"] = "Tous les avis des sommes à payer de ce bordereau sont produits.";
            return Redirect($"/titres/bordereaux/{id}");
        }

        var travail = await file.DemanderAsync(TravailAvisBordereau.Genre, new ParametresBordereau(id), User, annulation);
        return Redirect($"/travaux/{travail}");
    }

    /// <summary>How many titres of the bordereau still wait for their avis (ADR 0026).</summary>
    private Task<int> AvisManquantsAsync(int id, CancellationToken annulation) =>
        new ProductionAvis(db).ManquantsAsync(db.TitresRecette.Where(t => t.BordereauId == id), annulation);

    /// <summary>The bordereau's documents hold every avis: while one is missing they are refused with the reason.</summary>
    private async Task<IActionResult?> AvisIncompletsAsync(int id, CancellationToken annulation)
    {
        var manquants = await AvisManquantsAsync(id, annulation);
        if (manquants == 0)
        {
            return null;
        }

        TempData["Erreur"] = $"{FormatFr.Entier(manquants)} avis des sommes à payer de ce bordereau ne sont pas encore produits : "
            + "le bordereau se télécharge quand ils le sont tous.";
        return Redirect($"/titres/bordereaux/{id}");
    }

    /// <summary>The bordereau as one PDF: its cover page, then every titre's stored avis (pages imported, not rendered again).</summary>
    [HttpGet("{id:int}/pdf")]
    public async Task<IActionResult> Pdf(int id, CancellationToken annulation)
    {
        var bordereau = await db.Bordereaux.AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, annulation);
        if (bordereau is null)
        {
            return NotFound();
        }

        if (await AvisIncompletsAsync(id, annulation) is { } refus)
        {
            return refus;
        }

        var titres = await TitresAsync(id, annulation);
        var emetteur = await db.ParametresEmetteur.AsNoTracking().OrderBy(p => p.Id).FirstOrDefaultAsync(annulation);
        var couverture = Couverture(bordereau, titres, emetteur);

        // Written to a temporary file deleted on close: the response is streamed from disk, the PDF library holds the pages.
        var fichier = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
        try
        {
            using (var document = new PdfDocument())
            {
                document.Info.Title = $"Bordereau n° {bordereau.Numero} — exercice {bordereau.Exercice} — budget {bordereau.Budget}";
                document.Info.Creator = "Mutualisation";
                document.Info.CreationDate = bordereau.Horodatage.UtcDateTime;
                Importer(document, couverture);
                foreach (var titre in titres)
                {
                    Importer(document, await PdfStockeAsync(titre.Id, annulation));
                }

                document.Save(fichier, closeStream: false);
            }

            fichier.Position = 0;
            return File(fichier, "application/pdf", NomDeFichier.Nettoyer($"bordereau-{bordereau.Exercice}-{Budget(bordereau.Budget)}-{bordereau.Numero}.pdf"));
        }
        catch
        {
            await fichier.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// The stored PDFs of the bordereau in a ZIP written straight to the response: the titres' ids first, then one
    /// titre's PDF read from the database, written to the archive and dropped, and the next (ADR 0019).
    /// </summary>
    [HttpGet("{id:int}/zip")]
    public async Task<IActionResult> Zip(int id, CancellationToken annulation)
    {
        var bordereau = await db.Bordereaux.AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, annulation);
        if (bordereau is null)
        {
            return NotFound();
        }

        if (await AvisIncompletsAsync(id, annulation) is { } refus)
        {
            return refus;
        }

        var titres = await TitresAsync(id, annulation);
        Response.ContentType = "application/zip";
        Response.Headers[HeaderNames.ContentDisposition] = new ContentDispositionHeaderValue("attachment")
        {
            FileName = NomDeFichier.Nettoyer($"bordereau-{bordereau.Exercice}-{Budget(bordereau.Budget)}-{bordereau.Numero}.zip"),
        }.ToString();
        var dateEntrees = new DateTimeOffset(bordereau.EmisLe.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
        await ZipEnFlux.EcrireAsync(Response.Body, titres.Select(t => new EntreeZip(t.NomPdf, a => PdfStockeAsync(t.Id, a))), dateEntrees, annulation);
        return new EmptyResult();
    }

    /// <summary>The titres of a bordereau, without their PDF (read one at a time by <see cref="PdfStockeAsync"/>).</summary>
    private Task<List<TitreDuBordereau>> TitresAsync(int bordereauId, CancellationToken annulation) =>
        db.TitresRecette.AsNoTracking().Where(t => t.BordereauId == bordereauId)
            .OrderBy(t => t.Numero)
            .Select(t => new TitreDuBordereau(t.Id, t.Numero!.Value, t.Exercice, t.Budget, t.Nature, t.DebiteurNom, t.Objet, t.Total, t.TitreOrigineNumero))
            .ToListAsync(annulation);

    private async Task<byte[]> PdfStockeAsync(int titreId, CancellationToken annulation) =>
        await db.AvisTitres.AsNoTracking().Where(a => a.TitreId == titreId).Select(a => a.Pdf).SingleOrDefaultAsync(annulation)
        ?? throw new InvalidOperationException($"L'avis des sommes à payer du titre {titreId} n'est pas encore produit.");

    private static void Importer(PdfDocument document, byte[] octets)
    {
        using var flux = new MemoryStream(octets, writable: false);
        using var source = PdfReader.Open(flux, PdfDocumentOpenMode.Import);
        foreach (var page in source.Pages)
        {
            document.AddPage(page);
        }
    }

    private static byte[] Couverture(Bordereau bordereau, List<TitreDuBordereau> titres, ParametresEmetteur? emetteur)
    {
        using var document = new DocumentPdf(
            $"Bordereau n° {bordereau.Numero} — exercice {bordereau.Exercice}",
            $"{emetteur?.Nom} — exercice {bordereau.Exercice}, budget {bordereau.Budget}, bordereau n° {bordereau.Numero}",
            bordereau.Horodatage);
        if (emetteur?.Nom is { } nom)
        {
            document.Paragraphe(nom, gras: true);
            document.Note($"SIREN {emetteur.Siren} — SIRET {emetteur.Siret}\n{emetteur.Adresse}");
            document.Espace(6);
        }

        document.Titre($"Bordereau de titres de recette n° {bordereau.Numero}");
        document.Paragraphe($"Exercice {bordereau.Exercice} — budget {bordereau.Budget} — bordereau n° {bordereau.Numero}", gras: true);
        document.Paragraphe($"Émis le {FormatFr.Date(bordereau.EmisLe)} — {titres.Count} titre(s).");
        document.Intertitre("Titres");
        document.Tableau(ColonnesCouverture, titres.Select(t => (IReadOnlyList<string>)
        [
            t.Numero.ToString(System.Globalization.CultureInfo.InvariantCulture),
            t.Debiteur,
            t.Nature == NatureTitre.Ordinaire ? "Titre de recette" : $"Annulation / réduction du n° {t.OrigineNumero}",
            FormatFr.Euros(t.Total.Euros),
        ]));
        var total = titres.Aggregate(Montant.Zero, (s, t) => s + t.Total);
        document.Paragraphe($"Total du bordereau : {FormatFr.Euros(total.Euros)}", gras: true);
        document.Espace(12);
        document.Paragraphe("Certifié exécutoire, l'ordonnateur ou son délégué :");
        document.Paragraphe($"{bordereau.SignatairePrenoms} {bordereau.SignataireNom}, {bordereau.SignataireQualite}", gras: true);
        document.Note($"Émis par {bordereau.EmisParNom}. Suivent les avis des sommes à payer, tels qu'ils ont été émis.");
        return document.Enregistrer();
    }

    private static string Budget(string budget) => new(budget.Where(char.IsAsciiLetterOrDigit).ToArray());
}

public sealed record TitreDuBordereau(int Id, int Numero, int Exercice, string Budget, NatureTitre Nature, string Debiteur, string Objet, Montant Total, int? OrigineNumero)
{
    public string NomPdf => NomDeFichier.Nettoyer($"titre-{Exercice}-{new string(Budget.Where(char.IsAsciiLetterOrDigit).ToArray())}-{Numero}.pdf");
}

public sealed record LigneListeBordereaux(Bordereau Bordereau, int Nombre, Montant Total);

public sealed record ListeBordereauxModel(int Exercice, IReadOnlyList<int> Exercices, IReadOnlyList<LigneListeBordereaux> Lignes);

public sealed record DetailBordereauModel(Bordereau Bordereau, IReadOnlyList<TitreDuBordereau> Titres, IReadOnlyDictionary<int, Montant> Reductions)
{
    /// <summary>How many of its titres still wait for their avis des sommes à payer (ADR 0026).</summary>
    public int AvisManquants { get; init; }

    /// <summary>All the titres of the bordereau and their total (<see cref="Titres"/> holds one page of them).</summary>
    public int Nombre { get; init; }

    public Montant Total { get; init; }

    public int Page { get; init; } = 1;

    public int Pages { get; init; } = 1;

    public EtatTitre Etat(TitreDuBordereau t) =>
        !Reductions.TryGetValue(t.Id, out var r) || r.Euros <= 0 ? EtatTitre.Emis
        : r.Euros >= t.Total.Euros ? EtatTitre.Annule : EtatTitre.Reduit;
}
