using System.Globalization;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Mutualisation.Domain.Audits;
using Mutualisation.Domain.Conventions;
using Mutualisation.Persistence;
using Mutualisation.Web.Infrastructure;

namespace Mutualisation.Web.Features.Audits;

/// <summary>
/// Audits of the members (Redon art. 4.1): read by every signed-in user (a Mairie user only her own commune's, by the
/// query filter: another's answers 404; she sees the findings and the report only once it is delivered), moved through
/// their steps and filled in by the DSI (<see cref="Autorisations.GestionMembres"/>). Every change goes through a
/// method of <see cref="Audit"/>.
/// </summary>
[Authorize(Policy = Autorisations.Connecte)]
[Route("audits")]
public sealed class AuditsController(
    MutualisationDbContext db,
    TimeProvider horloge,
    IAuthorizationService autorisations,
    IValidator<DemandeAuditFormulaire> validateurDemande,
    IValidator<DateAuditFormulaire> validateurDate,
    IValidator<AnnulationAuditFormulaire> validateurAnnulation,
    IValidator<ConstatFormulaire> validateurConstat,
    IValidator<ElementFormulaire> validateurElement,
    TitresParticuliers.TitreDAudit titreDAudit) : Controller
{
    private DateOnly AujourdHui => horloge.AujourdHui();

    private Auteur Auteur => User.Auteur();

    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] FiltreAudits filtre, CancellationToken annulation)
    {
        var requete = Jointure();
        if (filtre.Statut is { } statut && Enum.IsDefined(statut))
        {
            requete = requete.Where(x => x.Audit.Statut == statut);
        }

        string? nomMembre = null;
        if (filtre.Membre is { } membre)
        {
            requete = requete.Where(x => x.Audit.MembreId == membre);
            nomMembre = await db.Membres.AsNoTracking().Where(m => m.Id == membre).Select(m => m.Nom).FirstOrDefaultAsync(annulation);
        }

        var lignes = await Projeter(requete.OrderByDescending(x => x.Audit.DemandeLe).ThenBy(x => x.Membre.NomRecherche).ThenBy(x => x.Audit.Id).Take(500))
            .ToListAsync(annulation);
        return View(new ListeAuditsModel(filtre, nomMembre, lignes, await PeutGererAsync()));
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Detail(int id, CancellationToken annulation)
    {
        var audit = await db.Audits.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, annulation);
        if (audit is null)
        {
            return NotFound();
        }

        var rapport = audit.Statut == StatutAudit.RapportLivre
            ? await db.Set<RapportAudit>().AsNoTracking().Where(r => r.AuditId == id).Select(r => new InfosRapport(r.Taille, r.Sha256)).FirstOrDefaultAsync(annulation)
            : null;
        var personnel = (await autorisations.AuthorizeAsync(User, Autorisations.Intercommunale)).Succeeded;
        return View(new DetailAuditModel(audit, await MembreAsync(audit.MembreId, annulation), rapport, await PeutGererAsync(),
            personnel || audit.Statut == StatutAudit.RapportLivre, AujourdHui));
    }

    /// <summary>The delivered report, the same stored bytes at every download; 404 before delivery (no draft is ever served).</summary>
    [HttpGet("{id:int}/rapport")]
    public async Task<IActionResult> Rapport(int id, CancellationToken annulation)
    {
        var rapport = await db.Set<RapportAudit>().AsNoTracking()
            .Where(r => r.AuditId == id)
            .Join(db.Audits.AsNoTracking().Where(a => a.Statut == StatutAudit.RapportLivre), r => r.AuditId, a => a.Id, (r, a) => new { r.Contenu, r.Sha256, r.MembreId, a.RapportLivreLe })
            .Join(db.Membres.AsNoTracking(), x => x.MembreId, m => m.Id, (x, m) => new { x.Contenu, x.Sha256, x.RapportLivreLe, m.Nom })
            .FirstOrDefaultAsync(annulation);
        if (rapport is null)
        {
            return NotFound();
        }

        Response.Headers.ETag = $"\"{rapport.Sha256}\"";
        Response.Headers.CacheControl = "private, no-store";
        var nom = NomDeFichier.Nettoyer($"rapport-audit-{rapport.Nom}-{rapport.RapportLivreLe!.Value:yyyy-MM-dd}.pdf".Replace(' ', '-'));
        return File(rapport.Contenu, "application/pdf", nom);
    }

    [Authorize(Policy = Autorisations.GestionMembres)]
    [HttpGet("nouveau")]
    public async Task<IActionResult> Nouveau([FromQuery] int? membre, CancellationToken annulation) =>
        View("Nouveau", await NouveauModelAsync(new DemandeAuditFormulaire
        {
            MembreId = membre?.ToString(CultureInfo.InvariantCulture),
            DemandeLe = FormatFr.Date(AujourdHui),
        }, annulation));

    [Authorize(Policy = Autorisations.GestionMembres)]
    [HttpPost("nouveau")]
    public async Task<IActionResult> Nouveau(DemandeAuditFormulaire formulaire, CancellationToken annulation)
    {
        (await validateurDemande.ValidateAsync(formulaire, annulation)).CopierDans(ModelState);
        var membreId = int.TryParse(formulaire.MembreId, NumberStyles.None, CultureInfo.InvariantCulture, out var m) ? m : (int?)null;
        if (membreId is null || !await db.Membres.AnyAsync(x => x.Id == membreId, annulation))
        {
            ModelState.AddModelError(nameof(DemandeAuditFormulaire.MembreId), "Choisissez le membre audité.");
        }
        else if (await db.Audits.AnyAsync(a => a.MembreId == membreId && a.Statut != StatutAudit.RapportLivre && a.Statut != StatutAudit.Annule, annulation))
        {
            ModelState.AddModelError(nameof(DemandeAuditFormulaire.MembreId), "Ce membre a déjà un audit qui n'est ni livré ni annulé : ouvrez-le plutôt.");
        }

        Audit? audit = null;
        if (ModelState.IsValid && Audit.Demander(membreId!.Value, SaisieFr.Date(formulaire.DemandeLe)!.Value, Auteur, horloge.GetUtcNow(), AujourdHui, out audit) is { } refus)
        {
            ModelState.AddModelError(refus.Champ ?? string.Empty, refus.Message);
        }

        if (!ModelState.IsValid)
        {
            return View("Nouveau", await NouveauModelAsync(formulaire, annulation));
        }

        db.Audits.Add(audit!);
        await db.SaveChangesAsync(annulation);
        TempData["Succes"] = "La demande d'audit est enregistrée.";
        return Redirect($"/audits/{audit!.Id}");
    }

    [Authorize(Policy = Autorisations.GestionMembres)]
    [HttpGet("{id:int}/planifier")]
    public Task<IActionResult> Planifier(int id, CancellationToken annulation) =>
        EtapeAsync(id, "Planifier", a => new DateAuditFormulaire { Date = a.PrevuLe is { } d ? FormatFr.Date(d) : null }, annulation);

    [Authorize(Policy = Autorisations.GestionMembres)]
    [HttpPost("{id:int}/planifier")]
    public Task<IActionResult> Planifier(int id, DateAuditFormulaire formulaire, CancellationToken annulation) =>
        AppliquerAsync(id, "Planifier", formulaire, validateurDate,
            a => a.Planifier(SaisieFr.Date(formulaire.Date)!.Value, Auteur, horloge.GetUtcNow(), AujourdHui), "L'audit est planifié.", string.Empty, annulation);

    [Authorize(Policy = Autorisations.GestionMembres)]
    [HttpGet("{id:int}/demarrer")]
    public Task<IActionResult> Demarrer(int id, CancellationToken annulation) =>
        EtapeAsync(id, "Demarrer", a => new DateAuditFormulaire { Date = FormatFr.Date(a.PrevuLe is { } p && p <= AujourdHui ? p : AujourdHui) }, annulation);

    [Authorize(Policy = Autorisations.GestionMembres)]
    [HttpPost("{id:int}/demarrer")]
    public Task<IActionResult> Demarrer(int id, DateAuditFormulaire formulaire, CancellationToken annulation) =>
        AppliquerAsync(id, "Demarrer", formulaire, validateurDate,
            a => a.Demarrer(SaisieFr.Date(formulaire.Date)!.Value, Auteur, horloge.GetUtcNow(), AujourdHui), "L'audit est en cours.", string.Empty, annulation);

    [Authorize(Policy = Autorisations.GestionMembres)]
    [HttpGet("{id:int}/livrer")]
    public Task<IActionResult> Livrer(int id, CancellationToken annulation) =>
        EtapeAsync(id, "Livrer", _ => new DateAuditFormulaire { Date = FormatFr.Date(AujourdHui) }, annulation);

    /// <summary>Checks the date, produces the report's PDF from the audit as it stands, and stores it with the delivery.</summary>
    [Authorize(Policy = Autorisations.GestionMembres)]
    [HttpPost("{id:int}/livrer")]
    public async Task<IActionResult> Livrer(int id, DateAuditFormulaire formulaire, CancellationToken annulation)
    {
        var audit = await db.Audits.FirstOrDefaultAsync(a => a.Id == id, annulation);
        if (audit is null)
        {
            return NotFound();
        }

        var membre = await MembreAsync(audit.MembreId, annulation);
        if ((await validateurDate.ValidateAsync(formulaire, annulation)).CopierDans(ModelState))
        {
            var date = SaisieFr.Date(formulaire.Date)!.Value;
            var refus = audit.RefusLivraison(date, AujourdHui)
                ?? audit.LivrerRapport(date, RapportAuditPdf.Produire(audit, membre.Nom, membre.CodeInsee, date, horloge.GetUtcNow()), Auteur, horloge.GetUtcNow(), AujourdHui);
            if (refus is not null)
            {
                ModelState.AddModelError(Champ(refus), refus.Message);
            }
        }

        if (!ModelState.IsValid)
        {
            return View("Livrer", new EtapeAuditModel(audit, membre, formulaire, AujourdHui));
        }

        // The audit's titre (Redon rule 2): its draft is saved with the delivery, or the reason there is none is said.
        var titre = await titreDAudit.PreparerAsync(audit, audit.RapportLivreLe!.Value, Auteur, horloge.GetUtcNow(), annulation);
        if (titre.Brouillon is not null)
        {
            db.TitresRecette.Add(titre.Brouillon);
        }

        await db.SaveChangesAsync(annulation);
        TempData["Succes"] = "Le rapport est livré : la commune peut le télécharger. " + titre.Message;
        return Redirect($"/audits/{id}");
    }

    [Authorize(Policy = Autorisations.GestionMembres)]
    [HttpGet("{id:int}/annuler")]
    public Task<IActionResult> Annuler(int id, CancellationToken annulation) =>
        EtapeAsync(id, "Annuler", _ => new AnnulationAuditFormulaire { Date = FormatFr.Date(AujourdHui) }, annulation);

    [Authorize(Policy = Autorisations.GestionMembres)]
    [HttpPost("{id:int}/annuler")]
    public Task<IActionResult> Annuler(int id, AnnulationAuditFormulaire formulaire, CancellationToken annulation) =>
        AppliquerAsync(id, "Annuler", formulaire, validateurAnnulation,
            a => a.Annuler(SaisieFr.Date(formulaire.Date)!.Value, formulaire.Motif!, Auteur, horloge.GetUtcNow(), AujourdHui), "L'audit est annulé.", string.Empty, annulation);

    [Authorize(Policy = Autorisations.GestionMembres)]
    [HttpGet("{id:int}/constats/nouveau")]
    public Task<IActionResult> NouveauConstat(int id, CancellationToken annulation) =>
        EtapeAsync(id, "Constat", _ => new ConstatFormulaire { Gravite = nameof(GraviteConstat.Moderee) }, annulation);

    [Authorize(Policy = Autorisations.GestionMembres)]
    [HttpPost("{id:int}/constats/nouveau")]
    public Task<IActionResult> NouveauConstat(int id, ConstatFormulaire formulaire, CancellationToken annulation) =>
        AppliquerAsync(id, "Constat", formulaire, validateurConstat,
            a => a.AjouterConstat(SaisiesAudit.Lire<AxeAudit>(formulaire.Axe)!.Value, SaisiesAudit.Lire<ThemeRecommandation>(formulaire.Theme)!.Value,
                SaisiesAudit.Lire<GraviteConstat>(formulaire.Gravite)!.Value, formulaire.Texte, formulaire.Recommandation, Auteur, horloge.GetUtcNow(), AujourdHui),
            "Le constat est ajouté.", "#constats", annulation);

    [Authorize(Policy = Autorisations.GestionMembres)]
    [HttpGet("{id:int}/constats/{constatId:int}/modifier")]
    public async Task<IActionResult> ModifierConstat(int id, int constatId, CancellationToken annulation)
    {
        var audit = await db.Audits.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, annulation);
        var constat = audit?.Constats.FirstOrDefault(c => c.Id == constatId);
        return audit is null || constat is null
            ? NotFound()
            : View("Constat", new EtapeAuditModel(audit, await MembreAsync(audit.MembreId, annulation), ConstatFormulaire.Depuis(constat), AujourdHui) { ElementId = constatId });
    }

    [Authorize(Policy = Autorisations.GestionMembres)]
    [HttpPost("{id:int}/constats/{constatId:int}/modifier")]
    public Task<IActionResult> ModifierConstat(int id, int constatId, ConstatFormulaire formulaire, CancellationToken annulation) =>
        AppliquerAsync(id, "Constat", formulaire, validateurConstat,
            a => a.ModifierConstat(constatId, SaisiesAudit.Lire<AxeAudit>(formulaire.Axe)!.Value, SaisiesAudit.Lire<ThemeRecommandation>(formulaire.Theme)!.Value,
                SaisiesAudit.Lire<GraviteConstat>(formulaire.Gravite)!.Value, formulaire.Texte, formulaire.Recommandation, Auteur, horloge.GetUtcNow(), AujourdHui),
            "Le constat est modifié.", "#constats", annulation, a => a.Constats.Any(c => c.Id == constatId), constatId);

    [Authorize(Policy = Autorisations.GestionMembres)]
    [HttpPost("{id:int}/constats/{constatId:int}/supprimer")]
    public Task<IActionResult> SupprimerConstat(int id, int constatId, CancellationToken annulation) =>
        ActionDirecteAsync(id, a => a.Constats.Any(c => c.Id == constatId), a => a.SupprimerConstat(constatId, Auteur, horloge.GetUtcNow(), AujourdHui),
            "Le constat est supprimé.", "#constats", annulation);

    [Authorize(Policy = Autorisations.GestionMembres)]
    [HttpGet("{id:int}/inventaire/nouveau")]
    public Task<IActionResult> NouvelElement(int id, CancellationToken annulation) =>
        EtapeAsync(id, "Element", _ => new ElementFormulaire(), annulation);

    [Authorize(Policy = Autorisations.GestionMembres)]
    [HttpPost("{id:int}/inventaire/nouveau")]
    public Task<IActionResult> NouvelElement(int id, ElementFormulaire formulaire, CancellationToken annulation) =>
        AppliquerAsync(id, "Element", formulaire, validateurElement,
            a => a.AjouterElement(SaisiesAudit.Lire<NatureElementInventaire>(formulaire.Nature)!.Value, formulaire.Libelle, formulaire.Details, formulaire.EstTransferable,
                Auteur, horloge.GetUtcNow(), AujourdHui),
            "L'élément est ajouté à l'inventaire.", "#inventaire", annulation);

    [Authorize(Policy = Autorisations.GestionMembres)]
    [HttpGet("{id:int}/inventaire/{elementId:int}/modifier")]
    public async Task<IActionResult> ModifierElement(int id, int elementId, CancellationToken annulation)
    {
        var audit = await db.Audits.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, annulation);
        var element = audit?.Inventaire.FirstOrDefault(e => e.Id == elementId);
        return audit is null || element is null
            ? NotFound()
            : View("Element", new EtapeAuditModel(audit, await MembreAsync(audit.MembreId, annulation), ElementFormulaire.Depuis(element), AujourdHui) { ElementId = elementId });
    }

    [Authorize(Policy = Autorisations.GestionMembres)]
    [HttpPost("{id:int}/inventaire/{elementId:int}/modifier")]
    public Task<IActionResult> ModifierElement(int id, int elementId, ElementFormulaire formulaire, CancellationToken annulation) =>
        AppliquerAsync(id, "Element", formulaire, validateurElement,
            a => a.ModifierElement(elementId, SaisiesAudit.Lire<NatureElementInventaire>(formulaire.Nature)!.Value, formulaire.Libelle, formulaire.Details,
                formulaire.EstTransferable, Auteur, horloge.GetUtcNow(), AujourdHui),
            "L'élément d'inventaire est modifié.", "#inventaire", annulation, a => a.Inventaire.Any(e => e.Id == elementId), elementId);

    [Authorize(Policy = Autorisations.GestionMembres)]
    [HttpPost("{id:int}/inventaire/{elementId:int}/supprimer")]
    public Task<IActionResult> SupprimerElement(int id, int elementId, CancellationToken annulation) =>
        ActionDirecteAsync(id, a => a.Inventaire.Any(e => e.Id == elementId), a => a.SupprimerElement(elementId, Auteur, horloge.GetUtcNow(), AujourdHui),
            "L'élément est retiré de l'inventaire.", "#inventaire", annulation);

    /// <summary>Every audit with its member (filtered to her commune for a Mairie user).</summary>
    private IQueryable<AuditEtMembre> Jointure() =>
        db.Audits.AsNoTracking().Join(db.Membres.AsNoTracking(), a => a.MembreId, m => m.Id, (a, m) => new AuditEtMembre { Audit = a, Membre = m });

    internal static IQueryable<LigneAudit> Projeter(IQueryable<AuditEtMembre> requete) =>
        requete.Select(x => new LigneAudit(x.Audit.Id, x.Audit.MembreId, x.Membre.Nom, x.Membre.CodeInsee.Valeur, x.Audit.Statut,
            x.Audit.DemandeLe, x.Audit.PrevuLe, x.Audit.DebuteLe, x.Audit.RapportLivreLe, x.Audit.AnnuleLe));

    private async Task<bool> PeutGererAsync() => (await autorisations.AuthorizeAsync(User, Autorisations.GestionMembres)).Succeeded;

    private Task<MembreAudit> MembreAsync(int membreId, CancellationToken annulation) =>
        db.Membres.AsNoTracking().Where(m => m.Id == membreId).Select(m => new MembreAudit(m.Id, m.Nom, m.CodeInsee.Valeur)).FirstAsync(annulation);

    private async Task<NouvelAuditModel> NouveauModelAsync(DemandeAuditFormulaire formulaire, CancellationToken annulation) =>
        new(formulaire, await db.Membres.AsNoTracking().OrderBy(m => m.NomRecherche).Select(m => new MembreAudit(m.Id, m.Nom, m.CodeInsee.Valeur)).ToListAsync(annulation));

    private async Task<IActionResult> EtapeAsync(int id, string vue, Func<Audit, object> formulaire, CancellationToken annulation)
    {
        var audit = await db.Audits.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, annulation);
        return audit is null ? NotFound() : View(vue, new EtapeAuditModel(audit, await MembreAsync(audit.MembreId, annulation), formulaire(audit), AujourdHui));
    }

    /// <summary>The form fields carry the domain's own names for the step's date.</summary>
    private static string Champ(RefusAudit refus) =>
        refus.Champ is "PrevuLe" or "DebuteLe" or "RapportLivreLe" or "AnnuleLe" or "DemandeLe" ? nameof(DateAuditFormulaire.Date) : refus.Champ ?? string.Empty;

    /// <summary>A form step: validated, then the aggregate's method; its refusal goes beside its field (or above the form).</summary>
    private async Task<IActionResult> AppliquerAsync<T>(int id, string vue, T formulaire, IValidator<T> validateur, Func<Audit, RefusAudit?> action, string succes,
        string ancre, CancellationToken annulation, Func<Audit, bool>? existe = null, int? elementId = null)
    {
        var audit = await db.Audits.FirstOrDefaultAsync(a => a.Id == id, annulation);
        if (audit is null || (existe is not null && !existe(audit)))
        {
            return NotFound();
        }

        if ((await validateur.ValidateAsync(formulaire, annulation)).CopierDans(ModelState) && action(audit) is { } refus)
        {
            ModelState.AddModelError(Champ(refus), refus.Message);
        }

        if (!ModelState.IsValid)
        {
            return View(vue, new EtapeAuditModel(audit, await MembreAsync(audit.MembreId, annulation), formulaire!, AujourdHui) { ElementId = elementId });
        }

        await db.SaveChangesAsync(annulation);
        TempData["Succes"] = succes;
        return Redirect($"/audits/{id}{ancre}");
    }

    /// <summary>A confirmed button (deletion): a refusal comes back on the audit's page.</summary>
    private async Task<IActionResult> ActionDirecteAsync(int id, Func<Audit, bool> existe, Func<Audit, RefusAudit?> action, string succes, string ancre, CancellationToken annulation)
    {
        var audit = await db.Audits.FirstOrDefaultAsync(a => a.Id == id, annulation);
        if (audit is null || !existe(audit))
        {
            return NotFound();
        }

        if (action(audit) is { } refus)
        {
            TempData["Erreur"] = refus.Message;
            return Redirect($"/audits/{id}{ancre}");
        }

        await db.SaveChangesAsync(annulation);
        TempData["Succes"] = succes;
        return Redirect($"/audits/{id}{ancre}");
    }
}

