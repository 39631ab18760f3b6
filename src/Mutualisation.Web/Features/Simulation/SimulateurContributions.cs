using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Mutualisation.Billing;
using Mutualisation.Domain.Catalogue;
using Mutualisation.Domain.Membres;
using Mutualisation.Persistence;
using Mutualisation.Web.Infrastructure;

namespace Mutualisation.Web.Features.Simulation;

/// <summary>What the simulator receives, as typed (strings, so a bad value comes back with its own message).</summary>
public sealed record ParametresSimulation(
    string? Commune = null,
    string? Population = null,
    string? Formule = null,
    string? Exercice = null,
    string? AuditLivreLe = null,
    string? AdhesionLe = null,
    string? JoursN1 = null);

public sealed record ResultatSimulation(int Exercice, FormuleTarifaire Formule, int Population, int? Millesime, string? NomCommune, Contribution Contribution)
{
    public string? Tranche => Billing.Simulation.Tranche(Contribution);
}

/// <summary>The outcome: a result, or errors per field, or the rules' refusal to price (a negotiated amount is needed).</summary>
public sealed record IssueSimulation(ResultatSimulation? Resultat, IReadOnlyDictionary<string, string> Erreurs, string? Refus)
{
    public bool EstValide => Erreurs.Count == 0 && Refus is null;
}

public sealed record CommuneSimulable(int Id, string Nom, int? Population);

