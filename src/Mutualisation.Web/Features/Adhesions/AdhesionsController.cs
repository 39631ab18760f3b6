using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Mutualisation.Billing;
using Mutualisation.Domain.Adhesions;
using Mutualisation.Domain.Conventions;
using Mutualisation.Persistence;
using Mutualisation.Web.Features.Tarifs;
using Mutualisation.Web.Infrastructure;

namespace Mutualisation.Web.Features.Adhesions;

/// <summary>
/// A member's adhésion: its Art. 8 choices (Redon) and its subscriptions to catalogue services (CCCF), with their
/// history. Read by every signed-in user (a Mairie user only her own commune's: another's answers 404 by the query
/// filter); recorded and changed by the DSI (<see cref="Autorisations.GestionMembres"/>), through the methods of
/// <see cref="Adhesion"/>, whose refusals come back beside their field.
/// </summary>
[Authorize(Policy = Autorisations.Connecte)]
[Route("membres/{id:int}/adhesion")]
public sealed class AdhesionsController(
    MutualisationDbContext db,
    TimeProvider horloge,
    TarifsDeLExercice tarifs,
    IValidator<ChoixFormulaire> validateurChoix,
    IValidator<SouscriptionFormulaire> validateurSouscription,
    IValidator<QuantiteSouscriptionFormulaire> validateurQuantite,
    IValidator<FinSouscriptionFormulaire> validateurFin) : Controller
{
    private DateOnly AujourdHui => horloge.AujourdHui();

    private Auteur Auteur => User.Auteur();

    [HttpGet("")]
    public async Task<IActionResult> Index(int id, CancellationToken annulation)
    {
        var membre = await MembreAsync(id, annulation);
        if (membre is null)
        {
            return NotFound();
        }

        var adhesion = await db.Set<Adhesion>().AsNoTracking().AsSplitQuery().FirstOrDefaultAsync(a => a.MembreId == id, annulation);
        var (convention, cadre) = await CadreAsync(id, annulation);
        return View(new PageAdhesion(membre, convention, cadre, adhesion, tarifs.ExerciceCourant, AujourdHui));
    }

    [Authorize(Policy = Autorisations.GestionMembres)]
    [HttpGet("formule")]
    public async Task<IActionResult> Formule(int id, CancellationToken annulation)
    {
        var membre = await MembreAsync(id, annulation);
        if (membre is null)
        {
            return NotFound();
        }

        var adhesion = await db.Set<Adhesion>().AsNoTracking().AsSplitQuery().FirstOrDefaultAsync(a => a.MembreId == id, annulation);
        var formulaire = new ChoixFormulaire
        {
            ActeNature = adhesion?.DernierChoix is null ? NatureActe.Deliberation : NatureActe.Decision,
            DateEffet = FormatFr.Date(AujourdHui),
        };
        return View(await FormulaireFormuleAsync(membre, adhesion, formulaire, annulation));
    }

    [Authorize(Policy = Autorisations.GestionMembres)]
    [HttpPost("formule")]
    public async Task<IActionResult> Formule(int id, ChoixFormulaire formulaire, CancellationToken annulation)
    {
        var membre = await MembreAsync(id, annulation);
        if (membre is null)
        {
            return NotFound();
        }

        var adhesion = await db.Set<Adhesion>().AsSplitQuery().FirstOrDefaultAsync(a => a.MembreId == id, annulation);
        if ((await validateurChoix.ValidateAsync(formulaire, annulation)).CopierDans(ModelState))
        {
            var dateEffet = SaisieFr.Date(formulaire.DateEffet)!.Value;
            var tarif = await TarifPourAsync(dateEffet.Year, annulation);
            var formule = tarif?.Formule(formulaire.CodeFormule);
            if (formule is null)
            {
                ModelState.AddModelError(nameof(ChoixFormulaire.CodeFormule), tarif is null
                    ? "Aucun catalogue voté : votez d'abord le catalogue de l'exercice."
                    : $"Formule inconnue du catalogue {tarif.Exercice} (reçu « {SaisieFr.Extrait(formulaire.CodeFormule!)} »).");
            }
            else
            {
                var (_, cadre) = await CadreAsync(id, annulation);
                adhesion ??= db.Set<Adhesion>().Add(new Adhesion(id)).Entity;
                if (adhesion.ChoisirFormule(formule.Code, formule.Libelle, tarif!.ADeduction(formule), dateEffet, formulaire.Acte(), cadre, Auteur, horloge.GetUtcNow()) is { } refus)
                {
                    ModelState.AddModelError(refus.Champ ?? string.Empty, refus.Message);
                }
            }
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            db.ChangeTracker.Clear();
            var lue = await db.Set<Adhesion>().AsNoTracking().AsSplitQuery().FirstOrDefaultAsync(a => a.MembreId == id, annulation);
            return View(await FormulaireFormuleAsync(membre, lue, formulaire, annulation));
        }

        await db.SaveChangesAsync(annulation);
        TempData["Succes"] = "Le choix de l'article 8 est enregistré.";
        return Redirect($"/membres/{id}/adhesion");
    }

    [Authorize(Policy = Autorisations.GestionMembres)]
    [HttpGet("services/nouveau")]
    public async Task<IActionResult> NouveauService(int id, CancellationToken annulation)
    {
        var membre = await MembreAsync(id, annulation);
        if (membre is null)
        {
            return NotFound();
        }

        var premier = new DateOnly(AujourdHui.Year, AujourdHui.Month, 1).AddMonths(1);
        return View("Service", await FormulaireServiceAsync(membre, new SouscriptionFormulaire { Debut = FormatFr.Date(premier) }, annulation));
    }

    [Authorize(Policy = Autorisations.GestionMembres)]
    [HttpPost("services/nouveau")]
    public async Task<IActionResult> NouveauService(int id, SouscriptionFormulaire formulaire, CancellationToken annulation)
    {
        var membre = await MembreAsync(id, annulation);
        if (membre is null)
        {
            return NotFound();
        }

        if ((await validateurSouscription.ValidateAsync(formulaire, annulation)).CopierDans(ModelState))
        {
            var debut = SaisieFr.Date(formulaire.Debut)!.Value;
            var tarif = await TarifPourAsync(debut.Year, annulation);
            var service = tarif?.Catalogue.Services.FirstOrDefault(s => s.Code == formulaire.CodeService!.Trim());
            if (service is null)
            {
                ModelState.AddModelError(nameof(SouscriptionFormulaire.CodeService), tarif is null
                    ? "Aucun catalogue voté : votez d'abord le catalogue de l'exercice."
                    : $"Service inconnu du catalogue {tarif.Exercice} (reçu « {SaisieFr.Extrait(formulaire.CodeService!)} »).");
            }
            else
            {
                var demandee = QuantiteDuService(tarif!, service);
                var valeur = SaisieFr.Nombre(formulaire.Quantite);
                if (demandee is not null && valeur is null)
                {
                    ModelState.AddModelError(nameof(SouscriptionFormulaire.Quantite), $"Ce service est tarifé sur la quantité « {demandee.Libelle} » : indiquez-la (en {demandee.UnitePluriel}).");
                }
                else if (demandee is null && valeur is not null)
                {
                    ModelState.AddModelError(nameof(SouscriptionFormulaire.Quantite), "Ce service n'est pas tarifé sur une quantité : laissez le champ vide.");
                }
                else if (demandee is not null && demandee.Type == Domain.Catalogue.TypeQuantite.Entiere && valeur != decimal.Truncate(valeur!.Value))
                {
                    ModelState.AddModelError(nameof(SouscriptionFormulaire.Quantite), $"La quantité « {demandee.Libelle} » est un nombre entier.");
                }
                else
                {
                    var (_, cadre) = await CadreAsync(id, annulation);
                    var adhesion = await db.Set<Adhesion>().AsSplitQuery().FirstOrDefaultAsync(a => a.MembreId == id, annulation)
                        ?? db.Set<Adhesion>().Add(new Adhesion(id)).Entity;
                    var quantite = demandee is null ? null : new QuantiteInitiale(demandee.Code, valeur!.Value);
                    if (adhesion.Souscrire(service.Code, service.Libelle, debut, SaisieFr.Date(formulaire.Fin), formulaire.Acte(), quantite, cadre, Auteur, horloge.GetUtcNow()) is { } refus)
                    {
                        ModelState.AddModelError(refus.Champ ?? string.Empty, refus.Message);
                    }
                }
            }
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            db.ChangeTracker.Clear();
            return View("Service", await FormulaireServiceAsync(membre, formulaire, annulation));
        }

        await db.SaveChangesAsync(annulation);
        TempData["Succes"] = "L'abonnement au service est enregistré.";
        return Redirect($"/membres/{id}/adhesion");
    }

    [Authorize(Policy = Autorisations.GestionMembres)]
    [HttpGet("services/{souscriptionId:int}/quantite")]
    public async Task<IActionResult> Quantite(int id, int souscriptionId, CancellationToken annulation)
    {
        var page = await PageQuantiteAsync(id, souscriptionId, new QuantiteSouscriptionFormulaire(), annulation);
        return page is null ? NotFound() : View(page);
    }

    [Authorize(Policy = Autorisations.GestionMembres)]
    [HttpPost("services/{souscriptionId:int}/quantite")]
    public async Task<IActionResult> Quantite(int id, int souscriptionId, QuantiteSouscriptionFormulaire formulaire, CancellationToken annulation)
    {
        var adhesion = await db.Set<Adhesion>().AsSplitQuery().FirstOrDefaultAsync(a => a.MembreId == id, annulation);
        if (adhesion?.Souscriptions.Any(s => s.Id == souscriptionId) != true)
        {
            return NotFound();
        }

        if ((await validateurQuantite.ValidateAsync(formulaire, annulation)).CopierDans(ModelState)
            && adhesion.ChangerQuantite(souscriptionId, SaisieFr.Date(formulaire.Depuis)!.Value, SaisieFr.Nombre(formulaire.Valeur)!.Value, Auteur, horloge.GetUtcNow()) is { } refus)
        {
            ModelState.AddModelError(refus.Champ ?? string.Empty, refus.Message);
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            db.ChangeTracker.Clear();
            return View(await PageQuantiteAsync(id, souscriptionId, formulaire, annulation));
        }

        await db.SaveChangesAsync(annulation);
        TempData["Succes"] = "La nouvelle quantité est enregistrée.";
        return Redirect($"/membres/{id}/adhesion#services");
    }

    [Authorize(Policy = Autorisations.GestionMembres)]
    [HttpGet("services/{souscriptionId:int}/fin")]
    public async Task<IActionResult> Fin(int id, int souscriptionId, CancellationToken annulation)
    {
        var page = await PageFinAsync(id, souscriptionId, new FinSouscriptionFormulaire(), annulation);
        return page is null ? NotFound() : View(page);
    }

    [Authorize(Policy = Autorisations.GestionMembres)]
    [HttpPost("services/{souscriptionId:int}/fin")]
    public async Task<IActionResult> Fin(int id, int souscriptionId, FinSouscriptionFormulaire formulaire, CancellationToken annulation)
    {
        var adhesion = await db.Set<Adhesion>().AsSplitQuery().FirstOrDefaultAsync(a => a.MembreId == id, annulation);
        if (adhesion?.Souscriptions.Any(s => s.Id == souscriptionId) != true)
        {
            return NotFound();
        }

        if ((await validateurFin.ValidateAsync(formulaire, annulation)).CopierDans(ModelState)
            && adhesion.Terminer(souscriptionId, SaisieFr.Date(formulaire.Fin)!.Value, formulaire.Acte(), AujourdHui) is { } refus)
        {
            ModelState.AddModelError(refus.Champ ?? string.Empty, refus.Message);
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            db.ChangeTracker.Clear();
            return View(await PageFinAsync(id, souscriptionId, formulaire, annulation));
        }

        await db.SaveChangesAsync(annulation);
        TempData["Succes"] = "La fin de l'abonnement est enregistrée.";
        return Redirect($"/membres/{id}/adhesion#services");
    }

    private async Task<PageFinModel?> PageFinAsync(int id, int souscriptionId, FinSouscriptionFormulaire formulaire, CancellationToken annulation)
    {
        var membre = await MembreAsync(id, annulation);
        var adhesion = membre is null ? null : await db.Set<Adhesion>().AsNoTracking().AsSplitQuery().FirstOrDefaultAsync(a => a.MembreId == id, annulation);
        var souscription = adhesion?.Souscriptions.FirstOrDefault(s => s.Id == souscriptionId);
        return souscription is null ? null : new PageFinModel(membre!, souscription, formulaire);
    }

    private Task<MembreAdhesion?> MembreAsync(int id, CancellationToken annulation) =>
        db.Membres.AsNoTracking().Where(m => m.Id == id).Select(m => new MembreAdhesion(m.Id, m.Nom, m.CodeInsee.Valeur)).FirstOrDefaultAsync(annulation);

    /// <summary>The member's latest convention with an effective date, and what the aggregate needs to check a new choice.</summary>
    private async Task<(ConventionAdhesion? Convention, CadreAdhesion Cadre)> CadreAsync(int membreId, CancellationToken annulation)
    {
        var convention = await db.Conventions.AsNoTracking()
            .Where(c => c.MembreId == membreId && c.Statut != StatutConvention.Brouillon && c.DateEffet != null)
            .OrderByDescending(c => c.DateEffet)
            .Select(c => new ConventionAdhesion(c.Id, c.Modele, c.Statut, c.DateEffet, c.DateSortie))
            .FirstOrDefaultAsync(annulation);
        var audits = await db.Audits.AsNoTracking().Where(a => a.MembreId == membreId && a.RapportLivreLe != null).Select(a => a.RapportLivreLe!.Value).ToListAsync(annulation);
        // The first report: a choice needs one delivered on or before its date d'effet, and the first is the one that can be.
        DateOnly? audit = audits.Count == 0 ? null : audits.Min();
        return (convention, new CadreAdhesion(convention?.DateEffet, convention?.DateSortie, audit, AujourdHui));
    }

    /// <summary>The voted version pricing the exercice of a date, else the current exercice's.</summary>
    private async Task<ExerciceTarifaire?> TarifPourAsync(int exercice, CancellationToken annulation) =>
        await tarifs.EnVigueurAsync(exercice, annulation) ?? await tarifs.EnVigueurAsync(tarifs.ExerciceCourant, annulation);

    /// <summary>The quantity a service is priced on besides the population (GB, workstations), or null.</summary>
    private static Domain.Catalogue.QuantiteCatalogue? QuantiteDuService(ExerciceTarifaire tarif, ServiceTarife service) =>
        tarif.QuantitesDe(new FormuleTarifaire(service.Code, service.Libelle, [service.Code])).FirstOrDefault(q => q.Obligatoire)?.Quantite;

    private async Task<FormulaireFormuleModel> FormulaireFormuleAsync(MembreAdhesion membre, Adhesion? adhesion, ChoixFormulaire formulaire, CancellationToken annulation)
    {
        var tarif = await tarifs.EnVigueurAsync(tarifs.ExerciceCourant, annulation);
        var (convention, cadre) = await CadreAsync(membre.Id, annulation);
        var formules = tarif?.Catalogue.Formules.Select(f => new FormuleProposee(f.Code, f.Libelle, tarif.ADeduction(f))).ToList() ?? [];
        return new FormulaireFormuleModel(membre, convention, cadre, adhesion?.DernierChoix, formules, formulaire);
    }

    private async Task<FormulaireServiceModel> FormulaireServiceAsync(MembreAdhesion membre, SouscriptionFormulaire formulaire, CancellationToken annulation)
    {
        var tarif = await tarifs.EnVigueurAsync(tarifs.ExerciceCourant, annulation);
        var (convention, _) = await CadreAsync(membre.Id, annulation);
        var services = tarif?.Catalogue.Services.Select(s => new ServicePropose(s.Code, s.Libelle, QuantiteDuService(tarif, s) is { } q ? $"{q.Libelle}, en {q.UnitePluriel}" : null)).ToList() ?? [];
        return new FormulaireServiceModel(membre, convention, services, formulaire);
    }

    private async Task<PageQuantiteModel?> PageQuantiteAsync(int id, int souscriptionId, QuantiteSouscriptionFormulaire formulaire, CancellationToken annulation)
    {
        var membre = await MembreAsync(id, annulation);
        var adhesion = membre is null ? null : await db.Set<Adhesion>().AsNoTracking().AsSplitQuery().FirstOrDefaultAsync(a => a.MembreId == id, annulation);
        var souscription = adhesion?.Souscriptions.FirstOrDefault(s => s.Id == souscriptionId);
        return souscription is null ? null : new PageQuantiteModel(membre!, souscription, formulaire);
    }
}

