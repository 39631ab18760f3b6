using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Mutualisation.Domain.Conventions;
using Mutualisation.Persistence;
using Mutualisation.Web.Features.Catalogue;
using Mutualisation.Web.Infrastructure;

namespace Mutualisation.Web.Features.Conventions;

/// <summary>
/// Conventions of the members: read by every signed-in user (a Mairie user only her own commune's, by the
/// query filter: another's answers 404), prepared and moved through their statuses by the DSI
/// (<see cref="Autorisations.GestionMembres"/>). Every change goes through a method of <see cref="Convention"/>.
/// </summary>
[Authorize(Policy = Autorisations.Connecte)]
[Route("conventions")]
public sealed class ConventionsController(
    MutualisationDbContext db,
    TimeProvider horloge,
    IValidator<ConventionFormulaire> validateurConvention,
    IValidator<SignatureFormulaire> validateurSignature,
    IValidator<DateFormulaire> validateurDate,
    IValidator<ControleLegaliteFormulaire> validateurControle,
    IValidator<DenonciationFormulaire> validateurDenonciation,
    IValidator<AvenantFormulaire> validateurAvenant) : Controller
{
    private DateOnly AujourdHui => horloge.AujourdHui();

    private Auteur Auteur => User.Auteur();

    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] FiltreConventions filtre, CancellationToken annulation)
    {
        var requete = Jointure();
        if (filtre.Statut is { } statut)
        {
            requete = requete.Where(x => x.Convention.Statut == statut);
        }

        if (filtre.Modele is { } modele)
        {
            requete = requete.Where(x => x.Convention.Modele == modele);
        }

        if (filtre.Membre is { } membre)
        {
            requete = requete.Where(x => x.Convention.MembreId == membre);
        }

        var lignes = await Projeter(requete.OrderBy(x => x.Membre.NomRecherche).ThenBy(x => x.Convention.Id).Take(500)).ToListAsync(annulation);
        return View(new ListeConventionsModel(filtre, lignes, AujourdHui));
    }

    [Authorize(Policy = Autorisations.Intercommunale)]
    [HttpGet("tableau-de-bord")]
    public async Task<IActionResult> TableauDeBord(CancellationToken annulation) =>
        View(await TableauDeBordConventions.LireAsync(db, AujourdHui, annulation));

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Detail(int id, CancellationToken annulation)
    {
        var modele = await DetailAsync(id, annulation);
        return modele is null ? NotFound() : View(modele);
    }

    [Authorize(Policy = Autorisations.GestionMembres)]
    [HttpGet("nouvelle")]
    public async Task<IActionResult> Nouvelle([FromQuery] int? membre, CancellationToken annulation) =>
        View("Formulaire", await FormulaireAsync(null, new ConventionFormulaire
        {
            MembreId = membre?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            DeliberationMembreOrgane = "Conseil municipal",
            DeliberationEpciOrgane = "Conseil communautaire",
        }, annulation));

    [Authorize(Policy = Autorisations.GestionMembres)]
    [HttpPost("nouvelle")]
    public async Task<IActionResult> Nouvelle(ConventionFormulaire formulaire, CancellationToken annulation)
    {
        (await validateurConvention.ValidateAsync(formulaire, annulation)).CopierDans(ModelState);
        var membreId = int.TryParse(formulaire.MembreId, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var m) ? m : (int?)null;
        if (membreId is null || !await db.Membres.AnyAsync(x => x.Id == membreId, annulation))
        {
            ModelState.AddModelError(nameof(ConventionFormulaire.MembreId), "Choisissez le membre de la convention.");
        }
        else if (await db.Conventions.AnyAsync(c => c.MembreId == membreId && c.Modele == formulaire.Modele && c.Statut != StatutConvention.Resiliee, annulation))
        {
            ModelState.AddModelError(nameof(ConventionFormulaire.MembreId), "Ce membre a déjà une convention de ce modèle qui n'est pas résiliée : ouvrez-la plutôt.");
        }

        if (!ModelState.IsValid)
        {
            return View("Formulaire", await FormulaireAsync(null, formulaire, annulation));
        }

        var convention = new Convention(membreId!.Value, formulaire.Modele, Auteur, horloge.GetUtcNow(), AujourdHui);
        if (convention.ModifierBrouillon(formulaire.Modele, formulaire.DeliberationMembre(), formulaire.DeliberationEpci()) is { } refus)
        {
            ModelState.AddModelError(refus.Champ ?? string.Empty, refus.Message);
            return View("Formulaire", await FormulaireAsync(null, formulaire, annulation));
        }

        db.Conventions.Add(convention);
        await db.SaveChangesAsync(annulation);
        TempData["Succes"] = "Le brouillon de convention a été créé.";
        return Redirect($"/conventions/{convention.Id}");
    }

    [Authorize(Policy = Autorisations.GestionMembres)]
    [HttpGet("{id:int}/modifier")]
    public async Task<IActionResult> Modifier(int id, CancellationToken annulation)
    {
        var convention = await db.Conventions.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, annulation);
        return convention is null ? NotFound() : View("Formulaire", await FormulaireAsync(id, ConventionFormulaire.Depuis(convention), annulation));
    }

    [Authorize(Policy = Autorisations.GestionMembres)]
    [HttpPost("{id:int}/modifier")]
    public async Task<IActionResult> Modifier(int id, ConventionFormulaire formulaire, CancellationToken annulation)
    {
        var convention = await db.Conventions.FirstOrDefaultAsync(c => c.Id == id, annulation);
        if (convention is null)
        {
            return NotFound();
        }

        formulaire = formulaire with { MembreId = convention.MembreId.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        if ((await validateurConvention.ValidateAsync(formulaire, annulation)).CopierDans(ModelState)
            && convention.ModifierBrouillon(formulaire.Modele, formulaire.DeliberationMembre(), formulaire.DeliberationEpci()) is { } refus)
        {
            ModelState.AddModelError(refus.Champ ?? string.Empty, refus.Message);
        }

        if (!ModelState.IsValid)
        {
            return View("Formulaire", await FormulaireAsync(id, formulaire, annulation));
        }

        await db.SaveChangesAsync(annulation);
        TempData["Succes"] = "Le brouillon de convention a été modifié.";
        return Redirect($"/conventions/{id}");
    }

    [Authorize(Policy = Autorisations.GestionMembres)]
    [HttpGet("{id:int}/signer")]
    public Task<IActionResult> Signer(int id, CancellationToken annulation) =>
        EtapeAsync(id, "Signer", new SignatureFormulaire { SignatureMembre = FormatFr.Date(AujourdHui), SignatureEpci = FormatFr.Date(AujourdHui) }, annulation);

    [Authorize(Policy = Autorisations.GestionMembres)]
    [HttpPost("{id:int}/signer")]
    public Task<IActionResult> Signer(int id, SignatureFormulaire formulaire, CancellationToken annulation) =>
        AppliquerAsync(id, "Signer", formulaire, validateurSignature,
            c => c.Signer(SaisieFr.Date(formulaire.SignatureMembre)!.Value, SaisieFr.Date(formulaire.SignatureEpci)!.Value, Auteur, horloge.GetUtcNow(), AujourdHui),
            "La convention est signée.", annulation);

    [Authorize(Policy = Autorisations.GestionMembres)]
    [HttpGet("{id:int}/proces-verbal")]
    public Task<IActionResult> ProcesVerbal(int id, CancellationToken annulation) =>
        EtapeAsync(id, "ProcesVerbal", new DateFormulaire(), annulation);

    [Authorize(Policy = Autorisations.GestionMembres)]
    [HttpPost("{id:int}/proces-verbal")]
    public Task<IActionResult> ProcesVerbal(int id, DateFormulaire formulaire, CancellationToken annulation) =>
        AppliquerAsync(id, "ProcesVerbal", formulaire, validateurDate,
            c => c.EnregistrerPvMiseEnService(SaisieFr.Date(formulaire.Date)!.Value, Auteur, horloge.GetUtcNow(), AujourdHui),
            "Le procès-verbal de mise en service est enregistré.", annulation);

    [Authorize(Policy = Autorisations.GestionMembres)]
    [HttpGet("{id:int}/controle-de-legalite")]
    public Task<IActionResult> ControleDeLegalite(int id, CancellationToken annulation) =>
        EtapeAsync(id, "ControleDeLegalite", new ControleLegaliteFormulaire(), annulation);

    [Authorize(Policy = Autorisations.GestionMembres)]
    [HttpPost("{id:int}/controle-de-legalite")]
    public Task<IActionResult> ControleDeLegalite(int id, ControleLegaliteFormulaire formulaire, CancellationToken annulation) =>
        AppliquerAsync(id, "ControleDeLegalite", formulaire, validateurControle,
            c => c.EnregistrerControleLegalite(formulaire.Identifiant!, SaisieFr.Date(formulaire.Date)!.Value, Auteur, horloge.GetUtcNow(), AujourdHui),
            "Le contrôle de légalité est enregistré.", annulation);

    [Authorize(Policy = Autorisations.GestionMembres)]
    [HttpPost("{id:int}/mettre-en-vigueur")]
    public Task<IActionResult> MettreEnVigueur(int id, CancellationToken annulation) =>
        ActionDirecteAsync(id, c => c.MettreEnVigueur(Auteur, horloge.GetUtcNow(), AujourdHui), "La convention est en vigueur.", annulation);

    [Authorize(Policy = Autorisations.GestionMembres)]
    [HttpGet("{id:int}/denonciation")]
    public Task<IActionResult> Denonciation(int id, CancellationToken annulation) =>
        EtapeAsync(id, "Denonciation", new DenonciationFormulaire(), annulation);

    [Authorize(Policy = Autorisations.GestionMembres)]
    [HttpPost("{id:int}/denonciation")]
    public Task<IActionResult> Denonciation(int id, DenonciationFormulaire formulaire, CancellationToken annulation) =>
        AppliquerAsync(id, "Denonciation", formulaire, validateurDenonciation,
            c => c.Denoncer(SaisieFr.Date(formulaire.DateReception)!.Value, formulaire.Reference!, formulaire.Par, SaisieFr.Date(formulaire.DateConvenue),
                formulaire.ReferenceAccord, Auteur, horloge.GetUtcNow(), AujourdHui),
            "La dénonciation est enregistrée : la date de sortie est calculée.", annulation);

    [Authorize(Policy = Autorisations.GestionMembres)]
    [HttpPost("{id:int}/resilier")]
    public Task<IActionResult> Resilier(int id, CancellationToken annulation) =>
        ActionDirecteAsync(id, c => c.Resilier(Auteur, horloge.GetUtcNow(), AujourdHui), "La convention est résiliée.", annulation);

    [Authorize(Policy = Autorisations.GestionMembres)]
    [HttpGet("{id:int}/avenants/nouveau")]
    public Task<IActionResult> NouvelAvenant(int id, CancellationToken annulation) =>
        EtapeAsync(id, "Avenant", new AvenantFormulaire { Date = FormatFr.Date(AujourdHui) }, annulation);

    [Authorize(Policy = Autorisations.GestionMembres)]
    [HttpPost("{id:int}/avenants/nouveau")]
    [RequestSizeLimit(VerificationAnnexe.TailleMaximale + 100_000)]
    public async Task<IActionResult> NouvelAvenant(int id, AvenantFormulaire formulaire, IFormFile? fichier, CancellationToken annulation)
    {
        var convention = await db.Conventions.FirstOrDefaultAsync(c => c.Id == id, annulation);
        if (convention is null)
        {
            return NotFound();
        }

        (string? Erreur, string? Type, byte[]? Contenu, string NomFichier) document = (null, null, null, string.Empty);
        if ((await validateurAvenant.ValidateAsync(formulaire, annulation)).CopierDans(ModelState) && fichier is not null)
        {
            document = await VerificationAnnexe.LireAsync("avenant", fichier, annulation);
            if (document.Erreur is not null)
            {
                ModelState.AddModelError("fichier", document.Erreur);
            }
        }

        Avenant? avenant = null;
        if (ModelState.IsValid)
        {
            if (convention.AjouterAvenant(SaisieFr.Date(formulaire.Date)!.Value, formulaire.Objet!, Auteur, horloge.GetUtcNow(), AujourdHui, out avenant) is { } refus)
            {
                ModelState.AddModelError(refus.Champ ?? string.Empty, refus.Message);
            }
            else if (document.Contenu is not null)
            {
                convention.AjouterDocument(NatureDocumentConvention.Avenant, $"Avenant n° {avenant!.Numero}", avenant.Numero, document.NomFichier, document.Type!, document.Contenu,
                    Auteur, horloge.GetUtcNow(), AujourdHui);
            }
        }

        if (!ModelState.IsValid)
        {
            return View("Avenant", await EtapeModelAsync(convention, formulaire, annulation));
        }

        await db.SaveChangesAsync(annulation);
        TempData["Succes"] = $"L'avenant n° {avenant!.Numero} est enregistré.";
        return Redirect($"/conventions/{id}#avenants");
    }

    [Authorize(Policy = Autorisations.GestionMembres)]
    [HttpPost("{id:int}/documents")]
    [RequestSizeLimit(VerificationAnnexe.TailleMaximale + 100_000)]
    public async Task<IActionResult> DeposerDocument(int id, DocumentFormulaire formulaire, IFormFile? fichier, CancellationToken annulation)
    {
        var convention = await db.Conventions.FirstOrDefaultAsync(c => c.Id == id, annulation);
        if (convention is null)
        {
            return NotFound();
        }

        if (!Enum.IsDefined(formulaire.Nature))
        {
            ModelState.AddModelError(nameof(DocumentFormulaire.Nature), "Choisissez la nature du document.");
        }

        // The title is the aggregate's to check; the shared reader checks the file (size, content by type).
        var lu = await VerificationAnnexe.LireAsync("document", fichier, annulation);
        if (lu.Erreur is not null)
        {
            ModelState.AddModelError("fichier", lu.Erreur);
        }

        if (ModelState.IsValid && convention.AjouterDocument(formulaire.Nature, formulaire.Titre ?? string.Empty, null, lu.NomFichier, lu.Type!, lu.Contenu!,
                Auteur, horloge.GetUtcNow(), AujourdHui) is { } refus)
        {
            ModelState.AddModelError(refus.Champ ?? string.Empty, refus.Message);
        }

        if (!ModelState.IsValid)
        {
            db.ChangeTracker.Clear();
            var modele = await DetailAsync(id, annulation);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("Detail", modele! with { Document = formulaire });
        }

        await db.SaveChangesAsync(annulation);
        TempData["Succes"] = $"Document « {formulaire.Titre!.Trim()} » déposé.";
        return Redirect($"/conventions/{id}#documents");
    }

    [HttpGet("{id:int}/documents/{documentId:int}")]
    public async Task<IActionResult> Document(int id, int documentId, CancellationToken annulation)
    {
        var document = await db.Set<DocumentConvention>().AsNoTracking()
            .Where(d => d.Id == documentId && d.ConventionId == id)
            .Select(d => new { d.Contenu, d.TypeContenu, d.NomFichier })
            .FirstOrDefaultAsync(annulation);
        return document is null ? NotFound() : File(document.Contenu, document.TypeContenu, NomDeFichier.Nettoyer(document.NomFichier));
    }

    private IQueryable<ConventionEtMembre> Jointure() => TableauDeBordConventions.Jointure(db);

    private static IQueryable<LigneConvention> Projeter(IQueryable<ConventionEtMembre> requete) => TableauDeBordConventions.Projeter(requete);

    private async Task<DetailConventionModel?> DetailAsync(int id, CancellationToken annulation)
    {
        var convention = await db.Conventions.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, annulation);
        if (convention is null)
        {
            return null;
        }

        var membre = await db.Membres.AsNoTracking().Where(m => m.Id == convention.MembreId)
            .Select(m => new MembreConvention(m.Id, m.Nom, m.CodeInsee.Valeur)).FirstAsync(annulation);
        var documents = await db.Set<DocumentConvention>().AsNoTracking().Where(d => d.ConventionId == id).OrderBy(d => d.Id)
            .Select(d => new LigneDocument(d.Id, d.Nature, d.Titre, d.AvenantNumero, d.NomFichier, d.Taille, d.DeposeLe, d.DeposePar))
            .ToListAsync(annulation);
        return new DetailConventionModel(convention, membre, documents, AujourdHui, User.IsInRole(Domain.Commun.Roles.AdministrateurDSI) || User.IsInRole(Domain.Commun.Roles.AgentDSI), new DocumentFormulaire());
    }

    private async Task<FormulaireConventionModel> FormulaireAsync(int? id, ConventionFormulaire formulaire, CancellationToken annulation)
    {
        var membres = id is null
            ? await db.Membres.AsNoTracking().OrderBy(m => m.NomRecherche).Select(m => new MembreConvention(m.Id, m.Nom, m.CodeInsee.Valeur)).ToListAsync(annulation)
            : [];
        return new FormulaireConventionModel(id, formulaire, membres);
    }

    private async Task<IActionResult> EtapeAsync<T>(int id, string vue, T formulaire, CancellationToken annulation)
    {
        var convention = await db.Conventions.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, annulation);
        return convention is null ? NotFound() : View(vue, await EtapeModelAsync(convention, formulaire!, annulation));
    }

    private async Task<EtapeConventionModel> EtapeModelAsync(Convention convention, object formulaire, CancellationToken annulation)
    {
        var membre = await db.Membres.AsNoTracking().Where(m => m.Id == convention.MembreId)
            .Select(m => new MembreConvention(m.Id, m.Nom, m.CodeInsee.Valeur)).FirstAsync(annulation);
        return new EtapeConventionModel(convention, membre, formulaire, AujourdHui);
    }

    /// <summary>A form step: validated, then the aggregate's method; its refusal goes beside its field (or above the form).</summary>
    private async Task<IActionResult> AppliquerAsync<T>(int id, string vue, T formulaire, IValidator<T> validateur, Func<Convention, RefusConvention?> action, string succes, CancellationToken annulation)
    {
        var convention = await db.Conventions.FirstOrDefaultAsync(c => c.Id == id, annulation);
        if (convention is null)
        {
            return NotFound();
        }

        if ((await validateur.ValidateAsync(formulaire, annulation)).CopierDans(ModelState) && action(convention) is { } refus)
        {
            ModelState.AddModelError(refus.Champ ?? string.Empty, refus.Message);
        }

        if (!ModelState.IsValid)
        {
            return View(vue, await EtapeModelAsync(convention, formulaire!, annulation));
        }

        await db.SaveChangesAsync(annulation);
        TempData["Succes"] = succes;
        return Redirect($"/conventions/{id}");
    }

    /// <summary>A transition without a form (a confirmed button): a refusal comes back on the convention's page.</summary>
    private async Task<IActionResult> ActionDirecteAsync(int id, Func<Convention, RefusConvention?> action, string succes, CancellationToken annulation)
    {
        var convention = await db.Conventions.FirstOrDefaultAsync(c => c.Id == id, annulation);
        if (convention is null)
        {
            return NotFound();
        }

        if (action(convention) is { } refus)
        {
            TempData["Erreur"] = refus.Message;
            return Redirect($"/conventions/{id}");
        }

        await db.SaveChangesAsync(annulation);
        TempData["Succes"] = succes;
        return Redirect($"/conventions/{id}");
    }
}