/// <summary>
/// Prices a formule for a population or a member with the catalogue voted for the exercice, through
/// the same engine as the titres. Members' names and legal populations are public INSEE data: an
/// anonymous visitor may pick any member; a signed-in user sees the members of its perimeter.
/// </summary>
public sealed class SimulateurContributions(MutualisationDbContext db, TimeProvider horloge)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Catalogues already read in this request (the page and the pricing need the same one).</summary>
    private readonly Dictionary<int, CatalogueTarifaire?> _catalogues = [];

    public int ExerciceCourant => horloge.ExerciceCourant();

    public async Task<IReadOnlyList<int>> ExercicesAsync(CancellationToken annulation) =>
        await db.VersionsCatalogue.Where(v => v.Statut == StatutVersion.Votee).Select(v => v.Exercice).Distinct().OrderBy(e => e).ToListAsync(annulation);

    /// <summary>The voted version in force for the exercice (a mid-year vote replaces the earlier one from its date), ready to price.</summary>
    public async Task<CatalogueTarifaire?> CatalogueEnVigueurAsync(int exercice, CancellationToken annulation)
    {
        if (exercice is < VersionCatalogue.ExerciceMinimal or > VersionCatalogue.ExerciceMaximal)
        {
            return null;
        }

        if (_catalogues.TryGetValue(exercice, out var connu))
        {
            return connu;
        }

        var versions = await db.VersionsCatalogue.AsNoTracking().AvecTarifs()
            .Where(v => v.Exercice == exercice && v.Statut == StatutVersion.Votee)
            .ToListAsync(annulation);
        var version = VersionCatalogue.EnVigueurAu(versions, VersionCatalogue.DateDeReference(exercice, horloge.AujourdHui()));
        return _catalogues[exercice] = version is null ? null : ConversionCatalogue.VersTarification(version);
    }

    public async Task<IReadOnlyList<CommuneSimulable>> CommunesAsync(bool anonyme, CancellationToken annulation)
    {
        var membres = anonyme ? db.Membres.IgnoreQueryFilters() : db.Membres;
        return await membres.AsNoTracking().OrderBy(m => m.NomRecherche)
            .Select(m => new CommuneSimulable(m.Id, m.Nom, m.PopulationTotale))
            .ToListAsync(annulation);
    }

    public async Task<IssueSimulation> SimulerAsync(ParametresSimulation p, bool anonyme, CancellationToken annulation)
    {
        var erreurs = new Dictionary<string, string>(StringComparer.Ordinal);
        var exercice = ExerciceCourant;
        if (!string.IsNullOrWhiteSpace(p.Exercice) && !EstExercice(p.Exercice, out exercice))
        {
            erreurs["exercice"] = $"L'exercice est une année entre {VersionCatalogue.ExerciceMinimal} et {VersionCatalogue.ExerciceMaximal} (reçu « {Extrait(p.Exercice)} »).";
        }

        var catalogue = erreurs.ContainsKey("exercice") ? null : await CatalogueEnVigueurAsync(exercice, annulation);
        if (catalogue is null && !erreurs.ContainsKey("exercice"))
        {
            erreurs["exercice"] = $"Aucun catalogue voté pour l'exercice {exercice}. Exercices disponibles : {string.Join(", ", await ExercicesAsync(annulation))}.";
        }

        if (string.IsNullOrWhiteSpace(p.Formule))
        {
            erreurs["formule"] = "La formule est obligatoire" + (catalogue is null ? "." : $" : {string.Join(", ", catalogue.Formules.Select(f => f.Code))}.");
        }
        else if (catalogue is not null && catalogue.Formule(p.Formule.Trim()) is null)
        {
            erreurs["formule"] = $"Formule inconnue « {p.Formule} ». Formules possibles : {string.Join(", ", catalogue.Formules.Select(f => f.Code))}.";
        }

        var (population, millesime, nom) = await LirePopulationAsync(p, exercice, catalogue?.Population ?? ReferencePopulation.Totale, anonyme, erreurs, annulation);
        var audit = LireDate(p.AuditLivreLe, "auditLivreLe", erreurs);
        var adhesion = LireDate(p.AdhesionLe, "adhesionLe", erreurs);
        var jours = 0m;
        if (!string.IsNullOrWhiteSpace(p.JoursN1)
            && (!decimal.TryParse(p.JoursN1.Trim().Replace(',', '.'), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, Invariant, out jours)
                || jours < 0 || jours % 0.5m != 0 || jours > Billing.Simulation.JoursN1Maximum))
        {
            erreurs["joursN1"] = $"Les jours N1 consommés sont un nombre positif, par demi-journées (0, 0,5, 1…), au plus {Billing.Simulation.JoursN1Maximum:0} ; reçu « {Extrait(p.JoursN1)} ».";
        }

        if (erreurs.Count > 0 || catalogue is null)
        {
            return new IssueSimulation(null, erreurs, null);
        }

        try
        {
            var demande = new DemandeSimulation(p.Formule!.Trim(), population) { Millesime = millesime, AuditLivreLe = audit, AdhesionLe = adhesion, JoursN1 = jours };
            var resultat = Billing.Simulation.Evaluer(catalogue, demande);
            return resultat.Contribution is { } contribution
                ? new IssueSimulation(new ResultatSimulation(exercice, catalogue.Formule(demande.Formule)!, population, millesime, nom, contribution), erreurs, null)
                : new IssueSimulation(null, erreurs, resultat.Refus!.Message);
        }
        catch (TarificationImpossibleException erreur)
        {
            var champ = erreur.Code switch
            {
                "population-negative" => "population",
                "jours-invalides" => "joursN1",
                "formule-inconnue" => "formule",
                "dates-contradictoires" => "adhesionLe",
                _ => string.Empty,
            };
            erreurs[champ] = erreur.Message;
            return new IssueSimulation(null, erreurs, null);
        }
    }

    /// <summary>An exercice typed as a year a catalogue can exist for (an absurd year would break the date arithmetic).</summary>
    public static bool EstExercice(string? texte, out int exercice) =>
        int.TryParse(texte?.Trim(), NumberStyles.None, Invariant, out exercice)
        && exercice is >= VersionCatalogue.ExerciceMinimal and <= VersionCatalogue.ExerciceMaximal;

    /// <summary>What the user typed, shortened so a 20 000-character value does not fill the message.</summary>
    private static string Extrait(string texte) => texte.Length <= 40 ? texte : string.Concat(texte.AsSpan(0, 40), "…");

    private async Task<(int Population, int? Millesime, string? Nom)> LirePopulationAsync(
        ParametresSimulation p, int exercice, ReferencePopulation reference, bool anonyme, Dictionary<string, string> erreurs, CancellationToken annulation)
    {
        if (!string.IsNullOrWhiteSpace(p.Commune))
        {
            if (!int.TryParse(p.Commune, NumberStyles.None, Invariant, out var id))
            {
                erreurs["commune"] = "Commune inconnue.";
                return (0, null, null);
            }

            var membres = anonyme ? db.Membres.IgnoreQueryFilters() : db.Membres;
            var membre = await membres.AsNoTracking().Where(m => m.Id == id).Select(m => new { m.Nom }).FirstOrDefaultAsync(annulation);
            if (membre is null)
            {
                erreurs["commune"] = "Commune inconnue.";
                return (0, null, null);
            }

            var millesimeEnVigueur = PopulationLegale.MillesimeEnVigueur(exercice);
            var populations = anonyme ? db.Populations.IgnoreQueryFilters() : db.Populations;
            var enVigueur = await populations.AsNoTracking()
                .Where(x => x.MembreId == id && x.Millesime <= millesimeEnVigueur)
                .OrderByDescending(x => x.Millesime)
                .Select(x => new { x.Millesime, x.Totale, x.Municipale })
                .FirstOrDefaultAsync(annulation);
            if (enVigueur is null)
            {
                erreurs["commune"] = $"La population légale de {membre.Nom} en vigueur au 1er janvier {exercice} (millésime {millesimeEnVigueur}) n'est pas connue : saisissez la population.";
                return (0, null, membre.Nom);
            }

            return (PopulationLegale.Selon(reference, enVigueur.Totale, enVigueur.Municipale), enVigueur.Millesime, membre.Nom);
        }

        var texte = p.Population?.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("\u00A0", string.Empty, StringComparison.Ordinal).Replace("\u202F", string.Empty, StringComparison.Ordinal);
        if (string.IsNullOrWhiteSpace(texte))
        {
            erreurs["population"] = "Choisissez une commune ou saisissez une population.";
        }
        else if (!int.TryParse(texte, NumberStyles.AllowLeadingSign, Invariant, out var population))
        {
            erreurs["population"] = $"La population est un nombre entier d'habitants (reçu « {Extrait(p.Population!)} »).";
        }
        else if (population < 0)
        {
            erreurs["population"] = "La population ne peut pas être négative.";
        }
        else if (population > 5_000_000)
        {
            erreurs["population"] = "Population invraisemblable pour un membre (plus de 5 millions d'habitants).";
        }
        else
        {
            return (population, null, null);
        }

        return (0, null, null);
    }

    private static DateOnly? LireDate(string? texte, string champ, Dictionary<string, string> erreurs)
    {
        if (string.IsNullOrWhiteSpace(texte))
        {
            return null;
        }

        if (DateOnly.TryParseExact(texte.Trim(), "yyyy-MM-dd", Invariant, DateTimeStyles.None, out var date))
        {
            return date;
        }

        erreurs[champ] = $"Date attendue au format AAAA-MM-JJ (reçu « {Extrait(texte)} »).";
        return null;
    }
}
