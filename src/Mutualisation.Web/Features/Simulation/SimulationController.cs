using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Mutualisation.Billing;
using Mutualisation.Web.Features.Tarifs;

namespace Mutualisation.Web.Features.Simulation;

/// <summary>"Simuler ma contribution": open to anyone, a GET form so a result can be shared as a link.</summary>
[AllowAnonymous]
[Route("simulation")]
public sealed class SimulationController(SimulateurContributions simulateur, TarifsDeLExercice tarifs) : Controller
{
    private const string Vue = "/Features/Simulation/Views/Index.cshtml";

    /// <summary>The simulator; <c>version</c> previews a draft before its vote (EPCI staff only: 404 for anyone else).</summary>
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] ParametresSimulation parametres, [FromQuery] string? formulePrecedente, CancellationToken annulation)
    {
        var anonyme = User.Identity?.IsAuthenticated != true;
        ExerciceTarifaire? brouillon = null;
        if (!string.IsNullOrEmpty(parametres.Version))
        {
            if (!TarifsDeLExercice.VoitLesBrouillons(User)
                || !int.TryParse(parametres.Version, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                || (brouillon = await tarifs.BrouillonAsync(id, annulation)) is null)
            {
                return NotFound();
            }
        }

        var exercices = await simulateur.ExercicesAsync(annulation);
        // The current exercice by default, or the latest voted one when the current is not voted yet.
        var exercice = brouillon?.Exercice ?? (SimulateurContributions.EstExercice(parametres.Exercice, out var e) ? e
            : exercices.Contains(simulateur.ExerciceCourant) || exercices.Count == 0 ? simulateur.ExerciceCourant : exercices[^1]);
        var tarif = brouillon ?? await simulateur.EnVigueurAsync(exercice, annulation);
        parametres = parametres with
        {
            Exercice = parametres.Exercice ?? exercice.ToString(CultureInfo.InvariantCulture),
            Quantites = ParametresSimulation.QuantitesDe(Request.Query, tarif?.Version),
        };

        // Without script, a formule changed in the form reloads the page with that formule's fields, unpriced.
        var formuleChangee = formulePrecedente is not null && formulePrecedente != parametres.Formule;
        var soumis = Request.Query.ContainsKey("formule") && !formuleChangee;
        var issue = soumis ? await simulateur.SimulerAsync(parametres, anonyme, annulation, brouillon) : null;
        foreach (var (champ, message) in issue?.Erreurs ?? new Dictionary<string, string>())
        {
            ModelState.AddModelError(champ, message);
        }

        var modele = new PageSimulation(parametres, exercices, tarif, await simulateur.CommunesAsync(anonyme, annulation), issue, formuleChangee);
        if (issue is { EstValide: false })
        {
            Response.StatusCode = issue.Refus is null ? StatusCodes.Status400BadRequest : StatusCodes.Status422UnprocessableEntity;
        }

        return View(Vue, modele);
    }
}

public sealed record PageSimulation(
    ParametresSimulation Parametres,
    IReadOnlyList<int> Exercices,
    ExerciceTarifaire? Tarif,
    IReadOnlyList<CommuneSimulable> Communes,
    IssueSimulation? Issue,
    bool FormuleChangee)
{
    public IReadOnlyList<FormuleTarifaire> Formules => Tarif?.Catalogue.Formules ?? [];

    /// <summary>The formule whose fields are shown: the one typed, else the first.</summary>
    public FormuleTarifaire? FormuleChoisie => Tarif?.Formule(Parametres.Formule) ?? (Formules.Count > 0 ? Formules[0] : null);
}

