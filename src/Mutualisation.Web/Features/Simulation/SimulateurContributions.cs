using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Mutualisation.Billing;
using Mutualisation.Domain.Catalogue;
using Mutualisation.Persistence;
using Mutualisation.Web.Features.Tarifs;

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
    string? JoursN1 = null,
    string? Annee = null,
    string? Version = null)
{
    /// <summary>The declared quantities as typed, by code (query parameters named by the codes: postes=4).</summary>
    [Microsoft.AspNetCore.Mvc.ModelBinding.BindNever]
    public IReadOnlyDictionary<string, string> Quantites { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The values of the query string named by the declared quantities of a catalogue version.</summary>
    public static IReadOnlyDictionary<string, string> QuantitesDe(IQueryCollection requete, VersionCatalogue? version) =>
        (version?.Quantites ?? []).Where(q => requete.ContainsKey(q.Code))
            .ToDictionary(q => q.Code, q => requete[q.Code].ToString(), StringComparer.Ordinal);
}

/// <summary>A quantity priced, with its label and unit (« 4 postes »).</summary>
public sealed record QuantiteRetenue(string Code, string Libelle, decimal Valeur, string Unite, bool Declaree);

public sealed record ResultatSimulation(
    int Exercice, FormuleTarifaire Formule, int Population, int? Millesime, string? NomCommune, Contribution Contribution,
    bool PremiereAnnee, IReadOnlyList<QuantiteRetenue> Quantites, bool UtiliseLaPopulation)
{
    public string? Tranche => Billing.Simulation.Tranche(Contribution);

    /// <summary>The year of membership as shown with the result.</summary>
    public string Annee => PremiereAnnee ? "première année d'adhésion" : "années suivantes";
}

/// <summary>The outcome: a result, or errors per field, or the rules' refusal to price (a negotiated amount is needed).</summary>
public sealed record IssueSimulation(ResultatSimulation? Resultat, IReadOnlyDictionary<string, string> Erreurs, string? Refus)
{
    public bool EstValide => Erreurs.Count == 0 && Refus is null;
}

public sealed record CommuneSimulable(int Id, string Nom, int? Population);

/// <summary>
/// Prices a formule for a population or a member with the catalogue that applies to the exercice
/// (<see cref="TarifsDeLExercice"/>), through the same engine as the titres, asking for exactly the
/// quantities the formule needs. Members' names and legal populations are public INSEE data: an
/// anonymous visitor may pick any member; a signed-in user sees the members of its perimeter.
/// </summary>
public sealed class SimulateurContributions(MutualisationDbContext db, TarifsDeLExercice tarifs, FaitsDesMembres faits)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Values of <c>annee</c>: the first year of membership, or a following one.</summary>
    public const string PremiereAnnee = "premiere";
    public const string AnneeSuivante = "suivante";

    public int ExerciceCourant => tarifs.ExerciceCourant;

    public Task<IReadOnlyList<int>> ExercicesAsync(CancellationToken annulation) => tarifs.ExercicesVotesAsync(annulation);

    public Task<ExerciceTarifaire?> EnVigueurAsync(int exercice, CancellationToken annulation) => tarifs.EnVigueurAsync(exercice, annulation);

    public async Task<IReadOnlyList<CommuneSimulable>> CommunesAsync(bool anonyme, CancellationToken annulation)
    {
        var membres = anonyme ? db.Membres.IgnoreQueryFilters() : db.Membres;
        return await membres.AsNoTracking().OrderBy(m => m.NomRecherche)
            .Select(m => new CommuneSimulable(m.Id, m.Nom, m.PopulationTotale))
            .ToListAsync(annulation);
    }

    /// <summary>Prices with the version in force for the typed exercice, or with <paramref name="brouillon"/> (a draft previewed by staff).</summary>
    public async Task<IssueSimulation> SimulerAsync(ParametresSimulation p, bool anonyme, CancellationToken annulation, ExerciceTarifaire? brouillon = null)
    {
        var erreurs = new Dictionary<string, string>(StringComparer.Ordinal);
        var exercice = brouillon?.Exercice ?? ExerciceCourant;
        if (brouillon is null && !string.IsNullOrWhiteSpace(p.Exercice) && !EstExercice(p.Exercice, out exercice))
        {
            erreurs["exercice"] = $"L'exercice est une année entre {VersionCatalogue.ExerciceMinimal} et {VersionCatalogue.ExerciceMaximal} (reçu « {SaisieFr.Extrait(p.Exercice)} »).";
        }

        var tarif = brouillon ?? (erreurs.ContainsKey("exercice") ? null : await tarifs.EnVigueurAsync(exercice, annulation));
        if (tarif is null && !erreurs.ContainsKey("exercice"))
        {
            erreurs["exercice"] = $"Aucun catalogue voté pour l'exercice {exercice}. Exercices disponibles : {string.Join(", ", await ExercicesAsync(annulation))}.";
        }

        var catalogue = tarif?.Catalogue;
        FormuleTarifaire? formule = null;
        if (string.IsNullOrWhiteSpace(p.Formule))
        {
            erreurs["formule"] = "La formule est obligatoire" + (catalogue is null ? "." : $" : {string.Join(", ", catalogue.Formules.Select(f => f.Code))}.");
        }
        else if (catalogue is not null && (formule = tarif!.Formule(p.Formule)) is null)
        {
            erreurs["formule"] = $"Formule inconnue « {SaisieFr.Extrait(p.Formule)} ». Formules possibles : {string.Join(", ", catalogue.Formules.Select(f => f.Code))}.";
        }

        var audit = LireDate(p.AuditLivreLe, "auditLivreLe", erreurs);
        var adhesion = LireDate(p.AdhesionLe, "adhesionLe", erreurs);
        var premiereAnnee = LireAnnee(p.Annee, adhesion, exercice, erreurs);
        var jours = 0m;
        if (!string.IsNullOrWhiteSpace(p.JoursN1)
            && (!decimal.TryParse(p.JoursN1.Trim().Replace(',', '.'), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, Invariant, out jours)
                || jours < 0 || jours % 0.5m != 0 || jours > Billing.Simulation.JoursN1Maximum))
        {
            erreurs["joursN1"] = $"Les jours N1 consommés sont un nombre positif, par demi-journées (0, 0,5, 1…), au plus {Billing.Simulation.JoursN1Maximum:0} ; reçu « {SaisieFr.Extrait(p.JoursN1)} ».";
        }

        if (tarif is null || formule is null)
        {
            return new IssueSimulation(null, erreurs, null);
        }

        var utilisePopulation = tarif.UtiliseLaPopulation(formule);
        var membre = await LireMembreAsync(p, tarif, utilisePopulation, anonyme, erreurs, annulation);
        var (saisies, retenues) = LireQuantites(p, tarif, formule, membre, jours, anonyme, erreurs);
        if (erreurs.Count > 0 || membre is null)
        {
            return new IssueSimulation(null, erreurs, null);
        }

        var hypothese = new HypotheseAdhesion(formule.Code, premiereAnnee ?? true) { AdhesionLe = adhesion, AuditLivreLe = audit, JoursN1 = jours, Saisies = saisies };
        try
        {
            var resultat = Billing.Simulation.Evaluer(catalogue!, membre.Demande(hypothese));
            if (resultat.Contribution is { } contribution)
            {
                var nom = membre.MembreId == 0 ? null : membre.Nom;
                return new IssueSimulation(
                    new ResultatSimulation(tarif.Exercice, formule, membre.Population ?? 0, membre.Millesime, nom, contribution, premiereAnnee ?? true, retenues, utilisePopulation),
                    erreurs, null);
            }

            return new IssueSimulation(null, erreurs, resultat.Refus!.Message);
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

    /// <summary>The year of membership: an adhesion date decides it; otherwise the explicit choice, required.</summary>
    private static bool? LireAnnee(string? annee, DateOnly? adhesion, int exercice, Dictionary<string, string> erreurs)
    {
        if (adhesion is { } le)
        {
            return le.Year >= exercice;
        }

        switch (annee?.Trim())
        {
            case PremiereAnnee:
                return true;
            case AnneeSuivante:
                return false;
            case null or "":
                erreurs["annee"] = "Précisez l'année d'adhésion : première année (premiere) ou années suivantes (suivante) ; une date d'adhésion en décide aussi.";
                return null;
            default:
                erreurs["annee"] = $"L'année d'adhésion est « premiere » ou « suivante » (reçu « {SaisieFr.Extrait(annee!)} »).";
                return null;
        }
    }

    /// <summary>
    /// The typed values of the quantities the formule needs; a member's declared value fills a field
    /// left empty. The N1 half-days are typed as days (<c>joursN1</c>) or as half-days.
    /// </summary>
    private static (Dictionary<string, decimal> Saisies, List<QuantiteRetenue> Retenues) LireQuantites(
        ParametresSimulation p, ExerciceTarifaire tarif, FormuleTarifaire formule, FaitsDuMembre? membre, decimal jours, bool anonyme, Dictionary<string, string> erreurs)
    {
        var saisies = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var retenues = new List<QuantiteRetenue>();
        foreach (var (q, obligatoire) in tarif.QuantitesDe(formule))
        {
            if (q.Code == Quantites.DemiJourneesN1 && !string.IsNullOrWhiteSpace(p.JoursN1))
            {
                if (!erreurs.ContainsKey("joursN1") && jours > 0)
                {
                    retenues.Add(new QuantiteRetenue(q.Code, q.Libelle, jours * 2, q.Unite(jours * 2), false));
                }

                continue;
            }

            var texte = p.Quantites.GetValueOrDefault(q.Code);
            if (string.IsNullOrWhiteSpace(texte))
            {
                if (membre?.Quantites.TryGetValue(q.Code, out var declaree) == true)
                {
                    retenues.Add(new QuantiteRetenue(q.Code, q.Libelle, declaree, q.Unite(declaree), true));
                }
                else if (obligatoire)
                {
                    erreurs[q.Code] = $"La quantité « {q.Libelle} » est obligatoire pour la formule « {formule.Libelle} » (paramètre {q.Code}, en {q.UnitePluriel})."
                        + (membre is { MembreId: > 0 } choisi && !anonyme ? $" {choisi.Nom} n'en a pas déclaré pour l'exercice." : string.Empty);
                }

                continue;
            }

            if (SaisieQuantite.Refus(q, texte, out var valeur) is { } refus)
            {
                erreurs[q.Code] = refus;
                continue;
            }

            saisies[q.Code] = valeur;
            retenues.Add(new QuantiteRetenue(q.Code, q.Libelle, valeur, q.Unite(valeur), false));
        }

        return (saisies, retenues);
    }

    /// <summary>An exercice typed as a year a catalogue can exist for (an absurd year would break the date arithmetic).</summary>
    public static bool EstExercice(string? texte, out int exercice) =>
        int.TryParse(texte?.Trim(), NumberStyles.None, Invariant, out exercice)
        && exercice is >= VersionCatalogue.ExerciceMinimal and <= VersionCatalogue.ExerciceMaximal;


    /// <summary>
    /// The member chosen (its facts from <see cref="FaitsDesMembres"/>), or a typed population as an
    /// anonymous member (id 0); a formule that does not read the population needs neither.
    /// </summary>
    private async Task<FaitsDuMembre?> LireMembreAsync(
        ParametresSimulation p, ExerciceTarifaire tarif, bool utilisePopulation, bool anonyme, Dictionary<string, string> erreurs, CancellationToken annulation)
    {
        var aucune = new Dictionary<string, decimal>();
        if (!string.IsNullOrWhiteSpace(p.Commune))
        {
            var lus = int.TryParse(p.Commune, NumberStyles.None, Invariant, out var id) ? await faits.LireAsync(tarif, [id], horsPerimetre: anonyme, annulation) : [];
            if (lus.Count == 0 || lus[0] is not { } lu)
            {
                erreurs["commune"] = "Commune inconnue.";
                return null;
            }

            var membre = lu;
            if (membre.Population is null && utilisePopulation)
            {
                erreurs["commune"] = $"La population légale de {membre.Nom} en vigueur au 1er janvier {tarif.Exercice} (millésime {tarif.MillesimePopulation}) n'est pas connue : saisissez la population.";
                return null;
            }

            return membre;
        }

        var texte = p.Population?.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("\u00A0", string.Empty, StringComparison.Ordinal).Replace("\u202F", string.Empty, StringComparison.Ordinal);
        if (string.IsNullOrWhiteSpace(texte))
        {
            if (!utilisePopulation)
            {
                return new FaitsDuMembre(0, string.Empty, 0, null, aucune);
            }

            erreurs["population"] = "Choisissez une commune ou saisissez une population : le paramètre « population » est obligatoire pour cette formule (nombre d'habitants, entier positif ou nul).";
        }
        else if (!int.TryParse(texte, NumberStyles.AllowLeadingSign, Invariant, out var population))
        {
            erreurs["population"] = $"La population est un nombre entier d'habitants (reçu « {SaisieFr.Extrait(p.Population!)} »).";
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
            return new FaitsDuMembre(0, string.Empty, population, null, aucune);
        }

        return null;
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

        erreurs[champ] = $"Date attendue au format AAAA-MM-JJ (reçu « {SaisieFr.Extrait(texte)} »).";
        return null;
    }
}
