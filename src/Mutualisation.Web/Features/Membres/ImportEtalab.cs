using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Mutualisation.Domain.Commun;
using Mutualisation.Domain.Membres;
using Mutualisation.Persistence;

namespace Mutualisation.Web.Features.Membres;

/// <summary>
/// Imports an EPCI's communes from Etalab's <c>epci.json</c> (@etalab/decoupage-administratif).
/// A member is matched by SIREN, then by INSEE code; a re-import records the file's millésime
/// beside the earlier ones and reports what changed. Nothing is deleted.
/// </summary>
public sealed class ImportEtalab(MutualisationDbContext db)
{
    public const long TailleMaximale = 20 * 1024 * 1024;

    private static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = true };

    public async Task<RapportImport> ImporterAsync(Stream fichier, string sirenEpci, int millesime, CancellationToken annulation)
    {
        if (!Siren.EstValide(sirenEpci))
        {
            throw new ImportEtalabException($"Le SIREN d'EPCI « {sirenEpci} » n'est pas valide (9 chiffres avec une clé de contrôle correcte).");
        }

        if (millesime is < 1900 or > 2200)
        {
            throw new ImportEtalabException($"Le millésime {millesime} n'est pas une année plausible.");
        }

        var epci = (await LireAsync(fichier, annulation)).FirstOrDefault(e => e.Code == sirenEpci)
            ?? throw new ImportEtalabException($"L'EPCI {sirenEpci} ne figure pas dans ce fichier.");
        var communes = (epci.Membres ?? []).Select(Verifier).ToList();

        var existants = await db.Membres.Include(m => m.Populations).AsSplitQuery().ToListAsync(annulation);
        var parSiren = existants.ToDictionary(m => m.Siren.Valeur);
        var parInsee = existants.GroupBy(m => m.CodeInsee.Valeur).ToDictionary(g => g.Key, g => g.First());
        var rapport = new RapportImport(epci.Nom ?? sirenEpci, millesime);
        var source = $"Etalab epci.json, EPCI {sirenEpci}";

        foreach (var commune in communes)
        {
            // The domain's own limits (length, control characters): the row is reported, not stored.
            if (Membre.RefusNom(commune.Nom) is { } refus)
            {
                rapport.Refusees.Add($"{Extrait(commune.Nom!)} ({commune.Code}, SIREN {commune.Siren}) : {refus}");
                continue;
            }

            var membre = parSiren.GetValueOrDefault(commune.Siren!) ?? parInsee.GetValueOrDefault(commune.Code!);
            if (membre is null)
            {
                membre = new Membre(commune.Nom!, NatureMembre.Commune, InseeCode.Parse(commune.Code!), Siren.Parse(commune.Siren!));
                membre.EnregistrerPopulation(millesime, commune.PopulationTotale!.Value, commune.PopulationMunicipale!.Value, source);
                db.Membres.Add(membre);
                rapport.Crees.Add(commune.Nom!);
                continue;
            }

            if (membre.Nom != commune.Nom!.Trim() || membre.CodeInsee.Valeur != commune.Code || membre.Siren.Valeur != commune.Siren)
            {
                rapport.Renommes.Add($"{membre.Nom} → {commune.Nom} ({commune.Code}, SIREN {commune.Siren})");
                membre.ModifierIdentite(commune.Nom, membre.Nature, InseeCode.Parse(commune.Code!), Siren.Parse(commune.Siren!));
            }

            var ancienne = membre.Populations.FirstOrDefault(p => p.Millesime == millesime);
            var avant = ancienne is null ? null : $"{ancienne.Totale}";
            switch (membre.EnregistrerPopulation(millesime, commune.PopulationTotale!.Value, commune.PopulationMunicipale!.Value, source))
            {
                case ChangementPopulation.Ajoutee:
                    rapport.PopulationsAjoutees.Add($"{commune.Nom} : {commune.PopulationTotale} habitants");
                    break;
                case ChangementPopulation.Corrigee:
                    rapport.PopulationsCorrigees.Add($"{commune.Nom} : {avant} → {commune.PopulationTotale} habitants");
                    break;
                default:
                    rapport.Inchanges++;
                    break;
            }
        }

        var sirensDuFichier = communes.Select(c => c.Siren).ToHashSet();
        rapport.AbsentsDuFichier.AddRange(existants
            .Where(m => m.Nature == NatureMembre.Commune && !sirensDuFichier.Contains(m.Siren.Valeur))
            .Select(m => $"{m.Nom} ({m.CodeInsee})"));

        await db.SaveChangesAsync(annulation);
        return rapport;
    }

    /// <summary>A name as the report shows it: control characters removed, 60 characters at most.</summary>
    private static string Extrait(string nom)
    {
        var propre = TexteSaisi.Nettoyer(nom)!.Trim();
        return propre.Length <= 60 ? propre : string.Concat(propre.AsSpan(0, 60), "…");
    }

    private static async Task<List<EpciEtalab>> LireAsync(Stream fichier, CancellationToken annulation)
    {
        try
        {
            return await JsonSerializer.DeserializeAsync<List<EpciEtalab>>(fichier, Options, annulation)
                ?? throw new ImportEtalabException("Le fichier est vide.");
        }
        catch (JsonException erreur)
        {
            var position = erreur.LineNumber is { } ligne ? $" (ligne {ligne + 1})" : string.Empty;
            throw new ImportEtalabException($"Ce fichier n'est pas un epci.json d'Etalab : JSON invalide ou structure inattendue{position}. Attendu : une liste d'EPCI avec leurs « membres ».");
        }
    }

    private static CommuneEtalab Verifier(CommuneEtalab commune)
    {
        if (string.IsNullOrWhiteSpace(commune.Nom))
        {
            throw new ImportEtalabException($"Une commune du fichier n'a pas de nom (code {commune.Code}).");
        }

        if (!InseeCode.EstValide(commune.Code))
        {
            throw new ImportEtalabException($"La commune « {commune.Nom} » a un code INSEE invalide : « {commune.Code} ».");
        }

        if (!Siren.EstValide(commune.Siren))
        {
            throw new ImportEtalabException($"La commune « {commune.Nom} » a un SIREN invalide : « {commune.Siren} ».");
        }

        if (commune.PopulationTotale is null or < 0 || commune.PopulationMunicipale is null or < 0)
        {
            throw new ImportEtalabException($"La commune « {commune.Nom} » n'a pas de population totale et municipale positive ou nulle.");
        }

        return commune;
    }

    private sealed record EpciEtalab(
        [property: JsonPropertyName("code")] string? Code,
        [property: JsonPropertyName("nom")] string? Nom,
        [property: JsonPropertyName("membres")] List<CommuneEtalab>? Membres);

    private sealed record CommuneEtalab(
        [property: JsonPropertyName("code")] string? Code,
        [property: JsonPropertyName("siren")] string? Siren,
        [property: JsonPropertyName("nom")] string? Nom,
        [property: JsonPropertyName("populationTotale")] int? PopulationTotale,
        [property: JsonPropertyName("populationMunicipale")] int? PopulationMunicipale);
}

