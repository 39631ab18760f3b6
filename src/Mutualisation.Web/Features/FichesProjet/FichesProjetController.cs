using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Mutualisation.Domain.Conventions;
using Mutualisation.Domain.FichesProjet;
using Mutualisation.Persistence;
using Mutualisation.Persistence.Perimetre;
using Mutualisation.Web.Infrastructure;

namespace Mutualisation.Web.Features.FichesProjet;

/// <summary>
/// Fiches projet (Redon Annexe 3): a commune's secretary drafts, saves and submits her commune's fiches (another
/// commune's answer 404 through the query filter); the DSI (<see cref="Autorisations.GestionMembres"/>) may do it on a
/// commune's behalf, instructs them, asks for more, records what it finds and qualifies the similar fiches the portal
/// suggests at each submission. Finance reads. Every change goes through a method of <see cref="FicheProjet"/>.
/// </summary>
[Authorize(Policy = Autorisations.Connecte)]
[Route("fiches-projet")]
public sealed class FichesProjetController(MutualisationDbContext db, TimeProvider horloge, IPerimetreUtilisateur perimetre, IAuthorizationService autorisations,
    EchangesFiches.NotificationsFiches notifications)
    : Controller
{
    private Auteur Auteur => User.Auteur();

    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] EtatFiche? etat, CancellationToken annulation)
    {
        var requete = db.FichesProjet.AsNoTracking();
        if (etat is { } e && Enum.IsDefined(e))
        {
            requete = requete.Where(f => f.Etat == e);
        }

        var lignes = await requete
            .Join(db.Membres.AsNoTracking(), f => f.MembreId, m => m.Id, (f, m) => new { f, m.Nom })
            .OrderByDescending(x => x.f.Mutualisable).ThenBy(x => x.f.Etat == EtatFiche.Brouillon).ThenByDescending(x => x.f.DeposeeLe).ThenByDescending(x => x.f.Id)
            .Take(500)
            .Select(x => new LigneFiche(x.f.Id, x.f.Numero, x.f.Titre, x.Nom, x.f.Etat, x.f.Mutualisable, x.f.DeposeeLe,
                x.f.Contenu.CoutInformatique, x.f.Contenu.CoutOrganisation, x.f.Contenu.CoutFormation, x.f.Contenu.DepensesAssociees))
            .ToListAsync(annulation);
        return View(new ListeFichesModel(etat, lignes, await PeutCreerAsync(), await EstDsiAsync()));
    }

    [HttpGet("nouvelle")]
    public async Task<IActionResult> Nouvelle([FromQuery] int? membre, CancellationToken annulation)
    {
        if (!await PeutCreerAsync())
        {
            return Forbid();
        }

        var formulaire = new FicheFormulaire { MembreId = (perimetre.EstRestreint ? perimetre.MembreId : membre)?.ToString(CultureInfo.InvariantCulture) };
        return View("Formulaire", await FormulaireModelAsync(null, formulaire, annulation));
    }

    [HttpPost("nouvelle")]
    public async Task<IActionResult> Nouvelle(FicheFormulaire formulaire, CancellationToken annulation)
    {
        ArgumentNullException.ThrowIfNull(formulaire);
        if (!await PeutCreerAsync())
        {
            return Forbid();
        }

        var membreId = perimetre.EstRestreint ? perimetre.MembreId
            : int.TryParse(formulaire.MembreId, NumberStyles.None, CultureInfo.InvariantCulture, out var m) && await db.Membres.AnyAsync(x => x.Id == m, annulation) ? m
            : null;
        if (membreId is null)
        {
            ModelState.AddModelError(nameof(FicheFormulaire.MembreId), "Choisissez la commune qui porte le projet.");
        }

        var (contenu, erreurs) = formulaire.VersContenu();
        Ajouter(erreurs);
        FicheProjet? fiche = null;
        if (ModelState.IsValid && FicheProjet.Creer(membreId!.Value, formulaire.Titre ?? string.Empty, contenu, Auteur, horloge.GetUtcNow(), out fiche) is { } refus)
        {
            Ajouter([refus]);
        }

        if (!ModelState.IsValid)
        {
            return View("Formulaire", await FormulaireModelAsync(null, formulaire, annulation));
        }

        db.FichesProjet.Add(fiche!);
        await db.SaveChangesAsync(annulation);
        return await DeposerOuRevenirAsync(fiche!, formulaire, annulation);
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Detail(int id, CancellationToken annulation)
    {
        var fiche = await db.FichesProjet.AsNoTracking().Include(f => f.Versions).Include(f => f.Evenements).Include(f => f.Liens).AsSplitQuery()
            .FirstOrDefaultAsync(f => f.Id == id, annulation);
        if (fiche is null)
        {
            return NotFound();
        }

        var dsi = await EstDsiAsync();
        var personnel = !perimetre.EstRestreint;
        var membre = await db.Membres.AsNoTracking().Where(x => x.Id == fiche.MembreId).Select(x => x.Nom).FirstAsync(annulation);
        var liees = personnel ? await LieesAsync(fiche, annulation) : [];
        return View(new DetailFicheModel(fiche, membre, dsi, personnel, fiche.Etat.EstModifiableParLaCommune() && (dsi || perimetre.EstRestreint), liees,
            TempData["Message"] as string));
    }

    [HttpGet("{id:int}/modifier")]
    public async Task<IActionResult> Modifier(int id, CancellationToken annulation)
    {
        var fiche = await db.FichesProjet.AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, annulation);
        if (fiche is null)
        {
            return NotFound();
        }

        if (!await PeutCreerAsync() || !fiche.Etat.EstModifiableParLaCommune())
        {
            return Forbid();
        }

        return View("Formulaire", await FormulaireModelAsync(fiche, FicheFormulaire.Depuis(fiche), annulation));
    }

    [HttpPost("{id:int}/modifier")]
    public async Task<IActionResult> Modifier(int id, FicheFormulaire formulaire, CancellationToken annulation)
    {
        ArgumentNullException.ThrowIfNull(formulaire);
        var fiche = await db.FichesProjet.Include(f => f.Versions).Include(f => f.Evenements).Include(f => f.Liens).AsSplitQuery()
            .FirstOrDefaultAsync(f => f.Id == id, annulation);
        if (fiche is null)
        {
            return NotFound();
        }

        if (!await PeutCreerAsync())
        {
            return Forbid();
        }

        var (contenu, erreurs) = formulaire.VersContenu();
        Ajouter(erreurs);
        if (ModelState.IsValid && fiche.Enregistrer(formulaire.Titre ?? string.Empty, contenu, Auteur, horloge.GetUtcNow()) is { } refus)
        {
            Ajouter([refus]);
        }

        if (!ModelState.IsValid)
        {
            return View("Formulaire", await FormulaireModelAsync(fiche, formulaire, annulation));
        }

        await db.SaveChangesAsync(annulation);
        return await DeposerOuRevenirAsync(fiche, formulaire, annulation);
    }

    /// <summary>Two submitted versions side by side, field by field (the fields that changed).</summary>
    [HttpGet("{id:int}/versions")]
    public async Task<IActionResult> Versions(int id, [FromQuery] int? de, [FromQuery] int? a, CancellationToken annulation)
    {
        var fiche = await db.FichesProjet.AsNoTracking().Include(f => f.Versions).FirstOrDefaultAsync(f => f.Id == id, annulation);
        if (fiche is null)
        {
            return NotFound();
        }

        var versions = fiche.Versions.OrderBy(v => v.Numero).ToList();
        var apres = versions.FirstOrDefault(v => v.Numero == a) ?? versions.LastOrDefault();
        var avant = versions.FirstOrDefault(v => v.Numero == de) ?? versions.LastOrDefault(v => apres is not null && v.Numero < apres.Numero);
        return View(new ComparaisonVersionsModel(fiche.Id, fiche.Numero, fiche.Titre, versions, avant, apres,
            avant is null || apres is null ? [] : ChampFiche.Differences(avant.Contenu, apres.Contenu)));
    }

    [Authorize(Policy = Autorisations.GestionMembres)]
    [HttpPost("{id:int}/prendre-en-instruction")]
    public Task<IActionResult> PrendreEnInstruction(int id, CancellationToken annulation) =>
        TransitionAsync(id, (f, quand) => f.PrendreEnInstruction(Auteur, quand), "Fiche prise en instruction.", annulation);

    [Authorize(Policy = Autorisations.GestionMembres)]
    [HttpPost("{id:int}/complements")]
    public Task<IActionResult> Complements(int id, DemandeComplementsFormulaire formulaire, CancellationToken annulation) =>
        TransitionAsync(id, (f, quand) => f.DemanderComplements(formulaire?.Demande ?? string.Empty, Auteur, quand),
            "Compléments demandés : la commune peut compléter sa fiche et la déposer à nouveau.", annulation);

    [Authorize(Policy = Autorisations.GestionMembres)]
    [HttpPost("{id:int}/instruction")]
    public Task<IActionResult> Instruction(int id, InstructionFormulaire formulaire, CancellationToken annulation)
    {
        ArgumentNullException.ThrowIfNull(formulaire);
        bool? couvert = formulaire.CouvertParExistant switch { "oui" => true, "non" => false, _ => null };
        int? duree = SaisieFr.EstVide(formulaire.DureeEstimeeMois) ? null
            : int.TryParse(formulaire.DureeEstimeeMois, NumberStyles.None, CultureInfo.InvariantCulture, out var d) ? d : -1;
        return TransitionAsync(id, (f, quand) => f.EnregistrerInstruction(couvert, duree, formulaire.AvisDsi, Auteur, quand), "Instruction enregistrée.", annulation);
    }

    /// <summary>Confirms (shared need, both fiches become mutualisable) or dismisses a similar fiche of another member.</summary>
    [Authorize(Policy = Autorisations.GestionMembres)]
    [HttpPost("{id:int}/liens/{autre:int}")]
    public async Task<IActionResult> Lien(int id, int autre, [FromForm] string? verdict, CancellationToken annulation)
    {
        var fiches = await db.FichesProjet.Include(f => f.Liens).Include(f => f.Evenements).Where(f => f.Id == id || f.Id == autre).ToListAsync(annulation);
        var fiche = fiches.FirstOrDefault(f => f.Id == id);
        var autreFiche = fiches.FirstOrDefault(f => f.Id == autre);
        if (fiche is null || autreFiche is null || fiche.MembreId == autreFiche.MembreId)
        {
            return NotFound();
        }

        bool? choix = verdict switch { "confirmer" => true, "ecarter" => false, _ => null };
        if (choix is not { } confirme)
        {
            TempData["Message"] = "Refusé : choisissez de confirmer le besoin partagé ou d'écarter le rapprochement.";
            return Redirect($"/fiches-projet/{id}");
        }

        var quand = horloge.GetUtcNow();
        if ((fiche.Qualifier(autre, confirme, Auteur, quand) ?? autreFiche.Qualifier(id, confirme, Auteur, quand)) is { } refus)
        {
            TempData["Message"] = "Refusé : " + refus.Message;
            return Redirect($"/fiches-projet/{id}");
        }

        await db.SaveChangesAsync(annulation);
        TempData["Message"] = confirme ? "Besoin partagé confirmé : les deux fiches sont mutualisables." : "Rapprochement écarté.";
        return Redirect($"/fiches-projet/{id}");
    }

    private async Task<IActionResult> TransitionAsync(int id, Func<FicheProjet, DateTimeOffset, RefusFiche?> action, string message, CancellationToken annulation)
    {
        var fiche = await db.FichesProjet.Include(f => f.Evenements).FirstOrDefaultAsync(f => f.Id == id, annulation);
        if (fiche is null)
        {
            return NotFound();
        }

        if (action(fiche, horloge.GetUtcNow()) is { } refus)
        {
            TempData["Message"] = "Refusé : " + refus.Message;
            return Redirect($"/fiches-projet/{id}");
        }

        await notifications.SignalerNouveauxAsync(fiche, annulation);
        await db.SaveChangesAsync(annulation);
        TempData["Message"] = message;
        return Redirect($"/fiches-projet/{id}");
    }

    /// <summary>
    /// After a save: either back to the fiche (draft saved), or the submission. An incomplete submission keeps the draft
    /// saved and shows the form again with each missing field named beside it.
    /// </summary>
    private async Task<IActionResult> DeposerOuRevenirAsync(FicheProjet fiche, FicheFormulaire formulaire, CancellationToken annulation)
    {
        if (!formulaire.Deposer)
        {
            TempData["Message"] = "Brouillon enregistré. Il n'est pas encore transmis à la DSI.";
            return Redirect($"/fiches-projet/{fiche.Id}");
        }

        var manques = fiche.Deposer(formulaire.Commentaire, (f, jour) => $"FP-{jour.Year}-{f.Id:D4}", Auteur, horloge.GetUtcNow(), horloge.AujourdHui());
        if (manques.Count > 0)
        {
            Ajouter(manques);
            ViewData["BrouillonEnregistre"] = true;
            return View("Formulaire", await FormulaireModelAsync(fiche, formulaire, annulation));
        }

        await SuggererAsync(fiche, annulation);
        await notifications.SignalerNouveauxAsync(fiche, annulation);
        await db.SaveChangesAsync(annulation);
        TempData["Message"] = $"Fiche déposée (version {fiche.Versions.Count}). La DSI en accuse réception et l'instruit.";
        return Redirect($"/fiches-projet/{fiche.Id}");
    }

    /// <summary>At each submission: the most similar submitted fiches of other members, kept as suggestions for the DSI.</summary>
    private async Task SuggererAsync(FicheProjet fiche, CancellationToken annulation)
    {
        var corpus = await db.FichesProjet.AsNoTracking().IgnoreQueryFilters()
            .Where(f => f.MembreId != fiche.MembreId && f.Etat != EtatFiche.Brouillon)
            .Select(f => new TexteFiche(f.Id, f.Titre, f.Contenu.Description, f.Contenu.Enjeux, f.Contenu.Origine))
            .ToListAsync(annulation);
        var texte = new TexteFiche(fiche.Id, fiche.Titre, fiche.Contenu.Description, fiche.Contenu.Enjeux, fiche.Contenu.Origine);
        foreach (var proche in SimilariteFiches.PlusProches(texte, corpus))
        {
            fiche.Suggerer(proche.Id, Math.Round(proche.Score, 3), horloge.GetUtcNow());
        }
    }

    /// <summary>The other members' fiches this one is linked to, with their commune and state (EPCI staff only).</summary>
    private async Task<IReadOnlyList<FicheLiee>> LieesAsync(FicheProjet fiche, CancellationToken annulation)
    {
        var ids = fiche.Liens.Select(l => l.AutreFicheId).ToList();
        var autres = await db.FichesProjet.AsNoTracking().Where(f => ids.Contains(f.Id))
            .Join(db.Membres.AsNoTracking(), f => f.MembreId, m => m.Id, (f, m) => new { f.Id, f.Numero, f.Titre, f.Etat, m.Nom })
            .ToListAsync(annulation);
        return fiche.Liens.Join(autres, l => l.AutreFicheId, a => a.Id, (l, a) => new FicheLiee(a.Id, a.Numero, a.Titre, a.Nom, a.Etat, l.Statut, l.Score))
            .OrderBy(x => x.Statut == StatutLien.Ecarte).ThenByDescending(x => x.Score).ToList();
    }

    private void Ajouter(IEnumerable<RefusFiche> refus)
    {
        foreach (var r in refus)
        {
            ModelState.AddModelError(r.Champ ?? string.Empty, r.Message);
        }
    }

    private async Task<bool> EstDsiAsync() => (await autorisations.AuthorizeAsync(User, Autorisations.GestionMembres)).Succeeded;

    /// <summary>A commune's account for its own commune, or the DSI on a commune's behalf; not finance.</summary>
    private async Task<bool> PeutCreerAsync() => (perimetre.EstRestreint && perimetre.MembreId is not null) || await EstDsiAsync();

    private async Task<FormulaireFicheModel> FormulaireModelAsync(FicheProjet? fiche, FicheFormulaire formulaire, CancellationToken annulation)
    {
        var membres = perimetre.EstRestreint ? [] : await db.Membres.AsNoTracking().OrderBy(x => x.NomRecherche)
            .Select(x => new MembreChoix(x.Id, x.Nom, x.CodeInsee.Valeur)).Take(2000).ToListAsync(annulation);
        return new FormulaireFicheModel(fiche?.Id, fiche?.Numero, fiche?.Etat, formulaire, membres);
    }
}

