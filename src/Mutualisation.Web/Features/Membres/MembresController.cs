using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Mutualisation.Domain.Commun;
using Mutualisation.Domain.Membres;
using Mutualisation.Persistence;
using Mutualisation.Web.Infrastructure;

namespace Mutualisation.Web.Features.Membres;

[Authorize(Policy = Autorisations.Connecte)]
[Route("membres")]
public sealed class MembresController(MutualisationDbContext db, IValidator<MembreFormulaire> validateur) : Controller
{
    public const int TaillePage = 25;

    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] RechercheMembres recherche, CancellationToken annulation)
    {
        var page = await recherche.ExecuterAsync(db.Visibles(db.Membres.AsNoTracking()), TaillePage, annulation);
        return View(new ListeMembresModel(recherche, page));
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Detail(int id, CancellationToken annulation)
    {
        var modele = await DetailMembreModel.ChargerAsync(db, id, new QuantiteFormulaire(), User, annulation);
        return modele is null ? NotFound() : View(modele);
    }

    [Authorize(Policy = Autorisations.GestionMembres)]
    [HttpGet("nouveau")]
    public IActionResult Nouveau() => View("Formulaire", new FormulaireMembreModel(null, new MembreFormulaire()));

    [Authorize(Policy = Autorisations.GestionMembres)]
    [HttpPost("nouveau")]
    public async Task<IActionResult> Nouveau(MembreFormulaire formulaire, CancellationToken annulation)
    {
        if (!await ValiderAsync(formulaire, idActuel: null, annulation))
        {
            return View("Formulaire", new FormulaireMembreModel(null, formulaire));
        }

        var membre = new Membre(formulaire.Nom!, formulaire.Nature, InseeCode.Parse(formulaire.CodeInsee!), Siren.Parse(formulaire.Siren!));
        Appliquer(membre, formulaire);
        db.Membres.Add(membre);
        await db.SaveChangesAsync(annulation);
        TempData["Succes"] = $"Le membre « {membre.Nom} » a été créé.";
        return Redirect($"/membres/{membre.Id}");
    }

    [Authorize(Policy = Autorisations.GestionMembres)]
    [HttpGet("{id:int}/modifier")]
    public async Task<IActionResult> Modifier(int id, CancellationToken annulation)
    {
        var membre = await db.Membres.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, annulation);
        return membre is null ? NotFound() : View("Formulaire", new FormulaireMembreModel(id, MembreFormulaire.Depuis(membre)));
    }

    [Authorize(Policy = Autorisations.GestionMembres)]
    [HttpPost("{id:int}/modifier")]
    public async Task<IActionResult> Modifier(int id, MembreFormulaire formulaire, CancellationToken annulation)
    {
        var membre = await db.Membres.Include(m => m.Populations).AsSplitQuery().FirstOrDefaultAsync(m => m.Id == id, annulation);
        if (membre is null)
        {
            return NotFound();
        }

        if (!await ValiderAsync(formulaire, id, annulation))
        {
            return View("Formulaire", new FormulaireMembreModel(id, formulaire));
        }

        membre.ModifierIdentite(formulaire.Nom!, formulaire.Nature, InseeCode.Parse(formulaire.CodeInsee!), Siren.Parse(formulaire.Siren!));
        Appliquer(membre, formulaire);
        await db.SaveChangesAsync(annulation);
        TempData["Succes"] = $"Le membre « {membre.Nom} » a été modifié.";
        return Redirect($"/membres/{membre.Id}");
    }

    private async Task<bool> ValiderAsync(MembreFormulaire formulaire, int? idActuel, CancellationToken annulation)
    {
        if (!(await validateur.ValidateAsync(formulaire, annulation)).CopierDans(ModelState))
        {
            return false;
        }

        var siren = Siren.Parse(formulaire.Siren!);
        var doublon = await db.Membres.IgnoreQueryFilters().AnyAsync(m => m.Siren == siren && m.Id != idActuel, annulation);
        if (doublon)
        {
            ModelState.AddModelError(nameof(MembreFormulaire.Siren), "Un autre membre porte déjà ce SIREN.");
        }

        return ModelState.IsValid;
    }

    private static void Appliquer(Membre membre, MembreFormulaire formulaire)
    {
        membre.ModifierCoordonnees(formulaire.Adresse(), formulaire.Decideur(), formulaire.Technique());
        if (formulaire.Population() is var (millesime, totale, municipale))
        {
            membre.EnregistrerPopulation(millesime, totale, municipale, "Saisie manuelle");
        }
    }
}

public sealed record FormulaireMembreModel(int? Id, MembreFormulaire Formulaire);


public sealed record LigneHistorique(DateTimeOffset Horodatage, string Auteur, string Entite, string Action, IReadOnlyList<ChampModifie> Champs);

public sealed record ListeMembresModel(RechercheMembres Recherche, PageMembres Page);
