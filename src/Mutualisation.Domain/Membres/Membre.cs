using Mutualisation.Domain.Commun;

namespace Mutualisation.Domain.Membres;

/// <summary>A member of the pooled service: a commune or an établissement associé.</summary>
public sealed class Membre : IPerimetreMembre
{
    /// <summary>Longest name stored (the form, the import and the database share it).</summary>
    public const int LongueurMaxNom = 200;

    private readonly List<PopulationLegale> _populations = [];
    private readonly List<MotDuNom> _motsDuNom = [];
    private readonly List<QuantiteMembre> _quantites = [];

    public int Id { get; private set; }

    public string Nom { get; private set; } = string.Empty;

    /// <summary>Upper-case, accent-free copy of <see cref="Nom"/> for search.</summary>
    public string NomRecherche { get; private set; } = string.Empty;

    public NatureMembre Nature { get; private set; }

    public InseeCode CodeInsee { get; private set; }

    public Siren Siren { get; private set; }

    public Adresse Adresse { get; private set; } = Adresse.Vide;

    public Contact Decideur { get; private set; } = Contact.Vide;

    public Contact Technique { get; private set; } = Contact.Vide;

    /// <summary>Latest known millésime, copied here so lists sort and page in SQL.</summary>
    public int? PopulationMillesime { get; private set; }

    public int? PopulationTotale { get; private set; }

    public int? PopulationMunicipale { get; private set; }

    public IReadOnlyCollection<PopulationLegale> Populations => _populations;

    /// <summary>The distinct words of <see cref="NomRecherche"/>, kept in step with it by <see cref="Renommer"/>.</summary>
    public IReadOnlyCollection<MotDuNom> MotsDuNom => _motsDuNom;

    /// <summary>Dated values of the quantities catalogues price on besides the population.</summary>
    public IReadOnlyCollection<QuantiteMembre> Quantites => _quantites;

    int IPerimetreMembre.MembreId => Id;

    private Membre()
    {
    }

    public Membre(string nom, NatureMembre nature, InseeCode codeInsee, Siren siren)
    {
        Renommer(nom);
        Nature = nature;
        CodeInsee = codeInsee;
        Siren = siren;
    }

    public void Renommer(string nom)
    {
        if (RefusNom(nom) is { } refus)
        {
            throw new ArgumentException(refus, nameof(nom));
        }

        Nom = nom.Trim();
        NomRecherche = TexteRecherche.Normaliser(Nom);
        var mots = TexteRecherche.Mots(NomRecherche);
        _motsDuNom.RemoveAll(m => !mots.Contains(m.Mot));
        foreach (var mot in mots.Where(mot => !_motsDuNom.Exists(m => m.Mot == mot)))
        {
            _motsDuNom.Add(new MotDuNom(mot));
        }
    }

    /// <summary>Why a name cannot be a member's (in French), or null when it can.</summary>
    public static string? RefusNom(string? nom) =>
        string.IsNullOrWhiteSpace(nom) ? "Le nom est obligatoire."
        : nom.Trim().Length > LongueurMaxNom ? $"Le nom ne doit pas dépasser {LongueurMaxNom} caractères (reçu {nom.Trim().Length})."
        : TexteSaisi.ContientInterdits(nom) ? "Le nom contient des caractères de contrôle ou d'inversion du sens de lecture."
        : null;

    public void ModifierIdentite(string nom, NatureMembre nature, InseeCode codeInsee, Siren siren)
    {
        Renommer(nom);
        Nature = nature;
        CodeInsee = codeInsee;
        Siren = siren;
    }

    public void ModifierCoordonnees(Adresse adresse, Contact decideur, Contact technique)
    {
        ArgumentNullException.ThrowIfNull(adresse);
        ArgumentNullException.ThrowIfNull(decideur);
        ArgumentNullException.ThrowIfNull(technique);
        if ((adresse.Refus() ?? decideur.Refus() ?? technique.Refus()) is { } refus)
        {
            throw new ArgumentException(refus);
        }

        Adresse = adresse;
        Decideur = decideur;
        Technique = technique;
    }

    /// <summary>
    /// Records the legal population of a millésime. A known millésime with other figures is
    /// corrected in place; history of other millésimes is kept. Returns what happened.
    /// </summary>
    public ChangementPopulation EnregistrerPopulation(int millesime, int totale, int municipale, string source)
    {
        var existante = _populations.FirstOrDefault(p => p.Millesime == millesime);
        ChangementPopulation changement;
        if (existante is null)
        {
            _populations.Add(new PopulationLegale(millesime, totale, municipale, source));
            changement = ChangementPopulation.Ajoutee;
        }
        else if (existante.Totale == totale && existante.Municipale == municipale)
        {
            changement = ChangementPopulation.Inchangee;
        }
        else
        {
            existante.Corriger(totale, municipale, source);
            changement = ChangementPopulation.Corrigee;
        }

        var derniere = _populations.MaxBy(p => p.Millesime)!;
        PopulationMillesime = derniere.Millesime;
        PopulationTotale = derniere.Totale;
        PopulationMunicipale = derniere.Municipale;
        return changement;
    }

    /// <summary>
    /// Records the value of a quantity from a date (a value at the same date is replaced). The code
    /// must have the form of a declared quantity's; the value is positive or zero.
    /// </summary>
    public QuantiteMembre EnregistrerQuantite(string code, DateOnly depuis, decimal valeur, string? source = null)
    {
        if (Catalogue.QuantiteCatalogue.RefusCode(code) is { } refus)
        {
            throw new ArgumentException(refus, nameof(code));
        }

        if (valeur < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(valeur), valeur, "Une quantité ne peut pas être négative.");
        }

        if (source?.Trim().Length > QuantiteMembre.LongueurMaxSource)
        {
            throw new ArgumentException($"La source ne doit pas dépasser {QuantiteMembre.LongueurMaxSource} caractères.", nameof(source));
        }

        code = code.Trim();
        var existante = _quantites.Find(q => q.Code == code && q.Depuis == depuis);
        if (existante is null)
        {
            existante = new QuantiteMembre(code, depuis, valeur, source);
            _quantites.Add(existante);
        }
        else
        {
            existante.Modifier(valeur, source);
        }

        return existante;
    }

    public void SupprimerQuantite(QuantiteMembre quantite) => _quantites.Remove(quantite);

    /// <summary>The value of a quantity in force on a date: the latest dated on or before it.</summary>
    public QuantiteMembre? QuantiteAu(string code, DateOnly date) =>
        _quantites.Where(q => q.Code == code && q.Depuis <= date).MaxBy(q => q.Depuis);

    /// <summary>The population légale in force for an exercice: the latest millésime not after it.</summary>
    public PopulationLegale? PopulationPour(int millesimeMaximal) =>
        _populations.Where(p => p.Millesime <= millesimeMaximal).MaxBy(p => p.Millesime);
}

public enum ChangementPopulation
{
    Inchangee,
    Ajoutee,
    Corrigee,
}
