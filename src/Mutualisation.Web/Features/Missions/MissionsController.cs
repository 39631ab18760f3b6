using System.Globalization;
using System.Security.Claims;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Mutualisation.Domain.Conventions;
using Mutualisation.Domain.Missions;
using Mutualisation.Persistence;
using Mutualisation.Web.Infrastructure;

namespace Mutualisation.Web.Features.Missions;

/// <summary>
/// N1 lettres de mission and their time entries. Every signed-in user reads (a Mairie user only her commune's,
/// by the query filter: another's answers 404); DSI staff (<see cref="Autorisations.GestionMembres"/>) write,
/// always through a method of <see cref="LettreDeMission"/>. The pool page is for the EPCI's staff.
/// </summary>
[Authorize(Policy = Autorisations.Connecte)]
[Route("missions")]
public sealed class MissionsController(
    MutualisationDbContext db,
    TimeProvider horloge,
    SoldesN1 soldes,
    IValidator<MissionFormulaire> validateurMission,
    IValidator<SaisieFormulaire> validateurSaisie) : Controller
{
    private DateOnly AujourdHui => horloge.AujourdHui();

    private Auteur Auteur => User.Auteur();

    private bool PeutGerer => User.IsInRole(Domain.Commun.Roles.AdministrateurDSI) || User.IsInRole(Domain.Commun.Roles.AgentDSI);

    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] FiltreMissions filtre, CancellationToken annulation)
    {
        var requete = Jointure();
        if (filtre.Statut is { } statut)
        {
            requete = requete.Where(x => x.Mission.Statut == statut);
        }

        if (filtre.Membre is { } membre)
        {
            requete = requete.Where(x => x.Mission.MembreId == membre);
        }

        var lignes = await Projeter(requete.OrderBy(x => x.Membre.NomRecherche).ThenByDescending(x => x.Mission.DateDebut).Take(500)).ToListAsync(annulation);
        return View(new ListeMissionsModel(filtre, lignes, PeutGerer));
    }

    [Authorize(Policy = Autorisations.Intercommunale)]
    [HttpGet("n1")]
    public async Task<IActionResult> N1([FromQuery] int? exercice, [FromQuery] string? tri, [FromQuery] string? sens, CancellationToken annulation)
    {
        var annee = Exercice(exercice);
        var lus = await soldes.LireAsync(annee, null, annulation);
        var descendant = sens == "desc";
        Func<SoldeN1, object?> cle = tri switch
        {
            "allocation" => s => s.Allocation,
            "consomme" => s => s.Consomme,
            "restant" => s => s.Restant,
            "depassement" => s => s.Depassement,
            _ => s => s.Nom,
        };
        var tries = (descendant ? lus.Soldes.OrderByDescending(cle) : lus.Soldes.OrderBy(cle)).ThenBy(s => s.Nom, StringComparer.Create(CultureInfo.GetCultureInfo("fr-FR"), true)).ToList();
        return View(new VivierN1Model(lus with { Soldes = tries }, tri is "allocation" or "consomme" or "restant" or "depassement" ? tri : "nom", descendant));
    }

    [HttpGet("membres/{membreId:int}")]
    public async Task<IActionResult> Membre(int membreId, [FromQuery] int? exercice, CancellationToken annulation)
    {
        var membre = await db.Membres.AsNoTracking().Where(m => m.Id == membreId).Select(m => new MembreMission(m.Id, m.Nom, m.CodeInsee.Valeur)).FirstOrDefaultAsync(annulation);
        if (membre is null)
        {
            return NotFound();
        }

        var annee = Exercice(exercice);
        var lus = await soldes.LireAsync(annee, [membreId], annulation);
        var missions = await Projeter(Jointure().Where(x => x.Mission.MembreId == membreId).OrderByDescending(x => x.Mission.DateDebut)).ToListAsync(annulation);
        return View(new MissionsDuMembreModel(membre, annee, lus, lus.Soldes.SingleOrDefault(), missions, PeutGerer));
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Detail(int id, CancellationToken annulation)
    {
        var modele = await DetailAsync(id, annulation);
        return modele is null ? NotFound() : View(modele);
    }

    [Authorize(Policy = Autorisations.GestionMembres)]
    [HttpGet("nouvelle")]
    public async Task<IActionResult> Nouvelle([FromQuery] int? membre, CancellationToken annulation)
    {
        var aujourdHui = AujourdHui;
        return View("Formulaire", await FormulaireAsync(null, new MissionFormulaire
        {
            MembreId = membre?.ToString(CultureInfo.InvariantCulture),
            DateDebut = FormatFr.Date(aujourdHui),
            DateFinPrevue = FormatFr.Date(aujourdHui.AddMonths(1)),
            JoursPrevus = "1",
            ContactDsiNom = User.FindFirstValue(FabriqueRevendications.RevendicationNom),
            ContactDsiCourriel = User.FindFirstValue(ClaimTypes.Email) ?? User.Identity?.Name,
        }, annulation));
    }

    [Authorize(Policy = Autorisations.GestionMembres)]
    [HttpPost("nouvelle")]
    public async Task<IActionResult> Nouvelle(MissionFormulaire formulaire, CancellationToken annulation)
    {
        (await validateurMission.ValidateAsync(formulaire, annulation)).CopierDans(ModelState);
        var membreId = int.TryParse(formulaire.MembreId, NumberStyles.None, CultureInfo.InvariantCulture, out var m) ? m : (int?)null;
        if (membreId is null || !await db.Membres.AnyAsync(x => x.Id == membreId, annulation))
        {
            ModelState.AddModelError(nameof(MissionFormulaire.MembreId), "Choisissez le membre de la mission.");
        }

        LettreDeMission? mission = null;
        if (ModelState.IsValid && LettreDeMission.Creer(membreId!.Value, formulaire.Contenu(), Auteur, horloge.GetUtcNow(), AujourdHui, out mission) is { } refus)
        {
            ModelState.AddModelError(refus.Champ ?? string.Empty, refus.Message);
        }

        if (!ModelState.IsValid)
        {
            return View("Formulaire", await FormulaireAsync(null, formulaire, annulation));
        }

        db.Missions.Add(mission!);
        await db.SaveChangesAsync(annulation);
        TempData["Succes"] = "La lettre de mission a été créée (brouillon).";
        return Redirect($"/missions/{mission!.Id}");
    }

    [Authorize(Policy = Autorisations.GestionMembres)]
    [HttpGet("{id:int}/modifier")]
    public async Task<IActionResult> Modifier(int id, CancellationToken annulation)
    {
        var mission = await db.Missions.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, annulation);
        return mission is null ? NotFound() : View("Formulaire", await FormulaireAsync(id, MissionFormulaire.Depuis(mission), annulation));
    }

    [Authorize(Policy = Autorisations.GestionMembres)]
    [HttpPost("{id:int}/modifier")]
    public async Task<IActionResult> Modifier(int id, MissionFormulaire formulaire, CancellationToken annulation)
    {
        var mission = await db.Missions.FirstOrDefaultAsync(x => x.Id == id, annulation);
        if (mission is null)
        {
            return NotFound();
        }

        formulaire = formulaire with { MembreId = mission.MembreId.ToString(CultureInfo.InvariantCulture) };
        if ((await validateurMission.ValidateAsync(formulaire, annulation)).CopierDans(ModelState)
            && mission.Modifier(formulaire.Contenu(), Auteur, horloge.GetUtcNow(), AujourdHui) is { } refus)
        {
            ModelState.AddModelError(refus.Champ ?? string.Empty, refus.Message);
        }

        if (!ModelState.IsValid)
        {
            return View("Formulaire", await FormulaireAsync(id, formulaire, annulation));
        }

        await db.SaveChangesAsync(annulation);
        TempData["Succes"] = "La lettre de mission a été modifiée.";
        return Redirect($"/missions/{id}");
    }

    [Authorize(Policy = Autorisations.GestionMembres)]
    [HttpPost("{id:int}/demarrer")]
    public Task<IActionResult> Demarrer(int id, CancellationToken annulation) =>
        ActionDirecteAsync(id, m => m.Demarrer(Auteur, horloge.GetUtcNow(), AujourdHui), "La mission est en cours : le temps peut y être saisi.", annulation);

    [Authorize(Policy = Autorisations.GestionMembres)]
    [HttpPost("{id:int}/terminer")]
    public Task<IActionResult> Terminer(int id, CancellationToken annulation) =>
        ActionDirecteAsync(id, m => m.Terminer(Auteur, horloge.GetUtcNow(), AujourdHui), "La mission est terminée.", annulation);

    [Authorize(Policy = Autorisations.GestionMembres)]
    [HttpPost("{id:int}/annuler")]
    public Task<IActionResult> Annuler(int id, CancellationToken annulation) =>
        ActionDirecteAsync(id, m => m.Annuler(Auteur, horloge.GetUtcNow(), AujourdHui), "La mission est annulée.", annulation);

    [Authorize(Policy = Autorisations.GestionMembres)]
    [HttpGet("{id:int}/saisies/nouvelle")]
    public async Task<IActionResult> NouvelleSaisie(int id, CancellationToken annulation)
    {
        var mission = await db.Missions.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, annulation);
        return mission is null ? NotFound() : View("Saisie", await SaisieModelAsync(mission, new SaisieFormulaire { Date = FormatFr.Date(AujourdHui) }, annulation));
    }

    [Authorize(Policy = Autorisations.GestionMembres)]
    [HttpPost("{id:int}/saisies/nouvelle")]
    public async Task<IActionResult> NouvelleSaisie(int id, SaisieFormulaire formulaire, CancellationToken annulation)
    {
        var mission = await db.Missions.FirstOrDefaultAsync(x => x.Id == id, annulation);
        if (mission is null)
        {
            return NotFound();
        }

        SaisieTemps? saisie = null;
        if ((await validateurSaisie.ValidateAsync(formulaire, annulation)).CopierDans(ModelState)
            && mission.AjouterSaisie(SaisieFr.Date(formulaire.Date)!.Value, SaisieFr.Nombre(formulaire.Jours)!.Value, formulaire.Creneau,
                SaisieFormulaire.Heure(formulaire.HeureDebut), SaisieFormulaire.Heure(formulaire.HeureFin), formulaire.Commentaire,
                Auteur, Auteur, horloge.GetUtcNow(), AujourdHui, out saisie) is { } refus)
        {
            ModelState.AddModelError(refus.Champ ?? string.Empty, refus.Message);
        }

        if (!ModelState.IsValid)
        {
            return View("Saisie", await SaisieModelAsync(mission, formulaire, annulation));
        }

        await db.SaveChangesAsync(annulation);
        TempData["Succes"] = $"{LettreDeMission.JoursFr(saisie!.Jours)} saisi(s) le {FormatFr.Date(saisie.Date)}."
            + (saisie.HorsPlages is { } hors ? $" Saisie signalée hors des plages d'intervention : {hors}." : string.Empty);
        return Redirect($"/missions/{id}#saisies");
    }

    [Authorize(Policy = Autorisations.GestionMembres)]
    [HttpPost("{id:int}/saisies/{saisieId:int}/supprimer")]
    public Task<IActionResult> SupprimerSaisie(int id, int saisieId, CancellationToken annulation) =>
        ActionDirecteAsync(id, m => m.SupprimerSaisie(saisieId, Auteur, horloge.GetUtcNow(), AujourdHui), "La saisie est supprimée (l'historique la garde).", annulation, "#saisies");

    private int Exercice(int? exercice) =>
        exercice is >= Domain.Catalogue.VersionCatalogue.ExerciceMinimal and <= Domain.Catalogue.VersionCatalogue.ExerciceMaximal ? exercice.Value : horloge.ExerciceCourant();

    private IQueryable<MissionEtMembre> Jointure() =>
        db.Missions.AsNoTracking().Join(db.Membres.AsNoTracking(), x => x.MembreId, m => m.Id, (x, m) => new MissionEtMembre { Mission = x, Membre = m });

    private static IQueryable<LigneMission> Projeter(IQueryable<MissionEtMembre> requete) =>
        requete.Select(x => new LigneMission(x.Mission.Id, x.Mission.MembreId, x.Membre.Nom, x.Mission.Objet, x.Mission.Statut, x.Mission.DateDebut, x.Mission.DateFinPrevue,
            x.Mission.JoursPrevus, x.Mission.Saisies.Sum(s => s.DemiJournees), x.Mission.Saisies.Count(s => s.HorsPlages != null)));

    private async Task<DetailMissionModel?> DetailAsync(int id, CancellationToken annulation)
    {
        var mission = await db.Missions.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, annulation);
        if (mission is null)
        {
            return null;
        }

        var membre = await db.Membres.AsNoTracking().Where(m => m.Id == mission.MembreId).Select(m => new MembreMission(m.Id, m.Nom, m.CodeInsee.Valeur)).FirstAsync(annulation);
        return new DetailMissionModel(mission, membre, horloge.ExerciceCourant(), PeutGerer);
    }

    private async Task<FormulaireMissionModel> FormulaireAsync(int? id, MissionFormulaire formulaire, CancellationToken annulation)
    {
        var membres = id is null
            ? await db.Membres.AsNoTracking().OrderBy(m => m.NomRecherche).Select(m => new MembreMission(m.Id, m.Nom, m.CodeInsee.Valeur)).ToListAsync(annulation)
            : [];
        MembreMission? membre = null;
        if (id is not null && int.TryParse(formulaire.MembreId, NumberStyles.None, CultureInfo.InvariantCulture, out var membreId))
        {
            membre = await db.Membres.AsNoTracking().Where(m => m.Id == membreId).Select(m => new MembreMission(m.Id, m.Nom, m.CodeInsee.Valeur)).FirstOrDefaultAsync(annulation);
        }

        return new FormulaireMissionModel(id, formulaire, membres, membre);
    }

    private async Task<SaisieMissionModel> SaisieModelAsync(LettreDeMission mission, SaisieFormulaire formulaire, CancellationToken annulation)
    {
        var membre = await db.Membres.AsNoTracking().Where(m => m.Id == mission.MembreId).Select(m => new MembreMission(m.Id, m.Nom, m.CodeInsee.Valeur)).FirstAsync(annulation);
        return new SaisieMissionModel(mission.Id, mission.Objet, mission.Statut, mission.DateDebut, membre, formulaire);
    }

    /// <summary>A transition without a form (a confirmed button): a refusal comes back on the mission's page.</summary>
    private async Task<IActionResult> ActionDirecteAsync(int id, Func<LettreDeMission, RefusMission?> action, string succes, CancellationToken annulation, string ancre = "")
    {
        var mission = await db.Missions.FirstOrDefaultAsync(x => x.Id == id, annulation);
        if (mission is null)
        {
            return NotFound();
        }

        if (action(mission) is { } refus)
        {
            TempData["Erreur"] = refus.Message;
            return Redirect($"/missions/{id}{ancre}");
        }

        await db.SaveChangesAsync(annulation);
        TempData["Succes"] = succes;
        return Redirect($"/missions/{id}{ancre}");
    }
}

