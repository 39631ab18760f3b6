using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Mutualisation.Domain.Adhesions;
using Mutualisation.Domain.Commun;
using Mutualisation.Domain.Membres;
using Mutualisation.Persistence;
using Mutualisation.Web.Features.Simulation;
using Mutualisation.Web.Features.Tarifs;
using Mutualisation.Web.Infrastructure;

namespace Mutualisation.Web.Features.Adhesions;

/// <summary>A member's adhésions and its contribution from the stored facts, as JSON. A Mairie user gets only her own commune (404 otherwise).</summary>
[ApiController]
[Authorize(Policy = Autorisations.Connecte)]
[Route("api/v1/membres/{inseeCode}")]
public sealed class ApiAdhesionsController(MutualisationDbContext db, TarifsDeLExercice tarifs, ContributionsReelles contributions) : ControllerBase
{
    /// <summary>Adhésions d'un membre, en cours et passées : choix de formule de l'article 8 et abonnements aux services, avec leurs dates et leurs actes.</summary>
    /// <remarks>Le membre est désigné par son code INSEE (une commune avant un établissement associé qui partagerait ce code).
    /// Chaque choix de formule : code et libellé de la formule, date d'effet, date de fin (veille du choix suivant, absente pour le choix en cours),
    /// acte qui le décide (<c>deliberation</c> ou <c>decision</c>, numéro, date). Chaque abonnement à un service : code et libellé du service,
    /// début (le 1er d'un mois), fin éventuelle, acte, et quantités datées (Go alloués, postes…). Dates au format AAAA-MM-JJ.
    /// Une mairie ne voit que sa commune : un autre code donne 404.</remarks>
    /// <param name="inseeCode">Code INSEE du membre (5 caractères).</param>
    /// <param name="annulation">Request abort.</param>
    [HttpGet("adhesions")]
    [ProducesResponseType<AdhesionsApi>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType(StatusCodes.Status401Unauthorized)]
    public async Task<ActionResult<AdhesionsApi>> Adhesions(string inseeCode, CancellationToken annulation)
    {
        if (await MembreAsync(inseeCode, annulation) is not { } membre)
        {
            return Inconnu(inseeCode);
        }

        var adhesion = await db.Set<Adhesion>().AsNoTracking().AsSplitQuery().FirstOrDefaultAsync(a => a.MembreId == membre.Id, annulation);
        return new AdhesionsApi(
            membre.CodeInsee,
            membre.Nom,
            adhesion?.Choix.OrderBy(c => c.DateEffet).Select(c => new ChoixApi(c.CodeFormule, c.LibelleFormule, c.DateEffet, c.DateFin, Acte(c.ActeNature, c.ActeNumero, c.ActeDate))).ToList() ?? [],
            adhesion?.Souscriptions.OrderBy(s => s.Debut).ThenBy(s => s.CodeService, StringComparer.Ordinal).Select(s => new SouscriptionApi(
                s.CodeService, s.LibelleService, s.Debut, s.Fin, Acte(s.ActeNature, s.ActeNumero, s.ActeDate),
                s.Quantites.OrderBy(q => q.Depuis).Select(q => new QuantiteApi(q.Code, q.Depuis, q.Valeur)).ToList())).ToList() ?? []);
    }

