using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Mutualisation.Domain.Catalogue;
using Mutualisation.Domain.Commun;
using Mutualisation.Persistence;
using Mutualisation.Web.Infrastructure;

namespace Mutualisation.Web.Features.Catalogue;

/// <summary>
/// Catalogue versions per exercice: read by every signed-in user (a Mairie user sees voted versions
/// only), prepared as drafts and voted by the DSI administrators and finance staff.
/// </summary>
[Authorize(Policy = Autorisations.Connecte)]
[Route("catalogue")]
public sealed class CatalogueController(
    MutualisationDbContext db,
    TimeProvider horloge,
    IValidator<ParametresFormulaire> validateurParametres,
    IValidator<VoteFormulaire> validateurVote,
    IValidator<ServiceFormulaire> validateurService,
    IValidator<ComposanteFormulaire> validateurComposante,
    IValidator<FormuleFormulaire> validateurFormule) : Controller
{
    public const int TailleMaximaleAnnexe = VerificationAnnexe.TailleMaximale;
    private const string Vues = "/Features/Catalogue/Views/";

    private DateOnly AujourdHui => horloge.AujourdHui();

    private bool PeutGerer => User.IsInRole(Roles.AdministrateurDSI) || User.IsInRole(Roles.Finance);

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken annulation)
    {
        var versions = await Visibles().AsNoTracking()
            .OrderByDescending(v => v.Exercice).ThenByDescending(v => v.Id)
            .Select(v => new LigneVersion(v.Id, v.Exercice, v.Intitule, v.Statut, v.DeliberationNumero, v.DeliberationLe, v.EnVigueurLe, v.Services.Count))
            .ToListAsync(annulation);
        return View(Vues + "Index.cshtml", new ListeVersionsModel(versions, AujourdHui, PeutGerer, AujourdHui.Year + 1));
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Detail(int id, CancellationToken annulation)
    {
        var version = await Visibles().AsNoTracking().AvecTarifs().FirstOrDefaultAsync(v => v.Id == id, annulation);
        if (version is null)
        {
            return NotFound();
        }

        var annexes = await db.Set<AnnexeCatalogue>().AsNoTracking().Where(a => a.VersionCatalogueId == id)
            .OrderBy(a => a.Id).Select(a => new LigneAnnexe(a.Id, a.Titre, a.NomFichier, a.Taille, a.DeposeeLe)).ToListAsync(annulation);
        return View(Vues + "Detail.cshtml", new DetailVersionModel(version, annexes, AujourdHui, PeutGerer && !version.EstVotee));
    }

    [Authorize(Policy = Autorisations.GestionCatalogue)]
    [HttpPost("copier")]
    public async Task<IActionResult> Copier([FromForm] int source, [FromForm] int exercice, CancellationToken annulation)
    {
        var origine = await db.VersionsCatalogue.AsNoTracking().AvecTarifs().Include(v => v.Annexes).FirstOrDefaultAsync(v => v.Id == source, annulation);
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
        db.VersionsCatalogue.Add(copie);
        await db.SaveChangesAsync(annulation);
        TempData["Succes"] = $"Brouillon {exercice} créé à partir de la version {origine.Exercice} : modifiez-le, puis enregistrez son vote.";
        return Redirect($"/catalogue/{copie.Id}");
    }

    [Authorize(Policy = Autorisations.GestionCatalogue)]
    [HttpPost("{id:int}/supprimer")]
    public async Task<IActionResult> Supprimer(int id, CancellationToken annulation) =>
        await SurBrouillonAsync(id, async version =>
        {
            db.VersionsCatalogue.Remove(version);
            await db.SaveChangesAsync(annulation);
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
            await db.SaveChangesAsync(annulation);
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

            if (ModelState.IsValid)
            {
                var refus = version.Voter(formulaire.Numero!, SaisieFr.Date(formulaire.Le)!.Value, SaisieFr.Date(formulaire.EnVigueurLe));
                if (refus is null)
                {
                    await db.SaveChangesAsync(annulation);
                    TempData["Succes"] = $"Vote enregistré : la version {version.Exercice} est en vigueur à partir du {FormatFr.Date(version.EnVigueurLe!.Value)} et ne peut plus être modifiée.";
                    return Redirect($"/catalogue/{id}");
                }

                ModelState.AddModelError(refus.Contains("date d'effet", StringComparison.Ordinal) ? nameof(VoteFormulaire.EnVigueurLe) : nameof(VoteFormulaire.Le), refus);
            }

            return View(Vues + "Vote.cshtml", new FormulaireVoteModel(version.Id, version.Exercice, formulaire));
        });

    [Authorize(Policy = Autorisations.GestionCatalogue)]
    [HttpGet("{id:int}/services/nouveau")]
    public async Task<IActionResult> NouveauService(int id) =>
        await SurBrouillonAsync(id, version =>
            Task.FromResult<IActionResult>(View(Vues + "Service.cshtml", new FormulaireServiceModel(version.Id, version.Exercice, null, new ServiceFormulaire()))));

    [Authorize(Policy = Autorisations.GestionCatalogue)]
    [HttpPost("{id:int}/services/nouveau")]
    public async Task<IActionResult> NouveauService(int id, ServiceFormulaire formulaire, CancellationToken annulation) =>
        await SurBrouillonAsync(id, async version =>
        {
            if (!await ValiderServiceAsync(version, formulaire, null, annulation))
            {
                return View(Vues + "Service.cshtml", new FormulaireServiceModel(version.Id, version.Exercice, null, formulaire));
            }

            var service = version.AjouterService(formulaire.Donnees());
            await db.SaveChangesAsync(annulation);
            TempData["Succes"] = $"Service « {service.Libelle} » ajouté : définissez maintenant son tarif.";
            return Redirect($"/catalogue/{id}/services/{service.Id}/composantes/nouvelle");
        });

    [Authorize(Policy = Autorisations.GestionCatalogue)]
    [HttpGet("{id:int}/services/{serviceId:int}/modifier")]
    public async Task<IActionResult> ModifierService(int id, int serviceId) =>
        await SurServiceAsync(id, serviceId, (version, service) =>
            Task.FromResult<IActionResult>(View(Vues + "Service.cshtml", new FormulaireServiceModel(version.Id, version.Exercice, service.Id, ServiceFormulaire.Depuis(service)))));

    [Authorize(Policy = Autorisations.GestionCatalogue)]
    [HttpPost("{id:int}/services/{serviceId:int}/modifier")]
    public async Task<IActionResult> ModifierService(int id, int serviceId, ServiceFormulaire formulaire, CancellationToken annulation) =>
        await SurServiceAsync(id, serviceId, async (version, service) =>
        {
            if (!await ValiderServiceAsync(version, formulaire, service, annulation))
            {
                return View(Vues + "Service.cshtml", new FormulaireServiceModel(version.Id, version.Exercice, service.Id, formulaire));
            }

            version.ModifierService(service, formulaire.Donnees());
            await db.SaveChangesAsync(annulation);
            TempData["Succes"] = $"Service « {service.Libelle} » modifié.";
            return Redirect($"/catalogue/{id}#service-{service.Id}");
        });

    [Authorize(Policy = Autorisations.GestionCatalogue)]
    [HttpPost("{id:int}/services/{serviceId:int}/supprimer")]
    public async Task<IActionResult> SupprimerService(int id, int serviceId, CancellationToken annulation) =>
        await SurServiceAsync(id, serviceId, async (version, service) =>
        {
            version.SupprimerService(service);
            await db.SaveChangesAsync(annulation);
            TempData["Succes"] = $"Service « {service.Libelle} » retiré du brouillon.";
            return Redirect($"/catalogue/{id}");
        });

    [Authorize(Policy = Autorisations.GestionCatalogue)]
    [HttpGet("{id:int}/services/{serviceId:int}/composantes/nouvelle")]
    public async Task<IActionResult> NouvelleComposante(int id, int serviceId) =>
        await SurServiceAsync(id, serviceId, (version, service) =>
            Task.FromResult<IActionResult>(VueComposante(version, service, null, new ComposanteFormulaire())));

    [Authorize(Policy = Autorisations.GestionCatalogue)]
    [HttpPost("{id:int}/services/{serviceId:int}/composantes/nouvelle")]
    public async Task<IActionResult> NouvelleComposante(int id, int serviceId, ComposanteFormulaire formulaire, CancellationToken annulation) =>
        await EnregistrerComposanteAsync(id, serviceId, null, formulaire, annulation);

    [Authorize(Policy = Autorisations.GestionCatalogue)]
    [HttpGet("{id:int}/services/{serviceId:int}/composantes/{index:int}/modifier")]
    public async Task<IActionResult> ModifierComposante(int id, int serviceId, int index) =>
        await SurServiceAsync(id, serviceId, (version, service) =>
            Task.FromResult<IActionResult>(service.Composantes.ElementAtOrDefault(index) is { } composante
                ? VueComposante(version, service, index, ComposanteFormulaire.Depuis(composante))
                : NotFound()));

    [Authorize(Policy = Autorisations.GestionCatalogue)]
    [HttpPost("{id:int}/services/{serviceId:int}/composantes/{index:int}/modifier")]
    public async Task<IActionResult> ModifierComposante(int id, int serviceId, int index, ComposanteFormulaire formulaire, CancellationToken annulation) =>
        await EnregistrerComposanteAsync(id, serviceId, index, formulaire, annulation);

    [Authorize(Policy = Autorisations.GestionCatalogue)]
    [HttpPost("{id:int}/services/{serviceId:int}/composantes/{index:int}/supprimer")]
    public async Task<IActionResult> SupprimerComposante(int id, int serviceId, int index, CancellationToken annulation) =>
        await SurServiceAsync(id, serviceId, async (version, service) =>
        {
            if (service.Composantes.ElementAtOrDefault(index) is null)
            {
                return NotFound();
            }

            version.SupprimerComposante(service, index);
            await db.SaveChangesAsync(annulation);
            TempData["Succes"] = "Composante supprimée.";
            return Redirect($"/catalogue/{id}#service-{serviceId}");
        });

    [Authorize(Policy = Autorisations.GestionCatalogue)]
    [HttpGet("{id:int}/formules/nouvelle")]
    public async Task<IActionResult> NouvelleFormule(int id) =>
        await SurBrouillonAsync(id, version =>
            Task.FromResult<IActionResult>(View(Vues + "Formule.cshtml", new FormulaireFormuleModel(version.Id, version.Exercice, version.Services.Select(s => s.Code).ToList(), new FormuleFormulaire()))));

    [Authorize(Policy = Autorisations.GestionCatalogue)]
    [HttpPost("{id:int}/formules/nouvelle")]
    public async Task<IActionResult> NouvelleFormule(int id, FormuleFormulaire formulaire, CancellationToken annulation) =>
        await SurBrouillonAsync(id, async version =>
        {
            if ((await validateurFormule.ValidateAsync(formulaire, annulation)).CopierDans(ModelState))
            {
                try
                {
                    version.AjouterFormule(new FormuleCatalogue(formulaire.Code!.Trim(), formulaire.Libelle!.Trim(), formulaire.CodesServices));
                    await db.SaveChangesAsync(annulation);
                    TempData["Succes"] = $"Formule « {formulaire.Libelle!.Trim()} » ajoutée.";
                    return Redirect($"/catalogue/{id}#formules");
                }
                catch (CatalogueException refus)
                {
                    ModelState.AddModelError(refus.Message.StartsWith("La formule", StringComparison.Ordinal) ? nameof(FormuleFormulaire.Code) : nameof(FormuleFormulaire.Services), refus.Message);
                }
            }

            return View(Vues + "Formule.cshtml", new FormulaireFormuleModel(version.Id, version.Exercice, version.Services.Select(s => s.Code).ToList(), formulaire));
        });

    [Authorize(Policy = Autorisations.GestionCatalogue)]
    [HttpPost("{id:int}/formules/{formuleId:int}/supprimer")]
    public async Task<IActionResult> SupprimerFormule(int id, int formuleId, CancellationToken annulation) =>
        await SurBrouillonAsync(id, async version =>
        {
            var formule = version.Formules.FirstOrDefault(f => f.Id == formuleId);
            if (formule is null)
            {
                return NotFound();
            }

            version.SupprimerFormule(formule);
            await db.SaveChangesAsync(annulation);
            TempData["Succes"] = $"Formule « {formule.Libelle} » retirée.";
            return Redirect($"/catalogue/{id}#formules");
        });

    [Authorize(Policy = Autorisations.GestionCatalogue)]
    [HttpPost("{id:int}/annexes")]
    [RequestSizeLimit(TailleMaximaleAnnexe + 100_000)]
    public async Task<IActionResult> DeposerAnnexe(int id, [FromForm] string? titre, IFormFile? fichier, CancellationToken annulation)
    {
        // The other annexes (their contents) need not be read to add one.
        var version = await db.VersionsCatalogue.FirstOrDefaultAsync(v => v.Id == id, annulation);
        if (version is null)
        {
            return NotFound();
        }

        var refus = await VerificationAnnexe.LireAsync(titre, fichier, annulation);
        if (refus.Erreur is not null || version.EstVotee)
        {
            TempData["Erreur"] = refus.Erreur ?? "La version est votée : ses annexes ne changent plus.";
            return Redirect($"/catalogue/{id}#annexes");
        }

        version.AjouterAnnexe(titre!.Trim(), refus.NomFichier, refus.Type!, refus.Contenu!, horloge.GetUtcNow());
        await db.SaveChangesAsync(annulation);
        TempData["Succes"] = $"Annexe « {titre.Trim()} » déposée.";
        return Redirect($"/catalogue/{id}#annexes");
    }

    [HttpGet("{id:int}/annexes/{annexeId:int}")]
    public async Task<IActionResult> Annexe(int id, int annexeId, CancellationToken annulation)
    {
        if (!await Visibles().AnyAsync(v => v.Id == id, annulation))
        {
            return NotFound();
        }

        var annexe = await db.Set<AnnexeCatalogue>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == annexeId && a.VersionCatalogueId == id, annulation);
        // Names stored before they were cleaned on upload are cleaned again on the way out.
        return annexe is null ? NotFound() : File(annexe.Contenu, annexe.TypeContenu, NomDeFichier.Nettoyer(annexe.NomFichier));
    }

    [Authorize(Policy = Autorisations.GestionCatalogue)]
    [HttpPost("{id:int}/annexes/{annexeId:int}/supprimer")]
    public async Task<IActionResult> SupprimerAnnexe(int id, int annexeId, CancellationToken annulation)
    {
        var version = await db.VersionsCatalogue.Include(v => v.Annexes.Where(a => a.Id == annexeId)).FirstOrDefaultAsync(v => v.Id == id, annulation);
        var annexe = version?.Annexes.FirstOrDefault(a => a.Id == annexeId);
        if (version is null || annexe is null)
        {
            return NotFound();
        }

        if (version.EstVotee)
        {
            TempData["Erreur"] = "La version est votée : ses annexes ne changent plus.";
            return Redirect($"/catalogue/{id}#annexes");
        }

        version.SupprimerAnnexe(annexe);
        await db.SaveChangesAsync(annulation);
        TempData["Succes"] = $"Annexe « {annexe.Titre} » retirée.";
        return Redirect($"/catalogue/{id}#annexes");
    }

    private async Task<IActionResult> EnregistrerComposanteAsync(int id, int serviceId, int? index, ComposanteFormulaire formulaire, CancellationToken annulation) =>
        await SurServiceAsync(id, serviceId, async (version, service) =>
        {
            if (index is { } i && service.Composantes.ElementAtOrDefault(i) is null)
            {
                return NotFound();
            }

            if (!(await validateurComposante.ValidateAsync(formulaire, annulation)).CopierDans(ModelState))
            {
                return VueComposante(version, service, index, formulaire);
            }

            version.DefinirComposante(service, index, formulaire.VersComposante());
            await db.SaveChangesAsync(annulation);
            TempData["Succes"] = $"Tarif de « {service.Libelle} » enregistré.";
            return Redirect($"/catalogue/{id}#service-{serviceId}");
        });

    private ViewResult VueComposante(VersionCatalogue version, ServiceCatalogue service, int? index, ComposanteFormulaire formulaire) =>
        View(Vues + "Composante.cshtml", new FormulaireComposanteModel(version.Id, version.Exercice, service.Id, service.Libelle, index, formulaire.AvecLignesVides()));

    private async Task<bool> ValiderServiceAsync(VersionCatalogue version, ServiceFormulaire formulaire, ServiceCatalogue? service, CancellationToken annulation)
    {
        if (!(await validateurService.ValidateAsync(formulaire, annulation)).CopierDans(ModelState))
        {
            return false;
        }

        var code = formulaire.Code!.Trim().ToUpperInvariant();
        var autres = version.Services.Where(s => s != service).Select(s => s.Code).ToHashSet(StringComparer.Ordinal);
        if (autres.Contains(code))
        {
            ModelState.AddModelError(nameof(ServiceFormulaire.Code), $"Le code « {code} » est déjà utilisé dans cette version.");
        }

        var inconnus = formulaire.CodesExoneration.Where(c => !autres.Contains(c)).ToList();
        if (inconnus.Count > 0)
        {
            ModelState.AddModelError(nameof(ServiceFormulaire.ExonereSiAbonneA), $"Code(s) absent(s) de cette version : {string.Join(", ", inconnus)}.");
        }

        if (!SaisieFr.EstVide(formulaire.DeductionCodeService) && !autres.Contains(formulaire.DeductionCodeService!.Trim().ToUpperInvariant()))
        {
            ModelState.AddModelError(nameof(ServiceFormulaire.DeductionCodeService), $"Le service « {formulaire.DeductionCodeService} » n'existe pas dans cette version.");
        }

        return ModelState.IsValid;
    }

    /// <summary>EPCI staff read drafts too; anyone else (a Mairie user, a user without a role) reads voted versions only.</summary>
    private IQueryable<VersionCatalogue> Visibles() =>
        Roles.Intercommunaux.Any(User.IsInRole)
            ? db.VersionsCatalogue
            : db.VersionsCatalogue.Where(v => v.Statut == StatutVersion.Votee);

    private async Task<IActionResult> SurBrouillonAsync(int id, Func<VersionCatalogue, Task<IActionResult>> action)
    {
        var version = await db.VersionsCatalogue.AvecTarifs().FirstOrDefaultAsync(v => v.Id == id, HttpContext.RequestAborted);
        if (version is null)
        {
            return NotFound();
        }

        if (version.EstVotee)
        {
            TempData["Erreur"] = $"La version {version.Exercice} est votée ({version.DeliberationNumero}) : elle est en lecture seule. Copiez-la dans un brouillon pour préparer la suivante.";
            return Redirect($"/catalogue/{id}");
        }

        return await action(version);
    }

    private Task<IActionResult> SurServiceAsync(int id, int serviceId, Func<VersionCatalogue, ServiceCatalogue, Task<IActionResult>> action) =>
        SurBrouillonAsync(id, version =>
            version.Services.FirstOrDefault(s => s.Id == serviceId) is { } service ? action(version, service) : Task.FromResult<IActionResult>(NotFound()));
}

