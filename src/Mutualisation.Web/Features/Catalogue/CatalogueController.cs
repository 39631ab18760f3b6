using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Mutualisation.Domain.Catalogue;
using Mutualisation.Persistence;
using Mutualisation.Domain.Commun;
using Mutualisation.Web.Infrastructure;

namespace Mutualisation.Web.Features.Catalogue;

/// <summary>
/// Catalogue versions per exercice: the list, one version's page, copy into a draft, parameters and
/// the vote. Read by every signed-in user (a Mairie user sees voted versions only), prepared as
/// drafts and voted by the DSI administrators and finance staff.
/// </summary>
[Authorize(Policy = Autorisations.Connecte)]
[Route("catalogue")]
public sealed class CatalogueController(
    MutualisationDbContext db,
    TimeProvider horloge,
    IValidator<ParametresFormulaire> validateurParametres,
    IValidator<VoteFormulaire> validateurVote) : CatalogueControllerBase(db)
{
    public const int TailleMaximaleAnnexe = VerificationAnnexe.TailleMaximale;

    private DateOnly AujourdHui => horloge.AujourdHui();

    private bool PeutGerer => User.IsInRole(Roles.AdministrateurDSI) || User.IsInRole(Roles.Finance);

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken annulation)
    {
        var versions = await Visibles().AsNoTracking()
            .OrderByDescending(v => v.Exercice).ThenByDescending(v => v.Id)
            .Select(v => new LigneVersion(v.Id, v.Exercice, v.Intitule, v.Statut, v.DeliberationNumero, v.DeliberationLe, v.EnVigueurLe, v.Services.Count))
            .ToListAsync(annulation);
        var lignes = versions.Select(v => v with
        {
            RemplaceeLe = v.Statut == StatutVersion.Votee
                ? VersionCatalogue.RemplaceeLe(v.EnVigueurLe, versions.Where(a => a.Exercice == v.Exercice && a.Statut == StatutVersion.Votee).Select(a => a.EnVigueurLe))
                : null,
        }).ToList();
        return View(Vues + "Index.cshtml", new ListeVersionsModel(lignes, AujourdHui, PeutGerer, AujourdHui.Year + 1));
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Detail(int id, CancellationToken annulation)
    {
        var version = await Visibles().AsNoTracking().AvecTarifs().FirstOrDefaultAsync(v => v.Id == id, annulation);
        if (version is null)
        {
            return NotFound();
        }

        var annexes = await Db.Set<AnnexeCatalogue>().AsNoTracking().Where(a => a.VersionCatalogueId == id)
            .OrderBy(a => a.Id).Select(a => new LigneAnnexe(a.Id, a.Titre, a.NomFichier, a.Taille, a.DeposeeLe)).ToListAsync(annulation);
        var effets = await Db.VersionsCatalogue.AsNoTracking()
            .Where(v => v.Exercice == version.Exercice && v.Statut == StatutVersion.Votee)
            .Select(v => v.EnVigueurLe).ToListAsync(annulation);
        var statut = VersionCatalogue.Libelle(version.Statut, version.EnVigueurLe, AujourdHui, version.EstVotee ? VersionCatalogue.RemplaceeLe(version.EnVigueurLe, effets) : null);
        return View(Vues + "Detail.cshtml", new DetailVersionModel(version, annexes, AujourdHui, PeutGerer && !version.EstVotee, statut));
    }

    [Authorize(Policy = Autorisations.GestionCatalogue)]
    [HttpPost("copier")]
    public async Task<IActionResult> Copier([FromForm] int source, [FromForm] int exercice, CancellationToken annulation)
    {
        var origine = await Db.VersionsCatalogue.AsNoTracking().AvecTarifs().Include(v => v.Annexes).FirstOrDefaultAsync(v => v.Id == source, annulation);
        if (origine is null)
        {
            return NotFound();
        }

        if (exercice < origine.Exercice || exercice > AujourdHui.Year + 2)
        {
            TempData["Erreur"] = $"Une copie se fait vers l'exercice {origine.Exercice} ou un exercice suivant, jusqu'à {AujourdHui.Year + 2}.";
            return Redirect("/catalogue");
        }

        var copie = VersionCatalogue.CopierDe(origine, exercice);
        Db.VersionsCatalogue.Add(copie);
        await Db.SaveChangesAsync(annulation);
        TempData["Succes"] = $"Brouillon {exercice} créé à partir de la version {origine.Exercice} : modifiez-le, puis enregistrez son vote.";
        return Redirect($"/catalogue/{copie.Id}");
    }

    /// <summary>An empty draft, for an EPCI whose first catalogue is entered here (nothing voted to copy yet).</summary>
    [Authorize(Policy = Autorisations.GestionCatalogue)]
    [HttpPost("nouvelle")]
    public async Task<IActionResult> Nouvelle([FromForm] string? exerciceVierge, [FromForm] string? intitule, CancellationToken annulation)
    {
        var maximum = AujourdHui.Year + 2;
        if (!int.TryParse(exerciceVierge?.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var exercice)
            || exercice < VersionCatalogue.ExerciceMinimal || exercice > maximum)
        {
            ModelState.AddModelError(nameof(exerciceVierge), $"L'exercice est une année entre {VersionCatalogue.ExerciceMinimal} et {maximum}.");
        }

        var texte = intitule?.Trim();
        if (texte?.Length > LongueurMaxIntitule)
        {
            ModelState.AddModelError(nameof(intitule), $"L'intitulé ne doit pas dépasser {LongueurMaxIntitule} caractères (reçu {texte.Length}).");
        }
        else if (texte is not null && TexteSaisi.ContientInterdits(texte))
        {
            ModelState.AddModelError(nameof(intitule), "L'intitulé contient des caractères de contrôle ou d'inversion du sens de lecture.");
        }

        if (!ModelState.IsValid)
        {
            return await Index(annulation);
        }

        var brouillon = new VersionCatalogue(exercice);
        brouillon.Parametrer(texte, ReferencePopulation.Totale);
        Db.VersionsCatalogue.Add(brouillon);
        await Db.SaveChangesAsync(annulation);
        TempData["Succes"] = $"Brouillon {exercice} créé, vide : déclarez ses quantités, ajoutez ses services et ses formules, puis enregistrez son vote.";
        return Redirect($"/catalogue/{brouillon.Id}");
    }

    /// <summary>Longest title of a version (the column's length).</summary>
    public const int LongueurMaxIntitule = 200;

    [Authorize(Policy = Autorisations.GestionCatalogue)]
    [HttpPost("{id:int}/supprimer")]
    public async Task<IActionResult> Supprimer(int id, CancellationToken annulation) =>
        await SurBrouillonAsync(id, async version =>
        {
            Db.VersionsCatalogue.Remove(version);
            await Db.SaveChangesAsync(annulation);
            TempData["Succes"] = $"Le brouillon {version.Exercice} a été supprimé.";
            return Redirect("/catalogue");
        });

    [Authorize(Policy = Autorisations.GestionCatalogue)]
    [HttpGet("{id:int}/parametres")]
    public async Task<IActionResult> Parametres(int id) =>
        await SurBrouillonAsync(id, version =>
            Task.FromResult<IActionResult>(View(Vues + "Parametres.cshtml", new FormulaireParametresModel(version.Id, version.Exercice, new ParametresFormulaire { Intitule = version.Intitule, Population = version.Population }))));

    [Authorize(Policy = Autorisations.GestionCatalogue)]
    [HttpPost("{id:int}/parametres")]
    public async Task<IActionResult> Parametres(int id, ParametresFormulaire formulaire, CancellationToken annulation) =>
        await SurBrouillonAsync(id, async version =>
        {
            if (!(await validateurParametres.ValidateAsync(formulaire, annulation)).CopierDans(ModelState))
            {
                return View(Vues + "Parametres.cshtml", new FormulaireParametresModel(version.Id, version.Exercice, formulaire));
            }

            version.Parametrer(formulaire.Intitule, formulaire.Population);
            await Db.SaveChangesAsync(annulation);
            TempData["Succes"] = "Paramètres enregistrés.";
            return Redirect($"/catalogue/{id}");
        });

    [Authorize(Policy = Autorisations.GestionCatalogue)]
    [HttpGet("{id:int}/voter")]
    public async Task<IActionResult> Voter(int id) =>
        await SurBrouillonAsync(id, version =>
            Task.FromResult<IActionResult>(View(Vues + "Vote.cshtml", new FormulaireVoteModel(version.Id, version.Exercice, new VoteFormulaire()))));

    [Authorize(Policy = Autorisations.GestionCatalogue)]
    [HttpPost("{id:int}/voter")]
    public async Task<IActionResult> Voter(int id, VoteFormulaire formulaire, CancellationToken annulation) =>
        await SurBrouillonAsync(id, async version =>
        {
            if ((await validateurVote.ValidateAsync(formulaire, annulation)).CopierDans(ModelState) && SaisieFr.Date(formulaire.Le) > AujourdHui)
            {
                ModelState.AddModelError(nameof(VoteFormulaire.Le), "Une délibération à venir ne s'enregistre pas : enregistrez le vote une fois la délibération prise.");
            }

            if (ModelState.IsValid && await VersionQuiPrendEffetApresAsync(version.Exercice, SaisieFr.Date(formulaire.EnVigueurLe) ?? new DateOnly(version.Exercice, 1, 1), annulation) is { } deja)
            {
                // Two versions in force from the same date would make the price of the exercice depend on the order of the rows.
                ModelState.AddModelError(nameof(VoteFormulaire.EnVigueurLe),
                    $"La version votée par la délibération {deja.Numero} s'applique déjà à l'exercice {version.Exercice} depuis le {FormatFr.Date(deja.Effet)} : un nouveau vote prend effet après cette date (vote en cours d'année).");
            }

            if (ModelState.IsValid)
            {
                try
                {
                    version.Voter(formulaire.Numero!, SaisieFr.Date(formulaire.Le)!.Value, SaisieFr.Date(formulaire.EnVigueurLe));
                    await Db.SaveChangesAsync(annulation);
                    TempData["Succes"] = $"Vote enregistré : la version {version.Exercice} est en vigueur à partir du {FormatFr.Date(version.EnVigueurLe!.Value)} et ne peut plus être modifiée.";
                    return Redirect($"/catalogue/{id}");
                }
                catch (CatalogueException refus)
                {
                    Ajouter(ModelState, refus);
                }
            }

            return View(Vues + "Vote.cshtml", new FormulaireVoteModel(version.Id, version.Exercice, formulaire));
        });

    /// <summary>A version of the exercice already voted that takes effect on or after this date, if any.</summary>
    private async Task<(string? Numero, DateOnly Effet)?> VersionQuiPrendEffetApresAsync(int exercice, DateOnly effet, CancellationToken annulation)
    {
        var deja = await Db.VersionsCatalogue.AsNoTracking()
            .Where(v => v.Exercice == exercice && v.Statut == StatutVersion.Votee && v.EnVigueurLe >= effet)
            .OrderBy(v => v.EnVigueurLe)
            .Select(v => new { v.DeliberationNumero, v.EnVigueurLe })
            .FirstOrDefaultAsync(annulation);
        return deja is null ? null : (deja.DeliberationNumero, deja.EnVigueurLe!.Value);
    }
}

public sealed record LigneVersion(int Id, int Exercice, string? Intitule, StatutVersion Statut, string? DeliberationNumero, DateOnly? DeliberationLe, DateOnly? EnVigueurLe, int NombreServices)
{
    /// <summary>The date of effect of a later vote of the same exercice, if any.</summary>
    public DateOnly? RemplaceeLe { get; init; }

    public string StatutA(DateOnly aujourdHui) => VersionCatalogue.Libelle(Statut, EnVigueurLe, aujourdHui, RemplaceeLe);
}

public sealed record ListeVersionsModel(IReadOnlyList<LigneVersion> Versions, DateOnly AujourdHui, bool PeutGerer, int ExerciceSuivant);

public sealed record LigneAnnexe(int Id, string Titre, string NomFichier, int Taille, DateTimeOffset DeposeeLe);

public sealed record DetailVersionModel(VersionCatalogue Version, IReadOnlyList<LigneAnnexe> Annexes, DateOnly AujourdHui, bool Modifiable, string Statut);

public sealed record FormulaireParametresModel(int VersionId, int Exercice, ParametresFormulaire Formulaire);

public sealed record FormulaireVoteModel(int VersionId, int Exercice, VoteFormulaire Formulaire);