public sealed record LigneFiche(int Id, string? Numero, string Titre, string Membre, EtatFiche Etat, bool Mutualisable, DateOnly? DeposeeLe,
    Domain.Commun.Montant? Informatique, Domain.Commun.Montant? Organisation, Domain.Commun.Montant? Formation, Domain.Commun.Montant? Associees)
{
    public Domain.Commun.Montant Cout => new ContenuFiche
    {
        CoutInformatique = Informatique, CoutOrganisation = Organisation, CoutFormation = Formation, DepensesAssociees = Associees,
    }.CoutGlobal;
}

public sealed record ListeFichesModel(EtatFiche? Etat, IReadOnlyList<LigneFiche> Lignes, bool PeutCreer, bool EstDsi);

public sealed record MembreChoix(int Id, string Nom, string CodeInsee);

public sealed record FormulaireFicheModel(int? Id, string? Numero, EtatFiche? Etat, FicheFormulaire Formulaire, IReadOnlyList<MembreChoix> Membres)
{
    public string Action => Id is { } id ? $"/fiches-projet/{id}/modifier" : "/fiches-projet/nouvelle";
}

public sealed record FicheLiee(int Id, string? Numero, string Titre, string Membre, EtatFiche Etat, StatutLien Statut, double? Score);

public sealed record DetailFicheModel(FicheProjet Fiche, string Membre, bool EstDsi, bool EstPersonnel, bool PeutModifier, IReadOnlyList<FicheLiee> Liees, string? Message);

public sealed record ComparaisonVersionsModel(int Id, string? Numero, string Titre, IReadOnlyList<VersionFiche> Versions, VersionFiche? Avant, VersionFiche? Apres,
    IReadOnlyList<(ChampFiche Champ, string? Avant, string? Apres)> Differences);