public sealed class ImportEtalabException(string message) : Exception(message);

public sealed class RapportImport(string nomEpci, int millesime)
{
    public string NomEpci { get; } = nomEpci;

    public int Millesime { get; } = millesime;

    public List<string> Crees { get; } = [];

    public List<string> Renommes { get; } = [];

    public List<string> PopulationsAjoutees { get; } = [];

    public List<string> PopulationsCorrigees { get; } = [];

    public List<string> AbsentsDuFichier { get; } = [];

    /// <summary>Rows of the file not stored, with the reason.</summary>
    public List<string> Refusees { get; } = [];

    public int Inchanges { get; set; }

    public string Resume =>
        $"{NomEpci}, millésime {Millesime} : {Crees.Count} membre(s) créé(s), {Renommes.Count} renommé(s), " +
        $"{PopulationsAjoutees.Count} population(s) ajoutée(s), {PopulationsCorrigees.Count} corrigée(s), {Inchanges} inchangé(s), " +
        $"{AbsentsDuFichier.Count} membre(s) absent(s) du fichier" + (Refusees.Count > 0 ? $", {Refusees.Count} ligne(s) refusée(s)." : ".");

    public IEnumerable<string> Lignes()
    {
        yield return Resume;
        foreach (var (titre, elements) in new[]
                 {
                     ("Créés", Crees), ("Renommés", Renommes), ("Populations ajoutées", PopulationsAjoutees),
                     ("Populations corrigées", PopulationsCorrigees), ("Absents du fichier (conservés)", AbsentsDuFichier),
                     ("Refusées (non enregistrées)", Refusees),
                 })
        {
            foreach (var element in elements)
            {
                yield return $"  {titre} : {element}";
            }
        }
    }
}
