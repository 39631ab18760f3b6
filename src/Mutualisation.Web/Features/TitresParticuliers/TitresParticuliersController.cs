using System.Globalization;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Mutualisation.Billing;
using Mutualisation.Domain.Commun;
using Mutualisation.Domain.Titres;
using Mutualisation.Persistence;
using Mutualisation.Web.Features.Catalogue;
using Mutualisation.Web.Features.Titres;
using Mutualisation.Web.Infrastructure;

namespace Mutualisation.Web.Features.TitresParticuliers;

/// <summary>
/// Titres outside the campaign, prepared by finance and the DSI administrators (<see cref="Autorisations.GestionCatalogue"/>):
/// the reimbursement of a purchase made as mandataire with its paid invoice attached (Redon 2.3.4), and a groupement's
/// indemnity split among its members by their share of the market (Redon 4.2.6, 4.2.7). Each makes draft titres, issued
/// afterwards like the others. The pièces justificatives download from the titre's page.
/// </summary>
[Authorize(Policy = Autorisations.Connecte)]
public sealed class TitresParticuliersController(
    MutualisationDbContext db,
    TimeProvider horloge,
    IValidator<MandataireFormulaire> validateurMandataire,
    IValidator<IndemniteFormulaire> validateurIndemnite) : Controller
{
    private DateOnly AujourdHui => horloge.AujourdHui();

    [Authorize(Policy = Autorisations.GestionCatalogue)]
    [HttpGet("titres-particuliers/mandataire")]
    public async Task<IActionResult> Mandataire([FromQuery] int? membre, CancellationToken annulation) =>
        View("Mandataire", new MandataireModel(new MandataireFormulaire { MembreId = membre?.ToString(CultureInfo.InvariantCulture) }, await MembresAsync(annulation)));

    /// <summary>Checks the purchase and its invoice (a real PDF, 10 MB at most), then saves the draft titre with its pièce justificative.</summary>
    [Authorize(Policy = Autorisations.GestionCatalogue)]
    [HttpPost("titres-particuliers/mandataire")]
    [RequestSizeLimit(PieceJustificative.TailleMaximale + (1024 * 1024))]
    [RequestFormLimits(MultipartBodyLengthLimit = PieceJustificative.TailleMaximale + (1024 * 1024))]
    public async Task<IActionResult> Mandataire(MandataireFormulaire formulaire, IFormFile? fichier, CancellationToken annulation)
    {
        (await validateurMandataire.ValidateAsync(formulaire, annulation)).CopierDans(ModelState);
        var membre = int.TryParse(formulaire.MembreId, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? await db.Membres.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, annulation)
            : null;
        if (membre is null)
        {
            ModelState.AddModelError(nameof(MandataireFormulaire.MembreId), "Choisissez le membre pour le compte duquel l'achat a été fait.");
        }

        var (erreurFichier, nomFichier, contenu) = await LireFactureAsync(fichier, annulation);
        if (erreurFichier is not null)
        {
            ModelState.AddModelError("fichier", erreurFichier);
        }

        TitreDeRecette? titre = null;
        if (ModelState.IsValid)
        {
            var achat = new AchatMandataire(formulaire.Fournisseur!, formulaire.NumeroFacture!, SaisieFr.Date(formulaire.DateFacture)!.Value,
                SaisieFr.Date(formulaire.PayeeLe)!.Value, formulaire.Objet!, new Montant(SaisieFr.Nombre(formulaire.Montant)!.Value));
            var refus = TitresHorsCampagne.Mandataire(membre!.Id, Debiteur(membre), horloge.ExerciceCourant(), await BudgetAsync(annulation), achat,
                nomFichier, VerificationAnnexe.TypePdf, contenu!, User.Auteur(), horloge.GetUtcNow(), AujourdHui, out titre, out var piece);
            if (refus is not null)
            {
                ModelState.AddModelError(refus.Champ ?? string.Empty, refus.Message);
            }
            else
            {
                db.TitresRecette.Add(titre!);
                db.Add(piece!);
            }
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("Mandataire", new MandataireModel(formulaire, await MembresAsync(annulation)));
        }

        await db.SaveChangesAsync(annulation);
        TempData["Succes"] = $"Brouillon du titre de remboursement créé ({FormatFr.Euros(titre!.Total.Euros)}), la facture acquittée jointe : il s'émet avec les autres titres.";
        return Redirect($"/titres/{titre.Id}");
    }

    [Authorize(Policy = Autorisations.GestionCatalogue)]
    [HttpGet("titres-particuliers/indemnites")]
    public async Task<IActionResult> Indemnites(CancellationToken annulation) =>
        View("Indemnites", new IndemnitesModel(new IndemniteFormulaire(), await MembresAsync(annulation), null, null));

    /// <summary>« apercu »: the split shown, nothing saved; « creer »: one draft titre per member whose share reaches the threshold.</summary>
    [Authorize(Policy = Autorisations.GestionCatalogue)]
    [HttpPost("titres-particuliers/indemnites")]
    public async Task<IActionResult> Indemnites(IndemniteFormulaire formulaire, [FromForm] string? etape, CancellationToken annulation)
    {
        var membres = await MembresAsync(annulation);
        (await validateurIndemnite.ValidateAsync(formulaire, annulation)).CopierDans(ModelState);
        var poids = new List<(int MembreId, Debiteur Debiteur, decimal Poids)>();
        foreach (var (cle, valeur) in formulaire.Poids ?? [])
        {
            if (SaisieFr.EstVide(valeur))
            {
                continue;
            }

            var membre = int.TryParse(cle, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? membres.FirstOrDefault(m => m.Id == id) : null;
            if (membre is null)
            {
                ModelState.AddModelError("Poids", "Un des membres de la répartition n'existe pas.");
                continue;
            }

            if (SaisieFr.Nombre(valeur) is not { } p || p <= 0)
            {
                ModelState.AddModelError($"Poids[{cle}]", $"Poids de {membre.Nom} : un nombre positif est attendu (une part du marché en euros ou une proportion).");
                continue;
            }

            poids.Add((membre.Id, membre.Debiteur, p));
        }

        IReadOnlyList<PartIndemnite>? parts = null;
        if (ModelState.IsValid)
        {
            var refus = TitresHorsCampagne.Repartir(formulaire.Libelle!, new Montant(SaisieFr.Nombre(formulaire.Total)!.Value), poids, Repartition.AuPlusFortReste, out var calcul);
            if (refus is not null)
            {
                ModelState.AddModelError(refus.Champ ?? string.Empty, refus.Message);
            }
            else
            {
                parts = calcul;
            }
        }

        var seuil = await db.ParametresEmetteur.AsNoTracking().OrderBy(p => p.Id).Select(p => (Montant?)p.Seuil).FirstOrDefaultAsync(annulation) ?? ParametresEmetteur.SeuilReglementaire;
        if (!ModelState.IsValid || parts is null || etape != "creer")
        {
            Response.StatusCode = ModelState.IsValid ? StatusCodes.Status200OK : StatusCodes.Status422UnprocessableEntity;
            return View("Indemnites", new IndemnitesModel(formulaire, membres, parts, seuil));
        }

        var total = new Montant(SaisieFr.Nombre(formulaire.Total)!.Value);
        var budget = await BudgetAsync(annulation);
        var creees = new List<TitreDeRecette>();
        var sommeDesPoids = poids.Sum(p => p.Poids);
        foreach (var part in parts.Where(p => p.Part.Euros >= seuil.Euros))
        {
            var refus = TitresHorsCampagne.Indemnite(part, formulaire.Libelle!, formulaire.Nature!, total, sommeDesPoids, horloge.ExerciceCourant(), budget,
                User.Auteur(), horloge.GetUtcNow(), out var titre);
            if (refus is not null)
            {
                ModelState.AddModelError(string.Empty, $"{part.Debiteur.Nom} : {refus.Message}");
                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                return View("Indemnites", new IndemnitesModel(formulaire, membres, parts, seuil));
            }

            creees.Add(titre!);
        }

        db.TitresRecette.AddRange(creees);
        await db.SaveChangesAsync(annulation);
        var sous = parts.Count(p => p.Part.Euros < seuil.Euros);
        TempData["Succes"] = $"{creees.Count} brouillon(s) de titre créé(s) pour « {formulaire.Libelle!.Trim()} »"
            + (sous > 0 ? $" ; {sous} part(s) sous le seuil de {seuil} ne font pas de titre (CGCT, art. D1611-1)." : ".");
        return Redirect($"/titres?exercice={horloge.ExerciceCourant()}");
    }

    /// <summary>A pièce justificative of a titre: EPCI staff any; a Mairie user only one of her commune's issued titres (404 otherwise).</summary>
    [HttpGet("titres/{id:int}/pieces/{pieceId:int}")]
    public async Task<IActionResult> Piece(int id, int pieceId, CancellationToken annulation)
    {
        var piece = await db.Set<PieceJustificative>().AsNoTracking()
            .Where(p => p.Id == pieceId && p.TitreId == id && TitresLisibles.Pour(db, User).Any(t => t.Id == id))
            .Select(p => new { p.Contenu, p.TypeContenu, p.NomFichier, p.Sha256 })
            .FirstOrDefaultAsync(annulation);
        if (piece is null)
        {
            return NotFound();
        }

        Response.Headers.ETag = $"\"{piece.Sha256}\"";
        Response.Headers.CacheControl = "private, no-store";
        return File(piece.Contenu, piece.TypeContenu, NomDeFichier.Nettoyer(piece.NomFichier));
    }

    private static async Task<(string? Erreur, string NomFichier, byte[]? Contenu)> LireFactureAsync(IFormFile? fichier, CancellationToken annulation)
    {
        var nom = NomDeFichier.Nettoyer(fichier?.FileName);
        if (fichier is null || fichier.Length == 0)
        {
            return ("Joignez la facture acquittée du fournisseur (PDF) : c'est la pièce justificative du titre.", nom, null);
        }

        if (fichier.Length > PieceJustificative.TailleMaximale)
        {
            return ($"Fichier refusé : {FormatFr.Entier((int)Math.Min(int.MaxValue, fichier.Length / 1024))} Ko dépassent la limite de 10 Mo.", nom, null);
        }

        if (!nom.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase))
        {
            return ($"Fichier refusé : la facture acquittée se joint en PDF (reçu « {nom} »).", nom, null);
        }

        using var memoire = new MemoryStream();
        await fichier.CopyToAsync(memoire, annulation);
        var contenu = memoire.ToArray();
        var (_, refus) = VerificationAnnexe.Verifier(nom, contenu);
        return (refus, nom, refus is null ? contenu : null);
    }

    private async Task<string> BudgetAsync(CancellationToken annulation) =>
        await db.ParametresEmetteur.AsNoTracking().OrderBy(p => p.Id).Select(p => p.CodeBudget).FirstOrDefaultAsync(annulation) ?? SemisTitres.Budget;

    private async Task<IReadOnlyList<MembreTitre>> MembresAsync(CancellationToken annulation) =>
        (await db.Membres.AsNoTracking().OrderBy(m => m.NomRecherche)
            .Select(m => new { m.Id, m.Nom, Insee = m.CodeInsee.Valeur, Siren = m.Siren.Valeur, m.Adresse }).ToListAsync(annulation))
        .Select(m => new MembreTitre(m.Id, m.Nom, m.Insee, new Debiteur(m.Nom, m.Siren, m.Insee, m.Adresse.ToString()))).ToList();

    private static Debiteur Debiteur(Domain.Membres.Membre m) => new(m.Nom, m.Siren.Valeur, m.CodeInsee.Valeur, m.Adresse.ToString());
}

public sealed record MembreTitre(int Id, string Nom, string CodeInsee, Debiteur Debiteur);

public sealed record MandataireModel(MandataireFormulaire Formulaire, IReadOnlyList<MembreTitre> Membres);

public sealed record IndemnitesModel(IndemniteFormulaire Formulaire, IReadOnlyList<MembreTitre> Membres, IReadOnlyList<PartIndemnite>? Parts, Montant? Seuil);