    /// <summary>Contribution d'un membre pour un exercice, calculée par le moteur de tarification à partir de ses adhésions enregistrées, ligne par ligne avec ses bases de liquidation.</summary>
    /// <remarks>Même forme que <c>GET /api/v1/simulation</c> (exercice, formule, année d'adhésion, population, tranche, quantités, lignes, total),
    /// avec le code INSEE, le nom du membre et les services facturés. Le catalogue est celui voté pour l'exercice ; la facturation commence à la date
    /// d'effet de la convention et s'arrête à sa date de sortie. Sans adhésion dans l'exercice, la contribution est vide (total 0.00).
    /// Quand les règles ne donnent pas de tarif automatique (au-delà de 8 000 habitants : examen approfondi…), la réponse est 422 avec le motif.
    /// Montants en euros à deux décimales. Une mairie ne voit que sa commune : un autre code donne 404.</remarks>
    /// <param name="inseeCode">Code INSEE du membre (5 caractères).</param>
    /// <param name="exercice">Année budgétaire (par défaut l'exercice en cours).</param>
    /// <param name="annulation">Request abort.</param>
    [HttpGet("contribution")]
    [ProducesResponseType<ReponseContribution>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity, "application/problem+json")]
    [ProducesResponseType(StatusCodes.Status401Unauthorized)]
    public async Task<ActionResult<ReponseContribution>> Contribution(string inseeCode, [FromQuery] string? exercice, CancellationToken annulation)
    {
        var annee = tarifs.ExerciceCourant;
        if (!string.IsNullOrWhiteSpace(exercice) && !SimulateurContributions.EstExercice(exercice, out annee))
        {
            return Problem(statusCode: StatusCodes.Status400BadRequest, title: "Paramètres invalides",
                detail: $"exercice : l'exercice est une année entre {Domain.Catalogue.VersionCatalogue.ExerciceMinimal} et {Domain.Catalogue.VersionCatalogue.ExerciceMaximal}.");
        }

        if (await MembreAsync(inseeCode, annulation) is not { } membre)
        {
            return Inconnu(inseeCode);
        }

        if (await tarifs.EnVigueurAsync(annee, annulation) is not { } tarif)
        {
            return Problem(statusCode: StatusCodes.Status404NotFound, title: "Aucun catalogue", detail: $"Aucun catalogue voté pour l'exercice {annee}.");
        }

        var resultat = (await contributions.CalculerAsync(tarif, [membre.Id], annulation)) is [var premiere, ..] ? premiere : null;
        if (resultat is null)
        {
            return new ReponseContribution(tarif.Exercice, membre.CodeInsee, membre.Nom, null, [], SimulateurContributions.AnneeSuivante, null, null,
                new Dictionary<string, decimal>(), [], 0m);
        }

        if (resultat.Contribution is not { } contribution)
        {
            return Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Pas de tarif automatique", detail: resultat.Refus);
        }

        var faits = resultat.Membre;
        return new ReponseContribution(
            tarif.Exercice, membre.CodeInsee, membre.Nom, faits.Formule,
            faits.Faits.Abonnements.Select(a => a.CodeService).Distinct(StringComparer.Ordinal).ToList(),
            faits.PremiereAnnee(tarif.Exercice) ? SimulateurContributions.PremiereAnnee : SimulateurContributions.AnneeSuivante,
            faits.Population, resultat.Tranche,
            faits.Faits.Quantites.ToDictionary(q => q.Key, q => q.Value, StringComparer.Ordinal),
            contribution.Lignes.Select(l => new LigneSimulation(l.Libelle, l.Bases, l.Montant)).ToList(),
            contribution.Total);
    }

    private ObjectResult Inconnu(string inseeCode) =>
        Problem(statusCode: StatusCodes.Status404NotFound, title: "Membre inconnu",
            detail: $"Aucun membre de code INSEE « {SaisieFr.Extrait(inseeCode)} » dans votre périmètre.");

    /// <summary>The member of that INSEE code in the caller's perimeter (a commune before an associated body sharing it).</summary>
    private async Task<MembreAdhesion?> MembreAsync(string inseeCode, CancellationToken annulation)
    {
        if (!InseeCode.EstValide(inseeCode))
        {
            return null;
        }

        var code = InseeCode.Parse(inseeCode);
        return await db.Membres.AsNoTracking().Where(m => m.CodeInsee == code)
            .OrderBy(m => m.Nature == NatureMembre.Commune ? 0 : 1).ThenBy(m => m.Id)
            .Select(m => new MembreAdhesion(m.Id, m.Nom, m.CodeInsee.Valeur)).FirstOrDefaultAsync(annulation);
    }

    private static ActeApi Acte(NatureActe nature, string numero, DateOnly date) =>
        new(nature == NatureActe.Deliberation ? "deliberation" : "decision", numero, date);
}

