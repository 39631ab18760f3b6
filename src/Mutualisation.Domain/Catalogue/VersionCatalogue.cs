using System.Globalization;

namespace Mutualisation.Domain.Catalogue;

/// <summary>
/// The catalogue of services for one exercice. A draft is edited freely; once voted (délibération
/// number and date) it is read-only, and it is in force from <see cref="EnVigueurLe"/>. A vote is due
/// between 1 January and 31 March of the exercice; a later vote is a mid-year vote with its own
/// date of effect.
/// </summary>
public sealed class VersionCatalogue
{
    private static readonly CultureInfo Fr = CultureInfo.GetCultureInfo("fr-FR");
    private readonly List<ServiceCatalogue> _services = [];
    private readonly List<FormuleCatalogue> _formules = [];
    private readonly List<AnnexeCatalogue> _annexes = [];
    private readonly List<QuantiteCatalogue> _quantites = [];

    private VersionCatalogue()
    {
    }

    /// <summary>First exercice a catalogue can be written for.</summary>
    public const int ExerciceMinimal = 2000;

    /// <summary>Last exercice a catalogue can be written for.</summary>
    public const int ExerciceMaximal = 2100;

    public VersionCatalogue(int exercice, ReferencePopulation population = ReferencePopulation.Totale)
    {
        if (exercice is < ExerciceMinimal or > ExerciceMaximal)
        {
            throw new ArgumentOutOfRangeException(nameof(exercice), exercice, $"L'exercice est une année entre {ExerciceMinimal} et {ExerciceMaximal}.");
        }

        Exercice = exercice;
        Population = population;
    }

    public int Id { get; private set; }

    public int Exercice { get; private set; }

    public StatutVersion Statut { get; private set; }

    public ReferencePopulation Population { get; private set; }

    public string? Intitule { get; private set; }

    public string? DeliberationNumero { get; private set; }

    public DateOnly? DeliberationLe { get; private set; }

    public DateOnly? EnVigueurLe { get; private set; }

    public bool VoteEnCoursDAnnee { get; private set; }

    public IReadOnlyList<ServiceCatalogue> Services => _services;

    public IReadOnlyList<FormuleCatalogue> Formules => _formules;

    public IReadOnlyList<AnnexeCatalogue> Annexes => _annexes;

    /// <summary>The quantities this version prices on besides the population, in their order.</summary>
    public IReadOnlyList<QuantiteCatalogue> Quantites => _quantites.OrderBy(q => q.Ordre).ToList();

    public bool EstVotee => Statut == StatutVersion.Votee;

    /// <summary>Copies a version (usually last year's) into a new draft for another exercice.</summary>
    public static VersionCatalogue CopierDe(VersionCatalogue source, int exercice)
    {
        var copie = new VersionCatalogue(exercice, source.Population) { Intitule = source.Intitule };
        copie._quantites.AddRange(source.Quantites.Select(q => q.Copier()));
        foreach (var service in source.Services.OrderBy(s => s.Ordre))
        {
            copie._services.Add(service.Copier());
        }

        copie._formules.AddRange(source.Formules.Select(f => new FormuleCatalogue(f.Code, f.Libelle, f.CodesServices)));
        copie._annexes.AddRange(source.Annexes.Select(a => new AnnexeCatalogue(a.Titre, a.NomFichier, a.TypeContenu, a.Contenu, a.DeposeeLe)));
        return copie;
    }

    /// <summary>
    /// Of the voted versions of one exercice, the one that prices on a date: the latest in force on
    /// that date (a mid-year vote replaces the earlier version from its date of effect), or, before
    /// any is in force, the first to come. Null when none is voted.
    /// </summary>
    public static VersionCatalogue? EnVigueurAu(IEnumerable<VersionCatalogue> versionsDeLExercice, DateOnly date)
    {
        var votees = versionsDeLExercice.Where(v => v.EstVotee).ToList();
        return votees.Where(v => v.EnVigueurLe <= date).MaxBy(v => v.EnVigueurLe) ?? votees.MinBy(v => v.EnVigueurLe);
    }

    /// <summary>The date a catalogue of an exercice is read at: today during the exercice, its last day after it, its first before it.</summary>
    public static DateOnly DateDeReference(int exercice, DateOnly aujourdHui) =>
        exercice < aujourdHui.Year ? new DateOnly(exercice, 12, 31) : exercice > aujourdHui.Year ? new DateOnly(exercice, 1, 1) : aujourdHui;