/// <summary>The simulator as JSON, anonymous: the same numbers as the page.</summary>
[ApiController]
[AllowAnonymous]
[Route("api/v1/simulation")]
public sealed class ApiSimulationController(SimulateurContributions simulateur) : ControllerBase
{
    /// <summary>Simule la contribution d'une commune à une formule du catalogue voté pour l'exercice, ligne par ligne avec ses bases de liquidation.</summary>
    /// <remarks>Ouvert sans compte ; mêmes montants que la page « Simuler ma contribution ». Montants en euros à deux décimales.
    /// Les quantités que la formule demande (postes, agents…) se passent en paramètres nommés par leur code : la liste des formules,
    /// de leurs services et des quantités qu'elles demandent est donnée par <c>GET /api/v1/simulation/formules</c>.
    /// Une formule que le catalogue ne tarife pas automatiquement (examen approfondi, hors grille) donne 422 avec le motif.</remarks>
    /// <param name="formule">Code d'une formule du catalogue de l'exercice (voir /api/v1/simulation/formules). Obligatoire.</param>
    /// <param name="annee">Année d'adhésion : premiere (première année) ou suivante (années suivantes). Obligatoire, sauf si la date d'adhésion est donnée : elle en décide.</param>
    /// <param name="population">Nombre d'habitants (population légale), entier positif ou nul ; obligatoire pour une formule tarifée sur la population.</param>
    /// <param name="exercice">Année budgétaire (par défaut l'exercice en cours).</param>
    /// <param name="auditLivreLe">Date de remise du rapport d'audit (AAAA-MM-JJ), pour une formule qui déduit un audit déjà payé.</param>
    /// <param name="adhesionLe">Date d'adhésion à la formule (AAAA-MM-JJ) ; elle décide de l'année d'adhésion.</param>
    /// <param name="joursN1">Jours d'assistance N1 consommés dans l'exercice, multiple de 0,5 (autre écriture de la quantité demi-journees-n1, en jours).</param>
    /// <param name="annulation">Request abort.</param>
    [HttpGet]
    [ProducesResponseType<ReponseSimulation>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity, "application/problem+json")]
    public async Task<ActionResult<ReponseSimulation>> Simuler(
        [FromQuery] string? formule,
        [FromQuery] string? annee,
        [FromQuery] string? population,
        [FromQuery] string? exercice,
        [FromQuery] string? auditLivreLe,
        [FromQuery] string? adhesionLe,
        [FromQuery] string? joursN1,
        CancellationToken annulation)
    {
        var tarif = await simulateur.EnVigueurAsync(SimulateurContributions.EstExercice(exercice, out var e) ? e : simulateur.ExerciceCourant, annulation);
        var parametres = new ParametresSimulation(null, population, formule, exercice, auditLivreLe, adhesionLe, joursN1, annee)
        {
            Quantites = ParametresSimulation.QuantitesDe(Request.Query, tarif?.Version),
        };
        var issue = await simulateur.SimulerAsync(parametres, anonyme: true, annulation);
        if (issue.Refus is not null)
        {
            return Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Pas de tarif automatique", detail: issue.Refus);
        }

        if (issue.Resultat is not { } r)
        {
            return Problem(statusCode: StatusCodes.Status400BadRequest, title: "Paramètres invalides",
                detail: string.Join(" ", issue.Erreurs.Select(x => string.IsNullOrEmpty(x.Key) ? x.Value : $"{x.Key} : {x.Value}")));
        }

        return new ReponseSimulation(r.Exercice, r.Formule.Code, r.PremiereAnnee ? SimulateurContributions.PremiereAnnee : SimulateurContributions.AnneeSuivante,
            r.Population, r.Tranche, r.Quantites.ToDictionary(q => q.Code, q => q.Valeur, StringComparer.Ordinal),
            r.Contribution.Lignes.Select(l => new LigneSimulation(l.Libelle, l.Bases, l.Montant)).ToList(),
            r.Contribution.Total);
    }

    /// <summary>Liste les formules du catalogue de l'exercice, avec leurs services et les quantités que chacune demande.</summary>
    /// <remarks>Ouvert sans compte. Chaque quantité se passe à <c>GET /api/v1/simulation</c> en paramètre nommé par son code ;
    /// une quantité entière refuse les décimales ; une quantité facultative vaut zéro si elle est omise (une consommation).</remarks>
    /// <param name="exercice">Année budgétaire (par défaut l'exercice en cours).</param>
    /// <param name="annulation">Request abort.</param>
    [HttpGet("formules")]
    [ProducesResponseType<ReponseFormules>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<ActionResult<ReponseFormules>> Formules([FromQuery] string? exercice, CancellationToken annulation)
    {
        var annee = simulateur.ExerciceCourant;
        if (!string.IsNullOrWhiteSpace(exercice) && !SimulateurContributions.EstExercice(exercice, out annee))
        {
            return Problem(statusCode: StatusCodes.Status400BadRequest, title: "Paramètres invalides",
                detail: $"exercice : l'exercice est une année entre {Domain.Catalogue.VersionCatalogue.ExerciceMinimal} et {Domain.Catalogue.VersionCatalogue.ExerciceMaximal}.");
        }

        if (await simulateur.EnVigueurAsync(annee, annulation) is not { } tarif)
        {
            return Problem(statusCode: StatusCodes.Status404NotFound, title: "Aucun catalogue", detail: $"Aucun catalogue voté pour l'exercice {annee}.");
        }

        return new ReponseFormules(tarif.Exercice, tarif.Catalogue.Formules.Select(f => new FormuleSimulable(
            f.Code,
            f.Libelle,
            f.Services.Select(code => tarif.Catalogue.Services.FirstOrDefault(s => s.Code == code)).OfType<ServiceTarife>()
                .Select(s => new ServiceSimulable(s.Code, s.Libelle)).ToList(),
            tarif.UtiliseLaPopulation(f),
            tarif.ADeduction(f),
            tarif.QuantitesDe(f).Select(q => new QuantiteSimulable(q.Quantite.Code, q.Quantite.Libelle, q.Quantite.UniteSingulier, q.Quantite.UnitePluriel,
                q.Quantite.Type == Domain.Catalogue.TypeQuantite.Entiere ? "entiere" : "decimale", q.Obligatoire)).ToList())).ToList());
    }
}

public sealed record ReponseFormules(int Exercice, IReadOnlyList<FormuleSimulable> Formules);

/// <param name="Population">Whether the formule prices on the population (then <c>population</c> is required).</param>
/// <param name="DateAudit">Whether a prior audit is deducted (then <c>auditLivreLe</c> matters).</param>
public sealed record FormuleSimulable(string Code, string Libelle, IReadOnlyList<ServiceSimulable> Services, bool Population, bool DateAudit, IReadOnlyList<QuantiteSimulable> Quantites);

public sealed record ServiceSimulable(string Code, string Libelle);

public sealed record QuantiteSimulable(string Code, string Libelle, string UniteSingulier, string UnitePluriel, string Type, bool Obligatoire);

public sealed record ReponseSimulation(
    int Exercice,
    string Formule,
    string Annee,
    int Population,
    string? Tranche,
    IReadOnlyDictionary<string, decimal> Quantites,
    IReadOnlyList<LigneSimulation> Lignes,
    [property: JsonConverter(typeof(EurosJson))] decimal Total);

public sealed record LigneSimulation(string Libelle, BasesDeLiquidation Bases, [property: JsonConverter(typeof(EurosJson))] decimal Montant);

/// <summary>Euros as JSON numbers with exactly two decimals (2000 → 2000.00).</summary>
public sealed class EurosJson : JsonConverter<decimal>
{
    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDecimal();

    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) =>
        writer.WriteRawValue(Arrondi.AuCentime(value).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture));
}