/// <summary>A member's adhésions as the API shows them.</summary>
/// <param name="InseeCode">Code INSEE du membre.</param>
/// <param name="Nom">Nom du membre.</param>
/// <param name="Formules">Choix de formule de l'article 8, du plus ancien au plus récent.</param>
/// <param name="Services">Abonnements aux services du catalogue, du plus ancien au plus récent.</param>
public sealed record AdhesionsApi(string InseeCode, string Nom, IReadOnlyList<ChoixApi> Formules, IReadOnlyList<SouscriptionApi> Services);

/// <param name="Code">Code de la formule dans le catalogue.</param>
/// <param name="Libelle">Libellé de la formule au moment du choix.</param>
/// <param name="DateEffet">Date d'effet du choix.</param>
/// <param name="DateFin">Dernier jour du choix (veille du choix suivant) ; absente pour le choix en cours.</param>
/// <param name="Acte">Acte qui décide le choix.</param>
public sealed record ChoixApi(string Code, string Libelle, DateOnly DateEffet, DateOnly? DateFin, ActeApi Acte);

/// <param name="Code">Code du service dans le catalogue.</param>
/// <param name="Libelle">Libellé du service au moment de l'abonnement.</param>
/// <param name="Debut">Premier jour (le 1er d'un mois).</param>
/// <param name="Fin">Dernier jour, s'il est connu.</param>
/// <param name="Acte">Acte qui décide l'abonnement.</param>
/// <param name="Quantites">Quantités datées (chacune en vigueur jusqu'à la suivante).</param>
public sealed record SouscriptionApi(string Code, string Libelle, DateOnly Debut, DateOnly? Fin, ActeApi Acte, IReadOnlyList<QuantiteApi> Quantites);

/// <param name="Nature">deliberation ou decision.</param>
/// <param name="Numero">Numéro de l'acte.</param>
/// <param name="Date">Date de l'acte.</param>
public sealed record ActeApi(string Nature, string Numero, DateOnly Date);

/// <param name="Code">Code de la quantité dans le catalogue (go, postes…).</param>
/// <param name="Depuis">Date à partir de laquelle la valeur s'applique.</param>
/// <param name="Valeur">Valeur.</param>
public sealed record QuantiteApi(string Code, DateOnly Depuis, decimal Valeur);

/// <summary>The contribution from stored facts, in the simulator's shape with the member and the services billed.</summary>
/// <param name="Exercice">Exercice tarifé.</param>
/// <param name="InseeCode">Code INSEE du membre.</param>
/// <param name="Nom">Nom du membre.</param>
/// <param name="Formule">Code de la dernière formule de l'article 8 choisie dans l'exercice, s'il y en a une.</param>
/// <param name="Services">Codes des services facturés dans l'exercice.</param>
/// <param name="Annee">premiere (un abonnement commence dans l'exercice) ou suivante.</param>
/// <param name="Population">Population légale retenue.</param>
/// <param name="Tranche">Tranche de population retenue.</param>
/// <param name="Quantites">Quantités retenues, par code.</param>
/// <param name="Lignes">Lignes de la contribution avec leurs bases de liquidation.</param>
/// <param name="Total">Total en euros.</param>
public sealed record ReponseContribution(
    int Exercice,
    string InseeCode,
    string Nom,
    string? Formule,
    IReadOnlyList<string> Services,
    string Annee,
    int? Population,
    string? Tranche,
    IReadOnlyDictionary<string, decimal> Quantites,
    IReadOnlyList<LigneSimulation> Lignes,
    [property: JsonConverter(typeof(EurosJson))] decimal Total);