public sealed record MembreAdhesion(int Id, string Nom, string CodeInsee);

public sealed record ConventionAdhesion(int Id, ModeleConvention Modele, StatutConvention Statut, DateOnly? DateEffet, DateOnly? DateSortie);

public sealed record PageAdhesion(MembreAdhesion Membre, ConventionAdhesion? Convention, CadreAdhesion Cadre, Adhesion? Adhesion, int Exercice, DateOnly AujourdHui)
{
    public IReadOnlyList<ChoixFormule> Choix => Adhesion?.Choix.OrderByDescending(c => c.DateEffet).ToList() ?? [];

    public IReadOnlyList<SouscriptionService> Souscriptions => Adhesion?.Souscriptions.OrderByDescending(s => s.Debut).ThenBy(s => s.CodeService, StringComparer.Ordinal).ToList() ?? [];
}

public sealed record FormuleProposee(string Code, string Libelle, bool ExigeAudit);

public sealed record ServicePropose(string Code, string Libelle, string? Quantite);

public sealed record FormulaireFormuleModel(MembreAdhesion Membre, ConventionAdhesion? Convention, CadreAdhesion Cadre, ChoixFormule? ChoixActuel,
    IReadOnlyList<FormuleProposee> Formules, ChoixFormulaire Formulaire);

public sealed record FormulaireServiceModel(MembreAdhesion Membre, ConventionAdhesion? Convention, IReadOnlyList<ServicePropose> Services, SouscriptionFormulaire Formulaire);

public sealed record PageQuantiteModel(MembreAdhesion Membre, SouscriptionService Souscription, QuantiteSouscriptionFormulaire Formulaire);

public sealed record PageFinModel(MembreAdhesion Membre, SouscriptionService Souscription, FinSouscriptionFormulaire Formulaire);
