using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Mutualisation.Domain.Commun;
using Mutualisation.Domain.FichesProjet;
using Mutualisation.Persistence;
using Mutualisation.Persistence.Perimetre;
using Mutualisation.Web.Infrastructure;

namespace Mutualisation.Web.Features.FichesProjet;

/// <summary>
/// Read-only fiches projet API (issue 11). It shows what the detail page shows to the same user: a Mairie user reads only
/// her commune's fiches (another's id answers 404 through the query filter) and never what the page keeps for the EPCI's
/// staff (the DSI's notes in the history, the similar fiches suggested or linked); the DSI's instruction (coverage by the
/// existing portfolio, its opinion) only for DSI staff (<see cref="Autorisations.GestionMembres"/>), as on the page.
/// </summary>
[ApiController]
[Authorize(Policy = Autorisations.Connecte)]
[Route("api/v1/fiches-projet")]
public sealed class ApiFichesProjetController(MutualisationDbContext db, IPerimetreUtilisateur perimetre, IAuthorizationService autorisations) : ControllerBase
{
    public const int TailleMaximale = 200;

    /// <summary>Fiches projet, par ordre de création, page par page (une mairie ne voit que celles de sa commune).</summary>
    /// <remarks>Chaque fiche : identifiant, numéro (attribué au premier dépôt, absent pour un brouillon), code INSEE et nom de la commune,
    /// titre, état (<c>brouillon</c>, <c>deposee</c>, <c>en-construction</c> quand la DSI a demandé des compléments, <c>en-instruction</c>,
    /// <c>presentee-copil</c>, <c>acceptee</c>, <c>refusee</c>, <c>ajournee</c>), besoin partagé avec une autre commune (<c>mutualisable</c>),
    /// dates de création, de premier dépôt et de décision (AAAA-MM-JJ). Une page au-delà de la dernière répond 200 avec une liste vide et le
    /// vrai total ; une page inférieure à 1, une taille hors de 1 à 200, un état ou un code INSEE mal formé répondent 400 (problem+json, en français).</remarks>
    /// <param name="page">Numéro de page, à partir de 1.</param>
    /// <param name="taille">Nombre de fiches par page, de 1 à 200 (50 par défaut).</param>
    /// <param name="etat">Ne garder que les fiches dans cet état (code ci-dessus, par exemple <c>en-instruction</c>).</param>
    /// <param name="commune">Ne garder que les fiches de la commune de ce code INSEE (5 caractères, par exemple 35236).</param>
    /// <param name="annulation">Request abort.</param>
    [HttpGet]
    [ProducesResponseType<PageApiFichesProjet>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType(StatusCodes.Status401Unauthorized)]
    public async Task<ActionResult<PageApiFichesProjet>> Lister([FromQuery] int page = 1, [FromQuery] int taille = 50, [FromQuery] string? etat = null,
        [FromQuery] string? commune = null, CancellationToken annulation = default)
    {
        if (page < 1 || taille is < 1 or > TailleMaximale)
        {
            return Problem(statusCode: StatusCodes.Status400BadRequest, title: "Paramètres invalides",
                detail: $"page doit être ≥ 1 et taille comprise entre 1 et {TailleMaximale}.");
        }

        EtatFiche? filtreEtat = null;
        if (!string.IsNullOrEmpty(etat))
        {
            filtreEtat = Enum.GetValues<EtatFiche>().Select(e => (EtatFiche?)e).FirstOrDefault(e => Code(e!.Value) == etat);
            if (filtreEtat is null)
            {
                return Problem(statusCode: StatusCodes.Status400BadRequest, title: "Paramètre etat invalide",
                    detail: "etat vaut " + string.Join(", ", Enum.GetValues<EtatFiche>().Select(Code)) + ".");
            }
        }

        if (!string.IsNullOrEmpty(commune) && !InseeCode.EstValide(commune))
        {
            return Problem(statusCode: StatusCodes.Status400BadRequest, title: "Paramètre commune invalide",
                detail: "commune est un code INSEE de 5 caractères (par exemple 35236, ou 2A004 en Corse).");
        }

        var fiches = db.FichesProjet.AsNoTracking();
        if (filtreEtat is { } e)
        {
            fiches = fiches.Where(f => f.Etat == e);
        }

        var membres = db.Membres.AsNoTracking();
        if (!string.IsNullOrEmpty(commune))
        {
            var code = InseeCode.Parse(commune);
            membres = membres.Where(m => m.CodeInsee == code);
        }

        var requete = fiches.Join(membres, f => f.MembreId, m => m.Id, (f, m) => new { f, m.CodeInsee, m.Nom });
        var total = await requete.CountAsync(annulation);

        // In long: (page − 1) × taille overflows an int for a huge page, and would wrap to the first rows.
        var saut = (long)(page - 1) * taille;
        if (saut >= total)
        {
            return new PageApiFichesProjet(page, taille, total, []);
        }

        var lignes = await requete.OrderBy(x => x.f.Id).Skip((int)saut).Take(taille)
            .Select(x => new { x.f.Id, x.f.Numero, x.CodeInsee, x.Nom, x.f.Titre, x.f.Etat, x.f.Mutualisable, x.f.CreeLe, x.f.DeposeeLe, x.f.DecideeLe })
            .ToListAsync(annulation);
        return new PageApiFichesProjet(page, taille, total,
            lignes.Select(l => new FicheProjetApi(l.Id, l.Numero, l.CodeInsee.Valeur, l.Nom, l.Titre, Code(l.Etat), l.Mutualisable, l.CreeLe, l.DeposeeLe, l.DecideeLe)).ToList());
    }