/// <summary>Filters of the list, from the query string (unknown values are ignored by binding).</summary>
public sealed record FiltreMissions
{
    public StatutMission? Statut { get; init; }

    public int? Membre { get; init; }
}

/// <summary>A mission and its member, before projection (filters and sorts stay in SQL).</summary>
public sealed class MissionEtMembre
{
    public required LettreDeMission Mission { get; init; }

    public required Domain.Membres.Membre Membre { get; init; }
}

public sealed record MembreMission(int Id, string Nom, string CodeInsee);

public sealed record LigneMission(int Id, int MembreId, string Nom, string Objet, StatutMission Statut, DateOnly DateDebut, DateOnly DateFinPrevue,
    decimal JoursPrevus, int DemiJournees, int HorsPlages)
{
    public decimal JoursConsommes => DemiJournees / 2m;
}

public sealed record ListeMissionsModel(FiltreMissions Filtre, IReadOnlyList<LigneMission> Lignes, bool PeutGerer);

public sealed record VivierN1Model(SoldesExercice Soldes, string Tri, bool Descendant);

public sealed record MissionsDuMembreModel(MembreMission Membre, int Exercice, SoldesExercice Soldes, SoldeN1? Solde, IReadOnlyList<LigneMission> Missions, bool PeutGerer);

public sealed record DetailMissionModel(LettreDeMission Mission, MembreMission Membre, int Exercice, bool PeutGerer);

public sealed record FormulaireMissionModel(int? Id, MissionFormulaire Formulaire, IReadOnlyList<MembreMission> Membres, MembreMission? Membre);

public sealed record SaisieMissionModel(int Id, string Objet, StatutMission Statut, DateOnly DateDebut, MembreMission Membre, SaisieFormulaire Formulaire);