/// <summary>Filters of the list, from the query string (unknown values are ignored).</summary>
public sealed record FiltreAudits
{
    public StatutAudit? Statut { get; init; }

    public int? Membre { get; init; }
}

/// <summary>An audit and its member, before projection (filters and sorts stay in SQL).</summary>
public sealed class AuditEtMembre
{
    public required Audit Audit { get; init; }

    public required Domain.Membres.Membre Membre { get; init; }
}

public sealed record LigneAudit(int Id, int MembreId, string Nom, string CodeInsee, StatutAudit Statut,
    DateOnly DemandeLe, DateOnly? PrevuLe, DateOnly? DebuteLe, DateOnly? RapportLivreLe, DateOnly? AnnuleLe)
{
    public DateOnly? FinDeduction => RapportLivreLe?.AddMonths(Audit.MoisDeDeduction);
}

public sealed record MembreAudit(int Id, string Nom, string CodeInsee);

public sealed record InfosRapport(int Taille, string Sha256);

public sealed record ListeAuditsModel(FiltreAudits Filtre, string? NomMembre, IReadOnlyList<LigneAudit> Lignes, bool PeutGerer);

public sealed record DetailAuditModel(Audit Audit, MembreAudit Membre, InfosRapport? Rapport, bool PeutGerer, bool VoitLeContenu, DateOnly AujourdHui);

public sealed record NouvelAuditModel(DemandeAuditFormulaire Formulaire, IReadOnlyList<MembreAudit> Membres);

public sealed record EtapeAuditModel(Audit Audit, MembreAudit Membre, object Formulaire, DateOnly AujourdHui)
{
    /// <summary>The finding or inventory line edited (null: a new one).</summary>
    public int? ElementId { get; init; }
}
