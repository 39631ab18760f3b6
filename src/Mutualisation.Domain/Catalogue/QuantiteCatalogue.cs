using System.Text.RegularExpressions;

namespace Mutualisation.Domain.Catalogue;

/// <summary>Whether a quantity is counted in whole units (postes, agents) or may hold decimals (Go).</summary>
public enum TypeQuantite
{
    Entiere,
    Decimale,
}

/// <summary>The editable fields of a declared quantity.</summary>
public sealed record DonneesQuantite(string Code, string Libelle, string UniteSingulier, string UnitePluriel, TypeQuantite Type);

/// <summary>
/// A quantity a catalogue version prices on besides the population (workstations, agents, GB,
/// half-days of N1 assistance…): its code (used by components, members' values and the API), its
/// French label and its unit in the singular and the plural.
/// </summary>
public sealed partial class QuantiteCatalogue
{
    /// <summary>The population légale: always known, never declared.</summary>
    public const string CodePopulation = "population";

    public const int LongueurMaxCode = 30;

    private QuantiteCatalogue()
    {
    }

    internal QuantiteCatalogue(DonneesQuantite donnees, int ordre)
    {
        Ordre = ordre;
        Modifier(donnees);
    }

    public int Id { get; private set; }

    public int VersionCatalogueId { get; private set; }

    public int Ordre { get; private set; }

    /// <summary>Lower-case letters, digits and hyphens (it is a query parameter of the simulation API).</summary>
    public string Code { get; private set; } = string.Empty;

    public string Libelle { get; private set; } = string.Empty;

    public string UniteSingulier { get; private set; } = string.Empty;

    public string UnitePluriel { get; private set; } = string.Empty;

    public TypeQuantite Type { get; private set; }

    public DonneesQuantite Donnees => new(Code, Libelle, UniteSingulier, UnitePluriel, Type);

    /// <summary>The unit for a value (French rule: below 2 is singular, « 1,5 poste »).</summary>
    public string Unite(decimal valeur) => Math.Abs(valeur) < 2 ? UniteSingulier : UnitePluriel;

    /// <summary>Why a code cannot name a declared quantity (French), or null when it can.</summary>
    public static string? RefusCode(string? code) =>
        string.IsNullOrWhiteSpace(code) ? "Le code de la quantité est obligatoire."
        : code.Trim().Length > LongueurMaxCode ? $"Le code ne doit pas dépasser {LongueurMaxCode} caractères."
        : !FormeCode().IsMatch(code.Trim()) ? "Le code s'écrit en minuscules non accentuées, chiffres et tirets (par exemple postes ou demi-journees-n1)."
        : code.Trim() == CodePopulation ? "La population est toujours connue : elle ne se déclare pas."
        : null;

    internal void Modifier(DonneesQuantite d)
    {
        if (RefusCode(d.Code) is { } refus)
        {
            throw new CatalogueException("Code", refus);
        }

        Code = d.Code.Trim();
        Libelle = Obligatoire(d.Libelle, "Libelle", "Le libellé de la quantité est obligatoire.");
        UniteSingulier = Obligatoire(d.UniteSingulier, "UniteSingulier", "L'unité au singulier est obligatoire.");
        UnitePluriel = string.IsNullOrWhiteSpace(d.UnitePluriel) ? UniteSingulier : d.UnitePluriel.Trim();
        Type = d.Type;
    }

    internal QuantiteCatalogue Copier() => new(Donnees, Ordre);

    private static string Obligatoire(string? texte, string champ, string message) =>
        string.IsNullOrWhiteSpace(texte) ? throw new CatalogueException(champ, message) : texte.Trim();

    [GeneratedRegex("^[a-z][a-z0-9-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex FormeCode();
}