    public string StatutA(DateOnly aujourdHui) => Libelle(Statut, EnVigueurLe, aujourdHui);

    /// <summary>Brouillon, Votée (not in force yet) or En vigueur, for a version or a projection of one.</summary>
    public static string Libelle(StatutVersion statut, DateOnly? enVigueurLe, DateOnly aujourdHui) => statut switch
    {
        StatutVersion.Brouillon => "Brouillon",
        _ when enVigueurLe <= aujourdHui => "En vigueur",
        _ => "Votée",
    };

    /// <summary>The Bootstrap badge that goes with <see cref="Libelle"/>.</summary>
    public static string ClasseBadge(string libelle) => libelle switch
    {
        "En vigueur" => "text-bg-success",
        "Brouillon" => "text-bg-secondary",
        _ => "text-bg-primary",
    };

    public void Parametrer(string? intitule, ReferencePopulation population)
    {
        ExigerBrouillon();
        Intitule = string.IsNullOrWhiteSpace(intitule) ? null : intitule.Trim();
        Population = population;
    }

    /// <summary>Records the vote. Returns the French reason when the dates do not fit the rules, or null when voted.</summary>
    public string? Voter(string numero, DateOnly le, DateOnly? enVigueurLe)
    {
        ExigerBrouillon();
        if (string.IsNullOrWhiteSpace(numero))
        {
            return "Le numéro de la délibération est obligatoire.";
        }

        if (_services.Count == 0)
        {
            return "Une version sans service ne peut pas être votée.";
        }

        var debut = new DateOnly(Exercice, 1, 1);
        if (le.Year != Exercice)
        {
            return $"La délibération doit dater de l'exercice {Exercice} (vote entre le 1er janvier et le 31 mars, ou en cours d'année).";
        }

        var enCoursDAnnee = le > new DateOnly(Exercice, 3, 31);
        if (enCoursDAnnee && enVigueurLe is null)
        {
            return $"Voté après le 31 mars, c'est un vote en cours d'année : indiquez la date d'effet (au plus tôt le {le.ToString("dd/MM/yyyy", Fr)}).";
        }

        var effet = enVigueurLe ?? debut;
        if (enCoursDAnnee && effet < le)
        {
            return "La date d'effet d'un vote en cours d'année ne peut pas précéder la délibération.";
        }

        if (effet.Year != Exercice)
        {
            return $"La date d'effet doit tomber dans l'exercice {Exercice}.";
        }

        EnVigueurLe = effet;
        VoteEnCoursDAnnee = enCoursDAnnee;
        DeliberationNumero = numero.Trim();
        DeliberationLe = le;
        Statut = StatutVersion.Votee;
        return null;
    }

    public ServiceCatalogue AjouterService(DonneesService donnees)
    {
        ExigerBrouillon();
        ExigerCodeLibre(donnees.Code, null);
        var service = new ServiceCatalogue(donnees, _services.Count == 0 ? 1 : _services.Max(s => s.Ordre) + 1);
        _services.Add(service);
        return service;
    }

    public void ModifierService(ServiceCatalogue service, DonneesService donnees)
    {
        ExigerBrouillon();
        ExigerCodeLibre(donnees.Code, service);
        service.Modifier(donnees);
    }

    public void SupprimerService(ServiceCatalogue service)
    {
        ExigerBrouillon();
        _services.Remove(service);
    }

    public void DefinirComposante(ServiceCatalogue service, int? index, ComposanteTarif composante)
    {
        ExigerBrouillon();
        service.DefinirComposante(index, composante);
    }

    public void SupprimerComposante(ServiceCatalogue service, int index)
    {
        ExigerBrouillon();
        service.SupprimerComposante(index);
    }

    public void AjouterFormule(FormuleCatalogue formule)
    {
        ExigerBrouillon();
        if (_formules.Any(f => f.Code == formule.Code))
        {
            throw new CatalogueException($"La formule « {formule.Code} » existe déjà dans cette version.");
        }

        var inconnus = formule.Services.Where(code => _services.All(s => s.Code != code)).ToList();
        if (formule.Services.Count == 0 || inconnus.Count > 0)
        {
            throw new CatalogueException(formule.Services.Count == 0
                ? "Une formule regroupe au moins un service."
                : $"Service(s) absent(s) de cette version : {string.Join(", ", inconnus)}.");
        }

        _formules.Add(formule);
    }

