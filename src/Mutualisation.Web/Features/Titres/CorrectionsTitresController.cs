using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Mutualisation.Domain.Commun;
using Mutualisation.Domain.Titres;
using Mutualisation.Persistence;
using Mutualisation.Persistence.Titres;
using Mutualisation.Web.Infrastructure;

namespace Mutualisation.Web.Features.Titres;

/// <summary>
/// Corrections of an issued titre: the titre d'annulation / réduction (amount, mandatory motif) and, with a total
/// cancellation, a titre de remplacement prepared as a draft copying the original; then the lines of a draft changed
/// before its issue. Finance and DSI administrators only. The drafts are issued from <c>/titres/brouillons</c>.
/// </summary>
[Authorize(Policy = Autorisations.GestionCatalogue)]
[Route("titres")]
public sealed class CorrectionsTitresController(MutualisationDbContext db, TimeProvider horloge) : Controller
{
    [HttpGet("{id:int}/reduction")]
    public async Task<IActionResult> Reduction(int id, CancellationToken annulation)
    {
        var modele = await ModeleReductionAsync(id, null, annulation);
        return modele is null ? NotFound() : View(modele);
    }

    [HttpPost("{id:int}/reduction")]
    public async Task<IActionResult> Reduction(int id, [FromForm] ReductionFormulaire formulaire, CancellationToken annulation)
    {
        ArgumentNullException.ThrowIfNull(formulaire);
        ModelState.Clear(); // the fields are strings read below; an unreadable box is unticked
        var modele = await ModeleReductionAsync(id, formulaire, annulation);
        if (modele is null)
        {
            return NotFound();
        }

        if (modele.Refus is not null)
        {
            ModelState.AddModelError(string.Empty, modele.Refus);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(modele);
        }

        var montant = SaisieFr.Nombre(formulaire.Montant);
        if (montant is not { } m || m <= 0 || decimal.Round(m, 2) != m)
        {
            ModelState.AddModelError(nameof(formulaire.Montant), $"Le montant est un nombre d'euros positif, au centime près (par exemple {FormatFr.Euros(modele.Reste.Euros)}).");
        }
        else if (m > modele.Reste.Euros)
        {
            ModelState.AddModelError(nameof(formulaire.Montant), $"Le montant ne peut pas dépasser ce qui reste du titre : {FormatFr.Euros(modele.Reste.Euros)}.");
        }
        else if (formulaire.Remplacement && m != modele.Reste.Euros)
        {
            ModelState.AddModelError(nameof(formulaire.Remplacement),
                $"Un titre de remplacement accompagne l'annulation de tout ce qui reste du titre ({FormatFr.Euros(modele.Reste.Euros)}) ; pour une réduction partielle, décochez cette option.");
        }

        if (SaisieFr.EstVide(formulaire.Motif))
        {
            ModelState.AddModelError(nameof(formulaire.Motif), "Le motif de l'annulation ou de la réduction est obligatoire.");
        }

        if (ModelState.ErrorCount > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(modele);
        }

        var quand = horloge.GetUtcNow();
        var exercice = horloge.ExerciceCourant();
        var auteur = User.Auteur();
        await using var transaction = await db.Database.BeginTransactionAsync(annulation);
        var (reduction, refus) = await new EmissionTitres(db).PreparerReductionAsync(id, new Montant(montant!.Value), formulaire.Motif!, exercice, auteur, quand, annulation);
        if (refus is not null)
        {
            ModelState.AddModelError(refus.Champ ?? string.Empty, refus.Message);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(modele);
        }

        TitreDeRecette? remplacement = null;
        if (formulaire.Remplacement)
        {
            var original = await db.TitresRecette.Include(t => t.Lignes).SingleAsync(t => t.Id == id, annulation);
            var refusRemplacement = TitreDeRecette.Remplacement(original, exercice, auteur, quand, out remplacement);
            if (refusRemplacement is not null)
            {
                ModelState.AddModelError(nameof(formulaire.Remplacement), refusRemplacement.Message);
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return View(modele);
            }

            db.TitresRecette.Add(remplacement!);
            await db.SaveChangesAsync(annulation);
        }

        await transaction.CommitAsync(annulation);
        TempData["Succes"] = (reduction!.Total.Euros == modele.Reste.Euros ? "Le titre d'annulation" : "Le titre de réduction")
            + $" du titre n° {modele.Titre.Numero} est préparé ({FormatFr.Euros(reduction.Total.Euros)})"
            + (remplacement is null ? "" : ", avec un titre de remplacement à vérifier")
            + " : cochez-le ci-dessous pour l'émettre.";
        return Redirect("/titres/brouillons");
    }

