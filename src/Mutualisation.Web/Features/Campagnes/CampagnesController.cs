using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Mutualisation.Domain.Campagnes;
using Mutualisation.Domain.Titres;
using Mutualisation.Persistence;
using Mutualisation.Persistence.Travaux;
using Mutualisation.Web.Features.Travaux;
using Mutualisation.Web.Infrastructure;

namespace Mutualisation.Web.Features.Campagnes;

/// <summary>The form that opens a campaign (strings, so a rejected form comes back as typed).</summary>
public sealed class OuvertureFormulaire
{
    public string? ExerciceFacture { get; set; }

    public string? Budget { get; set; }
}

/// <summary>The negotiated amount form beside a refused member.</summary>
public sealed class MontantNegocieFormulaire
{
    public int MembreId { get; set; }

    public string? CodeService { get; set; }

    public string? Montant { get; set; }

    public string? Justification { get; set; }
}

/// <summary>
/// The annual invoicing campaigns: the list (open one for an exercice), a campaign's page (launch the dry run in the
/// background and follow it, review member by member, negotiated amounts, issue the ready drafts in one bordereau).
/// Finance and DSI administrators write, the DSI agents read; a Mairie user is refused (403).
/// </summary>
[Authorize(Policy = Autorisations.Intercommunale)]
[Route("campagnes")]
public sealed class CampagnesController(MutualisationDbContext db, TimeProvider horloge, IConfiguration configuration) : Controller
{
    private const string Vue = "/Features/Campagnes/Views/";

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken annulation) => View(Vue + "Index.cshtml", await ListeAsync(new OuvertureFormulaire(), annulation));

    [HttpPost("")]
    [Authorize(Policy = Autorisations.GestionCatalogue)]
    public async Task<IActionResult> Ouvrir([FromForm] OuvertureFormulaire formulaire, CancellationToken annulation)
    {
        ArgumentNullException.ThrowIfNull(formulaire);
        var exercice = int.TryParse(formulaire.ExerciceFacture?.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var e) ? e : (int?)null;
        if (exercice is null)
        {
            ModelState.AddModelError(nameof(formulaire.ExerciceFacture), "Saisissez l'exercice facturé, une année sur quatre chiffres (par exemple 2025).");
            return View(Vue + "Index.cshtml", await ListeAsync(formulaire, annulation));
        }

        var refus = Campagne.Ouvrir(exercice.Value, formulaire.Budget ?? string.Empty, User.Auteur(), horloge.GetUtcNow(), out var campagne);
        if (refus is null && await db.Set<Campagne>().AnyAsync(c => c.ExerciceFacture == campagne!.ExerciceFacture && c.Budget == campagne.Budget, annulation))
        {
            refus = new RefusTitre($"Une campagne existe déjà pour l'exercice {exercice} et le budget {campagne!.Budget}.", nameof(formulaire.ExerciceFacture));
        }

        if (refus is not null)
        {
            ModelState.AddModelError(refus.Champ ?? string.Empty, refus.Message);
            return View(Vue + "Index.cshtml", await ListeAsync(formulaire, annulation));
        }

        db.Add(campagne!);
        await db.SaveChangesAsync(annulation);
        TempData["Succes"] = $"Campagne de l'exercice {campagne!.ExerciceFacture} ouverte : lancez le calcul des titres.";
        return Redirect($"/campagnes/{campagne.Id}");
    }

    /// <summary>Members per page of the review table (a campaign of every French commune has 35 000 of them); <c>Campagnes:ResultatsParPage</c> changes it.</summary>
    public const int ResultatsParPageParDefaut = 100;

    private int ResultatsParPage => Math.Clamp(configuration.GetValue("Campagnes:ResultatsParPage", ResultatsParPageParDefaut), 1, 1000);

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Detail(int id, [FromQuery] string? filtre, [FromQuery] string? q, [FromQuery] int? page, CancellationToken annulation) =>
        await PageAsync(id, new RevueCampagne(FiltresCampagne.Lire(filtre), Recherche(q), Math.Max(1, page ?? 1)), null, annulation) is { } vue
            ? View(Vue + "Detail.cshtml", vue)
            : NotFound();

    /// <summary>The state of the campaign's last job, for the progress bar's script.</summary>
    [HttpGet("{id:int}/etat")]
    public async Task<IActionResult> Etat(int id, CancellationToken annulation)
    {
        var travailId = await db.Set<Campagne>().AsNoTracking().Where(c => c.Id == id).Select(c => c.TravailId).FirstOrDefaultAsync(annulation);
        var travail = travailId is null ? null : await db.TravauxDeFond.AsNoTracking().FirstOrDefaultAsync(t => t.Id == travailId, annulation);
        return travail is null ? NotFound() : Json(EtatTravailVue.De(travail));
    }

    [HttpPost("{id:int}/calculer")]
    [Authorize(Policy = Autorisations.GestionCatalogue)]
    public async Task<IActionResult> Calculer(int id, [FromServices] FileDeTravaux file, CancellationToken annulation)
    {
        var campagne = await db.Set<Campagne>().FirstOrDefaultAsync(c => c.Id == id, annulation);
        if (campagne is null)
        {
            return NotFound();
        }

        if (await EnCoursAsync(campagne, annulation))
        {
            TempData["Erreur"] = "Un traitement de cette campagne est déjà en cours : attendez sa fin.";
            return Redirect($"/campagnes/{id}");
        }

        var travail = await file.DemanderAsync(TravailCalculCampagne.Genre, new ParametresCampagne(id), User, annulation);
        campagne.NoterLancement(travail, User.Auteur(), horloge.GetUtcNow());
        await db.SaveChangesAsync(annulation);
        TempData["Succes"] = "Calcul lancé : la progression s'affiche ci-dessous (vous pouvez quitter la page, il continue).";
        return Redirect($"/campagnes/{id}");
    }

    [HttpPost("{id:int}/montants")]
    [Authorize(Policy = Autorisations.GestionCatalogue)]
    public async Task<IActionResult> Negocier(int id, [FromForm] MontantNegocieFormulaire formulaire, CancellationToken annulation)
    {
        ArgumentNullException.ThrowIfNull(formulaire);
        var campagne = await db.Set<Campagne>().FirstOrDefaultAsync(c => c.Id == id, annulation);
        if (campagne is null)
        {
            return NotFound();
        }

        var refuse = campagne.Resultats.FirstOrDefault(r => r.MembreId == formulaire.MembreId && r.ServiceRefuse is not null && r.ServiceRefuse == formulaire.CodeService);
        var montant = SaisieFr.Nombre(formulaire.Montant);
        var refus = refuse is null
            ? new RefusTitre("Ce membre n'attend pas de montant négocié pour ce service : relancez le calcul.", "Montant")
            : !SaisieFr.EstVide(formulaire.Montant) && montant is null
                ? new RefusTitre($"« {SaisieFr.Extrait(formulaire.Montant!)} » n'est pas un montant : saisissez des euros (par exemple 12 500,00).", "Montant")
                : campagne.NegocierMontant(formulaire.MembreId, formulaire.CodeService!, montant, formulaire.Justification, User.Auteur(), horloge.GetUtcNow());
        if (refus is not null)
        {
            ModelState.AddModelError(refus.Champ ?? "Montant", refus.Message);
            // The page that shows the member's row, with the error beside its fields.
            var vue = await PageAsync(id, new RevueCampagne(FiltreCampagne.EnAttente, null, 1), formulaire, annulation);
            return View(Vue + "Detail.cshtml", vue!);
        }

        await db.SaveChangesAsync(annulation);
        TempData["Succes"] = $"Montant négocié enregistré pour {refuse!.MembreNom} : relancez le calcul pour l'appliquer.";
        return Redirect($"/campagnes/{id}");
    }

    [HttpPost("{id:int}/emettre")]
    [Authorize(Policy = Autorisations.GestionCatalogue)]
    public async Task<IActionResult> Emettre(int id, [FromServices] EmissionCampagne emission, [FromServices] FileDeTravaux file, CancellationToken annulation)
    {
        var campagne = await db.Set<Campagne>().FirstOrDefaultAsync(c => c.Id == id, annulation);
        if (campagne is null)
        {
            return NotFound();
        }

        if (await EnCoursAsync(campagne, annulation))
        {
            TempData["Erreur"] = "Un traitement de cette campagne est en cours : attendez sa fin avant d'émettre.";
            return Redirect($"/campagnes/{id}");
        }

        var brouillons = await emission.BrouillonsAsync(id, annulation);
        if (brouillons.Count > configuration.GetValue("Campagnes:EmissionDeFondAuDela", 500))
        {
            var travail = await file.DemanderAsync(TravailEmissionCampagne.Genre, new ParametresCampagne(id), User, annulation);
            campagne.NoterLancement(travail, User.Auteur(), horloge.GetUtcNow());
            await db.SaveChangesAsync(annulation);
            TempData["Succes"] = $"Émission de {brouillons.Count} titres lancée en arrière-plan : la progression s'affiche ci-dessous.";
            return Redirect($"/campagnes/{id}");
        }

        var (message, refus) = await emission.EmettreAsync(id, User.Auteur(), annulation);
        if (refus is not null)
        {
            TempData["Erreur"] = $"Aucun titre émis. {refus}";
        }
        else
        {
            await emission.ProduireAvisAsync(id, null, annulation);
            TempData["Succes"] = message;
        }

        return Redirect($"/campagnes/{id}");
    }

    private async Task<bool> EnCoursAsync(Campagne campagne, CancellationToken annulation) =>
        campagne.TravailId is { } travailId
        && await db.TravauxDeFond.AnyAsync(t => t.Id == travailId && (t.Etat == EtatTravail.EnAttente || t.Etat == EtatTravail.EnCours), annulation);

    private async Task<ListeCampagnes> ListeAsync(OuvertureFormulaire formulaire, CancellationToken annulation)
    {
        var campagnes = await db.Set<Campagne>().AsNoTracking()
            .Select(c => new LigneCampagne(c.Id, c.ExerciceFacture, c.Exercice, c.Budget, c.OuverteLe, c.OuverteParNom, c.CalculeLe,
                c.Resultats.Count(r => r.Statut == StatutResultat.Pret), c.Resultats.Count(r => r.Statut == StatutResultat.DejaFacture), c.Resultats.Count))
            .ToListAsync(annulation);
        var budget = await db.ParametresEmetteur.AsNoTracking().OrderBy(p => p.Id).Select(p => p.CodeBudget).FirstOrDefaultAsync(annulation);
        formulaire.ExerciceFacture ??= (horloge.ExerciceCourant() - 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        formulaire.Budget ??= budget ?? "BP";
        return new ListeCampagnes(campagnes.OrderByDescending(c => c.ExerciceFacture).ThenBy(c => c.Budget).ToList(), formulaire);
    }

    private static string? Recherche(string? q) => string.IsNullOrWhiteSpace(q) ? null : q.Trim()[..Math.Min(q.Trim().Length, 100)];

    /// <summary>
    /// A campaign's page: the campaign with its results (filtered, searched, sorted by name, one page of them), the titres
    /// of that page only with their lines, the bordereaux issued and the settings missing for its drafts, both computed by
    /// the database, never from every titre of the campaign.
    /// </summary>
    private async Task<PageCampagne?> PageAsync(int id, RevueCampagne revue, MontantNegocieFormulaire? saisie, CancellationToken annulation)
    {
        var campagne = await db.Set<Campagne>().AsNoTracking().AsSplitQuery().FirstOrDefaultAsync(c => c.Id == id, annulation);
        if (campagne is null)
        {
            return null;
        }

        var travail = campagne.TravailId is { } travailId ? await db.TravauxDeFond.AsNoTracking().FirstOrDefaultAsync(t => t.Id == travailId, annulation) : null;
        var retenus = campagne.Resultats.Where(r => revue.Filtre.Garde(r) && (revue.Recherche is null || FormatFr.Contient(r.MembreNom, revue.Recherche)))
            .OrderBy(r => r.MembreNom, FormatFr.Comparateur).ThenBy(r => r.MembreId).ToList();
        if (saisie is not null && retenus.FindIndex(r => r.MembreId == saisie.MembreId) is var rang and >= 0)
        {
            revue = revue with { Page = (rang / ResultatsParPage) + 1 };
        }

        var pages = Math.Max(1, (retenus.Count + ResultatsParPage - 1) / ResultatsParPage);
        revue = revue with { Page = Math.Min(revue.Page, pages) };
        var lignes = retenus.Skip((revue.Page - 1) * ResultatsParPage).Take(ResultatsParPage).ToList();
        var ids = lignes.Where(r => r.TitreId is not null).Select(r => r.TitreId!.Value).ToList();
        var titres = await db.TitresRecette.AsNoTracking().Include(t => t.Lignes).Where(t => EF.Parameter(ids).Contains(t.Id)).AsSplitQuery().ToDictionaryAsync(t => t.Id, annulation);
        var emis = await db.TitresRecette.AsNoTracking().Where(t => t.CampagneId == id && t.Statut == StatutTitre.Emis && t.BordereauNumero != null)
            .Select(t => new { Numero = t.BordereauNumero!.Value, EmisLe = t.EmisLe!.Value, t.Total }).ToListAsync(annulation);
        var bordereaux = emis.GroupBy(t => t.Numero)
            .Select(g => new BordereauCampagne(g.Key, g.First().EmisLe, g.Count(), g.Aggregate(Domain.Commun.Montant.Zero, (s, t) => s + t.Total))).OrderBy(b => b.Numero).ToList();
        var emetteur = await db.ParametresEmetteur.AsNoTracking().Include(p => p.Imputations).OrderBy(p => p.Id).FirstOrDefaultAsync(annulation);
        var codes = await db.TitresRecette.AsNoTracking().Where(t => t.CampagneId == id && t.Statut == StatutTitre.Brouillon)
            .SelectMany(t => t.Lignes).Where(l => l.CodeService != null).Select(l => l.CodeService!).Distinct().ToListAsync(annulation);
        var manquants = emetteur is null ? ["les paramètres de l'émetteur"] : emetteur.Manquants(codes);
        return new PageCampagne(campagne, travail is null ? null : EtatTravailVue.De(travail), titres, bordereaux, revue, lignes, retenus.Count, pages, ResultatsParPage, saisie, manquants);
    }
}