    public void SupprimerFormule(FormuleCatalogue formule)
    {
        ExigerBrouillon();
        _formules.Remove(formule);
    }

    public QuantiteCatalogue DeclarerQuantite(DonneesQuantite donnees)
    {
        ExigerBrouillon();
        ExigerQuantiteLibre(donnees.Code, null);
        var quantite = new QuantiteCatalogue(donnees, _quantites.Count == 0 ? 1 : _quantites.Max(q => q.Ordre) + 1);
        _quantites.Add(quantite);
        return quantite;
    }

    /// <summary>Changes a declared quantity; its code cannot change while a component uses it.</summary>
    public void ModifierQuantite(QuantiteCatalogue quantite, DonneesQuantite donnees)
    {
        ExigerBrouillon();
        ExigerQuantiteLibre(donnees.Code, quantite);
        if (donnees.Code.Trim() != quantite.Code && Utilisateurs(quantite.Code).FirstOrDefault() is { } composante)
        {
            throw new CatalogueException($"La quantité {quantite.Code} est utilisée par la composante {composante} : son code ne peut pas changer.");
        }

        quantite.Modifier(donnees);
    }

    public void SupprimerQuantite(QuantiteCatalogue quantite)
    {
        ExigerBrouillon();
        if (Utilisateurs(quantite.Code).FirstOrDefault() is { } composante)
        {
            throw new CatalogueException($"La quantité {quantite.Code} est utilisée par la composante {composante} : retirez-la d'abord.");
        }

        _quantites.Remove(quantite);
    }

    /// <summary>The declared quantity of this code, or null (the population is never declared).</summary>
    public QuantiteCatalogue? Quantite(string code) => _quantites.Find(q => q.Code == code);

    /// <summary>The declared quantities the services of a formule price on, in declaration order.</summary>
    public IReadOnlyList<QuantiteCatalogue> QuantitesDe(IEnumerable<string> codesServices)
    {
        var codes = codesServices.ToHashSet(StringComparer.Ordinal);
        var utilisees = _services.Where(s => codes.Contains(s.Code))
            .SelectMany(s => s.Composantes)
            .SelectMany(c => new[] { c.Quantite, c.QuantiteTranche })
            .ToHashSet(StringComparer.Ordinal);
        return Quantites.Where(q => utilisees.Contains(q.Code)).ToList();
    }

    /// <summary>Services and components (« service / composante ») that price on a quantity.</summary>
    private IEnumerable<string> Utilisateurs(string code) =>
        _services.SelectMany(s => s.Composantes.Where(c => c.Quantite == code || c.QuantiteTranche == code).Select(c => $"{s.Code} / {c.Libelle}"));

    private void ExigerQuantiteLibre(string code, QuantiteCatalogue? saufPour)
    {
        if (_quantites.Any(q => q != saufPour && q.Code == code?.Trim()))
        {
            throw new CatalogueException($"La quantité {code} est déjà déclarée dans cette version.");
        }
    }

    public AnnexeCatalogue AjouterAnnexe(string titre, string nomFichier, string typeContenu, byte[] contenu, DateTimeOffset deposeeLe)
    {
        ExigerBrouillon();
        var annexe = new AnnexeCatalogue(titre, nomFichier, typeContenu, contenu, deposeeLe);
        _annexes.Add(annexe);
        return annexe;
    }

    public void SupprimerAnnexe(AnnexeCatalogue annexe)
    {
        ExigerBrouillon();
        _annexes.Remove(annexe);
    }

    private void ExigerCodeLibre(string code, ServiceCatalogue? saufPour)
    {
        if (_services.Any(s => s != saufPour && string.Equals(s.Code, code, StringComparison.OrdinalIgnoreCase)))
        {
            throw new CatalogueException($"Le code « {code} » est déjà utilisé dans cette version.");
        }
    }

    private void ExigerBrouillon()
    {
        if (EstVotee)
        {
            throw new CatalogueException($"La version {Exercice} est votée ({DeliberationNumero}) : elle est en lecture seule. Copiez-la dans un brouillon pour la modifier.");
        }
    }
}

/// <summary>A change refused by a catalogue version's rules (French message for the user).</summary>
public sealed class CatalogueException(string message) : Exception(message);