    [HttpGet("{id:int}/lignes")]
    public async Task<IActionResult> Lignes(int id, CancellationToken annulation)
    {
        var titre = await db.TitresRecette.AsNoTracking().Include(t => t.Lignes).FirstOrDefaultAsync(t => t.Id == id, annulation);
        if (titre is null)
        {
            return NotFound();
        }

        var formulaire = new LignesFormulaire
        {
            Lignes = titre.Lignes.OrderBy(l => l.Ordre).Select(l => new LigneFormulaire { Libelle = l.Libelle, Bases = l.Bases, Montant = Saisie(l.Montant.Euros) }).ToList(),
        };
        return View(new LignesModel(titre, formulaire, titre.Statut == StatutTitre.Emis ? $"Le titre n° {titre.Numero} est émis : il ne change plus (une erreur se corrige par un titre d'annulation ou de réduction)." : null));
    }

    [HttpPost("{id:int}/lignes")]
    public async Task<IActionResult> Lignes(int id, [FromForm] LignesFormulaire formulaire, CancellationToken annulation)
    {
        ArgumentNullException.ThrowIfNull(formulaire);
        ModelState.Clear(); // every field is a string, checked below
        var titre = await db.TitresRecette.Include(t => t.Lignes).Include(t => t.Evenements).FirstOrDefaultAsync(t => t.Id == id, annulation);
        if (titre is null)
        {
            return NotFound();
        }

        var existantes = titre.Lignes.OrderBy(l => l.Ordre).ToList();
        var lignes = new List<LignePrevue>();
        var saisies = formulaire.Lignes.Take(TitreDeRecette.NombreMaxLignes).ToList();
        for (var i = 0; i < saisies.Count; i++)
        {
            var saisie = saisies[i];
            if (SaisieFr.EstVide(saisie.Libelle) && SaisieFr.EstVide(saisie.Bases) && SaisieFr.EstVide(saisie.Montant))
            {
                continue; // an emptied line is removed
            }

            var montant = SaisieFr.Nombre(saisie.Montant);
            if (montant is not { } m || decimal.Round(m, 2) != m || Math.Abs(m) > 100_000_000m)
            {
                ModelState.AddModelError($"Lignes[{i}].Montant", "Le montant est un nombre d'euros au centime près (par exemple 1 250,50).");
                continue;
            }

            var existante = i < existantes.Count ? existantes[i] : null;
            lignes.Add(new LignePrevue(saisie.Libelle ?? string.Empty, saisie.Bases ?? string.Empty, new Montant(m), existante?.CodeService, existante?.CompteNature, existante?.Fonction));
        }

        if (ModelState.ErrorCount == 0 && titre.RemplacerLignes(lignes, User.Auteur(), horloge.GetUtcNow()) is { } refus)
        {
            ModelState.AddModelError(refus.Champ is null or "Lignes" ? string.Empty : refus.Champ, refus.Message);
        }

        if (ModelState.ErrorCount > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(new LignesModel(titre, formulaire, null));
        }

        await db.SaveChangesAsync(annulation);
        TempData["Succes"] = $"Les lignes du brouillon sont enregistrées : total {FormatFr.Euros(titre.Total.Euros)}.";
        return Redirect($"/titres/{id}");
    }

    /// <summary>The titre and what is left of it, with the French refusal when it cannot be reduced; null: no such titre.</summary>
    private async Task<ReductionModel?> ModeleReductionAsync(int id, ReductionFormulaire? saisie, CancellationToken annulation)
    {
        var titre = await db.TitresRecette.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, annulation);
        if (titre is null)
        {
            return null;
        }

        var reduit = await new EmissionTitres(db).MontantReduitAsync(id, annulation);
        var reste = new Montant(Math.Max(0, titre.Total.Euros - reduit.Euros));
        var enAttente = await db.TitresRecette.AsNoTracking().CountAsync(t => t.TitreOrigineId == id && t.Statut == StatutTitre.Brouillon, annulation);
        var refus = titre.Nature == NatureTitre.AnnulationReduction ? "Un titre d'annulation / réduction ne s'annule pas lui-même."
            : titre.Statut == StatutTitre.Brouillon ? "Un brouillon ne s'annule pas : il se modifie ou se supprime depuis les brouillons."
            : reste.Euros <= 0 ? $"Le titre n° {titre.Numero} est déjà entièrement annulé."
            : null;
        var formulaire = saisie ?? new ReductionFormulaire { Montant = Saisie(reste.Euros) };
        return new ReductionModel(titre, reste, enAttente, formulaire, refus);
    }

    /// <summary>An amount as a French user types it back (« 5532,50 »).</summary>
    private static string Saisie(decimal euros) => euros.ToString("0.00", System.Globalization.CultureInfo.GetCultureInfo("fr-FR"));
}

public sealed class ReductionFormulaire
{
    public string? Montant { get; set; }

    public string? Motif { get; set; }

    public bool Remplacement { get; set; }
}

public sealed record ReductionModel(TitreDeRecette Titre, Montant Reste, int BrouillonsEnAttente, ReductionFormulaire Formulaire, string? Refus);

public sealed class LigneFormulaire
{
    public string? Libelle { get; set; }

    public string? Bases { get; set; }

    public string? Montant { get; set; }
}

public sealed class LignesFormulaire
{
    public List<LigneFormulaire> Lignes { get; set; } = [];
}

public sealed record LignesModel(TitreDeRecette Titre, LignesFormulaire Formulaire, string? Refus);