    /// <summary>Une fiche projet : les sections de l'annexe 3, ses versions déposées, son historique et la décision du COPIL.</summary>
    /// <remarks>Les sections suivent l'annexe 3 (en-tête, la demande, le projet, enveloppe financière, objectifs, contraintes, conditions de
    /// réussite, incertitudes et suivi) ; chaque champ donne son code, son libellé et sa valeur telle que la fiche l'imprime (null s'il est vide).
    /// Les montants de l'enveloppe financière sont aussi donnés en nombres (euros). L'historique d'une mairie ne contient que ce qui lui est
    /// montré ; l'instruction de la DSI (couverture par l'existant, avis) n'est donnée qu'à la DSI et les rapprochements avec les fiches
    /// d'autres communes qu'au personnel de l'EPCI (null sinon). Une fiche d'une autre commune répond 404 à une mairie.</remarks>
    /// <param name="id">Identifiant de la fiche.</param>
    /// <param name="annulation">Request abort.</param>
    [HttpGet("{id:int}")]
    [ProducesResponseType<DetailFicheProjetApi>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    [ProducesResponseType(StatusCodes.Status401Unauthorized)]
    public async Task<ActionResult<DetailFicheProjetApi>> Detail(int id, CancellationToken annulation)
    {
        var fiche = await db.FichesProjet.AsNoTracking().Include(f => f.Versions).Include(f => f.Evenements).Include(f => f.Liens).AsSplitQuery()
            .FirstOrDefaultAsync(f => f.Id == id, annulation);
        if (fiche is null)
        {
            return NotFound();
        }

        var membre = await db.Membres.AsNoTracking().Where(m => m.Id == fiche.MembreId).Select(m => new { m.CodeInsee, m.Nom }).FirstAsync(annulation);
        var personnel = !perimetre.EstRestreint;
        var dsi = (await autorisations.AuthorizeAsync(User, Autorisations.GestionMembres)).Succeeded;
        var contenu = fiche.Contenu;
        return new DetailFicheProjetApi(
            fiche.Id,
            fiche.Numero,
            membre.CodeInsee.Valeur,
            membre.Nom,
            fiche.Titre,
            Code(fiche.Etat),
            fiche.Mutualisable,
            fiche.CreeLe,
            fiche.DeposeeLe,
            fiche.DureeEstimeeMois,
            ChampFiche.Tous.GroupBy(c => c.Section)
                .Select(g => new SectionFicheApi(g.Key, g.Select(c => new ChampFicheApi(c.Nom, c.Libelle, c.Texte(contenu))).ToList())).ToList(),
            new CoutsFicheApi(contenu.CoutInformatique?.Euros, contenu.CoutOrganisation?.Euros, contenu.CoutFormation?.Euros, contenu.DepensesAssociees?.Euros,
                contenu.CoutGlobal.Euros, contenu.FinancementExterieur, contenu.MontantFinancementExterieur?.Euros),
            fiche.Versions.OrderBy(v => v.Numero).Select(v => new VersionFicheApi(v.Numero, v.Libelle, v.Titre, v.UtilisateurNom, v.Horodatage, v.Commentaire)).ToList(),
            fiche.Decision is { } decision
                ? new DecisionFicheApi(Code(decision), fiche.DecideeLe, fiche.Motivation, fiche.AnneeSchemaDirecteur)
                : null,
            fiche.Evenements.Where(e => personnel || e.VisibleParLaCommune).OrderBy(e => e.Horodatage).ThenBy(e => e.Id)
                .Select(e => new EvenementFicheApi(e.Horodatage, e.Libelle, e.EtatAvant is { } avant ? Code(avant) : null, Code(e.EtatApres), e.UtilisateurNom, e.Detail)).ToList(),
            dsi ? new InstructionFicheApi(fiche.CouvertParExistant, fiche.AvisDsi) : null,
            personnel ? await RapprochementsAsync(fiche, annulation) : null);
    }

    public static string Code(EtatFiche etat) => etat switch
    {
        EtatFiche.Brouillon => "brouillon",
        EtatFiche.Deposee => "deposee",
        EtatFiche.EnConstruction => "en-construction",
        EtatFiche.EnInstruction => "en-instruction",
        EtatFiche.PresenteeCopil => "presentee-copil",
        EtatFiche.Acceptee => "acceptee",
        EtatFiche.Refusee => "refusee",
        _ => "ajournee",
    };

    public static string Code(DecisionCopil decision) => decision switch
    {
        DecisionCopil.Acceptee => "acceptee",
        DecisionCopil.Refusee => "refusee",
        _ => "ajournee",
    };

    public static string Code(StatutLien statut) => statut switch
    {
        StatutLien.Suggere => "suggere",
        StatutLien.Confirme => "confirme",
        _ => "ecarte",
    };

    /// <summary>The other members' fiches linked to this one (staff only: the query reads every commune's fiches).</summary>
    private async Task<IReadOnlyList<RapprochementFicheApi>> RapprochementsAsync(FicheProjet fiche, CancellationToken annulation)
    {
        var ids = fiche.Liens.Select(l => l.AutreFicheId).ToList();
        var autres = await db.FichesProjet.AsNoTracking().Where(f => ids.Contains(f.Id))
            .Join(db.Membres.AsNoTracking(), f => f.MembreId, m => m.Id, (f, m) => new { f.Id, f.Numero, f.Titre, m.CodeInsee })
            .ToListAsync(annulation);
        return fiche.Liens.Join(autres, l => l.AutreFicheId, a => a.Id, (l, a) => new RapprochementFicheApi(a.Id, a.Numero, a.CodeInsee.Valeur, a.Titre, Code(l.Statut), l.Score))
            .OrderBy(r => r.Statut == "ecarte").ThenByDescending(r => r.Score).ThenBy(r => r.Id).ToList();
    }
}

/// <summary>A page of fiches.</summary>
/// <param name="Page">Numéro de la page.</param>
/// <param name="Taille">Nombre de fiches par page.</param>
/// <param name="Total">Nombre de fiches correspondant aux filtres, toutes pages confondues.</param>
/// <param name="Elements">Fiches de la page.</param>
public sealed record PageApiFichesProjet(int Page, int Taille, int Total, IReadOnlyList<FicheProjetApi> Elements);

/// <summary>A fiche in the list.</summary>
/// <param name="Id">Identifiant de la fiche.</param>
/// <param name="Numero">Numéro attribué au premier dépôt (FP-2026-0007), null pour un brouillon.</param>
/// <param name="InseeCode">Code INSEE de la commune qui porte le projet.</param>
/// <param name="Commune">Nom de la commune.</param>
/// <param name="Titre">Titre du projet.</param>
/// <param name="Etat">brouillon, deposee, en-construction, en-instruction, presentee-copil, acceptee, refusee ou ajournee.</param>
/// <param name="Mutualisable">Besoin partagé avec une autre commune, confirmé par la DSI.</param>
/// <param name="CreeLe">Création du brouillon (UTC).</param>
/// <param name="DeposeeLe">Date du premier dépôt.</param>
/// <param name="DecideeLe">Date de la décision du COPIL.</param>
public sealed record FicheProjetApi(int Id, string? Numero, string InseeCode, string Commune, string Titre, string Etat, bool Mutualisable, DateTimeOffset CreeLe,
    DateOnly? DeposeeLe, DateOnly? DecideeLe);

/// <summary>A fiche with its content, versions, history and decision.</summary>
/// <param name="Id">Identifiant de la fiche.</param>
/// <param name="Numero">Numéro attribué au premier dépôt, null pour un brouillon.</param>
/// <param name="InseeCode">Code INSEE de la commune.</param>
/// <param name="Commune">Nom de la commune.</param>
/// <param name="Titre">Titre du projet.</param>
/// <param name="Etat">État de la fiche (voir la liste).</param>
/// <param name="Mutualisable">Besoin partagé avec une autre commune, confirmé par la DSI.</param>
/// <param name="CreeLe">Création du brouillon (UTC).</param>
/// <param name="DeposeeLe">Date du premier dépôt.</param>
/// <param name="DureeEstimeeMois">Durée du projet estimée par la DSI, en mois.</param>
/// <param name="Sections">Sections de l'annexe 3, dans l'ordre de la fiche.</param>
/// <param name="Couts">Enveloppe financière en euros.</param>
/// <param name="Versions">Versions déposées (historique des versions de l'annexe 3).</param>
/// <param name="Decision">Décision du COPIL, null tant qu'il n'a pas décidé.</param>
/// <param name="Historique">Changements d'état et événements datés de la fiche.</param>
/// <param name="Instruction">Instruction de la DSI, pour la DSI seulement (null sinon).</param>
/// <param name="Rapprochements">Fiches semblables d'autres communes, pour le personnel de l'EPCI seulement (null sinon).</param>
public sealed record DetailFicheProjetApi(int Id, string? Numero, string InseeCode, string Commune, string Titre, string Etat, bool Mutualisable, DateTimeOffset CreeLe,
    DateOnly? DeposeeLe, int? DureeEstimeeMois, IReadOnlyList<SectionFicheApi> Sections, CoutsFicheApi Couts, IReadOnlyList<VersionFicheApi> Versions,
    DecisionFicheApi? Decision, IReadOnlyList<EvenementFicheApi> Historique, InstructionFicheApi? Instruction, IReadOnlyList<RapprochementFicheApi>? Rapprochements);

/// <summary>A section of Annexe 3.</summary>
/// <param name="Titre">Titre de la section (« La demande »…).</param>
/// <param name="Champs">Champs de la section.</param>
public sealed record SectionFicheApi(string Titre, IReadOnlyList<ChampFicheApi> Champs);

/// <summary>A field of Annexe 3.</summary>
/// <param name="Code">Code du champ (Description, CoutInformatique…).</param>
/// <param name="Libelle">Libellé du champ sur la fiche.</param>
/// <param name="Valeur">Valeur telle que la fiche l'imprime (montants en euros à la française), null si le champ est vide.</param>
public sealed record ChampFicheApi(string Code, string Libelle, string? Valeur);

/// <summary>The cost estimate, in euros.</summary>
/// <param name="Informatique">Coût du projet informatique.</param>
/// <param name="Organisation">Coût du projet organisation.</param>
/// <param name="Formation">Coût du projet formation métier.</param>
/// <param name="DepensesAssociees">Dépenses associées.</param>
/// <param name="Global">Coût global estimé (somme des rubriques renseignées).</param>
/// <param name="FinancementExterieur">Nature du financement extérieur escompté (subvention, participation…).</param>
/// <param name="MontantFinancementExterieur">Montant du financement extérieur escompté.</param>
public sealed record CoutsFicheApi(decimal? Informatique, decimal? Organisation, decimal? Formation, decimal? DepensesAssociees, decimal Global,
    string? FinancementExterieur, decimal? MontantFinancementExterieur);

/// <summary>A submitted version.</summary>
/// <param name="Numero">Numéro de la version (1, 2…).</param>
/// <param name="Libelle">Version telle que l'en-tête de l'annexe 3 l'écrit (« 1.0 »).</param>
/// <param name="Titre">Titre du projet dans cette version.</param>
/// <param name="Auteur">Auteur du dépôt.</param>
/// <param name="DeposeeLe">Horodatage du dépôt (UTC).</param>
/// <param name="Commentaire">Commentaire d'évolution.</param>
public sealed record VersionFicheApi(int Numero, string Libelle, string Titre, string Auteur, DateTimeOffset DeposeeLe, string Commentaire);

/// <summary>The COPIL's decision.</summary>
/// <param name="Decision">acceptee, refusee ou ajournee.</param>
/// <param name="DecideeLe">Date de la décision.</param>
/// <param name="Motivation">Motivation écrite de la décision.</param>
/// <param name="AnneeSchemaDirecteur">Année d'inscription au schéma directeur d'un projet accepté.</param>
public sealed record DecisionFicheApi(string Decision, DateOnly? DecideeLe, string? Motivation, int? AnneeSchemaDirecteur);

/// <summary>A line of the history.</summary>
/// <param name="Horodatage">Date et heure (UTC).</param>
/// <param name="Libelle">Événement.</param>
/// <param name="EtatAvant">État avant (null à la création).</param>
/// <param name="EtatApres">État après.</param>
/// <param name="Auteur">Auteur.</param>
/// <param name="Detail">Détail (demande de compléments, motivation…).</param>
public sealed record EvenementFicheApi(DateTimeOffset Horodatage, string Libelle, string? EtatAvant, string EtatApres, string Auteur, string? Detail);

/// <summary>The DSI's instruction (DSI staff only).</summary>
/// <param name="CouvertParExistant">Le portefeuille existant couvre-t-il le besoin (null tant que la DSI ne l'a pas établi) ?</param>
/// <param name="AvisDsi">Avis de la DSI.</param>
public sealed record InstructionFicheApi(bool? CouvertParExistant, string? AvisDsi);

/// <summary>A similar fiche of another member (EPCI staff only).</summary>
/// <param name="Id">Identifiant de l'autre fiche.</param>
/// <param name="Numero">Numéro de l'autre fiche.</param>
/// <param name="InseeCode">Code INSEE de l'autre commune.</param>
/// <param name="Titre">Titre de l'autre fiche.</param>
/// <param name="Statut">suggere (par le portail au dépôt), confirme (besoin partagé) ou ecarte.</param>
/// <param name="Score">Similarité au moment de la suggestion (0 à 1), null pour un rapprochement fait à la main.</param>
public sealed record RapprochementFicheApi(int Id, string? Numero, string InseeCode, string Titre, string Statut, double? Score);