public sealed record LigneVersion(int Id, int Exercice, string? Intitule, StatutVersion Statut, string? DeliberationNumero, DateOnly? DeliberationLe, DateOnly? EnVigueurLe, int NombreServices)
{
    public string StatutA(DateOnly aujourdHui) => VersionCatalogue.Libelle(Statut, EnVigueurLe, aujourdHui);
}

public sealed record ListeVersionsModel(IReadOnlyList<LigneVersion> Versions, DateOnly AujourdHui, bool PeutGerer, int ExerciceSuivant);

public sealed record LigneAnnexe(int Id, string Titre, string NomFichier, int Taille, DateTimeOffset DeposeeLe);

public sealed record DetailVersionModel(VersionCatalogue Version, IReadOnlyList<LigneAnnexe> Annexes, DateOnly AujourdHui, bool Modifiable);

public sealed record FormulaireParametresModel(int VersionId, int Exercice, ParametresFormulaire Formulaire);

public sealed record FormulaireVoteModel(int VersionId, int Exercice, VoteFormulaire Formulaire);

public sealed record FormulaireServiceModel(int VersionId, int Exercice, int? ServiceId, ServiceFormulaire Formulaire);

public sealed record FormulaireFormuleModel(int VersionId, int Exercice, IReadOnlyList<string> Services, FormuleFormulaire Formulaire);

public sealed record FormulaireComposanteModel(int VersionId, int Exercice, int ServiceId, string Service, int? Index, ComposanteFormulaire Formulaire);