/// <summary>Filters of the list, from the query string (unknown values are ignored by binding).</summary>
public sealed record FiltreConventions
{
    public StatutConvention? Statut { get; init; }

    public ModeleConvention? Modele { get; init; }

    public int? Membre { get; init; }
}

/// <summary>A convention and its member, before projection (filters and sorts stay in SQL).</summary>
public sealed class ConventionEtMembre
{
    public required Convention Convention { get; init; }

    public required Domain.Membres.Membre Membre { get; init; }
}

public sealed record LigneConvention(
    int Id, int MembreId, string Nom, string CodeInsee, ModeleConvention Modele, StatutConvention Statut,
    DateOnly? DateSignatureMembre, DateOnly? DateSignatureEpci, string? ControleLegaliteIdentifiant, DateOnly? DateEffet, DateOnly? DateDenonciation, DateOnly? DateSortie);

public sealed record ListeConventionsModel(FiltreConventions Filtre, IReadOnlyList<LigneConvention> Lignes, DateOnly AujourdHui);

public sealed record RenouvellementAVenir(LigneConvention Ligne, DateOnly Date);

public sealed record TableauDeBordModel(
    DateOnly AujourdHui,
    IReadOnlyList<LigneConvention> ASigner,
    IReadOnlyList<LigneConvention> EnAttenteDuControle,
    IReadOnlyList<LigneConvention> AMettreEnVigueur,
    IReadOnlyList<LigneConvention> Denoncees,
    IReadOnlyList<LigneConvention> SortiesDeLAnnee,
    IReadOnlyList<RenouvellementAVenir> Renouvellements);

public sealed record MembreConvention(int Id, string Nom, string CodeInsee);

public sealed record LigneDocument(int Id, NatureDocumentConvention Nature, string Titre, int? AvenantNumero, string NomFichier, int Taille, DateTimeOffset DeposeLe, string DeposePar);

public sealed record DetailConventionModel(Convention Convention, MembreConvention Membre, IReadOnlyList<LigneDocument> Documents, DateOnly AujourdHui, bool PeutGerer, DocumentFormulaire Document);

public sealed record FormulaireConventionModel(int? Id, ConventionFormulaire Formulaire, IReadOnlyList<MembreConvention> Membres);

public sealed record EtapeConventionModel(Convention Convention, MembreConvention Membre, object Formulaire, DateOnly AujourdHui);
