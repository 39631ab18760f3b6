using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Mutualisation.Billing;

namespace Mutualisation.Web.Features.Simulation;

/// <summary>"Simuler ma contribution": open to anyone, a GET form so a result can be shared as a link.</summary>
[AllowAnonymous]
[Route("simulation")]
public sealed class SimulationController(SimulateurContributions simulateur) : Controller
{
    private const string Vue = "/Features/Simulation/Views/Index.cshtml";

    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] ParametresSimulation parametres, CancellationToken annulation)
    {
        var anonyme = User.Identity?.IsAuthenticated != true;
        var exercices = await simulateur.ExercicesAsync(annulation);
        // The current exercice by default, or the latest voted one when the current is not voted yet.
        var exercice = SimulateurContributions.EstExercice(parametres.Exercice, out var e) ? e
            : exercices.Contains(simulateur.ExerciceCourant) || exercices.Count == 0 ? simulateur.ExerciceCourant : exercices[^1];
        var catalogue = await simulateur.CatalogueEnVigueurAsync(exercice, annulation);
        var soumis = Request.Query.ContainsKey("formule");
        parametres = parametres with { Exercice = parametres.Exercice ?? exercice.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        var issue = soumis ? await simulateur.SimulerAsync(parametres, anonyme, annulation) : null;
        foreach (var (champ, message) in issue?.Erreurs ?? new Dictionary<string, string>())
        {
            ModelState.AddModelError(champ, message);
        }

        var modele = new PageSimulation(
            parametres,
            exercices,
            catalogue?.Formules ?? [],
            await simulateur.CommunesAsync(anonyme, annulation),
            issue);
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
    IReadOnlyList<FormuleTarifaire> Formules,
    IReadOnlyList<CommuneSimulable> Communes,
    IssueSimulation? Issue);

/// <summary>The simulator as JSON, anonymous: the same numbers as the page.</summary>
[ApiController]
[AllowAnonymous]
[Route("api/v1/simulation")]
public sealed class ApiSimulationController(SimulateurContributions simulateur) : ControllerBase
{
    /// <summary>Simule la contribution d'une commune à une formule du catalogue voté pour l'exercice, ligne par ligne avec ses bases de liquidation.</summary>
    /// <remarks>Ouvert sans compte ; mêmes montants que la page « Simuler ma contribution ». Montants en euros à deux décimales.
    /// Au-delà de 8 000 habitants, l'audit et le socle complet relèvent d'un examen approfondi : la réponse est alors 422 avec le motif.</remarks>
    /// <param name="population">Nombre d'habitants (population légale), entier positif ou nul. Obligatoire.</param>
    /// <param name="formule">Code de la formule du catalogue : socle-complet, audit, groupement-achats ou socle-annexe-complet. Obligatoire.</param>
    /// <param name="exercice">Année budgétaire (par défaut l'exercice en cours).</param>
    /// <param name="auditLivreLe">Date de remise du rapport d'audit (AAAA-MM-JJ), pour la déduction de l'audit déjà payé.</param>
    /// <param name="adhesionLe">Date d'adhésion à la formule (AAAA-MM-JJ) ; par défaut le 1er janvier de l'exercice.</param>
    /// <param name="joursN1">Jours d'assistance N1 consommés dans l'exercice, multiple de 0,5.</param>
    /// <param name="annulation">Request abort.</param>
    [HttpGet]
    [ProducesResponseType<ReponseSimulation>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity, "application/problem+json")]
    public async Task<ActionResult<ReponseSimulation>> Simuler(
        [FromQuery] string? population,
        [FromQuery] string? formule,
        [FromQuery] string? exercice,
        [FromQuery] string? auditLivreLe,
        [FromQuery] string? adhesionLe,
        [FromQuery] string? joursN1,
        CancellationToken annulation)
    {
        var parametres = new ParametresSimulation(null, population ?? string.Empty, formule, exercice, auditLivreLe, adhesionLe, joursN1);
        if (string.IsNullOrWhiteSpace(population))
        {
            return Problem(statusCode: StatusCodes.Status400BadRequest, title: "Paramètre manquant", detail: "Le paramètre « population » est obligatoire (nombre d'habitants, entier positif ou nul).");
        }

        var issue = await simulateur.SimulerAsync(parametres, anonyme: true, annulation);
        if (issue.Refus is not null)
        {
            return Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Pas de tarif automatique", detail: issue.Refus);
        }

        if (issue.Resultat is not { } r)
        {
            return Problem(statusCode: StatusCodes.Status400BadRequest, title: "Paramètres invalides",
                detail: string.Join(" ", issue.Erreurs.Select(e => string.IsNullOrEmpty(e.Key) ? e.Value : $"{e.Key} : {e.Value}")));
        }

        return new ReponseSimulation(r.Exercice, r.Formule.Code, r.Population, r.Tranche,
            r.Contribution.Lignes.Select(l => new LigneSimulation(l.Libelle, l.Bases, l.Montant)).ToList(),
            r.Contribution.Total);
    }
}

public sealed record ReponseSimulation(
    int Exercice,
    string Formule,
    int Population,
    string? Tranche,
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
