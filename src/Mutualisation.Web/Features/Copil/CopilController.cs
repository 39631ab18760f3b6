using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Mutualisation.Domain.Commun;
using Mutualisation.Domain.Conventions;
using Mutualisation.Domain.FichesProjet;
using Mutualisation.Persistence;
using Mutualisation.Web.Infrastructure;

namespace Mutualisation.Web.Features.Copil;

/// <summary>
/// The comité de pilotage's sessions (issue 11, Redon art. 3.3.2 / 3.4.2): the DSI creates a session, puts instructed
/// fiches on its agenda, records the committee's decision and motivation per fiche, closes the session and prints its
/// minutes. The EPCI's staff read (finance reads the fiches too); only the DSI (<see cref="Autorisations.GestionMembres"/>)
/// changes anything; a commune's account gets 403. Every change goes through <see cref="SeanceCopil"/>.
/// </summary>
[Authorize(Policy = Autorisations.Intercommunale)]
[Route("copil")]
public sealed class CopilController(MutualisationDbContext db, TimeProvider horloge, IAuthorizationService autorisations, EchangesFiches.NotificationsFiches notifications)
    : Controller
{
    private Auteur Auteur => User.Auteur();

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken annulation) =>
        View(await ListeAsync(new SeanceFormulaire(), annulation));

    [Authorize(Policy = Autorisations.GestionMembres)]
    [HttpPost("")]
    public async Task<IActionResult> Creer(SeanceFormulaire formulaire, CancellationToken annulation)
    {
        ArgumentNullException.ThrowIfNull(formulaire);
        var date = SaisieFr.Date(formulaire.Date);
        if (date is null)
        {
            ModelState.AddModelError(nameof(SeanceFormulaire.Date), SaisieFr.EstVide(formulaire.Date)
                ? "La date de la séance est obligatoire."
                : "Saisissez la date de la séance au format jj/mm/aaaa.");
        }

        SeanceCopil? seance = null;
        if (ModelState.IsValid && SeanceCopil.Creer(date!.Value, formulaire.Libelle, formulaire.Participants, Auteur, horloge.GetUtcNow(), out seance) is { } refus)
        {
            ModelState.AddModelError(refus.Champ ?? string.Empty, refus.Message);
        }

        if (!ModelState.IsValid)
        {
            return View("Index", await ListeAsync(formulaire, annulation));
        }

        db.SeancesCopil.Add(seance!);
        await db.SaveChangesAsync(annulation);
        TempData["Message"] = $"Séance du {FormatFr.Date(seance!.Date)} créée : inscrivez les fiches instruites à son ordre du jour.";
        return Redirect($"/copil/{seance.Id}");
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Detail(int id, CancellationToken annulation)
    {
        var modele = await DetailAsync(id, null, annulation);
        return modele is null ? NotFound() : View(modele);
    }

    [Authorize(Policy = Autorisations.GestionMembres)]
    [HttpPost("{id:int}/ordre-du-jour")]
    public Task<IActionResult> Inscrire(int id, [FromForm] string? ficheId, CancellationToken annulation) =>
        ChangerAsync(id, ficheId, (s, f, quand) => s.Inscrire(f, Auteur, quand), f => $"Fiche {f.Numero} inscrite à l'ordre du jour.", annulation);

    [Authorize(Policy = Autorisations.GestionMembres)]
    [HttpPost("{id:int}/ordre-du-jour/{ficheId:int}/retirer")]
    public Task<IActionResult> Retirer(int id, int ficheId, CancellationToken annulation) =>
        ChangerAsync(id, ficheId.ToString(CultureInfo.InvariantCulture), (s, f, quand) => s.Retirer(f, Auteur, quand),
            f => $"Fiche {f.Numero} retirée de l'ordre du jour.", annulation);

    /// <summary>The decision on one fiche of the agenda: refused with the reason beside its field, the input kept.</summary>
    [Authorize(Policy = Autorisations.GestionMembres)]
    [HttpPost("{id:int}/decisions/{ficheId:int}")]
    public async Task<IActionResult> Decider(int id, int ficheId, DecisionFormulaire formulaire, CancellationToken annulation)
    {
        ArgumentNullException.ThrowIfNull(formulaire);
        var seance = await db.SeancesCopil.Include(s => s.Points).Include(s => s.Evenements).AsSplitQuery().FirstOrDefaultAsync(s => s.Id == id, annulation);
        var fiche = seance?.Points.Any(p => p.FicheId == ficheId) == true
            ? await db.FichesProjet.Include(f => f.Evenements).FirstOrDefaultAsync(f => f.Id == ficheId, annulation)
            : null;
        if (seance is null || fiche is null)
        {
            return NotFound();
        }

        DecisionCopil? decision = formulaire.Decision switch
        {
            nameof(DecisionCopil.Acceptee) => DecisionCopil.Acceptee,
            nameof(DecisionCopil.Refusee) => DecisionCopil.Refusee,
            nameof(DecisionCopil.Ajournee) => DecisionCopil.Ajournee,
            _ => null,
        };
        int? annee = null;
        RefusFiche? refus = null;
        if (decision is null)
        {
            refus = new("Choisissez la décision : accepter, refuser ou ajourner.", "Decision");
        }
        else if (!SaisieFr.EstVide(formulaire.AnneeSchemaDirecteur))
        {
            if (int.TryParse(formulaire.AnneeSchemaDirecteur!.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var a))
            {
                annee = a;
            }
            else
            {
                refus = new("L'année au schéma directeur est une année sur quatre chiffres (par exemple 2027).", "AnneeSchemaDirecteur");
            }
        }

        refus ??= seance.Decider(fiche, decision!.Value, formulaire.Motivation, annee, Auteur, horloge.GetUtcNow(), horloge.AujourdHui());
        if (refus is not null)
        {
            var champ = refus.Champ is "Motivation" or "AnneeSchemaDirecteur" ? refus.Champ : "Decision";
            ModelState.AddModelError($"{champ}-{ficheId}", refus.Message);
            return View("Detail", await DetailAsync(id, formulaire with { FicheId = ficheId }, annulation));
        }

        await notifications.SignalerNouveauxAsync(fiche, annulation);
        await db.SaveChangesAsync(annulation);
        TempData["Message"] = $"Décision enregistrée pour la fiche {fiche.Numero} : {decision!.Value.Libelle().ToLowerInvariant()}.";
        return Redirect($"/copil/{id}");
    }

    [Authorize(Policy = Autorisations.GestionMembres)]
    [HttpPost("{id:int}/cloturer")]
    public async Task<IActionResult> Cloturer(int id, CancellationToken annulation)
    {
        var seance = await db.SeancesCopil.Include(s => s.Points).Include(s => s.Evenements).AsSplitQuery().FirstOrDefaultAsync(s => s.Id == id, annulation);
        if (seance is null)
        {
            return NotFound();
        }

        if (seance.Cloturer(Auteur, horloge.GetUtcNow()) is { } refus)
        {
            TempData["Message"] = "Refusé : " + refus.Message;
            return Redirect($"/copil/{id}");
        }

        await db.SaveChangesAsync(annulation);
        TempData["Message"] = "Séance close : son procès-verbal est prêt.";
        return Redirect($"/copil/{id}");
    }

    /// <summary>The minutes: date, place, attendees, and per fiche its number, commune, title, decision, motivation and year.</summary>
    [HttpGet("{id:int}/proces-verbal.pdf")]
    public async Task<IActionResult> ProcesVerbal(int id, CancellationToken annulation)
    {
        var seance = await db.SeancesCopil.AsNoTracking().Include(s => s.Points).FirstOrDefaultAsync(s => s.Id == id, annulation);
        if (seance is null)
        {
            return NotFound();
        }

        var points = await PointsAsync(seance, annulation);
        var pdf = ProcesVerbalCopilPdf.Produire(seance, points, horloge.GetUtcNow());
        return File(pdf, "application/pdf", NomDeFichier.Nettoyer($"proces-verbal-copil-{seance.Date:yyyy-MM-dd}.pdf"));
    }

    private async Task<IActionResult> ChangerAsync(int id, string? ficheId, Func<SeanceCopil, FicheProjet, DateTimeOffset, RefusFiche?> action,
        Func<FicheProjet, string> message, CancellationToken annulation)
    {
        var seance = await db.SeancesCopil.Include(s => s.Points).Include(s => s.Evenements).AsSplitQuery().FirstOrDefaultAsync(s => s.Id == id, annulation);
        if (seance is null)
        {
            return NotFound();
        }

        var fiche = int.TryParse(ficheId, NumberStyles.None, CultureInfo.InvariantCulture, out var f)
            ? await db.FichesProjet.Include(x => x.Evenements).FirstOrDefaultAsync(x => x.Id == f, annulation)
            : null;
        if (fiche is null)
        {
            TempData["Message"] = "Refusé : choisissez une fiche projet de la liste.";
            return Redirect($"/copil/{id}");
        }

        if (action(seance, fiche, horloge.GetUtcNow()) is { } refus)
        {
            TempData["Message"] = "Refusé : " + refus.Message;
            return Redirect($"/copil/{id}");
        }

        await notifications.SignalerNouveauxAsync(fiche, annulation);
        await db.SaveChangesAsync(annulation);
        TempData["Message"] = message(fiche);
        return Redirect($"/copil/{id}");
    }

    private async Task<ListeSeancesModel> ListeAsync(SeanceFormulaire formulaire, CancellationToken annulation)
    {
        var seances = await db.SeancesCopil.AsNoTracking()
            .OrderByDescending(s => s.Date).ThenByDescending(s => s.Id)
            .Take(200)
            .Select(s => new LigneSeance(s.Id, s.Date, s.Libelle, s.Points.Count, s.Points.Count(p => p.Decision != null), s.ClotureeLe != null))
            .ToListAsync(annulation);
        return new ListeSeancesModel(seances, formulaire, await EstDsiAsync(), TempData["Message"] as string);
    }

    private async Task<DetailSeanceModel?> DetailAsync(int id, DecisionFormulaire? saisie, CancellationToken annulation)
    {
        var seance = await db.SeancesCopil.AsNoTracking().Include(s => s.Points).Include(s => s.Evenements).AsSplitQuery()
            .FirstOrDefaultAsync(s => s.Id == id, annulation);
        if (seance is null)
        {
            return null;
        }

        var dsi = await EstDsiAsync();
        var candidats = seance.EstCloturee || !dsi ? [] : await db.FichesProjet.AsNoTracking()
            .Where(f => f.Etat == EtatFiche.EnInstruction || f.Etat == EtatFiche.Ajournee)
            .Join(db.Membres.AsNoTracking(), f => f.MembreId, m => m.Id, (f, m) => new { f, m.Nom })
            .OrderByDescending(x => x.f.Mutualisable).ThenBy(x => x.f.DeposeeLe).ThenBy(x => x.f.Id)
            .Take(500)
            .Select(x => new FicheCandidate(x.f.Id, x.f.Numero, x.f.Titre, x.Nom, x.f.Etat, x.f.Mutualisable,
                x.f.DureeEstimeeMois == null || x.f.CouvertParExistant == null
                    ? "pas prête : la DSI doit indiquer si l'existant couvre le besoin et estimer la durée"
                    : null))
            .ToListAsync(annulation);
        return new DetailSeanceModel(seance, await PointsAsync(seance, annulation), candidats, dsi, saisie, TempData["Message"] as string,
            horloge.AujourdHui().Year);
    }

    /// <summary>The agenda with each fiche's commune, title, state, estimated cost and duration.</summary>
    private async Task<IReadOnlyList<PointOrdreDuJour>> PointsAsync(SeanceCopil seance, CancellationToken annulation)
    {
        var ids = seance.Points.Select(p => p.FicheId).ToList();
        var fiches = await db.FichesProjet.AsNoTracking().Where(f => ids.Contains(f.Id))
            .Join(db.Membres.AsNoTracking(), f => f.MembreId, m => m.Id, (f, m) => new { f, m.Nom })
            .ToListAsync(annulation);
        return seance.Points.OrderBy(p => p.Ordre)
            .Join(fiches, p => p.FicheId, x => x.f.Id, (p, x) => new PointOrdreDuJour(p, x.f.Titre, x.Nom, x.f.Etat, x.f.Contenu.CoutGlobal, x.f.DureeEstimeeMois, x.f.Mutualisable))
            .ToList();
    }

    private async Task<bool> EstDsiAsync() => (await autorisations.AuthorizeAsync(User, Autorisations.GestionMembres)).Succeeded;
}

public sealed record SeanceFormulaire
{
    public string? Date { get; init; }

    public string? Libelle { get; init; }

    public string? Participants { get; init; }
}

public sealed record DecisionFormulaire
{
    public int FicheId { get; init; }

    public string? Decision { get; init; }

    public string? Motivation { get; init; }

    public string? AnneeSchemaDirecteur { get; init; }
}

public sealed record LigneSeance(int Id, DateOnly Date, string Libelle, int Fiches, int Decidees, bool Cloturee);

public sealed record ListeSeancesModel(IReadOnlyList<LigneSeance> Seances, SeanceFormulaire Formulaire, bool EstDsi, string? Message);

public sealed record PointOrdreDuJour(PointCopil Point, string Titre, string Membre, EtatFiche Etat, Montant Cout, int? DureeEstimeeMois, bool Mutualisable);

public sealed record FicheCandidate(int Id, string? Numero, string Titre, string Membre, EtatFiche Etat, bool Mutualisable, string? PasPrete);

public sealed record DetailSeanceModel(SeanceCopil Seance, IReadOnlyList<PointOrdreDuJour> Points, IReadOnlyList<FicheCandidate> Candidats, bool EstDsi,
    DecisionFormulaire? Saisie, string? Message, int AnneeCourante);
